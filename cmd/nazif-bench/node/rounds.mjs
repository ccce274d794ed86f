// rounds.mjs is the Node side of make bench: it loads nazif.wasm through
// the JS package (node:wasi), says how long that took, then for each line "round SET" on stdin
// cleans every page of SET once (html, dumps or all, as nazif-bench
// splits the corpus) and answers with the round's time in nanoseconds,
// measured inside this process. nazif-bench interleaves these rounds
// with its own, so that drift on a shared machine hits both alike.
//
//	node rounds.mjs CORPUS_DIR
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";

import { load } from "../../../wasm/js/node.js";

const dir = process.argv[2];
const files = readdirSync(dir).sort();
const read = (suffix) => files.filter((f) => f.endsWith(suffix)).map((f) => new Uint8Array(readFileSync(join(dir, f))));
const html = read(".html");
const dumps = read(".dump.txt");
const sets = { html, dumps, all: [...html, ...dumps] };

// The first line answers with load()'s time: compiling and starting an
// instance, what an extension pays when its service worker wakes.
const t0 = process.hrtime.bigint();
const cleaner = await load();
process.stdout.write(`ready ${process.hrtime.bigint() - t0}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  const [cmd, set] = line.split(" ");
  const pages = sets[set];
  if (cmd !== "round" || !pages) {
    process.stdout.write(`error: unknown command ${JSON.stringify(line)}\n`);
    continue;
  }
  const t = process.hrtime.bigint();
  for (const p of pages) cleaner.cleanJSON(p);
  process.stdout.write(`${process.hrtime.bigint() - t}\n`);
}
