// common.js: what the browser tests share: how Chromium is launched, the
// golden articles, and where screenshots go.
import assert from "node:assert/strict";
import { accessSync, constants } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

/** Debian's Chromium, or $CHROMIUM (the Makefile passes its CHROMIUM). */
export const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** wasm/js/test-results: screenshots, a test artifact directory. */
export const resultsDir = fileURLToPath(new URL("../../test-results/", import.meta.url));

const testdataDir = fileURLToPath(new URL("../../../../testdata/", import.meta.url));

/**
 * launch starts Chromium with a fresh temporary profile. It fails, saying
 * so, when Chromium is not installed: whether to run these tests at all is
 * the Makefile's decision, not the test's. It resolves to the context and
 * a cleanup function that closes it and removes the profile.
 */
export async function launch(extraArgs = []) {
  try {
    accessSync(executablePath, constants.X_OK);
  } catch {
    assert.fail(`Chromium is not installed at ${executablePath} (apt-get install chromium); the browser tests need it`);
  }
  const tmp = await mkdtemp(path.join(os.tmpdir(), "nazif-browser-"));
  const context = await chromium.launchPersistentContext(path.join(tmp, "profile"), {
    headless: true,
    executablePath,
    args: [...chromiumArgs, ...extraArgs],
    viewport: { width: 1100, height: 900 },
    locale: "ar",
  });
  await mkdir(resultsDir, { recursive: true });
  return {
    context,
    tmp,
    async cleanup() {
      await context.close().catch(() => {});
      await rm(tmp, { recursive: true, force: true });
    },
  };
}

/**
 * blockOutside aborts every http(s) request that does not go to origin:
 * the corpus pages refer to their sites' scripts, images and ads, and the
 * tests run offline.
 */
export async function blockOutside(context, origin) {
  const host = new URL(origin).host;
  await context.route(
    (url) => (url.protocol === "http:" || url.protocol === "https:") && url.host !== host,
    (route) => route.abort(),
  );
}

/** golden reads testdata/golden/<name>.html.json (title and blocks are hand-reviewed). */
export async function golden(name) {
  return JSON.parse(await readFile(path.join(testdataDir, "golden", `${name}.html.json`), "utf8"));
}

/** corpusFile is the path of testdata/corpus/<name>.html. */
export function corpusFile(name) {
  return path.join(testdataDir, "corpus", `${name}.html`);
}

const tags = { paragraph: "P", heading: "H2", quote: "BLOCKQUOTE", list_item: "LI", figure: "FIGURE" };

/**
 * expectedBlocks is the golden body as [tag, text] pairs, the reader view's
 * form; a figure is [FIGURE, its caption and credit, its picture].
 */
export function expectedBlocks(g) {
  return g.blocks.map((b) => (b.kind === "figure" ? [tags.figure, [b.caption, b.credit].filter(Boolean).join(" "), b.src] : [tags[b.kind], b.text]));
}

/**
 * renderedArticle reads the article render.js put in page: its dir and
 * lang, the title, the <time datetime>, the meta line and the body blocks
 * as [tag, text] (list items one by one).
 */
export async function renderedArticle(page, scope = "") {
  return page.evaluate((scope) => {
    const root = document.querySelector(`${scope} article.nazif-article`);
    if (!root) return null;
    const blocks = [];
    for (const el of root.querySelectorAll(":scope > .nazif-body > *")) {
      if (el.tagName === "UL") for (const li of el.children) blocks.push([li.tagName, li.textContent]);
      else if (el.tagName === "FIGURE") blocks.push([el.tagName, el.textContent, el.querySelector("img")?.getAttribute("src")]);
      else blocks.push([el.tagName, el.textContent]);
    }
    const text = (sel) => root.querySelector(sel)?.textContent ?? null;
    return {
      dir: root.getAttribute("dir"),
      lang: root.getAttribute("lang"),
      computedDir: getComputedStyle(root).direction,
      title: text("header h1"),
      datetime: root.querySelector("header time")?.getAttribute("datetime") ?? null,
      meta: text("header .nazif-meta"),
      site: text(".nazif-site"),
      section: text(".nazif-section"),
      author: text(".nazif-author"),
      blocks,
    };
  }, scope);
}

/** removedList reads the explain list: [reason code, text] per item. */
export async function removedList(page) {
  const items = await page.$$eval(".nazif-removed li", (lis) =>
    lis.map((li) => {
      const reason = li.querySelector(".nazif-reason");
      return [reason?.getAttribute("data-reason") ?? "", li.querySelector(".nazif-removed-text")?.textContent ?? "", reason?.textContent ?? ""];
    }),
  );
  // The reason reads in Arabic, the interface's language, and is never
  // blank; its code stays in data-reason.
  for (const [code, , label] of items) assert.ok(/\p{Script=Arabic}/u.test(label), `reason ${code} shown as ${label}`);
  return items.map(([code, text]) => [code, text]);
}

/** assertArticle checks a rendered article against the golden one. */
export function assertArticle(got, g, what) {
  assert.ok(got, `${what}: no article.nazif-article rendered`);
  assert.equal(got.dir, "rtl", `${what}: article dir`);
  assert.equal(got.computedDir, "rtl", `${what}: computed direction`);
  assert.equal(got.lang, "ar", `${what}: article lang`);
  assert.equal(got.title, g.title, `${what}: title`);
  assert.deepEqual(got.blocks, expectedBlocks(g), `${what}: body blocks (tag, text) in order`);
  assert.equal(got.datetime, g.published ?? g.modified ?? null, `${what}: <time datetime>`);
  assert.equal(got.site, g.site ?? null, `${what}: site`);
  assert.equal(got.section, g.section ?? null, `${what}: section`);
  assert.equal(got.author, g.author ?? null, `${what}: author`);
  assert.match(got.meta, new RegExp(`^\\d{1,2} \\S+ ${(g.published ?? g.modified).slice(0, 4)}`), `${what}: meta line starts with the date`);
}

// mdLink is an inline link as render.go writes it: a bracketed text whose
// inner brackets are escaped, and a destination whose parentheses are.
const mdLink = /(^|[^\\!])\[((?:[^\\[\]]|\\.)*)\]\((?:[^\\()\s]|\\.)*\)/g;

/**
 * assertMarkdown checks Markdown against the golden article: a level-1
 * title, then each golden paragraph, in order, as a line of its own once
 * links are read as their text and CommonMark's backslash escapes are read
 * (nazif escapes * _ [ ] < > # ` and the like so that page text renders
 * literally), and each figure as an image line.
 */
export function assertMarkdown(md, g, what) {
  const plain = md.replace(mdLink, "$1$2").replace(/\\([!-/:-@[-`{-~])/g, "$1");
  assert.ok(plain.startsWith(`# ${g.title}\n`), `${what}: markdown starts with the title: ${md.slice(0, 80)}`);
  let at = 0;
  for (const b of g.blocks) {
    const line = b.kind === "figure" ? `![](${b.src})` : b.text;
    const i = plain.indexOf(`\n${line}\n`, at);
    assert.ok(i >= 0, `${what}: markdown has the ${b.kind}, in order: ${line.slice(0, 60)}`);
    at = i + line.length;
  }
}
