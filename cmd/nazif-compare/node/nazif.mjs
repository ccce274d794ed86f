// nazif.mjs is nazif's own row in Node for make compare: the JS package
// (wasm/js, node:wasi) running the committed nazif.wasm, under
// runner.mjs's protocol, so that nazif and Mozilla Readability are timed
// in the same runtime.
//
//	node nazif.mjs CORPUS_DIR BUDGET_MS [MIN_ROUNDS]
import { load } from "../../../wasm/js/node.js";

import { run } from "./runner.mjs";

const cleaner = await load();

run({
  tool: "nazif, Node (wasm/js)",
  version: `nazif.wasm of this tree, node:wasi, Node ${process.versions.node}`,
  read: (bytes) => new Uint8Array(bytes),
  extract(p) {
    const a = cleaner.clean(p.input, { url: p.url });
    return { title: a.title, published: a.published, text: a.text };
  },
});
