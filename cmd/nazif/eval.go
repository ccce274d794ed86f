package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/nazif/nazif/cmd/internal/jsonl"
	"github.com/nazif/nazif/host"
	"github.com/nazif/nazif/wasm/eval"
	"github.com/nazif/nazif/wasm/nazif"
)

const evalUsage = `usage: nazif eval --truth DIR [flags] [INPUT...]

Scores extracted articles against the hand-checked truth files in DIR: one
DIR/<stem>.truth.json (or <stem>.truth.json.gz) per page, in the corpus
format (title, published, published_alt, author, section, site, paragraphs,
paragraphs_alt, dump_paragraphs, must_not_contain; see testdata/corpus).

An INPUT is a file or a directory:
  <stem>.html, .htm, .xhtml     an HTML page: nazif cleans it, and the
                                article is scored
  <stem>.dump.txt, .txt         a text dump: nazif cleans it, and the
                                article is scored against the truth's
                                dump_paragraphs
  <stem>.json, <stem>.html.json,
  <stem>.dump.txt.json          another tool's output for the page: a JSON
                                object with "title", "published", "text",
                                "author", "section" and "site", strings,
                                any of them may be missing (nazif clean's
                                JSON is one); it is scored as it is, to
                                compare tools
  any of these, gzipped (.gz)   the same: <stem>.html.gz is the HTML page
                                <stem>; it is read decompressed
  a directory                   its pages and .json files, gzipped or not,
                                in sorted order, not its subdirectories
                                nor hidden files; truth files skipped
With no INPUT: every page in DIR that has a truth file, the .html and the
.dump.txt of each stem, gzipped or not. So "nazif eval --truth
testdata/corpus" scores the corpus, HTML pages and text dumps, and "nazif
eval --truth testdata/readability" Readability's 130 test pages. An input
over 8 MiB (decompressed: the cap of nazif's sandbox) fails with too_large.

For each input: body token precision (P), recall (R) and F1 against the
truth's paragraphs, over NFKC tokens with harakat, tatweel and punctuation
removed; the must_not_contain snippets found in the body (leaks); whether the
title is exact (white space collapsed) and the published date right to the
day (published or one of published_alt); whether the author, section and
site are right, where the truth has them (a null or empty field is not
scored: "-" in the table). Those three are compared as their tokens (the
body's rule: NFKC, harakat, tatweel and punctuation dropped, white space
collapsed), case-folded, with a leading byline label (by, par, por, بقلم,
كتب, كتبت) dropped from both authors when a name follows it: the truth
sets write "By Jane Doe", "JANE DOE" and "Jane Doe" alike, and nazif
drops bylines' labels. A page whose truth has body text and whose
extraction has none (no token) is an empty body: counted in the totals and
listed after the table, as it is the worst miss.

Then the totals: mean P, R and F1 over the inputs scored, leaks summed, how
many of them have the right title and date, right/scored for author,
section and site, and the empty bodies. HTML pages and text dumps are
listed apart, with a subtotal each (a .json counts as the kind of page its
name is about).

--min-bytes N scores only the pages of at least N bytes, decompressed (in
testdata/readability the real captured pages are the ones of 10000 bytes
or more); the others are left out: not listed, not in the totals, only
counted. A tool's .json is measured by its page: <stem>.html (.htm, .xhtml;
.dump.txt, .txt for a dump), gzipped or not, in DIR or beside the .json;
without one it fails with no_page.

Pages are cleaned in the WebAssembly sandbox unless -native. An input that
cannot be scored (no truth file, unreadable, too large, refused by nazif, a
malformed .json) is reported on its own line, is left out of the totals and
does not stop the others: the exit code is then 1. A low score is not a
failure. A usage error exits with 2. Flags go before the inputs.

--json prints one JSON document instead of the table:
  {"pages": [{"input", "truth", "kind": "html"|"dump"|"json",
              "precision", "recall", "f1", "leaks": [SNIPPET...],
              "title_ok", "date_ok", "author_ok", "section_ok", "site_ok",
              "empty_body", "title", "published", "author", "section",
              "site"}
             or {"input", "truth", "kind", "error": {"code", "message"}}...],
   "totals": {"html": T, "dump": T, "all": T},
   "left_out": N}
where T is {"pages", "failed", "precision", "recall", "f1", "leaks",
"titles", "dates", "authors", "authors_scored", "sections",
"sections_scored", "sites", "sites_scored", "empty_bodies"}: "pages" counts
the inputs scored, "failed" the others, the means and counts are over the
pages scored; "authors" counts the right authors out of "authors_scored",
the pages whose truth has one (and so for sections and sites). "author_ok",
"section_ok" and "site_ok" are null where the truth has no such field.
"title", "published", "author", "section" and "site" are what was
extracted. "left_out" counts the pages --min-bytes left out. Error codes
are nazif's (empty, not_text, too_large, timeout, ...) or read, no_truth,
bad_truth, bad_json and no_page.

Flags:
`

