// The example hosts that wasm/HOSTS.md shows are the files the other tests
// run, to the letter, so that the guide cannot drift from code that works.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

const read = (path) => readFileSync(new URL(path, import.meta.url), "utf8");
const guide = read("../../HOSTS.md");

for (const file of ["wasmer.js", "extism.js"]) {
  test(`HOSTS.md shows ${file} as it is`, () => {
    assert.ok(guide.includes("```js\n" + read(`../${file}`) + "```\n"), `HOSTS.md does not hold wasm/hosts/${file} verbatim: copy it in again`);
  });
}
