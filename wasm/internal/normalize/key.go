package normalize

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// SearchKey returns the search key of s: Display(s, true), then with harakat
// (U+064B–0652 and dagger alef U+0670) and every tatweel removed, أ إ آ ٱ
// folded to ا, ى to ي, ة to ه, Arabic-Indic and Persian digits to ASCII, and
// ASCII letters lowercased. Punctuation and standalone hamza (U+0654/0655)
// stay. Spaces left around removed characters collapse as in Display.
//
// Keys are for matching and deduplication, never for output. SearchKey is
// idempotent: SearchKey(SearchKey(s)) == SearchKey(s).
func SearchKey(s string) string {
	b := AppendSearchKey(make([]byte, 0, len(s)+8), s)
	if string(b) == s {
		return s
	}
	return string(b)
}

// AppendSearchKey appends SearchKey(s) to dst and returns the extended
// buffer.
func AppendSearchKey(dst []byte, s string) []byte {
	start := len(dst)
	dst = AppendDisplay(dst, s, true)
	// Removing a haraka or tatweel can bring a letter next to a hamza or
	// madda it composes with under NFC (ا ـ ٔ → أ), and the composed letter
	// folds again, so fold until the key is NFC. Each round composes at
	// least one pair, so this ends; in practice it runs once.
	for {
		n, check := foldKey(dst[start:])
		dst = dst[:start+n]
		if !check || norm.NFC.IsNormal(dst[start:]) {
			return dst
		}
		nfc := norm.NFC.Append(nil, dst[start:]...)
		dst = append(dst[:start], nfc...)
	}
}

// foldsInKey reports whether the plain letter c, c1 is one alefFold changes:
// آ أ إ ة (D8 A2, A3, A5, A9) or ى (D9 89).
func foldsInKey(c, c1 byte) bool {
	if c == 0xD8 {
		return c1 == 0xA2 || c1 == 0xA3 || c1 == 0xA5 || c1 == 0xA9
	}
	return c1 == 0x89
}

// foldKey folds display text b in place into a search key and returns the
// key's length and whether it needs an NFC check. Every folding keeps or
// shrinks the byte length, so writing behind the read position is safe.
func foldKey(b []byte) (n int, check bool) {
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
		if (c == 0xD8 || c == 0xD9) && r+1 < len(b) && plainLetter(c, b[r+1]) && !foldsInKey(c, b[r+1]) {
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
