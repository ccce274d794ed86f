package eval_test

import (
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nazif/nazif/wasm/eval"
	"github.com/nazif/nazif/wasm/naziftest"
)

// TestTokenF1Hand checks the metric against a hand-computed example.
func TestTokenF1Hand(t *testing.T) {
	// want tokens: قال الوزير إن الخطة جاهزة الخطة  (6; "الخطة" twice)
	// got tokens:  قال الوزير إن الخطة شارك شارك    (6)
	// common over multisets: قال الوزير إن الخطة = 4
	// precision 4/6, recall 4/6, F1 4/6.
	want := "قالَ الوزيرُ: «إنّ الخطة جاهزة»، الخطة."
	got := "قال الـــوزير إن الخطة! شارك شارك"
	p, r, f := eval.TokenF1(got, want)
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"precision", p, 4.0 / 6}, {"recall", r, 4.0 / 6}, {"f1", f, 4.0 / 6}} {
		if math.Abs(c.got-c.want) > 1e-9 {
			t.Errorf("%s = %v; want %v", c.name, c.got, c.want)
		}
	}
}

func TestTokens(t *testing.T) {
	got := eval.Tokens("ﻻ  يُقدّر\u00a0بـ\"إنشاء\" (قسد)، 2025-06-11")
	want := []string{"لا", "يقدر", "بإنشاء", "قسد", "20250611"}
	if len(got) != len(want) {
		t.Fatalf("got %q; want %q", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("token %d: got %q; want %q", i, got[i], want[i])
		}
	}
}

func TestEvaluate(t *testing.T) {
	tr := eval.Truth{
		Title:          "عنوان  الخبر",
		Published:      "2020-04-24T21:22",
		PublishedAlt:   []string{"2020-04-25"},
		Paragraphs:     []string{"نص الخبر الأول.", "نص الخبر الثاني."},
		DumpParagraphs: []string{"نص الخبر الأول. نص الخبر الثاني."},
		MustNotContain: []string{"شارك هذا الخبر", "اقرأ أيضا"},
	}
	s := eval.Evaluate(eval.Extracted{
		Title:     "عنوان الخبر",
		Published: "2020-04-25T01:00+03:00",
		Text:      "نص الخبر الأول.\n\nنص الخبر الثاني.\n\nشارك  هذا الخبر",
	}, tr, false)
	if !s.TitleOK || !s.DateOK {
		t.Errorf("TitleOK=%v DateOK=%v; want both true", s.TitleOK, s.DateOK)
	}
	if len(s.Leaks) != 1 || s.Leaks[0] != "شارك هذا الخبر" {
		t.Errorf("leaks %q; want the share line", s.Leaks)
	}
	if s.Recall != 1 || s.Precision >= 1 {
		t.Errorf("precision %v recall %v; want <1 and 1", s.Precision, s.Recall)
	}
	if got := eval.Evaluate(eval.Extracted{Published: "2020-04-23"}, tr, true); got.DateOK || got.TitleOK || got.F1 != 0 {
		t.Errorf("empty extraction scored %+v", got)
	}
}

// TestTotals: means over pages, counts summed, by hand.
func TestTotals(t *testing.T) {
	var tot eval.Totals
	tot.Add(eval.Score{Precision: 1, Recall: 0.5, F1: 2.0 / 3, Leaks: []string{"a", "b"}, TitleOK: true,
		AuthorOK: true, AuthorScored: true, SiteScored: true})
	tot.Add(eval.Score{Precision: 0.5, Recall: 1, F1: 2.0 / 3, DateOK: true,
		AuthorScored: true, SectionOK: true, SectionScored: true, SiteOK: true, SiteScored: true})
	// An OK that is not scored does not count: only the Scored flags do.
	tot.Add(eval.Score{TitleOK: true, DateOK: true, EmptyBody: true, AuthorOK: true})
	if tot.Pages != 3 || tot.Leaks != 2 || tot.Titles != 2 || tot.Dates != 2 {
		t.Errorf("counts %+v", tot)
	}
	for _, c := range []struct {
		name      string
		got, want int
	}{
		{"authors", tot.Authors, 1}, {"authors scored", tot.AuthorsScored, 2},
		{"sections", tot.Sections, 1}, {"sections scored", tot.SectionsScored, 1},
		{"sites", tot.Sites, 1}, {"sites scored", tot.SitesScored, 2},
		{"empty bodies", tot.EmptyBodies, 1},
	} {
		if c.got != c.want {
			t.Errorf("%s = %d; want %d", c.name, c.got, c.want)
		}
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"precision", tot.Precision, 0.5}, {"recall", tot.Recall, 0.5}, {"f1", tot.F1, 4.0 / 9}} {
		if math.Abs(c.got-c.want) > 1e-9 {
			t.Errorf("mean %s = %v; want %v", c.name, c.got, c.want)
		}
	}
}

