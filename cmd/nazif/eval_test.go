package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/nazif/nazif/host"
	"github.com/nazif/nazif/wasm/eval"
	"github.com/nazif/nazif/wasm/nazif"
	"github.com/nazif/nazif/wasm/naziftest"
)

const corpusDir = "../../testdata/corpus"

// runEval runs nazif eval and returns its exit code, stdout and stderr.
func runEval(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"eval"}, args...), nil, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// evalJSON is nazif eval --json's output, decoded independently of the
// command's own types.
type evalJSON struct {
	Pages   []evalJSONPage
	Totals  struct{ HTML, Dump, All evalJSONTotals }
	LeftOut int `json:"left_out"`
}

type evalJSONPage struct {
	Input, Truth, Kind    string
	Precision, Recall, F1 float64
	Leaks                 []string
	TitleOK               bool  `json:"title_ok"`
	DateOK                bool  `json:"date_ok"`
	AuthorOK              *bool `json:"author_ok"`
	SectionOK             *bool `json:"section_ok"`
	SiteOK                *bool `json:"site_ok"`
	EmptyBody             bool  `json:"empty_body"`
	Title, Published      string
	Author, Section, Site string
	Error                 *struct{ Code, Message string }
}

type evalJSONTotals struct {
	Pages, Failed            int
	Precision, Recall, F1    float64
	Leaks, Titles, Dates     int
	Authors, Sections, Sites int
	AuthorsScored            int `json:"authors_scored"`
	SectionsScored           int `json:"sections_scored"`
	SitesScored              int `json:"sites_scored"`
	EmptyBodies              int `json:"empty_bodies"`
}

// okString shows an author_ok, section_ok or site_ok: "yes", "no", or
// "-" for null, as the table does.
func okString(ok *bool) string {
	switch {
	case ok == nil:
		return "-"
	case *ok:
		return "yes"
	}
	return "no"
}

func parseEvalJSON(t *testing.T, out string) evalJSON {
	t.Helper()
	var r evalJSON
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		t.Fatalf("--json output does not decode: %v\n%.500s", err, out)
	}
	return r
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// writeHandCase writes three truth files and three tools' outputs, scored
// by hand in TestEvalHandComputed.
func writeHandCase(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{
		// The author has a label and line breaks; an empty site and no
		// section are not scored.
		"a.truth.json": []byte(`{
			"title": "وزير  الخارجية يصل",
			"published": "2024-03-05T10:00:00+03:00",
			"author": "By\n\t\tJane DOE", "site": "",
			"paragraphs": ["قالَ الوزيرُ إنّ المشروع جاهز"],
			"must_not_contain": ["اقرأ أيضا", "شارك الخبر"]}`),
		// The text repeats two truth words, adds a leak, and drops three.
		// The author is the same name (label dropped, case-folded).
		"a.html.json": []byte(`{"title": " وزير الخارجية  يصل", "published": "2024-03-05T23:59",
			"text": "قال الوزير:\n\nاقرأ  أيضا", "author": "jane doe", "site": "موقع"}`),

		// A dump is scored against dump_paragraphs, not paragraphs. A
		// null author is not scored.
		"b.truth.json": []byte(`{
			"title": "عنوان الخبر الثاني",
			"published": "2024-03-05",
			"published_alt": ["2024-03-04"],
			"author": null, "section": "أخبار", "site": "البيان",
			"paragraphs": ["نص مختلف تماما عن ذلك"],
			"dump_paragraphs": ["نص الخبر كما في النسخة النصية"],
			"must_not_contain": ["شارك الخبر"]}`),
		// The section without its hamza is right; the site is another.
		"b.dump.txt.json": []byte(`{"title": "عنوان آخر", "published": "2024-03-06T01:00",
			"text": "نصُّ الخبر، كما في النسخة النصية.", "section": "اخبار", "site": "الخليج"}`),

		// Only a date, right by published_alt; no text (an empty body), no
		// title; an author the truth does not have, so not scored.
		"c.truth.json": []byte(`{"title": "عنوان ج", "published": "2024-01-01T23:00",
			"published_alt": ["2024-01-02"], "paragraphs": ["الخبر الأول"]}`),
		"c.json": []byte(`{"published": "2024-01-02T08:00", "author": "not scored"}`),
	})
	return dir
}

