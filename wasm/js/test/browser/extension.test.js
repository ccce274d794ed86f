// extension.test.js loads the built "nazif reader" extension into
// Chromium, cleans corpus pages served from 127.0.0.1 through the service
// worker's handler, and checks the reader view against the golden
// articles: title, body paragraphs in order, dir, the copy buttons (read
// back from the clipboard), the explain list and the manifest's CSP.
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";

import { buildExtension } from "../../scripts/extension.mjs";
import { assertArticle, assertMarkdown, blockOutside, golden, launch, removedList, renderedArticle, resultsDir } from "./common.js";
import { serve } from "./server.js";

const sourceManifest = fileURLToPath(new URL("../../extension/manifest.json", import.meta.url));

// youm7 is served re-encoded in windows-1256 (the corpus has no legacy
// charset page): the browser decodes it by its <meta charset> before the
// extension reads outerHTML. The others are UTF-8.
const pages = [
  { name: "youm7-2020-08-24", path: "/legacy/windows-1256/youm7-2020-08-24.html", charset: "windows-1256" },
  { name: "sputnik-2020-03-17", path: "/testdata/corpus/sputnik-2020-03-17.html", charset: "UTF-8" },
  { name: "alyaum-2020-12-01", path: "/testdata/corpus/alyaum-2020-12-01.html", charset: "UTF-8" },
];

// The test-only host permission. The real manifest asks for activeTab,
// which Chrome grants only on a user gesture (a click on the toolbar
// button or the context menu), and a test cannot make that gesture; with
// no grant, chrome.scripting.executeScript is refused. So the test build
// adds host_permissions for the local server, and nothing else changes.
const testManifest = { host_permissions: ["http://127.0.0.1/*"] };

