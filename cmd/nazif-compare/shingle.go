package main

import (
	"strings"

	"github.com/nazif/nazif/wasm/eval"
)

// shingleN is the shingle length of the scrapinghub
// article-extraction-benchmark (evaluate.py, string_shingle_matching).
const shingleN = 4

// shingles returns the multiset of text's runs of n consecutive
// eval.Tokens, each joined by a space (tokens hold no white space, so the
// key is unambiguous), and how many there are. As in the benchmark, a text
// of fewer than n tokens, but at least one, is one shingle of them all.
func shingles(text string, n int) (map[string]int, int) {
	toks := eval.Tokens(text)
	count := max(1, len(toks)-n+1)
	if len(toks) == 0 {
		count = 0
	}
	set := make(map[string]int, count)
	for i := range count {
		set[strings.Join(toks[i:min(i+n, len(toks))], " ")]++
	}
	return set, count
}

// shingleF1 returns precision, recall and F1 of got against want over the
// multisets of their 4-token shingles: the benchmark's body measure, which,
// unlike eval.TokenF1, also counts text out of order and text repeated.
// Two empty texts score 1 and one empty text 0, as in eval.TokenF1.
//
// # Notes
//
// The benchmark's own total is the F1 of mean precision and mean recall,
// and it leaves pages with nothing extracted out of the precision mean;
// make compare scores each page and takes the mean of the pages' F1, as
// eval.Totals does for token F1, so that the two columns are alike.
func shingleF1(got, want string) (precision, recall, f1 float64) {
	g, ng := shingles(got, shingleN)
	w, nw := shingles(want, shingleN)
	if ng == 0 && nw == 0 {
		return 1, 1, 1
	}
	if ng == 0 || nw == 0 {
		return 0, 0, 0
	}
	common := 0
	for s, c := range g {
		common += min(c, w[s])
	}
	if common == 0 {
		return 0, 0, 0
	}
	precision = float64(common) / float64(ng)
	recall = float64(common) / float64(nw)
	return precision, recall, 2 * precision * recall / (precision + recall)
}
