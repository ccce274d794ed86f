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
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/nazif/nazif/host"
	"github.com/nazif/nazif/wasm/eval"
	"github.com/nazif/nazif/wasm/nazif"
)

const evalUsage = `usage: nazif eval --truth DIR [flags] [INPUT...]

Scores extracted articles against the hand-checked truth files in DIR: one
DIR/<stem>.truth.json per page, in the corpus format (title, published,
published_alt, paragraphs, paragraphs_alt, dump_paragraphs,
must_not_contain; see testdata/corpus).

An INPUT is a file or a directory:
  <stem>.html, .htm, .xhtml     an HTML page: nazif cleans it, and the
                                article is scored
  <stem>.dump.txt, .txt         a text dump: nazif cleans it, and the
                                article is scored against the truth's
                                dump_paragraphs
  <stem>.json, <stem>.html.json,
  <stem>.dump.txt.json          another tool's output for the page: a JSON
                                object with "title", "published" and "text",
                                strings, any of them may be missing; it is
                                scored as it is, to compare tools
  a directory                   its pages and .json files, in sorted order,
                                not its subdirectories nor hidden files;
                                *.truth.json skipped
With no INPUT: every page in DIR that has a truth file, the .html and the
.dump.txt of each stem. So "nazif eval --truth testdata/corpus" scores the
corpus, HTML pages and text dumps.

For each input: body token precision (P), recall (R) and F1 against the
truth's paragraphs, over NFKC tokens with harakat, tatweel and punctuation
removed; the must_not_contain snippets found in the body (leaks); whether the
title is exact (white space collapsed) and the published date right to the
day (published or one of published_alt). Then the totals: mean P, R and F1
over the inputs scored, leaks summed, and how many of them have the right
title and date. HTML pages and text dumps are listed apart, with a subtotal
each (a .json counts as the kind of page its name is about).

Pages are cleaned in the WebAssembly sandbox unless -native. An input that
cannot be scored (no truth file, unreadable, refused by nazif, a malformed
.json) is reported on its own line, is left out of the totals and does not
stop the others: the exit code is then 1. A usage error exits with 2. Flags
go before the inputs.

--json prints one JSON document instead of the table:
  {"pages": [{"input", "truth", "kind": "html"|"dump"|"json",
              "precision", "recall", "f1", "leaks": [SNIPPET...],
              "title_ok", "date_ok", "title", "published"}
             or {"input", "truth", "kind", "error": {"code", "message"}}...],
   "totals": {"html": T, "dump": T, "all": T}}
where T is {"pages", "failed", "precision", "recall", "f1", "leaks",
"titles", "dates"}: "pages" counts the inputs scored, "failed" the others,
the means and counts are over the pages scored. "title" and "published" are
what was extracted. Error codes are nazif's (empty, not_text, too_large,
timeout, ...) or read, no_truth, bad_truth and bad_json.

Flags:
`

// Error codes of eval's own failures, besides clean's "read".
const (
	codeNoTruth  = "no_truth"
	codeBadTruth = "bad_truth"
	codeBadJSON  = "bad_json"
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

	dump  bool       // scored, or to be, against the truth's dump paragraphs
	score eval.Score // what the totals add up
}

// pageScore is an eval.Score with what was extracted, as --json shows it.
type pageScore struct {
	Precision float64  `json:"precision"`
	Recall    float64  `json:"recall"`
	F1        float64  `json:"f1"`
	Leaks     []string `json:"leaks"`
	TitleOK   bool     `json:"title_ok"`
	DateOK    bool     `json:"date_ok"`
	Title     string   `json:"title"`
	Published string   `json:"published"`
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
}

type evalReport struct {
	Pages  []evalPage `json:"pages"`
	Totals struct {
		HTML evalTotals `json:"html"`
		Dump evalTotals `json:"dump"`
		All  evalTotals `json:"all"`
	} `json:"totals"`
}

