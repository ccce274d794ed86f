package dates

import (
	"unicode"
	"unicode/utf8"
)

// tkind is the class of a token.
type tkind uint8

const (
	tEOF   tkind = iota // end of input, or of the line for follow
	tNum                // a run of digits in any script
	tWord               // a run of letters and marks
	tPunct              // any other single rune
)

// token is one lexical unit of free text. Tokens are produced on demand
// by lex from a byte offset, so a scan keeps no token array: on a 1 MB
// input the lookahead of each candidate re-lexes a bounded number of tokens.
type token struct {
	start, end int
	kind       tkind
	nl         bool // a line break lies between the previous token and this one
	nd         int  // tNum: number of digits
	num        int  // tNum: value of the first nine digits
	r          rune // tPunct: the rune
	w          info // tWord: the entry of the folded word in the table, or the zero info
}

// maxKey bounds the folded key: the longest word in the table is far
// shorter, and longer words are never looked up.
const maxKey = 40

// lex returns the token starting at or after s[i:], skipping white space
// and invisible format characters (LRM, RLM, ZWSP, ZWNJ, ALM, BOM).
func lex(s string, i int) token {
	var t token
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f' {
				break
			}
			t.nl = t.nl || c != ' ' && c != '\t'
			i++
			continue
		}
		r, n := decode(s, i)
		if !isSpace(r) {
			break
		}
		t.nl = t.nl || r == 0x85 || r == 0x2028 || r == 0x2029
		i += n
	}
	t.start, t.end = i, i
	if i >= len(s) {
		return t
	}
	if _, w := digitAt(s, i); w > 0 {
		t.kind = tNum
		t.num, t.nd, t.end = readDigits(s, i)
		return t
	}
	r, n := decode(s, i)
	if !isWordRune(r) {
		t.kind, t.r, t.end = tPunct, r, i+n
		return t
	}
	t.kind = tWord
	var key [maxKey]byte
	k := 0
	for {
		if f := foldRune(r); f >= 0 && k >= 0 {
			switch {
			case k+utf8.UTFMax > maxKey:
				k = -1
			case f < 0x800: // every letter of the table: skip EncodeRune's general path
				if f < utf8.RuneSelf {
					key[k] = byte(f)
					k++
				} else {
					key[k], key[k+1] = byte(0xC0|f>>6), byte(0x80|f&0x3F)
					k += 2
				}
			default:
				k += utf8.EncodeRune(key[k:], f)
			}
		}
		i += n
		if i >= len(s) {
			break
		}
		if r, n = decode(s, i); !isWordRune(r) {
			break
		}
	}
	t.end = i
	if k > 0 && mayBeWord(key[:k]) {
		t.w = words[string(key[:k])]
	}
	return t
}

// follow is lex for the parts of one expression: a line break ends the
// expression, so it returns an end token instead of crossing one.
func follow(s string, i int) token {
	t := lex(s, i)
	if t.nl {
		return token{start: t.start, end: t.start}
	}
	return t
}

// adjacent is lex for a token that must touch the previous one: "17.03.2020"
// and "09:22" are dates and times, "17 . 03" is not. It returns an end
// token when white space comes first.
func adjacent(s string, i int) token {
	t := lex(s, i)
	if t.start != i {
		return token{start: t.start, end: t.start}
	}
	return t
}

// decode is utf8.DecodeRuneInString with the two-byte sequences of
// Arabic text inlined.
func decode(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(s[i:])
}

// isPunct reports whether t is the punctuation rune r.
func (t token) isPunct(r rune) bool { return t.kind == tPunct && t.r == r }

// is reports whether t is a word of kind k.
func (t token) is(k kind) bool { return t.kind == tWord && t.w.kind == k }

// isComma reports whether t is a Latin or Arabic comma.
func (t token) isComma() bool { return t.isPunct(',') || t.isPunct('،') }

// isSpace reports whether the non-ASCII rune r separates tokens: Unicode
// White_Space, and the invisible format characters pages scatter in text.
func isSpace(r rune) bool {
	switch {
	case r < 0x2000:
		return r == 0x85 || r == 0xA0 || r == 0x061C || r == 0x1680
	case r <= 0x200F: // en quad … hair space, ZWSP, ZWNJ, ZWJ, LRM, RLM
		return true
	case r >= 0x2028 && r <= 0x202F: // line and paragraph separators, embeddings, NNBSP
		return true
	case r >= 0x2066 && r <= 0x2069: // isolates
		return true
	}
	return r == 0x205F || r == 0x2060 || r == 0x3000 || r == 0xFEFF
}

// isWordRune reports whether r continues a word: letters, the Arabic
// marks and tatweel (so "هـ" and "مساءً" stay one word), never digits.
func isWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r|0x20 >= 'a' && r|0x20 <= 'z'
	case r >= 0x0620 && r <= 0x065F, r >= 0x066E && r <= 0x06D3, r == 0x06D5,
		r >= 0x06E5 && r <= 0x06E6, r >= 0x06EE && r <= 0x06EF, r >= 0x06FA && r <= 0x06FF:
		return true
	case r >= 0x0600 && r <= 0x06FF: // digits, ٪ ٫ ٬, ۔ and Quranic signs
		return false
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// foldRune maps r to its form in a search key, or returns -1 when the key
// drops it. It folds only what spelling varies on (hamza seats on alef, ى,
// ة, Persian letters, Latin case) and drops harakat, the combining hamzas
// and tatweel; ؤ and ئ stay, as in Lucene's Arabic normalizer.
func foldRune(r rune) rune {
	switch {
	case r >= 'A' && r <= 'Z':
		return r + ('a' - 'A')
	case r < 0x0622:
		return r
	case r == 0x0622, r == 0x0623, r == 0x0625, r == 0x0671: // آ أ إ ٱ
		return 0x0627
	case r == 0x0649, r == 0x06CC, r == 0x06D2: // ى ی ے
		return 0x064A
	case r == 0x0629, r == 0x06C1, r == 0x06D5: // ة ہ ە
		return 0x0647
	case r == 0x06A9: // ک
		return 0x0643
	case r == 0x0640, r >= 0x064B && r <= 0x065F, r == 0x0670: // tatweel, harakat, dagger alef
		return -1
	}
	return r
}

// fold returns the search key of a word; the table is built with it.
func fold(w string) string {
	b := make([]byte, 0, len(w))
	for _, r := range w {
		if f := foldRune(r); f >= 0 {
			b = utf8.AppendRune(b, f)
		}
	}
	return string(b)
}
