package decode

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// utf8Counts describes how b reads as UTF-8.
type utf8Counts struct {
	multibyte int // valid sequences of two or more bytes
	invalid   int // bytes that start no valid sequence
}

func utf8Stats(b []byte) utf8Counts {
	var st utf8Counts
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			st.invalid++
		} else {
			st.multibyte++
		}
		i += size
	}
	return st
}

// mostlyUTF8 reports whether invalid bytes are the exception in text that
// is otherwise UTF-8 (a truncated title, one corrupted byte). Legacy
// single-byte text almost never forms a valid multi-byte sequence by chance:
// in windows-1256 a letter byte (0xC1 and up) is followed by another letter,
// not by a continuation byte (0x80–0xBF).
func (st utf8Counts) mostlyUTF8() bool {
	return st.multibyte > 0 && st.multibyte >= st.invalid
}

// The classes of a high byte's meaning in a candidate charset.
const (
	clsOther  = iota // symbols, quotes, spaces, format controls
	clsArabic        // Arabic letters, harakat, tatweel, Arabic punctuation
	clsLatin         // letters of other scripts, mostly accented Latin
	clsBad           // unassigned, or a C1 control
	numClasses
)

// sniffCandidates are the single-byte charsets sniffing chooses among, the
// Arabic ones first: on a tie windows-1256, by far the most used, wins.
var sniffCandidates = [...]struct {
	cm   *charmap.Charmap
	name string
}{
	{charmap.Windows1256, name1256},
	{charmap.ISO8859_6, name8859_6},
	{charmap.Windows1252, name1252},
}

// sniffClass is the class of each high byte (0x80–0xFF) in each candidate.
var sniffClass = func() (t [len(sniffCandidates)][128]uint8) {
	for k, c := range sniffCandidates {
		for i := range t[k] {
			t[k][i] = classify(c.cm.DecodeByte(byte(0x80 + i)))
		}
	}
	return t
}()

func classify(r rune) uint8 {
	switch {
	case r == utf8.RuneError || r >= 0x80 && r < 0xa0:
		return clsBad
	case r >= 0x0600 && r <= 0x06ff:
		return clsArabic
	case unicode.IsLetter(r):
		return clsLatin
	}
	return clsOther
}

// sniffed is the outcome of sniffing a single-byte charset.
type sniffed struct {
	cm   *charmap.Charmap
	name string
	high int // bytes 0x80–0xFF seen
	// arabic counts high bytes that read as Arabic in cm; zero unless cm is
	// an Arabic charset.
	arabic int
	// paired counts high bytes next to another high byte. Arabic words in
	// a single-byte charset are runs of high bytes; accented Latin letters
	// sit alone between ASCII letters.
	paired int
}

// Sniffing thresholds, in percent of high bytes.
const (
	// arabicPercent of high bytes must read as Arabic, and pairedPercent
	// must sit in runs, for an Arabic charset to be chosen at all.
	arabicPercent = 50
	pairedPercent = 60
	// clearPercent of high bytes reading as Arabic, over at least
	// clearMinHigh of them, overrules a declared charset.
	clearPercent = 80
	clearMinHigh = 4
)

// sniffSingleByte picks windows-1256, iso-8859-6 or windows-1252 for b by
// what its high bytes mean in each. The two Arabic code pages share their
// letters only up to 0xD6: windows-1256 text read as iso-8859-6 hits
// unassigned bytes (its ف ق ك غ ـ are holes there), and iso-8859-6 text read
// as windows-1256 turns ه و ى ي into à ç è é ê.
func sniffSingleByte(b []byte) sniffed {
	var hist [128]int
	s := sniffed{}
	prevHigh := false
	for i, c := range b {
		if c < 0x80 {
			prevHigh = false
			continue
		}
		hist[c-0x80]++
		s.high++
		if prevHigh || i+1 < len(b) && b[i+1] >= 0x80 {
			s.paired++
		}
		prevHigh = true
	}
	best, bestScore := -1, 0
	var arabic [2]int
	for k := range arabic {
		var n [numClasses]int
		for i, h := range hist {
			n[sniffClass[k][i]] += h
		}
		arabic[k] = n[clsArabic]
		score := n[clsArabic] - n[clsLatin] - 2*n[clsBad]
		if best < 0 || score > bestScore {
			best, bestScore = k, score
		}
	}
	if arabic[best]*100 >= s.high*arabicPercent && s.paired*100 >= s.high*pairedPercent {
		s.cm, s.name, s.arabic = sniffCandidates[best].cm, sniffCandidates[best].name, arabic[best]
		return s
	}
	last := sniffCandidates[len(sniffCandidates)-1]
	s.cm, s.name = last.cm, last.name
	return s
}

// clearlyArabic reports whether the sniffed Arabic reading is strong enough
// to overrule what the page declares.
func (s sniffed) clearlyArabic() bool {
	return s.arabic > 0 && s.high >= clearMinHigh && s.arabic*100 >= s.high*clearPercent
}
