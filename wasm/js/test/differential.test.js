// The cross-runtime differential test: Node, through node:wasi, gives
// byte for byte the Go host's results on every testdata page, errors
// included (crossruntime.js).
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";

import { load, NazifError } from "../node.js";
import { caseInput, checkResults, manifest } from "./crossruntime.js";

test("the manifest covers every testdata page with both option sets", () => {
  const pages = manifest.cases.filter((c) => c.input);
  assert.ok(pages.length >= 50, `only ${pages.length} page cases`);
  assert.ok(manifest.cases.some((c) => c.error), "no error cases");
});

test("Node gives the Go host's bytes on every case", async () => {
  const cleaner = await load();
  const results = manifest.cases.map((c) => {
    try {
      const got = Buffer.from(cleaner.cleanJSON(caseInput(c), manifest.options[c.options]), "utf8");
      return { sha256: createHash("sha256").update(got).digest("hex"), bytes: got.length };
    } catch (err) {
      return { error: { name: err instanceof NazifError ? "NazifError" : String(err), code: err.code, message: err.message } };
    }
  });
  checkResults(results, "Node");
});
