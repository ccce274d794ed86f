package meta

import (
	"strings"

	"github.com/nazif/nazif/wasm/internal/dom"
	"github.com/nazif/nazif/wasm/internal/jsonv"
	"github.com/nazif/nazif/wasm/internal/segment"
	"github.com/nazif/nazif/wasm/internal/substr"
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
}

// classFlags are what the walk reads from an element's class and id.
type classFlags uint8

const (
	classCrumb   classFlags = 1 << iota // a breadcrumb
	classAuthor                         // a byline, not an author box or bio
	classNav                            // a menu
	classPublish                        // a publication date
)

// classWords are the words class and id are read for. Pages name their
// chrome in class names, and the walk asks every element.
var (
	classWords = substr.New([]string{"crumb", "breadc", "byline", "author", "writer", "kateb", "box", "bio", "nav", "menu", "publish", "created"})

	crumbMask   = classWords.Mask("crumb", "breadc")
	authorMask  = classWords.Mask("byline", "author", "writer", "kateb")
	notAuthor   = classWords.Mask("box", "bio")
	navMask     = classWords.Mask("nav", "menu")
	publishMask = classWords.Mask("publish", "created")
)

// flagsOf returns the flags of c's class and id, each read in one pass.
func flagsOf(c *dom.Node) classFlags {
	class, id := c.ClassID()
	if class == "" && id == "" {
		return 0
	}
	m := classWords.Match(class).Or(classWords.Match(id))
	var f classFlags
	if m.And(crumbMask).Any() {
		f |= classCrumb
	}
	if m.And(authorMask).Any() && !m.And(notAuthor).Any() {
		f |= classAuthor
	}
	if m.And(navMask).Any() {
		f |= classNav
	}
	if m.And(publishMask).Any() {
		f |= classPublish
	}
	return f
}

// maxAuthors bounds the author elements kept: the first few are the byline.
const maxAuthors = 4

func collect(root *dom.Node) *index {
	x := &index{tags: tags{}}
	x.walk(root, false, false)
	return x
}

func (x *index) walk(n *dom.Node, hidden, inNav bool) {
	for c := n.FirstChild; c != nil; c = c.Next {
		if c.Type != dom.Element {
			continue
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
		case atom.Link:
			if x.canonical == "" && hasToken(c.Attr("rel"), "canonical") {
				x.canonical = strings.TrimSpace(c.Attr("href"))
			}
		case atom.Time:
			if x.pubTime == "" && c.Attr("datetime") != "" {
				ip := strings.ToLower(c.Attr("itemprop"))
				if cl&classPublish != 0 || strings.Contains(ip, "publish") || strings.Contains(ip, "created") || c.HasAttr("pubdate") {
					x.pubTime = c.Attr("datetime")
				}
			}
		}
		if c.HasAttr("itemprop") || c.HasAttr("property") {
			x.items = append(x.items, c)
		}
		h := hidden || segment.Hidden(c)
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

// isCurrent reports a menu item marked as the current page.
func isCurrent(n *dom.Node) bool {
	for _, tok := range strings.Fields(strings.ToLower(n.Attr("class"))) {
		switch tok {
		case "active", "current", "selected", "on", "nav-on", "is-active", "current-menu-item",
			"current-menu-parent", "current-post-parent", "current-post-ancestor", "current_page_item":
			return true
		}
	}
	return false
}

func isCrumb(n *dom.Node, cl classFlags) bool {
	if cl&classCrumb != 0 {
		return true
	}
	it := n.Attr("itemtype")
	return it != "" && strings.Contains(strings.ToLower(it), "breadcrumblist")
}

func isAuthor(n *dom.Node, cl classFlags) bool {
	return cl&classAuthor != 0 || hasToken(n.Attr("rel"), "author") || hasToken(n.Attr("itemprop"), "author")
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

// ld is what nazif reads from JSON-LD.
type ld struct {
	Headline, Published, Modified, Section, Body, Description, Image, URL string
	Authors                                                               []string
	Publisher                                                             string
}

// articleTypes are the schema.org types whose fields describe the article.
var articleTypes = map[string]bool{
	"newsarticle": true, "article": true, "blogposting": true, "reportagenews": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "backgroundnewsarticle": true,
	"reviewnewsarticle": true, "webpage": true, "liveblogposting": true, "scholarlyarticle": true,
}

// parseLD reads the first article object of the page's JSON-LD scripts.
// Broken JSON is skipped: many CMSs emit it.
func parseLD(scripts []string) ld {
	var out ld
	for _, s := range scripts {
		v, err := jsonv.Parse(strings.TrimSpace(s))
		if err != nil {
			continue
		}
		if obj := findArticle(v, 0); obj != nil {
			fillLD(&out, obj)
			if out.Headline != "" || out.Published != "" || out.Body != "" {
				return out
			}
		}
	}
	return out
}

func findArticle(v any, depth int) map[string]any {
	if depth > 8 {
		return nil
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if o := findArticle(e, depth+1); o != nil {
				return o
			}
		}
	case map[string]any:
		for _, t := range typesOf(x["@type"]) {
			if articleTypes[strings.ToLower(t)] && t != "WebPage" {
				return x
			}
		}
		if g, ok := x["@graph"]; ok {
			if o := findArticle(g, depth+1); o != nil {
				return o
			}
		}
		for _, t := range typesOf(x["@type"]) {
			if articleTypes[strings.ToLower(t)] {
				return x
			}
		}
	}
	return nil
}

func typesOf(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func fillLD(out *ld, o map[string]any) {
	out.Headline = str(o["headline"])
	if out.Headline == "" {
		out.Headline = str(o["name"])
	}
	out.Published = str(o["datePublished"])
	out.Modified = str(o["dateModified"])
	out.Section = str(o["articleSection"])
	out.Body = str(o["articleBody"])
	out.Description = str(o["description"])
	out.Image = str(o["image"])
	out.URL = str(o["url"])
	if out.URL == "" {
		out.URL = str(o["mainEntityOfPage"])
	}
	out.Publisher = str(o["publisher"])
	out.Authors = persons(o["author"])
}

// str reads a string, the first string of an array, or an object's name,
// url or @id, in that order.
func str(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		for _, e := range x {
			if s := str(e); s != "" {
				return s
			}
		}
	case map[string]any:
		for _, k := range []string{"name", "url", "@id"} {
			if s := str(x[k]); s != "" {
				return s
			}
		}
	}
	return ""
}

// persons reads author names, leaving out organizations: an organization
// named as author is the site, not a byline.
func persons(v any) []string {
	var out []string
	switch x := v.(type) {
	case string:
		if s := strings.TrimSpace(x); s != "" {
			out = append(out, s)
		}
	case []any:
		for _, e := range x {
			out = append(out, persons(e)...)
		}
	case map[string]any:
		for _, t := range typesOf(x["@type"]) {
			if strings.EqualFold(t, "Organization") || strings.EqualFold(t, "NewsMediaOrganization") {
				return nil
			}
		}
		if s := str(x["name"]); s != "" {
			out = append(out, s)
		}
	}
	return out
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
