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
  // Issue 13: what reached terminals, links and databases.
  ["terminal escapes and controls in the text", () => {
    const esc = "\x1b]0;PWNED\x07\x1b[2J\x1b]52;c;ZXZpbA==\x07\u009b31m\x7f\x08";
    return article(`<p>${esc}</p>`, `<p>${esc} ${sentence} ${esc}</p><h1>${esc}</h1>`);
  }, "article"],
  ["invisible format characters inside words", () => {
    const inv = "\u{E0001}\u{E0068}\u{E0069}\u206a\u180e\ufff9\ufffb\u0600";
    const mixed = sentence.replace("الحكومة", `الحك${inv}ومة`);
    return article("", `<p>${mixed} ${mixed}</p>`);
  }, "article"],
  ["javascript: and data: URLs", () => article("", "").replace("<title>",
    '<link rel="canonical" href="javascript:alert(document.domain)"><meta property="og:url" content="JAVASCRIPT:alert(1)">' +
    '<meta property="og:image" content="data:image/svg+xml,&lt;svg onload=alert(1)&gt;">' +
    '<script type="application/ld+json">{"@type":"NewsArticle","url":"javascript:alert(2)","image":"javascript:alert(3)"}</script><title>'), "article"],
  ["a text dump with NULs after its first 8 KiB", () => `${`${sentence}\n\n`.repeat(60)}\0${sentence}\0\n\n${sentence}\n`, "article"],
  ["UTF-32LE with its byte order mark", () => {
    const cps = [...("\ufeff" + article("", ""))].map((c) => c.codePointAt(0));
    const out = new Uint8Array(cps.length * 4);
    cps.forEach((cp, i) => new DataView(out.buffer).setUint32(i * 4, cp, true));
    return out;
  }, Code.NOT_TEXT],
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
      // No control but the newline between blocks, no invisible format
      // character but the joiners; url and image http(s) or absent.
      for (const s of [a.title, a.section, a.site, a.author, a.text, a.search_text, ...a.blocks.map((b) => b.text)]) {
        assert.doesNotMatch(s ?? "", /[\0-\x09\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff]|\u{E0001}|[\u{E0020}-\u{E007F}]/u);
      }
      for (const u of [a.url, a.image]) assert.ok(u === undefined || /^https?:\/\/[^\s\x00-\x1f\x7f-\x9f\u202a-\u202e]+$/i.test(u), `url ${u}`);
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
