package classify

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// hintOfRef is the hint of class and id words s as first written, one strings.Contains per word: the
// reference the one-pass matcher must agree with.
func hintOfRef(s string) hint {
	var h hint
	if len(s) == 1 {
		return h
	}
	s = strings.ToLower(s)
	for _, n := range negativeHints {
		if strings.Contains(s, n) {
			h.neg = n
			h.weight -= 25
			break
		}
	}
	likely := false
	for _, p := range positiveHints {
		if strings.Contains(s, p) {
			h.weight += 25
			break
		}
	}
	for _, l := range likelyHints {
		if strings.Contains(s, l) {
			likely = true
			break
		}
	}
	if !likely {
		for _, u := range unlikelyHints {
			if strings.Contains(s, u) {
				h.unlikely = true
				break
			}
		}
	}
	return h
}

// TestHintOf: the one-pass matcher agrees with the reference on every
// class and id of the corpus, on every hint word alone and in pairs, and
// on random mixes of hint fragments.
func TestHintOf(t *testing.T) {
	var inputs []string
	files, _ := filepath.Glob("../../../testdata/corpus/*.html")
	attr := regexp.MustCompile(`(?i)(?:class|id)\s*=\s*["']([^"']*)["']`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range attr.FindAllStringSubmatch(string(b), -1) {
			inputs = append(inputs, m[1]+" ", " "+m[1], m[1]+" "+m[1])
		}
	}
	if len(inputs) < 1000 {
		t.Fatalf("only %d class/id values in the corpus", len(inputs))
	}
	var words []string
	words = append(words, negativeHints[:]...)
	words = append(words, positiveHints...)
	words = append(words, likelyHints...)
	words = append(words, unlikelyHints...)
	for _, a := range words {
		inputs = append(inputs, a, strings.ToUpper(a)+" x", "x-"+a[:len(a)-1])
		for _, b := range words {
			inputs = append(inputs, a+" "+b, a+b)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(5) {
			w := words[r.IntN(len(words))]
			w = w[r.IntN(len(w)):] + w[:r.IntN(len(w)+1)]
			b.WriteString(w)
			b.WriteByte(" -_İK"[r.IntN(5)])
		}
		inputs = append(inputs, b.String())
	}
	for _, s := range inputs {
		if got, want := hintOfWords(hintWords.Match(s)), hintOfRef(s); got != want && len(s) != 1 {
			t.Fatalf("hintOfWords(Match(%q)) = %+v; want %+v", s, got, want)
		}
	}
}

// TestPunctuation: one pass counts what three strings.Count calls did.
func TestPunctuation(t *testing.T) {
	for _, s := range []string{"", "أ، ب, ج. د،", "،،،", "\xd8", "\xd8\x8c.", "نص بلا ترقيم", "a.b,c،d\xd8x"} {
		want := strings.Count(s, "،") + strings.Count(s, ",") + strings.Count(s, ".")
		if got := punctuation(s); got != want {
			t.Errorf("punctuation(%q) = %d; want %d", s, got, want)
		}
	}
}
