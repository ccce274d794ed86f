package langid

import (
	"unicode"
	"unicode/utf8"
)

// Lang is a BCP 47 primary language tag nazif reports.
type Lang string

// The languages Detect tells apart. Other covers every text that is not
// mostly in Arabic script, and Arabic-script languages other than these.
const (
	Arabic  Lang = "ar"
	Persian Lang = "fa"
	Urdu    Lang = "ur"
	Other   Lang = "other"
)

// Dir returns "rtl" for Arabic, Persian and Urdu and "ltr" otherwise.
func Dir(l Lang) string {
	switch l {
	case Arabic, Persian, Urdu:
		return "rtl"
	}
	return "ltr"
}

// Detect guesses the language of text (an article body, or the whole text
// of a page) from letter statistics. It never looks at lang attributes or
// metadata, which are often wrong on Arabic news sites.
//
// Text whose letters are less than 30% Arabic script is Other, as is text
// with no letters. Arabic-script text is Urdu, Persian or Arabic by the
// letters each language alone uses and by frequent function words, weighed
// as ratios: Arabic pages routinely carry a few Persian-keyboard letters
// (ی ک) and foreign names with پ and گ, so no single letter decides.
// Arabic-script text in yet another language (Kurdish, Pashto, Sindhi,
// Uyghur) is Other.
//
// Detect is safe for concurrent use and does not allocate.
func Detect(text string) Lang {
	c := count(text)
	return c.decide()
}

// counts are the statistics of one pass over the text.
type counts struct {
	arabic int // Arabic-script letters
	latin  int // Latin letters
	other  int // letters of any other script

	// class counts Arabic-script letters by letterClass: the letters that
	// mark a language.
	class [numClasses]int

	// Whole-token hits in the function-word lists.
	wordsAr, wordsFa, wordsUr int
}

// The letterClass values. Every value from clsLetter up is a letter.
const (
	clsNone        uint8 = iota // not a letter: digits, punctuation
	clsMark                     // harakat, tatweel: inside words, not letters
	clsLetter                   // letters shared by the languages
	clsPersian                  // پ چ ژ گ: Persian (and Urdu), absent from Arabic words
	clsUrdu                     // ٹ ڈ ڑ ں ے ھ ہ ۓ: Urdu only
	clsFarsiYeh                 // ی U+06CC: Persian and Urdu yeh
	clsKeheh                    // ک U+06A9: Persian and Urdu kaf
	clsArabicYeh                // ي U+064A: Arabic yeh
	clsArabicKaf                // ك U+0643: Arabic kaf
	clsTehMarbuta               // ة: Arabic, rare in Persian, absent in Urdu
	clsAlefMaksura              // ى: Arabic
	clsForeign                  // letters of Kurdish, Pashto, Sindhi, Uyghur
	numClasses
)

// letterClass is the class of each code point in U+0600–06FF, indexed by
// r-0x600.
var letterClass = func() (t [256]uint8) {
	set := func(lo, hi rune, c uint8) {
		for r := lo; r <= hi; r++ {
			t[r-0x600] = c
		}
	}
	set(0x621, 0x63a, clsLetter)
	set(0x63b, 0x63f, clsForeign) // Kashmiri, Sindhi and Persian-variant yeh and kaf
	set(0x640, 0x640, clsMark)    // tatweel
	set(0x641, 0x64a, clsLetter)
	set(0x64b, 0x65f, clsMark) // harakat
	set(0x66e, 0x66f, clsLetter)
	set(0x670, 0x670, clsMark)
	set(0x671, 0x6d3, clsLetter)
	set(0x6d5, 0x6d5, clsLetter)
	set(0x6d6, 0x6ed, clsMark) // Quranic marks
	set(0x6ee, 0x6ef, clsLetter)
	set(0x6fa, 0x6fc, clsLetter)
	set(0x6ff, 0x6ff, clsLetter)
	for _, r := range "پچژگ" {
		t[r-0x600] = clsPersian
	}
	for _, r := range "ٹڈڑںےھہۓ" {
		t[r-0x600] = clsUrdu
	}
	// Kurdish ە ۆ ێ ڵ ڕ, Pashto ټ ډ ړ ښ ږ ځ څ ې ۍ, Sindhi ٻ ڄ ڃ ڀ ٺ ٽ ڦ,
	// Uyghur ۇ ۈ ۋ.
	for _, r := range "ەۆێڵڕټډړښږځڅېۍٻڄڃڀٺٽڦۇۈۋ" {
		t[r-0x600] = clsForeign
	}
	t['ی'-0x600] = clsFarsiYeh
	t['ک'-0x600] = clsKeheh
	t['ي'-0x600] = clsArabicYeh
	t['ك'-0x600] = clsArabicKaf
	t['ة'-0x600] = clsTehMarbuta
	t['ى'-0x600] = clsAlefMaksura
	return t
}()

