// extension.mjs assembles the loadable "nazif reader" extension into a
// directory of its own: extension/* plus lib/ with the package's browser
// loader, render.js, the vendored WASI shim and nazif.wasm (a copy, not the
// symlink). The source directory extension/ is never written to.
//
//   node scripts/extension.mjs <out-dir>     (default: dist/extension)
//
// Then load <out-dir> as an unpacked extension (chrome://extensions).
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const pkgDir = fileURLToPath(new URL("..", import.meta.url));
const srcDir = path.join(pkgDir, "extension");

// The package's files the extension imports, under lib/.
const libFiles = ["browser.js", "core.js", "render.js", "article.css", "nazif.wasm"];
const libDirs = ["vendor/browser_wasi_shim"];

/**
 * buildExtension writes the extension to outDir and returns its absolute
 * path. outDir must be empty, absent, or an earlier build (it is replaced);
 * it may not be inside extension/. extraManifest is merged into the top
 * level of manifest.json (tests add fields there).
 */
export async function buildExtension(outDir, { extraManifest } = {}) {
  if (!outDir) throw new TypeError("buildExtension: outDir is required");
  const out = path.resolve(outDir);
  const rel = path.relative(srcDir, out);
  if (rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel)) || path.relative(out, pkgDir).split(path.sep)[0] !== "..") {
    throw new Error(`buildExtension: ${out} is the package or the extension source or inside it; build elsewhere`);
  }
  await clear(out);
  await mkdir(out, { recursive: true });

  await cp(srcDir, out, { recursive: true });
  for (const f of libFiles) {
    // dereference: nazif.wasm is a symlink to ../module/nazif.wasm.
    await cp(path.join(pkgDir, f), path.join(out, "lib", f), { dereference: true });
  }
  for (const d of libDirs) {
    await cp(path.join(pkgDir, d), path.join(out, "lib", d), { recursive: true, dereference: true });
  }

  const manifestPath = path.join(out, "manifest.json");
  const manifest = JSON.parse(await readFile(manifestPath, "utf8"));
  Object.assign(manifest, extraManifest ?? {});
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2) + "\n");

  const wasm = await stat(path.join(out, "lib", "nazif.wasm"));
  if (!wasm.isFile() || wasm.size === 0) throw new Error("buildExtension: lib/nazif.wasm is missing or empty; build wasm/module/nazif.wasm first");
  return out;
}

// clear removes an earlier build at dir, and refuses to remove anything
// that does not look like one.
async function clear(dir) {
  let entries;
  try {
    entries = await readdir(dir);
  } catch (err) {
    if (err.code === "ENOENT") return;
    throw err;
  }
  if (entries.length === 0) return;
  let name;
  try {
    name = JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8")).name;
  } catch {
    // not a build
  }
  if (name !== "nazif reader") {
    throw new Error(`buildExtension: ${dir} is not empty and holds no earlier build of the extension; refusing to replace it`);
  }
  await rm(dir, { recursive: true, force: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildExtension(process.argv[2] ?? path.join(pkgDir, "dist", "extension"));
  console.log(`nazif reader extension written to ${out}; load it unpacked from there`);
}
