// The cross-runtime differential test: Node, through node:wasi, gives
// byte for byte the Go host's results on every testdata page
// (testdata/crossruntime.json, written by go test ./host -run
// TestCrossRuntime -update), errors included.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { load, NazifError } from "../node.js";

const testdata = new URL("../../../testdata/", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("crossruntime.json", testdata), "utf8"));

function input(c) {
  if (c.base64 !== undefined) return new Uint8Array(Buffer.from(c.base64, "base64"));
  if (c.fill) return new Uint8Array(c.fill.length).fill(c.fill.byte);
  return new Uint8Array(readFileSync(new URL(c.input, testdata)));
}

function name(c) {
  return `${c.input ?? (c.fill ? `${c.fill.length} bytes of ${c.fill.byte}` : JSON.stringify(Buffer.from(c.base64, "base64").toString("latin1").slice(0, 24)))} with options ${c.options}`;
}

test("the manifest covers every testdata page with both option sets", () => {
  const pages = manifest.cases.filter((c) => c.input);
  assert.ok(pages.length >= 50, `only ${pages.length} page cases`);
  assert.ok(manifest.cases.some((c) => c.error), "no error cases");
});

test("Node gives the Go host's bytes on every case", async () => {
  const cleaner = await load();
  let checked = 0;
  for (const c of manifest.cases) {
    const opts = manifest.options[c.options];
    let got;
    try {
      got = Buffer.from(cleaner.cleanJSON(input(c), opts), "utf8");
    } catch (err) {
      assert.ok(err instanceof NazifError, `${name(c)}: ${err}`);
      assert.ok(c.error, `${name(c)}: Node failed with ${err.code} (${err.message}); the Go host gave ${c.bytes} bytes`);
      assert.equal(err.code, c.error.code, name(c));
      if (c.error.message !== undefined) assert.equal(err.message, c.error.message, name(c));
      checked++;
      continue;
    }
    assert.ok(!c.error, `${name(c)}: Node gave an article; the Go host failed with ${c.error?.code}`);
    const sum = createHash("sha256").update(got).digest("hex");
    assert.equal(got.length, c.bytes, `${name(c)}: length`);
    assert.equal(sum, c.sha256, `${name(c)}: the JSON differs from the Go host's`);
    checked++;
  }
  assert.equal(checked, manifest.cases.length);
});
