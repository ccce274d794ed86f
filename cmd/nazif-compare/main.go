// Command nazif-compare is `make compare`: nazif beside the article
// extractors people use today, on the testdata corpus, in one run, for
// accuracy (wasm/eval's metrics against the hand-checked truth files) and
// speed (pages per second in batch, inside each tool's own process, after
// start-up). The in-process tools' rounds are interleaved; Node and Python
// time their own rounds in their processes.
//
//	cd cmd/nazif-compare && go run . [-corpus ../../testdata/corpus] [-negatives ../../testdata/negatives] [-readability ../../testdata/readability] [-time 2s]
//
// The peers:
//   - go-readability (codeberg.org/readeck/go-readability/v2), in this
//     process;
//   - Mozilla Readability on linkedom, in Node (node/, pinned by its
//     package-lock.json);
//   - trafilatura, in Python, when `python3 -c "import trafilatura"`
//     works; otherwise the run says it skipped it.
//
// Then the same tools run on Readability's 130 test pages
// (testdata/readability, gzipped; decompressed here, and for Node and
// Python into a temporary directory), each page once for accuracy and at
// least one timed round for speed: mean token F1 over all the pages, over
// the real captures (10,000 bytes of HTML or more) and over the synthetic
// ones, the article-extraction-benchmark's 4-token shingle F1, P and R,
// empty bodies, titles and pages per second (readability.go, shingle.go).
// That set is printed, never gated: its truth is Readability.js's output.
//
// This is a module of its own so that the peers never enter nazif's
// go.mod. It exits 1 when nazif does not lead every peer on the corpus on
// mean F1, titles, dates and leaks, or when a set cannot be read; speed is
// printed, never asserted.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"

	"github.com/nazif/nazif/host"
	"github.com/nazif/nazif/wasm/eval"
	"github.com/nazif/nazif/wasm/nazif"
)

func main() {
	corpus := flag.String("corpus", "../../testdata/corpus", "the corpus: <stem>.html, <stem>.dump.txt and <stem>.truth.json")
	negs := flag.String("negatives", "../../testdata/negatives", "Persian and Urdu pages, named fa-*.html and ur-*.html")
	set := flag.String("readability", "../../testdata/readability", "Readability's test pages: <id>.html.gz and <id>.truth.json, printed, never gated (\"\" skips them)")
	budget := flag.Duration("time", 2*time.Second, "how long each tool's timed rounds run")
	flag.Parse()
	if err := run(*corpus, *negs, *set, *budget); err != nil {
		fmt.Fprintln(os.Stderr, "nazif-compare:", err)
		os.Exit(1)
	}
}

// A page is one corpus stem: its HTML, its text dump and its truth.
type page struct {
	stem  string
	html  []byte
	dump  []byte // nil when the corpus has none
	truth eval.Truth
}

