package classify

import (
	"slices"
	"strings"
	"time"

	"github.com/nazif/nazif/wasm/internal/block"
	"github.com/nazif/nazif/wasm/internal/dom"
	"github.com/nazif/nazif/wasm/internal/normalize"
	"github.com/nazif/nazif/wasm/internal/segment"
	"golang.org/x/net/html/atom"
)

// Page is what classification knows of a page besides its blocks.
type Page struct {
	// Titles are the page's own names for the article: its <title>, the
	// JSON-LD headline. The block that shows one of them is the headline,
	// and the article stands under it.
	Titles []string
	// LDBody is the page's JSON-LD articleBody, or "".
	LDBody string
	// Now is the reference time for relative dates («منذ ساعتين»), as
	// the dates read here are kept on the blocks for the stages after.
	Now time.Time
	// Stop, when not nil, is called every checkEvery blocks of each
	// pass; when it returns true, Classify gives up (Result.Stopped).
	Stop func() bool
	// Images are the page's images (segment.Cut), among which Classify
	// chooses the article's figures.
	Images []segment.Image
}

// Result is the outcome of classification.
type Result struct {
	Blocks []block.Block
	// Top is the chosen container, nil when the page has no article.
	Top *dom.Node
	// Pass names the pass that chose it: "strict", or "relaxed" when
	// the strict pass found less than a paragraph.
	Pass string
	// Figures are the article's pictures among Page.Images, in document
	// order, with the blocks that caption them; none when the page has
	// no container.
	Figures []Figure
	// Stopped reports that Page.Stop ended classification: the result
	// is not one.
	Stopped bool

	// st and in are the winning pass's statistics and the elements of
	// its article, which the figures are chosen in.
	st *stats
	in map[*dom.Node]bool
}

// node accumulates per-element statistics.
type node struct {
	score       float64
	chars, link int
	hint
	// prose and other count the blocks below that read as sentences of
	// running text, and the rest; proseChars the bytes of the first.
	prose, other, proseChars int
	// first and last are the indexes of the first and last block below.
	first, last int
	// unlikelyBelow counts the bytes of the blocks below that stand
	// under an unlikely element (named as comments, a form …) strictly
	// below this one.
	unlikelyBelow int
}

// stats holds the per-element statistics, and the elements in the order
// first met, so that ties resolve the same way in every run.
//
// Nodes from dom.Parse are kept in a slice by their ID, others (built by
// hand, in tests) in a map: on a page of 200,000 elements the map was half
// of classification natively, and it is worse in wasm.
type stats struct {
	// sums[i] totals the blocks before block i: a subtree's blocks are
	// contiguous, so any run of them is two lookups.
	sums  []totals
	byID  []*node
	other map[*dom.Node]*node
	order []*dom.Node
	pool  []node
	chunk int
}

// totals are counts over a run of blocks, in bytes.
type totals struct {
	chars, prose, link int
}

func (t totals) minus(u totals) totals {
	return totals{t.chars - u.chars, t.prose - u.prose, t.link - u.link}
}

