package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
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
	Pages []struct {
		Input, Truth, Kind    string
		Precision, Recall, F1 float64
		Leaks                 []string
		TitleOK               bool `json:"title_ok"`
		DateOK                bool `json:"date_ok"`
		Title, Published      string
		Error                 *struct{ Code, Message string }
	}
	Totals struct {
		HTML, Dump, All evalJSONTotals
	}
}

type evalJSONTotals struct {
	Pages, Failed         int
	Precision, Recall, F1 float64
	Leaks, Titles, Dates  int
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
		"a.truth.json": []byte(`{
			"title": "وزير  الخارجية يصل",
			"published": "2024-03-05T10:00:00+03:00",
			"paragraphs": ["قالَ الوزيرُ إنّ المشروع جاهز"],
			"must_not_contain": ["اقرأ أيضا", "شارك الخبر"]}`),
		// The text repeats two truth words, adds a leak, and drops three.
		"a.html.json": []byte(`{"title": " وزير الخارجية  يصل", "published": "2024-03-05T23:59",
			"text": "قال الوزير:\n\nاقرأ  أيضا"}`),

		// A dump is scored against dump_paragraphs, not paragraphs.
		"b.truth.json": []byte(`{
			"title": "عنوان الخبر الثاني",
			"published": "2024-03-05",
			"published_alt": ["2024-03-04"],
			"paragraphs": ["نص مختلف تماما عن ذلك"],
			"dump_paragraphs": ["نص الخبر كما في النسخة النصية"],
			"must_not_contain": ["شارك الخبر"]}`),
		"b.dump.txt.json": []byte(`{"title": "عنوان آخر", "published": "2024-03-06T01:00",
			"text": "نصُّ الخبر، كما في النسخة النصية."}`),

		// Only a date, right by published_alt; no text, no title.
		"c.truth.json": []byte(`{"title": "عنوان ج", "published": "2024-01-01T23:00",
			"published_alt": ["2024-01-02"], "paragraphs": ["الخبر الأول"]}`),
		"c.json": []byte(`{"published": "2024-01-02T08:00", "author": "ignored"}`),
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
		input, truth, kind string
		p, rec, f1         float64
		leaks              []string
		titleOK, dateOK    bool
		title, published   string
	}
	for i, w := range []want{
		// a: want tokens قال الوزير إن المشروع جاهز (5: harakat and shadda
		// gone); got قال الوزير اقرأ أيضا (4: the colon gone). Common 2:
		// P = 2/4, R = 2/5, F1 = 2·(1/2)(2/5)/(1/2+2/5) = 4/9. The leak
		// "اقرأ أيضا" is found across the double space. The titles agree
		// once white space is collapsed; the date is the same day.
		{"a.html.json", "a.truth.json", "json", 0.5, 0.4, 4.0 / 9, []string{"اقرأ أيضا"}, true, true,
			" وزير الخارجية  يصل", "2024-03-05T23:59"},
		// b: against dump_paragraphs, got نص الخبر كما في النسخة النصية =
		// want (6 tokens each, damma, shadda and punctuation gone): 1, 1, 1.
		// (Against paragraphs it would share only نص.) Wrong title, and a
		// day that is neither published nor published_alt.
		{"b.dump.txt.json", "b.truth.json", "json", 1, 1, 1, []string{}, false, false,
			"عنوان آخر", "2024-03-06T01:00"},
		// c: no text against 2 tokens: 0, 0, 0. No title; the day is
		// published_alt's.
		{"c.json", "c.truth.json", "json", 0, 0, 0, []string{}, false, true, "", "2024-01-02T08:00"},
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
	}
	// The totals, by hand: html has a and c (c.json is about an HTML page),
	// dump has b.
	for _, c := range []struct {
		name string
		got  evalJSONTotals
		want evalJSONTotals
	}{
		// P (1/2+0)/2, R (2/5+0)/2, F1 (4/9+0)/2; a's leak; a's title;
		// a's and c's dates.
		{"html", r.Totals.HTML, evalJSONTotals{Pages: 2, Precision: 0.25, Recall: 0.2, F1: 2.0 / 9, Leaks: 1, Titles: 1, Dates: 2}},
		{"dump", r.Totals.Dump, evalJSONTotals{Pages: 1, Precision: 1, Recall: 1, F1: 1}},
		// P (1/2+1+0)/3, R (2/5+1+0)/3 = 7/15, F1 (4/9+1+0)/3 = 13/27.
		{"all", r.Totals.All, evalJSONTotals{Pages: 3, Precision: 0.5, Recall: 7.0 / 15, F1: 13.0 / 27, Leaks: 1, Titles: 1, Dates: 2}},
	} {
		g, w := c.got, c.want
		if g.Pages != w.Pages || g.Failed != 0 || g.Leaks != w.Leaks || g.Titles != w.Titles || g.Dates != w.Dates ||
			!near(g.Precision, w.Precision) || !near(g.Recall, w.Recall) || !near(g.F1, w.F1) {
			t.Errorf("totals.%s = %+v; want %+v", c.name, g, w)
		}
	}
	// The field order is fixed, so the output is deterministic.
	for _, order := range [][]string{
		{`"input"`, `"truth"`, `"kind"`, `"precision"`, `"recall"`, `"f1"`, `"leaks"`, `"title_ok"`, `"date_ok"`, `"title"`, `"published"`},
		{`"totals"`, `"html"`, `"dump"`, `"all"`},
		{`"pages": 3`, `"failed"`, `"precision"`, `"recall"`, `"f1"`, `"leaks"`, `"titles"`, `"dates"`},
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
// in aligned columns, with the hand-computed numbers.
func TestEvalTable(t *testing.T) {
	dir := writeHandCase(t)
	code, stdout, stderr := runEval(t, "--truth", dir, dir)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	want := [][]string{
		{"HTML", "pages", "P", "R", "F1", "leaks", "title", "date"},
		{"a.html.json", "0.500", "0.400", "0.444", "1", "yes", "yes"},
		{"c.json", "0.000", "0.000", "0.000", "0", "no", "yes"},
		{"subtotal,", "2", "HTML", "pages", "0.250", "0.200", "0.222", "1", "1/2", "2/2"},
		{},
		{"text", "dumps", "P", "R", "F1", "leaks", "title", "date"},
		{"b.dump.txt.json", "1.000", "1.000", "1.000", "0", "no", "no"},
		{"subtotal,", "1", "text", "dump", "1.000", "1.000", "1.000", "0", "0/1", "0/1"},
		{},
		{"total,", "3", "pages", "0.500", "0.467", "0.481", "1", "1/3", "2/3"},
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
		f1 := want[i][len(want[i])-4]
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
	if title, date := last[len(last)-2], last[len(last)-1]; title != strconv.Itoa(n)+"/"+strconv.Itoa(n) || date != title || strings.Count(table, "\nsubtotal, ") != 2 {
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
		a.Published != b.Published || a.TitleOK != b.TitleOK || a.DateOK != b.DateOK || !slices.Equal(a.Leaks, b.Leaks) {
		t.Errorf("the page and its JSON score differently:\n%+v\n%+v", a, b)
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
	if !strings.Contains(stdout, "\ntotal, 1 page (5 failed) ") {
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
		{[]string{"-h"}, 0, "another tool's output"},
	} {
		code, stdout, stderr := runEval(t, c.args...)
		if code != c.code || stdout != "" || !strings.Contains(stderr, c.say) {
			t.Errorf("%q: exit %d, stdout %.100q, stderr %.200q; want %d and %q", c.args, code, stdout, stderr, c.code, c.say)
		}
	}
	// The help documents every flag and the JSON fields.
	_, _, help := runEval(t, "-h")
	for _, s := range []string{"-truth", "-json", "-native", "-j", `"title_ok"`, `"totals"`, "dump_paragraphs", "exit code"} {
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
