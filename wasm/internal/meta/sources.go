package meta

import (
	"strings"

	"github.com/nazif/nazif/wasm/internal/classwords"
	"github.com/nazif/nazif/wasm/internal/dom"
	"golang.org/x/net/html/atom"
)

// tags holds the page's <meta> values by lowercased property, name or
// itemprop, first value first.
type tags map[string][]string

func (t tags) get(keys ...string) string {
	for _, k := range keys {
		for _, v := range t[k] {
			if v = strings.TrimSpace(v); v != "" {
				return unescapeTwice(v)
			}
		}
	}
	return ""
}

// unescapeTwice decodes entities that a CMS escaped twice («&amp;nbsp;»
// arrives as «&nbsp;» after the attribute is decoded once).
func unescapeTwice(s string) string {
	if strings.Contains(s, "&") && strings.Contains(s, ";") {
		return dom.UnescapeString(s)
	}
	return s
}

// index is everything metadata reads from the tree, gathered in one walk
// so that each element's class and id are lowercased once.
type index struct {
	tags      tags
	canonical string
	// base is the href of the first <base> that has one; baseSeen tells
	// whether there was one.
	base     string
	baseSeen bool
	// items are the elements with itemprop or property attributes.
	items []*dom.Node
	// h1s are the texts of the visible <h1> elements, in order.
	h1s []string
	// crumbs are the items of the first breadcrumb; crumbSeen tells
	// whether there was one.
	crumbs    []string
	crumbSeen bool
	// authors are the texts of visible elements named as author or byline.
	authors []string
	// pubTime is the datetime of the first <time> marked as publication.
	pubTime string
	// nav is the menu item marked as current.
	nav string
	// stop, elements and stopped: the way out, the elements visited, and
	// whether stop said so.
	stop     func() bool
	elements int
	stopped  bool
}

// classFlags are what the walk reads from an element's class and id.
type classFlags uint8

const (
	classCrumb     classFlags = 1 << iota // a breadcrumb
	classAuthor                           // a byline, not an author box or bio
	classNotAuthor                        // an author box or bio
	classNav                              // a menu
	classPublish                          // a publication date
)

// classWords are the words class and id are read for, matched whole
// (classwords): pages name their chrome in class names, and the walk asks
// every element.
var classWords = classwords.New([]classwords.Entry{
	{Word: "crumb", Prefix: true, Flags: uint32(classCrumb)},
	{Word: "breadcrumb", Prefix: true, Flags: uint32(classCrumb)},
	{Word: "byline", Prefix: true, Flags: uint32(classAuthor)},
	{Word: "author", Prefix: true, Flags: uint32(classAuthor)},
	{Word: "writer", Prefix: true, Flags: uint32(classAuthor)},
	{Word: "kateb", Flags: uint32(classAuthor)},
	// An author box or bio is about the writer, not a byline.
	{Word: "box", Flags: uint32(classNotAuthor)},
	{Word: "bio", Prefix: true, Flags: uint32(classNotAuthor)},
	{Word: "nav", Prefix: true, Flags: uint32(classNav)},
	{Word: "menu", Prefix: true, Flags: uint32(classNav)},
	{Word: "publish", Prefix: true, Flags: uint32(classPublish)},
	{Word: "created", Flags: uint32(classPublish)},
	{Word: "pubdate", Flags: uint32(classPublish)},
})

// flagsOf returns the flags of c's class and id.
func flagsOf(c *dom.Node) classFlags {
	class, id := c.ClassID()
	if class == "" && id == "" {
		return 0
	}
	f := classFlags(classWords.Flags(class) | classWords.Flags(id))
	if f&classNotAuthor != 0 {
		f &^= classAuthor | classNotAuthor
	}
	return f
}

// maxAuthors bounds the author elements kept: the first few are the byline.
const maxAuthors = 4

// collect gathers the index of the tree under root; every checkEvery
// elements it calls stop (when not nil), and gives up, returning nil,
// when stop says so.
func collect(root *dom.Node, stop func() bool) *index {
	x := &index{tags: tags{}, stop: stop}
	x.walk(root, false, false)
	if x.stopped {
		return nil
	}
	return x
}

// checkEvery is how many elements collect visits between two calls of its
// stop function.
const checkEvery = 4096

