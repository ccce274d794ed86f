package dom

// This file freezes the original Parse, built on the x/net/html tokenizer,
// with its own copies of the tables and tree builder, so that a change to
// dom.go cannot change the oracle too.

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// keep lists the attributes extraction reads; the rest are dropped at once.
var refKeep = map[string]bool{
	"id": true, "class": true, "itemprop": true, "itemtype": true, "itemscope": true,
	"property": true, "name": true, "content": true, "href": true, "src": true,
	"datetime": true, "rel": true, "type": true, "lang": true, "dir": true,
	"alt": true, "role": true, "hidden": true, "style": true, "aria-hidden": true,
	"http-equiv": true, "charset": true, "data-src": true, "title": true,
	"srcset": true, "data-srcset": true, "width": true, "height": true, "data-original": true, "data-lazy-src": true,
}

// skipText lists elements whose content is never article text.
var refSkipText = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Textarea: true, atom.Select: true, atom.Option: true, atom.Iframe: true,
	atom.Object: true, atom.Svg: true, atom.Noembed: true,
	atom.Noframes: true, atom.Canvas: true, atom.Button: true,
}

var refVoid = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true,
	atom.Param: true, atom.Source: true, atom.Track: true, atom.Wbr: true,
}

// closesP lists start tags that end an open <p>, as in the HTML5 rules.
var refClosesP = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Details: true, atom.Div: true, atom.Dl: true, atom.Fieldset: true,
	atom.Figcaption: true, atom.Figure: true, atom.Footer: true, atom.Form: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hr: true, atom.Main: true, atom.Menu: true, atom.Nav: true,
	atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true, atom.Table: true,
	atom.Ul: true, atom.Li: true, atom.Dd: true, atom.Dt: true,
}

// scope lists elements past which implied end tags do not reach.
var refScope = map[atom.Atom]bool{
	atom.Table: true, atom.Td: true, atom.Th: true, atom.Caption: true,
	atom.Html: true, atom.Object: true, atom.Template: true, atom.Marquee: true,
	atom.Applet: true, atom.Button: true,
}

