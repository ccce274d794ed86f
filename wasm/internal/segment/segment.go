package segment

import (
	"slices"
	"strings"
	"unicode"

	"github.com/nazif/nazif/wasm/internal/block"
	"github.com/nazif/nazif/wasm/internal/dom"
	"golang.org/x/net/html/atom"
)

// inlineTag reports the elements that do not break a block. A switch, not
// a map: in wasm, hashing the atom of every element showed in profiles.
func inlineTag(a atom.Atom) bool {
	switch a {
	case atom.A, atom.Abbr, atom.B, atom.Bdi, atom.Bdo, atom.Big, atom.Cite,
		atom.Code, atom.Data, atom.Del, atom.Dfn, atom.Em, atom.Font, atom.I,
		atom.Ins, atom.Kbd, atom.Label, atom.Mark, atom.Q, atom.S, atom.Samp,
		atom.Small, atom.Span, atom.Strike, atom.Strong, atom.Sub, atom.Sup,
		atom.Time, atom.Tt, atom.U, atom.Var, atom.Img, atom.Picture, atom.Source,
		atom.Wbr, atom.Nobr, atom.Math:
		return true
	}
	return false
}

// skipTag reports the elements that never hold article text. A <form> is
// not one of them: ASP.NET WebForms and many CMSs wrap the whole page in
// one, so it is a container and only its controls are skipped. A MathML
// formula is text the reader sees, set inline; its annotations (the TeX
// source) are not.
func skipTag(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Textarea,
		atom.Select, atom.Option, atom.Iframe, atom.Object, atom.Svg,
		atom.Annotation, atom.AnnotationXml,
		atom.Noembed, atom.Noframes, atom.Canvas, atom.Button, atom.Input,
		atom.Meta, atom.Link, atom.Head, atom.Embed, atom.Audio, atom.Video,
		atom.Map, atom.Dialog:
		return true
	}
	return false
}

// Page is a page cut into blocks, with the images and the hyperlinks that
// stand among them.
type Page struct {
	Blocks []block.Block
	// Images are the <img> elements a reader sees, in document order.
	Images []Image
	// Links are the hyperlinks in the blocks' text, in document order.
	Links []Link
}

// Image is an <img> and where it stands among the blocks.
type Image struct {
	Elem *dom.Node
	// At is the index of the first block after the image: it stands
	// between blocks At-1 and At. An image set inside a block's text
	// stands after that block, as a reader view shows it.
	At int
}

// Link is a hyperlink in a block's text: an <a> whose href leads off
// the page (see linkWeight), not a placeholder, an anchor in the page or
// a javascript: button.
type Link struct {
	// Block is the index of the block in Page.Blocks.
	Block int
	// Start and End bound, in bytes of the block's Text, the link's text
	// without the spaces around it. A link that spans a block boundary
	// (an <a> around paragraphs) gives a Link in each block.
	Start, End int
	// Href is the href attribute as the page wrote it.
	Href string
}

// Blocks cuts the tree under root into blocks, in document order.
func Blocks(root *dom.Node) []block.Block {
	p, _ := Cut(root, nil)
	return p.Blocks
}

// checkEvery is how many nodes Cut visits between two calls of its stop
// function.
const checkEvery = 4096

// BlocksUntil is Blocks with a way out, as Cut has.
func BlocksUntil(root *dom.Node, stop func() bool) ([]block.Block, bool) {
	p, ok := Cut(root, stop)
	return p.Blocks, ok
}

// Cut cuts the tree under root into blocks, in document order, and finds
// the images and hyperlinks among them. Every checkEvery nodes it calls
// stop (when not nil), and when stop returns true it gives up, returning
// false and an empty Page.
func Cut(root *dom.Node, stop func() bool) (Page, bool) {
	s := segmenter{stop: stop, href: -1}
	s.owner = root
	s.walk(root, 0, 0)
	if s.stopped {
		return Page{}, false
	}
	s.flush()
	return Page{Blocks: s.blocks, Images: s.images, Links: s.links}, true
}