// Error codes of eval's own failures, besides clean's "read".
const (
	codeNoTruth  = "no_truth"
	codeBadTruth = "bad_truth"
	codeBadJSON  = "bad_json"
	codeNoPage   = "no_page"
)

// Kinds of input, as "kind" names them.
const (
	kindHTML = "html"
	kindDump = "dump"
	kindJSON = "json"
)

// evalInput is one input to score, as expanded from the arguments.
type evalInput struct {
	name string // the path as given, or as found in a directory
	kind string // kindHTML, kindDump, kindJSON; "" for a directory that failed
	dump bool   // scored against the truth's dump paragraphs
	err  *cleanError
}

// evalPage is one input's line of --json: its score, or its error.
type evalPage struct {
	Input      string      `json:"input"`
	Truth      string      `json:"truth,omitempty"`
	Kind       string      `json:"kind,omitempty"`
	*pageScore             // nil for a failed input
	Error      *cleanError `json:"error,omitempty"`

	dump    bool       // scored, or to be, against the truth's dump paragraphs
	score   eval.Score // what the totals add up
	leftOut bool       // under --min-bytes: not scored, not listed
}

// pageScore is an eval.Score with what was extracted, as --json shows it.
type pageScore struct {
	Precision float64  `json:"precision"`
	Recall    float64  `json:"recall"`
	F1        float64  `json:"f1"`
	Leaks     []string `json:"leaks"`
	TitleOK   bool     `json:"title_ok"`
	DateOK    bool     `json:"date_ok"`
	// AuthorOK, SectionOK and SiteOK are nil (null) where the truth has
	// no such field: not scored.
	AuthorOK  *bool  `json:"author_ok"`
	SectionOK *bool  `json:"section_ok"`
	SiteOK    *bool  `json:"site_ok"`
	EmptyBody bool   `json:"empty_body"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Author    string `json:"author"`
	Section   string `json:"section"`
	Site      string `json:"site"`
}

// scored is ok where scored, and nil (JSON null) where not.
func scored(ok, scored bool) *bool {
	if !scored {
		return nil
	}
	return &ok
}

// evalTotals is an eval.Totals with the failed inputs counted, as --json
// shows it.
type evalTotals struct {
	Pages     int     `json:"pages"`
	Failed    int     `json:"failed"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Leaks     int     `json:"leaks"`
	Titles    int     `json:"titles"`
	Dates     int     `json:"dates"`
	// Authors, Sections and Sites are right out of their Scored counts.
	Authors        int `json:"authors"`
	AuthorsScored  int `json:"authors_scored"`
	Sections       int `json:"sections"`
	SectionsScored int `json:"sections_scored"`
	Sites          int `json:"sites"`
	SitesScored    int `json:"sites_scored"`
	EmptyBodies    int `json:"empty_bodies"`
}

type evalReport struct {
	Pages  []evalPage `json:"pages"`
	Totals struct {
		HTML evalTotals `json:"html"`
		Dump evalTotals `json:"dump"`
		All  evalTotals `json:"all"`
	} `json:"totals"`
	// LeftOut counts the pages under --min-bytes.
	LeftOut int `json:"left_out"`

	minBytes int // --min-bytes, for the table's last line
}

