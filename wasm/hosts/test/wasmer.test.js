// nazif.wasm on @wasmer/wasi, a WASI implementation independent of
// node:wasi, wazero and the browser shim: the example host of
// wasm/HOSTS.md gives the Go host's bytes on every vector.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { init, WASI } from "@wasmer/wasi";

import { load } from "../wasmer.js";
import { conform } from "./conformance.js";

const wasm = readFileSync(new URL("../../module/nazif.wasm", import.meta.url));

test("@wasmer/wasi gives the Go host's bytes on every vector", async (t) => {
  const clean = await load(wasm);
  const ms = await conform(clean, "@wasmer/wasi");
  t.diagnostic(`the vectors' calls took ${Math.round(ms)} ms`);
});

test("@wasmer/wasi: unknown options are status 1, with the guest's message", async () => {
  const clean = await load(wasm);
  const page = new TextEncoder().encode("<p>نص</p>");
  const { status, payload } = clean(page, `{"htm":true}`);
  assert.equal(status, 1);
  assert.match(new TextDecoder().decode(payload), /^nazif: options: unknown field "htm"/);
});

// If this fails, @wasmer/wasi has learnt to poll a clock, and wasmer.js
// can drop its stand-in pollOneoff.
test("@wasmer/wasi's own poll_oneoff traps on the poll Go's runtime makes, so wasmer.js replaces it", async () => {
  await init();
  const wasi = new WASI({});
  const module = await WebAssembly.compile(wasm);
  const imports = wasi.getImports(module);
  const instance = new WebAssembly.Instance(module, imports);
  wasi.instantiate(instance);
  instance.exports._initialize();
  // One subscription (48 bytes): userdata 1, tag 0 (a clock), clock 1
  // (monotonic), timeout 0, relative; then room for one event (32 bytes)
  // and the event count.
  const at = instance.exports.nazif_alloc(48 + 32 + 4) >>> 0;
  const view = new DataView(instance.exports.memory.buffer);
  view.setBigUint64(at, 1n, true);
  view.setUint8(at + 8, 0);
  view.setUint32(at + 16, 1, true);
  view.setBigUint64(at + 24, 0n, true);
  view.setUint16(at + 40, 0, true);
  assert.throws(() => imports.wasi_snapshot_preview1.poll_oneoff(at, at + 48, 1, at + 80), /unreachable/);
});
