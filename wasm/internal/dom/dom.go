package dom

import (
	"strings"

	"golang.org/x/net/html/atom"
)

// MaxDepth is the deepest nesting the tree keeps. Elements opened deeper
// are flattened into the element at MaxDepth: their text survives, their
// structure does not.
const MaxDepth = 256

// MaxNodes bounds the nodes a tree keeps; the page past the node that
// reaches it is not read, and Doc.Truncated says so. It is twenty times
// the largest news page we have seen, and keeps a flood of tiny elements
// (two bytes of markup each make a node) from taking memory out of all
// proportion to the page: every later stage spends a few hundred bytes a
// node.
const MaxNodes = 1 << 18

// Type tells elements from text.
type Type uint8

// The node types.
const (
	Element Type = iota
	Text
)

// Attr is one attribute kept from the source.
type Attr struct {
	Key, Val string
}

// Node is an element or a text node.
type Node struct {
	Type Type
	// Tag is the element's atom, or 0 for an unknown element.
	Tag atom.Atom
	// Data is the text of a text node (entities decoded).
	Data string
	// Attrs holds the attributes extraction reads (see keep).
	Attrs []Attr

	Parent, FirstChild, LastChild, Next *Node

	// ID numbers the nodes of a Doc from 1, in the order Parse made them,
	// so that later stages can keep per-node data in a slice instead of
	// a map keyed by pointer. It is 0 for a node Parse did not make.
	ID int32
}