func evalCmd(args []string, stdout, stderr io.Writer) int {
	fset := newFlagSet("eval", evalUsage, stderr)
	truthDir := fset.String("truth", "", "the `DIR` of the truth files, <stem>.truth.json (required)")
	asJSON := fset.Bool("json", false, "print one JSON document instead of the table")
	native := fset.Bool("native", false, "clean natively, without the sandbox: for trusted input, and to compare")
	jobs := fset.Int("j", runtime.GOMAXPROCS(0), "clean `N` inputs at once")
	variantName := fset.String("variant", "", "score every HTML page under the skin `NAME`: "+variantNames())
	minBytes := fset.Int("min-bytes", 0, "score only the pages of at least `N` bytes, decompressed; leave the others out")
	if code, ok := parseFlags(fset, args); !ok {
		return code
	}
	var variant eval.Variant
	if *variantName != "" {
		v, ok := eval.ParseVariant(*variantName)
		if !ok {
			return usageError(stderr, "--variant %s: want one of %s", *variantName, variantNames())
		}
		variant = v
	}
	if *truthDir == "" {
		return usageError(stderr, "eval: --truth DIR is required (nazif eval -h)")
	}
	if fi, err := os.Stat(*truthDir); err != nil {
		return usageError(stderr, "--truth: %v", err)
	} else if !fi.IsDir() {
		return usageError(stderr, "--truth %s: not a directory", *truthDir)
	}
	if *jobs < 1 {
		return usageError(stderr, "-j %d: want 1 or more", *jobs)
	}
	if *minBytes < 0 {
		return usageError(stderr, "--min-bytes %d: want 0 or more", *minBytes)
	}

	var inputs []evalInput
	if fset.NArg() == 0 {
		var err error
		if inputs, err = corpusInputs(*truthDir); err != nil {
			fmt.Fprintln(stderr, printable("nazif: "+err.Error()))
			return 1
		}
		if len(inputs) == 0 {
			fmt.Fprintf(stderr, "nazif: no page with a truth file in %s\n", *truthDir)
			return 1
		}
	} else {
		inputs = expandEvalInputs(fset.Args())
	}

	ctx := context.Background()
	var clean cleanFunc = cleanNative
	needSandbox := false
	for _, in := range inputs {
		needSandbox = needSandbox || (in.err == nil && in.kind != kindJSON)
	}
	if !*native && needSandbox {
		cfg := host.NewConfig().WithPoolSize(*jobs)
		c, release, err := openCleaner(ctx, cfg)
		if err != nil {
			fmt.Fprintf(stderr, "nazif: starting the sandbox: %v (-native cleans without it)\n", err)
			return 1
		}
		defer release()
		clean = c.Clean
	}

	sc := scorer{truthDir: *truthDir, variant: variant, minBytes: *minBytes, clean: clean}
	rep := sc.scoreAll(ctx, inputs, *jobs)
	if *asJSON {
		var sb strings.Builder
		enc := json.NewEncoder(&sb)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		enc.Encode(rep) // cannot fail: strings, numbers and bools
		io.WriteString(stdout, sb.String())
	} else {
		writeEvalTable(stdout, rep)
	}
	if failed := rep.Totals.All.Failed; failed > 0 {
		fmt.Fprintf(stderr, "nazif: %d of %d inputs failed\n", failed, len(inputs))
		return 1
	}
	return 0
}

// corpusInputs lists every page in dir that has a truth file, gzipped or
// not: the .html, then the .dump.txt, of each stem in sorted order, each
// as it is or else gzipped.
func corpusInputs(dir string) ([]evalInput, error) {
	var stems []string
	for _, ext := range []string{".truth.json", ".truth.json.gz"} {
		truths, err := filepath.Glob(filepath.Join(dir, "*"+ext))
		if err != nil {
			return nil, err
		}
		for _, tp := range truths {
			stems = append(stems, strings.TrimSuffix(tp, ext))
		}
	}
	sort.Strings(stems)
	stems = slices.Compact(stems)
	var inputs []evalInput
	for _, stem := range stems {
		for _, ext := range []string{".html", ".dump.txt"} {
			if name, ok := findFile(stem+ext, stem+ext+".gz"); ok {
				inputs = append(inputs, newEvalInput(name))
			}
		}
	}
	return inputs, nil
}

