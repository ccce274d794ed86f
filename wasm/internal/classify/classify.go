package classify

import (
	"slices"
	"unicode/utf8"

	"github.com/nazif/nazif/wasm/internal/dom"
	"github.com/nazif/nazif/wasm/internal/lexicon"
	"github.com/nazif/nazif/wasm/internal/normalize"
	"github.com/nazif/nazif/wasm/internal/segment"
)

// Block is a segment block with the features classification uses.
type Block struct {
	segment.Block
	// Key is the block's search key.
	Key string
	// Runes counts the characters of Text.
	Runes int
	// Words and Func count words and Arabic function words in Key.
	Words, Func int
	// Body reports that the block belongs to the article body.
	Body bool
	// Reason says why a block is not body.
	Reason string
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

// Features computes the features of every block.
func Features(blocks []segment.Block) []Block {
	out := make([]Block, len(blocks))
	var buf []byte
	for i, sb := range blocks {
		buf = normalize.AppendSearchKey(buf[:0], sb.Text)
		b := &out[i]
		b.Block = sb
		b.Key = string(buf)
		b.Runes = utf8.RuneCountInString(sb.Text)
		b.Words, b.Func = lexicon.FunctionWords(b.Key)
	}
	return out
}

// Result is the outcome of classification.
type Result struct {
	Blocks []Block
	// Top is the chosen container, nil when the page has no article.
	Top *dom.Node
}

// node accumulates per-element statistics.
type node struct {
	score       float64
	chars, link int
	weight      int
	neg         string
	unlikely    bool
	// prose and other count the blocks below that read as sentences of
	// running text, and the rest.
	prose, other int
}

// stats holds the per-element statistics, and the elements in the order
// first met, so that ties resolve the same way in every run.
//
// Nodes from dom.Parse are kept in a slice by their ID, others (built by
// hand, in tests) in a map: on a page of 200,000 elements the map was half
// of classification natively, and it is worse in wasm.
type stats struct {
	byID  []*node
	other map[*dom.Node]*node
	order []*dom.Node
	pool  []node
	chunk int
}

// lookup returns n's statistics, or nil when it has none yet.
func (s *stats) lookup(n *dom.Node) *node {
	if n.ID > 0 {
		if int(n.ID) < len(s.byID) {
			return s.byID[n.ID]
		}
		return nil
	}
	return s.other[n]
}

func (s *stats) get(n *dom.Node) *node {
	if st := s.lookup(n); st != nil {
		return st
	}
	if len(s.pool) == 0 {
		// Chunks grow from 16 to 256, as the page asks.
		s.chunk = min(max(2*s.chunk, 16), 256)
		s.pool = make([]node, s.chunk)
	}
	st := &s.pool[0]
	s.pool = s.pool[1:]
	h := hintOf(n)
	*st = node{weight: h.weight, neg: h.neg, unlikely: h.unlikely}
	if n.ID > 0 {
		if int(n.ID) >= len(s.byID) {
			s.byID = slices.Grow(s.byID, int(n.ID)+1-len(s.byID))[:int(n.ID)+1]
		}
		s.byID[n.ID] = st
	} else {
		if s.other == nil {
			s.other = map[*dom.Node]*node{}
		}
		s.other[n] = st
	}
	if len(s.order) == cap(s.order) {
		s.order = slices.Grow(s.order, max(len(s.order), 64)) // double, as segment does
	}
	s.order = append(s.order, n)
	return st
}

// proseWeight is how much a block says "article text here".
func proseWeight(b *Block) float64 {
	if b.Runes < 25 || b.LinkDensity() > 0.5 || b.Kind == segment.Caption {
		return 0
	}
	commas := punctuation(b.Text)
	w := 1 + float64(min(commas, 10)) + min(float64(b.Runes)/100, 3)
	// Function words: 0.25 and above is ordinary running Arabic text.
	w *= 0.5 + 2*min(b.FuncDensity(), 0.25)
	return w * (1 - b.LinkDensity())
}

// punctuation counts the Arabic and Latin commas and the full stops of t,
// in one pass.
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
		}
	}
	return n
}

// startOf is the first element that a block scores: paragraphs score
// their container, text set straight in a container scores the container.
func startOf(b *Block) *dom.Node {
	if e := b.Elem; e.Parent != nil && isParagraphLike(e) {
		return e.Parent
	}
	return b.Elem
}

// minBody is the body length, in characters, below which the first pass
// is taken to have missed the article and the relaxed pass runs.
const minBody = 140

// Classify chooses the body among blocks. jsonldBody is the page's JSON-LD
// articleBody, or "".
//
// The first pass ignores text under elements named as chrome (comments,
// modals, sidebars …). When it finds no body of at least minBody
// characters, a second pass scores every element, as Readability retries
// without its unlikely-candidate rule.
func Classify(blocks []Block, jsonldBody string) Result {
	res := classify(blocks, jsonldBody, true)
	if bodyRunes(res.Blocks) < minBody {
		for i := range blocks {
			blocks[i].Body, blocks[i].Reason = false, ""
		}
		res = classify(blocks, jsonldBody, false)
	}
	return res
}

func bodyRunes(blocks []Block) int {
	n := 0
	for i := range blocks {
		if blocks[i].Body {
			n += blocks[i].Runes
		}
	}
	return n
}

func classify(blocks []Block, jsonldBody string, strict bool) Result {
	// Every node scored is a block's element or one of its ancestors, made
	// before it: the blocks' highest ID sizes the table once.
	maxID := int32(0)
	for i := range blocks {
		if e := blocks[i].Elem; e != nil {
			maxID = max(maxID, e.ID)
		}
	}
	st := &stats{byID: make([]*node, maxID+1)}
	for i := range blocks {
		b := &blocks[i]
		sentence := isSentence(b)
		for n := b.Elem; n != nil; n = n.Parent {
			s := st.get(n)
			s.chars += b.Chars
			s.link += b.LinkChars
			if sentence {
				s.prose++
			} else {
				s.other++
			}
		}
	}
	for i := range blocks {
		b := &blocks[i]
		w := proseWeight(b)
		if w == 0 || strict && underUnlikely(b.Elem, st) {
			continue
		}
		level := 0
		for n := startOf(b); n != nil && level < 5; n = n.Parent {
			div := 1.0
			switch {
			case level == 1:
				div = 2
			case level > 1:
				div = float64(level * 3)
			}
			st.get(n).score += w / div
			level++
		}
	}
	var top *dom.Node
	best := 0.0
	for _, n := range st.order {
		if f := final(st.lookup(n)); f > best {
			top, best = n, f
		}
	}
	var cov coverage
	if ld := ldKey(jsonldBody); ld != nil && top != nil {
		cov = newCoverage(blocks, ld)
		top = preferCoverage(st, top, cov)
	}
	res := Result{Blocks: blocks, Top: top}
	if top == nil {
		for i := range blocks {
			blocks[i].Reason = "no-article"
		}
		return res
	}
	in := include(st, top, cov)
	filter(blocks, st, in, top)
	return res
}

func underUnlikely(n *dom.Node, st *stats) bool {
	for ; n != nil; n = n.Parent {
		if st.get(n).unlikely {
			return true
		}
	}
	return false
}

func final(s *node) float64 {
	if s.score == 0 || s.chars == 0 {
		return 0
	}
	ld := float64(s.link) / float64(s.chars)
	return (s.score + float64(s.weight)/5) * (1 - ld)
}

func isParagraphLike(n *dom.Node) bool {
	switch n.Tag.String() {
	case "p", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "figcaption", "td", "dd", "dt":
		return true
	}
	return false
}
