// conformance.js runs the cross-runtime vectors (testdata/crossruntime.json,
// wasm/HOSTS.md "Conformance") through a host's clean function, which
// returns {status, payload} as wasmer.js and extism.js do, and checks the
// results with the same code as wasm/js's differential tests.
import { createHash } from "node:crypto";

import { caseInput, checkResults, manifest } from "../../js/test/crossruntime.js";

export { manifest };

// The host's own cap on input size, before any call: the Go host's
// default (host.DefaultMaxInputBytes), which the vectors' too_large case
// is one byte over.
export const maxInputBytes = 8 << 20;

// The error codes of the statuses, as host.Code spells them.
const codes = { 1: "bad_options", 2: "empty", 3: "not_text", 4: "timeout" };

/**
 * conform runs every vector through clean and fails unless each result is
 * the Go host's: the same SHA-256 and length of the Article JSON, or the
 * same error code and message. It returns the time the calls took, in ms.
 */
export async function conform(clean, where) {
  const results = [];
  let ms = 0;
  for (const c of manifest.cases) {
    const page = caseInput(c);
    if (page.length > maxInputBytes) {
      results.push({ error: { name: "NazifError", code: "too_large" } });
      continue;
    }
    // The empty option set goes as no options at all (nazif_clean's
    // opt_len 0, Extism's clean), the other as JSON.
    const o = manifest.options[c.options];
    const options = Object.keys(o).length === 0 ? "" : JSON.stringify(o);
    const start = performance.now();
    const { status, payload } = await clean(page, options);
    ms += performance.now() - start;
    if (status === 0) {
      results.push({ sha256: createHash("sha256").update(payload).digest("hex"), bytes: payload.length });
    } else {
      const message = new TextDecoder().decode(payload);
      results.push({ error: { name: "NazifError", code: codes[status] ?? "trap", message } });
    }
  }
  checkResults(results, where);
  return ms;
}
