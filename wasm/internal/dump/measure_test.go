package dump

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// refMeasure is measure as it was before the class tables, kept as the
// reference.
func refMeasure(l *line) {
	s := l.text
	inWord, wordHasLetter := false, false
	bracketDepth := 0
	last := cOther
	lastRune := rune(0)
	for i := 0; i < len(s); {
		c := s[i]
		cls, size, r := cOther, 1, rune(c)
		switch {
		case c < 0x80:
			switch {
			case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
				cls = cLatin
			case c >= '0' && c <= '9':
				cls = cDigit
			case c == ' ' || c == '\t':
				cls = cSpace
			case c == ',' || c == ';':
				cls = cComma
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
					l.pipes++
				}
			case c == '@':
				l.url = true
			case c == ':':
				if i+2 < len(s) && s[i+1] == '/' && s[i+2] == '/' {
					l.url = true
				}
			}
		case c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			// Two-byte runes (Arabic, Latin-1) decoded in line: they are
			// most of the text.
			r, size = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), 2
			cls = class2(r)
			if r == 0xA9 {
				l.copy = true
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
			l.letters++
			if cls == cArabic {
				l.arabic++
			}
			if bracketDepth > 0 {
				l.bracket++
			}
			wordHasLetter = true
			inWord = true
		case cDigit:
			l.digits++
			inWord = true
		case cMark:
			inWord = true
		case cComma:
			l.commas++
		case cStop:
			l.stops++
		case cSpace:
			if inWord && wordHasLetter {
				l.words++
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
		l.words++
	}
	switch {
	case hasSuffix(s, "...") || hasSuffix(s, "\u2026"):
		// An ellipsis at the end marks a cut-off teaser, not a sentence.
		l.trunc = true
	case last == cStop:
		l.endStop = true
		l.stops--
	case lastRune == ':' || lastRune == 0xBB || lastRune == '"' || lastRune == 0x201D:
		// A closing quote ends a quoted sentence; a colon ends a lead-in.
		l.endStop = true
	}
	l.bullet = isBullet(s, l.words)
	l.form = isForm(s)
}

// refIsForm is isForm as it was, a byte loop, kept as the reference.
func refIsForm(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		switch s[i] {
		case '[':
			j := i + 1
			for j < len(s) && (s[j] == ' ' || s[j] == '_') {
				j++
			}
			if j < len(s) && s[j] == ']' && j > i+1 {
				return true
			}
		case '(':
			if i+2 < len(s) && s[i+1] == ' ' && s[i+2] == ')' {
				return true
			}
		}
	}
	return false
}

// TestMeasureDifferential compares measure with the reference on every
// corpus line and on random lines of the characters it singles out.
func TestMeasureDifferential(t *testing.T) {
	var texts []string
	files, _ := filepath.Glob(filepath.Join("../../../testdata/corpus", "*.dump.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(data), "\n")...)
	}
	if len(texts) < 100 {
		t.Fatalf("got %d corpus lines; want at least 100", len(texts))
	}
	alphabet := []string{
		" ", "\t", ".", "..", "(", ")", "( )", "_", "[ ]", "[_", "[[", "!", "?", ",", ";", ":", "//", "[", "]", "|", " | ", "@", "©", "a", "Z", "5",
		"٥", "ب", "ـ", "\u064e", "،", "؛", "؟", "۔", "é", "×", "Ω", "\u00a0", "\u2003", "ﻻ", "…", "•", "□",
		"\"", "»", "\u201d", "\xff", "\xd8",
	}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		var b strings.Builder
		for n := rng.IntN(20); n >= 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		got, want := line{text: trim(s)}, line{text: trim(s)}
		measure(&got)
		refMeasure(&want)
		if got != want {
			t.Fatalf("measure(%q) = %+v; want %+v", s, got, want)
		}
		if got, want := isForm(s), refIsForm(s); got != want {
			t.Fatalf("isForm(%q) = %v; want %v", s, got, want)
		}
	}
}
