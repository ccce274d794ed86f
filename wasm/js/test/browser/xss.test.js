// xss.test.js pushes the XSS corpus (testdata/xss, see its README.md)
// through the committed nazif.wasm in Chromium and renders the reader-view
// HTML into a live page in the three ways an extension might inject it:
// createContextualFragment (runs <script>), innerHTML (runs event
// handlers) and an <iframe srcdoc> (a whole document, same origin, not
// sandboxed). The host page has no CSP, so anything executable that
// survived would run. Detectors: alert, confirm, prompt, print and xss
// replaced in every frame by a binding that reports the call, dialogs,
// uncaught errors, popups, frame navigations, requests to any host but the
// test server (other than the reader view's own pictures: the lead image
// and the figures', http(s) by construction), clicks on links other than
// the reader view's own (an http(s) href with its fixed rel), and an audit
// of the rendered DOM. A positive control renders raw vectors the same
// way and must be caught, or the test proves nothing.
//
// wasm/nazif/xss_test.go runs the same corpus through the Go pipeline;
// this file uses the committed nazif.wasm, so a fix in Go shows here only
// after the module is rebuilt.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";

import { blockOutside, launch } from "./common.js";
import { serve } from "./server.js";

const xssDir = fileURLToPath(new URL("../../../../testdata/xss/", import.meta.url));
const placeholder = "{{VECTOR}}";

/**
 * parseVectors reads vectors.txt as wasm/nazif/xss_test.go does: records
 * separated by a line "%%", "#" lines are metadata or comments, "#! escapes"
 * makes \xHH (ASCII) stand for that character, the other lines joined by
 * newlines are the vector; a record without a vector line is skipped.
 */
function parseVectors(text) {
  const out = [];
  let cur = { line: 1, categories: [], text: "" };
  let lines = [];
  let escapes = false;
  const flush = (next) => {
    if (lines.length > 0) {
      let vector = lines.join("\n");
      if (escapes) {
        vector = vector.replace(/\\x([0-9A-Fa-f]{2})/g, (_, h) => {
          const c = parseInt(h, 16);
          if (c > 0x7f) throw new Error(`vectors.txt:${cur.line}: \\x${h} is not ASCII`);
          return String.fromCharCode(c);
        });
      }
      out.push({ ...cur, vector });
    }
    cur = { line: next, categories: [], text: "" };
    lines = [];
    escapes = false;
  };
  text
    .replace(/\n$/, "")
    .split("\n")
    .forEach((line, i) => {
      if (line === "%%") flush(i + 2);
      else if (line === "#! escapes") escapes = true;
      else if (line.startsWith("# category:")) cur.categories.push(...line.slice("# category:".length).split(",").map((s) => s.trim()));
      else if (line.startsWith("# text:")) cur.text = line.slice("# text:".length).trim();
      else if (!line.startsWith("#")) lines.push(line);
    });
  flush(0);
  return out;
}

/** fullPage is tpl with the vector at every position. */
function fullPage(tpl, vector) {
  return tpl.src.split(placeholder).join(vector);
}

/** singlePages gives tpl with the vector at one position at a time, the others empty. */
function singlePages(tpl, vector) {
  const parts = tpl.src.split(placeholder);
  const out = [];
  for (let pos = 1; pos < parts.length; pos++) {
    out.push({ name: `${tpl.name}@${pos}`, page: parts.map((p, j) => (j === pos ? vector : "") + p).join("") });
  }
  return out;
}

// The reader view's elements and attributes (wasm/nazif/render.go).
const allowedAttrs = {
  ARTICLE: ["dir", "lang"],
  HEADER: [],
  H1: [],
  H2: [],
  P: ["class"],
  TIME: ["datetime"],
  SPAN: ["class"],
  IMG: ["src", "alt", "loading", "referrerpolicy"],
  UL: [],
  LI: [],
  BLOCKQUOTE: [],
  A: ["href", "rel"],
  FIGURE: [],
  FIGCAPTION: [],
};

// The reader view's links (render.go): http(s) only, always with this rel.
const linkRel = "noopener noreferrer nofollow";

// The controls: raw markup, never cleaned, rendered the same way. Each
// mode must report exactly these calls (innerHTML does not run <script>).
const controlHTML =
  `<script>xss("control-script")</script><img src="x" onerror="xss('control-onerror')">` +
  `<a href="javascript:xss('control-click')">x</a><img src="https://evil.example/control.png">` +
  `<p><a href="https://evil.example/control-link">y</a></p>`;