// loadCorpus reads every page of dir that has a truth file: its HTML,
// <stem>.html or <stem>.html.gz (gunzipped), and its <stem>.dump.txt; a
// page may lack either.
func loadCorpus(dir string) ([]page, error) {
	truths, err := filepath.Glob(filepath.Join(dir, "*.truth.json"))
	if err != nil {
		return nil, err
	}
	var pages []page
	for _, f := range truths {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		t, err := eval.ParseTruth(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		p := page{stem: strings.TrimSuffix(filepath.Base(f), ".truth.json"), truth: t}
		for _, ext := range []string{".html", ".html.gz"} {
			if p.html, err = eval.ReadFile(filepath.Join(dir, p.stem+ext), host.DefaultMaxInputBytes); err == nil {
				break
			}
		}
		p.dump, _ = os.ReadFile(filepath.Join(dir, p.stem+".dump.txt"))
		pages = append(pages, p)
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("no truth files in %s", dir)
	}
	return pages, nil
}

// pageURL is the page's address from its truth file: every tool gets it.
func pageURL(p page) string { return p.truth.URL }

// An output is what a tool extracted from one page.
type output struct {
	Stem string `json:"stem"`
	eval.Extracted
	Error string `json:"error"`
}

// A result is one tool's run over a set of pages.
type result struct {
	Tool    string    `json:"tool"`
	Version string    `json:"version"`
	Pages   []output  `json:"pages"`
	Rounds  []float64 `json:"rounds_ns"`
	nazif   bool
	skipped string
	f       extractor    // in-process tools
	scores  []eval.Score // by page, once table has scored them
}

// median is the median round, the figure a shared machine disturbs least
// but for the best one.
func (r *result) median() time.Duration {
	s := slices.Clone(r.Rounds)
	slices.Sort(s)
	return time.Duration(s[len(s)/2])
}

// extractor is an in-process tool: one page to its output.
type extractor func(p page, dump bool) (output, error)

// collect runs an in-process tool once over the pages, for its outputs.
func collect(name, version string, pages []page, dump bool, f extractor) *result {
	r := &result{Tool: name, Version: version, nazif: strings.HasPrefix(name, "nazif"), f: f}
	for _, p := range pages {
		o, err := f(p, dump)
		o.Stem = p.stem
		if err != nil {
			o.Error = err.Error()
		}
		r.Pages = append(r.Pages, o)
	}
	return r
}

// timeRounds times in-process tools on all the pages, round after round
// and tool after tool until budget has passed for each and each has run at
// least minRounds rounds, so that drift on a shared machine hits them alike.
func timeRounds(pages []page, dump bool, budget time.Duration, minRounds int, rs ...*result) {
	start := time.Now()
	for len(rs[0].Rounds) < minRounds || time.Since(start) < budget*time.Duration(len(rs)) {
		for _, r := range rs {
			t := time.Now()
			for _, p := range pages {
				r.f(p, dump)
			}
			r.Rounds = append(r.Rounds, float64(time.Since(t)))
		}
	}
}

func input(p page, dump bool) []byte {
	if dump {
		return p.dump
	}
	return p.html
}

func nazifNative(p page, dump bool) (output, error) {
	a, err := nazif.Extract(input(p, dump), nazif.Options{URL: pageURL(p)})
	return output{Extracted: eval.Extracted{Title: a.Title, Published: a.Published, Text: a.Text}}, err
}

func nazifSandboxed(c *host.Cleaner) extractor {
	return func(p page, dump bool) (output, error) {
		a, err := c.Clean(context.Background(), input(p, dump), nazif.Options{URL: pageURL(p)})
		return output{Extracted: eval.Extracted{Title: a.Title, Published: a.Published, Text: a.Text}}, err
	}
}

// goReadability is what a user of go-readability does for an article:
// parse, extract, render the text, read the published time.
func goReadability(p page, _ bool) (output, error) {
	u, _ := url.Parse(pageURL(p))
	a, err := readability.FromReader(bytes.NewReader(p.html), u)
	if err != nil {
		return output{}, err
	}
	var text strings.Builder
	if a.Node != nil {
		if err := a.RenderText(&text); err != nil {
			return output{}, err
		}
	}
	o := output{Extracted: eval.Extracted{Title: a.Title(), Text: text.String()}}
	if t, err := a.PublishedTime(); err == nil && !t.IsZero() {
		o.Published = t.Format(time.RFC3339)
	}
	return o, nil
}

// runExternal runs a peer in its own process (runner protocol in
// node/readability.mjs), or says why it cannot.
func runExternal(name string, cmd *exec.Cmd) *result {
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return &result{Tool: name, skipped: fmt.Sprintf("%v: %s", err, strings.TrimSpace(stderr.String()))}
	}
	r := result{nazif: strings.HasPrefix(name, "nazif")}
	if err := json.Unmarshal(out, &r); err != nil || len(r.Rounds) == 0 {
		return &result{Tool: name, skipped: fmt.Sprintf("bad output from %s: %v", cmd.Path, err)}
	}
	return &r
}

// trafilatura runs python/trafilatura_rounds.py with args (the pages'
// directory, the budget in ms, optionally the fewest rounds), or says that
// python3 cannot import trafilatura.
func trafilatura(args ...string) *result {
	if err := exec.Command("python3", "-c", "import trafilatura").Run(); err != nil {
		return &result{Tool: "trafilatura", skipped: `python3 -c "import trafilatura" failed: it is not installed here (pip install trafilatura to include it)`}
	}
	return runExternal("trafilatura", exec.Command("python3", append([]string{"python/trafilatura_rounds.py"}, args...)...))
}

func modVersion(path string) string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == path {
				return path + " " + d.Version
			}
		}
	}
	return path
}

