package dump

import (
	"strings"
	"unicode/utf8"

	"github.com/nazif/nazif/wasm/internal/lexicon"
)

// line is one line of a dump with the layout features extraction decides on.
// The counts are of runes, not bytes, so that Arabic and Latin weigh alike.
// They are int32 and the flags are packed together because a dump has a
// line struct per line of text: its size is most of what Extract allocates.
type line struct {
	text string // trimmed of spaces and invisible marks at both ends
	key  string // search key of text (normalize.SearchKey)

	indent int32 // leading spaces (w3m indents lists, blockquotes and padded blocks)

	letters int32 // Arabic and Latin letters
	arabic  int32 // Arabic letters
	digits  int32
	words   int32 // space-separated tokens holding a letter
	commas  int32 // ، , ؛ ;
	stops   int32 // sentence stops (. ! ? ؟) inside the line, not in ".." or "3.5"
	bracket int32 // letters inside [brackets]: image alt texts and form fields
	pipes   int32 // " | " separators, as in menu rows

	function int32   // Arabic function words among fwords
	fwords   int32   // words as counted by lexicon.FunctionWords
	boiler   float64 // share of words inside boilerplate phrases
	hits     int32   // boilerplate phrases found
	strong   int32   // strong phrases among them
	repeated int32   // other lines with the same key
	dateAt   int32   // byte offset of the first stated date, or -1

	cat  lexicon.Category // the phrases' category, for Removed; 0 if none
	date dateKind         // the kind of date the line states

	endStop bool // ends a sentence: a stop, a colon or a closing quote
	trunc   bool // ends with an ellipsis: a cut-off teaser
	bullet  bool // starts with a list marker (• □ ☆ ●, a lone * or -)
	form    bool // an empty [   ] field or a ( ) radio button
	url     bool // holds a URL or an e-mail address
	copy    bool // holds ©
	lead    bool // a strong phrase opens the line
	halves  bool // the line is one text written twice

	running    bool // reads as running text (isRunning)
	prose      bool // running text and no chrome
	byline     bool // «كتب فلان», «حوار: فلان»
	siteCredit bool // «site - credit»
	aside      bool // inside a «read also» box set into the body (markAsides)
}

// MaxLines bounds the lines of a dump that are read; the rest is not.
// A news page's dump is a few hundred lines, a long one a few thousand;
// every line read costs a line struct and its measures, so a dump of
// millions of short lines would otherwise cost hundreds of megabytes.
const MaxLines = 1 << 15

// splitLines cuts text at line feeds, drops a trailing \r, and fills each
// line's layout counts, for at most MaxLines lines; truncated reports that
// there were more. Every checkEvery lines it calls stop (when not nil),
// and gives up, returning false, when stop says so. The language features
// are filled later by scan.
func splitLines(text string, stop func() bool) (lines []line, truncated, ok bool) {
	n := strings.Count(text, "\n") + 1
	lines = make([]line, 0, min(n, MaxLines))
	for len(text) > 0 {
		if len(lines) == MaxLines {
			return lines, true, true
		}
		if stop != nil && len(lines)%checkEvery == checkEvery-1 && stop() {
			return nil, false, false
		}
		i := strings.IndexByte(text, '\n')
		var raw string
		if i < 0 {
			raw, text = text, ""
		} else {
			raw, text = text[:i], text[i+1:]
		}
		if len(raw) > 0 && raw[len(raw)-1] == '\r' {
			raw = raw[:len(raw)-1]
		}
		lines = append(lines, line{indent: int32(leadingSpaces(raw)), text: trim(raw)})
		measure(&lines[len(lines)-1])
	}
	return lines, false, true
}

func leadingSpaces(s string) int {
	n := 0
	for n < len(s) && (s[n] == ' ' || s[n] == '\t') {
		n++
	}
	return n
}

