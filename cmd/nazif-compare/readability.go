package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/nazif/nazif/host"
	"github.com/nazif/nazif/wasm/eval"
)

// The Readability set is Mozilla Readability's own test pages
// (testdata/readability): layouts the Arabic corpus lacks, run side by
// side and printed, never gated, as its truth is Readability.js's output.
const (
	// realBytes parts the set: the pages of at least this much HTML are
	// the real captures, the smaller ones the synthetic cases
	// (testdata/readability/README.md).
	realBytes = 10_000
	// fakeURL is the address Readability's test harness gives every test
	// page (test/test-readability.js); the truth files carry none, and every
	// tool gets this one.
	fakeURL = "http://fakehost/test/page.html"
	// setRounds is the fewest timed rounds on the set: one round of its
	// 25 MB takes the slower tools longer than the time budget, so the
	// budget, not three rounds, bounds the run.
	setRounds = 1
)

// loadReadability reads the set: <id>.html.gz, decompressed, and
// <id>.truth.json; a truth with no URL gets the one Readability's own
// tests use.
func loadReadability(dir string) ([]page, error) {
	pages, err := loadCorpus(dir)
	if err != nil {
		return nil, err
	}
	for i := range pages {
		if pages[i].html == nil {
			return nil, fmt.Errorf("%s: no %s.html.gz", dir, pages[i].stem)
		}
		if pages[i].truth.URL == "" {
			pages[i].truth.URL = fakeURL
		}
	}
	return pages, nil
}

// runnerDir writes pages as the Node and Python runners read a corpus,
// <stem>.html and a <stem>.truth.json with the URL, into a new temporary
// directory outside the tree; the caller removes it.
func runnerDir(pages []page) (string, error) {
	dir, err := os.MkdirTemp("", "nazif-compare-readability-")
	if err != nil {
		return "", err
	}
	for _, p := range pages {
		truth, _ := json.Marshal(map[string]string{"url": p.truth.URL})
		if err := os.WriteFile(filepath.Join(dir, p.stem+".html"), p.html, 0o644); err != nil {
			os.RemoveAll(dir)
			return "", err
		}
		if err := os.WriteFile(filepath.Join(dir, p.stem+".truth.json"), truth, 0o644); err != nil {
			os.RemoveAll(dir)
			return "", err
		}
	}
	return dir, nil
}

// readabilitySet runs every tool on the Readability set, each page once
// for accuracy and rounds for speed, and prints the table.
func readabilitySet(dir string, budget time.Duration, c *host.Cleaner, nazifVersion, sandboxVersion string) error {
	pages, err := loadReadability(dir)
	if err != nil {
		return err
	}
	tmp, err := runnerDir(pages)
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	results := []*result{
		collect("nazif, native", nazifVersion, pages, false, nazifNative),
		collect("nazif, sandboxed (wazero)", sandboxVersion, pages, false, nazifSandboxed(c)),
		collect("go-readability", modVersion("codeberg.org/readeck/go-readability/v2"), pages, false, goReadability),
	}
	timeRounds(pages, false, budget, setRounds, results...)
	ms, least := fmt.Sprint(budget.Milliseconds()), fmt.Sprint(setRounds)
	results = append(results,
		runExternal("nazif, Node (wasm/js)", exec.Command("node", "--no-warnings", "node/nazif.mjs", tmp, ms, least)),
		runExternal("Mozilla Readability", exec.Command("node", "node/readability.mjs", tmp, ms, least)),
		trafilatura(tmp, ms, least))
	structure(dir, pages, results)
	return nil
}

// A setRow is one tool's figures on the Readability set.
type setRow struct {
	all, real, synthetic eval.Totals // token F1 and titles
	shP, shR, shF1       float64     // means of the pages' shingle scores
	empty                []string    // pages with no body token, failures included
	failed               []string    // "stem: error"
}

// scoreSet scores one tool's outputs on the set, or says why it cannot.
func scoreSet(pages []page, r *result) (setRow, error) {
	var row setRow
	if len(r.Pages) != len(pages) {
		return row, fmt.Errorf("%d pages for %d", len(r.Pages), len(pages))
	}
	n := float64(len(pages))
	for i, p := range pages {
		o := r.Pages[i]
		if o.Stem != p.stem {
			return row, fmt.Errorf("its pages are out of order (%s for %s)", o.Stem, p.stem)
		}
		sc := eval.Evaluate(o.Extracted, p.truth, false)
		row.all.Add(sc)
		if len(p.html) >= realBytes {
			row.real.Add(sc)
		} else {
			row.synthetic.Add(sc)
		}
		sp, sr, sf := shingleF1(o.Text, strings.Join(p.truth.Body(false), "\n"))
		row.shP += sp / n
		row.shR += sr / n
		row.shF1 += sf / n
		if len(eval.Tokens(o.Text)) == 0 {
			row.empty = append(row.empty, p.stem)
		}
		if o.Error != "" {
			row.failed = append(row.failed, p.stem+": "+o.Error)
		}
	}
	return row, nil
}

// structure prints the Readability set's table, then the pages each tool
// left empty.
func structure(dir string, pages []page, results []*result) {
	var real, size, titled int
	for _, p := range pages {
		size += len(p.html)
		if len(p.html) >= realBytes {
			real++
		}
		if p.truth.Title != "" {
			titled++
		}
	}
	fmt.Printf("\nReadability's test pages (%s, %d, %.1f MB): printed, never gated, as their truth is Readability.js's own output\n", dir, len(pages), float64(size)/1e6)
	fmt.Printf("  F1: mean body token F1 over all the pages, the %d real captures (%d,%03d bytes of HTML or more) and the %d synthetic ones;\n",
		real, realBytes/1000, realBytes%1000, len(pages)-real)
	fmt.Println("  4sh: the article-extraction-benchmark's 4-token shingle F1, P and R, means over the pages; empty: pages with no body;")
	fmt.Printf("  titles: right, of the %d with a truth title; speed as above, with at least %d timed round\n", titled, setRounds)
	fmt.Printf("  %-26s %6s %6s %6s %6s %6s %6s %5s %7s %9s %8s %7s\n", "tool", "F1", "real", "synth", "4sh F1", "4sh P", "4sh R", "empty", "titles", "pages/s", "MB/s", "time")
	var base time.Duration
	var notes []string
	for _, r := range results {
		if r.skipped != "" {
			fmt.Printf("  %-26s SKIPPED: %s\n", r.Tool, r.skipped)
			continue
		}
		row, err := scoreSet(pages, r)
		if err != nil {
			fmt.Printf("  %-26s ERROR: %v\n", r.Tool, err)
			continue
		}
		d := r.median()
		if base == 0 {
			base = d
		}
		fmt.Printf("  %-26s %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f %5d %3d/%-3d %9.1f %8.2f %6.1fx\n", r.Tool,
			row.all.F1, row.real.F1, row.synthetic.F1, row.shF1, row.shP, row.shR, len(row.empty), row.all.Titles, titled,
			float64(len(pages))/d.Seconds(), float64(size)/1e6/d.Seconds(), float64(d)/float64(base))
		if len(row.empty) > 0 {
			notes = append(notes, fmt.Sprintf("  empty, %s: %s", short(r.Tool), strings.Join(row.empty, ", ")))
		}
		if len(row.failed) > 0 {
			notes = append(notes, fmt.Sprintf("  failed, %s: %s", short(r.Tool), strings.Join(row.failed, "; ")))
		}
	}
	for _, n := range notes {
		fmt.Println(n)
	}
}