// findFile returns the first of names that is a regular file.
func findFile(names ...string) (string, bool) {
	for _, name := range names {
		if fi, err := os.Stat(name); err == nil && fi.Mode().IsRegular() {
			return name, true
		}
	}
	return "", false
}

// expandEvalInputs turns the arguments into inputs: a directory gives its
// pages and .json files, anything else is a file, read later (so that a
// missing one is a failed input).
func expandEvalInputs(args []string) []evalInput {
	var inputs []evalInput
	for _, arg := range args {
		fi, err := os.Stat(arg)
		if err != nil || !fi.IsDir() {
			inputs = append(inputs, newEvalInput(arg))
			continue
		}
		entries, err := os.ReadDir(arg)
		if err != nil {
			inputs = append(inputs, evalInput{name: arg, err: &cleanError{Code: "read", Message: err.Error()}})
			continue
		}
		n := len(inputs)
		for _, e := range entries { // sorted by name
			name := e.Name()
			inner := strings.TrimSuffix(name, ".gz") // a gzipped file is taken for what it holds
			if strings.HasPrefix(name, ".") || !e.Type().IsRegular() || strings.HasSuffix(inner, ".truth.json") {
				continue
			}
			if ext := strings.ToLower(filepath.Ext(inner)); ext == ".json" || walkExts[ext] {
				inputs = append(inputs, newEvalInput(filepath.Join(arg, name)))
			}
		}
		if len(inputs) == n {
			inputs = append(inputs, evalInput{name: arg, err: &cleanError{
				Code: "read", Message: "no page (.html, .htm, .xhtml, .txt) nor .json file, gzipped or not, in this directory",
			}})
		}
	}
	return inputs
}

// newEvalInput classifies a file by its name.
func newEvalInput(name string) evalInput {
	_, dump := eval.Stem(filepath.Base(name))
	in := evalInput{name: name, kind: kindHTML, dump: dump}
	switch {
	case strings.HasSuffix(strings.TrimSuffix(name, ".gz"), ".json"):
		in.kind = kindJSON
	case dump:
		in.kind = kindDump
	}
	return in
}

// scorer is one run's settings: where the truth files are, the skin put
// on HTML pages ("" for none), the --min-bytes floor, and the cleaner.
type scorer struct {
	truthDir string
	variant  eval.Variant
	minBytes int
	clean    cleanFunc
}

// scoreAll scores the inputs with jobs workers, leaves out the pages under
// --min-bytes, and totals the others.
func (sc scorer) scoreAll(ctx context.Context, inputs []evalInput, jobs int) evalReport {
	rep := evalReport{minBytes: sc.minBytes}
	pages := make([]evalPage, len(inputs))
	next := make(chan int)
	go func() {
		defer close(next)
		for i := range inputs {
			next <- i
		}
	}()
	var wg sync.WaitGroup
	for range min(jobs, len(inputs)) {
		wg.Go(func() {
			for i := range next {
				pages[i] = sc.score(ctx, inputs[i])
			}
		})
	}
	wg.Wait()
	rep.Pages = []evalPage{} // [] rather than null when every page is left out
	for _, p := range pages {
		if p.leftOut {
			rep.LeftOut++
			continue
		}
		rep.Pages = append(rep.Pages, p)
	}

	var html, dump, all eval.Totals
	for _, p := range rep.Pages {
		group := &rep.Totals.HTML
		sum := &html
		if p.dump {
			group, sum = &rep.Totals.Dump, &dump
		}
		if p.Error != nil {
			if p.Kind != "" { // a directory that failed is neither
				group.Failed++
			}
			rep.Totals.All.Failed++
			continue
		}
		sum.Add(p.score)
		all.Add(p.score)
	}
	rep.Totals.HTML.set(html)
	rep.Totals.Dump.set(dump)
	rep.Totals.All.set(all)
	return rep
}

