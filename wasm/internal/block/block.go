package block

import (
	"strings"
	"time"

	"github.com/nazif/nazif/wasm/internal/byline"
	"github.com/nazif/nazif/wasm/internal/dates"
	"github.com/nazif/nazif/wasm/internal/dom"
)

// Kind is the structural type of a block.
type Kind uint8

// The block kinds.
const (
	Para Kind = iota
	Heading
	ListItem
	Quote
	Caption
	Cell
)

// Block is a run of text between block boundaries, with what the stages
// have found of it.
type Block struct {
	// Set by segment.

	// Text is the block's text with white space runs collapsed to one space.
	Text string
	Kind Kind
	// Level is the heading level (1–6) of a Heading.
	Level int
	// Elem is the block-level element that holds the text.
	Elem *dom.Node
	// Chars counts the text's bytes; LinkChars those inside links, each
	// as much as segment's link weight says.
	Chars, LinkChars int
	// Bold reports that all the text is inside <b> or <strong>.
	Bold bool

	// Set by classify.

	// Key is the block's search key.
	Key string
	// Runes counts the characters of Text.
	Runes int
	// Words and Func count words and function words (Arabic, English,
	// French and the other languages lexicon knows) in Key.
	Words, Func int
	// Sentence reports that the block reads as a sentence of running text.
	Sentence bool
	// Unlikely reports that the block stands under an element named as
	// chrome that rarely holds an article (comments, a sidebar), and not
	// as content.
	Unlikely bool
	// Body reports that the block belongs to the article body.
	Body bool
	// Reason says why a block is not body.
	Reason string

	// Read on first asking.
	dates      []dates.Match
	datesRead  bool
	name       string
	nameRead   bool
	isByline   bool
	credit     string
	creditOK   bool
	creditRead bool
}

// LinkDensity is the share of the block's text inside links.
func (b *Block) LinkDensity() float64 {
	if b.Chars == 0 {
		return 0
	}
	return float64(b.LinkChars) / float64(b.Chars)
}

// FuncDensity is the share of words that are function words.
func (b *Block) FuncDensity() float64 {
	if b.Words == 0 {
		return 0
	}
	return float64(b.Func) / float64(b.Words)
}

// maxDateText bounds the text read for dates: a date line is short, and a
// long block of junk with few words (a flood of U+FFFD) would only cost
// lexing time.
const maxDateText = 1024

// Dates returns the dates stated in the block (dates.FindAll), nil for a
// block over maxDateText bytes. now is the reference time for relative
// dates; the first call's is kept, as one extraction has one reference
// time.
func (b *Block) Dates(now time.Time) []dates.Match {
	if !b.datesRead {
		b.datesRead = true
		if len(b.Text) <= maxDateText {
			b.dates = dates.FindAll(b.Text, now)
		}
	}
	return b.dates
}

// Byline returns the name in a byline block («كتب فلان», «حوار: فلان»),
// read without the date a byline often shares its line with, and whether
// the block is one. now is as for Dates.
func (b *Block) Byline(now time.Time) (string, bool) {
	if !b.nameRead {
		b.nameRead = true
		// Most blocks have no label: Labeled spares them the date scan.
		if byline.Labeled(b.Text) {
			t := b.Text
			if ms := b.Dates(now); len(ms) > 0 {
				t = strings.TrimSpace(t[:ms[0].Start])
			}
			b.name, b.isByline = byline.Parse(t)
		}
	}
	return b.name, b.isByline
}

// Credit returns the agency or source in a credit block («(رويترز)»,
// «المصدر: وكالات»), and whether the block is one.
func (b *Block) Credit() (string, bool) {
	if !b.creditRead {
		b.creditRead = true
		b.credit, b.creditOK = byline.Credit(b.Text)
	}
	return b.credit, b.creditOK
}
