package normalize

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestNFCSafe checks the NFC shortcut's table against x/text: every rune
// below U+0300 and every nfcSafe rune must be a starter that never composes
// with what precedes it.
func TestNFCSafe(t *testing.T) {
	for r := rune(0); r <= 0x1FFFF; r++ {
		if r >= 0x0300 && !nfcSafe(r) || 0xD800 <= r && r <= 0xDFFF {
			continue
		}
		p := norm.NFC.PropertiesString(string(r))
		if !p.BoundaryBefore() || p.CCC() != 0 || !norm.NFC.IsNormalString(string(r)) {
			t.Errorf("nfcSafe(%U): got true; want false", r)
		}
	}
}

// TestCleanRune checks that the clean-prefix runes pass through Display
// unchanged in any position.
func TestCleanRune(t *testing.T) {
	for r := rune(0x80); r <= 0xFFFF; r++ {
		if !cleanRune(r) {
			continue
		}
		if r >= 0x0300 && !nfcSafe(r) {
			t.Errorf("cleanRune(%U) but not nfcSafe", r)
		}
		for _, s := range []string{string(r), "ب" + string(r) + "ب", "a" + string(r) + "a"} {
			if got := string(appendDisplay(nil, s, 0, true)); got != s {
				t.Errorf("Display(%q) = %q; want %q", s, got, s)
			}
		}
	}
}

func TestExpandable(t *testing.T) {
	for _, c := range []struct {
		r    rune
		want bool
	}{{0xFEFB, true}, {0xFB8E, true}, {0xFE70, true}, {0xFDFC, true}, {0xFDFA, false}, {0xFDFD, false}, {0xFE73, false}, {0xFD3E, false}, {0xFEFF, false}, {0x0627, false}} {
		if got := expandable(c.r); got != c.want {
			t.Errorf("expandable(%U) = %v; want %v", c.r, got, c.want)
		}
	}
}

func TestHarakaCCC(t *testing.T) {
	for r := rune(0x064B); r <= 0x0670; r++ {
		if !isHaraka(r) {
			continue
		}
		if got, want := harakaCCC(r), norm.NFC.PropertiesString(string(r)).CCC(); got != want {
			t.Errorf("harakaCCC(%U) = %d; want %d", r, got, want)
		}
	}
}

// TestPlainLetter checks plainLetter against its code points on every pair
// of bytes.
func TestPlainLetter(t *testing.T) {
	for c := 0; c < 256; c++ {
		for c1 := 0; c1 < 256; c1++ {
			r, n := utf8.DecodeRune([]byte{byte(c), byte(c1)})
			want := n == 2 && (0x0621 <= r && r <= 0x063A || 0x0641 <= r && r <= 0x064A)
			if got := plainLetter(byte(c), byte(c1)); got != want {
				t.Errorf("plainLetter(%#x, %#x) = %v; want %v", c, c1, got, want)
			}
		}
	}
}

// refFoldsInKey reports whether the plain letter c, c1 is one alefFold changes:
// آ أ إ ة (D8 A2, A3, A5, A9) or ى (D9 89).
func refFoldsInKey(c, c1 byte) bool {
	if c == 0xD8 {
		return c1 == 0xA2 || c1 == 0xA3 || c1 == 0xA5 || c1 == 0xA9
	}
	return c1 == 0x89
}

