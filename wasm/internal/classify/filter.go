package classify

import (
	"strings"
	"time"

	"github.com/nazif/nazif/wasm/internal/block"
	"github.com/nazif/nazif/wasm/internal/dom"
	"github.com/nazif/nazif/wasm/internal/lexicon"
	"golang.org/x/net/html/atom"
)

// include returns the set of elements whose blocks are candidates for the
// body: the top candidate and its adjacent siblings that score well or
// read as prose (a lead paragraph set in a box of its own passes; a deck
// or a teaser without a full stop does not). A sibling named as chrome
// that does not read as prose ends the walk.
//
// When the page has a JSON-LD articleBody, a sibling must also be mostly
// made of its words.
func include(st *stats, top *dom.Node, cov coverage, a anchor) map[*dom.Node]bool {
	in := map[*dom.Node]bool{top: true}
	if top.Parent == nil {
		return in
	}
	// Siblings with no text (an image, a spacer) are passed over, so
	// only the others are listed: a page of a million empty elements
	// beside its article costs no list of a million.
	var kids []*dom.Node
	at := 0
	for c := top.Parent.FirstChild; c != nil; c = c.Next {
		if c == top {
			at = len(kids)
		} else if ss := st.lookup(c); ss == nil || ss.chars == 0 {
			continue
		}
		kids = append(kids, c)
	}
	ts := st.lookup(top)
	threshold := max(siblingFloor, final(ts)*a.factor(ts)*siblingShare)
	for _, step := range []int{-1, 1} {
		for i := at + step; i >= 0 && i < len(kids); i += step {
			s := kids[i]
			ss := st.lookup(s)
			if ss.chrome && !readsAsProse(ss) || cov != nil && !cov.mostly(s) {
				break
			}
			// Prose alone joins, unless named as chrome that rarely
			// holds an article (comments): that must score its way in,
			// and its score was damped.
			if final(ss)*a.factor(ss) >= threshold || ss.other == 0 && ss.prose > 0 && !ss.unlikely {
				in[s] = true
				continue
			}
			if ss.chars < passOver && ss.prose == 0 {
				// A scrap between paragraphs (a dash, a stray symbol, a
				// broken tag's debris) is left out but does not end the
				// article: the paragraphs beyond it still belong.
				continue
			}
			break
		}
	}
	return in
}

// readsAsProse reports whether an element's text is running text: at
// least a third of it is sentences, and few of its characters are links.
// Such an element stays in the article whatever its class says (a
// paragraph class "selectionShareable", a section id
// "sharing-with-a-single-developer").
func readsAsProse(s *node) bool {
	return float64(s.proseChars) >= proseShare*float64(s.chars) && float64(s.link) <= float64(s.chars)*maxChromeLinkDensity
}

