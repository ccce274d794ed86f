package classify

import (
	"strings"

	"github.com/nazif/nazif/wasm/internal/dom"
)

// Class and id hints, matched as substrings of the lowercased class and id.
// They follow Readability's lists, extended with the names Arabic CMSs use
// (transliterated: matn/nass "text", khabar "news", tafasil "details").
var (
	positiveHints = []string{
		"article", "body", "content", "entry", "hentry", "main", "post", "text",
		"story", "detail", "blog", "matn", "nass", "khabar", "tafasil", "maqal",
	}
	// negativeHints mark chrome. Each names what it is, for the explain output.
	negativeHints = []string{
		"comment", "related", "share", "sharing", "social", "footer", "sidebar",
		"widget", "menu", "navbar", "breadcrumb", "banner", "sponsor", "promo",
		"popular", "most-read", "mostread", "trending", "tags", "keyword",
		"author", "byline", "writer", "meta", "caption", "credit", "copyright",
		"newsletter", "subscribe", "follow", "print", "rating", "poll", "weather",
		"prayer", "currency", "ticker", "breaking", "masthead", "login", "search",
		"modal", "popup", "cookie", "recommend", "read-also", "readalso",
		"see-also", "pagination", "pager", "gallery", "advert", "ads-", "-ads",
		"adsense", "outbrain", "taboola", "subtitle", "toolbar", "tools",
		"publish-date", "date", "timestamp", "source", "nav", "skip",
	}
)

// unlikelyHints mark elements that are never the article, whatever their
// text, unless a likelyHint says otherwise (Readability's
// unlikelyCandidates and okMaybeItsACandidate).
var (
	unlikelyHints = []string{
		"comment", "modal", "popup", "sidebar", "footer", "related", "share",
		"social", "widget", "menu", "navbar", "breadcrumb", "banner", "sponsor",
		"cookie", "newsletter", "subscribe", "disqus", "community", "replies",
		"pagination", "pager", "ticker", "most-read", "mostread", "popular",
		"trending", "outbrain", "taboola", "gdpr", "consent",
	}
	likelyHints = []string{"article", "body", "content", "main", "story", "entry", "post", "text"}
)

// hint is what an element's class and id say about it.
type hint struct {
	weight   int
	neg      string
	unlikely bool
}

// hintCache memoizes hints by the raw class and id: pages repeat the same
// few class names on hundreds of elements.
type hintCache map[[2]string]hint

// of returns the hint of n.
func (c hintCache) of(n *dom.Node) hint {
	key := [2]string{n.Attr("class"), n.Attr("id")}
	h, ok := c[key]
	if !ok {
		h = hintOf(key[0] + " " + key[1])
		c[key] = h
	}
	if strings.Contains(strings.ToLower(n.Attr("itemprop")), "articlebody") ||
		strings.Contains(strings.ToLower(n.Attr("property")), "articlebody") {
		h.weight += 50
	}
	return h
}

// hintOf reads the class and id words s. Weights follow Readability:
// ±25 a side. An element is unlikely when it is named as chrome and not
// as content.
func hintOf(s string) hint {
	var h hint
	if len(s) == 1 {
		return h
	}
	s = strings.ToLower(s)
	for _, n := range negativeHints {
		if strings.Contains(s, n) {
			h.neg = n
			h.weight -= 25
			break
		}
	}
	likely := false
	for _, p := range positiveHints {
		if strings.Contains(s, p) {
			h.weight += 25
			break
		}
	}
	for _, l := range likelyHints {
		if strings.Contains(s, l) {
			likely = true
			break
		}
	}
	if !likely {
		for _, u := range unlikelyHints {
			if strings.Contains(s, u) {
				h.unlikely = true
				break
			}
		}
	}
	return h
}
