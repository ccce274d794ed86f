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

	// read holds what is read on first asking; nil until then, as most
	// blocks are never asked (a pointer keeps the blocks, of which a page
	// has thousands, small).
	read *parsed
}

// parsed is what a block's text was read for.
type parsed struct {
	dates                         []dates.Match
	name                          string
	datesRead, nameRead, isByline bool
}

func (b *Block) parsed() *parsed {
	if b.read == nil {
		b.read = new(parsed)
	}
	return b.read
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
	p := b.parsed()
	if !p.datesRead {
		p.datesRead = true
		if len(b.Text) <= maxDateText {
			p.dates = dates.FindAll(b.Text, now)
		}
	}
	return p.dates
}

// Byline returns the name in a byline block («كتب فلان», «حوار: فلان»),
// read without the date a byline often shares its line with, and whether
// the block is one. now is as for Dates.
func (b *Block) Byline(now time.Time) (string, bool) {
	// Most blocks have no label: Labeled spares them the date scan.
	if !byline.Labeled(b.Text) {
		return "", false
	}
	p := b.parsed()
	if !p.nameRead {
		p.nameRead = true
		t := b.Text
		if ms := b.Dates(now); len(ms) > 0 {
			t = strings.TrimSpace(t[:ms[0].Start])
		}
		p.name, p.isByline = byline.Parse(t)
	}
	return p.name, p.isByline
}

// Credit returns the agency or source in a credit block («(رويترز)»,
// «المصدر: وكالات»), and whether the block is one.
//
// It is not kept: the test is a few string comparisons, cheaper than the
// memory to keep its answer.
func (b *Block) Credit() (string, bool) { return byline.Credit(b.Text) }