type segmenter struct {
	blocks []block.Block
	images []Image
	links  []Link
	buf    []byte
	// link and bold count the bytes of buf written inside <a> and <b>.
	link, bold int
	// href indexes, in links, the Link of the <a> being walked, or is -1
	// outside one; its Start is -1 until text comes. pending counts the
	// Links and images (by index) of the block in buf, whose offsets and
	// places are set when it is flushed.
	href         int
	pendingLinks int
	pendingImgs  int
	owner        *dom.Node
	kind         block.Kind
	level        int
	// math counts the open <math> elements.
	math int
	// stop, nodes and stopped: the way out, the nodes visited, and
	// whether stop said so.
	stop    func() bool
	nodes   int
	stopped bool
}

func (s *segmenter) flush() {
	full := string(s.buf)
	t := strings.TrimSpace(full)
	if t != "" {
		// Trimming only removes spaces, which are never inside links
		// or bold runs after collapsing; clamp to be safe.
		link, bold := min(s.link, len(t)), min(s.bold, len(t))
		if len(s.blocks) == cap(s.blocks) {
			// Double, not append's 1.25x: a page of a million short
			// blocks would otherwise allocate five times their size.
			s.blocks = slices.Grow(s.blocks, max(len(s.blocks), 16))
		}
		s.blocks = append(s.blocks, block.Block{
			Text: t, Kind: s.kind, Level: s.level, Elem: s.owner,
			Chars: len(t), LinkChars: link, Bold: bold > 0 && bold >= len(t)-countSpaces(t),
		})
	}
	if s.pendingLinks > 0 || s.href >= 0 {
		s.placeLinks(len(full)-len(strings.TrimLeftFunc(full, unicode.IsSpace)), len(t))
	}
	// An image inside the block's text stands after the block.
	for i := len(s.images) - s.pendingImgs; i < len(s.images); i++ {
		s.images[i].At = len(s.blocks)
	}
	s.pendingImgs = 0
	s.buf = s.buf[:0]
	s.link, s.bold = 0, 0
}

// placeLinks sets the offsets of the block's pending Links in its trimmed
// text, which starts lead bytes into buf (TrimSpace may take a no-break
// space there, which collapsing leaves) and is n bytes long, dropping
// those with no text left. A link still open goes on in the next block.
func (s *segmenter) placeLinks(lead, n int) {
	open := -1
	keep := len(s.links) - s.pendingLinks
	for i := keep; i < len(s.links); i++ {
		l := s.links[i]
		if i == s.href {
			open = i
			if l.Start < 0 {
				continue // no text in this block
			}
		}
		l.Start, l.End = max(l.Start-lead, 0), min(l.End-lead, n)
		if l.Start >= l.End || n == 0 {
			continue
		}
		l.Block = len(s.blocks) - 1
		s.links[keep] = l
		keep++
	}
	if open >= 0 {
		// The link goes on past the block: a new Link in the next one.
		s.links = append(s.links[:keep], Link{Start: -1, End: -1, Href: s.links[open].Href})
		s.href, s.pendingLinks = keep, 1
		return
	}
	s.links = s.links[:keep]
	s.pendingLinks = 0
}

func countSpaces(t string) int { return strings.Count(t, " ") }

// kindOf maps a block-level element to the kind of the text directly in it.
func kindOf(n *dom.Node, outer block.Kind) (block.Kind, int) {
	switch n.Tag {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return block.Heading, int(n.Tag.String()[1] - '0')
	case atom.Li, atom.Dd, atom.Dt:
		return block.ListItem, 0
	case atom.Blockquote:
		return block.Quote, 0
	case atom.Figcaption, atom.Caption:
		return block.Caption, 0
	case atom.Td, atom.Th:
		return block.Cell, 0
	}
	if outer == block.Quote || outer == block.Caption || outer == block.ListItem {
		// A <p> inside a quote or caption keeps the outer meaning.
		return outer, 0
	}
	return block.Para, 0
}