describe("nazif reader extension", () => {
  let browser, server, context, worker, extensionId, source, extTmp, extDir;

  before(async () => {
    server = await serve();
    extTmp = await mkdtemp(path.join(os.tmpdir(), "nazif-extension-"));
    extDir = await buildExtension(path.join(extTmp, "nazif-reader"), { extraManifest: testManifest });
    browser = await launch([`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`]);
    context = browser.context;
    await blockOutside(context, server.url);
    worker = context.serviceWorkers().find((w) => w.url().startsWith("chrome-extension://"));
    worker ??= await context.waitForEvent("serviceworker", { timeout: 15000 });
    extensionId = new URL(worker.url()).host;
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    source = await context.newPage();
  });

  after(async () => {
    await browser?.cleanup();
    if (extTmp) await rm(extTmp, { recursive: true, force: true });
    await server?.close();
  });

  test("manifest: permissions, no host permissions, CSP", async () => {
    const m = JSON.parse(await readFile(sourceManifest, "utf8"));
    assert.equal(m.manifest_version, 3);
    assert.equal(m.name, "nazif reader");
    assert.equal(m.action.default_title, "Clean this article");
    // The keyboard shortcut runs the same action (activeTab is granted).
    assert.equal(m.commands._execute_action.suggested_key.default, "Alt+Shift+N");
    // Every icon the manifest names is a PNG in the build.
    for (const icon of [...Object.values(m.icons), ...Object.values(m.action.default_icon)]) {
      const png = await readFile(path.join(extDir, icon));
      assert.equal(png.subarray(1, 4).toString("latin1"), "PNG", icon);
    }
    assert.deepEqual(m.background, { service_worker: "background.js", type: "module" });
    assert.deepEqual(m.permissions, ["activeTab", "scripting", "contextMenus", "storage", "clipboardWrite"]);
    assert.equal(m.host_permissions, undefined, "the shipped manifest has no host_permissions");
    assert.equal(m.optional_host_permissions, undefined);
    assert.deepEqual(m.content_security_policy, {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    });
    // The build changes the manifest only by the test's extra field.
    const built = JSON.parse(await readFile(path.join(extDir, "manifest.json"), "utf8"));
    assert.deepEqual(built, { ...m, ...testManifest });
    // The service worker runs the built background.js as a module.
    assert.equal(worker.url(), `chrome-extension://${extensionId}/background.js`);
    assert.equal(await worker.evaluate(() => typeof globalThis.nazifCleanTab), "function");
    // The context-menu item exists: chrome.contextMenus has no getter,
    // but updating an item that does not exist fails.
    const update = (id) => worker.evaluate((id) => new Promise((resolve) =>
      chrome.contextMenus.update(id, {}, () => resolve(chrome.runtime.lastError?.message ?? "ok"))), id);
    // onInstalled creates it just after the worker starts: give it up to
    // five seconds rather than racing it.
    let created = await update("nazif-clean");
    for (let i = 0; created !== "ok" && i < 50; i++) {
      await new Promise((r) => setTimeout(r, 100));
      created = await update("nazif-clean");
    }
    assert.equal(created, "ok");
    assert.notEqual(await update("no-such-item"), "ok");
  });

  for (const p of pages) {
    test(`reader view of ${p.name} (${p.charset})`, async () => {
      const g = await golden(p.name);
      const pageURL = server.url + p.path;
      await source.bringToFront();
      // domcontentloaded, not load: the pages' own scripts keep asking for
      // their (blocked) ads and widgets, and "load" may never come.
      await source.goto(pageURL, { waitUntil: "domcontentloaded" });
      assert.equal(await source.evaluate(() => document.characterSet), p.charset, "the browser decoded the page by its own charset");

      const readerOpened = context.waitForEvent("page", {
        predicate: (pg) => pg.url().startsWith(`chrome-extension://${extensionId}/reader.html#`),
        timeout: 15000,
      });
      const result = await worker.evaluate(async (url) => {
        const [tab] = await chrome.tabs.query({ url });
        if (!tab) throw new Error(`no tab at ${url}`);
        const r = await globalThis.nazifCleanTab(tab);
        const reader = await chrome.tabs.get(r.tabId);
        return { ...r, sourceIndex: tab.index, readerIndex: reader.index, opener: reader.openerTabId, sourceId: tab.id };
      }, pageURL);
      assert.equal(result.error, null, `cleaning failed: ${JSON.stringify(result.error)}`);
      assert.equal(result.readerIndex, result.sourceIndex + 1, "the reader tab opens next to the page");
      assert.equal(result.opener, result.sourceId);

      const reader = await readerOpened;
      try {
        assert.equal(new URL(reader.url()).hash, `#${result.id}`);
        await reader.waitForSelector("html[data-ready]", { timeout: 15000 });
        assert.equal(await reader.evaluate(() => document.documentElement.dataset.ready), "true", await reader.locator("#error").textContent());

        const stored = await reader.evaluate(async (id) => (await chrome.storage.session.get(id))[id], result.id);
        assert.equal(stored.source, pageURL);
        assert.ok(stored.article.markdown, "the article was cleaned with markdown: true");
        assert.ok(stored.article.removed?.length > 0, "the article was cleaned with explain: true");

        const got = await renderedArticle(reader);
        assertArticle(got, g, p.name);
        assert.equal(await reader.title(), g.title);
        assert.equal(await reader.evaluate(() => document.documentElement.dir), "rtl");
        assert.equal(await reader.locator("#source").getAttribute("href"), pageURL, "link back to the page");
        await reader.screenshot({ path: path.join(resultsDir, `extension-${p.name}.png`) });

        // copy as text: title, meta line, blank line, body.
        await reader.click("#copy-text");
        await reader.waitForFunction(() => document.getElementById("copied").textContent !== "");
        const text = await reader.evaluate(() => navigator.clipboard.readText());
        assert.equal(text, `${g.title}\n${got.meta}\n\n${g.text}`);

        // copy as Markdown: the article's markdown, with the golden body.
        await reader.evaluate(() => (document.getElementById("copied").textContent = ""));
        await reader.click("#copy-markdown");
        await reader.waitForFunction(() => document.getElementById("copied").textContent !== "");
        const md = await reader.evaluate(() => navigator.clipboard.readText());
        assert.equal(md, stored.article.markdown);
        assertMarkdown(md, g, p.name);

        // explain: the removed list with reasons, hidden until asked for.
        assert.equal(await reader.locator("#removed").isVisible(), false);
        await reader.click("#explain");
        assert.equal(await reader.locator("#removed").isVisible(), true);
        assert.equal(await reader.locator("#explain").getAttribute("aria-pressed"), "true");
        const removed = await removedList(reader);
        assert.deepEqual(
          removed,
          stored.article.removed.map((r) => [r.reason, r.text]),
          "every removed text is listed with its reason",
        );
        assert.ok(removed.every(([reason]) => reason !== ""), "every item has a reason");
        assert.ok(removed.some(([reason]) => reason === "outside-article"));
        if (p === pages[0]) await reader.screenshot({ path: path.join(resultsDir, `extension-${p.name}-explain.png`) });
        await reader.click("#explain");
        assert.equal(await reader.locator("#removed").isVisible(), false);
      } finally {
        await reader.close();
      }
    });
  }

  test("a full storage.session: the oldest results make room", async () => {
    // Older results fill the 10 MB quota to within 2 KB: nine of 1.1 MB,
    // then one that takes up the rest.
    await worker.evaluate(async () => {
      const s = chrome.storage.session;
      await s.clear();
      const old = (i, n) => s.set({ [`old-${i}`]: { article: { title: "x".repeat(n) }, source: "", at: i } });
      for (let i = 1; i <= 9; i++) await old(i, 1_100_000);
      await old(10, s.QUOTA_BYTES - (await s.getBytesInUse(null)) - 2000);
    });
    const pageURL = `${server.url}/testdata/corpus/sputnik-2020-03-17.html`;
    await source.goto(pageURL, { waitUntil: "domcontentloaded" });
    const readerOpened = context.waitForEvent("page", {
      predicate: (pg) => pg.url().startsWith(`chrome-extension://${extensionId}/reader.html#`),
    });
    const r = await worker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      const res = await globalThis.nazifCleanTab(tab);
      return { ...res, keys: Object.keys(await chrome.storage.session.get(null)) };
    }, pageURL);
    assert.equal(r.error, null);
    assert.ok(r.keys.includes(r.id), "the new result is stored");
    assert.ok(!r.keys.includes("old-1"), "the oldest result made room");
    assert.ok(r.keys.includes("old-10"), "the newest older result is kept");
    const reader = await readerOpened;
    try {
      await reader.waitForSelector("html[data-ready]");
      assert.equal(await reader.locator("header h1").textContent(), (await golden("sputnik-2020-03-17")).title);
    } finally {
      await reader.close();
      await worker.evaluate(() => chrome.storage.session.clear());
    }
  });

  test("CSP: no eval in extension pages, WebAssembly allowed", async () => {
    const page = await context.newPage();
    try {
      await page.goto(`chrome-extension://${extensionId}/reader.html#missing`);
      await page.waitForSelector("html[data-ready]");
      // The checks run from a timer, outside Playwright's evaluate call:
      // DevTools lets code it evaluates itself call eval whatever the CSP.
      const r = await page.evaluate(
        () =>
          new Promise((resolve) =>
            setTimeout(async () => {
              const out = {};
              try {
                out.eval = String(eval("1 + 1"));
              } catch (e) {
                out.eval = e.name;
              }
              try {
                out.fn = String(new Function("return 2")());
              } catch (e) {
                out.fn = e.name;
              }
              // The smallest module: "\0asm", version 1.
              try {
                out.wasm = (await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))) instanceof WebAssembly.Module;
              } catch (e) {
                out.wasm = e.name;
              }
              resolve(out);
            }, 0),
          ),
      );
      assert.deepEqual(r, { eval: "EvalError", fn: "EvalError", wasm: true });
      // An unknown id says so, with a code.
      assert.equal(await page.locator("#error").getAttribute("data-code"), "not_found");
    } finally {
      await page.close();
    }
  });

  test("a page the extension cannot read: the reader shows the error code", async () => {
    // The tab is found while it shows a page the test build may read,
    // then sent to about:blank, which no host permission covers.
    await source.goto(`${server.url}/nothing-here`);
    const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, `${server.url}/nothing-here`);
    assert.ok(tabId, "source tab found");
    await source.goto("about:blank");
    const readerOpened = context.waitForEvent("page", {
      predicate: (pg) => pg.url().startsWith(`chrome-extension://${extensionId}/reader.html#`),
    });
    const result = await worker.evaluate(async (id) => globalThis.nazifCleanTab(await chrome.tabs.get(id)), tabId);
    assert.equal(result.error?.code, "no_access");
    const reader = await readerOpened;
    try {
      await reader.waitForSelector("html[data-ready]");
      assert.equal(await reader.locator("#error").getAttribute("data-code"), "no_access");
      assert.equal(await reader.locator("#error .code").textContent(), "no_access");
      assert.equal(await reader.locator("#copy-text").isVisible(), false);
      assert.equal(await reader.locator("#source").isVisible(), false, "no link back to a non-http page");
    } finally {
      await reader.close();
    }
  });
});
