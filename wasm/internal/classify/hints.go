package classify

import (
	"math/bits"
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

// hintCache memoizes hints by the raw class and id: pages repeat the same
// few class names on hundreds of elements.
type hintCache map[[2]string]hint

// of returns the hint of n. Most elements have no class or id, and they
// skip the map: in wasm, hashing two strings costs more than the rest.
func (c hintCache) of(n *dom.Node) hint {
	var key [2]string
	key[0], key[1] = n.ClassID()
	itemprop, property := n.Attr("itemprop"), n.Attr("property")
	var h hint
	if key[0] != "" || key[1] != "" {
		var ok bool
		if h, ok = c[key]; !ok {
			h = hintOf(key[0] + " " + key[1])
			c[key] = h
		}
	}
	if itemprop != "" && strings.Contains(strings.ToLower(itemprop), "articlebody") ||
		property != "" && strings.Contains(strings.ToLower(property), "articlebody") {
		h.weight += 50
	}
	return h
}

// The kinds of hint word, as bits.
const (
	kindPositive = 1 << iota
	kindLikely
	kindUnlikely
)

// hintWord is one word of the lists above, with every list it is in.
type hintWord struct {
	word  string
	neg   int // its index in negativeHints, or -1
	kinds uint8
}

// hintWords holds the words of all four lists by first byte, so that
// hintOf reads the class and id once instead of once per word: in wasm a
// hundred strings.Contains calls per element were a tenth of the time.
var hintWords = func() (t [256][]hintWord) {
	add := func(w string, neg int, kinds uint8) {
		list := t[w[0]]
		for i := range list {
			if list[i].word == w {
				list[i].kinds |= kinds
				if neg >= 0 {
					list[i].neg = neg
				}
				return
			}
		}
		t[w[0]] = append(list, hintWord{w, neg, kinds})
	}
	for i, w := range negativeHints {
		add(w, i, 0)
	}
	for _, w := range positiveHints {
		add(w, -1, kindPositive)
	}
	for _, w := range likelyHints {
		add(w, -1, kindLikely)
	}
	for _, w := range unlikelyHints {
		add(w, -1, kindUnlikely)
	}
	return t
}()

// hintOf reads the class and id words s. Weights follow Readability:
// ±25 a side. An element is unlikely when it is named as chrome and not
// as content. The negative hint named is the first of negativeHints that
// s contains.
func hintOf(s string) hint {
	var h hint
	if len(s) == 1 {
		return h
	}
	s = strings.ToLower(s)
	var negs [(len(negativeHints) + 63) / 64]uint64
	var kinds uint8
	for i := 0; i < len(s); i++ {
		for _, w := range hintWords[s[i]] {
			if len(s)-i < len(w.word) || s[i+1] != w.word[1] || s[i:i+len(w.word)] != w.word {
				continue
			}
			kinds |= w.kinds
			if w.neg >= 0 {
				negs[w.neg>>6] |= 1 << (w.neg & 63)
			}
		}
	}
	for i, m := range negs {
		if m != 0 {
			h.neg = negativeHints[i*64+bits.TrailingZeros64(m)]
			h.weight -= 25
			break
		}
	}
	if kinds&kindPositive != 0 {
		h.weight += 25
	}
	h.unlikely = kinds&(kindLikely|kindUnlikely) == kindUnlikely
	return h
}
