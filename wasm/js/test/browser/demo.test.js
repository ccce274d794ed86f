// demo.test.js opens the static demo (demo/index.html), cleans corpus
// pages given as a file (bytes: the charset is sniffed) and as pasted
// text, and checks the rendered article against the golden one, the
// explain list, the copy buttons, the error display, and that the page
// fetches nothing but its own files.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";

import { assertArticle, assertMarkdown, blockOutside, corpusFile, golden, launch, removedList, renderedArticle, resultsDir } from "./common.js";
import { serve } from "./server.js";

describe("demo page", () => {
  let browser, server, page;
  const requests = [];
  const problems = [];

  before(async () => {
    server = await serve();
    browser = await launch();
    await blockOutside(browser.context, server.url);
    await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    // A picture of an article is fetched from its site, which blockOutside
    // aborts: Chromium logs that as an error, and it is not the page's.
    page.on("console", (m) => {
      const outside = m.text().startsWith("Failed to load resource") && !m.location().url.startsWith(`${server.url}/`);
      if (m.type() === "error" && !outside) problems.push(`console: ${m.text()} (${m.location().url})`);
    });
    await page.goto(`${server.url}/js/demo/index.html`);
    await page.waitForSelector("html[data-ready]");
    assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), "true", await page.locator("#error").textContent());
  });

  after(async () => {
    await browser?.cleanup();
    await server?.close();
  });

  // clean waits for the article (or the error) of one run of the demo.
  async function waitResult() {
    await page.waitForFunction(() => !document.getElementById("result").hidden || !document.getElementById("error").hidden);
  }
  async function reset() {
    await page.evaluate(() => {
      document.getElementById("result").hidden = true;
      document.getElementById("article").replaceChildren();
      document.getElementById("error").hidden = true;
    });
  }

  test("the page is RTL Arabic, loads nazif.wasm from ../nazif.wasm, and fetches nothing else", async () => {
    assert.equal(await page.evaluate(() => document.documentElement.dir), "rtl");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "ar");
    assert.ok(requests.includes(`${server.url}/js/nazif.wasm`), `nazif.wasm fetched: ${requests.join(" ")}`);
    const outside = requests.filter((u) => !u.startsWith(`${server.url}/js/`));
    assert.deepEqual(outside, [], "no request outside wasm/js (no external resources)");
  });

  test("a windows-1256 file, read as bytes: the charset is sniffed", async () => {
    const name = "youm7-2020-08-24";
    const g = await golden(name);
    const bytes = Buffer.from(await (await fetch(`${server.url}/legacy/windows-1256/${name}.html`)).arrayBuffer());
    assert.ok(!bytes.toString("latin1").includes("charset=utf-8") && bytes.includes("windows-1256"), "the file declares windows-1256");
    await reset();
    await page.setInputFiles("#file", { name: `${name}.html`, mimeType: "text/html", buffer: bytes });
    await waitResult();
    assertArticle(await renderedArticle(page, "#article"), g, `${name} (windows-1256 file)`);
    assert.equal(await page.locator("#error").isVisible(), false);

    // The measure: about 70 letters a line (Amiri), not the window's width.
    const perLine = await page.evaluate(() => {
      const p = document.querySelector("#article .nazif-body p");
      const lines = Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight));
      return p.textContent.length / lines;
    });
    assert.ok(perLine > 45 && perLine < 95, `letters per line: ${perLine.toFixed(0)}`);
    await page.screenshot({ path: path.join(resultsDir, `demo-${name}.png`), fullPage: true });

    // explain: the removed list with a reason for each text.
    assert.equal(await page.locator("#removed").isVisible(), false);
    await page.check("#explain");
    assert.equal(await page.locator("#removed").isVisible(), true);
    const removed = await removedList(page);
    assert.ok(removed.length > 10, `removed items: ${removed.length}`);
    assert.ok(removed.every(([reason, text]) => reason !== "" && text !== ""), "each removed text has its reason");
    assert.ok(removed.some(([reason]) => reason === "outside-article"));
    const bodyTexts = new Set(g.blocks.map((b) => b.text));
    assert.ok(!removed.some(([, text]) => bodyTexts.has(text)), "no body paragraph is listed as removed");
    await page.locator("#removed").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(resultsDir, `demo-${name}-explain.png`) });
    await page.uncheck("#explain");
    assert.equal(await page.locator("#removed").isVisible(), false);
  });

  test("a UTF-8 file from disk, with the copy buttons", async () => {
    const name = "assabah-2019-02-08";
    const g = await golden(name);
    await reset();
    await page.setInputFiles("#file", corpusFile(name));
    await waitResult();
    const got = await renderedArticle(page, "#article");
    assertArticle(got, g, `${name} (file)`);

    await page.click("#copy-text");
    await page.waitForFunction(() => document.getElementById("copied").textContent !== "");
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${g.title}\n${got.meta}\n\n${g.text}`);

    await page.evaluate(() => (document.getElementById("copied").textContent = ""));
    await page.click("#copy-markdown");
    await page.waitForFunction(() => document.getElementById("copied").textContent !== "");
    const md = await page.evaluate(() => navigator.clipboard.readText());
    assertMarkdown(md, g, name);
    await page.screenshot({ path: path.join(resultsDir, `demo-${name}.png`) });
  });

  test("pasted HTML with a page URL", async () => {
    const name = "sputnik-2020-03-17";
    const g = await golden(name);
    await reset();
    await page.setInputFiles("#file", []);
    await page.fill("#html", await readFile(corpusFile(name), "utf8"));
    await page.fill("#url", "https://example.com/news/1");
    await page.click("#clean");
    await waitResult();
    assertArticle(await renderedArticle(page, "#article"), g, `${name} (pasted)`);
    await page.fill("#url", "");
  });

  test("errors are shown with their code", async () => {
    await reset();
    await page.fill("#html", "   \n ");
    await page.click("#clean");
    await waitResult();
    assert.equal(await page.locator("#error").isVisible(), true);
    assert.equal(await page.locator("#error").getAttribute("data-code"), "empty");
    assert.equal(await page.locator("#error .code").textContent(), "empty");
    assert.equal(await page.locator("#result").isVisible(), false, "no stale article next to the error");

    await reset();
    await page.fill("#html", "");
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
    await page.setInputFiles("#file", { name: "picture.html", mimeType: "text/html", buffer: png });
    await waitResult();
    assert.equal(await page.locator("#error").getAttribute("data-code"), "not_text");
    await page.screenshot({ path: path.join(resultsDir, "demo-error.png") });
  });

  test("render.js: every block kind, list runs, page text stays text", async () => {
    const r = await page.evaluate(async () => {
      const { renderArticle, renderRemoved, articleText, formatDate, reasonLabel } = await import("../render.js");
      const article = {
        title: "عنوان <b>ليس</b> وسمًا",
        published: "2019-02-08",
        site: "موقع",
        lang: "ar",
        dir: "rtl",
        blocks: [
          { kind: "paragraph", text: "فقرة أولى <img src=x onerror=alert(1)>" },
          { kind: "heading", text: "عنوان فرعي" },
          { kind: "list_item", text: "بند ١" },
          { kind: "list_item", text: "بند ٢" },
          { kind: "quote", text: "«اقتباس»" },
          { kind: "list_item", text: "بند ٣" },
          { kind: "figure", text: "", src: "https://example.com/a.jpg", caption: "تعليق <b>الصورة</b>", credit: "(رويترز)" },
          { kind: "figure", text: "", src: "javascript:alert(1)", caption: "لا تظهر" },
          {
            kind: "paragraph",
            text: "😀 رابط أول ورابط ثان وثالث",
            links: [
              { start: 3, end: 11, href: "https://example.com/1?a=1&b=2" },
              { start: 12, end: 21, href: "javascript:alert(1)" },
              { start: 5, end: 9, href: "https://example.com/overlap" },
              { start: 22, end: 99, href: "https://example.com/past-the-end" },
            ],
          },
        ],
        text: "x",
        removed: [{ text: "<script>bad()</script>", reason: "menu" }],
      };
      const el = renderArticle(article, document);
      const rem = renderRemoved(article, document);
      return {
        tags: [...el.querySelector(".nazif-body").children].map((c) => c.tagName + (c.tagName === "UL" ? c.children.length : "")),
        title: el.querySelector("h1").textContent,
        elements: el.querySelectorAll("b, img, script").length + rem.querySelectorAll("script").length,
        removed: rem.querySelector("li").textContent,
        reasonCode: rem.querySelector(".nazif-reason").getAttribute("data-reason"),
        reasons: ["boilerplate:read-also", "class:share", "outside-article", "some-new-code"].map(reasonLabel),
        meta: el.querySelector(".nazif-meta").textContent,
        text: articleText(article),
        dates: [formatDate("2020-08-24T09:23:13+00:00"), formatDate("2019-02-08"), formatDate("garbage"), formatDate("2024-01-05T08:00Z", "other"), formatDate("2021-07-01", "ur"), formatDate("2024-13-05")],
        ltr: ((a) => [a.getAttribute("dir"), a.hasAttribute("lang")])(renderArticle({ ...article, dir: "ltr", lang: "other" }, document)),
        figure: ((f) => [f.outerHTML, f.querySelector("b")])(el.querySelector("figure")),
        links: [...el.querySelectorAll("a")].map((a) => [a.textContent, a.getAttribute("href"), a.getAttribute("rel")]),
        last: el.querySelector(".nazif-body > p:last-child").textContent,
        lead: [
          renderArticle({ ...article, image: "https://example.com/lead.jpg" }, document).querySelector("header > img")?.getAttribute("src"),
          renderArticle({ ...article, image: "https://example.com/a.jpg" }, document).querySelector("header > img"),
          renderArticle({ ...article, image: "data:image/png;base64,AAAA" }, document).querySelector("header > img"),
        ],
      };
    });
    assert.deepEqual(r.tags, ["P", "H2", "UL2", "BLOCKQUOTE", "UL1", "FIGURE", "P"]);
    assert.equal(r.title, "عنوان <b>ليس</b> وسمًا");
    assert.equal(r.elements, 1, "markup in page text is not parsed: the one <img> is the figure's");
    assert.equal(
      r.figure[0],
      `<figure class="nazif-figure"><img src="https://example.com/a.jpg" alt="" loading="lazy" referrerpolicy="no-referrer"><figcaption>تعليق &lt;b&gt;الصورة&lt;/b&gt; <span class="nazif-credit">(رويترز)</span></figcaption></figure>`,
    );
    assert.equal(r.figure[1], null);
    assert.deepEqual(r.links, [["رابط أول", "https://example.com/1?a=1&b=2", "noopener noreferrer nofollow"]], "only the safe, ordered, in-range link");
    assert.equal(r.last, "😀 رابط أول ورابط ثان وثالث", "the text is whole, links or not");
    assert.deepEqual(r.lead, ["https://example.com/lead.jpg", null, null], "the lead image, unless a figure shows it or it is not http(s)");
    assert.equal(r.removed, "قائمة<script>bad()</script>", "the reason in Arabic, the page text as text");
    assert.equal(r.reasonCode, "menu");
    assert.deepEqual(r.reasons, ["عبارة متكررة: اقرأ أيضًا", "عنصر باسم share", "خارج المقال", "some-new-code"]);
    assert.equal(r.meta, "8 فبراير 2019 · موقع");
    assert.equal(r.text, "عنوان <b>ليس</b> وسمًا\n8 فبراير 2019 · موقع\n\nx");
    // The same strings as the Go renderer's (wasm/nazif/datefmt_test.go).
    assert.deepEqual(r.dates, ["24 أغسطس 2020، 09:23", "8 فبراير 2019", "garbage", "5 January 2024, 08:00", "1 جولائی 2021", "2024-13-05"]);
    assert.deepEqual(r.ltr, ["ltr", false], "an ltr article keeps its dir; lang \"other\" is not a language tag");
  });

  test("a page with a figure and links: the reader view shows them", async () => {
    const name = "cnnarabic-2013-08-03";
    const g = await golden(name);
    assert.ok(g.blocks.some((b) => b.kind === "figure") && g.blocks.some((b) => b.links), "the golden article has a figure and links");
    await reset();
    await page.setInputFiles("#file", corpusFile(name));
    await waitResult();
    assertArticle(await renderedArticle(page, "#article"), g, `${name} (file)`);
    const shown = await page.evaluate(() => {
      const root = document.querySelector("#article article");
      return {
        imgs: [...root.querySelectorAll(".nazif-figure img")].map((i) => [i.getAttribute("src"), i.getAttribute("loading"), i.getAttribute("referrerpolicy"), i.getAttribute("alt")]),
        links: [...root.querySelectorAll(".nazif-body a")].map((a) => [a.textContent, a.getAttribute("href"), a.getAttribute("rel")]),
      };
    });
    const fig = g.blocks.find((b) => b.kind === "figure");
    assert.deepEqual(shown.imgs, [[fig.src, "lazy", "no-referrer", ""]]);
    const want = g.blocks.flatMap((b) => (b.links ?? []).map((l) => [b.text.slice(l.start, l.end), l.href, "noopener noreferrer nofollow"]));
    assert.deepEqual(shown.links, want);
    await page.screenshot({ path: path.join(resultsDir, `demo-${name}.png`), fullPage: true });
  });

  test("no page errors", () => {
    assert.deepEqual(
      problems,
      [],
    );
  });
});