const controlExpect = {
  fragment: ["link https://evil.example/control-link", "xss(control-click)", "xss(control-onerror)", "xss(control-script)"],
  innerHTML: ["link https://evil.example/control-link", "xss(control-click)", "xss(control-onerror)"],
  srcdoc: ["link https://evil.example/control-link", "xss(control-click)", "xss(control-onerror)", "xss(control-script)"],
};
const modes = ["fragment", "innerHTML", "srcdoc"];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

describe("XSS corpus through nazif.wasm in Chromium", () => {
  let browser, server, hostURL;
  let vectors, templates;
  // outputs: { id, v (the record), tpl, name, html } for every page cleaned.
  const outputs = [];
  const refused = [];
  // Everything the detectors saw, in order; a batch reads its own slice.
  const events = [];

  before(async () => {
    vectors = parseVectors(await readFile(xssDir + "vectors.txt", "utf8"));
    templates = await Promise.all(
      ["page.html", "bare.html"].map(async (name) => ({ name, src: await readFile(xssDir + name, "utf8") })),
    );
    server = await serve();
    hostURL = `${server.url}/testdata/xss/host.html`;
    browser = await launch();
    const { context } = browser;
    await blockOutside(context, server.url);
    await context.exposeBinding("__xssReport", ({ frame }, what) => {
      events.push({ kind: "call", what, frame: frame.url() });
    });
    await context.addInitScript(() => {
      for (const name of ["alert", "confirm", "prompt", "print", "xss"]) {
        window[name] = (...args) => {
          window.__xssReport(`${name}(${args.map(String).join(",")})`);
        };
      }
    });
    context.on("request", (r) => {
      const u = r.url();
      if (!u.startsWith(`${server.url}/`)) events.push({ kind: "request", what: u, type: r.resourceType() });
    });
    context.on("page", (p) => {
      p.on("dialog", (d) => {
        events.push({ kind: "dialog", what: `${d.type()}: ${d.message()}` });
        d.dismiss().catch(() => {});
      });
      p.on("pageerror", (e) => events.push({ kind: "pageerror", what: e.message }));
      p.on("popup", (w) => events.push({ kind: "popup", what: w.url() }));
      p.on("framenavigated", (f) => {
        const u = f.url();
        if (u !== hostURL && u !== "about:srcdoc" && u !== "about:blank") events.push({ kind: "navigation", what: u });
      });
    });
  });

  after(async () => {
    await browser?.cleanup();
    await server?.close();
  });

  async function hostPage() {
    const page = await browser.context.newPage();
    await page.goto(hostURL);
    return page;
  }

  // clean cleans pages ({name, page}) in the browser with browser.js:
  // load(), then clean(bytes, {html: true}). It resolves to {html} or
  // {error: code} for each.
  async function clean(pages) {
    const page = await hostPage();
    try {
      return await page.evaluate(async (pages) => {
        const { load } = await import("/js/browser.js");
        const cleaner = await load();
        const enc = new TextEncoder();
        return pages.map(({ page }) => {
          try {
            return { html: cleaner.clean(enc.encode(page), { html: true }).html };
          } catch (err) {
            return { error: err.code ?? String(err) };
          }
        });
      }, pages);
    } finally {
      await page.close();
    }
  }

  // render puts items ({id, html}) into a fresh host page in one mode,
  // lets handlers run, focuses, hovers and clicks every element, and
  // returns what the detectors saw plus the page's own audit: elements or
  // attributes outside the reader view's allowlist, and the <p> texts and
  // lead-image URLs of each item.
  async function render(items, mode) {
    // Iframes load in small batches: hundreds at once outlast the wait.
    const size = mode === "srcdoc" ? 120 : 400;
    const seen = [];
    const audit = [];
    for (let i = 0; i < items.length; i += size) {
      const r = await renderBatch(items.slice(i, i + size), mode);
      seen.push(...r.seen);
      audit.push(...r.audit);
    }
    return { seen, audit };
  }

  async function renderBatch(items, mode) {
    const mark = events.length;
    const page = await hostPage();
    let result;
    try {
      result = await page.evaluate(
        async ({ items, mode, allowedAttrs, linkRel }) => {
          const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
          // A link to the web would take the host page away: stop it, and
          // report it unless it is one of the reader view's own (an
          // http(s) link with its rel, in the article's text).
          const guard = (doc) =>
            doc.addEventListener(
              "click",
              (e) => {
                const a = e.target.closest?.("a[href], area[href]");
                if (a && /^https?:/i.test(a.href)) {
                  e.preventDefault();
                  const own = a.tagName === "A" && a.getAttribute("rel") === linkRel && a.attributes.length === 2 && a.closest("article > p, article > h2, article > ul > li, article > blockquote > p");
                  if (!own) window.__xssReport(`link ${a.href}`);
                }
              },
              true,
            );
          guard(document);
          const roots = [];
          const loads = [];
          for (const { id, html } of items) {
            if (mode === "srcdoc") {
              const f = document.createElement("iframe");
              f.dataset.id = id;
              loads.push(new Promise((r) => f.addEventListener("load", r, { once: true })));
              f.srcdoc = html;
              document.body.append(f);
              roots.push({ id, frame: f });
              continue;
            }
            const div = document.createElement("div");
            div.dataset.id = id;
            document.body.append(div);
            if (mode === "fragment") {
              const range = document.createRange();
              range.selectNodeContents(div);
              div.append(range.createContextualFragment(html));
            } else {
              // nazif's reader view is made to be injected this way
              // (render.go); the only other string is the test's control.
              div.innerHTML = html;
            }
            roots.push({ id, el: div });
          }
          const loaded = await Promise.race([Promise.all(loads).then(() => true), sleep(20000).then(() => false)]);
          for (const r of roots) {
            if (r.frame) {
              r.doc = r.frame.contentDocument;
              r.el = r.doc?.body ?? null;
              if (r.doc) guard(r.doc);
            }
          }
          await sleep(300);
          for (const r of roots) {
            if (!r.el) continue;
            for (const el of [r.el, ...r.el.querySelectorAll("*")]) {
              for (const type of ["pointerover", "mouseover", "mouseenter", "pointerenter"]) {
                el.dispatchEvent(new MouseEvent(type, { bubbles: true }));
              }
              el.focus?.();
              el.click?.();
            }
          }
          await sleep(300);
          return roots.map((r) => {
            const bad = [];
            const paras = [];
            const lead = [];
            if (!r.el) return { id: r.id, bad: [loaded ? "no document" : "the iframes did not load in 20 s"], paras, lead };
            if (r.doc) {
              for (const el of r.doc.head.querySelectorAll("*")) bad.push(`<${el.tagName}> in the head`);
            }
            for (const el of r.el.querySelectorAll("*")) {
              const ok = allowedAttrs[el.tagName];
              if (!ok || el.namespaceURI !== "http://www.w3.org/1999/xhtml") bad.push(`<${el.tagName}>`);
              for (const at of el.attributes) {
                if (!ok || !ok.includes(at.name) || at.name.startsWith("on")) bad.push(`<${el.tagName} ${at.name}="${at.value}">`);
              }
              if (el.tagName === "P") paras.push(el.textContent.replace(/\s+/g, " ").trim());
            }
            for (const img of r.el.querySelectorAll(":scope > article > header > img, :scope > article > figure > img")) lead.push(img.src);
            for (const a of r.el.querySelectorAll("a")) {
              if (!/^https?:\/\//i.test(a.getAttribute("href") ?? "") || a.getAttribute("rel") !== linkRel) bad.push(`<A href="${a.getAttribute("href")}" rel="${a.getAttribute("rel")}">`);
            }
            return { id: r.id, bad, paras, lead };
          });
        },
        { items, mode, allowedAttrs, linkRel },
      );
    } finally {
      await page.close();
    }
    await sleep(50);
    const leads = new Set(result.flatMap((r) => r.lead));
    // The reader view's own pictures, the lead image and the figures', may
    // be fetched from their hosts (blockOutside aborts them): those are
    // the only outside requests allowed.
    const seen = events.slice(mark).filter((e) => !(e.kind === "request" && e.type === "image" && leads.has(e.what)));
    return { seen, audit: result };
  }

  // fixedParas are, per template, the texts of the <article>'s <p> that
  // hold no placeholder and are long enough to be article text (150
  // letters), found by the browser's parser (DOMParser runs nothing).
  async function fixedParas() {
    const page = await hostPage();
    try {
      return await page.evaluate((templates) => {
        const out = {};
        for (const { name, src } of templates) {
          const doc = new DOMParser().parseFromString(src, "text/html");
          out[name] = [...doc.querySelectorAll("article p")]
            .filter((p) => !p.outerHTML.includes("{{VECTOR}}"))
            .map((p) => p.textContent.replace(/\s+/g, " ").trim())
            .filter((s) => [...s].length >= 150);
        }
        return out;
      }, templates);
    } finally {
      await page.close();
    }
  }

  test("the corpus: at least 50 vectors, both pages with placeholders", () => {
    assert.ok(vectors.length >= 50, `${vectors.length} vectors`);
    for (const v of vectors) assert.ok(v.categories.length > 0, `vectors.txt:${v.line} has no category`);
    for (const t of templates) assert.ok(t.src.split(placeholder).length - 1 >= 5, `${t.name} has placeholders`);
  });

  test("the detectors catch raw vectors (positive control)", async () => {
    for (const mode of modes) {
      const { seen, audit } = await render([{ id: "control", html: controlHTML }], mode);
      const calls = seen.filter((e) => e.kind === "call").map((e) => e.what).sort();
      assert.deepEqual(calls, controlExpect[mode], `${mode}: the control's calls: ${JSON.stringify(seen)}`);
      assert.ok(
        seen.some((e) => e.kind === "request" && e.what === "https://evil.example/control.png"),
        `${mode}: the request to another host is seen: ${JSON.stringify(seen)}`,
      );
      assert.ok(audit[0].bad.some((b) => b.startsWith("<A")), `${mode}: the audit flags the control's <a>: ${audit[0].bad}`);
    }
  });

  test("Chromium cleans every page with nazif.wasm", async (t) => {
    const pages = [];
    for (const v of vectors) {
      for (const tpl of templates) pages.push({ v, tpl, name: tpl.name, page: fullPage(tpl, v.vector) });
    }
    const results = await clean(pages);
    // A page refused as binary (several NUL bytes: decode's rule) outputs
    // nothing; its vector then goes in one position at a time.
    const retry = [];
    results.forEach((r, i) => {
      const p = pages[i];
      if (r.html !== undefined) outputs.push({ v: p.v, tpl: p.tpl.name, name: p.name, html: r.html });
      else if (r.error === "not_text" && p.v.vector.includes("\0")) {
        refused.push(p.name);
        retry.push(...singlePages(p.tpl, p.v.vector).map((s) => ({ ...s, v: p.v, tpl: p.tpl })));
      } else assert.fail(`vectors.txt:${p.v.line} in ${p.name}: clean failed: ${r.error}`);
    });
    const again = await clean(retry);
    again.forEach((r, i) => {
      const p = retry[i];
      assert.ok(r.html !== undefined, `vectors.txt:${p.v.line} in ${p.name}: clean failed: ${r.error}`);
      outputs.push({ v: p.v, tpl: p.tpl.name, name: p.name, html: r.html });
    });
    outputs.forEach((o, i) => (o.id = String(i)));
    assert.ok(outputs.length >= vectors.length * templates.length - refused.length);
    for (const o of outputs) assert.match(o.html, /^<article [^>]*>\n[^]*<\/article>\n$/, `vectors.txt:${o.v.line} in ${o.name}`);
    t.diagnostic(`${vectors.length} vectors, ${pages.length + retry.length} pages, ${outputs.length} outputs (${refused.length} pages refused as binary, cleaned one position at a time)`);
  });

  const audits = {};
  for (const mode of modes) {
    test(`no cleaned output runs script or fetches elsewhere: ${mode}`, async () => {
      assert.ok(outputs.length > 0, "no outputs (the cleaning test failed)");
      const { seen, audit } = await render(outputs.map(({ id, html }) => ({ id, html })), mode);
      audits[mode] = audit;
      let culprits = [];
      if (seen.length > 0) {
        // Find which outputs did it, one at a time.
        for (const o of outputs) {
          const one = await render([{ id: o.id, html: o.html }], mode);
          if (one.seen.length > 0) culprits.push(`vectors.txt:${o.v.line} in ${o.name}: ${JSON.stringify(one.seen)}\n${o.html}`);
          if (culprits.length >= 10) break;
        }
      }
      assert.deepEqual(seen, [], `${mode}: detections:\n${culprits.join("\n\n")}`);
      const bad = audit.filter((a) => a.bad.length > 0).map((a) => `${outputs[a.id].name} vectors.txt:${outputs[a.id].v.line}: ${a.bad}`);
      assert.deepEqual(bad, [], `${mode}: elements or attributes outside the reader view`);
      assert.equal(audit.length, outputs.length);
    });
  }

  test("every output keeps the template's fixed paragraphs", async () => {
    const audit = audits.fragment;
    assert.ok(audit, "no rendering (the fragment test failed)");
    const fixed = await fixedParas();
    for (const t of templates) assert.ok(fixed[t.name].length >= 4, `${t.name}: ${fixed[t.name].length} fixed paragraphs`);
    const lost = [];
    for (const a of audit) {
      const o = outputs[a.id];
      const missing = fixed[o.tpl].filter((p) => !a.paras.includes(p));
      if (missing.length > 0) lost.push(`vectors.txt:${o.v.line} in ${o.name} (${JSON.stringify(o.v.vector)}): ${missing.length} of ${fixed[o.tpl].length} lost`);
    }
    assert.deepEqual(lost, [], "paragraphs lost");
  });
});
