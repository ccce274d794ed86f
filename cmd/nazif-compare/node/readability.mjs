// readability.mjs is make compare's Node peer: Mozilla Readability (the
// Firefox reader view's extractor) on linkedom, the DOM people pair it
// with outside browsers, under runner.mjs's protocol.
//
//	node readability.mjs CORPUS_DIR BUDGET_MS [MIN_ROUNDS]
import { readFileSync } from "node:fs";

import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

import { run } from "./runner.mjs";

const version = (name) => JSON.parse(readFileSync(new URL(`node_modules/${name}/package.json`, import.meta.url), "utf8")).version;

run({
  tool: "Mozilla Readability",
  version: `@mozilla/readability ${version("@mozilla/readability")}, linkedom ${version("linkedom")}, Node ${process.versions.node}`,
  // The corpus is UTF-8 throughout (nazif's own tests check charsets).
  read: (bytes) => bytes.toString("utf8"),
  extract(p) {
    const { document } = parseHTML(p.input);
    // linkedom's document has no URL of its own; Readability reads
    // documentURI and baseURI for relative links.
    Object.defineProperty(document, "documentURI", { value: p.url });
    Object.defineProperty(document, "baseURI", { value: p.url });
    const a = new Readability(document).parse();
    return a && { title: a.title, published: a.publishedTime, text: a.textContent };
  },
});