func TestStem(t *testing.T) {
	for _, c := range []struct {
		in   string
		stem string
		dump bool
	}{
		{"youm7-2020-08-24.html", "youm7-2020-08-24", false},
		{"youm7-2020-08-24.dump.txt", "youm7-2020-08-24", true},
		{"youm7-2020-08-24.html.json", "youm7-2020-08-24", false},
		{"youm7-2020-08-24.dump.txt.json", "youm7-2020-08-24", true},
		{"youm7-2020-08-24.json", "youm7-2020-08-24", false},
		{"page.htm", "page", false},
		{"youm7-2020-08-24.dump.json", "youm7-2020-08-24", true},
		{"001.html.gz", "001", false},
		{"youm7-2020-08-24.dump.txt.gz", "youm7-2020-08-24", true},
		{"youm7-2020-08-24.html.json.gz", "youm7-2020-08-24", false},
	} {
		if stem, dump := eval.Stem(c.in); stem != c.stem || dump != c.dump {
			t.Errorf("Stem(%q) = %q, %v; want %q, %v", c.in, stem, dump, c.stem, c.dump)
		}
	}
}

func str(s string) *string { return &s }

// TestEvaluateMeta: author, section and site are scored where the truth
// has them, under MetaKey's rule; only an author drops a byline label.
func TestEvaluateMeta(t *testing.T) {
	for _, c := range []struct {
		name   string
		got    string  // the extracted field, the same for all three
		want   *string // the truth's, the same for all three; nil for null
		author bool    // the author is right
		other  bool    // the section and the site are right
		scored bool
	}{
		{"equal", "نورهان نبيل", str("نورهان نبيل"), true, true, true},
		{"white space collapsed", " Scott\n\t\tCunningham ", str("Scott Cunningham"), true, true, true},
		{"case-folded", "Joe Hildebrand", str("JOE HILDEBRAND"), true, true, true},
		{"NFKC", "ﻻ", str("لا"), true, true, true},
		{"harakat and tatweel", "نـورهانُ", str("نورهان"), true, true, true},
		{"alef with hamza", "بوابة اخبار اليوم", str("بوابة أخبار اليوم"), true, true, true},
		{"punctuation", "Mac i", str("Mac & i"), true, true, true},
		{"punctuation inside a word", "RobertsGrey", str("Roberts-Grey"), true, true, true},
		{"label on the truth's side", "Erin Cunningham", str("By\n\t\tErin Cunningham"), true, false, true},
		{"label on the extraction's side", "by: Erin Cunningham", str("Erin Cunningham"), true, false, true},
		{"label on both sides", "BY Erin Cunningham", str("by Erin Cunningham"), true, true, true},
		{"French label", "Sébastien Farcis", str("Par Sébastien Farcis"), true, false, true},
		{"Arabic label", "بقلم: آسيا العتروس", str("آسيا العتروس"), true, false, true},
		{"a label alone is a name", "By", str("by"), true, true, true},
		{"a label inside is kept", "Rob Ewaschuk Edited by Betsy Beyer", str("Rob Ewaschuk Edited Betsy Beyer"), false, false, true},
		{"a date left in", "Joshua Sokol May 20, 2019", str("By Joshua Sokol"), false, false, true},
		{"another name", "Laurie Oakes", str("Joe Hildebrand"), false, false, true},
		{"nothing extracted", "", str("Alex Perry"), false, false, true},
		{"null truth: not scored", "Alex Perry", nil, false, false, false},
		{"empty truth: not scored", "Alex Perry", str(""), false, false, false},
		{"blank truth: not scored", "", str(" \n، "), false, false, false},
	} {
		tr := eval.Truth{Author: c.want, Section: c.want, Paragraphs: []string{"نص"}}
		if c.want != nil {
			tr.Site = *c.want
		}
		s := eval.Evaluate(eval.Extracted{Text: "نص", Author: c.got, Section: c.got, Site: c.got}, tr, false)
		for _, f := range []struct {
			field            string
			ok, scored, want bool
		}{
			{"author", s.AuthorOK, s.AuthorScored, c.author},
			{"section", s.SectionOK, s.SectionScored, c.other},
			{"site", s.SiteOK, s.SiteScored, c.other},
		} {
			if f.ok != f.want || f.scored != c.scored {
				t.Errorf("%s: %s %q against %s: got ok %v, scored %v; want %v, %v",
					c.name, f.field, c.got, deref(c.want), f.ok, f.scored, f.want, c.scored)
			}
		}
	}
	// Site is a plain string in the truth: "" is not scored.
	if s := eval.Evaluate(eval.Extracted{Site: "x"}, eval.Truth{}, false); s.SiteScored || s.AuthorScored || s.SectionScored {
		t.Errorf("an empty truth scored %+v", s)
	}
}

