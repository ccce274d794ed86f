package nazif_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nazif/nazif/wasm/eval"
	"github.com/nazif/nazif/wasm/nazif"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

const corpusDir = "../../testdata/corpus"

// page is one corpus input with its truth.
type page struct {
	name  string // file name of the input
	path  string
	dump  bool
	truth eval.Truth
}

func corpus(t testing.TB) []page {
	t.Helper()
	truths, err := filepath.Glob(filepath.Join(corpusDir, "*.truth.json"))
	if err != nil || len(truths) == 0 {
		t.Fatalf("no truth files in %s: %v", corpusDir, err)
	}
	var pages []page
	for _, tp := range truths {
		data, err := os.ReadFile(tp)
		if err != nil {
			t.Fatal(err)
		}
		tr, err := eval.ParseTruth(data)
		if err != nil {
			t.Fatalf("%s: %v", tp, err)
		}
		id := strings.TrimSuffix(filepath.Base(tp), ".truth.json")
		for _, ext := range []string{".html", ".dump.txt"} {
			p := filepath.Join(corpusDir, id+ext)
			if _, err := os.Stat(p); err == nil {
				pages = append(pages, page{name: id + ext, path: p, dump: ext == ".dump.txt", truth: tr})
			}
		}
	}
	return pages
}

// TestCorpusScores holds every corpus page, HTML and dump alike, to the
// bar: body token F1 ≥ 0.98, no leaks, the exact title, the right day.
func TestCorpusScores(t *testing.T) {
	var table strings.Builder
	fmt.Fprintf(&table, "%-38s %6s %6s %6s %5s %5s %5s\n", "page", "P", "R", "F1", "leaks", "title", "date")
	var sumF1 float64
	var titles, days, leaks int
	pages := corpus(t)
	for _, p := range pages {
		input, err := os.ReadFile(p.path)
		if err != nil {
			t.Fatal(err)
		}
		a, err := nazif.Extract(input, nazif.Options{})
		if err != nil {
			t.Errorf("%s: %v", p.name, err)
			continue
		}
		s := eval.Evaluate(eval.Extracted{Title: a.Title, Published: a.Published, Text: a.Text}, p.truth, p.dump)
		fmt.Fprintf(&table, "%-38s %6.3f %6.3f %6.3f %5d %5v %5v\n", p.name, s.Precision, s.Recall, s.F1, len(s.Leaks), s.TitleOK, s.DateOK)
		sumF1 += s.F1
		leaks += len(s.Leaks)
		if s.TitleOK {
			titles++
		}
		if s.DateOK {
			days++
		}
		if s.F1 < 0.98 {
			t.Errorf("%s: body F1 %.3f < 0.98 (P %.3f R %.3f)", p.name, s.F1, s.Precision, s.Recall)
		}
		for _, l := range s.Leaks {
			t.Errorf("%s: boilerplate in body: %q", p.name, l)
		}
		if !s.TitleOK {
			t.Errorf("%s: title %q; want %q", p.name, a.Title, p.truth.Title)
		}
		if !s.DateOK {
			t.Errorf("%s: published %q; want %q or one of %q", p.name, a.Published, p.truth.Published, p.truth.PublishedAlt)
		}
	}
	n := len(pages)
	fmt.Fprintf(&table, "%-38s %20.3f %5d %2d/%-2d %2d/%-2d\n", "total (mean F1)", sumF1/float64(n), leaks, titles, n, days, n)
	t.Log("\n" + table.String())
}

// TestSeed checks the seed's article field by field.
func TestSeed(t *testing.T) {
	input, err := os.ReadFile(filepath.Join(corpusDir, "seed-mawazin-2025-06-11.dump.txt"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := nazif.Extract(input, nazif.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ field, got, want string }{
		{"title", a.Title, "إعادة هيكلة التحالف الدولي في سوريا والعراق على طاولة اجتماع مدريد"},
		{"published", a.Published, "2025-06-11T12:27"},
		{"section", a.Section, "العالم"},
		{"site", a.Site, "موازين نيوز"},
		{"author", a.Author, "متابعة"},
		{"lang", a.Lang, "ar"},
		{"dir", a.Dir, "rtl"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q; want %q", c.field, c.got, c.want)
		}
	}
	if len(a.Blocks) != 9 {
		t.Fatalf("%d paragraphs; want 9", len(a.Blocks))
	}
	if first := a.Blocks[0].Text; !strings.HasPrefix(first, "استضافت العاصمة") {
		t.Errorf("first paragraph %q; want it to start «استضافت العاصمة»", first)
	}
	if last := a.Blocks[8].Text; !strings.HasSuffix(last, "تحديات أمنية متزايدة\".") {
		t.Errorf("last paragraph %q; want it to end «تحديات أمنية متزايدة\".»", last)
	}
}

// TestGolden compares every page's full Article JSON with its reviewed
// golden file. Run with -update to rewrite them, then review the diff.
func TestGolden(t *testing.T) {
	for _, p := range corpus(t) {
		t.Run(p.name, func(t *testing.T) {
			input, err := os.ReadFile(p.path)
			if err != nil {
				t.Fatal(err)
			}
			a, err := nazif.Extract(input, nazif.Options{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(a, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("../../testdata/golden", p.name+".json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update and review the new file)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s; run go test -update and review the diff", p.name, golden)
			}
		})
	}
}
