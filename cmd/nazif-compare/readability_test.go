package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nazif/nazif/wasm/eval"
)

// gzipCorpus is miniCorpus as the Readability set stores it: each page
// gzipped, and truth files without a URL.
func gzipCorpus(t *testing.T) string {
	t.Helper()
	src, dir := miniCorpus(t), t.TempDir()
	for _, stem := range []string{"a", "b"} {
		html, err := os.ReadFile(filepath.Join(src, stem+".html"))
		if err != nil {
			t.Fatal(err)
		}
		var z bytes.Buffer
		w := gzip.NewWriter(&z)
		w.Write(html)
		w.Close()
		if err := os.WriteFile(filepath.Join(dir, stem+".html.gz"), z.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, stem+".truth.json"), []byte(`{"title": "عنوان `+stem+`", "paragraphs": ["فقرة"]}`), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestLoadReadability: the pages come out decompressed, with the test
// harness's URL, and the runners read them from runnerDir's copy.
func TestLoadReadability(t *testing.T) {
	pages, err := loadReadability(gzipCorpus(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 {
		t.Fatalf("got %d pages; want 2", len(pages))
	}
	for _, p := range pages {
		if !bytes.HasPrefix(p.html, []byte("<html>")) || p.truth.URL != fakeURL || p.truth.Title != "عنوان "+p.stem {
			t.Errorf("page %s: html %q…, url %q, title %q", p.stem, p.html[:min(20, len(p.html))], p.truth.URL, p.truth.Title)
		}
	}
	dir, err := runnerDir(pages)
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	r := runExternal("Mozilla Readability", exec.Command("node", "node/readability.mjs", dir, "10"))
	checkRunner(t, r, "Mozilla Readability")

	if _, err := loadReadability(t.TempDir()); err == nil {
		t.Error("an empty directory: no error")
	}
}

// TestMinRounds: with no time budget, every runner times exactly its
// fewest rounds.
func TestMinRounds(t *testing.T) {
	pages := []page{{stem: "a", html: []byte("<p>x</p>")}}
	calls := 0
	r := &result{f: func(page, bool) (output, error) { calls++; return output{}, nil }}
	timeRounds(pages, false, 0, 2, r)
	if len(r.Rounds) != 2 || calls != 2 {
		t.Errorf("timeRounds: %d rounds, %d calls; want 2, 2", len(r.Rounds), calls)
	}
	n := runExternal("Mozilla Readability", exec.Command("node", "node/readability.mjs", miniCorpus(t), "0", "5"))
	if n.skipped != "" || len(n.Rounds) != 5 {
		t.Errorf("node runner: %d rounds (%s); want 5", len(n.Rounds), n.skipped)
	}
}

// TestScoreSet: the real and synthetic parts, empty bodies with failures
// among them, shingle means, and pages out of order.
func TestScoreSet(t *testing.T) {
	body := "one two three four five six"
	truth := eval.Truth{Title: "T", Paragraphs: []string{body}}
	pages := []page{
		{stem: "big", html: bytes.Repeat([]byte("x"), realBytes), truth: truth},
		{stem: "small", html: []byte("<p>x</p>"), truth: truth},
	}
	r := &result{Pages: []output{
		{Stem: "big", Extracted: eval.Extracted{Title: "T", Text: body}},
		{Stem: "small", Error: "no article"},
	}}
	row, err := scoreSet(pages, r)
	if err != nil {
		t.Fatal(err)
	}
	if row.all.F1 != 0.5 || row.real.F1 != 1 || row.synthetic.F1 != 0 || row.shF1 != 0.5 || row.all.Titles != 1 {
		t.Errorf("F1 %v, real %v, synthetic %v, shingle F1 %v, titles %d; want 0.5, 1, 0, 0.5, 1",
			row.all.F1, row.real.F1, row.synthetic.F1, row.shF1, row.all.Titles)
	}
	if strings.Join(row.empty, ",") != "small" || len(row.failed) != 1 {
		t.Errorf("empty %q, failed %q; want [small] and one failure", row.empty, row.failed)
	}
	r.Pages[0], r.Pages[1] = r.Pages[1], r.Pages[0]
	if _, err := scoreSet(pages, r); err == nil {
		t.Error("pages out of order: no error")
	}
}