// TestEvalHandComputed checks eval's numbers against the definitions on a
// hand-computed example: tools' outputs, given as a directory.
func TestEvalHandComputed(t *testing.T) {
	dir := writeHandCase(t)
	code, stdout, stderr := runEval(t, "--truth", dir, "--json", dir)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	r := parseEvalJSON(t, stdout)
	if len(r.Pages) != 3 {
		t.Fatalf("%d pages; want 3 (the truth files are not inputs): %s", len(r.Pages), stdout)
	}
	type want struct {
		input, truth, kind       string
		p, rec, f1               float64
		leaks                    []string
		titleOK, dateOK          bool
		title, published         string
		author, section, site    string // the *_ok fields, as okString shows them
		emptyBody                bool
		gAuthor, gSection, gSite string // what was extracted
	}
	for i, w := range []want{
		// a: want tokens قال الوزير إن المشروع جاهز (5: harakat and shadda
		// gone); got قال الوزير اقرأ أيضا (4: the colon gone). Common 2:
		// P = 2/4, R = 2/5, F1 = 2·(1/2)(2/5)/(1/2+2/5) = 4/9. The leak
		// "اقرأ أيضا" is found across the double space. The titles agree
		// once white space is collapsed; the date is the same day.
		{"a.html.json", "a.truth.json", "json", 0.5, 0.4, 4.0 / 9, []string{"اقرأ أيضا"}, true, true,
			" وزير الخارجية  يصل", "2024-03-05T23:59", "yes", "-", "-", false, "jane doe", "", "موقع"},
		// b: against dump_paragraphs, got نص الخبر كما في النسخة النصية =
		// want (6 tokens each, damma, shadda and punctuation gone): 1, 1, 1.
		// (Against paragraphs it would share only نص.) Wrong title, and a
		// day that is neither published nor published_alt.
		{"b.dump.txt.json", "b.truth.json", "json", 1, 1, 1, []string{}, false, false,
			"عنوان آخر", "2024-03-06T01:00", "-", "yes", "no", false, "", "اخبار", "الخليج"},
		// c: no text against 2 tokens: 0, 0, 0. No title; the day is
		// published_alt's.
		{"c.json", "c.truth.json", "json", 0, 0, 0, []string{}, false, true, "", "2024-01-02T08:00",
			"-", "-", "-", true, "not scored", "", ""},
	} {
		p := r.Pages[i]
		if p.Input != filepath.Join(dir, w.input) || p.Truth != filepath.Join(dir, w.truth) || p.Kind != w.kind || p.Error != nil {
			t.Errorf("page %d: input %q, truth %q, kind %q, error %v; want %s, %s, %s", i, p.Input, p.Truth, p.Kind, p.Error, w.input, w.truth, w.kind)
		}
		if !near(p.Precision, w.p) || !near(p.Recall, w.rec) || !near(p.F1, w.f1) {
			t.Errorf("%s: P %v R %v F1 %v; want %v %v %v", w.input, p.Precision, p.Recall, p.F1, w.p, w.rec, w.f1)
		}
		if p.Leaks == nil || !slices.Equal(p.Leaks, w.leaks) {
			t.Errorf("%s: leaks %q; want %q", w.input, p.Leaks, w.leaks)
		}
		if p.TitleOK != w.titleOK || p.DateOK != w.dateOK || p.Title != w.title || p.Published != w.published {
			t.Errorf("%s: title_ok %v date_ok %v title %q published %q; want %v %v %q %q",
				w.input, p.TitleOK, p.DateOK, p.Title, p.Published, w.titleOK, w.dateOK, w.title, w.published)
		}
		if got := []string{okString(p.AuthorOK), okString(p.SectionOK), okString(p.SiteOK)}; !slices.Equal(got, []string{w.author, w.section, w.site}) {
			t.Errorf("%s: author_ok, section_ok, site_ok got %q; want %q", w.input, got, []string{w.author, w.section, w.site})
		}
		if p.EmptyBody != w.emptyBody || p.Author != w.gAuthor || p.Section != w.gSection || p.Site != w.gSite {
			t.Errorf("%s: empty_body %v author %q section %q site %q; want %v %q %q %q",
				w.input, p.EmptyBody, p.Author, p.Section, p.Site, w.emptyBody, w.gAuthor, w.gSection, w.gSite)
		}
	}
	// The totals, by hand: html has a and c (c.json is about an HTML page),
	// dump has b.
	for _, c := range []struct {
		name string
		got  evalJSONTotals
		want evalJSONTotals
	}{
		// P (1/2+0)/2, R (2/5+0)/2, F1 (4/9+0)/2; a's leak; a's title;
		// a's and c's dates; a's author of 1; c's empty body.
		{"html", r.Totals.HTML, evalJSONTotals{Pages: 2, Precision: 0.25, Recall: 0.2, F1: 2.0 / 9, Leaks: 1, Titles: 1, Dates: 2,
			Authors: 1, AuthorsScored: 1, EmptyBodies: 1}},
		// b's section of 1, its site wrong.
		{"dump", r.Totals.Dump, evalJSONTotals{Pages: 1, Precision: 1, Recall: 1, F1: 1,
			Sections: 1, SectionsScored: 1, SitesScored: 1}},
		// P (1/2+1+0)/3, R (2/5+1+0)/3 = 7/15, F1 (4/9+1+0)/3 = 13/27.
		{"all", r.Totals.All, evalJSONTotals{Pages: 3, Precision: 0.5, Recall: 7.0 / 15, F1: 13.0 / 27, Leaks: 1, Titles: 1, Dates: 2,
			Authors: 1, AuthorsScored: 1, Sections: 1, SectionsScored: 1, SitesScored: 1, EmptyBodies: 1}},
	} {
		g, w := c.got, c.want
		gi, wi := g, w
		gi.Precision, gi.Recall, gi.F1, wi.Precision, wi.Recall, wi.F1 = 0, 0, 0, 0, 0, 0
		if gi != wi || !near(g.Precision, w.Precision) || !near(g.Recall, w.Recall) || !near(g.F1, w.F1) {
			t.Errorf("totals.%s = %+v; want %+v", c.name, g, w)
		}
	}
	if r.LeftOut != 0 {
		t.Errorf("left_out %d; want 0 without --min-bytes", r.LeftOut)
	}
	// The field order is fixed, so the output is deterministic.
	for _, order := range [][]string{
		{`"input"`, `"truth"`, `"kind"`, `"precision"`, `"recall"`, `"f1"`, `"leaks"`, `"title_ok"`, `"date_ok"`,
			`"author_ok"`, `"section_ok"`, `"site_ok"`, `"empty_body"`, `"title"`, `"published"`, `"author"`, `"section"`, `"site"`},
		{`"totals"`, `"html"`, `"dump"`, `"all"`, `"left_out"`},
		{`"pages": 3`, `"failed"`, `"precision"`, `"recall"`, `"f1"`, `"leaks"`, `"titles"`, `"dates"`,
			`"authors"`, `"authors_scored"`, `"sections"`, `"sections_scored"`, `"sites"`, `"sites_scored"`, `"empty_bodies"`},
	} {
		at := 0
		for _, key := range order {
			i := strings.Index(stdout[at:], key)
			if i < 0 {
				t.Errorf("%s is missing, or out of the order %q", key, order)
				break
			}
			at += i
		}
	}
}