func run(dir, negs, set string, budget time.Duration) error {
	pages, err := loadCorpus(dir)
	if err != nil {
		return err
	}
	var html, dumps []page
	for _, p := range pages {
		if p.html != nil {
			html = append(html, p)
		}
		if p.dump != nil {
			dumps = append(dumps, p)
		}
	}
	abs, _ := filepath.Abs(dir)
	fmt.Printf("nazif compare: %s, %s, %d cores, %s; corpus %s: %d HTML pages, %d text dumps\n\n",
		time.Now().UTC().Format("2006-01-02"), runtime.Version(), runtime.NumCPU(), runtime.GOARCH, dir, len(html), len(dumps))

	ctx := context.Background()
	c, err := host.New(ctx, host.NewConfig().WithPoolSize(1))
	if err != nil {
		return err
	}
	defer c.Close(ctx)
	nazifVersion := "this tree, " + runtime.Version()
	sandboxVersion := nazifVersion + ", " + modVersion("github.com/tetratelabs/wazero")

	results := []*result{
		collect("nazif, native", nazifVersion, html, false, nazifNative),
		collect("nazif, sandboxed (wazero)", sandboxVersion, html, false, nazifSandboxed(c)),
		collect("go-readability", modVersion("codeberg.org/readeck/go-readability/v2"), html, false, goReadability),
	}
	timeRounds(html, false, budget, 3, results...)
	ms := fmt.Sprint(budget.Milliseconds())
	results = append(results,
		runExternal("nazif, Node (wasm/js)", exec.Command("node", "--no-warnings", "node/nazif.mjs", abs, ms)),
		runExternal("Mozilla Readability", exec.Command("node", "node/readability.mjs", abs, ms)))
	results = append(results, trafilatura(abs, ms))

	fmt.Printf("HTML pages (%d): accuracy against the truth files, and speed (pages/s in batch, median round; ratio = time / nazif native's)\n", len(html))
	scores := table(html, false, results)
	fmt.Println()
	perPage(html, results, scores)

	fmt.Printf("\nText dumps (%d): nazif only, as no peer reads plain-text dumps\n", len(dumps))
	dumpResults := []*result{
		collect("nazif, native", nazifVersion, dumps, true, nazifNative),
		collect("nazif, sandboxed (wazero)", sandboxVersion, dumps, true, nazifSandboxed(c)),
	}
	timeRounds(dumps, true, budget, 3, dumpResults...)
	table(dumps, true, dumpResults)

	if err := negatives(negs); err != nil {
		return err
	}

	fmt.Println()
	speed(results)
	fmt.Println()
	for _, r := range results {
		if r.skipped == "" {
			fmt.Printf("  %-26s %s\n", r.Tool, r.Version)
		}
	}
	var setErr error
	if set != "" {
		setErr = readabilitySet(set, budget, c, nazifVersion, sandboxVersion)
	}
	return errors.Join(lead(results, scores), setErr)
}

// table prints one row per tool and returns each tool's totals.
func table(pages []page, dump bool, results []*result) map[*result]eval.Totals {
	size := 0
	for _, p := range pages {
		size += len(input(p, dump))
	}
	var base time.Duration
	scores := map[*result]eval.Totals{}
	fmt.Printf("  %-26s %6s %6s %6s %5s %7s %7s %9s %8s %7s\n", "tool", "F1", "P", "R", "leaks", "titles", "dates", "pages/s", "MB/s", "time")
	for _, r := range results {
		if r.skipped != "" {
			fmt.Printf("  %-26s SKIPPED: %s\n", r.Tool, r.skipped)
			continue
		}
		var tot eval.Totals
		for i, p := range pages {
			o := r.Pages[i]
			if o.Stem != p.stem {
				fmt.Printf("  %-26s ERROR: its pages are out of order (%s for %s)\n", r.Tool, o.Stem, p.stem)
				break
			}
			sc := eval.Evaluate(o.Extracted, p.truth, dump)
			r.scores = append(r.scores, sc)
			tot.Add(sc)
		}
		scores[r] = tot
		d := r.median()
		if base == 0 {
			base = d
		}
		fmt.Printf("  %-26s %6.3f %6.3f %6.3f %5d %3d/%-3d %3d/%-3d %9.1f %8.2f %6.1fx\n", r.Tool, tot.F1, tot.Precision, tot.Recall,
			tot.Leaks, tot.Titles, tot.Pages, tot.Dates, tot.Pages, float64(len(pages))/d.Seconds(), float64(size)/1e6/d.Seconds(), float64(d)/float64(base))
	}
	return scores
}

