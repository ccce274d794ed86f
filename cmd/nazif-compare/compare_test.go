package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nazif/nazif/wasm/eval"
)

// TestLead: nazif must lead, or tie, on every measure; one worse
// measure fails.
func TestLead(t *testing.T) {
	n := &result{Tool: "nazif, native", nazif: true}
	p := &result{Tool: "peer"}
	good := eval.Totals{Pages: 10, F1: 0.99, Titles: 10, Dates: 9, Leaks: 0}
	worse := eval.Totals{Pages: 10, F1: 0.9, Titles: 7, Dates: 5, Leaks: 9}
	with := func(f func(*eval.Totals)) eval.Totals { w := worse; f(&w); return w }
	for _, c := range []struct {
		name  string
		nazif eval.Totals
		peer  eval.Totals
		ok    bool
	}{
		{"a worse peer", good, worse, true},
		{"a tie", good, good, true},
		{"a better F1", good, with(func(w *eval.Totals) { w.F1 = 0.995 }), false},
		{"as many titles", good, with(func(w *eval.Totals) { w.Titles = 10 }), true},
		{"more dates", good, with(func(w *eval.Totals) { w.Dates = 10 }), false},
		{"fewer leaks", eval.Totals{Pages: 10, F1: 0.99, Titles: 10, Dates: 9, Leaks: 1}, with(func(w *eval.Totals) { w.Leaks = 0 }), false},
	} {
		err := lead([]*result{n, p}, map[*result]eval.Totals{n: c.nazif, p: c.peer})
		if (err == nil) != c.ok {
			t.Errorf("%s: lead = %v; want ok=%v", c.name, err, c.ok)
		}
	}
}

// miniCorpus writes two pages with truth files, for the runners.
func miniCorpus(t *testing.T) string {
	dir := t.TempDir()
	for _, stem := range []string{"a", "b"} {
		page := `<html><head><meta charset="utf-8"><title>عنوان ` + stem + `</title></head><body><article><h1>عنوان ` + stem + `</h1>` +
			strings.Repeat(`<p>هذه فقرة عربية طويلة بما يكفي ليعدها المستخرج جزءا من نص المقال الذي نختبره هنا، وفيها كلمات كثيرة متتابعة.</p>`, 5) +
			`</article></body></html>`
		if err := os.WriteFile(filepath.Join(dir, stem+".html"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, stem+".truth.json"), []byte(`{"url": "https://example.com/`+stem+`"}`), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func checkRunner(t *testing.T, r *result, tool string) {
	t.Helper()
	if r.skipped != "" {
		t.Fatalf("%s: %s", tool, r.skipped)
	}
	if r.Tool != tool || r.Version == "" || len(r.Rounds) < 3 || len(r.Pages) != 2 {
		t.Fatalf("%s: got tool %q version %q, %d rounds, %d pages", tool, r.Tool, r.Version, len(r.Rounds), len(r.Pages))
	}
	for i, stem := range []string{"a", "b"} {
		o := r.Pages[i]
		if o.Stem != stem || o.Error != "" || !strings.Contains(o.Text, "فقرة عربية طويلة") {
			t.Errorf("%s: page %d = %+v", tool, i, o)
		}
	}
}

// TestReadabilityRunner: the Node runner speaks the protocol: the pages
// in order with their text, and at least three timed rounds.
func TestReadabilityRunner(t *testing.T) {
	r := runExternal("Mozilla Readability", exec.Command("node", "node/readability.mjs", miniCorpus(t), "10"))
	checkRunner(t, r, "Mozilla Readability")
	if !strings.Contains(r.Pages[0].Title, "عنوان a") {
		t.Errorf("title %q", r.Pages[0].Title)
	}
}

// TestTrafilaturaRunner checks the Python runner's protocol against a
// stand-in trafilatura module (the real one is not installable on every
// machine): both return shapes, 1.x's dict and 2.x's Document.
func TestTrafilaturaRunner(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Fatal("python3 not found: make compare needs it to run trafilatura")
	}
	fake := t.TempDir()
	stub := `__version__ = "0.0-stand-in"
import re
class Document:
    def __init__(self, d): self.d = d
    def as_dict(self): return self.d
def bare_extraction(html, url=None, with_metadata=False):
    title = re.search(r"<title>(.*?)</title>", html).group(1)
    text = "\n".join(re.findall(r"<p>(.*?)</p>", html))
    d = {"title": title, "date": "2020-01-02", "text": text}
    return Document(d) if url.endswith("/b") else d
`
	if err := os.WriteFile(filepath.Join(fake, "trafilatura.py"), []byte(stub), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("python3", "python/trafilatura_rounds.py", miniCorpus(t), "10")
	cmd.Env = append(os.Environ(), "PYTHONPATH="+fake)
	r := runExternal("trafilatura", cmd)
	checkRunner(t, r, "trafilatura")
	if r.Pages[1].Published != "2020-01-02" || !strings.Contains(r.Version, "0.0-stand-in") {
		t.Errorf("page b %+v, version %q", r.Pages[1], r.Version)
	}
	// No time budget: exactly the fewest rounds asked for.
	cmd = exec.Command("python3", "python/trafilatura_rounds.py", miniCorpus(t), "0", "5")
	cmd.Env = append(os.Environ(), "PYTHONPATH="+fake)
	if r := runExternal("trafilatura", cmd); r.skipped != "" || len(r.Rounds) != 5 {
		t.Errorf("MIN_ROUNDS 5: %d rounds (%s); want 5", len(r.Rounds), r.skipped)
	}
}