// TestEvalTable: the table has the groups, their subtotals and the total,
// in aligned columns, with the hand-computed numbers; author, section and
// site are yes, no, or "-" where the truth has none, and right/scored in
// the totals; then the list of empty bodies.
func TestEvalTable(t *testing.T) {
	dir := writeHandCase(t)
	code, stdout, stderr := runEval(t, "--truth", dir, dir)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	table, trailer, ok := strings.Cut(stdout, "\n\n1 empty body")
	if !ok {
		t.Fatalf("no list of empty bodies after the table:\n%s", stdout)
	}
	if want := " (the truth has body text, the extraction none):\n  c.json\n"; trailer != want {
		t.Errorf("after the table: got %q; want %q", trailer, want)
	}
	lines := strings.Split(table, "\n")
	want := [][]string{
		{"HTML", "pages", "P", "R", "F1", "leaks", "title", "date", "author", "section", "site"},
		{"a.html.json", "0.500", "0.400", "0.444", "1", "yes", "yes", "yes", "-", "-"},
		{"c.json", "0.000", "0.000", "0.000", "0", "no", "yes", "-", "-", "-"},
		{"subtotal,", "2", "HTML", "pages,", "1", "empty", "body", "0.250", "0.200", "0.222", "1", "1/2", "2/2", "1/1", "0/0", "0/0"},
		{},
		{"text", "dumps", "P", "R", "F1", "leaks", "title", "date", "author", "section", "site"},
		{"b.dump.txt.json", "1.000", "1.000", "1.000", "0", "no", "no", "-", "yes", "no"},
		{"subtotal,", "1", "text", "dump,", "0", "empty", "bodies", "1.000", "1.000", "1.000", "0", "0/1", "0/1", "0/0", "1/1", "0/1"},
		{},
		{"total,", "3", "pages,", "1", "empty", "body", "0.500", "0.467", "0.481", "1", "1/3", "2/3", "1/1", "1/1", "0/1"},
	}
	if len(lines) != len(want) {
		t.Fatalf("%d lines; want %d:\n%s", len(lines), len(want), stdout)
	}
	width := utf8.RuneCountInString(lines[0])
	for i, l := range lines {
		if got := strings.Fields(l); !slices.Equal(got, want[i]) {
			t.Errorf("line %d is %q; want the fields %q", i+1, l, want[i])
		}
		// Right-aligned columns: every line of the table ends at the same
		// column, and the F1 column ends at the same place in all of them.
		if l == "" {
			continue
		}
		if n := utf8.RuneCountInString(l); n != width {
			t.Errorf("line %d is %d wide; want %d, as the first:\n%s", i+1, n, width, stdout)
		}
		f1 := want[i][len(want[i])-7]
		if end := strings.LastIndex(l, f1) + len(f1); end != strings.LastIndex(lines[0], "F1")+2 {
			t.Errorf("line %d: the F1 column %q ends at byte %d; want it under the header's F1:\n%s", i+1, f1, end, stdout)
		}
	}
}

// corpusPages lists the corpus pages that have a truth file, from the
// directory, as eval with no input must find them.
func corpusPages(t *testing.T) (html, dump []string) {
	t.Helper()
	truths, err := filepath.Glob(filepath.Join(corpusDir, "*.truth.json"))
	if err != nil || len(truths) == 0 {
		t.Fatalf("no truth files in %s: %v", corpusDir, err)
	}
	for _, tp := range truths {
		stem := strings.TrimSuffix(tp, ".truth.json")
		if _, err := os.Stat(stem + ".html"); err == nil {
			html = append(html, stem+".html")
		}
		if _, err := os.Stat(stem + ".dump.txt"); err == nil {
			dump = append(dump, stem+".dump.txt")
		}
	}
	return html, dump
}

