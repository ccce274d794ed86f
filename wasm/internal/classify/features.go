package classify

import (
	"unicode"
	"unicode/utf8"

	"github.com/nazif/nazif/wasm/internal/block"
	"github.com/nazif/nazif/wasm/internal/lexicon"
	"github.com/nazif/nazif/wasm/internal/normalize"
)

// Features computes the features of every block, in place: its search
// key, counts of characters, words and function words, and whether it
// reads as a sentence.
func Features(blocks []block.Block) { FeaturesUntil(blocks, nil) }

// FeaturesUntil is Features with a way out: every checkEvery blocks it
// calls stop (when not nil), and when stop returns true it gives up,
// returning false.
func FeaturesUntil(blocks []block.Block, stop func() bool) bool {
	var buf []byte
	for i := range blocks {
		if due(i, stop) {
			return false
		}
		b := &blocks[i]
		buf = normalize.AppendSearchKey(buf[:0], b.Text)
		b.Key = string(buf)
		b.Runes = utf8.RuneCountInString(b.Text)
		b.Words, b.Func = lexicon.FunctionWords(b.Key)
		b.Sentence = isSentence(b)
	}
	return true
}

// checkEvery is how many blocks FeaturesUntil measures, and each pass of
// Classify reads, between two calls of their stop function.
const checkEvery = 1024

// isSentence reports whether a block is a sentence of running text: few
// links, ending as sentences end, and long enough. In a language whose
// function words are known, some of its words must be function words; in
// any other, the test is on length alone, in words where words are
// spaced and in characters where they are not.
func isSentence(b *block.Block) bool {
	if b.LinkDensity() > sentenceLinks || !endsSentence(b.Text) {
		return false
	}
	if b.Func > 0 {
		return b.Words >= sentenceWords && b.FuncDensity() >= sentenceFunc
	}
	return neutralLength(b)
}

// neutralLength reports a block long enough to be a sentence in a
// language of any script: neutralWords spaced words, or neutralRunes
// characters of a script written without spaces.
func neutralLength(b *block.Block) bool {
	return b.Words >= neutralWords || b.Runes >= neutralRunes && b.Runes >= unspaced*b.Words
}

// proseWeight is how much a block says "article text here": Readability's
// 1 + commas + length/100, times how much the block reads as running
// text.
func proseWeight(b *block.Block) float64 {
	if b.Runes < minProseRunes || b.LinkDensity() > maxLinkDensity || b.Kind == block.Caption {
		return 0
	}
	commas := punctuation(b.Text)
	w := 1 + float64(min(commas, maxCommas)) + min(float64(b.Runes)/runesPerPoint, maxLengthPoints)
	return w * textFactor(b) * (1 - b.LinkDensity())
}

// textFactor is 1 for ordinary running text and down to 0.5 for text
// with no function words. A language whose function words lexicon does
// not know reads as running text when its blocks end as sentences do.
func textFactor(b *block.Block) float64 {
	if b.Func > 0 {
		return bareText + (1-bareText)*min(b.FuncDensity(), fullFunc)/fullFunc
	}
	if b.Sentence {
		return 1
	}
	return bareText
}

// punctuation counts the commas and full stops of t, Latin, Arabic and
// CJK, in one pass.
func punctuation(t string) int {
	n := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case ',', '.':
			n++
		case 0xD8: // «،» is D8 8C
			if i+1 < len(t) && t[i+1] == 0x8C {
				n++
			}
		case 0xEF: // «，» is EF BC 8C
			if i+2 < len(t) && t[i+1] == 0xBC && t[i+2] == 0x8C {
				n++
			}
		case 0xE3: // «、» and «。» are E3 80 81 and E3 80 82
			if i+2 < len(t) && t[i+1] == 0x80 && (t[i+2] == 0x81 || t[i+2] == 0x82) {
				n++
			}
		}
	}
	return n
}

// endsSentence reports whether t ends as a sentence does: with a full
// stop, a question or exclamation mark or an ellipsis, in any script,
// before any closing quotes and brackets.
func endsSentence(t string) bool {
	for len(t) > 0 {
		r, n := utf8.DecodeLastRuneInString(t)
		switch r {
		case '.', '!', '?', '؟', '…', '。', '！', '？', '।':
			return true
		case ' ', '\u00a0', '"', '\'', '»', '”', '’', ')', ']', '」', '』', '）':
			t = t[:len(t)-n]
		default:
			return false
		}
	}
	return false
}

// hasLetters reports whether t holds a letter or digit of any script.
func hasLetters(t string) bool {
	for _, r := range t {
		if r >= 0x80 {
			if isLetterOrDigit(r) {
				return true
			}
			continue
		}
		if 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9' {
			return true
		}
	}
	return false
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