func (t *evalTotals) set(s eval.Totals) {
	t.Pages, t.Precision, t.Recall, t.F1 = s.Pages, s.Precision, s.Recall, s.F1
	t.Leaks, t.Titles, t.Dates = s.Leaks, s.Titles, s.Dates
	t.Authors, t.AuthorsScored = s.Authors, s.AuthorsScored
	t.Sections, t.SectionsScored = s.Sections, s.SectionsScored
	t.Sites, t.SitesScored = s.Sites, s.SitesScored
	t.EmptyBodies = s.EmptyBodies
}

// score reads one input, leaves it out when under --min-bytes, reads its
// truth, has the page cleaned (or decodes the tool's output), and scores
// it. An HTML page is cleaned under the variant, when there is one.
func (sc scorer) score(ctx context.Context, in evalInput) evalPage {
	page := evalPage{Input: in.name, Kind: in.kind, Error: in.err, dump: in.dump}
	if in.err != nil {
		return page
	}
	input, cerr := readEvalFile(in.name)
	if cerr == nil && sc.minBytes > 0 {
		small := len(input) < sc.minBytes
		if in.kind == kindJSON {
			small, cerr = sc.pageUnder(in)
		}
		page.leftOut = cerr == nil && small
	}
	if cerr != nil || page.leftOut {
		page.Error = cerr
		return page
	}

	stem, _ := eval.Stem(filepath.Base(in.name))
	truth, truthPath, err := eval.ReadTruth(sc.truthDir, stem)
	switch {
	case errors.Is(err, eval.ErrNoTruth):
		page.Error = &cleanError{Code: codeNoTruth, Message: err.Error()}
		return page
	case err != nil:
		page.Truth = truthPath
		page.Error = &cleanError{Code: codeBadTruth, Message: err.Error()}
		return page
	}
	page.Truth = truthPath

	var got eval.Extracted
	if in.kind == kindJSON {
		got, cerr = parseToolOutput(input)
	} else {
		if in.kind == kindHTML && sc.variant != "" {
			input = sc.variant.Apply(input)
		}
		var a nazif.Article
		if a, err = sc.clean(ctx, input, nazif.Options{}); err != nil {
			cerr = jsonl.ErrorOf(err)
		}
		got = eval.Extracted{Title: a.Title, Published: a.Published, Text: a.Text,
			Author: a.Author, Section: a.Section, Site: a.Site}
	}
	if cerr != nil {
		page.Error = cerr
		return page
	}

	s := eval.Evaluate(got, truth, in.dump)
	page.score = s
	page.pageScore = &pageScore{
		Precision: s.Precision, Recall: s.Recall, F1: s.F1,
		Leaks:   append([]string{}, s.Leaks...), // [] rather than null
		TitleOK: s.TitleOK, DateOK: s.DateOK,
		AuthorOK:  scored(s.AuthorOK, s.AuthorScored),
		SectionOK: scored(s.SectionOK, s.SectionScored),
		SiteOK:    scored(s.SiteOK, s.SiteScored),
		EmptyBody: s.EmptyBody,
		Title:     got.Title, Published: got.Published,
		Author: got.Author, Section: got.Section, Site: got.Site,
	}
	return page
}

// readEvalFile reads an input, gunzipped when its name ends in .gz, with
// the sandbox's input cap on the decompressed bytes.
func readEvalFile(name string) ([]byte, *cleanError) {
	data, err := eval.ReadFile(name, host.DefaultMaxInputBytes)
	switch {
	case errors.Is(err, eval.ErrTooLarge):
		return nil, &cleanError{Code: string(host.CodeInputTooLarge),
			Message: fmt.Sprintf("%v: nazif cleans pages of at most %d bytes", err, host.DefaultMaxInputBytes)}
	case err != nil:
		return nil, &cleanError{Code: "read", Message: err.Error()}
	}
	return data, nil
}

