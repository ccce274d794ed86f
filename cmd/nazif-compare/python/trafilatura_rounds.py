"""make compare's Python peer: trafilatura, when it is installed.

It reads the corpus's HTML pages and their truth files (for the page
URLs), extracts each page once to report what it found, then times whole
rounds over all pages, inside this process and after start-up, until the
budget is spent and at least MIN_ROUNDS (default 3) have run.

    python3 trafilatura_rounds.py CORPUS_DIR BUDGET_MS [MIN_ROUNDS]

It prints one JSON object: {tool, version, pages: [{stem, title,
published, text, error}], rounds_ns: [...]}.
"""

import json
import os
import sys
import time

import trafilatura


def extract(page):
    doc = trafilatura.bare_extraction(page["html"], url=page["url"], with_metadata=True)
    if doc is None:
        return None
    # trafilatura 1.x returns a dict, 2.x a Document.
    return doc if isinstance(doc, dict) else doc.as_dict()


def main():
    corpus, budget_ms = sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 2000
    min_rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    pages = []
    for name in sorted(os.listdir(corpus)):
        if not name.endswith(".html"):
            continue
        stem = name[: -len(".html")]
        with open(os.path.join(corpus, stem + ".truth.json"), encoding="utf-8") as f:
            url = json.load(f).get("url", "")
        with open(os.path.join(corpus, name), encoding="utf-8") as f:
            pages.append({"stem": stem, "url": url, "html": f.read()})

    out = []
    for p in pages:
        try:
            d = extract(p)
            if d is None:
                out.append({"stem": p["stem"], "error": "no article"})
                continue
            out.append({
                "stem": p["stem"],
                "title": d.get("title") or "",
                "published": d.get("date") or "",
                "text": d.get("text") or "",
            })
        except Exception as err:  # a failed page is reported, not fatal
            out.append({"stem": p["stem"], "error": str(err)})

    rounds = []
    start = time.perf_counter_ns()
    while len(rounds) < min_rounds or time.perf_counter_ns() - start < budget_ms * 1e6:
        t = time.perf_counter_ns()
        for p in pages:
            try:
                extract(p)
            except Exception:
                pass
        rounds.append(time.perf_counter_ns() - t)

    json.dump({
        "tool": "trafilatura",
        "version": "trafilatura %s, Python %s" % (trafilatura.__version__, sys.version.split()[0]),
        "pages": out,
        "rounds_ns": rounds,
    }, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
