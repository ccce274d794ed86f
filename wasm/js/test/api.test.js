// The loader's API in Node: every way to load the module, strings and
// bytes, options, settings, and each failure as a NazifError with its code.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { test } from "node:test";

import { ABI_VERSION, Code, defaults, load, NazifError, wasmURL } from "../node.js";

const corpus = new URL("../../../testdata/corpus/", import.meta.url);
const page = (name) => new Uint8Array(readFileSync(new URL(name, corpus)));
const golden = (name) => JSON.parse(readFileSync(new URL(`../golden/${name}.json`, corpus), "utf8"));

const cleaner = await load();

function throwsCode(fn, code, message) {
  assert.throws(fn, (err) => {
    assert.ok(err instanceof NazifError, `want a NazifError, got ${err}`);
    assert.equal(err.code, code);
    if (message) assert.match(err.message, message);
    return true;
  });
}

test("clean gives the golden article of a corpus page", () => {
  const a = cleaner.clean(page("youm7-2020-08-24.html"));
  const want = golden("youm7-2020-08-24.html");
  assert.equal(a.title, want.title);
  assert.equal(a.published, want.published);
  assert.deepEqual(a.blocks, want.blocks);
  assert.equal(a.dir, "rtl");
  assert.equal(a.lang, "ar");
});

test("every way to give the module loads the same cleaner", async () => {
  const bytes = readFileSync(wasmURL);
  const module = await WebAssembly.compile(bytes);
  const sources = [bytes, new Uint8Array(bytes).buffer, wasmURL, wasmURL.href, fileURLToPath(wasmURL), module,
    new Response(bytes, { headers: { "content-type": "application/wasm" } }), new Response(bytes)];
  const input = page("sputnik-2020-03-17.html");
  const want = cleaner.cleanJSON(input);
  for (const src of sources) {
    const c = await load(src);
    assert.equal(c.abiVersion, ABI_VERSION);
    assert.equal(c.cleanJSON(input), want, `loaded from ${src?.constructor?.name}`);
  }
});

test("a module that is not nazif.wasm fails with bad_binary", async () => {
  for (const src of [new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), new TextEncoder().encode("<html>"), new Response("gone", { status: 404 })]) {
    await assert.rejects(load(src), (err) => err instanceof NazifError && err.code === Code.BAD_BINARY);
  }
});

test("a string is Unicode whatever its meta charset says; bytes follow it", () => {
  const body = "هذا نصٌّ عربيّ طويل بما يكفي ليكون فقرة في مقالٍ إخباريّ عن أحداث اليوم، ومعه همزة: سُئل المسؤول.";
  const html = `<html><head><meta charset="windows-1256"><title>خبر</title></head><body><article><p>${body}</p></article></body></html>`;
  assert.equal(cleaner.clean(html).blocks[0].text, body);
  // The same page as windows-1256 bytes: «ه» is 0xE5, «ذ» 0xD0 and so on;
  // decoding them is the guest's job, so build them from the string.
  const cp1256 = new Map([..."ابةتثجحخدذرزسشصضطظعغفقكلمنهوي"].map((ch, i) => [ch, [0xc7, 0xc8, 0xc9, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf, 0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd8, 0xd9, 0xda, 0xdb, 0xdd, 0xde, 0xdf, 0xe1, 0xe3, 0xe4, 0xe5, 0xe6, 0xed][i]]));
  const plain = "هذا نص عربي طويل بما يكفي ليكون فقرة في مقال اخباري عن احداث اليوم وما بعدها من تطورات";
  const bytes = Uint8Array.from([...`<html><head><meta charset="windows-1256"></head><body><p>${plain}</p></body></html>`].map((ch) => cp1256.get(ch) ?? ch.charCodeAt(0)));
  assert.equal(cleaner.clean(bytes).blocks[0].text, plain);
});

test("options: url, now as a Date or a string, html, markdown, explain", () => {
  const input = page("albayan-2020-06-03.html");
  const a = cleaner.clean(input, { url: "https://example.com/a", html: true, markdown: true, explain: true, now: new Date("2021-03-04T05:06:07Z") });
  assert.match(a.html, /^<article dir="rtl"/);
  assert.ok(a.markdown.startsWith("# "), a.markdown.slice(0, 40));
  assert.ok(a.removed.length > 0 && a.removed.every((r) => r.text && r.reason));
  const b = cleaner.cleanJSON(input, { url: "https://example.com/a", html: true, markdown: true, explain: true, now: "2021-03-04T05:06:07Z" });
  assert.equal(JSON.stringify(a), JSON.stringify(JSON.parse(b)));
  const plain = cleaner.clean(input);
  assert.equal(plain.html, undefined);
  assert.equal(plain.removed, undefined);
});

test("refused inputs and options keep the instance; errors carry codes", () => {
  throwsCode(() => cleaner.clean(""), Code.EMPTY, /^nazif: empty input$/);
  throwsCode(() => cleaner.clean(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3])), Code.NOT_TEXT, /gzip/);
  throwsCode(() => cleaner.clean("<p>نص</p>", { bogus: true }), Code.BAD_OPTIONS, /unknown field "bogus"/);
  throwsCode(() => cleaner.clean("<p>نص</p>", { html: "yes" }), Code.BAD_OPTIONS);
  throwsCode(() => cleaner.clean("<p>نص</p>", { now: new Date(NaN) }), Code.BAD_OPTIONS, /invalid Date/);
  throwsCode(() => cleaner.clean("<p>نص</p>", { timeoutMs: "soon" }), Code.BAD_OPTIONS, /timeoutMs/);
  // Issue 13: these threw a RangeError or turned the deadline off unsaid.
  for (const timeoutMs of [Infinity, -1, NaN, 2 ** 64 / 1e6]) {
    throwsCode(() => cleaner.clean("<p>نص</p>", { timeoutMs }), Code.BAD_OPTIONS, /timeoutMs/);
  }
  throwsCode(() => cleaner.clean("<p>نص</p>", null), Code.BAD_OPTIONS);
  assert.throws(() => cleaner.clean(42), TypeError);
  assert.equal(cleaner.clean(page("assabah-2019-02-08.html")).title, golden("assabah-2019-02-08.html").title);
});