// walk visits n's children. inLink is the weight, in tenths, of the
// innermost enclosing link (see linkWeight), inBold counts enclosing <b>.
func (s *segmenter) walk(n *dom.Node, inLink, inBold int) {
	for c := n.FirstChild; c != nil && !s.stopped; c = c.Next {
		if s.nodes++; s.stop != nil && s.nodes%checkEvery == 0 && s.stop() {
			s.stopped = true
			return
		}
		if c.Type == dom.Text {
			s.appendText(c.Data, inLink, inBold > 0)
			continue
		}
		if skipTag(c.Tag) || dom.Hidden(c) {
			continue
		}
		switch {
		case c.Tag == atom.Br || c.Tag == atom.Hr:
			s.flush()
		case inlineTag(c.Tag) || c.Tag == 0 || s.math > 0:
			l, b := inLink, inBold
			if c.Tag == atom.Img {
				s.image(c)
				continue
			}
			if c.Tag == atom.A {
				if w := linkWeight(c); w > 0 {
					l = w
				}
				if l == 10 && s.href < 0 {
					// A hyperlink, not inside another one (a nested
					// <a> is invalid HTML, and the outer one is what
					// a browser follows).
					s.openLink(c.Attr("href"))
					s.walk(c, l, b)
					s.closeLink()
					continue
				}
			}
			if c.Tag == atom.B || c.Tag == atom.Strong {
				b++
			}
			if c.Tag == atom.Math {
				// Every element of a formula is inline: <mi>, <mrow> …
				s.math++
				s.walk(c, l, b)
				s.math--
				continue
			}
			s.walk(c, l, b)
		default:
			s.flush()
			owner, kind, level := s.owner, s.kind, s.level
			s.owner = c
			s.kind, s.level = kindOf(c, kind)
			s.walk(c, inLink, inBold)
			s.flush()
			s.owner, s.kind, s.level = owner, kind, level
		}
	}
}

// linkWeight is how much the text of an <a> counts as link text, in
// tenths: all of it for a hyperlink, 3 tenths for a link within the page
// ("#notes", a footnote mark, a table of contents; Readability's weight),
// none for an <a> without href (a placeholder or a named anchor) or a
// javascript: one (a button).
func linkWeight(a *dom.Node) int {
	for _, at := range a.Attrs {
		if at.Key != "href" {
			continue
		}
		h := strings.TrimSpace(at.Val)
		switch {
		case len(h) >= len("javascript:") && strings.EqualFold(h[:len("javascript:")], "javascript:"):
			return 0
		case len(h) > 1 && h[0] == '#':
			return 3
		}
		return 10
	}
	return 0
}

// image records an <img> where it stands: before the block to come, or
// after the block in buf when it is set inside its text.
func (s *segmenter) image(n *dom.Node) {
	s.images = append(s.images, Image{Elem: n, At: len(s.blocks)})
	if len(s.buf) > 0 {
		s.pendingImgs++
	}
}

// openLink starts the Link of a hyperlink with the given href.
func (s *segmenter) openLink(href string) {
	s.href = len(s.links)
	s.links = append(s.links, Link{Start: -1, End: -1, Href: href})
	s.pendingLinks++
}

// closeLink ends the open Link; one that met no text is dropped.
func (s *segmenter) closeLink() {
	if s.links[s.href].Start < 0 {
		s.links = s.links[:s.href]
		s.pendingLinks--
	}
	s.href = -1
}

// appendText adds t to the block with white space collapsed.
func (s *segmenter) appendText(t string, link int, bold bool) {
	// first and last bound the text appended, without the spaces around
	// it: a link's or bold run's own spaces count as its text, so that a
	// block that is all link has a link density of 1.
	// Bold is told by letters alone, as Block.Bold compares them with
	// the block's letters: inner counts the spaces between first and last.
	first, last, inner, pending := -1, -1, 0, 0
	for i := 0; i < len(t); {
		if collapse[t[i]] {
			if len(s.buf) > 0 && s.buf[len(s.buf)-1] != ' ' {
				s.buf = append(s.buf, ' ')
				pending++
			}
			i++
			continue
		}
		// Append a whole run at once: in wasm, an append per byte was
		// the segmenter's main cost.
		j := i + 1
		for j < len(t) && !collapse[t[j]] {
			j++
		}
		if first < 0 {
			first = len(s.buf)
		} else {
			inner += pending
		}
		pending = 0
		s.buf = append(s.buf, t[i:j]...)
		last = len(s.buf)
		i = j
	}
	if n := last - first; first >= 0 && n > 0 {
		if s.href >= 0 {
			if l := &s.links[s.href]; l.Start < 0 {
				l.Start = first
			}
			s.links[s.href].End = last
		}
		if link > 0 {
			s.link += n * link / 10
		}
		if bold {
			s.bold += n - inner
		}
	}
}

// collapse marks the ASCII white space that appendText collapses.
var collapse = [256]bool{' ': true, '\n': true, '\t': true, '\r': true, '\f': true}