// TestEvalCorpus: with no input, eval scores every corpus page, HTML and
// dump, at nazif's accuracy, in the sandbox and natively alike.
func TestEvalCorpus(t *testing.T) {
	html, dump := corpusPages(t)
	if len(html) < 10 || len(dump) < 11 {
		t.Fatalf("the corpus has %d HTML pages and %d dumps with truth; want at least 10 and 11", len(html), len(dump))
	}
	var outputs []string
	for _, mode := range []string{"-native=false", "-native"} {
		before := sandboxCalls(t)
		code, stdout, stderr := runEval(t, "--truth", corpusDir, "--json", mode)
		if code != 0 || stderr != "" {
			t.Fatalf("%s: exit %d, stderr %q", mode, code, stderr)
		}
		calls := sandboxCalls(t) - before
		if want := uint64(len(html) + len(dump)); (mode == "-native" && calls != 0) || (mode != "-native" && calls != want) {
			t.Errorf("%s: %d sandbox calls", mode, calls)
		}
		outputs = append(outputs, stdout)
		r := parseEvalJSON(t, stdout)
		var inputs []string
		for _, p := range r.Pages {
			inputs = append(inputs, p.Input)
			name := filepath.Base(p.Input)
			wantKind := "html"
			if strings.HasSuffix(name, ".dump.txt") {
				wantKind = "dump"
			}
			if p.Error != nil || p.Kind != wantKind || p.Truth != filepath.Join(corpusDir, strings.TrimSuffix(strings.TrimSuffix(name, ".html"), ".dump.txt")+".truth.json") {
				t.Errorf("%s: %s: kind %q, truth %q, error %v", mode, name, p.Kind, p.Truth, p.Error)
				continue
			}
			if p.F1 < 0.98 || len(p.Leaks) != 0 || !p.TitleOK || !p.DateOK {
				t.Errorf("%s: %s: F1 %.3f, leaks %q, title_ok %v (%q), date_ok %v (%q)", mode, name, p.F1, p.Leaks, p.TitleOK, p.Title, p.DateOK, p.Published)
			}
		}
		slices.Sort(inputs)
		if want := slices.Sorted(slices.Values(append(slices.Clone(html), dump...))); !slices.Equal(inputs, want) {
			t.Errorf("%s: inputs %q; want %q", mode, inputs, want)
		}
		for _, c := range []struct {
			name string
			got  evalJSONTotals
			n    int
		}{{"html", r.Totals.HTML, len(html)}, {"dump", r.Totals.Dump, len(dump)}, {"all", r.Totals.All, len(html) + len(dump)}} {
			g := c.got
			if g.Pages != c.n || g.Failed != 0 || g.F1 < 0.98 || g.Leaks != 0 || g.Titles != c.n || g.Dates != c.n {
				t.Errorf("%s: totals.%s = %+v; want %d pages, all right", mode, c.name, g, c.n)
			}
		}
	}
	if outputs[0] != outputs[1] {
		t.Errorf("the sandbox and -native score the corpus differently:\n%s\n%s", outputs[0], outputs[1])
	}

	// The table says the same: 21/21 titles and dates (for 10 + 11 pages).
	code, table, stderr := runEval(t, "--truth", corpusDir, "-native", "-j", "3")
	n := len(html) + len(dump)
	if code != 0 || stderr != "" || !strings.Contains(table, "\ntotal, ") {
		t.Fatalf("table: exit %d, stderr %q:\n%s", code, stderr, table)
	}
	last := strings.Fields(table[strings.LastIndex(table, "\ntotal, "):])
	if title, date := last[len(last)-5], last[len(last)-4]; title != strconv.Itoa(n)+"/"+strconv.Itoa(n) || date != title || strings.Count(table, "\nsubtotal, ") != 2 {
		t.Errorf("table totals %q:\n%s", last, table)
	}
}