func (x *index) walk(n *dom.Node, hidden, inNav bool) {
	for c := n.FirstChild; c != nil && !x.stopped; c = c.Next {
		if c.Type != dom.Element {
			continue
		}
		if x.elements++; x.stop != nil && x.elements%checkEvery == 0 && x.stop() {
			x.stopped = true
			return
		}
		cl := flagsOf(c)
		switch c.Tag {
		case atom.Meta:
			v := c.Attr("content")
			for _, attr := range []string{"property", "name", "itemprop"} {
				for _, k := range strings.Fields(strings.ToLower(c.Attr(attr))) {
					x.tags[k] = append(x.tags[k], v)
				}
			}
		case atom.Base:
			if !x.baseSeen && c.HasAttr("href") {
				x.base, x.baseSeen = strings.TrimSpace(c.Attr("href")), true
			}
		case atom.Link:
			if x.canonical == "" && hasToken(c.Attr("rel"), "canonical") {
				x.canonical = strings.TrimSpace(c.Attr("href"))
			}
		case atom.Time:
			if x.pubTime == "" && c.Attr("datetime") != "" {
				// HTML5's old pubdate attribute is not among those dom
				// keeps; the class or itemprop says the same on the
				// pages that still write it.
				ip := strings.ToLower(c.Attr("itemprop"))
				if cl&classPublish != 0 || strings.Contains(ip, "publish") || strings.Contains(ip, "created") {
					x.pubTime = c.Attr("datetime")
				}
			}
		}
		if c.HasAttr("itemprop") || c.HasAttr("property") {
			x.items = append(x.items, c)
		}
		h := hidden || dom.Hidden(c)
		if !h {
			switch {
			case c.Tag == atom.H1:
				if t := textOf(c); t != "" {
					x.h1s = append(x.h1s, t)
				}
			case !x.crumbSeen && isCrumb(c, cl):
				// The first breadcrumb decides, empty or not: trying each
				// nested one in turn would cost the square of the page.
				x.crumbs, x.crumbSeen = crumbItems(c), true
			case len(x.authors) < maxAuthors && isAuthor(c, cl):
				if t := textOf(c); t != "" {
					x.authors = append(x.authors, t)
				}
			}
		}
		nav := inNav || c.Tag == atom.Nav || cl&classNav != 0
		if x.nav == "" && nav && (c.Tag == atom.A || c.Tag == atom.Li) && isCurrent(c) {
			if t := textOf(c); t != "" && len(strings.Fields(t)) <= 4 {
				x.nav = t
			}
		}
		x.walk(c, h, nav)
	}
}

// currentWords mark a menu item as the current page: "active",
// "current-menu-item", "is-selected", "nav-on".
var currentWords = classwords.New([]classwords.Entry{
	{Word: "active", Flags: 1}, {Word: "current", Flags: 1}, {Word: "selected", Flags: 1}, {Word: "on", Flags: 1},
})

// isCurrent reports a menu item marked as the current page.
func isCurrent(n *dom.Node) bool {
	class, _ := n.ClassID()
	return class != "" && currentWords.Flags(class) != 0
}

func isCrumb(n *dom.Node, cl classFlags) bool {
	if cl&classCrumb != 0 {
		return true
	}
	it := n.Attr("itemtype")
	return it != "" && strings.Contains(strings.ToLower(it), "breadcrumblist")
}

// isAuthor reports an element the page names as its author or byline,
// unless it is a link to a category: a theme's "post-author" slot may hold
// the section's link, and its address says what it is.
func isAuthor(n *dom.Node, cl classFlags) bool {
	return (cl&classAuthor != 0 || hasToken(n.Attr("rel"), "author") || hasToken(n.Attr("itemprop"), "author")) && !categoryLink(n)
}

// categoryLink reports an <a>, or an element holding just one, whose
// address is a category, section, tag or topic listing
// ("/category/politics/", "/tag/x", "?cat=4").
func categoryLink(n *dom.Node) bool {
	if n.Tag != atom.A {
		var only *dom.Node
		for c := n.FirstChild; c != nil; c = c.Next {
			if c.Type == dom.Element {
				if only != nil {
					return false
				}
				only = c
			}
		}
		if only == nil || only.Tag != atom.A {
			return false
		}
		n = only
	}
	for _, w := range classwords.Words(n.Attr("href")) {
		switch w {
		case "category", "categories", "cat", "section", "sections", "tag", "tags", "topic", "topics":
			return true
		}
	}
	return false
}

func hasToken(list, tok string) bool {
	for list != "" {
		var f string
		i := strings.IndexAny(list, " \t\n\r\f")
		if i < 0 {
			f, list = list, ""
		} else {
			f, list = list[:i], list[i+1:]
		}
		if len(f) == len(tok) && strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// textOf returns the collapsed visible text under n, or "" when n holds
// more than maxText bytes of text or maxTextNodes nodes. Every caller
// wants a short value (a headline, a byline, a breadcrumb item, a date),
// and the bound keeps a page of unclosed, nested elements, each of which
// holds the rest of the page, from costing the square of its size.
func textOf(n *dom.Node) string { return textWithin(n, maxText) }

// textWithin is textOf with a bound of limit bytes of text.
func textWithin(n *dom.Node, limit int) string {
	var b strings.Builder
	nodes := 0
	var walk func(n *dom.Node) bool
	walk = func(n *dom.Node) bool {
		for c := n.FirstChild; c != nil; c = c.Next {
			if nodes++; nodes > maxTextNodes {
				return false
			}
			switch {
			case c.Type == dom.Text:
				if b.Len()+len(c.Data) > limit {
					return false
				}
				b.WriteString(c.Data)
			case c.Tag == atom.Script || c.Tag == atom.Style || c.Tag == atom.Noscript:
			default:
				if !walk(c) {
					return false
				}
			}
		}
		return true
	}
	if !walk(n) {
		return ""
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// The bounds of textOf: a headline is a few hundred bytes.
const (
	maxText      = 4096
	maxTextNodes = 1024
)
