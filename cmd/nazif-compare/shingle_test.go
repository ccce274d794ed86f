package main

import (
	"math"
	"testing"
)

// TestShingleF1: multisets of 4-token shingles over eval.Tokens, scored
// per page, with the benchmark's rule for texts under four tokens.
func TestShingleF1(t *testing.T) {
	for _, c := range []struct {
		name, got, want string
		p, r, f1        float64
	}{
		{"the same", "one two three four five", "one two three four five", 1, 1, 1},
		{"both empty", "", " \n", 1, 1, 1},
		{"nothing extracted", "", "one two three four", 0, 0, 0},
		{"nothing to find", "one two three four", "", 0, 0, 0},
		{"no shingle in common", "one two three four", "four three two one", 0, 0, 0},
		// Token F1 would be 1: the same words, out of order. Shingles
		// abcd, bcde, cdef, defg, efgh against efgh, fgha, ghab, habc,
		// abcd: 2 of 5 each way.
		{"halves swapped", "a b c d e f g h", "e f g h a b c d", 0.4, 0.4, 0.4},
		// A paragraph extracted twice: 5 shingles, the 1 wanted among them.
		{"repeated", "w x y z w x y z", "w x y z", 0.2, 1, 1.0 / 3},
		{"extra text", "a b c d e", "a b c d", 0.5, 1, 2.0 / 3},
		{"short, the same", "a b", "a b", 1, 1, 1},
		{"short, one more token", "a b", "a b c", 0, 0, 0},
		// eval.Tokens drops punctuation, harakat and tatweel, and folds
		// compatibility forms (NFKC); case stays.
		{"punctuation", "Hello, world! This is it.", "Hello world This is it", 1, 1, 1},
		{"harakat and tatweel", "كَتَبَ الوَلَدُ الدَّرسَ اليـــوم", "كتب الولد الدرس اليوم", 1, 1, 1},
		{"case", "hello world this is", "Hello world this is", 0, 0, 0},
	} {
		p, r, f1 := shingleF1(c.got, c.want)
		if !near(p, c.p) || !near(r, c.r) || !near(f1, c.f1) {
			t.Errorf("%s: shingleF1(%q, %q) = %.3f, %.3f, %.3f; want %.3f, %.3f, %.3f", c.name, c.got, c.want, p, r, f1, c.p, c.r, c.f1)
		}
	}
}

// TestShingles: the multiset and its size.
func TestShingles(t *testing.T) {
	for _, c := range []struct {
		text  string
		want  map[string]int
		count int
	}{
		{"", map[string]int{}, 0},
		{"a", map[string]int{"a": 1}, 1},
		{"a b c d", map[string]int{"a b c d": 1}, 1},
		{"a b c d a b c d", map[string]int{"a b c d": 2, "b c d a": 1, "c d a b": 1, "d a b c": 1}, 5},
	} {
		got, n := shingles(c.text, shingleN)
		if n != c.count || len(got) != len(c.want) {
			t.Errorf("shingles(%q) = %v, %d; want %v, %d", c.text, got, n, c.want, c.count)
			continue
		}
		for s, k := range c.want {
			if got[s] != k {
				t.Errorf("shingles(%q)[%q] = %d; want %d", c.text, s, got[s], k)
			}
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