// refFoldKey is the rune-rule foldKey the arabicKey table replaced, kept
// as the reference. It folds display text b in place into a search key and returns the
// key's length and whether it needs an NFC check. Every folding keeps or
// shrinks the byte length, so writing behind the read position is safe.
func refFoldKey(b []byte) (n int, check bool) {
	w := 0
	pending := false
	for r := 0; r < len(b); {
		c := b[r]
		if c < utf8.RuneSelf {
			if c == ' ' {
				pending = w > 0
				r++
				continue
			}
			if pending {
				b[w] = ' '
				w++
				pending = false
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[w] = c
			w++
			r++
			continue
		}
		if (c == 0xD8 || c == 0xD9) && r+1 < len(b) && plainLetter(c, b[r+1]) && !refFoldsInKey(c, b[r+1]) {
			if pending {
				b[w] = ' '
				w++
				pending = false
			}
			b[w], b[w+1] = c, b[r+1]
			w += 2
			r += 2
			continue
		}
		x, size := decodeBytes(b[r:])
		switch {
		case isHaraka(x) || x == tatweel:
			r += size
			continue
		case x == comma || x == semicolon || x == question:
			pending = false
		}
		if pending {
			b[w] = ' '
			w++
			pending = false
		}
		if d := asciiDigit(x); d != x {
			b[w] = byte(d)
			w++
		} else if f := alefFold(x); f != x {
			w += utf8.EncodeRune(b[w:], f)
		} else {
			w += copy(b[w:], b[r:r+size])
			if x >= 0x0300 && !nfcSafe(x) {
				check = true
			}
		}
		r += size
	}
	return w, check
}

// foldBoth folds s with foldKey and refFoldKey and fails if they differ.
func foldBoth(t *testing.T, s string) {
	t.Helper()
	got, want := []byte(s), []byte(s)
	gn, gc := foldKey(got)
	wn, wc := refFoldKey(want)
	if string(got[:gn]) != string(want[:wn]) || gc != wc {
		t.Fatalf("foldKey(%q) = %q, %v; want %q, %v", s, got[:gn], gc, want[:wn], wc)
	}
}

// TestFoldKeyDifferential compares the table-driven foldKey with the rune
// rules on every code point of the BMP and a sample of the others, alone
// and between letters and spaces, and on every two-byte sequence, valid or
// not.
func TestFoldKeyDifferential(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r += 1 + r/0x10000*16 {
		c := string(r)
		foldBoth(t, c)
		foldBoth(t, " "+c+"ب ")
		foldBoth(t, "A "+c+" "+c+"\u064e")
	}
	for a := 0x80; a < 0x100; a++ {
		for b := 0; b < 0x100; b++ {
			foldBoth(t, string([]byte{byte(a), byte(b)}))
			foldBoth(t, string([]byte{' ', byte(a), byte(b), ' ', 'x'}))
		}
	}
	// Random runs of Arabic-block characters, spaces and a few others.
	rng := rand.New(rand.NewPCG(3, 4))
	for range 100000 {
		var b []byte
		for n := rng.IntN(16); n >= 0; n-- {
			switch rng.IntN(6) {
			case 0:
				b = append(b, ' ')
			case 1:
				b = append(b, "aZ5\u00e9\u0301\u2003\ufefb\xd8"[rng.IntN(8)])
			default:
				b = utf8.AppendRune(b, rune(0x0600+rng.IntN(0x100)))
			}
		}
		foldBoth(t, string(b))
	}
}

// refSearchKey is AppendSearchKey as it was before the one-pass path for
// clean text and the arabicKey table: Display, then fold by the rune rules
// until the key is NFC.
func refSearchKey(s string) string {
	dst := AppendDisplay(nil, s, true)
	for {
		n, check := refFoldKey(dst)
		dst = dst[:n]
		if !check || norm.NFC.IsNormal(dst) {
			return string(dst)
		}
		dst = norm.NFC.Append(nil, dst...)
	}
}

// keyBoth compares SearchKey and AppendSearchKey with the reference, and
// appendCleanKey's verdict with cleanPrefix.
func keyBoth(t *testing.T, s string) {
	t.Helper()
	want := refSearchKey(s)
	if got := SearchKey(s); got != want {
		t.Fatalf("SearchKey(%q) = %q; want %q", s, got, want)
	}
	if got := AppendSearchKey([]byte("x"), s); string(got) != "x"+want {
		t.Fatalf("AppendSearchKey(\"x\", %q) = %q; want %q", s, got, "x"+want)
	}
	if _, clean, ok := appendCleanKey(nil, s); clean != cleanPrefix(s) || ok != (clean == len(s)) {
		t.Fatalf("appendCleanKey(%q) = %d, %v; want %d, %v", s, clean, ok, cleanPrefix(s), cleanPrefix(s) == len(s))
	}
}

// TestSearchKeyDifferential compares SearchKey with the reference on every
// code point in a few contexts, on random text and on the corpus.
func TestSearchKeyDifferential(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r += 1 + r/0x4000 {
		c := string(r)
		for _, s := range []string{c, "ب" + c, "A " + c + " ، ب", c + "\u064e\u0650 x", " " + c + "ة "} {
			keyBoth(t, s)
		}
	}
	rng := rand.New(rand.NewPCG(5, 6))
	alphabet := []string{
		" ", " ", "  ", "\t", "\u00a0", "ب", "ا", "أ", "إ", "آ", "ٱ", "ى", "ة", "ي", "ـ", "\u064e", "\u0651",
		"\u0654", "\u0670", "،", "؛", "؟", "٥", "۵", "5", "A", "z", "é", "e\u0301", "“", "ﻻ", "\u200f", "\xff",
	}
	for range 30000 {
		var b strings.Builder
		for n := rng.IntN(12); n >= 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		keyBoth(t, b.String())
	}
	keyBoth(t, strings.Repeat("قال المتحدث إنَّ الحكومة ستعلن، «التفاصيل» لاحقاً في ١٥ مايو 2024. ", 20))
}

// FuzzSearchKey compares SearchKey with the reference implementation.
func FuzzSearchKey(f *testing.F) {
	f.Add("اقرأ أيضاً: الحكومة تعلن ١٥ مايو")
	f.Add("جـــداً الـ20 1445 هـ \u200F ﻻ ﹰ \xff ، ؟")
	f.Add("ا\u0640\u0654 \u064e\u0651 Ab  c")
	f.Fuzz(func(t *testing.T, s string) { keyBoth(t, s) })
}