// pageUnder reports whether the page a tool's .json is about is under
// --min-bytes: the first of its page files found in the truth directory,
// then beside the .json, measured decompressed and read no further than
// the floor.
func (sc scorer) pageUnder(in evalInput) (bool, *cleanError) {
	stem, dump := eval.Stem(filepath.Base(in.name))
	exts := []string{".html", ".htm", ".xhtml"}
	if dump {
		exts = []string{".dump.txt", ".txt"}
	}
	var names []string
	for _, dir := range []string{sc.truthDir, filepath.Dir(in.name)} {
		for _, ext := range exts {
			p := filepath.Join(dir, stem+ext)
			names = append(names, p, p+".gz")
		}
	}
	name, ok := findFile(names...)
	if !ok {
		return false, &cleanError{Code: codeNoPage, Message: fmt.Sprintf(
			"--min-bytes measures a tool's output by its page: put %s%s (or .gz) in %s or beside the .json",
			stem, exts[0], sc.truthDir)}
	}
	r, err := eval.Open(name)
	if err != nil {
		return false, &cleanError{Code: "read", Message: err.Error()}
	}
	defer r.Close()
	n, err := io.Copy(io.Discard, io.LimitReader(r, int64(sc.minBytes)))
	if err != nil {
		return false, &cleanError{Code: "read", Message: fmt.Sprintf("%s: %v", name, err)}
	}
	return n < int64(sc.minBytes), nil
}

// parseToolOutput decodes another tool's output: one JSON object whose
// title, published and text, where present, are strings.
func parseToolOutput(data []byte) (eval.Extracted, *cleanError) {
	bad := func(msg string) (eval.Extracted, *cleanError) {
		return eval.Extracted{}, &cleanError{Code: codeBadJSON, Message: msg}
	}
	if t := bytes.TrimSpace(data); len(t) == 0 || t[0] != '{' {
		return bad(`want a JSON object with "title", "published" and "text"`)
	}
	var got eval.Extracted
	if err := json.Unmarshal(data, &got); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return bad(fmt.Sprintf("%q is a JSON %s; want a string", te.Field, te.Value))
		}
		return bad(err.Error())
	}
	return got, nil
}

