package normalize

import (
	"slices"
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
	// Most keys are of short, clean blocks and lines: fold them on the
	// stack and allocate only the result. (A buffer that reaches the NFC
	// check escapes to the heap, so the general path has its own.)
	var buf [128]byte
	b, clean, ok := appendCleanKey(buf[:0], s)
	if !ok {
		b = appendKey(make([]byte, 0, len(s)+8), s, clean)
	}
	if string(b) == s {
		return s
	}
	return string(b)
}

// AppendSearchKey appends SearchKey(s) to dst and returns the extended
// buffer.
func AppendSearchKey(dst []byte, s string) []byte {
	start := len(dst)
	dst, clean, ok := appendCleanKey(dst, s)
	if ok {
		return dst
	}
	return appendKey(dst[:start], s, clean)
}

// appendKey appends SearchKey(s) to dst by the general path: Display, then
// fold. clean is cleanPrefix(s), less than len(s).
func appendKey(dst []byte, s string, clean int) []byte {
	start := len(dst)
	dst = appendDisplay(dst, s, clean, true)
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

// appendCleanKey appends the search key of s to dst if Display leaves s as
// it is (cleanPrefix(s) == len(s)), the common case, checking and folding
// in one pass. Otherwise it reports false with cleanPrefix(s), and what it
// appended is to be dropped. The key of clean text never needs the NFC
// check: its runes are all NFC-safe, and the harakat it drops compose with
// nothing.
func appendCleanKey(dst []byte, s string) (out []byte, clean int, ok bool) {
	start := len(dst)
	dst = slices.Grow(dst, len(s))
	b := dst[start : start+len(s)] // folding never lengthens the text
	w := 0
	pending := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' {
				if i == 0 || s[i-1] == ' ' {
					return dst, cleanEnd(s, i), false
				}
				pending = w > 0
				i++
				continue
			}
			if asciiSpace[c] || asciiControl[c] {
				return dst, cleanEnd(s, i), false
			}
			w, pending = space(b, w, pending), false
			b[w] = lower(c)
			w++
			i++
			continue
		}
		if i+1 < len(s) && plainLetter(c, s[i+1]) {
			c1 := s[i+1]
			w, pending = space(b, w, pending), false
			// A plain letter is copied or, if it is one of أ إ آ ة ى, folded.
			if e := arabicKey[int(c&3)<<6|int(c1&0x3F)]; e>>keyBits == keyFold {
				putFold(b[w:], e)
			} else {
				b[w], b[w+1] = c, c1
			}
			w += 2
			i += 2
			continue
		}
		r, n := decode(s[i:])
		if isHaraka(r) {
			if p, _ := utf8.DecodeLastRuneInString(s[:i]); !harakaInOrder(p, r) {
				return dst, cleanEnd(s, i), false
			}
			i += n
			continue
		}
		if !cleanRune(r) {
			return dst, cleanEnd(s, i), false
		}
		if r == comma || r == semicolon || r == question {
			if i > 0 && s[i-1] == ' ' {
				return dst, cleanEnd(s, i), false
			}
			pending = false
		}
		w, pending = space(b, w, pending), false
		if d := asciiDigit(r); d != r {
			b[w] = byte(d)
			w++
		} else {
			w += copy(b[w:], s[i:i+n]) // clean runes fold to themselves
		}
		i += n
	}
	if len(s) > 0 && s[len(s)-1] == ' ' {
		return dst, len(s) - 1, false // a trailing space: Display trims it
	}
	return dst[:start+w], len(s), true
}

// space writes the space owed before the next character of a key, if one
// is, and returns the new write position.
func space(b []byte, w int, pending bool) int {
	if pending {
		b[w] = ' '
		w++
	}
	return w
}

// lower lowercases an ASCII letter.
func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return c
}

// putFold writes the two-byte letter in the operand of an arabicKey entry.
func putFold(b []byte, e uint16) {
	b[0], b[1] = 0xC0|byte(e>>6&0x1F), 0x80|byte(e&0x3F)
}

// cleanEnd is cleanPrefix's result when its scan stops at i: a space before
// i is pending, not clean.
func cleanEnd(s string, i int) int {
	if i > 0 && s[i-1] == ' ' {
		return i - 1
	}
	return i
}

// What foldKey does with a character of the Arabic block U+0600–06FF, the
// bulk of the text: the action sits in the top bits of an arabicKey entry,
// its operand in the low keyBits bits.
const (
	keyCopy  = iota // copy the two bytes
	keyCheck        // copy them, and the key needs an NFC check
	keyDrop         // drop it: harakat and tatweel
	keyPunct        // ، ؛ ؟: copy, with no space before
	keyDigit        // write the ASCII digit in the operand
	keyFold         // write the letter whose code point is the operand

	keyBits = 11
)

// arabicKey holds foldKey's action for each character of U+0600–06FF,
// indexed by (lead byte & 3) << 6 | (second byte & 0x3F). It is derived
// from the rune rules below, so the fast path cannot drift from them.
var arabicKey = func() (t [256]uint16) {
	for i := range t {
		r := rune(0x0600 + i)
		switch {
		case isHaraka(r) || r == tatweel:
			t[i] = keyDrop << keyBits
		case r == comma || r == semicolon || r == question:
			t[i] = keyPunct << keyBits // all three are NFC-safe
		case asciiDigit(r) != r:
			t[i] = keyDigit<<keyBits | uint16(asciiDigit(r))
		case alefFold(r) != r:
			t[i] = keyFold<<keyBits | uint16(alefFold(r))
		case !nfcSafe(r):
			t[i] = keyCheck << keyBits
		}
	}
	return t
}()

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
			w, pending = space(b, w, pending), false
			b[w] = lower(c)
			w++
			r++
			continue
		}
		if 0xD8 <= c && c <= 0xDB && r+1 < len(b) && b[r+1]&0xC0 == 0x80 {
			c1 := b[r+1]
			e := arabicKey[int(c&3)<<6|int(c1&0x3F)]
			act := e >> keyBits
			if act == keyDrop {
				r += 2
				continue
			}
			w, pending = space(b, w, pending && act != keyPunct), false
			switch act {
			case keyDigit:
				b[w] = byte(e)
				w++
			case keyFold:
				putFold(b[w:], e)
				w += 2
			default:
				b[w], b[w+1] = c, c1
				w += 2
				check = check || act == keyCheck
			}
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
		w, pending = space(b, w, pending), false
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