// spaceAt reports the size of a space or invisible mark at s[i:], or 0.
// Besides ASCII white space it knows NBSP, the U+2000 spaces, zero-width
// and bidi marks, U+202F, U+3000 and the BOM, which scraped pages strew at
// line ends.
func spaceAt(s string, i int) int {
	c := s[i]
	switch {
	case c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r':
		return 1
	case c < 0x80:
		return 0
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if isSpaceRune(r) {
		return size
	}
	return 0
}

func isSpaceRune(r rune) bool {
	switch {
	case r == 0xA0, r == 0x061C, r == 0x180E, r == 0x202F, r == 0x205F, r == 0x3000, r == 0xFEFF:
		return true
	case r >= 0x2000 && r <= 0x200F, r >= 0x2028 && r <= 0x202E, r >= 0x2060 && r <= 0x2069:
		return true
	}
	return false
}

// trim removes spaces and invisible marks at both ends of s.
func trim(s string) string {
	for len(s) > 0 {
		n := spaceAt(s, 0)
		if n == 0 {
			break
		}
		s = s[n:]
	}
	for len(s) > 0 {
		// Step back to the start of the last rune.
		i := len(s) - 1
		for i > 0 && s[i]&0xC0 == 0x80 {
			i--
		}
		n := spaceAt(s, i)
		if n == 0 || i+n != len(s) {
			break
		}
		s = s[:i]
	}
	return s
}

// Rune classes for measure.
const (
	cOther = iota
	cArabic
	cLatin
	cDigit
	cMark // harakat, tatweel: inside a word, neither letter nor break
	cComma
	cStop
	cSpace
	cContext // an ASCII byte whose class or count depends on its neighbours
)

// asciiClasses classifies the ASCII bytes; measure decides the cContext
// ones from their neighbours.
var asciiClasses = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
			t[c] = cLatin
		case c >= '0' && c <= '9':
			t[c] = cDigit
		case c == ' ' || c == '\t':
			t[c] = cSpace
		case c == ',' || c == ';':
			t[c] = cComma
		case c == '.', c == '!', c == '?', c == '[', c == ']', c == '|', c == '@', c == ':':
			t[c] = cContext
		}
	}
	return t
}()

// class2 classifies a two-byte UTF-8 rune.
func class2(r rune) int {
	switch {
	case r >= 0x0620 && r <= 0x063F, r >= 0x0641 && r <= 0x064A, r == 0x066E, r == 0x066F,
		r >= 0x0671 && r <= 0x06D3, r == 0x06D5, r == 0x06EE, r == 0x06EF, r >= 0x06FA && r <= 0x06FC, r == 0x06FF:
		return cArabic
	case r == 0x0640, r >= 0x064B && r <= 0x065F, r == 0x0670, r >= 0x06D6 && r <= 0x06ED:
		return cMark
	case r >= 0x0660 && r <= 0x0669, r >= 0x06F0 && r <= 0x06F9:
		return cDigit
	case r == 0x060C, r == 0x061B:
		return cComma
	case r == 0x061F, r == 0x06D4:
		return cStop
	case r == 0xA0:
		return cSpace
	case r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7, r >= 0x370 && r <= 0x52F:
		return cLatin
	}
	return cOther
}

// classes2 holds class2 of every two-byte rune, so that measure pays a
// table load, not a chain of range tests, for each Arabic letter.
var classes2 = func() (t [0x800]uint8) {
	for r := rune(0x80); r < 0x800; r++ {
		t[r] = uint8(class2(r))
	}
	return t
}()