// perPage prints each page's F1 by tool.
func perPage(pages []page, results []*result, scores map[*result]eval.Totals) {
	fmt.Printf("  %-28s", "F1 by page")
	for _, r := range results {
		if _, ok := scores[r]; ok {
			fmt.Printf(" %12s", short(r.Tool))
		}
	}
	fmt.Println()
	for i, p := range pages {
		fmt.Printf("  %-28s", p.stem)
		for _, r := range results {
			if _, ok := scores[r]; ok {
				fmt.Printf(" %12.3f", r.scores[i].F1)
			}
		}
		fmt.Println()
	}
}

func short(tool string) string {
	switch tool {
	case "nazif, native":
		return "nazif"
	case "nazif, sandboxed (wazero)":
		return "nazif/wazero"
	case "nazif, Node (wasm/js)":
		return "nazif/Node"
	case "Mozilla Readability":
		return "Readability"
	}
	return tool
}

// speed prints the ratios the issue asks for: nazif sandboxed against the
// fastest Go peer, and nazif native against it.
func speed(results []*result) {
	byTool := map[string]*result{}
	for _, r := range results {
		if r.skipped == "" {
			byTool[r.Tool] = r
		}
	}
	ratio := func(of, to string) string {
		a, b := byTool[of], byTool[to]
		if a == nil || b == nil {
			return "n/a (skipped)"
		}
		return fmt.Sprintf("%.2fx as fast", float64(b.median())/float64(a.median()))
	}
	fmt.Println("Speed, median rounds:")
	fmt.Printf("  nazif native against go-readability (the fastest Go peer):       %s\n", ratio("nazif, native", "go-readability"))
	fmt.Printf("  nazif sandboxed (wazero) against go-readability:                 %s\n", ratio("nazif, sandboxed (wazero)", "go-readability"))
	fmt.Printf("  nazif in Node (wasm/js) against Mozilla Readability (also Node): %s\n", ratio("nazif, Node (wasm/js)", "Mozilla Readability"))
}

// lead fails unless both nazif rows lead every peer on mean F1, titles,
// dates and leaks.
func lead(results []*result, scores map[*result]eval.Totals) error {
	var errs []error
	for _, n := range results {
		if !n.nazif {
			continue
		}
		ns := scores[n]
		for _, r := range results {
			ps, ok := scores[r]
			if r.nazif || !ok {
				continue
			}
			if ns.F1 < ps.F1 || ns.Titles < ps.Titles || ns.Dates < ps.Dates || ns.Leaks > ps.Leaks {
				errs = append(errs, fmt.Errorf("%s does not lead %s: F1 %.3f vs %.3f, titles %d vs %d, dates %d vs %d, leaks %d vs %d",
					n.Tool, r.Tool, ns.F1, ps.F1, ns.Titles, ps.Titles, ns.Dates, ps.Dates, ns.Leaks, ps.Leaks))
			}
		}
	}
	return errors.Join(errs...)
}

// negatives prints what nazif makes of the Persian and Urdu pages: their
// language, and whether Arabic-only folding (ی to ي, ک to ك) reached their
// text or search key. It fails on a wrong language or any folding.
func negatives(dir string) error {
	files, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	if len(files) == 0 {
		return fmt.Errorf("no negative pages in %s", dir)
	}
	fmt.Printf("\nNegative cases (%d Persian and Urdu pages): nazif's lang, and ی/ک kept in text and search key\n", len(files))
	var errs []error
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		a, err := nazif.Extract(b, nazif.Options{})
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		want, _, _ := strings.Cut(filepath.Base(f), "-")
		kept := strings.Count(a.SearchText, "ی") == strings.Count(a.Text, "ی") && strings.Count(a.SearchText, "ک") == strings.Count(a.Text, "ک") &&
			strings.ContainsAny(a.Text, "یک")
		fmt.Printf("  %-28s lang %-5s (want %s)  %d blocks  ی/ک kept: %v\n", filepath.Base(f), a.Lang, want, len(a.Blocks), kept)
		if a.Lang != want || !kept {
			errs = append(errs, fmt.Errorf("%s: lang %s, ی/ک kept %v", filepath.Base(f), a.Lang, kept))
		}
	}
	return errors.Join(errs...)
}
