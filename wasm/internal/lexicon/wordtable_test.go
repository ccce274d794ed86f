package lexicon

import "testing"

func TestWordTable(t *testing.T) {
	keys := []string{"في", "من", "a", "abc", "في", "الذي", "والذي"}
	tb := newWordTable(keys)
	cases := []struct {
		w    string
		want int
	}{
		{"في", 0}, {"من", 1}, {"a", 2}, {"abc", 3}, {"الذي", 5}, {"والذي", 6},
		{"", -1}, {"ab", -1}, {"فى", -1}, {"الذى", -1}, {"واللذي", -1}, {"abcdefghijklmnopqrstuvwxyz", -1},
	}
	for _, c := range cases {
		if got := tb.index(c.w); got != c.want {
			t.Errorf("index(%q) = %d; want %d", c.w, got, c.want)
		}
	}
	// Every form, and every table key, is found at its first occurrence.
	for _, tab := range []*wordTable{&functionForms, &firstWords} {
		first := map[string]int{}
		for i, k := range tab.keys {
			if _, ok := first[k]; !ok {
				first[k] = i
			}
		}
		for k, i := range first {
			if got := tab.index(k); got != i {
				t.Errorf("index(%q) = %d; want %d", k, got, i)
			}
		}
	}
}