// TestEvalToolOutputAgreesWithPage: nazif clean's own JSON, given as a
// tool's output, scores what eval scores for the page itself.
func TestEvalToolOutputAgreesWithPage(t *testing.T) {
	dir := t.TempDir()
	code, article, stderr := runClean(t, "", "-native", "-f", "json", cnnPage)
	if code != 0 {
		t.Fatalf("clean: exit %d, stderr %q", code, stderr)
	}
	tool := filepath.Join(dir, "cnnarabic-2013-08-03.html.json")
	writeFiles(t, dir, map[string][]byte{filepath.Base(tool): []byte(article)})
	code, stdout, stderr := runEval(t, "--truth", corpusDir, "--json", "-native", cnnPage, tool)
	if code != 0 {
		t.Fatalf("eval: exit %d, stderr %q", code, stderr)
	}
	r := parseEvalJSON(t, stdout)
	if len(r.Pages) != 2 || r.Pages[0].Kind != "html" || r.Pages[1].Kind != "json" {
		t.Fatalf("pages %+v", r.Pages)
	}
	a, b := r.Pages[0], r.Pages[1]
	if a.F1 < 0.98 || a.Precision != b.Precision || a.Recall != b.Recall || a.F1 != b.F1 || a.Title != b.Title ||
		a.Published != b.Published || a.TitleOK != b.TitleOK || a.DateOK != b.DateOK || !slices.Equal(a.Leaks, b.Leaks) ||
		a.Author != b.Author || a.Section != b.Section || a.Site != b.Site || a.EmptyBody != b.EmptyBody ||
		okString(a.AuthorOK) != okString(b.AuthorOK) || okString(a.SectionOK) != okString(b.SectionOK) || okString(a.SiteOK) != okString(b.SiteOK) {
		t.Errorf("the page and its JSON score differently:\n%+v\n%+v", a, b)
	}
	// nazif clean's JSON carries the section and the site, which the
	// truth has: they are read from it.
	if a.Section == "" || a.Site == "" || a.SectionOK == nil || a.SiteOK == nil {
		t.Errorf("the page's section %q, site %q: section_ok %s, site_ok %s; want both extracted and scored",
			a.Section, a.Site, okString(a.SectionOK), okString(a.SiteOK))
	}
	if r.Totals.HTML.Pages != 2 || r.Totals.Dump.Pages != 0 {
		t.Errorf("totals %+v; want both in html", r.Totals)
	}
}

// TestEvalFailures: inputs that cannot be scored are reported with their
// codes and do not stop the others.
func TestEvalFailures(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{
		"no-such-page-2020.html":      []byte("<html><body><p>نص</p></body></html>"), // no truth file
		"youm7-2020-08-24.json":       []byte(`{"title": "عنوان", "text": `),         // truth, but malformed
		"cnnarabic-2013-08-03.html":   nil,                                           // truth, but empty
		"albayan-2020-06-03.dump.txt": []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
	})
	missing := filepath.Join(dir, "sputnik-2020-03-17.html") // truth, but no file
	inputs := []string{
		filepath.Join(dir, "no-such-page-2020.html"),
		filepath.Join(dir, "youm7-2020-08-24.json"),
		seed,
		filepath.Join(dir, "cnnarabic-2013-08-03.html"),
		missing,
		filepath.Join(dir, "albayan-2020-06-03.dump.txt"),
	}
	wantCodes := []string{"no_truth", "bad_json", "", "empty", "read", "not_text"}
	for _, mode := range []string{"-native=false", "-native"} {
		code, stdout, stderr := runEval(t, append([]string{"--truth", corpusDir, "--json", mode}, inputs...)...)
		if code != 1 || stderr != "nazif: 5 of 6 inputs failed\n" {
			t.Errorf("%s: exit %d, stderr %q; want 1 and the count of failures", mode, code, stderr)
		}
		r := parseEvalJSON(t, stdout)
		if len(r.Pages) != len(inputs) {
			t.Fatalf("%s: %d pages; want %d", mode, len(r.Pages), len(inputs))
		}
		for i, p := range r.Pages {
			if p.Input != inputs[i] {
				t.Errorf("%s: page %d is %s; want %s (input order)", mode, i, p.Input, inputs[i])
			}
			if wantCodes[i] == "" {
				if p.Error != nil || p.F1 < 0.98 || !p.TitleOK || !p.DateOK || p.Kind != "dump" {
					t.Errorf("%s: the good input was not scored: %+v", mode, p)
				}
				continue
			}
			if p.Error == nil || p.Error.Code != wantCodes[i] || p.Error.Message == "" {
				t.Errorf("%s: %s: error %+v; want the code %s", mode, p.Input, p.Error, wantCodes[i])
			}
		}
		// Failures count apart, and not in the means.
		all := r.Totals.All
		if all.Pages != 1 || all.Failed != 5 || all.F1 < 0.98 || r.Totals.Dump.Failed != 1 || r.Totals.HTML.Failed != 4 {
			t.Errorf("%s: totals %+v", mode, r.Totals)
		}
	}

	// In the table, each failure is a line with its code.
	code, stdout, _ := runEval(t, append([]string{"--truth", corpusDir, "-native"}, inputs...)...)
	if code != 1 {
		t.Errorf("table: exit %d; want 1", code)
	}
	for i, in := range inputs {
		var line string
		for l := range strings.Lines(stdout) {
			if strings.HasPrefix(l, in+" ") {
				line = l
			}
		}
		if wantCodes[i] != "" && !strings.Contains(line, " error "+wantCodes[i]+": ") {
			t.Errorf("table: the line of %s is %q; want its error %s:\n%s", in, line, wantCodes[i], stdout)
		}
	}
	if !strings.Contains(stdout, "\ntotal, 1 page, 0 empty bodies (5 failed) ") {
		t.Errorf("table: no total with the failures:\n%s", stdout)
	}
}

func TestEvalUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		say  string
	}{
		{nil, 2, "--truth DIR is required"},
		{[]string{seed}, 2, "--truth DIR is required"},
		{[]string{"--truth", corpusDir, "-bogus"}, 2, "flag provided but not defined"},
		{[]string{"--truth", seed}, 2, "not a directory"},
		{[]string{"--truth", corpusDir, "-j", "0"}, 2, "-j 0"},
		{[]string{"--truth", corpusDir, "--min-bytes", "-1"}, 2, "--min-bytes -1: want 0 or more"},
		{[]string{"--truth", corpusDir, "--min-bytes", "10kB"}, 2, "invalid value"},
		{[]string{"--truth", corpusDir, "--variant", "bogus", cnnPage}, 2, "--variant bogus: want one of noattrs, renamed, brruns, wrapped"},
		{[]string{"-h"}, 0, "another tool's output"},
	} {
		code, stdout, stderr := runEval(t, c.args...)
		if code != c.code || stdout != "" || !strings.Contains(stderr, c.say) {
			t.Errorf("%q: exit %d, stdout %.100q, stderr %.200q; want %d and %q", c.args, code, stdout, stderr, c.code, c.say)
		}
	}
	// The help documents every flag and the JSON fields.
	_, _, help := runEval(t, "-h")
	for _, s := range []string{"-truth", "-json", "-native", "-j", "-min-bytes", "-variant", `"title_ok"`, `"totals"`, "dump_paragraphs", "exit code",
		`"author_ok"`, `"empty_body"`, `"authors_scored"`, `"empty_bodies"`, `"left_out"`, ".gz", "case-folded", "byline label", "null",
		fmt.Sprintf("%d MiB", host.DefaultMaxInputBytes>>20)} {
		if !strings.Contains(help, s) {
			t.Errorf("eval -h does not mention %s", s)
		}
	}
	// The top-level usage lists eval.
	var stdout bytes.Buffer
	if run([]string{"help"}, nil, &stdout, &stdout); !strings.Contains(stdout.String(), "nazif eval --truth DIR") {
		t.Errorf("nazif help does not list eval:\n%s", stdout.String())
	}
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// withoutInput is a page's JSON line without its "input" and "truth",
// to compare two inputs' scores.
func withoutInput(p evalJSONPage) evalJSONPage {
	p.Input, p.Truth = "", ""
	return p
}

// TestEvalGzip: a gzipped page and a gzipped truth score as the plain
// ones do, found with no INPUT, in a directory and as a file; a gzip bomb
// fails with too_large, and a file that is not gzip data with read.
func TestEvalGzip(t *testing.T) {
	const stem = "cnnarabic-2013-08-03"
	page := readFile(t, cnnPage)
	truth := readFile(t, filepath.Join(corpusDir, stem+".truth.json"))
	dump := readFile(t, filepath.Join(corpusDir, stem+".dump.txt"))
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{
		stem + ".html.gz":       naziftest.Gzip(page),
		stem + ".dump.txt.gz":   naziftest.Gzip(dump),
		stem + ".truth.json.gz": naziftest.Gzip(truth),
		"README.md":             []byte("not an input"),
		"bomb.html.gz":          naziftest.Gzip(make([]byte, host.DefaultMaxInputBytes+1)),
		"bomb.truth.json":       truth,
		"notgz.html.gz":         page,
		"notgz.truth.json":      truth,
		"tool.truth.json.gz":    naziftest.Gzip(truth),
	})
	code, article, stderr := runClean(t, "", "-native", "-f", "json", cnnPage)
	if code != 0 {
		t.Fatalf("clean: exit %d, stderr %q", code, stderr)
	}
	// nazif clean's output for the page, as a gzipped tool output.
	writeFiles(t, dir, map[string][]byte{"tool.html.json.gz": naziftest.Gzip([]byte(article))})

	code, plain, stderr := runEval(t, "--truth", corpusDir, "--json", "-native", cnnPage, filepath.Join(corpusDir, stem+".dump.txt"))
	if code != 0 {
		t.Fatalf("plain: exit %d, stderr %q", code, stderr)
	}
	want := parseEvalJSON(t, plain)

	// With no INPUT: the gzipped page and dump of each stem that has a
	// gzipped truth; bomb and notgz have no page named .html.gz that
	// works, and tool has no page.
	for _, mode := range []string{"-native", "-native=false"} {
		code, stdout, stderr := runEval(t, "--truth", dir, "--json", mode)
		r := parseEvalJSON(t, stdout)
		var inputs []string
		for _, p := range r.Pages {
			inputs = append(inputs, filepath.Base(p.Input))
		}
		wantInputs := []string{"bomb.html.gz", stem + ".html.gz", stem + ".dump.txt.gz", "notgz.html.gz"}
		if code != 1 || stderr != "nazif: 2 of 4 inputs failed\n" || !slices.Equal(inputs, wantInputs) {
			t.Fatalf("%s: exit %d, stderr %q, inputs %q; want 1, 2 failed, %q", mode, code, stderr, inputs, wantInputs)
		}
		for i, w := range want.Pages {
			if got := r.Pages[i+1]; !samePage(withoutInput(got), withoutInput(w)) || got.Truth != filepath.Join(dir, stem+".truth.json.gz") {
				t.Errorf("%s: %s scored\n%+v; want as the plain file\n%+v", mode, got.Input, got, w)
			}
		}
		for i, code := range map[int]string{0: "too_large", 3: "read"} {
			if e := r.Pages[i].Error; e == nil || e.Code != code || !strings.Contains(e.Message, inputs[i]) {
				t.Errorf("%s: %s: error %+v; want %s, naming the file", mode, inputs[i], e, code)
			}
		}
	}

	// A directory as INPUT takes the .gz pages and tools' outputs, not the
	// truth files nor README.md; a .gz file as INPUT is read the same.
	code, stdout, _ := runEval(t, "--truth", dir, "--json", "-native", dir, filepath.Join(dir, stem+".html.gz"))
	r := parseEvalJSON(t, stdout)
	var inputs []string
	for _, p := range r.Pages {
		inputs = append(inputs, filepath.Base(p.Input))
	}
	wantInputs := []string{"bomb.html.gz", stem + ".dump.txt.gz", stem + ".html.gz", "notgz.html.gz", "tool.html.json.gz", stem + ".html.gz"}
	if code != 1 || !slices.Equal(inputs, wantInputs) {
		t.Fatalf("directory: exit %d, inputs %q; want 1, %q", code, inputs, wantInputs)
	}
	if html, tool, again := r.Pages[2], r.Pages[4], r.Pages[5]; tool.Kind != "json" || tool.Error != nil ||
		!samePage(withoutInput(html), withoutInput(again)) || html.F1 != tool.F1 || html.Author != tool.Author || html.Site != tool.Site {
		t.Errorf("directory: the page %+v, its gzipped tool output %+v, the page again %+v: want the same scores", html, tool, again)
	}
}

