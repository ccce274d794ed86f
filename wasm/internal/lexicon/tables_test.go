package lexicon

import (
	"strings"
	"testing"

	"github.com/nazif/nazif/wasm/internal/normalize"
)

// TestTables checks that every phrase folds to whole words and that no
// folded phrase is listed under two categories.
func TestTables(t *testing.T) {
	owner := map[string]Category{}
	for _, tb := range tables {
		if tb.cat == 0 || tb.cat.String() == "none" {
			t.Errorf("table with no category: %v", tb.strong)
		}
		for _, p := range append(append([]string{}, tb.strong...), tb.weak...) {
			key := normalize.SearchKey(p)
			for _, w := range strings.Fields(key) {
				if s, e := nextWord(w, 0); s != 0 || e != len(w) {
					t.Errorf("phrase %q: word %q is not one word", p, w)
				}
			}
			if c, ok := owner[key]; ok && c != tb.cat {
				t.Errorf("phrase %q: in %v and %v", p, c, tb.cat)
			}
			owner[key] = tb.cat
		}
	}
}

// TestFunctionLemmas checks the lemma list's size and that each lemma is
// one word.
func TestFunctionLemmas(t *testing.T) {
	folded := map[string]bool{}
	for _, w := range functionLemmas {
		k := normalize.SearchKey(w)
		folded[k] = true
		if s, e := nextWord(k, 0); s != 0 || e != len(k) {
			t.Errorf("lemma %q is not one word", w)
		}
	}
	if n := len(folded); n < 150 || n > 250 {
		t.Errorf("folded lemmas: got %d; want 150 to 250", n)
	}
}