func deref(s *string) string {
	if s == nil {
		return "<null>"
	}
	return *s
}

func TestMetaKey(t *testing.T) {
	for _, c := range []struct {
		in     string
		byline bool
		want   string
	}{
		{"By\n\t\tScott CUNNINGHAM", true, "scott cunningham"},
		{"By\n\t\tScott CUNNINGHAM", false, "by scott cunningham"},
		{"Mac & i", false, "mac i"},
		{"كتب: أسماء نصّار", true, "اسماء نصار"},
		{"Straße", false, "strasse"},
		{"by", true, "by"},
		{"", true, ""},
	} {
		if got := eval.MetaKey(c.in, c.byline); got != c.want {
			t.Errorf("MetaKey(%q, %v) got %q; want %q", c.in, c.byline, got, c.want)
		}
	}
}

// TestEvaluateEmptyBody: an empty body is a truth with body text and an
// extraction without a token.
func TestEvaluateEmptyBody(t *testing.T) {
	for _, c := range []struct {
		name  string
		got   string
		truth eval.Truth
		dump  bool
		want  bool
	}{
		{"nothing extracted", "", eval.Truth{Paragraphs: []string{"نص الخبر"}}, false, true},
		{"only white space and punctuation", " \n«»، . ", eval.Truth{Paragraphs: []string{"نص الخبر"}}, false, true},
		{"some text", "نص", eval.Truth{Paragraphs: []string{"نص الخبر"}}, false, false},
		{"wrong text is not empty", "شارك", eval.Truth{Paragraphs: []string{"نص الخبر"}}, false, false},
		{"the truth has no body", "", eval.Truth{Paragraphs: []string{" "}}, false, false},
		{"a dump against dump_paragraphs", "", eval.Truth{DumpParagraphs: []string{"نص"}}, true, true},
		{"paragraphs_alt count", "", eval.Truth{ParagraphsAlt: []string{"نص"}}, false, true},
	} {
		if s := eval.Evaluate(eval.Extracted{Text: c.got}, c.truth, c.dump); s.EmptyBody != c.want {
			t.Errorf("%s: got EmptyBody %v; want %v", c.name, s.EmptyBody, c.want)
		}
	}
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestReadFile: a .gz file is read decompressed, and the cap holds on the
// decompressed bytes, so a gzip bomb fails without being unpacked.
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	page := []byte("<p>نص الخبر</p>")
	bomb := naziftest.Gzip(make([]byte, 16<<20)) // 16 MiB of zeros, some 16 kB gzipped
	for _, c := range []struct {
		name    string
		data    []byte
		max     int
		want    string
		wantErr error // nil, or what the error must wrap
	}{
		{"page.html", page, 100, string(page), nil},
		{"page.html.gz", naziftest.Gzip(page), 100, string(page), nil},
		{"exact.html.gz", naziftest.Gzip(page), len(page), string(page), nil},
		{"over.html", page, len(page) - 1, "", eval.ErrTooLarge},
		{"over.html.gz", naziftest.Gzip(page), len(page) - 1, "", eval.ErrTooLarge},
		{"bomb.html.gz", bomb, 1 << 20, "", eval.ErrTooLarge},
		{"empty.html", nil, 10, "", nil},
	} {
		p := writeFile(t, dir, c.name, c.data)
		got, err := eval.ReadFile(p, c.max)
		if c.wantErr != nil {
			if !errors.Is(err, c.wantErr) || !strings.Contains(err.Error(), c.name) {
				t.Errorf("%s: got %d bytes, error %v; want an error naming the file and wrapping %v", c.name, len(got), err, c.wantErr)
			}
			continue
		}
		if err != nil || string(got) != c.want {
			t.Errorf("%s: got %q, %v; want %q", c.name, got, err, c.want)
		}
	}
	// A file that is not gzipped, a truncated one, a missing one.
	for _, c := range []struct {
		name string
		data []byte
	}{{"plain.html.gz", page}, {"cut.html.gz", naziftest.Gzip(page)[:20]}} {
		p := writeFile(t, dir, c.name, c.data)
		if got, err := eval.ReadFile(p, 100); err == nil || !strings.Contains(err.Error(), c.name) {
			t.Errorf("%s: got %q, %v; want an error naming the file", c.name, got, err)
		}
	}
	if _, err := eval.ReadFile(filepath.Join(dir, "missing.html.gz"), 100); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: got %v; want fs.ErrNotExist", err)
	}
}