// run totals blocks i to j-1.
func (s *stats) run(i, j int) totals {
	if j <= i {
		return totals{}
	}
	return s.sums[j].minus(s.sums[i])
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
	*st = node{hint: hintOf(n), first: -1}
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

// startOf is the first element that a block scores: paragraphs score
// their container, text set straight in a container scores the container.
func startOf(b *block.Block) *dom.Node {
	if e := b.Elem; e.Parent != nil && isParagraphLike(e) {
		return e.Parent
	}
	return b.Elem
}

// Classify chooses the body among blocks.
//
// It is a cascade, each pass relaxing one rule. The strict pass counts
// little of the prose under elements named as chrome (comments, modals,
// sidebars …). When it finds no body of at least minBody characters, the
// relaxed pass counts all prose alike, as Readability retries without its
// unlikely-candidate rule. When that finds nothing at all on a page of a
// few lines (a note, a stub: no block reads as prose), the page pass
// keeps every line that is not a link or chrome, as Readability falls
// back to the page's body.
func Classify(blocks []block.Block, page Page) Result {
	res := classify(blocks, page, true)
	if res.Stopped {
		return res
	}
	if bodyRunes(res.Blocks) < minBody {
		reset(blocks)
		res = classify(blocks, page, false)
		res.Pass = "relaxed"
		if res.Stopped {
			return res
		}
	}
	if bodyRunes(res.Blocks) == 0 && pageChars(blocks) <= maxPageText {
		reset(blocks)
		res = Result{Blocks: blocks, Pass: "page"}
		for i := range blocks {
			b := &blocks[i]
			if b.Reason = reasonOnPage(b); b.Reason == "" {
				b.Body = true
			}
		}
	}
	if res.Top != nil && len(page.Images) > 0 {
		figs, ok := figures(blocks, page.Images, res.st, res.in, page.Stop)
		if !ok {
			return Result{Stopped: true}
		}
		res.Figures = figs
	}
	return res
}

func reset(blocks []block.Block) {
	for i := range blocks {
		blocks[i].Body, blocks[i].Reason = false, ""
	}
}

// pageChars counts the bytes of text outside links on the page.
func pageChars(blocks []block.Block) int {
	n := 0
	for i := range blocks {
		n += blocks[i].Chars - blocks[i].LinkChars
	}
	return n
}

func bodyRunes(blocks []block.Block) int {
	n := 0
	for i := range blocks {
		if blocks[i].Body {
			n += blocks[i].Runes
		}
	}
	return n
}

func classify(blocks []block.Block, page Page, strict bool) Result {
	res := Result{Blocks: blocks, Pass: "strict"}
	st := gather(blocks, page.Stop)
	if st == nil || !score(blocks, st, strict, page.Stop) {
		return Result{Stopped: true}
	}
	anchor := newAnchor(blocks, page.Titles)
	top, ok := choose(st, anchor, page.Stop)
	if !ok {
		return Result{Stopped: true}
	}
	var cov coverage
	if ld := ldKey(page.LDBody); ld != nil && top != nil {
		cov = newCoverage(blocks, ld)
		top = preferCoverage(st, top, cov)
	}
	res.Top = top
	if top == nil {
		for i := range blocks {
			blocks[i].Reason = "no-article"
		}
		return res
	}
	in := include(st, top, cov, anchor)
	if !filter(blocks, st, in, page.Now, page.Stop) {
		return Result{Stopped: true}
	}
	res.st, res.in = st, in
	return res
}

// gather sums every block's counts into its element and ancestors.
func gather(blocks []block.Block, stop func() bool) *stats {
	// Every node scored is a block's element or one of its ancestors, made
	// before it: the blocks' highest ID sizes the table once.
	maxID := int32(0)
	for i := range blocks {
		if e := blocks[i].Elem; e != nil {
			maxID = max(maxID, e.ID)
		}
	}
	st := &stats{byID: make([]*node, maxID+1), sums: make([]totals, len(blocks)+1)}
	for i := range blocks {
		if due(i, stop) {
			return nil
		}
		b := &blocks[i]
		// below: an unlikely element stands between the block and n.
		below := false
		for n := b.Elem; n != nil; n = n.Parent {
			s := st.get(n)
			if below {
				s.unlikelyBelow += b.Chars
			}
			below = below || s.unlikely
			s.chars += b.Chars
			s.link += b.LinkChars
			if b.Sentence {
				s.prose++
				s.proseChars += b.Chars
			} else {
				s.other++
			}
			if s.first < 0 {
				s.first = i
			}
			s.last = i
		}
		b.Unlikely = below
		t := totals{chars: b.Chars, link: b.LinkChars}
		if b.Sentence {
			t.prose = b.Chars
		}
		p := st.sums[i]
		st.sums[i+1] = totals{p.chars + t.chars, p.prose + t.prose, p.link + t.link}
	}
	return st
}

// score adds every block's prose weight to its container and the
// ancestors above it, less at each level (Readability's 1, 1/2, then
// 1/(3 level)). In the strict pass, prose under an element named as
// unlikely chrome counts little.
func score(blocks []block.Block, st *stats, strict bool, stop func() bool) bool {
	for i := range blocks {
		if due(i, stop) {
			return false
		}
		b := &blocks[i]
		w := proseWeight(b)
		if w == 0 {
			continue
		}
		if strict && b.Unlikely {
			w *= unlikelyDamping
		}
		level := 0
		for n := startOf(b); n != nil && level < scoreLevels; n = n.Parent {
			div := 1.0 // Readability's 1, 2, then 3 a level
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
	return true
}

// due reports, every checkEvery blocks, whether stop says to give up.
func due(i int, stop func() bool) bool {
	return stop != nil && i%checkEvery == checkEvery-1 && stop()
}

// final is a container's score: its prose and its hint, less its links.
func final(s *node) float64 {
	if s.score == 0 || s.chars == 0 {
		return 0
	}
	ld := float64(s.link) / float64(s.chars)
	return (s.score + float64(s.weight)*weightShare) * (1 - ld)
}

// choose returns the best container, with Readability's corrections: up
// to the ancestor of the close candidates when the article is split over
// boxes, up to a parent that scores more, and up through wrappers with no
// other child.
func choose(st *stats, a anchor, stop func() bool) (*dom.Node, bool) {
	type cand struct {
		n *dom.Node
		f float64
	}
	var cands [topCandidates]cand
	for k, n := range st.order {
		if due(k, stop) {
			return nil, false
		}
		s := st.lookup(n)
		f := final(s) * a.factor(s)
		if f <= cands[topCandidates-1].f {
			continue
		}
		i := topCandidates - 1
		for i > 0 && f > cands[i-1].f {
			cands[i] = cands[i-1]
			i--
		}
		cands[i] = cand{n, f}
	}
	top, best := cands[0].n, cands[0].f
	if top == nil {
		return nil, true
	}
	value := func(n *dom.Node) float64 {
		s := st.lookup(n)
		if s == nil {
			return 0
		}
		return final(s) * a.factor(s)
	}

	// The common ancestor of the close candidates.
	var close []*dom.Node
	for _, c := range cands[1:] {
		if c.n != nil && c.f >= closeCandidate*best {
			close = append(close, c.n)
		}
	}
	if len(close) >= minCloseCandidates {
		for p := top.Parent; p != nil && !isRoot(p); p = p.Parent {
			k := 0
			for _, c := range close {
				if within(c, p) {
					k++
				}
			}
			if k >= minCloseCandidates {
				top = p
				break
			}
		}
	}

	// Climb to a parent that scores more than the one below it, through
	// parents that score at least climbFloor of the best.
	last := value(top)
	floor := last * climbFloor
	for p := top.Parent; p != nil && !isRoot(p); p = p.Parent {
		v := value(p)
		if v == 0 {
			continue
		}
		if v < floor {
			break
		}
		if v > last {
			top = p
			break
		}
		last = v
	}

	// Up while what the parent adds reads as more of the article: a body
	// split over boxes (a box a step, a chunk between two ads) whose
	// boxes each score too little to be close candidates.
	for p := top.Parent; p != nil && !isRoot(p); p = p.Parent {
		if !st.addsArticle(st.lookup(top), st.lookup(p)) {
			break
		}
		top = p
	}

	// Wrappers with no other child.
	for p := top.Parent; p != nil && !isRoot(p) && onlyChild(top); p = p.Parent {
		top = p
	}
	return top, true
}

// within reports whether n is p or below it.
func within(n, p *dom.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == p {
			return true
		}
	}
	return false
}

// addsArticle reports whether what parent holds besides child reads as
// more of the article: more sentences than anything else, few links, and
// not mostly named as chrome that rarely holds an article (comments). A
// wrapper that adds up to growSlack characters of anything but links
// passes too: a headline, a byline, a date line.
func (s *stats) addsArticle(child, parent *node) bool {
	add := s.run(parent.first, child.first)
	after := s.run(child.last+1, parent.last+1)
	add.chars += after.chars
	add.prose += after.prose
	add.link += after.link
	// The addition's text under unlikely elements below the parent: an
	// unlikely element above both (a form around the whole page) says
	// nothing of one against the other.
	inChild := child.unlikelyBelow
	if child.unlikely {
		inChild = child.chars
	}
	unlikely := parent.unlikelyBelow - inChild
	if float64(add.link) > maxGrowLinks*float64(add.chars) || 2*unlikely > add.chars {
		return false
	}
	return 2*add.prose >= add.chars-growSlack
}

// isRoot reports the elements a container never climbs to: the page as a
// whole.
func isRoot(n *dom.Node) bool {
	return n.Parent == nil || n.Tag == atom.Body || n.Tag == atom.Html
}

// onlyChild reports whether n is its parent's only element child.
func onlyChild(n *dom.Node) bool {
	for c := n.Parent.FirstChild; c != nil; c = c.Next {
		if c != n && c.Type == dom.Element {
			return false
		}
	}
	return true
}

func isParagraphLike(n *dom.Node) bool {
	switch n.Tag {
	case atom.P, atom.Pre, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Blockquote, atom.Li, atom.Figcaption, atom.Td, atom.Dd, atom.Dt:
		return true
	}
	return false
}

// anchor is where the headline stands among the blocks: a news page sets
// its article right under it, so a container far below it, behind other
// prose, is less likely the article (a site's rules in a hidden dialog at
// the end of the page, a long comment thread).
type anchor struct {
	at int // the headline's block, or -1
	// prose[i] is the characters of the sentence blocks before block i.
	prose []int
}

// newAnchor finds the headline: the first heading that shows one of the
// page's titles, whole or as most of it.
func newAnchor(blocks []block.Block, titles []string) anchor {
	a := anchor{at: -1}
	var keys []string
	for _, t := range titles {
		if k := normalize.SearchKey(t); k != "" {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return a
	}
	for i := range blocks {
		b := &blocks[i]
		if b.Kind != block.Heading || b.Key == "" {
			continue
		}
		for _, k := range keys {
			if sameTitle(b.Key, k) {
				a.at = i
				break
			}
		}
		if a.at >= 0 {
			break
		}
	}
	if a.at < 0 {
		return a
	}
	a.prose = make([]int, len(blocks)+1)
	for i := range blocks {
		a.prose[i+1] = a.prose[i]
		if blocks[i].Sentence {
			a.prose[i+1] += blocks[i].Runes
		}
	}
	return a
}

// sameTitle reports whether a heading's key shows a title's key: one
// holds the other, and the shorter is at least half the longer (a title
// often carries the site's name).
func sameTitle(h, t string) bool {
	return strings.Contains(t, h) && 2*len(h) >= len(t) || strings.Contains(h, t) && 2*len(t) >= len(h)
}

// factor is 1 for a container that holds the headline or stands right
// by it, and falls as the prose between them grows.
func (a anchor) factor(s *node) float64 {
	if a.at < 0 || s.first < 0 {
		return 1
	}
	d := 0
	switch {
	case s.first > a.at:
		d = a.prose[s.first] - a.prose[a.at+1]
	case s.last < a.at:
		d = a.prose[a.at] - a.prose[s.last+1]
	}
	return 1 / (1 + float64(d)/anchorDistance)
}
