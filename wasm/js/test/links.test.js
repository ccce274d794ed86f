// links.test.js: the links' spans count UTF-16 code units of the display
// text, so in JavaScript block.text.slice(start, end) is a link's text,
// exactly: through harakat, a kashida, a no-break space, a bidi mark and
// characters past U+FFFF (two code units each); and, on every testdata
// page, the same text as the Go renderer puts inside the HTML's <a>.
// Figures carry absolute http(s) pictures and no text.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { test } from "node:test";

import { load } from "../node.js";

const cleaner = await load();
const testdata = new URL("../../../testdata/", import.meta.url);

const page = `<html><head><title>افتتاح المحطة الجديدة</title>
<link rel="canonical" href="https://alofoq.example/news/2024/03/12/station.html"></head><body><article>
<h1>افتتاح المحطة الجديدة</h1>
<figure><img src="/img/2024/station.jpg" width="800" height="450"><figcaption>خزانات المياه في المحطة الجديدة (رويترز)</figcaption></figure>
<p>وقال <a href="/people/minister.html">وزيرُ الموارد</a> في مؤتمر صحفي عقده داخل المحطة إن المشروع استغرق أربع سنوات من العمل المتواصل، مشيراً إلى أن <a href="https://example.org/phase2">المرحلة الثانـــية</a> ستبدأ مطلع العام المقبل.</p>
<p>😀 وأضاف&nbsp;أن <a href="/water">الأولوية&#x200F;</a> ستكون للأحياء الشعبية 😀 <a href="https://example.org/x?a=1&amp;b=2">في المدينة 😀</a>، وأن الأسعار لن ترتفع قبل نهاية العام الجاري <a href="javascript:xss()">شارك</a> <a href="#n">حاشية</a>.</p>
</article></body></html>`;

test("spans slice the display text to the links' text", () => {
  const a = cleaner.clean(page);
  const got = a.blocks.flatMap((b) => (b.links ?? []).map((l) => [b.text.slice(l.start, l.end), l.href]));
  assert.deepEqual(got, [
    ["وزيرُ الموارد", "https://alofoq.example/people/minister.html"],
    ["المرحلة الثانية", "https://example.org/phase2"],
    ["الأولوية", "https://alofoq.example/water"],
    ["في المدينة 😀", "https://example.org/x?a=1&b=2"],
  ]);
  const fig = a.blocks.find((b) => b.kind === "figure");
  assert.deepEqual(fig, { kind: "figure", text: "", src: "https://alofoq.example/img/2024/station.jpg", caption: "خزانات المياه في المحطة الجديدة", credit: "(رويترز)" });
  assert.ok(!a.text.includes("رويترز"), "a caption is not body text");
});

// pages lists every HTML page of testdata: the corpus and Readability's.
function pages() {
  const out = [];
  for (const dir of ["corpus", "readability"]) {
    for (const name of readdirSync(new URL(`${dir}/`, testdata)).sort()) {
      const bytes = readFileSync(new URL(`${dir}/${name}`, testdata));
      if (name.endsWith(".html")) out.push([name, bytes]);
      else if (name.endsWith(".html.gz")) out.push([name, gunzipSync(bytes)]);
    }
  }
  return out;
}

const entities = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&#34;": '"', "&#39;": "'" };
const unescape = (s) => s.replace(/&(amp|lt|gt|#34|#39);/g, (e) => entities[e]);

test("on every testdata page, the spans are the Go renderer's link texts", () => {
  let links = 0;
  let figures = 0;
  for (const [name, bytes] of pages()) {
    const a = cleaner.clean(bytes, { html: true, url: "https://example.org/section/page.html" });
    const sliced = [];
    for (const b of a.blocks) {
      if (b.kind === "figure") {
        figures++;
        assert.equal(b.text, "", `${name}: a figure has no text`);
        assert.match(b.src, /^https?:\/\/[^/\s]/, `${name}: figure src`);
        continue;
      }
      let end = 0;
      for (const l of b.links ?? []) {
        assert.ok(l.start >= end && l.end > l.start && l.end <= b.text.length, `${name}: span ${JSON.stringify(l)} of ${b.text.length}`);
        assert.match(l.href, /^https?:\/\/[^/\s]/, `${name}: href`);
        const s = b.text.slice(l.start, l.end);
        assert.equal(s, s.trim(), `${name}: the span ${JSON.stringify(s)} has spaces at its ends`);
        sliced.push([s, l.href]);
        end = l.end;
      }
    }
    const rendered = [...a.html.matchAll(/<a href="([^"]*)" rel="noopener noreferrer nofollow">([^<]*)<\/a>/g)].map((m) => [unescape(m[2]), unescape(m[1])]);
    assert.deepEqual(sliced, rendered, `${name}: spans against the HTML's links`);
    links += sliced.length;
  }
  assert.ok(links > 1000 && figures > 100, `${links} links, ${figures} figures`);
});
