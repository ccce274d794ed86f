package lexicon

import (
	"unicode"
	"unicode/utf8"
)

// Word characters are decided from tables rather than unicode.IsLetter:
// the word scan runs over every byte of every block, and inside the wasm
// module a per-rune call costs an order of magnitude more than a table load.

// Byte classes of the first byte of a UTF-8 sequence.
const (
	byteOther = iota // ASCII non-word byte, continuation or invalid byte: one byte, no word
	byteWord         // ASCII letter or digit
	byteLead2        // first byte of a two-byte sequence: look the code point up in word2
	byteLeadN        // first byte of a three- or four-byte sequence: decode
)

// byteClass classifies every byte value as the first byte of a character;
// asciiWord marks the ASCII bytes that are word characters; word2 is a bit
// set of the word characters among U+0000–07FF, the two-byte range that
// holds Arabic, Latin-1, Greek, Cyrillic and Hebrew. The three tables are
// static data in tables.go, generated from the builders below, so that no
// instance of the wasm module decodes 1,920 runes at start-up.

// buildByteClass returns byteClass.
func buildByteClass() (t [256]uint8) {
	ascii := buildASCIIWord()
	for c := 0; c < 256; c++ {
		switch {
		case c < utf8.RuneSelf && ascii[c]:
			t[c] = byteWord
		case 0xC2 <= c && c <= 0xDF:
			t[c] = byteLead2
		case 0xE0 <= c && c <= 0xF4:
			t[c] = byteLeadN
		}
	}
	return t
}

// buildASCIIWord returns asciiWord.
func buildASCIIWord() (t [utf8.RuneSelf]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	return t
}

// buildWord2 returns word2.
func buildWord2() (t [0x800 / 64]uint64) {
	for r := rune(0x80); r < 0x800; r++ {
		if isWordChar(r) {
			t[r>>6] |= 1 << (r & 63)
		}
	}
	return t
}

// isWordChar reports whether r is a word character: a letter, digit or
// combining mark of any script. The tables are built from it, and it
// decides the rare three- and four-byte characters at run time.
func isWordChar(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// wordStart reports whether s begins with a word character.
func wordStart(s string) bool {
	w, _ := wordRune(s)
	return w
}

// wordRune reports whether s (not empty) begins with a word character and
// returns that character's length; a byte that starts no valid UTF-8
// sequence is a one-byte non-word character.
func wordRune(s string) (bool, int) {
	c := s[0]
	switch byteClass[c] {
	case byteWord:
		return true, 1
	case byteLead2:
		if len(s) > 1 && s[1]&0xC0 == 0x80 {
			r := uint(c&0x1F)<<6 | uint(s[1]&0x3F)
			return word2[r>>6]>>(r&63)&1 != 0, 2
		}
	case byteLeadN:
		return wordRuneN(s)
	}
	return false, 1
}

// wordRuneN is wordRune for a three- or four-byte sequence, which is rare
// in news text (quotes, dashes, ligatures).
func wordRuneN(s string) (bool, int) {
	r, n := utf8.DecodeRuneInString(s)
	return r != utf8.RuneError && isWordChar(r), n
}

// nextWord returns the byte span of the first word in key at or after i, or
// (-1, -1) if there is none. It is wordRune unrolled into one loop.
func nextWord(key string, i int) (start, end int) {
	start = -1
	for i < len(key) {
		c := key[i]
		w, n := false, 1
		switch byteClass[c] {
		case byteWord:
			w = true
		case byteLead2:
			if i+1 < len(key) && key[i+1]&0xC0 == 0x80 {
				r := uint(c&0x1F)<<6 | uint(key[i+1]&0x3F)
				w, n = word2[r>>6]>>(r&63)&1 != 0, 2
			}
		case byteLeadN:
			w, n = wordRuneN(key[i:])
		}
		if w {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			return start, i
		}
		i += n
	}
	if start < 0 {
		return -1, -1
	}
	return start, i
}
