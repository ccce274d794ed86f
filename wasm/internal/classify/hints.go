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
		"modal", "popup", "cookie", "inject", "recommend", "read-also", "readalso",
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

// unlikely reports whether n is named as chrome and not as content.
func unlikely(n *dom.Node) bool {
	s := strings.ToLower(n.Attr("class") + " " + n.Attr("id"))
	if len(s) == 1 {
		return false
	}
	for _, h := range unlikelyHints {
		if strings.Contains(s, h) {
			for _, l := range likelyHints {
				if strings.Contains(s, l) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// hintOf returns the class/id weight of n and the negative hint that
// matched, if any. Weights follow Readability: ±25 a side.
func hintOf(n *dom.Node) (weight int, neg string) {
	s := n.Attr("class") + " " + n.Attr("id")
	if len(s) == 1 {
		return 0, ""
	}
	s = strings.ToLower(s)
	for _, h := range negativeHints {
		if strings.Contains(s, h) {
			neg = h
			weight -= 25
			break
		}
	}
	for _, h := range positiveHints {
		if strings.Contains(s, h) {
			weight += 25
			break
		}
	}
	if strings.Contains(strings.ToLower(n.Attr("itemprop")), "articlebody") ||
		strings.Contains(strings.ToLower(n.Attr("property")), "articlebody") {
		weight += 50
	}
	return weight, neg
}
