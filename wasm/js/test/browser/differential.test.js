// The cross-runtime differential test in Chromium: browser.js, through
// the vendored WASI shim, gives byte for byte the Go host's results on
// every testdata page, errors included (../crossruntime.js), as
// test/differential.test.js checks for Node.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { checkResults, manifest } from "../crossruntime.js";
import { blockOutside, launch } from "./common.js";
import { serve } from "./server.js";

let browser;
let server;
before(async () => {
  server = await serve();
  browser = await launch();
  await blockOutside(browser.context, server.url);
});
after(async () => {
  await browser?.cleanup();
  await server?.close();
});

// runCases runs every case of the manifest in the browser, in a page or a
// worker (it is serialized into the worker's source, so it uses nothing
// from its scope), and returns the SHA-256 and length of each result, or
// the error.
async function runCases(manifest, origin) {
  const { load, NazifError } = await import(`${origin}/js/browser.js`);
  const cleaner = await load();
  const hex = (buf) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, "0")).join("");
  const out = [];
  for (const c of manifest.cases) {
    let input;
    if (c.base64 !== undefined) input = Uint8Array.from(atob(c.base64), (ch) => ch.charCodeAt(0));
    else if (c.fill) input = new Uint8Array(c.fill.length).fill(c.fill.byte);
    else input = new Uint8Array(await (await fetch(`${origin}/testdata/${c.input}`)).arrayBuffer());
    try {
      const bytes = new TextEncoder().encode(cleaner.cleanJSON(input, manifest.options[c.options]));
      out.push({ sha256: hex(await crypto.subtle.digest("SHA-256", bytes)), bytes: bytes.length });
    } catch (err) {
      out.push({ error: { name: err instanceof NazifError ? "NazifError" : String(err), code: err.code, message: err.message } });
    }
  }
  return out;
}

test("Chromium gives the Go host's bytes on every case, in a page", async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/js/package.json`);
  checkResults(await page.evaluate(`(${runCases})(${JSON.stringify(manifest)}, ${JSON.stringify(server.url)})`), "page");
  await page.close();
});

test("and in a module worker", async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/js/package.json`);
  const source = `(${runCases})(${JSON.stringify(manifest)}, ${JSON.stringify(server.url)}).then((r) => postMessage(r), (e) => postMessage(String(e)));`;
  const results = await page.evaluate((source) => new Promise((resolve) => {
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })), { type: "module" });
    worker.onmessage = (e) => resolve(e.data);
    worker.onerror = (e) => resolve(String(e.message));
  }), source);
  assert.ok(Array.isArray(results), `the worker failed: ${results}`);
  checkResults(results, "worker");
  await page.close();
});

// Issue 13: out of memory under the cap, the guest must end in
// memory_limit, and the page and the cleaner live on (in Node, the same
// death killed the process; see test/api.test.js).
test("a page that runs the instance out of memory ends in memory_limit, and the page lives on", async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/js/package.json`);
  const got = await page.evaluate(async (origin) => {
    const { load, NazifError } = await import(`${origin}/js/browser.js`);
    const cleaner = await load(undefined, { maxInputBytes: 80 << 20 });
    const line = new TextEncoder().encode("<p>" + "ا".repeat(32 << 20));
    let code;
    try {
      cleaner.clean(line);
      code = "an article";
    } catch (err) {
      code = err instanceof NazifError ? err.code : String(err);
    }
    const after = cleaner.clean("<article><p>قال المتحدث إن الحكومة ستعلن التفاصيل لاحقا، وإن اللجنة تواصل عملها منذ أسابيع في العاصمة.</p></article>");
    return { code, after: after.blocks.length };
  }, server.url);
  assert.deepEqual(got, { code: "memory_limit", after: 1 });
  await page.close();
});
