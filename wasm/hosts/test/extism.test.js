// nazif-extism.wasm on Extism's JS SDK (@extism/extism): the same bytes as
// the Go host on every vector, through both exports, and the framing of
// clean_with_options.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { load } from "../extism.js";
import { conform } from "./conformance.js";

const wasm = readFileSync(new URL("../../module/nazif-extism.wasm", import.meta.url));
// Newlines in the page too: only the first newline of clean_with_options's
// input ends the options.
const page = new TextEncoder().encode("<title>عنوان</title>\n<p>" + "هذا نص عربي طويل بما يكفي ليكون فقرة.\n".repeat(8) + "</p>\n");
const text = (b) => new TextDecoder().decode(b);

test("nazif-extism.wasm imports only WASI and Extism's kernel, and exports clean", () => {
  const m = new WebAssembly.Module(wasm);
  for (const imp of WebAssembly.Module.imports(m)) {
    assert.ok(["wasi_snapshot_preview1", "extism:host/env"].includes(imp.module), `imports ${imp.module}.${imp.name}`);
  }
  const names = WebAssembly.Module.exports(m).map((e) => e.name);
  for (const name of ["_initialize", "memory", "clean", "clean_with_options"]) assert.ok(names.includes(name), `no export ${name}`);
});

test("Extism's JS SDK gives the Go host's bytes on every vector", async (t) => {
  const { clean, close } = await load(wasm);
  try {
    const ms = await conform(clean, "@extism/extism");
    t.diagnostic(`the vectors' calls took ${Math.round(ms)} ms`);
  } finally {
    await close();
  }
});

test("clean_with_options: the options line, then the page", async () => {
  const { clean, close, plugin } = await load(wasm);
  try {
    const plain = await clean(page);
    assert.equal(plain.status, 0);
    assert.doesNotMatch(text(plain.payload), /"html":/);
    // {} is no options: the same bytes as clean.
    assert.deepEqual(await clean(page, "{}"), plain);
    assert.match(text(plain.payload), /"title":"عنوان"/);
    const html = await clean(page, `{"html":true}`);
    assert.equal(html.status, 0);
    assert.match(text(html.payload), /"html":"\\u003carticle/);
    for (const [options, message] of [
      [`{"htm":true}`, /^nazif: options: unknown field "htm"/],
      [`{"html":`, /^nazif: options: /],
      [`{"html":true}x`, /^nazif: options: /],
    ]) {
      const got = await clean(page, options);
      assert.equal(got.status, 1, options);
      assert.match(text(got.payload), message, options);
    }
    // No newline at all: no page, so it is refused, with status 1.
    await assert.rejects(plugin.call("clean_with_options", `{"html":true}`), /^Error: Plugin-originated error: nazif: options: clean_with_options takes/);
  } finally {
    await close();
  }
});
