// runner.mjs is the protocol of make compare's Node rows, shared by
// readability.mjs and nazif.mjs: read the corpus's HTML pages with their
// URLs (from the truth files), extract each page once to report what was
// found, then time whole rounds over all pages, inside this process and
// after start-up, until the budget is spent and at least MIN_ROUNDS
// (default 3) have run; print one JSON object:
// {tool, version, pages: [{stem, title, published, text, error}], rounds_ns}.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * run does the above. read turns a page's file bytes into the tool's
 * input; extract returns {title, published, text} or null for no article.
 */
export function run({ tool, version, read, extract }) {
  const [dir, budgetArg, minArg] = process.argv.slice(2);
  const budgetNs = BigInt(Math.round(Number(budgetArg ?? 2000) * 1e6));
  const minRounds = Number(minArg ?? 3);
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith(".html"))
    .sort()
    .map((f) => {
      const stem = f.slice(0, -".html".length);
      const truth = JSON.parse(readFileSync(join(dir, `${stem}.truth.json`), "utf8"));
      return { stem, url: truth.url, input: read(readFileSync(join(dir, f))) };
    });

  const out = pages.map((p) => {
    try {
      const a = extract(p);
      if (!a) return { stem: p.stem, error: "no article" };
      return { stem: p.stem, title: a.title ?? "", published: a.published ?? "", text: a.text ?? "" };
    } catch (err) {
      return { stem: p.stem, error: err.code ? `${err.code}: ${err.message}` : String(err?.message ?? err) };
    }
  });

  const rounds = [];
  const start = process.hrtime.bigint();
  while (rounds.length < minRounds || process.hrtime.bigint() - start < budgetNs) {
    const t = process.hrtime.bigint();
    for (const p of pages) {
      try {
        extract(p);
      } catch {
        // reported by the first pass
      }
    }
    rounds.push(Number(process.hrtime.bigint() - t));
  }
  process.stdout.write(JSON.stringify({ tool, version, pages: out, rounds_ns: rounds }) + "\n");
}