// samePage reports whether two pages' lines are equal, through their JSON.
func samePage(a, b evalJSONPage) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return bytes.Equal(ja, jb)
}

// TestEvalMinBytes: --min-bytes scores only the pages that big,
// decompressed; the others are not listed, only counted. A tool's output
// is measured by its page.
func TestEvalMinBytes(t *testing.T) {
	dir := t.TempDir()
	truth := []byte(`{"title": "عنوان", "paragraphs": ["نص الخبر"]}`)
	small := []byte("<html><body><p>" + strings.Repeat("نص الخبر ", 20) + "</p></body></html>")
	big := append(bytes.Repeat([]byte(" "), 200), small...) // 200 bytes more, under 100 more gzipped
	writeFiles(t, dir, map[string][]byte{
		"big.html.gz":         naziftest.Gzip(big),
		"big.truth.json":      truth,
		"small.html":          small,
		"small.truth.json":    truth,
		"big-tool.html":       big,
		"big-tool.truth.json": truth,
		"lone.truth.json":     truth,
	})
	tools := t.TempDir()
	writeFiles(t, tools, map[string][]byte{
		"big-tool.json": []byte(`{"text": "نص الخبر"}`),
		"small.json":    []byte(`{"text": "نص"}`),
		"lone.json":     []byte(`{"text": "نص"}`), // no page to measure
	})
	if n := len(naziftest.Gzip(big)); n >= len(small) {
		t.Fatalf("big.html.gz is %d bytes; want it under small.html's %d, to show the page is measured decompressed", n, len(small))
	}
	// Floors: the big pages' size, one more, and one more than small's.
	bigN, over, smallOver := strconv.Itoa(len(big)), strconv.Itoa(len(big)+1), strconv.Itoa(len(small)+1)
	for _, c := range []struct {
		args    []string
		code    int
		inputs  []string
		leftOut int
	}{
		{[]string{"--min-bytes", "0"}, 0, []string{"big.html.gz", "big-tool.html", "small.html"}, 0},
		{[]string{"--min-bytes", smallOver}, 0, []string{"big.html.gz", "big-tool.html"}, 1},
		{[]string{"--min-bytes", bigN}, 0, []string{"big.html.gz", "big-tool.html"}, 1},
		{[]string{"--min-bytes", over}, 0, []string{}, 3},
		// A tool's output is measured by its page, found in the truth
		// directory; lone.json has none: no_page.
		{[]string{"--min-bytes", smallOver, tools}, 1, []string{"big-tool.json", "lone.json"}, 1},
		{[]string{"--min-bytes", "0", tools}, 0, []string{"big-tool.json", "lone.json", "small.json"}, 0},
	} {
		args := append([]string{"--truth", dir, "--json", "-native"}, c.args...)
		code, stdout, stderr := runEval(t, args...)
		r := parseEvalJSON(t, stdout)
		inputs := []string{}
		for _, p := range r.Pages {
			inputs = append(inputs, filepath.Base(p.Input))
		}
		if code != c.code || !slices.Equal(inputs, c.inputs) || r.LeftOut != c.leftOut {
			t.Errorf("%q: exit %d, inputs %q, left_out %d; want %d, %q, %d (stderr %q)", c.args, code, inputs, r.LeftOut, c.code, c.inputs, c.leftOut, stderr)
		}
		if r.Totals.All.Pages+r.Totals.All.Failed != len(c.inputs) {
			t.Errorf("%q: totals %+v; want %d inputs", c.args, r.Totals.All, len(c.inputs))
		}
		for _, p := range r.Pages {
			if filepath.Base(p.Input) == "lone.json" && c.code == 1 && (p.Error == nil || p.Error.Code != "no_page") {
				t.Errorf("%q: lone.json: error %+v; want no_page", c.args, p.Error)
			}
		}
	}
	// The table lists what is scored and ends by counting what is not.
	code, table, _ := runEval(t, "--truth", dir, "-native", "--min-bytes", smallOver)
	if code != 0 || strings.Contains(table, "small.html") || !strings.Contains(table, "big.html.gz ") ||
		!strings.HasSuffix(table, "\n\n1 page under --min-bytes "+smallOver+" left out\n") {
		t.Errorf("table: exit %d:\n%s", code, table)
	}
}

