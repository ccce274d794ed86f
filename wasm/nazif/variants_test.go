package nazif_test

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nazif/nazif/wasm/eval"
	"github.com/nazif/nazif/wasm/nazif"
)

// variantSlack is how far below the original page's body F1 a page under
// an eval.Variant may score. A skin changes the markup and not the
// article, so an extractor that generalizes gives the same body; the
// slack allows a stray caption or credit line, not a lost paragraph.
const variantSlack = 0.02

// Readability's test pages (testdata/readability) are a development set
// for structure: layouts the Arabic corpus lacks.
const (
	readabilityDir = "../../testdata/readability"
	// realPageBytes tells Readability's real captured pages (10,000
	// bytes or more, decompressed) from its small synthetic cases, which
	// test one rule each and are not articles to be held to a mean.
	realPageBytes = 10000
	// realPageFloor is the least mean body F1 over the real pages. Their
	// truth is Readability.js's own output, captions and bylines
	// included, so 1 is out of reach; 0.95 is an article found whole on
	// nearly every page. It is a ratchet: raised as the rules improve,
	// never lowered.
	realPageFloor = 0.95
)

// extractScore cleans input natively and scores it against truth.
func extractScore(input []byte, truth eval.Truth, dump bool) (eval.Score, error) {
	a, err := nazif.Extract(input, nazif.Options{})
	if err != nil {
		return eval.Score{}, err
	}
	return eval.Evaluate(eval.Extracted{Title: a.Title, Published: a.Published, Text: a.Text,
		Author: a.Author, Section: a.Section, Site: a.Site}, truth, dump), nil
}

// TestVariants holds the corpus's HTML pages to the same body under every
// eval.Variant: no variant's body F1 may fall more than variantSlack below
// the original page's. The table of all figures is logged.
func TestVariants(t *testing.T) {
	// Each variant's column is a figure and a mark: "!" when it is more
	// than variantSlack below the original.
	var table strings.Builder
	header := fmt.Sprintf("%-32s %8s", "page (body F1)", "original")
	for _, v := range eval.Variants {
		header += fmt.Sprintf(" %7s ", v)
	}
	table.WriteString(strings.TrimRight(header, " ") + "\n")
	sums := make([]float64, len(eval.Variants)+1) // the original, then each variant
	n := 0
	for _, p := range corpus(t) {
		if p.dump {
			continue
		}
		input, err := os.ReadFile(p.path)
		if err != nil {
			t.Fatal(err)
		}
		orig, err := extractScore(input, p.truth, false)
		if err != nil {
			t.Errorf("%s: %v", p.name, err)
			continue
		}
		n++
		sums[0] += orig.F1
		row := fmt.Sprintf("%-32s %8.3f", p.name, orig.F1)
		for i, v := range eval.Variants {
			s, err := extractScore(v.Apply(input), p.truth, false)
			if err != nil {
				t.Errorf("%s under %s: %v", p.name, v, err)
				row += fmt.Sprintf(" %8s", "error ")
				continue
			}
			sums[i+1] += s.F1
			mark := " "
			if orig.F1-s.F1 > variantSlack {
				mark = "!"
				t.Errorf("%s under %s: body F1 %.3f (P %.3f R %.3f), %.3f below the original's %.3f; want at most %.2f below",
					p.name, v, s.F1, s.Precision, s.Recall, orig.F1-s.F1, orig.F1, variantSlack)
			}
			row += fmt.Sprintf(" %7.3f%s", s.F1, mark)
		}
		table.WriteString(strings.TrimRight(row, " ") + "\n")
	}
	if n == 0 {
		t.Fatalf("no HTML page in %s", corpusDir)
	}
	mean := fmt.Sprintf("%-32s %8.3f", fmt.Sprintf("mean of %d pages", n), sums[0]/float64(n))
	for _, sum := range sums[1:] {
		mean += fmt.Sprintf(" %7.3f ", sum/float64(n))
	}
	table.WriteString(strings.TrimRight(mean, " ") + "\n")
	t.Logf("(! marks a figure more than %.2f below the original's)\n%s", variantSlack, table.String())
}

// readGzip returns the content of a gzipped file, up to the sandbox's
// input cap.
func readGzip(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	defer z.Close()
	data, err := io.ReadAll(io.LimitReader(z, 8<<20+1))
	if err == nil && len(data) > 8<<20 {
		err = fmt.Errorf("%s: over 8 MiB decompressed", name)
	}
	return data, err
}

// TestReadability scores every page of testdata/readability and logs its
// body F1. It fails when the mean body F1 of the real pages (of at least
// realPageBytes) is under realPageFloor, or when any page whose truth has
// body text comes out with an empty body.
func TestReadability(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join(readabilityDir, "*.html.gz"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no page in %s: %v", readabilityDir, err)
	}
	var table strings.Builder
	fmt.Fprintf(&table, "%-44s %8s %6s %6s %6s\n", "page", "bytes", "P", "R", "F1")
	var sumAll, sumReal float64
	var nReal int
	var empty []string
	for _, path := range pages {
		id := strings.TrimSuffix(filepath.Base(path), ".html.gz")
		truth, _, err := eval.ReadTruth(readabilityDir, id)
		if err != nil {
			t.Fatal(err)
		}
		input, err := readGzip(path)
		if err != nil {
			t.Fatal(err)
		}
		s, err := extractScore(input, truth, false)
		if err != nil {
			t.Errorf("%s: %v", id, err)
			continue
		}
		note := ""
		if len(input) < realPageBytes {
			note = "synthetic"
		} else {
			sumReal += s.F1
			nReal++
		}
		if s.EmptyBody {
			note = strings.TrimPrefix(note+", empty body", ", ")
			empty = append(empty, id)
			t.Errorf("%s: the body is empty, against %d truth paragraphs", id, len(truth.Body(false)))
		}
		sumAll += s.F1
		row := fmt.Sprintf("%-44s %8d %6.3f %6.3f %6.3f  %s", id, len(input), s.Precision, s.Recall, s.F1, note)
		table.WriteString(strings.TrimRight(row, " ") + "\n")
	}
	if nReal == 0 {
		t.Fatalf("no page of %d bytes or more in %s", realPageBytes, readabilityDir)
	}
	meanReal := sumReal / float64(nReal)
	fmt.Fprintf(&table, "mean body F1: %.3f over all %d pages, %.3f over the %d of %d bytes or more (floor %.2f); %d empty bodies %q\n",
		sumAll/float64(len(pages)), len(pages), meanReal, nReal, realPageBytes, realPageFloor, len(empty), empty)
	t.Log("\n" + table.String())
	if meanReal < realPageFloor {
		t.Errorf("the mean body F1 of the %d pages of %d bytes or more is %.3f; want at least realPageFloor, %.2f",
			nReal, realPageBytes, meanReal, realPageFloor)
	}
}
