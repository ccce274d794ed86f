package meta

import (
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/nazif/nazif/wasm/internal/block"
	"github.com/nazif/nazif/wasm/internal/byline"
	"github.com/nazif/nazif/wasm/internal/dates"
	"github.com/nazif/nazif/wasm/internal/dom"
	"github.com/nazif/nazif/wasm/internal/jsonld"
	"github.com/nazif/nazif/wasm/internal/lexicon"
	"github.com/nazif/nazif/wasm/internal/normalize"
	"github.com/nazif/nazif/wasm/internal/urlref"
	"golang.org/x/net/html/atom"
)

// Page holds the metadata sources of a parsed page.
type Page struct {
	doc *dom.Doc
	*index
	// LD is the page's JSON-LD article, if any.
	LD jsonld.Article
}

// Read gathers the metadata sources of doc, whose JSON-LD article is ld.
func Read(doc *dom.Doc, ld jsonld.Article) *Page {
	p, _ := ReadUntil(doc, ld, nil)
	return p
}

// ReadUntil is Read with a way out: every few thousand elements it calls
// stop (when not nil), and when stop returns true it gives up, returning
// false and no Page.
func ReadUntil(doc *dom.Doc, ld jsonld.Article, stop func() bool) (*Page, bool) {
	x := collect(doc.Root, stop)
	if x == nil {
		return nil, false
	}
	return &Page{doc: doc, index: x, LD: ld}, true
}

// Meta is the resolved metadata. Strings are raw page text; the caller
// normalizes them for display.
type Meta struct {
	Title, Published, Modified, Section, Site, Author string
	Description, Image, URL                           string
}

// Resolve chooses every field. blocks are the classified blocks of the
// page; pageURL is the caller's URL and now the reference time.
func (p *Page) Resolve(blocks []block.Block, pageURL string, now time.Time) Meta {
	var m Meta
	m.Site = p.site()
	m.Title = p.title(m.Site, blocks)
	if m.Site == "" {
		m.Site = p.siteFromTitle(m.Title)
	}
	ti := titleIndex(blocks, m.Title)
	m.URL = p.url(pageURL)
	m.Published, m.Modified = p.dates(blocks, ti, m.URL, pageURL, now)
	m.Section = p.section(blocks, ti, m.Title)
	m.Author = p.author(blocks, ti, m.Site, now)
	m.Description = firstOf(p.tags.get("og:description", "description", "twitter:description"), p.LD.Description)
	m.Image = urlref.Resolve(firstOf(p.tags.get("og:image", "og:image:url", "twitter:image", "twitter:image:src"), p.LD.Image, p.itemText("image")), firstOf(m.URL, pageURL))
	if !urlref.Web(m.Image) {
		// data: and javascript: images, or relative ones with no base.
		m.Image = ""
	}
	return m
}

// Base returns the URL the page's relative links resolve against: its
// <base href> made absolute against docURL, the page's own address, or
// docURL itself when the page has none (or one that is not http or
// https). It is "" when neither is known.
func (p *Page) Base(docURL string) string {
	if p.baseSeen && p.base != "" {
		if b := urlref.Resolve(p.base, docURL); urlref.Web(b) {
			return b
		}
	}
	if urlref.Web(docURL) {
		return docURL
	}
	return ""
}