// Attr returns the value of the attribute key, or "".
func (n *Node) Attr(key string) string {
	for _, a := range n.Attrs {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// ClassID returns the class and id attributes in one pass: the pair that
// class and id hints read on every element.
func (n *Node) ClassID() (class, id string) {
	var seen uint8
	for _, a := range n.Attrs {
		switch {
		case a.Key == "class" && seen&1 == 0:
			class, seen = a.Val, seen|1
		case a.Key == "id" && seen&2 == 0:
			id, seen = a.Val, seen|2
		}
	}
	return class, id
}

// HasAttr reports whether the attribute is present.
func (n *Node) HasAttr(key string) bool {
	for _, a := range n.Attrs {
		if a.Key == key {
			return true
		}
	}
	return false
}

// Doc is a parsed page.
type Doc struct {
	// Root is a synthetic element holding the whole page.
	Root *Node
	// Title is the text of <title>.
	Title string
	// JSONLD holds the text of every <script type="application/ld+json">.
	JSONLD []string
	// Lang is the lang attribute of <html>.
	Lang string
	// Nodes counts the nodes kept.
	Nodes int
	// Truncated: the page has more than MaxNodes nodes, and the tree holds
	// only what came before.
	Truncated bool
}

// Flags of element atoms, for the tokenizer and the tree builder.
const (
	// fSkip: the content is never article text.
	fSkip uint8 = 1 << iota
	// fVoid: the element has no end tag.
	fVoid
	// fClosesP: the start tag ends an open <p>, as in the HTML5 rules.
	fClosesP
	// fScope: implied end tags do not reach past the element.
	fScope
	// fImply: the start tag may end open elements (see implyEnd).
	fImply
	// fSpecial: Parse treats the tag apart (title, html, ...).
	fSpecial
	// fP marks <p>, whose open count spares most closeWithin walks.
	fP
	// fRaw: the tokenizer reads the element's content as raw text.
	fRaw
)

var flagged = [...]struct {
	f    uint8
	tags []atom.Atom
}{
	{fSkip, []atom.Atom{
		atom.Script, atom.Style, atom.Noscript, atom.Template,
		atom.Textarea, atom.Select, atom.Option, atom.Iframe,
		atom.Object, atom.Svg, atom.Noembed,
		atom.Noframes, atom.Canvas, atom.Button,
	}},
	{fVoid, []atom.Atom{
		atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed,
		atom.Hr, atom.Img, atom.Input, atom.Link, atom.Meta,
		atom.Param, atom.Source, atom.Track, atom.Wbr,
	}},
	{fClosesP, []atom.Atom{
		atom.Address, atom.Article, atom.Aside, atom.Blockquote,
		atom.Details, atom.Div, atom.Dl, atom.Fieldset,
		atom.Figcaption, atom.Figure, atom.Footer, atom.Form,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Header, atom.Hr, atom.Main, atom.Menu, atom.Nav,
		atom.Ol, atom.P, atom.Pre, atom.Section, atom.Table,
		atom.Ul, atom.Li, atom.Dd, atom.Dt,
	}},
	{fScope, []atom.Atom{
		atom.Table, atom.Td, atom.Th, atom.Caption,
		atom.Html, atom.Object, atom.Template, atom.Marquee,
		atom.Applet, atom.Button,
	}},
	{fImply, []atom.Atom{
		atom.Li, atom.Dt, atom.Dd, atom.Td, atom.Th, atom.Tr, atom.Option,
	}},
	{fSpecial, []atom.Atom{
		atom.Title, atom.Html, atom.Head, atom.Body, atom.Script, atom.Br,
	}},
	{fP, []atom.Atom{atom.P}},
	{fRaw, []atom.Atom{
		atom.Iframe, atom.Noembed, atom.Noframes, atom.Noscript, atom.Plaintext,
		atom.Script, atom.Style, atom.Textarea, atom.Title, atom.Xmp,
	}},
}

// tagFlags maps the flagged atoms to their flags. The tokenizer caches
// the flags of the tags it meets, so this is read once per tag name.
var tagFlags = func() map[atom.Atom]uint8 {
	m := make(map[atom.Atom]uint8)
	for _, g := range flagged {
		for _, a := range g.tags {
			m[a] |= g.f
		}
	}
	return m
}()

func flagsOf(a atom.Atom) uint8 { return tagFlags[a] }

// Parse builds the tree of an HTML page. It never fails: broken markup
// gives the best tree the tokenizer allows.
func Parse(src string) *Doc {
	d, _ := ParseUntil(src, nil)
	return d
}

// checkEvery is how many tokens ParseUntil reads between two calls of its
// stop function: a clock read costs a host call in wasm, a token does not.
const checkEvery = 4096

// ParseUntil is Parse with a way out: every checkEvery tokens it calls
// stop (when not nil), and when stop returns true it gives up, returning
// the partial tree and false.
func ParseUntil(src string, stop func() bool) (*Doc, bool) {
	d := &Doc{}
	b := builder{doc: d}
	d.Root = b.alloc()
	d.Root.Type = Element
	b.stack[0], b.depth = d.Root, 1
	z := newTokenizer(src)
	var inTitle, inLD bool
	// Both usually gather one chunk, which then costs no copy.
	var title, ld string
	// The stores to b.lastTop and b.stack stay in this function, where the
	// compiler knows b is on the stack and needs no write barrier.
	for count := 1; ; count++ {
		if stop != nil && count%checkEvery == 0 && stop() {
			b.popTo(0)
			return d, false
		}
		tt := z.next()
		if d.Nodes >= MaxNodes && tt != eofToken {
			d.Truncated, tt = true, eofToken
		}
		switch tt {
		case eofToken:
			b.popTo(0)
			d.Title = strings.TrimSpace(title)
			return d, true
		case textToken:
			switch {
			case inTitle:
				title += z.text()
			case inLD:
				ld += z.raw()
			case b.skipping > 0:
			default:
				if n := b.text(z.text()); n != nil {
					b.lastTop, b.lastUp = n, false
				}
			}
		case startTagToken, selfClosingTagToken:
			a, f := z.tag, z.flags
			if b.foreign > 0 && breaksOut(a) {
				b.leaveForeign()
			}
			if f&fSpecial != 0 {
				switch a {
				case atom.Title:
					if tt == startTagToken && title == "" {
						inTitle = true
					}
					continue
				case atom.Html:
					for _, at := range z.attrs() {
						if at.Key == "lang" && d.Lang == "" {
							d.Lang = at.Val
						}
					}
					continue
				case atom.Head, atom.Body:
					continue
				case atom.Script:
					if tt == startTagToken && isLD(z.attrs()) {
						inLD = true
						ld = ""
					}
				}
			}
			if tt == selfClosingTagToken || f&fVoid != 0 {
				b.lastTop, b.lastUp = b.leaf(a, z.keepAttrs()), false
				continue
			}
			if n := b.open(a, f, &z); n != nil {
				b.stack[b.depth] = n
				b.lastTop, b.lastUp = nil, false
				b.push(f)
				if a == 0 {
					n.Data = z.tagName()
				} else if a == atom.Svg || a == atom.Math {
					b.foreign++
				}
			}
		case endTagToken:
			a, f := z.tag, z.flags
			if b.foreign > 0 && (a == atom.P || a == atom.Br) {
				b.leaveForeign()
			}
			if f&fSpecial != 0 {
				switch a {
				case atom.Title:
					inTitle = false
					continue
				case atom.Script:
					if inLD {
						inLD = false
						d.JSONLD = append(d.JSONLD, ld)
					}
				case atom.Html, atom.Head, atom.Body:
					continue
				case atom.Br:
					// </br> is a <br> in every browser.
					b.lastTop, b.lastUp = b.leaf(atom.Br, nil), false
					continue
				}
			}
			if a != 0 {
				b.close(a, f)
			} else {
				b.closeUnknown(z.tagName())
			}
		}
	}
}

// breaksOut reports the start tags that end SVG or MathML content in the
// HTML5 rules: a browser leaves an unclosed <svg> at the next <p>, so the
// text after it is page text, not the drawing's.
func breaksOut(a atom.Atom) bool {
	switch a {
	case atom.B, atom.Big, atom.Blockquote, atom.Body, atom.Br, atom.Center,
		atom.Code, atom.Dd, atom.Div, atom.Dl, atom.Dt, atom.Em, atom.Embed,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Head,
		atom.Hr, atom.I, atom.Img, atom.Li, atom.Listing, atom.Menu,
		atom.Meta, atom.Nobr, atom.Ol, atom.P, atom.Pre, atom.Ruby, atom.S,
		atom.Small, atom.Span, atom.Strong, atom.Strike, atom.Sub,
		atom.Sup, atom.Table, atom.Tt, atom.U, atom.Ul, atom.Var:
		return true
	}
	return false
}

func isLD(attrs []Attr) bool {
	for _, a := range attrs {
		if a.Key == "type" && strings.EqualFold(strings.TrimSpace(a.Val), "application/ld+json") {
			return true
		}
	}
	return false
}

// builder holds the open elements. It lives on Parse's stack: while the
// GC marks, every pointer store into the heap, or through a pointer whose
// target the compiler cannot see, pays a write barrier, and a page makes
// tens of thousands of them. So the builder's own pointers are stored by
// Parse itself, and a node's LastChild is written once, when it closes.
type builder struct {
	doc *Doc
	// stack[:depth] holds the open elements, stack[0] the root, and flags
	// their flagsOf. Elements past MaxDepth are never pushed.
	stack [MaxDepth]*Node
	flags [MaxDepth]uint8
	depth int
	// The last child so far of stack[j] is stack[j+1], except for the top
	// element: its last child is stack[depth] if lastUp (the element just
	// closed), else lastTop.
	lastTop *Node
	lastUp  bool
	// flat counts elements opened past MaxDepth, which were not pushed.
	flat int
	// skipping counts open elements whose text is dropped.
	skipping int
	// paras counts the open <p> elements.
	paras int
	// foreign counts the open <svg> and <math> elements.
	foreign int
	// nodes[used:] is the free part of an arena of nodes.
	nodes []Node
	used  int
	// pend gathers the text of pendNode, the last text node, when its text
	// comes in pieces (around comments): joining them one at a time would
	// copy the text again for each piece, quadratic on a hostile page.
	pend     []byte
	pendNode *Node
}

func (b *builder) alloc() *Node {
	if b.used == len(b.nodes) {
		// Chunks grow from 32 to 256 nodes: a small page allocates little,
		// a big one makes few allocations.
		b.nodes, b.used = make([]Node, min(max(2*len(b.nodes), 32), 256)), 0
	}
	n := &b.nodes[b.used]
	b.used++
	b.doc.Nodes++
	n.ID = int32(b.doc.Nodes)
	return n
}

// lastChild returns the last child so far of the top element.
func (b *builder) lastChild() *Node {
	if b.lastUp {
		return b.stack[b.depth]
	}
	return b.lastTop
}

// child appends a new node to the top element; the caller records it in
// b.lastTop.
func (b *builder) child(t Type, a atom.Atom) *Node {
	if b.pendNode != nil {
		b.flush()
	}
	n := b.alloc()
	n.Type, n.Tag = t, a
	p := b.stack[b.depth-1]
	n.Parent = p
	if l := b.lastChild(); l == nil {
		p.FirstChild = n
	} else {
		l.Next = n
	}
	return n
}

// text appends text to the top element, or to its last child if that is
// text already; it returns the new node, or nil.
func (b *builder) text(s string) *Node {
	if l := b.lastChild(); l != nil && l.Type == Text {
		if b.pendNode != l {
			b.pend = append(b.pend[:0], l.Data...)
			b.pendNode = l
		}
		b.pend = append(b.pend, s...)
		return nil
	}
	n := b.child(Text, 0)
	n.Data = s
	return n
}

func (b *builder) leaf(a atom.Atom, attrs []Attr) *Node {
	n := b.child(Element, a)
	if attrs != nil {
		n.Attrs = attrs
	}
	return n
}

// open starts an element, taking its attributes from z if it is kept. It
// returns the node for Parse to push, or nil past MaxDepth.
func (b *builder) open(a atom.Atom, f uint8, z *tokenizer) *Node {
	if f&(fImply|fClosesP) != 0 {
		b.implyEnd(a, f)
	}
	if b.depth >= MaxDepth {
		b.flat++
		return nil
	}
	return b.leaf(a, z.keepAttrs())
}

// push completes the push of an element, with flagsOf f, whose pointers
// Parse stored.
func (b *builder) push(f uint8) {
	b.flags[b.depth] = f
	b.depth++
	if f&fSkip != 0 {
		b.skipping++
	}
	if f&fP != 0 {
		b.paras++
	}
}

// implyEnd closes the elements that the start tag a ends implicitly.
func (b *builder) implyEnd(a atom.Atom, f uint8) {
	switch a {
	case atom.Li:
		b.closeWithin(atom.Li, atom.Ul, atom.Ol)
	case atom.Dt, atom.Dd:
		b.closeWithin(atom.Dt, atom.Dl, 0)
		b.closeWithin(atom.Dd, atom.Dl, 0)
	case atom.Td, atom.Th:
		b.closeWithin(atom.Td, atom.Tr, atom.Table)
		b.closeWithin(atom.Th, atom.Tr, atom.Table)
	case atom.Tr:
		b.closeWithin(atom.Td, atom.Tr, atom.Table)
		b.closeWithin(atom.Th, atom.Tr, atom.Table)
		b.closeWithin(atom.Tr, atom.Table, 0)
	case atom.Option:
		b.closeWithin(atom.Option, atom.Select, 0)
	}
	if f&fClosesP != 0 && b.paras > 0 {
		b.closeWithin(atom.P, 0, 0)
	}
}

// closeWithin closes the nearest open element a, unless a scope element or
// one of the boundaries comes first.
func (b *builder) closeWithin(a, bound1, bound2 atom.Atom) {
	for i := b.depth - 1; i > 0; i-- {
		t := b.stack[i].Tag
		if t == a {
			b.popTo(i)
			return
		}
		if b.flags[i]&fScope != 0 || (bound1 != 0 && t == bound1) || (bound2 != 0 && t == bound2) {
			return
		}
	}
}

// close handles the end tag of a, whose flagsOf is f.
func (b *builder) close(a atom.Atom, f uint8) {
	if a == atom.P {
		// A stray </p> opens and closes an empty paragraph; nothing to keep.
		if b.paras > 0 {
			b.closeWithin(atom.P, 0, 0)
		}
		return
	}
	scoped := f&fScope != 0
	for i := b.depth - 1; i > 0; i-- {
		if b.stack[i].Tag == a {
			b.popTo(i)
			return
		}
		if b.flags[i]&fScope != 0 && !scoped {
			break
		}
	}
	if b.flat > 0 {
		b.flat--
	}
}

// closeUnknown handles the end tag of an element with no atom, matching
// the open elements by name as written, case aside.
func (b *builder) closeUnknown(name string) {
	for i := b.depth - 1; i > 0; i-- {
		if n := b.stack[i]; n.Tag == 0 && strings.EqualFold(n.Data, name) {
			b.popTo(i)
			return
		}
		if b.flags[i]&fScope != 0 {
			return
		}
	}
}

// leaveForeign closes the innermost <svg> or <math> and everything in it,
// unless an integration point (an SVG <foreignObject> or <desc>, a MathML
// text element) inside it holds HTML content already.
func (b *builder) leaveForeign() {
	for i := b.depth - 1; i > 0; i-- {
		switch b.stack[i].Tag {
		case atom.Foreignobject, atom.Desc, atom.Mi, atom.Mo, atom.Mn, atom.Ms, atom.Mtext, atom.AnnotationXml:
			return
		case atom.Svg, atom.Math:
			b.popTo(i)
			return
		}
	}
}

// flush sets the text gathered in pend.
func (b *builder) flush() {
	b.pendNode.Data = string(b.pend)
	b.pendNode = nil
}

// popTo closes the open elements from stack[i] up.
func (b *builder) popTo(i int) {
	if b.pendNode != nil {
		b.flush()
	}
	for j := b.depth - 1; j >= i; j-- {
		if j == b.depth-1 {
			b.stack[j].LastChild = b.lastChild()
		} else {
			b.stack[j].LastChild = b.stack[j+1]
		}
		if b.flags[j]&fSkip != 0 {
			b.skipping--
		}
		if b.flags[j]&fP != 0 {
			b.paras--
		}
		if t := b.stack[j].Tag; t == atom.Svg || t == atom.Math {
			b.foreign--
		}
	}
	b.depth, b.lastUp = i, true
}

// Hidden reports whether n is hidden from readers by its attributes.
func Hidden(n *Node) bool {
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