// measure fills the layout counts of l from l.text in one byte loop. The
// counts live in locals during the loop, where the compiler keeps them in
// registers, not in the line in memory.
func measure(l *line) {
	s := l.text
	letters, arabic, digits, words := l.letters, l.arabic, l.digits, l.words
	commas, stops, bracket, pipes := l.commas, l.stops, l.bracket, l.pipes
	url, copyright := l.url, l.copy
	inWord, wordHasLetter := false, false
	bracketDepth := 0
	last := cOther
	lastRune := rune(0)
	for i := 0; i < len(s); {
		c := s[i]
		cls, size, r := cOther, 1, rune(c)
		switch {
		case c < 0x80:
			if cls = int(asciiClasses[c]); cls != cContext {
				break
			}
			cls = cOther
			switch {
			case c == '.' && i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1]):
				// A decimal point or a date separator.
			case c == '.' && (i > 0 && s[i-1] == '.' || i+1 < len(s) && s[i+1] == '.'):
				// ".." and "...": headline joints and cut-off teasers, no
				// sentence ends.
			case c == '.' || c == '!' || c == '?':
				cls = cStop
			case c == '[':
				bracketDepth++
			case c == ']':
				if bracketDepth > 0 {
					bracketDepth--
				}
			case c == '|':
				if i > 0 && i+1 < len(s) && s[i-1] == ' ' && s[i+1] == ' ' {
					pipes++
				}
			case c == '@':
				url = true
			case c == ':':
				if i+2 < len(s) && s[i+1] == '/' && s[i+2] == '/' {
					url = true
				}
			}
		case c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			// Two-byte runes (Arabic, Latin-1) decoded in line: they are
			// most of the text.
			r, size = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), 2
			cls = int(classes2[r&0x7FF])
			if r == 0xA9 {
				copyright = true
			}
		default:
			r, size = utf8.DecodeRuneInString(s[i:])
			switch {
			case isSpaceRune(r):
				cls = cSpace
			case r >= 0xFB50 && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFC:
				cls = cArabic
			}
		}
		switch cls {
		case cArabic, cLatin:
			letters++
			if cls == cArabic {
				arabic++
			}
			if bracketDepth > 0 {
				bracket++
			}
			wordHasLetter = true
			inWord = true
		case cDigit:
			digits++
			inWord = true
		case cMark:
			inWord = true
		case cComma:
			commas++
		case cStop:
			stops++
		case cSpace:
			if inWord && wordHasLetter {
				words++
			}
			inWord, wordHasLetter = false, false
		default:
			inWord = true
		}
		if cls != cSpace {
			last, lastRune = cls, r
		}
		i += size
	}
	if inWord && wordHasLetter {
		words++
	}
	switch {
	case hasSuffix(s, "...") || hasSuffix(s, "\u2026"):
		// An ellipsis at the end marks a cut-off teaser, not a sentence.
		l.trunc = true
	case last == cStop:
		l.endStop = true
		stops--
	case lastRune == ':' || lastRune == 0xBB || lastRune == '"' || lastRune == 0x201D:
		// A closing quote ends a quoted sentence; a colon ends a lead-in.
		l.endStop = true
	}
	l.letters, l.arabic, l.digits, l.words = letters, arabic, digits, words
	l.commas, l.stops, l.bracket, l.pipes = commas, stops, bracket, pipes
	l.url, l.copy = url, copyright
	l.bullet = isBullet(s, words)
	l.form = isForm(s)
}

// asciiBulletWords bounds a list item marked by hand with "- " or "* ":
// a longer line so marked is an author's dash, as in a dialogue or a deck.
const asciiBulletWords = 12

// isBullet reports a line that opens with a list marker: a rune from the
// bullet and geometric-shape blocks, or, on a short line, a lone * - or +
// followed by a space.
func isBullet(s string, words int32) bool {
	if len(s) == 0 {
		return false
	}
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r == 0x2022, r == 0x2023, r == 0x2043, r == 0x2219, r == 0x25E6,
		r >= 0x25A0 && r <= 0x25FF, r >= 0x2605 && r <= 0x2606, r >= 0x2794 && r <= 0x27BF:
		return true
	case r == '*' || r == '-' || r == '+':
		return size == len(s) || s[size] == ' ' && words <= asciiBulletWords
	}
	return false
}

// isForm reports a line that shows a form control: an empty [   ] field
// or a "( )" radio button. It jumps from bracket to bracket with
// strings.IndexByte, since most lines have none.
func isForm(s string) bool {
	for i := strings.IndexByte(s, '['); i >= 0; {
		j := i + 1
		for j < len(s) && (s[j] == ' ' || s[j] == '_') {
			j++
		}
		if j < len(s) && s[j] == ']' && j > i+1 {
			return true
		}
		k := strings.IndexByte(s[i+1:], '[')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	for i := strings.IndexByte(s, '('); i >= 0; {
		if i+2 < len(s) && s[i+1] == ' ' && s[i+2] == ')' {
			return true
		}
		k := strings.IndexByte(s[i+1:], '(')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return false
}

// bracketOnly reports a line made of [bracketed] texts and no other letters:
// image alt texts, icons and buttons.
func (l *line) bracketOnly() bool {
	return l.bracket > 0 && l.letters-l.bracket == 0 || l.letters == 0 && strings.IndexByte(l.text, '[') >= 0
}

// isHalves reports a line that is one text written twice, separated by
// spaces: w3m writes a link around an image and a caption that way, and
// lists of related links are made of such lines.
func isHalves(s string) bool {
	n := len(s)
	if n < 8 {
		return false
	}
	mid := n / 2
	for d := -3; d <= 3; d++ {
		i := mid + d
		if i <= 0 || i >= n || s[i] != ' ' {
			continue
		}
		a, b := i, i
		for a > 0 && s[a-1] == ' ' {
			a--
		}
		for b < n && s[b] == ' ' {
			b++
		}
		if a == n-b && s[:a] == s[b:] {
			return true
		}
	}
	return false
}

func hasSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}

func hasPrefix(s, prefix string) bool {
	return len(s) >= len(prefix) && s[:len(prefix)] == prefix
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
