package classify

import (
	"slices"
	"strings"

	"github.com/nazif/nazif/wasm/internal/dom"
	"github.com/nazif/nazif/wasm/internal/substr"
)

// Class and id hints, matched as substrings of the lowercased class and id.
// They follow Readability's lists, extended with the names Arabic CMSs use
// (transliterated: matn/nass "text", khabar "news", tafasil "details").
var (
	positiveHints = []string{
		"article", "body", "content", "entry", "hentry", "main", "post", "text",
		"story", "detail", "blog", "matn", "nass", "khabar", "tafasil", "maqal",
	}
	// negativeHints mark chrome. Each names what it is, for the explain
	// output. An array: hintOf sizes a bit set by its length.
	negativeHints = [...]string{
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

// hintWords is every word of the four lists, negativeHints first, so that
// a negative hint's index in the set is its index in negativeHints.
var (
	hintWords = substr.New(slices.Concat(negativeHints[:], positiveHints, likelyHints, unlikelyHints))

	negativeMask = hintWords.Mask(negativeHints[:]...)
	positiveMask = hintWords.Mask(positiveHints...)
	likelyMask   = hintWords.Mask(likelyHints...)
	unlikelyMask = hintWords.Mask(unlikelyHints...)
)

// hintOf returns the hint of n's class and id, read in one pass each, and
// of its itemprop or property naming the article body.
func hintOf(n *dom.Node) hint {
	var h hint
	class, id := n.ClassID()
	if class != "" || id != "" {
		h = hintOfWords(hintWords.Match(class).Or(hintWords.Match(id)))
	}
	if hasArticleBody(n.Attr("itemprop")) ||
		hasArticleBody(n.Attr("property")) {
		h.weight += 50
	}
	return h
}

func hasArticleBody(s string) bool {
	return s != "" && strings.Contains(strings.ToLower(s), "articlebody")
}

// hintOfWords reads the hint words found. Weights follow Readability:
// ±25 a side. An element is unlikely when it is named as chrome and not
// as content. The negative hint named is the first of negativeHints found.
func hintOfWords(m substr.Bits) hint {
	var h hint
	if i := m.And(negativeMask).First(); i >= 0 {
		h.neg = negativeHints[i]
		h.weight -= 25
	}
	if m.And(positiveMask).Any() {
		h.weight += 25
	}
	h.unlikely = m.And(unlikelyMask).Any() && !m.And(likelyMask).Any()
	return h
}