// writeEvalTable prints the report as a table: the HTML pages, the text
// dumps, each with its subtotal when there are both, and the total; then
// the pages with an empty body, and how many --min-bytes left out.
func writeEvalTable(w io.Writer, rep evalReport) {
	type row struct {
		cells []string // name, P, R, F1, leaks, title, date, author, section, site; or name and an error
		blank bool     // an empty line before it
	}
	var rows []row
	// Names are shortened to the file's when every input is in one directory.
	short := true
	for _, p := range rep.Pages {
		short = short && filepath.Dir(p.Input) == filepath.Dir(rep.Pages[0].Input)
	}
	name := func(p evalPage) string {
		if short {
			return filepath.Base(p.Input)
		}
		return p.Input
	}
	yes := func(ok bool) string {
		if ok {
			return "yes"
		}
		return "no"
	}
	// maybe is a field scored where the truth has it: yes, no, or "-".
	maybe := func(ok *bool) string {
		if ok == nil {
			return "-"
		}
		return yes(*ok)
	}
	total := func(label string, t evalTotals) []string {
		label += ", " + count(t.EmptyBodies, "empty body")
		if t.Failed > 0 {
			label = fmt.Sprintf("%s (%d failed)", label, t.Failed)
		}
		return []string{label, fmt.Sprintf("%.3f", t.Precision), fmt.Sprintf("%.3f", t.Recall), fmt.Sprintf("%.3f", t.F1),
			fmt.Sprint(t.Leaks), fmt.Sprintf("%d/%d", t.Titles, t.Pages), fmt.Sprintf("%d/%d", t.Dates, t.Pages),
			fmt.Sprintf("%d/%d", t.Authors, t.AuthorsScored), fmt.Sprintf("%d/%d", t.Sections, t.SectionsScored),
			fmt.Sprintf("%d/%d", t.Sites, t.SitesScored)}
	}
	header := []string{"", "P", "R", "F1", "leaks", "title", "date", "author", "section", "site"}
	groups := []struct {
		label  string // heads the group
		name   string // of its subtotal; "" for none
		totals evalTotals
		member func(evalPage) bool
	}{
		{"HTML pages", "HTML page", rep.Totals.HTML, func(p evalPage) bool { return p.Kind != "" && !p.dump }},
		{"text dumps", "text dump", rep.Totals.Dump, func(p evalPage) bool { return p.Kind != "" && p.dump }},
		{"not scored", "", evalTotals{}, func(p evalPage) bool { return p.Kind == "" }},
	}
	subtotals := rep.Totals.HTML.Pages+rep.Totals.HTML.Failed > 0 && rep.Totals.Dump.Pages+rep.Totals.Dump.Failed > 0
	var empty []string // the pages with an empty body, in table order
	for _, g := range groups {
		var members []evalPage
		for _, p := range rep.Pages {
			if g.member(p) {
				members = append(members, p)
			}
		}
		if len(members) == 0 {
			continue
		}
		h := []string{g.label}
		if g.name != "" {
			h = append(h, header[1:]...)
		}
		rows = append(rows, row{cells: h, blank: len(rows) > 0})
		for _, p := range members {
			if p.Error != nil {
				rows = append(rows, row{cells: []string{printable(name(p)), printable(fmt.Sprintf("error %s: %s", p.Error.Code, p.Error.Message))}})
				continue
			}
			if p.EmptyBody {
				empty = append(empty, name(p))
			}
			rows = append(rows, row{cells: []string{name(p), fmt.Sprintf("%.3f", p.Precision), fmt.Sprintf("%.3f", p.Recall),
				fmt.Sprintf("%.3f", p.F1), fmt.Sprint(len(p.Leaks)), yes(p.TitleOK), yes(p.DateOK),
				maybe(p.AuthorOK), maybe(p.SectionOK), maybe(p.SiteOK)}})
		}
		if g.name != "" && subtotals {
			rows = append(rows, row{cells: total("subtotal, "+count(g.totals.Pages, g.name), g.totals)})
		}
	}
	all := rep.Totals.All
	rows = append(rows, row{cells: total("total, "+count(all.Pages, "page"), all), blank: len(rows) > 0})

	// Column widths over the full rows; an error line spans the numbers.
	width := make([]int, len(header))
	for _, r := range rows {
		if len(r.cells) != len(header) {
			width[0] = max(width[0], utf8.RuneCountInString(r.cells[0]))
			continue
		}
		for i, c := range r.cells {
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	var sb strings.Builder
	for _, r := range rows {
		if r.blank {
			sb.WriteByte('\n')
		}
		line := fmt.Sprintf("%-*s", width[0], r.cells[0])
		if len(r.cells) == len(header) {
			for i, c := range r.cells[1:] {
				line += fmt.Sprintf("  %*s", width[i+1], c)
			}
		} else if len(r.cells) > 1 {
			line += "  " + r.cells[1]
		}
		sb.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	if len(empty) > 0 {
		fmt.Fprintf(&sb, "\n%s (the truth has body text, the extraction none):\n", count(len(empty), "empty body"))
		for _, n := range empty {
			sb.WriteString("  " + n + "\n")
		}
	}
	if rep.minBytes > 0 {
		fmt.Fprintf(&sb, "\n%s under --min-bytes %d left out\n", count(rep.LeftOut, "page"), rep.minBytes)
	}
	io.WriteString(w, sb.String())
}

// count is "1 page", "2 pages", "0 empty bodies".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if s, ok := strings.CutSuffix(noun, "y"); ok {
		return fmt.Sprintf("%d %sies", n, s)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// variantNames lists the names --variant takes.
func variantNames() string {
	names := make([]string, len(eval.Variants))
	for i, v := range eval.Variants {
		names[i] = string(v)
	}
	return strings.Join(names, ", ")
}