// filter marks the body blocks among those under the included elements;
// false when stop ended it.
func filter(blocks []block.Block, st *stats, in map[*dom.Node]bool, now time.Time, stop func() bool) bool {
	first, last := -1, -1
	for i := range blocks {
		if due(i, stop) {
			return false
		}
		b := &blocks[i]
		root := includedRoot(b.Elem, in)
		if root == nil {
			b.Reason = "outside-article"
			continue
		}
		b.Reason = reasonInside(b, st, root, now)
		if b.Reason == "" {
			b.Body = true
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	// A sentence of running text set between two paragraphs of the body
	// is the article's, whatever phrases it uses: chrome stands at the
	// edges of an article or in boxes of its own.
	for i := first + 1; first >= 0 && i < last; i++ {
		if b := &blocks[i]; b.Sentence && b.Words >= sentenceWords && strings.HasPrefix(b.Reason, "boilerplate:") {
			b.Body, b.Reason = true, ""
		}
	}
	// A short bold line inside the body that ends no sentence is a
	// crosshead that the CMS set as a bold paragraph.
	for i := first; first >= 0 && i < last; i++ {
		if b := &blocks[i]; b.Body && i > first && b.Kind == block.Para && b.Bold && b.Words <= crossheadWords && !endsSentence(b.Text) {
			b.Kind, b.Level = block.Heading, 2
		}
	}
	// The lead image's caption stands just above the body, often beside
	// the text container rather than in it.
	for i := max(0, first-leadReach); first >= 0 && i < first; i++ {
		if b := &blocks[i]; b.Reason == "outside-article" && (isCaption(b, st) || besideImage(b)) {
			b.Reason = "caption"
		}
	}
	// Labels left at the edges of the body (a lone "مشاركة").
	for _, i := range []int{first, last} {
		if i < 0 {
			continue
		}
		if b := &blocks[i]; b.Body && b.Kind == block.Para && b.Words <= shortWords && !endsSentence(b.Text) {
			b.Body, b.Reason = false, "short"
		}
	}
	return true
}

func includedRoot(n *dom.Node, in map[*dom.Node]bool) *dom.Node {
	for ; n != nil; n = n.Parent {
		if in[n] {
			return n
		}
	}
	return nil
}

// isCaption reports a figure caption, by its element or its class.
func isCaption(b *block.Block, st *stats) bool {
	if b.Kind == block.Caption {
		return true
	}
	s := st.lookup(b.Elem)
	return s != nil && s.caption && b.Words <= captionWords
}

// besideImage reports a short line set right after an image in the same
// element, the way CMSs print a caption without naming it.
func besideImage(b *block.Block) bool {
	if b.Words > besideWords || endsSentence(b.Text) {
		return false
	}
	for n, k := b.Elem, 0; n != nil && k < imageReach; n, k = n.Parent, k+1 {
		for c := n.FirstChild; c != nil; c = c.Next {
			if c.Tag == atom.Img || c.Tag == atom.Picture {
				return true
			}
			if c.Type == dom.Element && c.FirstChild != nil && c.FirstChild == c.LastChild && c.FirstChild.Tag == atom.Img {
				return true // <a><img></a>
			}
		}
	}
	return false
}

// reasonInside says why a block inside the article is not body, or "".
func reasonInside(b *block.Block, st *stats, root *dom.Node, now time.Time) string {
	if !hasLetters(b.Text) {
		return "no-text"
	}
	if isCaption(b, st) {
		return "caption"
	}
	rs := st.lookup(root)
	for n := b.Elem; n != nil && n != root; n = n.Parent {
		// A subtree that holds most of the article is the article,
		// whatever it is named.
		if s := st.lookup(n); s != nil && s.chrome && s.weight <= 0 && !readsAsProse(s) && 2*s.chars < rs.chars {
			return "class:" + chromeName(n)
		}
	}
	if _, ok := b.Credit(); ok {
		return "credit"
	}
	if r := boilerplate(b); r != "" {
		return r
	}
	// A heading, a list item or a sentence may link somewhere (a blog's
	// roundup of links: "Here's our <a>year in review</a>!"); one that is
	// all link is a teaser for another article.
	if ld := b.LinkDensity(); ld > maxLinkDensity && (ld >= teaserLinks || b.Kind != block.Heading && b.Kind != block.ListItem && !endsSentence(b.Text)) {
		return "links"
	}
	if strings.Contains(b.Text, "©") && b.Words <= dateWords {
		return "copyright"
	}
	if _, ok := b.Byline(now); ok {
		return "byline"
	}
	if b.Words <= dateWords && !endsSentence(b.Text) {
		if ms := b.Dates(now); len(ms) > 0 {
			return "date"
		}
	}
	return ""
}

// reasonOnPage says why a block of a page with no article is not its
// text, or "": links, chrome phrases and blocks with no letters are not.
func reasonOnPage(b *block.Block) string {
	switch {
	case !hasLetters(b.Text):
		return "no-text"
	case b.LinkDensity() > maxLinkDensity:
		return "links"
	}
	return boilerplate(b)
}

// boilerplate matches the phrase lexicon on the block's search key. A
// strong phrase marks a short block, a long one it covers much of, or one
// with other phrases besides. (filter keeps such a sentence when it stands
// between two paragraphs of the body: an article may well discuss
// "third-party cookies" and "terms of service".)
func boilerplate(b *block.Block) string {
	c, hits := lexicon.Scan(nil, b.Key)
	if len(hits) == 0 {
		return ""
	}
	cov := float64(c.Covered) / float64(c.Words) // a hit holds a word: Words > 0
	for _, h := range hits {
		if h.Strong && (b.Words <= chromeWords || cov >= strongCover || len(hits) >= 2) {
			return "boilerplate:" + h.Cat.String()
		}
	}
	if cov >= weakCover {
		return "boilerplate:" + hits[0].Cat.String()
	}
	return ""
}