// maxWord is the longest function word, in bytes; longer tokens are not
// looked up.
const maxWord = 10

// count makes one pass over text, reading the two-byte UTF-8 form of
// U+0600–06FF directly and decoding only other non-ASCII runes.
//
// A token is a run of Arabic letters, harakat and tatweel; it is looked up
// in the function-word lists when it ends. Tokens are substrings of text,
// so nothing is copied unless a short token carries harakat.
func count(text string) counts {
	var c counts
	start := -1    // byte offset of the current token, or -1
	marks := false // the token has harakat or tatweel
	long := false  // the token is longer than any function word
	for i := 0; i < len(text); {
		b := text[i]
		if b >= 0xd8 && b <= 0xdb && i+1 < len(text) && text[i+1]&0xc0 == 0x80 {
			cls := letterClass[int(b&0x03)<<6|int(text[i+1]&0x3f)]
			if cls != clsNone {
				if start < 0 {
					start, marks, long = i, false, false
				}
				if cls == clsMark {
					marks = true
				} else {
					c.arabic++
					c.class[cls]++
				}
				i += 2
				continue
			}
		}
		if start >= 0 {
			if !long && i-start <= 2*maxWord {
				c.endWord(text[start:i], marks)
			}
			start = -1
		}
		if b < utf8.RuneSelf {
			if b|0x20 >= 'a' && b|0x20 <= 'z' {
				c.latin++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case r >= 0x750 && r <= 0x77f, r >= 0xfb50 && r <= 0xfdff, r >= 0xfe70 && r <= 0xfefc:
			// Supplement letters and presentation forms: Arabic script,
			// in tokens that match no function word.
			c.arabic++
			start, long = i-size, true
		case r < 0x600 || r > 0x6ff:
			// ZWNJ (U+200C) ends a token here, as Persian needs: می‌شود.
			if unicode.IsLetter(r) {
				if unicode.Is(unicode.Latin, r) {
					c.latin++
				} else {
					c.other++
				}
			}
		}
	}
	if start >= 0 && !long && len(text)-start <= 2*maxWord {
		c.endWord(text[start:], marks)
	}
	return c
}

// endWord looks up a finished token of at most 2*maxWord bytes, first
// dropping its harakat and tatweel if it has any.
func (c *counts) endWord(w string, marks bool) {
	if marks {
		var buf [2 * maxWord]byte
		n := 0
		for i := 0; i+1 < len(w); i += 2 {
			if letterClass[int(w[i]&0x03)<<6|int(w[i+1]&0x3f)] != clsMark {
				buf[n], buf[n+1] = w[i], w[i+1]
				n += 2
			}
		}
		c.addWord(string(buf[:n]))
		return
	}
	if len(w) <= maxWord {
		c.addWord(w)
	}
}

// addWord counts w if it is a function word. The lists hold the most
// frequent words that the other two languages do not use as whole words;
// Arabic's also hold the Farsi-yeh spellings that Persian keyboards produce
// on Arabic sites (فی، علی).
func (c *counts) addWord(w string) {
	switch w {
	case "في", "فى", "فی", "من", "على", "علی", "إلى", "الى", "إلی", "الی",
		"التي", "التى", "التی", "الذي", "الذى", "الذی", "أن", "عن", "إن", "هذا", "هذه":
		c.wordsAr++
	case "است", "این", "که", "را", "می", "های", "برای", "از", "با", "یک", "شده", "آن",
		"براي", "هاي", "شود", "بود", "کرد":
		c.wordsFa++
	case "کے", "میں", "ہے", "کی", "کا", "اور", "سے", "کو", "نے", "ہیں", "پر", "یہ", "کہ", "گیا":
		c.wordsUr++
	}
}
