// The cross-runtime differential test in Chromium: browser.js, through
// the vendored WASI shim, gives byte for byte the Go host's results on
// every testdata page (testdata/crossruntime.json), errors included, as
// test/differential.test.js checks for Node.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";

import { blockOutside, launch } from "./common.js";
import { serve } from "./server.js";

const manifest = JSON.parse(readFileSync(new URL("../../../../testdata/crossruntime.json", import.meta.url), "utf8"));

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

test("Chromium gives the Go host's bytes on every case", async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/js/package.json`);
  const results = await page.evaluate(async (manifest) => {
    const { load, NazifError } = await import("/js/browser.js");
    const cleaner = await load();
    const hex = (buf) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, "0")).join("");
    const out = [];
    for (const c of manifest.cases) {
      let input;
      if (c.base64 !== undefined) input = Uint8Array.from(atob(c.base64), (ch) => ch.charCodeAt(0));
      else if (c.fill) input = new Uint8Array(c.fill.length).fill(c.fill.byte);
      else input = new Uint8Array(await (await fetch(`/testdata/${c.input}`)).arrayBuffer());
      try {
        const bytes = new TextEncoder().encode(cleaner.cleanJSON(input, manifest.options[c.options]));
        out.push({ sha256: hex(await crypto.subtle.digest("SHA-256", bytes)), bytes: bytes.length });
      } catch (err) {
        out.push({ error: { name: err instanceof NazifError ? "NazifError" : String(err), code: err.code, message: err.message } });
      }
    }
    return out;
  }, manifest);
  assert.equal(results.length, manifest.cases.length);
  manifest.cases.forEach((c, i) => {
    const got = results[i];
    const what = `${c.input ?? "inline input"} with options ${c.options}`;
    if (c.error) {
      assert.ok(got.error, `${what}: Chromium gave an article; the Go host failed with ${c.error.code}`);
      assert.equal(got.error.name, "NazifError", what);
      assert.equal(got.error.code, c.error.code, what);
      if (c.error.message !== undefined) assert.equal(got.error.message, c.error.message, what);
      return;
    }
    assert.ok(!got.error, `${what}: Chromium failed with ${JSON.stringify(got.error)}`);
    assert.equal(got.bytes, c.bytes, `${what}: length`);
    assert.equal(got.sha256, c.sha256, `${what}: the JSON differs from the Go host's`);
  });
  await page.close();
});