// parseReference is the x/net/html-tokenizer implementation Parse replaced,
// kept verbatim as the oracle for the differential tests: the same token
// stream must give the same tree.
func parseReference(src string) *Doc {
	d := &Doc{}
	d.Root = refAlloc(d)
	d.Root.Type = Element
	b := refBuilder{doc: d, stack: make([]*Node, 1, 64)}
	b.stack[0] = d.Root
	z := html.NewTokenizer(strings.NewReader(src))
	z.SetMaxBuf(0)
	var inTitle, inLD bool
	var title, ld strings.Builder
	for {
		tt := z.Next()
		if d.Nodes >= MaxNodes && tt != html.ErrorToken {
			d.Truncated, tt = true, html.ErrorToken
		}
		switch tt {
		case html.ErrorToken:
			d.Title = strings.TrimSpace(title.String())
			return d
		case html.TextToken:
			switch {
			case inTitle:
				title.Write(z.Text())
			case inLD:
				ld.Write(z.Raw())
			case b.skipping > 0:
			default:
				b.text(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			if b.foreign > 0 && refBreaksOut[a] {
				b.leaveForeign()
			}
			var attrs []Attr
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if refKeep[string(k)] {
					attrs = append(attrs, Attr{string(k), string(v)})
				}
			}
			switch a {
			case atom.Title:
				if tt == html.StartTagToken && title.Len() == 0 {
					inTitle = true
				}
				continue
			case atom.Html:
				for _, at := range attrs {
					if at.Key == "lang" && d.Lang == "" {
						d.Lang = at.Val
					}
				}
				continue
			case atom.Head, atom.Body:
				continue
			case atom.Script:
				if tt == html.StartTagToken && refIsLD(attrs) {
					inLD = true
					ld.Reset()
				}
			}
			if tt == html.SelfClosingTagToken || refVoid[a] {
				b.leaf(a, attrs)
				continue
			}
			b.open(a, string(name), attrs)
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if b.foreign > 0 && (a == atom.P || a == atom.Br) {
				b.leaveForeign()
			}
			switch a {
			case atom.Title:
				inTitle = false
				continue
			case atom.Script:
				if inLD {
					inLD = false
					d.JSONLD = append(d.JSONLD, ld.String())
				}
			case atom.Html, atom.Head, atom.Body:
				continue
			case atom.Br:
				// </br> is a <br> in every browser.
				b.leaf(atom.Br, nil)
				continue
			}
			if a != 0 {
				b.close(a)
			} else {
				b.closeUnknown(string(name))
			}
		}
	}
}

// refBreaksOut are the start tags that end SVG and MathML content.
var refBreaksOut = map[atom.Atom]bool{}

func init() {
	for _, t := range strings.Fields("b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var") {
		refBreaksOut[atom.Lookup([]byte(t))] = true
	}
}

// refAlloc stands for the node arena the original drew from.
func refAlloc(d *Doc) *Node {
	d.Nodes++
	return new(Node)
}

func refIsLD(attrs []Attr) bool {
	for _, a := range attrs {
		if a.Key == "type" && strings.EqualFold(strings.TrimSpace(a.Val), "application/ld+json") {
			return true
		}
	}
	return false
}

type refBuilder struct {
	doc   *Doc
	stack []*Node
	// flat counts elements opened past MaxDepth, which were not pushed.
	flat int
	// skipping counts open elements whose text is dropped.
	skipping int
	// foreign counts the open <svg> and <math> elements.
	foreign int
}

func (b *refBuilder) top() *Node { return b.stack[len(b.stack)-1] }

func (b *refBuilder) append(n *Node) {
	p := b.top()
	n.Parent = p
	if p.LastChild == nil {
		p.FirstChild = n
	} else {
		p.LastChild.Next = n
	}
	p.LastChild = n
}

func (b *refBuilder) text(s string) {
	if p := b.top(); p.LastChild != nil && p.LastChild.Type == Text {
		p.LastChild.Data += s
		return
	}
	n := refAlloc(b.doc)
	n.Type = Text
	n.Data = s
	b.append(n)
}

func (b *refBuilder) leaf(a atom.Atom, attrs []Attr) {
	n := refAlloc(b.doc)
	n.Type = Element
	n.Tag = a
	n.Attrs = attrs
	b.append(n)
}

func (b *refBuilder) open(a atom.Atom, name string, attrs []Attr) {
	b.implyEnd(a)
	if len(b.stack) >= MaxDepth {
		b.flat++
		return
	}
	n := refAlloc(b.doc)
	n.Type = Element
	n.Tag = a
	n.Attrs = attrs
	b.append(n)
	b.stack = append(b.stack, n)
	if refSkipText[a] {
		b.skipping++
	}
	if a == 0 {
		n.Data = name
	}
	if a == atom.Svg || a == atom.Math {
		b.foreign++
	}
}

func (b *refBuilder) closeUnknown(name string) {
	for i := len(b.stack) - 1; i > 0; i-- {
		if n := b.stack[i]; n.Tag == 0 && n.Data == name {
			b.popTo(i)
			return
		}
		if refScope[b.stack[i].Tag] {
			return
		}
	}
}

func (b *refBuilder) leaveForeign() {
	for i := len(b.stack) - 1; i > 0; i-- {
		switch b.stack[i].Tag {
		case atom.Foreignobject, atom.Desc, atom.Mi, atom.Mo, atom.Mn, atom.Ms, atom.Mtext, atom.AnnotationXml:
			return
		case atom.Svg, atom.Math:
			b.popTo(i)
			return
		}
	}
}

// implyEnd closes the elements that the start tag a ends implicitly.
func (b *refBuilder) implyEnd(a atom.Atom) {
	switch {
	case a == atom.Li:
		b.closeWithin(atom.Li, atom.Ul, atom.Ol)
	case a == atom.Dt || a == atom.Dd:
		b.closeWithin(atom.Dt, atom.Dl, 0)
		b.closeWithin(atom.Dd, atom.Dl, 0)
	case a == atom.Td || a == atom.Th:
		b.closeWithin(atom.Td, atom.Tr, atom.Table)
		b.closeWithin(atom.Th, atom.Tr, atom.Table)
	case a == atom.Tr:
		b.closeWithin(atom.Td, atom.Tr, atom.Table)
		b.closeWithin(atom.Th, atom.Tr, atom.Table)
		b.closeWithin(atom.Tr, atom.Table, 0)
	case a == atom.Option:
		b.closeWithin(atom.Option, atom.Select, 0)
	}
	if refClosesP[a] {
		b.closeWithin(atom.P, 0, 0)
	}
}

// closeWithin closes the nearest open element a, unless a scope element or
// one of the boundaries comes first.
func (b *refBuilder) closeWithin(a, bound1, bound2 atom.Atom) {
	for i := len(b.stack) - 1; i > 0; i-- {
		t := b.stack[i].Tag
		if t == a {
			b.popTo(i)
			return
		}
		if refScope[t] || (bound1 != 0 && t == bound1) || (bound2 != 0 && t == bound2) {
			return
		}
	}
}

func (b *refBuilder) close(a atom.Atom) {
	if a == atom.P {
		// A stray </p> opens and closes an empty paragraph; nothing to keep.
		b.closeWithin(atom.P, 0, 0)
		return
	}
	for i := len(b.stack) - 1; i > 0; i-- {
		if b.stack[i].Tag == a {
			b.popTo(i)
			return
		}
		if refScope[b.stack[i].Tag] && !refScope[a] {
			break
		}
	}
	if b.flat > 0 {
		b.flat--
	}
}

func (b *refBuilder) popTo(i int) {
	for j := len(b.stack) - 1; j >= i; j-- {
		if refSkipText[b.stack[j].Tag] {
			b.skipping--
		}
		if t := b.stack[j].Tag; t == atom.Svg || t == atom.Math {
			b.foreign--
		}
	}
	b.stack = b.stack[:i]
}