test("too_large: the cap is the cleaner's setting", async () => {
  const small = await load(undefined, { maxInputBytes: 1000 });
  throwsCode(() => small.clean(new Uint8Array(1001).fill(0x61)), Code.TOO_LARGE, /cap of 1000 \(maxInputBytes\)/);
  assert.ok(small.clean("<p>" + "نص ".repeat(100) + "</p>").blocks.length > 0);
  throwsCode(() => cleaner.clean(new Uint8Array(defaults.maxInputBytes + 1)), Code.TOO_LARGE);
  await assert.rejects(load(undefined, { maxInput: 1 }), TypeError);
});

test("timeout: a budget too short fails, then the cleaner goes on", () => {
  const big = "<html><body>" + "<div><p>فقرة عربية قصيرة للاختبار فيها بعض الكلمات.</p></div>".repeat(20000) + "</body></html>";
  throwsCode(() => cleaner.clean(big, { timeoutMs: 0.001 }), Code.TIMEOUT, /^nazif:/);
  assert.equal(cleaner.memoryBytes, 0, "a timed-out instance is dropped");
  assert.ok(cleaner.clean(big, { timeoutMs: 0 }).blocks.length > 0);
});

test("an instance past recycleBytes is replaced after its call", async () => {
  const c = await load(undefined, { recycleBytes: 1 });
  const input = page("elbaladtv-2020-12-25.html");
  const first = c.cleanJSON(input);
  assert.equal(c.memoryBytes, 0);
  assert.equal(c.cleanJSON(input), first);
  const keep = await load(undefined, { recycleBytes: 0 });
  keep.cleanJSON(input);
  assert.ok(keep.memoryBytes > 0);
});

test("close: later calls fail with closed", async () => {
  const c = await load();
  c.close();
  throwsCode(() => c.clean("<p>نص</p>"), Code.CLOSED);
});

test("a thousand calls keep memory steady", async () => {
  const c = await load();
  const input = page("akhbarelyom-2020-10-07.html");
  const want = c.cleanJSON(input);
  let after100 = 0;
  for (let i = 1; i <= 1000; i++) {
    assert.equal(c.cleanJSON(input), want);
    if (i === 100) after100 = c.memoryBytes;
  }
  assert.ok(c.memoryBytes <= after100 * 1.25, `memory grew from ${after100} to ${c.memoryBytes}`);
});

test("memoryLimitBytes is a hard cap: past it, memory_limit, then a fresh instance", async () => {
  const c = await load(undefined, { memoryLimitBytes: 32 << 20 });
  const hostile = "<html><body>" + "<p>x".repeat(1_000_000) + "</body></html>";
  throwsCode(() => c.clean(hostile), Code.MEMORY_LIMIT, /out of memory/);
  assert.equal(c.memoryBytes, 0, "the instance that ran out is dropped");
  assert.equal(c.clean(page("youm7-2020-08-24.html")).title, golden("youm7-2020-08-24.html").title);
  assert.ok(c.memoryBytes <= 32 << 20);
  await assert.rejects(load(undefined, { memoryLimitBytes: 1 << 20 }), (err) => err.code === Code.BAD_OPTIONS && /below the module's initial memory/.test(err.message));
  await assert.rejects(load(undefined, { memoryLimitBytes: "lots" }), TypeError);
});

test("capMemory gives a module's memory the maximum", async () => {
  const { capMemory } = await import("../core.js");
  // (module (memory (export "mem") 1)): a memory section with no maximum.
  const mod = Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 5, 3, 1, 0, 1, 7, 7, 1, 3, 0x6d, 0x65, 0x6d, 2, 0]);
  for (const [bytes, cap] of [[mod, 4], [capMemory(mod, 8), 4], [mod, 200]]) {
    const { instance } = await WebAssembly.instantiate(capMemory(bytes, cap));
    const mem = instance.exports.mem;
    assert.equal(mem.grow(cap - 1), 1);
    assert.throws(() => mem.grow(1), RangeError, `grown past ${cap} pages`);
  }
  const notWasm = new TextEncoder().encode("not a module");
  assert.equal(capMemory(notWasm, 4), notWasm);
});

// Out of memory under the cap, the Go runtime sleeps (poll_oneoff) on its
// way down, and node:wasi's native poll_oneoff, called straight from the
// module, corrupted V8's heap: Node 20 died with SIGSEGV on a text dump of
// 500,000 short lines. So the loader hands the module no native function:
// every WASI import is a JS function of its own.
test("the module is given no native WASI function", async () => {
  const Instance = WebAssembly.Instance;
  let seen;
  WebAssembly.Instance = function (module, imports) {
    seen = imports;
    return new Instance(module, imports);
  };
  try {
    (await load()).clean("<p>نص</p>");
  } finally {
    WebAssembly.Instance = Instance;
  }
  const wasi = Object.entries(seen.wasi_snapshot_preview1).filter(([, f]) => typeof f === "function");
  assert.ok(wasi.length >= 10, `${wasi.length} WASI functions`);
  for (const [name, f] of wasi) {
    assert.doesNotMatch(Function.prototype.toString.call(f), /\[native code\]/, `${name} is node:wasi's own`);
  }
});
