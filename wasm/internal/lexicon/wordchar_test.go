package lexicon

import (
	"github.com/nazif/nazif/wasm/internal/normalize"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// refWordRune is the rune-at-a-time predicate the tables replaced, kept as
// the reference the fast scan must agree with.
func refWordRune(s string) (bool, int) {
	c := s[0]
	if c < utf8.RuneSelf {
		return asciiWord[c], 1
	}
	if (c == 0xD8 || c == 0xD9) && len(s) > 1 && s[1]&0xC0 == 0x80 {
		r := rune(c&0x1F)<<6 | rune(s[1]&0x3F)
		return 0x0610 <= r && r <= 0x061A || 0x0620 <= r && r <= 0x0669 || 0x066E <= r, 2
	}
	r, n := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r), n
}

// refNextWord is nextWord written over refWordRune.
func refNextWord(key string, i int) (start, end int) {
	for i < len(key) {
		if w, n := refWordRune(key[i:]); w {
			break
		} else {
			i += n
		}
	}
	if i >= len(key) {
		return -1, -1
	}
	start = i
	for i < len(key) {
		w, n := refWordRune(key[i:])
		if !w {
			break
		}
		i += n
	}
	return start, i
}

// TestWordRuneAllRunes compares wordRune with the reference for every
// code point, each alone and followed by a letter.
func TestWordRuneAllRunes(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := string(r)
		for _, in := range []string{s, s + "a"} {
			gw, gn := wordRune(in)
			ww, wn := refWordRune(in)
			if gw != ww || gn != wn {
				t.Fatalf("wordRune(%q) (U+%04X) = %v, %d; want %v, %d", in, r, gw, gn, ww, wn)
			}
		}
	}
}

// TestWordRuneBytes compares wordRune with the reference on every one- and
// two-byte string and on truncated and invalid sequences.
func TestWordRuneBytes(t *testing.T) {
	check := func(in string) {
		gw, gn := wordRune(in)
		ww, wn := refWordRune(in)
		if gw != ww || gn != wn {
			t.Fatalf("wordRune(%q) = %v, %d; want %v, %d", in, gw, gn, ww, wn)
		}
	}
	for a := 0; a < 256; a++ {
		check(string([]byte{byte(a)}))
		for b := 0; b < 256; b++ {
			check(string([]byte{byte(a), byte(b)}))
			check(string([]byte{byte(a), byte(b), 0x80}))
			check(string([]byte{byte(a), byte(b), 0x80, 0x80}))
		}
	}
}

// TestNextWordDifferential compares nextWord with the reference on mixed
// text, at every start offset.
func TestNextWordDifferential(t *testing.T) {
	texts := []string{
		"اقرا ايضا: الحكومه تعلن، موعد الانتخابات ١٥ مايو 2024",
		"«قال» المتحدث — “إن” الحكومة… ﷺ ﴿إِنَّ اللَّهَ﴾ ـ test_42 ÉCOLE Ωμέγα שלום",
		"x\xff\xd8\xd9\xa7 \xe2\x80 \xf0\x9f\x98\x80 ok \u200c\u0654\u0670 ؟؛ ٪٫",
		"", " ", "،،، !!",
	}
	for _, key := range texts {
		for i := 0; i <= len(key); i++ {
			gs, ge := nextWord(key, i)
			ws, we := refNextWord(key, i)
			if gs != ws || ge != we {
				t.Errorf("nextWord(%q, %d) = %d, %d; want %d, %d", key, i, gs, ge, ws, we)
			}
		}
	}
	// Every code point as a word between spaces.
	var b strings.Builder
	for r := rune(0x20); r < 0x3000; r++ {
		b.WriteRune(r)
		if r%7 == 0 {
			b.WriteByte(' ')
		}
	}
	key := b.String()
	for i := 0; i < len(key); {
		gs, ge := nextWord(key, i)
		ws, we := refNextWord(key, i)
		if gs != ws || ge != we {
			t.Fatalf("nextWord(…, %d) = %d, %d; want %d, %d", i, gs, ge, ws, we)
		}
		if ge < 0 {
			break
		}
		i = ge
	}
}

// cliticSz is the length in bytes of one proclitic letter.
const cliticSz = 2

// refIsFunctionWord is the map-based isFunctionWord the word tables
// replaced, kept as the reference.
func refIsFunctionWord(words, withArticle map[string]bool, w string) bool {
	if words[w] {
		return true
	}
	if len(w) < cliticSz+minStem || w[0] != 0xD9 && w[0] != 0xD8 {
		return false
	}
	for p1 := 0; p1 <= cliticSz; p1 += cliticSz {
		if p1 > 0 && !strings.HasPrefix(w, waw) && !strings.HasPrefix(w, feh) {
			break
		}
		for p2 := p1; p2 <= p1+cliticSz; p2 += cliticSz {
			r := w[p2:]
			if p2 > p1 && !strings.HasPrefix(w[p1:], beh) && !strings.HasPrefix(w[p1:], lam) && !strings.HasPrefix(w[p1:], kaf) {
				break
			}
			if p2 > 0 && len(r) >= minStem && words[r] {
				return true
			}
			if strings.HasPrefix(r, article) || strings.HasPrefix(r, lamLam) {
				if stem := r[len(article):]; len(stem) >= minStem && withArticle[stem] {
					return true
				}
			}
		}
	}
	return false
}

// TestIsFunctionWordDifferential compares isFunctionWord with the map-based
// reference on every lemma and phrase word under every combination of
// proclitics, and on their prefixes and suffixes.
func TestIsFunctionWordDifferential(t *testing.T) {
	words, withArticle := map[string]bool{}, map[string]bool{}
	var stems []string
	for _, w := range functionLemmas {
		k := normalize.SearchKey(w)
		words[k] = true
		if rest, ok := strings.CutPrefix(k, article); ok && len(rest) >= minStem {
			withArticle[rest] = true
		}
		stems = append(stems, k)
	}
	// Latin words take no clitics.
	latin := map[string]bool{}
	for _, list := range latinFunctionWords {
		for _, w := range list {
			latin[normalize.SearchKey(w)] = true
		}
	}
	for _, tb := range tables {
		for _, p := range append(append([]string{}, tb.strong...), tb.weak...) {
			stems = append(stems, strings.Fields(normalize.SearchKey(p))...)
		}
	}
	stems = append(stems, "x", "ab", "\u0627", "\u0644\u0644", "كتاب", "فلسطين")
	n := 0
	for _, s := range stems {
		for _, c1 := range []string{"", waw, feh} {
			for _, c2 := range []string{"", beh, lam, kaf} {
				for _, c3 := range []string{"", article, lamLam, "\u0627"} {
					w := c1 + c2 + c3 + s
					for _, v := range []string{w, w[:len(w)/2], w[len(w)/2:], w + "\u0647"} {
						if v == "" {
							continue
						}
						n++
						if got, want := isFunctionWord(v), latin[v] || refIsFunctionWord(words, withArticle, v); got != want {
							t.Errorf("isFunctionWord(%q) = %v; want %v", v, got, want)
						}
					}
				}
			}
		}
	}
	if n < 10000 {
		t.Errorf("checked %d words; want at least 10000", n)
	}
}
