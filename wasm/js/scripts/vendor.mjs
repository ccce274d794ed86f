// vendor.mjs copies the pinned @bjorn3/browser_wasi_shim (package.json's
// devDependencies) from node_modules into vendor/browser_wasi_shim, so
// that what ships needs no install and no bundler. test/vendor.test.js
// fails when the copy and the pinned package differ.
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";

const pkg = new URL("../node_modules/@bjorn3/browser_wasi_shim/", import.meta.url);
const out = new URL("../vendor/browser_wasi_shim/", import.meta.url);

export async function vendorFiles() {
  const dist = (await readdir(new URL("dist/", pkg))).filter((f) => f.endsWith(".js")).sort();
  return [...dist.map((f) => ["dist/" + f, f]), ["LICENSE-MIT", "LICENSE-MIT"], ["LICENSE-APACHE", "LICENSE-APACHE"]];
}

export async function vendorVersion() {
  const { name, version, repository } = JSON.parse(await readFile(new URL("package.json", pkg), "utf8"));
  return `${name} ${version}\n${repository.url}\nCopied from the npm package's dist/ by scripts/vendor.mjs; do not edit.\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  for (const [from, to] of await vendorFiles()) await copyFile(new URL(from, pkg), new URL(to, out));
  await writeFile(new URL("VERSION", out), await vendorVersion());
  console.log("vendored", (await vendorVersion()).split("\n")[0]);
}
