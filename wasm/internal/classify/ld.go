package classify

import (
	"github.com/nazif/nazif/wasm/internal/block"
	"github.com/nazif/nazif/wasm/internal/dom"
	"github.com/nazif/nazif/wasm/internal/normalize"
)

// ldKey returns the set of words of a JSON-LD articleBody, or nil when it
// is too short to cross-check against.
func ldKey(body string) map[string]bool {
	words := fields(normalize.SearchKey(body))
	if len(words) < minLDWords {
		return nil
	}
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[w] = true
	}
	return set
}

func fields(key string) []string {
	var out []string
	start := -1
	for i, r := range key {
		if isLetterOrDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, key[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, key[start:])
	}
	return out
}

// coverage counts, for every element, the words of its prose blocks and
// how many of them the JSON-LD articleBody has. Counts are summed up the
// tree once, so checks are linear in the page.
type coverage map[*dom.Node][2]int

func newCoverage(blocks []block.Block, ld map[string]bool) coverage {
	cov := coverage{}
	for i := range blocks {
		b := &blocks[i]
		if proseWeight(b) == 0 {
			continue
		}
		hit, total := 0, 0
		for _, w := range fields(b.Key) {
			total++
			if ld[w] {
				hit++
			}
		}
		for n := b.Elem; n != nil; n = n.Parent {
			h := cov[n]
			cov[n] = [2]int{h[0] + hit, h[1] + total}
		}
	}
	return cov
}

// mostly reports whether most of n's words are the article's.
func (c coverage) mostly(n *dom.Node) bool {
	h := c[n]
	return float64(h[0]) >= ldMostly*float64(h[1])
}

// preferCoverage checks the structural choice against the JSON-LD
// articleBody. When another candidate covers clearly more of its words
// while still being mostly article text, that candidate wins.
func preferCoverage(st *stats, top *dom.Node, cov coverage) *dom.Node {
	best, bestHit := top, cov[top][0]
	if !cov.mostly(top) {
		bestHit = 0
	}
	for _, n := range st.order {
		h := cov[n]
		if st.lookup(n).score > 0 && h[0] > bestHit+bestHit/5+ldMargin && cov.mostly(n) {
			best, bestHit = n, h[0]
		}
	}
	return best
}
