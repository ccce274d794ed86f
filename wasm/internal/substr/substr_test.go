package substr

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestMatch: Match agrees with one strings.Contains per word on the
// lower-cased string, for random mixes of word fragments, case and
// non-ASCII bytes.
func TestMatch(t *testing.T) {
	words := []string{"comment", "share", "sharing", "ads-", "-ads", "nav", "navbar", "kateb", "bio", "box", "tafasil", "io"}
	s := New(words)
	r := rand.New(rand.NewPCG(3, 4))
	for range 50000 {
		var b strings.Builder
		for range r.IntN(6) {
			w := words[r.IntN(len(words))]
			w = w[r.IntN(len(w)):] + w[:r.IntN(len(w)+1)]
			if r.IntN(3) == 0 {
				w = strings.ToUpper(w)
			}
			b.WriteString(w)
			b.WriteString([]string{" ", "-", "", "\u212a", "İ", "\xff", "_"}[r.IntN(7)])
		}
		str := b.String()
		got := s.Match(str)
		low := strings.ToLower(str)
		for i, w := range words {
			if want := strings.Contains(low, w); got.Has(i) != want {
				t.Fatalf("Match(%q) has %q = %v; want %v", str, w, got.Has(i), want)
			}
		}
	}
}

func TestBits(t *testing.T) {
	var b Bits
	if b.Any() || b.First() != -1 {
		t.Fatal("zero Bits")
	}
	b[1] = 1 << 3
	if !b.Any() || b.First() != 67 || !b.Has(67) || b.Has(3) {
		t.Errorf("Bits %v: First %d", b, b.First())
	}
	if c := b.Or(Bits{1, 0}); c.First() != 0 {
		t.Errorf("Or: First %d", c.First())
	}
}

func TestMask(t *testing.T) {
	s := New([]string{"ab", "cd", "ab", "ef"})
	if m := s.Mask("ab", "ef"); m != (Bits{1<<0 | 1<<3, 0}) {
		t.Errorf("Mask = %b; want bits 0 and 3", m[0])
	}
	if m := s.Match("xxABxxEF").And(s.Mask("ef")); m.First() != 3 {
		t.Errorf("Match.And: First %d; want 3", m.First())
	}
}

func TestNewPanics(t *testing.T) {
	for _, words := range [][]string{{"A"}, {"Ab"}, {"x"}, make([]string, MaxWords+1)} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("New(%q) did not panic", words[:1])
				}
			}()
			New(words)
		}()
	}
}