// TestReadTruth: <stem>.truth.json first, then <stem>.truth.json.gz.
func TestReadTruth(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.truth.json", []byte(`{"title": "plain"}`))
	writeFile(t, dir, "a.truth.json.gz", naziftest.Gzip([]byte(`{"title": "gzipped, not read"}`)))
	writeFile(t, dir, "b.truth.json.gz", naziftest.Gzip([]byte(`{"title": "gzipped", "author": "ب"}`)))
	writeFile(t, dir, "c.truth.json", []byte(`{"title": `))
	for _, c := range []struct {
		stem, title, path string
		wantErr           error // nil; ErrNoTruth; or errAny for any other
	}{
		{"a", "plain", "a.truth.json", nil},
		{"b", "gzipped", "b.truth.json.gz", nil},
		{"c", "", "c.truth.json", errAny},
		{"d", "", "d.truth.json", eval.ErrNoTruth},
	} {
		tr, path, err := eval.ReadTruth(dir, c.stem)
		if path != filepath.Join(dir, c.path) {
			t.Errorf("%s: got the path %q; want %q", c.stem, path, filepath.Join(dir, c.path))
		}
		switch {
		case c.wantErr == nil && (err != nil || tr.Title != c.title):
			t.Errorf("%s: got %q, %v; want the title %q", c.stem, tr.Title, err, c.title)
		case c.wantErr == errAny && (err == nil || errors.Is(err, eval.ErrNoTruth) || !strings.Contains(err.Error(), c.path)):
			t.Errorf("%s: got %v; want a parse error naming %s", c.stem, err, c.path)
		case c.wantErr == eval.ErrNoTruth && (!errors.Is(err, eval.ErrNoTruth) || !errors.Is(err, fs.ErrNotExist)):
			t.Errorf("%s: got %v; want ErrNoTruth and fs.ErrNotExist", c.stem, err)
		}
	}
	if tr, _, _ := eval.ReadTruth(dir, "b"); tr.Author == nil || *tr.Author != "ب" {
		t.Errorf("b: got the author %v; want ب", tr.Author)
	}
}

var errAny = errors.New("any error")
