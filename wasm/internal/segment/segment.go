package segment

import (
	"strings"

	"github.com/nazif/nazif/wasm/internal/dom"
	"golang.org/x/net/html/atom"
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

// Block is a run of text between block boundaries.
type Block struct {
	// Text is the block's text with white space runs collapsed to one space.
	Text string
	Kind Kind
	// Level is the heading level (1–6) of a Heading.
	Level int
	// Elem is the block-level element that holds the text.
	Elem *dom.Node
	// Chars counts the text's bytes; LinkChars those inside links.
	Chars, LinkChars int
	// Bold reports that all the text is inside <b> or <strong>.
	Bold bool
}

// inline lists the elements that do not break a block.
var inline = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true,
	atom.Big: true, atom.Cite: true, atom.Code: true, atom.Data: true, atom.Del: true,
	atom.Dfn: true, atom.Em: true, atom.Font: true, atom.I: true, atom.Ins: true,
	atom.Kbd: true, atom.Label: true, atom.Mark: true, atom.Q: true, atom.S: true,
	atom.Samp: true, atom.Small: true, atom.Span: true, atom.Strike: true,
	atom.Strong: true, atom.Sub: true, atom.Sup: true, atom.Time: true, atom.Tt: true,
	atom.U: true, atom.Var: true, atom.Img: true, atom.Picture: true, atom.Source: true,
	atom.Wbr: true, atom.Nobr: true,
}

// skip lists elements that never hold article text.
var skip = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Textarea: true, atom.Select: true, atom.Option: true, atom.Iframe: true,
	atom.Object: true, atom.Svg: true, atom.Math: true, atom.Noembed: true,
	atom.Noframes: true, atom.Canvas: true, atom.Button: true, atom.Input: true,
	atom.Form: true, atom.Meta: true, atom.Link: true, atom.Head: true,
	atom.Embed: true, atom.Audio: true, atom.Video: true, atom.Map: true,
	atom.Dialog: true,
}

// Hidden reports whether n is hidden from readers by its attributes.
func Hidden(n *dom.Node) bool {
	if n.HasAttr("hidden") || n.Attr("aria-hidden") == "true" {
		return true
	}
	st := n.Attr("style")
	if st == "" {
		return false
	}
	st = strings.ToLower(strings.ReplaceAll(st, " ", ""))
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden")
}

// Blocks cuts the tree under root into blocks, in document order.
func Blocks(root *dom.Node) []Block {
	s := segmenter{}
	s.owner = root
	s.walk(root, 0, 0)
	s.flush()
	return s.blocks
}

type segmenter struct {
	blocks []Block
	buf    []byte
	// link and bold count the bytes of buf written inside <a> and <b>.
	link, bold int
	owner      *dom.Node
	kind       Kind
	level      int
}

func (s *segmenter) flush() {
	t := strings.TrimSpace(string(s.buf))
	if t != "" {
		// Trimming only removes spaces, which are never inside links
		// or bold runs after collapsing; clamp to be safe.
		link, bold := min(s.link, len(t)), min(s.bold, len(t))
		s.blocks = append(s.blocks, Block{
			Text: t, Kind: s.kind, Level: s.level, Elem: s.owner,
			Chars: len(t), LinkChars: link, Bold: bold >= len(t)-countSpaces(t),
		})
	}
	s.buf = s.buf[:0]
	s.link, s.bold = 0, 0
}

func countSpaces(t string) int { return strings.Count(t, " ") }

// kindOf maps a block-level element to the kind of the text directly in it.
func kindOf(n *dom.Node, outer Kind) (Kind, int) {
	switch n.Tag {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return Heading, int(n.Tag.String()[1] - '0')
	case atom.Li, atom.Dd, atom.Dt:
		return ListItem, 0
	case atom.Blockquote:
		return Quote, 0
	case atom.Figcaption, atom.Caption:
		return Caption, 0
	case atom.Td, atom.Th:
		return Cell, 0
	}
	if outer == Quote || outer == Caption || outer == ListItem {
		// A <p> inside a quote or caption keeps the outer meaning.
		return outer, 0
	}
	return Para, 0
}

// walk visits n's children. inLink and inBold count enclosing <a> and <b>.
func (s *segmenter) walk(n *dom.Node, inLink, inBold int) {
	for c := n.FirstChild; c != nil; c = c.Next {
		if c.Type == dom.Text {
			s.appendText(c.Data, inLink > 0, inBold > 0)
			continue
		}
		if skip[c.Tag] || Hidden(c) {
			continue
		}
		switch {
		case c.Tag == atom.Br || c.Tag == atom.Hr:
			s.flush()
		case inline[c.Tag] || c.Tag == 0:
			l, b := inLink, inBold
			if c.Tag == atom.A {
				l++
			}
			if c.Tag == atom.B || c.Tag == atom.Strong {
				b++
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

// appendText adds t to the block with white space collapsed.
func (s *segmenter) appendText(t string, link, bold bool) {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' {
			if len(s.buf) > 0 && s.buf[len(s.buf)-1] != ' ' {
				s.buf = append(s.buf, ' ')
			}
			continue
		}
		s.buf = append(s.buf, c)
		if link {
			s.link++
		}
		if bold {
			s.bold++
		}
	}
}
