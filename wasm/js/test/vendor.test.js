// vendor/browser_wasi_shim is exactly the pinned @bjorn3/browser_wasi_shim
// (package.json), as scripts/vendor.mjs copies it: nobody edits it by
// hand, and bumping the pin without re-vendoring fails here.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";

import { vendorFiles, vendorVersion } from "../scripts/vendor.mjs";

const pkg = new URL("../node_modules/@bjorn3/browser_wasi_shim/", import.meta.url);
const out = new URL("../vendor/browser_wasi_shim/", import.meta.url);

test("the vendored shim is the pinned package", async () => {
  const pinned = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).devDependencies["@bjorn3/browser_wasi_shim"];
  const installed = JSON.parse(readFileSync(new URL("package.json", pkg), "utf8")).version;
  assert.equal(installed, pinned, "node_modules holds another version: run npm ci");
  const files = await vendorFiles();
  for (const [from, to] of files) {
    assert.ok(readFileSync(new URL(to, out)).equals(readFileSync(new URL(from, pkg))), `vendor/browser_wasi_shim/${to} differs from the package's ${from}: run npm run vendor`);
  }
  assert.equal(readFileSync(new URL("VERSION", out), "utf8"), await vendorVersion());
  assert.deepEqual(readdirSync(out).sort(), [...files.map(([, to]) => to), "VERSION"].sort(), "stray files in vendor/browser_wasi_shim");
});
