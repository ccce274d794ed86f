// crossruntime.js is what the differential tests share: the Go host's
// results on every testdata page (testdata/crossruntime.json, written by
// go test ./host -run TestCrossRuntime -update), each case's input, and
// the check a runtime's results must pass: for each case, the SHA-256 and
// length of its JSON, or the error with the same code (and the same
// message, for errors the guest reports). The other hosts' tests
// (wasm/hosts) use it too.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const testdata = new URL("../../../testdata/", import.meta.url);

export const manifest = JSON.parse(readFileSync(new URL("crossruntime.json", testdata), "utf8"));

/** caseInput is the bytes of a manifest case's input, in Node. */
export function caseInput(c) {
  if (c.base64 !== undefined) return new Uint8Array(Buffer.from(c.base64, "base64"));
  if (c.fill) return new Uint8Array(c.fill.length).fill(c.fill.byte);
  return new Uint8Array(readFileSync(new URL(c.input, testdata)));
}

function name(c) {
  if (c.input) return c.input;
  if (c.fill) return `${c.fill.length} bytes of ${c.fill.byte}`;
  return JSON.stringify(Buffer.from(c.base64, "base64").toString("latin1").slice(0, 24));
}

/**
 * checkResults asserts that results, one per manifest case, are the Go
 * host's: {sha256, bytes} for an article, {error: {name, code, message}}
 * for a failure. where names the runtime in the messages.
 */
export function checkResults(results, where) {
  assert.equal(results.length, manifest.cases.length, `${where}: one result per case`);
  manifest.cases.forEach((c, i) => {
    const got = results[i];
    const what = `${where}: ${name(c)} with options ${c.options}`;
    if (c.error) {
      assert.ok(got.error, `${what}: it gave an article; the Go host failed with ${c.error.code}`);
      assert.equal(got.error.name, "NazifError", what);
      assert.equal(got.error.code, c.error.code, what);
      if (c.error.message !== undefined) assert.equal(got.error.message, c.error.message, what);
      return;
    }
    assert.ok(!got.error, `${what}: it failed with ${JSON.stringify(got.error)}; the Go host gave ${c.bytes} bytes`);
    assert.equal(got.bytes, c.bytes, `${what}: length`);
    assert.equal(got.sha256, c.sha256, `${what}: the JSON differs from the Go host's`);
  });
}