func firstOf(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// itemText returns the value of the first microdata item with the
// property name: its content, datetime or href attribute, else its text.
func (p *Page) itemText(name string) string {
	for _, n := range p.items {
		if !hasToken(n.Attr("itemprop"), strings.ToLower(name)) && !hasToken(n.Attr("property"), strings.ToLower(name)) {
			continue
		}
		for _, a := range []string{"content", "datetime"} {
			if v := strings.TrimSpace(n.Attr(a)); v != "" {
				return v
			}
		}
		if n.Tag == atom.Meta || n.Tag == atom.Link {
			continue
		}
		if v := textOf(n); v != "" {
			return v
		}
	}
	return ""
}

func (p *Page) site() string {
	return firstOf(p.tags.get("og:site_name", "application-name", "twitter:app:name:iphone"), p.LD.Publisher)
}

// The page's own address wins over the caller's: a crawler's URL may be
// a redirect, a tracking link or a mirror, and the canonical one is what
// the article is known by. But only an absolute http or https URL is
// used: a page may state javascript: or data: there, and the caller's
// stands when the page's is unusable. Neither usable gives "".
func (p *Page) url(pageURL string) string {
	for _, u := range []string{p.canonical, p.tags.get("og:url"), p.LD.URL} {
		if u = strings.TrimSpace(u); u != "" {
			if r := urlref.Resolve(u, pageURL); urlref.Web(r) {
				return r
			}
		}
	}
	if urlref.Web(pageURL) {
		return pageURL
	}
	return ""
}

// keyOf is the comparison form of a title: its search key, which also
// collapses white space, as classify's Block.Key does.
func keyOf(s string) string { return normalize.SearchKey(s) }

// separators split a <title> into the headline and the site's name.
var separators = []string{" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " / ", " • ", " · "}

// split is a title cut at a separator into the rest and one end part.
type split struct{ rest, end string }

// splits returns, for every separator in t, t without its last part and
// then without its first part.
func splits(t string) []split {
	var out []split
	for _, sep := range separators {
		parts := strings.Split(t, sep)
		if n := len(parts); n >= 2 {
			out = append(out,
				split{strings.Join(parts[:n-1], sep), parts[n-1]},
				split{strings.Join(parts[1:], sep), parts[0]})
		}
	}
	return out
}

// cut removes the site's name from either end of a title.
func cut(title, site string) string {
	t := strings.Join(strings.Fields(title), " ")
	if sk := keyOf(site); sk != "" {
		for _, s := range splits(t) {
			if matchesSite(keyOf(s.end), sk) {
				return s.rest
			}
		}
	}
	return t
}

// matchesSite reports whether part, a search key, names the site whose
// key is site: the name itself, the name with a few words around it, or
// most of the name. No part names an unknown site.
func matchesSite(part, site string) bool {
	if site == "" {
		return false
	}
	return part == site || strings.Contains(part, site) && len(part) < 2*len(site)+8 ||
		strings.Contains(site, part) && len(part)*2 >= len(site)
}

// title reconciles the h1 with the meta titles: the visible h1 wins when
// a meta title confirms it; otherwise the cleanest meta title wins.
func (p *Page) title(site string, blocks []block.Block) string {
	metas := []string{
		p.tags.get("og:title"), p.tags.get("twitter:title"), p.LD.Headline,
		p.itemText("headline"), p.doc.Title,
	}
	if site == "" {
		site = p.siteFromTitle(firstOf(metas...))
	}
	var keys []string
	for _, m := range metas {
		if m != "" {
			keys = append(keys, keyOf(m))
		}
	}
	h1s := p.h1s
	for _, h := range h1s {
		hk := keyOf(h)
		if hk == "" || matchesSite(hk, keyOf(site)) {
			continue
		}
		for _, k := range keys {
			if strings.Contains(k, hk) && len(hk)*2 >= len(k) || strings.Contains(hk, k) && len(k)*2 >= len(hk) {
				return h
			}
		}
	}
	if site == "" {
		if t := partShown(metas, blocks); t != "" {
			return t
		}
	}
	// lead is the first h1 that does not name the site: a logo set as
	// an h1 is no headline.
	lead := ""
	for _, h := range h1s {
		if !matchesSite(keyOf(h), keyOf(site)) {
			lead = h
			break
		}
	}
	for _, m := range metas {
		if m == "" {
			continue
		}
		// A Latin meta title on a page whose h1 is in Arabic script is a
		// transliteration for search engines, not the headline.
		if lead != "" && arabicScript(lead) && !arabicScript(m) {
			return lead
		}
		if t := cut(m, site); t != "" {
			return t
		}
	}
	return lead
}

// arabicScript reports whether most letters of s are in the Arabic script.
func arabicScript(s string) bool {
	ar, other := 0, 0
	for _, r := range s {
		switch {
		case r >= 0x0600 && r <= 0x06FF || r >= 0x0750 && r <= 0x077F || r >= 0xFB50 && r <= 0xFEFF:
			ar++
		case unicode.IsLetter(r):
			other++
		}
	}
	return ar > other
}

// partShown returns the part of a meta title that the page also shows as
// a block of its own: with no site name to cut, that part is the headline.
func partShown(metas []string, blocks []block.Block) string {
	shown := make(map[string]bool, len(blocks))
	for i := range blocks {
		if blocks[i].Words <= 30 {
			shown[blocks[i].Key] = true
		}
	}
	for _, m := range metas {
		t := strings.Join(strings.Fields(m), " ")
		for _, sep := range separators {
			if !strings.Contains(t, sep) {
				continue
			}
			for _, part := range strings.Split(t, sep) {
				if k := keyOf(part); len(strings.Fields(k)) >= 2 && shown[k] {
					return strings.TrimSpace(part)
				}
			}
		}
	}
	return ""
}

// siteFromTitle guesses the site's name as the affix that <title> and
// og:title share but the headline does not.
func (p *Page) siteFromTitle(title string) string {
	if tk := keyOf(title); tk != "" {
		for _, s := range splits(strings.Join(strings.Fields(p.doc.Title), " ")) {
			if keyOf(s.rest) == tk {
				return s.end
			}
		}
	}
	return ""
}

// titleIndex returns the index of the block that shows the title, or the
// first body block, or -1.
func titleIndex(blocks []block.Block, title string) int {
	tk := keyOf(title)
	for i := range blocks {
		if tk != "" && blocks[i].Key == tk {
			return i
		}
	}
	for i := range blocks {
		if blocks[i].Body {
			return i
		}
	}
	return -1
}

// window returns the blocks around the head of the article, where the
// date line, the byline and the section label stand.
func window(blocks []block.Block, ti int) (lo, hi int) {
	if ti < 0 {
		return 0, 0
	}
	first := ti
	for i := ti; i < len(blocks); i++ {
		if blocks[i].Body {
			first = i
			break
		}
	}
	return max(0, ti-6), min(len(blocks), max(first, ti)+4)
}

// dates resolves the publication and modification dates.
func (p *Page) dates(blocks []block.Block, ti int, canonical, pageURL string, now time.Time) (pub, mod string) {
	// Sources are read lazily, in order: most pages stop at the first.
	pub = machineDate(
		func() string { return p.LD.Published },
		func() string {
			return p.tags.get("article:published_time", "og:published_time", "datepublished", "pubdate",
				"publishdate", "publish-date", "publication_date", "dc.date.issued", "dc.date",
				"dcterms.created", "dcterms.issued", "sailthru.date", "parsely-pub-date",
				"article.published", "originalpublicationdate", "date")
		},
		func() string { return p.itemText("datePublished") },
		func() string { return p.itemText("dc:date") },
		func() string { return p.itemText("dc:created") },
		func() string { return p.itemText("dcterms:created") },
		func() string { return p.pubTime },
	)
	mod = machineDate(
		func() string { return p.LD.Modified },
		func() string {
			return p.tags.get("article:modified_time", "og:updated_time", "datemodified", "dc.date.modified", "dcterms.modified", "last-modified")
		},
		func() string { return p.itemText("dateModified") },
	)
	if pub == "" || mod == "" {
		vpub, vmod := visibleDates(blocks, ti, now)
		pub, mod = firstOf(pub, vpub), firstOf(mod, vmod)
	}
	if pub == "" {
		for _, u := range []string{canonical, pageURL} {
			if d, ok := dates.FromURL(u); ok {
				pub = d.String()
				break
			}
		}
	}
	return pub, mod
}

// machineDate returns the first source that parses as a machine date.
func machineDate(sources ...func() string) string {
	for _, src := range sources {
		if d, ok := dates.ParseMachine(src()); ok {
			return machine(d)
		}
	}
	return ""
}

// machine formats a machine-readable date. Midnight exactly is how CMSs
// store a date without a time, so it is given as the day alone.
func machine(d dates.Date) string {
	if d.Hour == 0 && d.Minute == 0 && d.Second == 0 {
		d.Prec = dates.PrecDay
		d.HasOffset = false
	}
	return d.String()
}

// visibleDates reads the date lines around the head of the article.
func visibleDates(blocks []block.Block, ti int, now time.Time) (pub, mod string) {
	lo, hi := window(blocks, ti)
	for i := lo; i < hi; i++ {
		b := &blocks[i]
		if b.Body || b.Words > 24 {
			continue
		}
		prev := 0
		ms := b.Dates(now)
		for _, m := range ms {
			if m.Hijri && hasGregorian(ms) {
				// A Hijri date paired with its Gregorian equivalent: the
				// Gregorian one is exact, the tabular conversion is not.
				continue
			}
			// The label may stand before the date or inside the match,
			// between the date and its time («28 آب 2013، آخر تحديث 14:00»).
			// UpdateLabel reads only the last words of what it is given,
			// so the text before the date is also asked alone: a date
			// with its weekday and time would push a label before it out
			// of reach («آخر تحديث: الثلاثاء 14 مايو 2024 - 08:15 م»).
			updated := lexicon.UpdateLabel(normalize.SearchKey(b.Text[prev:m.Start])) ||
				lexicon.UpdateLabel(normalize.SearchKey(b.Text[prev:m.End]))
			prev = m.End
			switch {
			case updated && mod == "":
				mod = m.Date.String()
			case !updated && pub == "":
				pub = m.Date.String()
			}
		}
	}
	return pub, mod
}

func hasGregorian(ms []dates.Match) bool {
	for _, m := range ms {
		if !m.Hijri && !m.Relative {
			return true
		}
	}
	return false
}

// section reads the breadcrumb's leaf, then the declared section, then a
// category link just above the title, then the highlighted menu item,
// preferring one in the title's script.
func (p *Page) section(blocks []block.Block, ti int, title string) string {
	cands := []string{p.breadcrumb(title), p.itemText("articleSection"), p.LD.Section, p.tags.get("article:section")}
	// A category label: a short link standing alone just above the title,
	// not an item of a menu.
	if ti > 0 {
		for i := ti - 1; i >= max(0, ti-3); i-- {
			b := &blocks[i]
			if b.Body || b.Kind != block.Para {
				break
			}
			if b.LinkDensity() >= 0.8 && b.Words <= 4 && b.Words > 0 && !inMenu(b.Elem) {
				cands = append(cands, b.Text)
				break
			}
		}
	}
	cands = append(cands, p.nav)
	// The first candidate in the title's script: a Latin slug such as
	// "featured" is a CMS's internal name, not what readers see.
	for _, c := range cands {
		if c = strings.TrimSpace(c); c != "" && arabicScript(c) == arabicScript(title) {
			return c
		}
	}
	return firstOf(cands...)
}

func inMenu(n *dom.Node) bool {
	for ; n != nil; n = n.Parent {
		if n.Tag == atom.Nav || n.Tag == atom.Ul || n.Tag == atom.Ol || flagsOf(n)&classNav != 0 {
			return true
		}
	}
	return false
}

func (p *Page) breadcrumb(title string) string {
	crumbs := p.crumbs
	tk := keyOf(title)
	for i := len(crumbs) - 1; i >= 0; i-- {
		k := keyOf(crumbs[i])
		if k == "" || lexicon.IsHome(k) || k == tk || len(strings.Fields(k)) > 6 {
			continue
		}
		return crumbs[i]
	}
	return ""
}

// crumbItems returns the texts of a breadcrumb's links, or of its items
// when it has no links.
//
// A breadcrumb is a handful of short items: the walk gives up past
// maxCrumbNodes nodes, so that an unclosed breadcrumb holding the rest of
// the page costs no more than a real one.
func crumbItems(n *dom.Node) []string {
	var links, items []string
	nodes := 0
	var walk func(n *dom.Node)
	walk = func(n *dom.Node) {
		for c := n.FirstChild; c != nil; c = c.Next {
			if nodes++; nodes > maxCrumbNodes {
				return
			}
			if c.Type != dom.Element {
				continue
			}
			switch c.Tag {
			case atom.A:
				if t := textWithin(c, maxCrumb); t != "" {
					links = append(links, t)
				}
				continue
			case atom.Li, atom.Span:
				if t := textWithin(c, maxCrumb); t != "" && c.FirstChild != nil && c.FirstChild.Type == dom.Text {
					items = append(items, t)
				}
			}
			walk(c)
		}
	}
	walk(n)
	if len(links) > 0 {
		return links
	}
	return items
}

// maxCrumbNodes bounds the nodes crumbItems visits (ten times the largest
// breadcrumb of the corpus), and maxCrumb the bytes of one item.
const (
	maxCrumbNodes = 256
	maxCrumb      = 512
)

// author reads a byline near the head of the article, then the JSON-LD
// authors, then the author meta tag, then a closing agency credit. A
// candidate that names the site itself is skipped: it is not a byline.
//
// A candidate that is an item of the breadcrumb or the section the page
// declares is a category label standing where the byline would, not a
// name.
func (p *Page) author(blocks []block.Block, ti int, site string, now time.Time) string {
	sk := keyOf(site)
	var labels []string
	for _, c := range append([]string{p.itemText("articleSection"), p.LD.Section, p.tags.get("article:section")}, p.crumbs...) {
		if k := keyOf(c); k != "" {
			labels = append(labels, k)
		}
	}
	for _, next := range []func() string{
		p.authorElement,
		func() string { return bylineBlock(blocks, ti, now) },
		func() string { return strings.Join(p.LD.Authors, "، ") },
		func() string {
			a := p.tags.get("author", "article:author", "dc.creator", "byl")
			if strings.Contains(a, "://") {
				return ""
			}
			return a
		},
		func() string { return closingCredit(blocks) },
	} {
		if a := cleanAuthor(next()); a != "" && keyOf(a) != sk && !slices.Contains(labels, keyOf(a)) {
			return a
		}
	}
	return ""
}

// bylineBlock finds a byline among the blocks around the head of the
// article, or among the blocks classification set aside as bylines.
func bylineBlock(blocks []block.Block, ti int, now time.Time) string {
	lo, hi := window(blocks, ti)
	for i := lo; i < hi; i++ {
		if name, ok := blocks[i].Byline(now); ok {
			return name
		}
	}
	for i := range blocks {
		if blocks[i].Reason == "byline" {
			if name, ok := blocks[i].Byline(now); ok {
				return name
			}
		}
	}
	return ""
}

// closingCredit reads an agency credit among the first lines after the body.
func closingCredit(blocks []block.Block) string {
	last := -1
	for i := range blocks {
		if blocks[i].Body {
			last = i
		}
	}
	for i := last + 1; last >= 0 && i < min(len(blocks), last+3); i++ {
		if name, ok := blocks[i].Credit(); ok {
			return name
		}
	}
	return ""
}

// cleanAuthor drops label words and enclosing brackets from a name.
func cleanAuthor(a string) string {
	a = strings.TrimSpace(a)
	if name, ok := byline.Parse(a); ok {
		return name
	}
	if name, ok := byline.Credit(a); ok {
		return name
	}
	return a
}

// withoutDates cuts a line at its first date: a byline is often set on
// one line with the date.
func withoutDates(t string) string {
	if ms := dates.FindAll(t, time.Time{}); len(ms) > 0 {
		return strings.TrimSpace(t[:ms[0].Start])
	}
	return t
}

// authorElement reads the first visible element that the page names as
// the author or byline, when its text is short enough to be a name.
func (p *Page) authorElement() string {
	for _, t := range p.authors {
		t = withoutDates(t)
		if name, ok := byline.Parse(t); ok {
			return name
		}
		if w := len(strings.Fields(t)); w > 0 && w <= 5 && !strings.ContainsAny(t, ".،:؟") {
			return t
		}
	}
	return ""
}
