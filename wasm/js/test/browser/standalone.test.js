// standalone.test.js opens `nazif clean -f html -standalone`'s document
// from disk in Chromium and checks that it renders as a reader view: right
// to left, in the naskh face at a readable measure (not full width), with
// the localized date, the body in order and the source link, that its
// policy lets nothing run or load but its images, and saves a screenshot.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";

import { blockOutside, corpusFile, golden, launch, resultsDir } from "./common.js";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

describe("standalone reader page", () => {
  let browser, page;
  const problems = [];
  const name = "youm7-2020-08-24";

  before(async () => {
    // The CLI as the user runs it; go run reuses the build cache that
    // make test-go filled.
    const { stdout } = await promisify(execFile)(
      process.env.GO || "go",
      ["run", "./cmd/nazif", "clean", "-native", "-f", "html", "-standalone", corpusFile(name)],
      { cwd: repoRoot, maxBuffer: 16 << 20 },
    );
    browser = await launch();
    await blockOutside(browser.context, "http://127.0.0.1:1");
    const file = path.join(browser.tmp, `${name}.html`);
    await writeFile(file, stdout);
    page = await browser.context.newPage();
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && !/Failed to load resource/.test(m.text()) && problems.push(`console: ${m.text()}`));
    await page.goto(pathToFileURL(file).href);
  });

  after(async () => {
    await browser?.cleanup();
  });

  test("renders right to left, styled, at a measure, with the date in Arabic", async () => {
    const g = await golden(name);
    const r = await page.evaluate(() => {
      const article = document.querySelector("main > article");
      const css = getComputedStyle(article);
      return {
        charset: document.characterSet,
        dir: getComputedStyle(document.body).direction,
        title: document.title,
        h1: article.querySelector("h1").textContent,
        font: css.fontFamily,
        width: article.getBoundingClientRect().width,
        viewport: window.innerWidth,
        centered: Math.abs(article.getBoundingClientRect().left - (window.innerWidth - article.getBoundingClientRect().right)) < 2,
        date: article.querySelector("time").textContent,
        datetime: article.querySelector("time").getAttribute("datetime"),
        paragraphs: [...article.querySelectorAll(":scope > p")].map((p) => p.textContent),
        source: ((a) => ({ href: a.getAttribute("href"), rel: a.rel }))(document.querySelector("footer.nazif-source a")),
        scripts: document.scripts.length,
      };
    });
    assert.equal(r.charset, "UTF-8");
    assert.equal(r.dir, "rtl");
    assert.equal(r.title, g.title);
    assert.equal(r.h1, g.title);
    assert.match(r.font, /Amiri/, "article.css's naskh face applies to the Go fragment");
    assert.ok(r.width <= 38 * 16 + 1 && r.width < r.viewport * 0.7, `measure ${r.width}px in a ${r.viewport}px window`);
    assert.ok(r.centered, "the column is centred");
    assert.equal(r.datetime, g.published);
    assert.equal(r.date, "24 أغسطس 2020، 09:23");
    const body = g.blocks.filter((b) => b.kind === "paragraph").map((b) => b.text);
    assert.deepEqual(r.paragraphs, body, "every paragraph, in order");
    assert.equal(r.source.href, g.url);
    assert.equal(r.source.rel, "noopener noreferrer nofollow");
    assert.equal(r.scripts, 0);
    await page.screenshot({ path: path.join(resultsDir, "standalone.png"), fullPage: true });
  });

  test("its policy blocks scripts the page did not have", async () => {
    const ran = await page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.__ran = true";
      document.body.append(s);
      return window.__ran === true;
    });
    assert.equal(ran, false, "an inline script is refused by the page's Content-Security-Policy");
    problems.splice(0, problems.length, ...problems.filter((p) => !/Content Security Policy/.test(p)));
  });

  test("no page errors", () => {
    assert.deepEqual(problems, []);
  });
});
