// The package as users get it: npm pack, the tarball's files, then an
// install of the tarball in a scratch project that imports "nazif", cleans
// a testdata page and must give the Go host's bytes (crossruntime.json).
//
// It lives apart from test/*.test.js and runs alone (make test-pack): npm
// pack's prepack swaps the links nazif.wasm and LICENSE for copies, and
// tests running beside it could read the package while one is missing.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";

import { manifest } from "../crossruntime.js";

const run = promisify(execFile);
const pkgDir = fileURLToPath(new URL("../../", import.meta.url));
const testdata = new URL("../../../../testdata/", import.meta.url);
const repoRoot = new URL("../../../../", import.meta.url);

// The links in the repository and what they point to (scripts/pack.mjs).
const links = { "nazif.wasm": "../module/nazif.wasm", LICENSE: "../../LICENSE" };

// npm, quiet and offline: the package has no dependencies, so nothing
// here needs the registry, and a test that reached it would hide that.
const npmFlags = ["--no-audit", "--no-fund", "--no-update-notifier", "--offline"];
const npm = (args, cwd) => run("npm", [...args, ...npmFlags], { cwd, maxBuffer: 16 << 20 });

const gitStatus = async () => (await run("git", ["status", "--porcelain", "--", "."], { cwd: pkgDir })).stdout;

// untar lists a .tgz's entries as {path, type, data}: type "0" is a
// regular file, "2" a symbolic link. Node has no tar reader, and the
// system tar's listing differs between platforms.
function untar(tgz) {
  const tar = gunzipSync(tgz);
  const entries = [];
  const field = (h, at, len) => h.subarray(at, at + len).toString("utf8").replace(/\0.*$/s, "");
  for (let at = 0; at + 512 <= tar.length; ) {
    const h = tar.subarray(at, at + 512);
    if (h.every((b) => b === 0)) break;
    const size = parseInt(field(h, 124, 12).trim() || "0", 8);
    const type = field(h, 156, 1) || "0";
    const prefix = field(h, 345, 155);
    const name = field(h, 0, 100);
    const data = tar.subarray(at + 512, at + 512 + size);
    // pax headers ("x", "g") describe the next entry; npm writes none for
    // paths this short, so one here would be a surprise worth failing on.
    assert.ok(type !== "x" && type !== "g" && type !== "L", `unexpected tar header type ${type} before ${name}`);
    entries.push({ path: prefix ? `${prefix}/${name}` : name, type, data });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return entries;
}

// The files the tarball must hold, exactly: the loader, the renderer, their
// types, the stylesheet, the module, the licence, the README and the
// vendored shim; so no tests, scripts, demo, extension or node_modules.
async function wantFiles() {
  const top = (await readdir(pkgDir)).filter((f) => f.endsWith(".js") || f.endsWith(".d.ts"));
  const vendor = (await readdir(join(pkgDir, "vendor/browser_wasi_shim"))).map((f) => `vendor/browser_wasi_shim/${f}`);
  return [...top, ...vendor, "LICENSE", "README.md", "article.css", "nazif.wasm", "package.json"].map((f) => `package/${f}`).sort();
}

// The scratch project's script: it imports the installed package by name,
// as a user would, and prints what the test checks.
const script = `
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { load } from "nazif";
import { articleText } from "nazif/render";

const [input, options] = [process.argv[2], JSON.parse(process.argv[3])];
const cleaner = await load();
const json = Buffer.from(cleaner.cleanJSON(new Uint8Array(readFileSync(input)), options), "utf8");
console.log(JSON.stringify({
  sha256: createHash("sha256").update(json).digest("hex"),
  bytes: json.length,
  text: articleText(JSON.parse(json)),
  resolved: Object.fromEntries(["nazif", "nazif/render", "nazif/article.css", "nazif/nazif.wasm"].map((s) => [s, import.meta.resolve(s)])),
}));
`;

test("npm pack gives a tarball that installs and cleans like the Go host", { timeout: 120_000 }, async (t) => {
  // The real path: Node resolves modules through symbolic links (macOS's
  // /var is one), and the test compares resolved URLs with paths under tmp.
  const tmp = await realpath(await mkdtemp(join(tmpdir(), "nazif-pack-")));
  t.after(() => rm(tmp, { recursive: true, force: true }));

  const before = await gitStatus();
  const { stdout } = await npm(["pack", "--json", "--pack-destination", tmp], pkgDir);
  const tarball = join(tmp, JSON.parse(stdout)[0].filename);

  // postpack put the links back, and packing changed nothing git sees.
  for (const [name, target] of Object.entries(links)) {
    const st = await lstat(join(pkgDir, name));
    assert.ok(st.isSymbolicLink(), `${name} is no longer a symbolic link after npm pack`);
    assert.equal(await readlink(join(pkgDir, name)), target, name);
  }
  assert.equal(await gitStatus(), before, "npm pack changed the git status of wasm/js");

  const entries = untar(await readFile(tarball));
  assert.deepEqual(entries.map((e) => e.path).sort(), await wantFiles(), "the tarball's files");
  for (const e of entries) assert.equal(e.type, "0", `${e.path} is not a regular file in the tarball`);
  const entry = (name) => entries.find((e) => e.path === `package/${name}`).data;
  assert.ok(entry("nazif.wasm").equals(await readFile(new URL("wasm/module/nazif.wasm", repoRoot))), "package/nazif.wasm is not wasm/module/nazif.wasm");
  assert.ok(entry("LICENSE").equals(await readFile(new URL("LICENSE", repoRoot))), "package/LICENSE is not the repository's LICENSE");
  assert.ok(entry("article.css").equals(await readFile(join(pkgDir, "article.css"))), "package/article.css differs");

  // The scratch project, in the temporary directory, so that no
  // node_modules above it can supply "nazif".
  const app = join(tmp, "app");
  await mkdir(app);
  await writeFile(join(app, "package.json"), JSON.stringify({ name: "scratch", private: true, type: "module" }));
  await writeFile(join(app, "run.mjs"), script);
  await npm(["install", tarball], app);
  const installed = pathToFileURL(join(app, "node_modules/nazif/")).href;
  assert.ok(!(await lstat(join(app, "node_modules/nazif"))).isSymbolicLink(), "npm linked the package instead of unpacking the tarball");

  // One page under each option set: the second turns on html, markdown
  // and explain.
  for (const [i, options] of manifest.options.entries()) {
    const c = manifest.cases.find((c) => c.input && c.options === i && !c.error);
    const out = await run(process.execPath, ["run.mjs", fileURLToPath(new URL(c.input, testdata)), JSON.stringify(options)], { cwd: app, maxBuffer: 16 << 20 });
    const got = JSON.parse(out.stdout);
    const what = `${c.input} with options ${i}`;
    assert.equal(got.bytes, c.bytes, `${what}: length`);
    assert.equal(got.sha256, c.sha256, `${what}: the JSON differs from the Go host's`);
    assert.ok(got.text.length > 0, `${what}: nazif/render's articleText gave nothing`);
    assert.deepEqual(got.resolved, {
      nazif: installed + "node.js",
      "nazif/render": installed + "render.js",
      "nazif/article.css": installed + "article.css",
      "nazif/nazif.wasm": installed + "nazif.wasm",
    });
  }
  // Resolving an export does not look for the file: this does.
  assert.ok((await readFile(new URL("article.css", installed))).equals(entry("article.css")), "the installed article.css");
});