func evalCmd(args []string, stdout, stderr io.Writer) int {
	fset := newFlagSet("eval", evalUsage, stderr)
	truthDir := fset.String("truth", "", "the `DIR` of the truth files, <stem>.truth.json (required)")
	asJSON := fset.Bool("json", false, "print one JSON document instead of the table")
	native := fset.Bool("native", false, "clean natively, without the sandbox: for trusted input, and to compare")
	jobs := fset.Int("j", runtime.GOMAXPROCS(0), "clean `N` inputs at once")
	variantName := fset.String("variant", "", "score every HTML page under the skin `NAME`: "+variantNames())
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

	var inputs []evalInput
	if fset.NArg() == 0 {
		var err error
		if inputs, err = corpusInputs(*truthDir); err != nil {
			fmt.Fprintf(stderr, "nazif: %v\n", err)
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

	rep := scoreInputs(ctx, inputs, *truthDir, *jobs, variant, clean)
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

// corpusInputs lists every page in dir that has a truth file: the .html,
// then the .dump.txt, of each stem in sorted order.
func corpusInputs(dir string) ([]evalInput, error) {
	truths, err := filepath.Glob(filepath.Join(dir, "*.truth.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(truths)
	var inputs []evalInput
	for _, tp := range truths {
		stem := strings.TrimSuffix(tp, ".truth.json")
		for _, ext := range []string{".html", ".dump.txt"} {
			if fi, err := os.Stat(stem + ext); err == nil && fi.Mode().IsRegular() {
				inputs = append(inputs, newEvalInput(stem+ext))
			}
		}
	}
	return inputs, nil
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
			if strings.HasPrefix(name, ".") || !e.Type().IsRegular() || strings.HasSuffix(name, ".truth.json") {
				continue
			}
			if ext := strings.ToLower(filepath.Ext(name)); ext == ".json" || walkExts[ext] {
				inputs = append(inputs, newEvalInput(filepath.Join(arg, name)))
			}
		}
		if len(inputs) == n {
			inputs = append(inputs, evalInput{name: arg, err: &cleanError{
				Code: "read", Message: "no page (.html, .htm, .xhtml, .txt) nor .json file in this directory",
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
	case strings.HasSuffix(name, ".json"):
		in.kind = kindJSON
	case dump:
		in.kind = kindDump
	}
	return in
}

// scoreInputs scores the inputs with jobs workers, and totals them.
func scoreInputs(ctx context.Context, inputs []evalInput, truthDir string, jobs int, variant eval.Variant, clean cleanFunc) evalReport {
	var rep evalReport
	rep.Pages = make([]evalPage, len(inputs))
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
				rep.Pages[i] = scoreInput(ctx, inputs[i], truthDir, variant, clean)
			}
		})
	}
	wg.Wait()

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
}

// scoreInput reads one input and its truth, has the page cleaned (or
// decodes the tool's output), and scores it. An HTML page is cleaned
// under variant, when it is not "".
func scoreInput(ctx context.Context, in evalInput, truthDir string, variant eval.Variant, clean cleanFunc) evalPage {
	page := evalPage{Input: in.name, Kind: in.kind, Error: in.err, dump: in.dump}
	if in.err != nil {
		return page
	}
	stem, _ := eval.Stem(filepath.Base(in.name))
	truthPath := filepath.Join(truthDir, stem+".truth.json")
	raw, err := os.ReadFile(truthPath)
	if errors.Is(err, os.ErrNotExist) {
		page.Error = &cleanError{Code: codeNoTruth, Message: "no truth file " + truthPath}
		return page
	}
	page.Truth = truthPath
	if err != nil {
		page.Error = &cleanError{Code: codeBadTruth, Message: err.Error()}
		return page
	}
	truth, err := eval.ParseTruth(raw)
	if err != nil {
		page.Error = &cleanError{Code: codeBadTruth, Message: truthPath + ": " + err.Error()}
		return page
	}

	input, cerr := readFileCapped(in.name, host.DefaultMaxInputBytes)
	if cerr != nil {
		page.Error = cerr
		return page
	}
	var got eval.Extracted
	if in.kind == kindJSON {
		got, cerr = parseToolOutput(input)
	} else {
		if in.kind == kindHTML && variant != "" {
			input = variant.Apply(input)
		}
		var a nazif.Article
		if a, err = clean(ctx, input, nazif.Options{}); err != nil {
			cerr = toCleanError(err)
		}
		got = eval.Extracted{Title: a.Title, Published: a.Published, Text: a.Text}
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
		Title: got.Title, Published: got.Published,
	}
	return page
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
// dumps, each with its subtotal when there are both, and the total.
func writeEvalTable(w io.Writer, rep evalReport) {
	type row struct {
		cells []string // name, P, R, F1, leaks, title, date; or name and an error
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
	total := func(label string, t evalTotals) []string {
		if t.Failed > 0 {
			label = fmt.Sprintf("%s (%d failed)", label, t.Failed)
		}
		return []string{label, fmt.Sprintf("%.3f", t.Precision), fmt.Sprintf("%.3f", t.Recall), fmt.Sprintf("%.3f", t.F1),
			fmt.Sprint(t.Leaks), fmt.Sprintf("%d/%d", t.Titles, t.Pages), fmt.Sprintf("%d/%d", t.Dates, t.Pages)}
	}
	header := []string{"", "P", "R", "F1", "leaks", "title", "date"}
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
				rows = append(rows, row{cells: []string{name(p), fmt.Sprintf("error %s: %s", p.Error.Code, p.Error.Message)}})
				continue
			}
			rows = append(rows, row{cells: []string{name(p), fmt.Sprintf("%.3f", p.Precision), fmt.Sprintf("%.3f", p.Recall),
				fmt.Sprintf("%.3f", p.F1), fmt.Sprint(len(p.Leaks)), yes(p.TitleOK), yes(p.DateOK)}})
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
	io.WriteString(w, sb.String())
}

// count is "1 page", "2 pages".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
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