// TestEvalVariant: --variant NAME scores each HTML page under the skin,
// as eval.Variant's Apply, nazif.Extract and eval.Evaluate do it by hand;
// text dumps and tools' outputs are scored as they are.
func TestEvalVariant(t *testing.T) {
	html, dump := corpusPages(t)
	html = html[:3]
	for _, v := range eval.Variants {
		args := append([]string{"--truth", corpusDir, "--json", "-native", "--variant", string(v), dump[0]}, html...)
		code, stdout, stderr := runEval(t, args...)
		if code != 0 || stderr != "" {
			t.Fatalf("%s: exit %d, stderr %q", v, code, stderr)
		}
		r := parseEvalJSON(t, stdout)
		if len(r.Pages) != len(html)+1 || r.Pages[0].F1 < 0.98 {
			t.Fatalf("%s: pages %+v; want %d, the dump scored as it is", v, r.Pages, len(html)+1)
		}
		for i, name := range html {
			stem, _ := eval.Stem(filepath.Base(name))
			truth, _, err := eval.ReadTruth(corpusDir, stem)
			if err != nil {
				t.Fatal(err)
			}
			a, err := nazif.Extract(v.Apply(readFile(t, name)), nazif.Options{})
			if err != nil {
				t.Fatal(err)
			}
			s := eval.Evaluate(eval.Extracted{Title: a.Title, Published: a.Published, Text: a.Text,
				Author: a.Author, Section: a.Section, Site: a.Site}, truth, false)
			got := r.Pages[i+1]
			if got.Precision != s.Precision || got.Recall != s.Recall || got.F1 != s.F1 || got.Author != a.Author ||
				got.TitleOK != s.TitleOK || len(got.Leaks) != len(s.Leaks) || got.EmptyBody != s.EmptyBody {
				t.Errorf("%s: %s: got %+v; want the score of the page under the variant, %+v", v, name, got, s)
			}
		}
	}
}

// TestEvalReadability: with no INPUT, --truth testdata/readability scores
// its 130 gzipped pages; --min-bytes 10000 keeps the 94 real captures.
// The scores are a report, not a bar here (wasm/nazif's tests hold it).
func TestEvalReadability(t *testing.T) {
	const dir = "../../testdata/readability"
	for _, c := range []struct {
		args           []string
		pages, leftOut int
	}{
		{nil, 130, 0},
		{[]string{"--min-bytes", "10000"}, 94, 36},
	} {
		code, stdout, stderr := runEval(t, append([]string{"--truth", dir, "--json", "-native"}, c.args...)...)
		r := parseEvalJSON(t, stdout)
		if code != 0 || stderr != "" || len(r.Pages) != c.pages || r.Totals.All.Pages != c.pages || r.LeftOut != c.leftOut {
			t.Fatalf("%q: exit %d, stderr %q, %d pages (%d scored), %d left out; want 0, %d, %d",
				c.args, code, stderr, len(r.Pages), r.Totals.All.Pages, r.LeftOut, c.pages, c.leftOut)
		}
		all := r.Totals.All
		// The Readability truths have no section, authors on some pages
		// and sites on others: scored where they have them.
		if all.SectionsScored != 0 || all.AuthorsScored == 0 || all.AuthorsScored == c.pages || all.SitesScored == 0 {
			t.Errorf("%q: totals %+v; want no section scored, and some authors and sites", c.args, all)
		}
		var empty int
		for _, p := range r.Pages {
			if !strings.HasSuffix(p.Input, ".html.gz") || p.Kind != "html" || !strings.HasSuffix(p.Truth, ".truth.json") {
				t.Errorf("%q: %s: kind %q, truth %q", c.args, p.Input, p.Kind, p.Truth)
			}
			if p.EmptyBody {
				empty++
			}
		}
		if all.EmptyBodies != empty {
			t.Errorf("%q: %d empty bodies in the totals; want %d, as the pages say", c.args, all.EmptyBodies, empty)
		}
	}
}
