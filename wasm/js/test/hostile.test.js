// The hostile corpus in Node: a JS port of the pages wasm/naziftest builds
// for the Go tests (the Go file is the reference; keep the two alike). Each
// page ends in its outcome within the memory cap, and the same cleaner
// then cleans a normal page. Times and peak memory go to the log.
// (Charset conflicts are left to the Go tests: Node has no windows-1256
// encoder.)
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { test } from "node:test";

import { Code, load, NazifError } from "../node.js";

const sentence = "قال المتحدث إن الحكومة ستعلن التفاصيل لاحقا، وإن اللجنة تواصل عملها منذ أسابيع في العاصمة.";
const normal = `<article><h1>عنوان الخبر</h1><p>${sentence}</p><p>وأضاف أن النتائج ستنشر قريبا، وأن الوزارة ستعقد مؤتمرا صحفيا لشرح الخطة الجديدة للمواطنين.</p></article>`;
const enc = new TextEncoder();

function article(before, after) {
  const p = `<p>${sentence} ${sentence}</p>`;
  return `<html><head><title>عنوان</title></head><body>${before}<article>${p}${p}</article>${after}</body></html>`;
}

function bytes(...parts) {
  const chunks = parts.map((p) => (typeof p === "string" ? enc.encode(p) : p));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

// name, page, outcome: "article" (the text holds the sentence), "no_article"
// (no blocks, the warning) or an error code.
const cases = [
  ["deep nesting (200k)", () => article("<div>".repeat(200000), ""), "article"],
  // Past 262,144 nodes nothing is read: an article behind a flood of
  // elements is lost, one before it is kept.
  ["million empty elements", () => article("<i></i>".repeat(1000000), ""), "no_article"],
  ["million empty elements after the article", () => article("", "<i></i>".repeat(1000000)), "article"],
  ["500,000 tiny paragraphs", () => "<p>x".repeat(500000), "no_article"],
  ["nested unclosed breadcrumbs (20k)", () => article("", '<div class="breadcrumb"><span><a href="/">الرئيسية</a> <span>أخبار'.repeat(20000)), "article"],
  ["nested unclosed headings and bylines (20k)", () => article("", '<h1>عنوان <span class="author">بقلم محرر <li class="current"><a href="/">أخبار'.repeat(20000)), "article"],
  ["9 MB attribute, over the 8 MiB cap", () => article(`<div class="${"x".repeat(9 << 20)}">`, "</div>"), Code.TOO_LARGE],
  ["many prose siblings (20k)", () => `<div>${`<div><p>${sentence}</p></div>`.repeat(20000)}</div>`, "article"],
  ["line breaks only (500k)", () => `<body>${"<br>".repeat(500000)}</body>`, "no_article"],
  ["unclosed comment", () => article("", `<!-- ${"x".repeat(1 << 20)}`), "article"],
  ["stray NUL bytes", () => article("<p>\0</p>", `<p>\0${sentence}\0</p>`), "article"],
  ["NUL flood", () => article("\0".repeat(1 << 20), ""), Code.NOT_TEXT],
  ["bidi override flood", () => article("\u202e\u2066\u200f".repeat(200000), `<p>${"\u202e".repeat(1000)}</p>`), "article"],
  ["PNG", () => bytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), "IHDR"), Code.NOT_TEXT],
  ["PDF", () => "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n", Code.NOT_TEXT],
  ["gzip", () => gzipSync(enc.encode(article("", ""))), Code.NOT_TEXT],
  ["empty", () => new Uint8Array(0), Code.EMPTY],
  ["white space only", () => " \t\r\n\u00a0".repeat(1000), Code.EMPTY],
  // It ran the instance out of memory under the cap, and Node 20 died
  // with SIGSEGV on the way down (see api.test.js); now the dump is read
  // up to its line cap.
  ["a text dump of 500,000 short lines", () => "ع\n".repeat(500000), "no_article"],
  ["no article", () => `<html><head><title>الرئيسية</title></head><body><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/news">أخبار</a></li></ul></nav><div class="share">شارك على فيسبوك تويتر واتساب</div><footer>جميع الحقوق محفوظة © 2025</footer></body></html>`, "no_article"],
];

const capBytes = 256 << 20;

for (const [name, make, want] of cases) {
  test(`hostile: ${name}`, async (t) => {
    // A cleaner of its own, without recycling, so that its memory after
    // the call is this page's peak.
    const cleaner = await load(undefined, { recycleBytes: 0 });
    const page = make();
    const size = typeof page === "string" ? enc.encode(page).length : page.length;
    const start = performance.now();
    let a, err;
    try {
      a = cleaner.clean(typeof page === "string" ? enc.encode(page) : page);
    } catch (e) {
      err = e;
    }
    const ms = performance.now() - start;
    const mib = cleaner.memoryBytes / (1 << 20);
    t.diagnostic(`${size} bytes: ${err ? err.code : a.blocks.length ? "article" : "no article"} in ${ms.toFixed(0)} ms, memory ${mib.toFixed(1)} MiB`);
    if (want === "article" || want === "no_article") {
      assert.equal(err, undefined, `want ${want}, got ${err}`);
      if (want === "article") assert.ok(a.text.includes(sentence), "the article lacks the sentence");
      else assert.ok(a.blocks.length === 0 && a.warnings.includes("no article body found"), `blocks ${a.blocks.length}, warnings ${a.warnings}`);
      for (const s of [a.title, a.text, a.search_text]) assert.doesNotMatch(s ?? "", /[\0\u202a-\u202e\u2066-\u2069]/);
    } else {
      assert.ok(err instanceof NazifError, `want a NazifError ${want}, got ${err ?? "an article"}`);
      assert.equal(err.code, want);
    }
    assert.ok(cleaner.memoryBytes <= capBytes, `memory ${cleaner.memoryBytes} over the cap`);
    const b = cleaner.clean(normal);
    assert.equal(b.title, "عنوان الخبر");
    assert.equal(b.blocks.length, 2);
    assert.equal(b.blocks[0].text, sentence);
  });
}
