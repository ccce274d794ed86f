package classify

import (
	"strings"

	"github.com/nazif/nazif/wasm/internal/dom"
	"golang.org/x/net/html/atom"
)

// hint is what an element's class and id say about it: evidence to weigh,
// never a verdict.
type hint struct {
	// weight is Readability's class weight: +hintWeight for each of class
	// and id naming content, -hintWeight for each naming chrome.
	weight int
	// chrome and unlikely: the element is named as chrome, and as chrome
	// that rarely holds an article without also being named as content.
	chrome, unlikely bool
	// caption: the element is named as a caption or credit; credit, as
	// a credit.
	caption, credit bool
}

// hintOf reads n's class and id, and its itemprop or property naming the
// article body.
func hintOf(n *dom.Node) hint {
	var h hint
	class, id := n.ClassID()
	var all uint32
	for _, s := range [2]string{class, id} {
		if s == "" {
			continue
		}
		f := hintVocab.Flags(s)
		all |= f
		if f&hintContent != 0 {
			h.weight += hintWeight
		}
		if f&hintChrome != 0 {
			h.weight -= hintWeight
		}
	}
	h.chrome = all&hintChrome != 0
	h.unlikely = all&hintUnlikely != 0 && all&hintLikely == 0
	if n.Tag == atom.Form && all&hintLikely == 0 {
		// A form is a sign-up, search, login or comment box; one that
		// wraps the whole page (ASP.NET) damps every candidate alike.
		h.unlikely = true
	}
	h.caption = all&hintCaption != 0
	h.credit = all&hintCredit != 0
	if hasArticleBody(n.Attr("itemprop")) || hasArticleBody(n.Attr("property")) {
		h.weight += articleBodyBonus
	}
	return h
}

// chromeName returns the first chrome word of n's class or id, to name
// the reason a block was dropped.
func chromeName(n *dom.Node) string {
	class, id := n.ClassID()
	if w := hintVocab.First(class, hintChrome); w != "" {
		return w
	}
	return hintVocab.First(id, hintChrome)
}

func hasArticleBody(s string) bool {
	return s != "" && strings.Contains(strings.ToLower(s), "articlebody")
}
