package classify

import (
	"strings"
	"testing"

	"github.com/nazif/nazif/wasm/internal/block"
	"github.com/nazif/nazif/wasm/internal/dom"
)

// TestHintOf: class and id words are matched whole, weigh as Readability's
// class weight, and a name that says both chrome and content is not
// unlikely.
func TestHintOf(t *testing.T) {
	for _, c := range []struct {
		class, id string
		want      hint
	}{
		{"", "", hint{}},
		{"entry-content", "", hint{weight: 25}},
		{"share-bar", "", hint{weight: -25, chrome: true, unlikely: true}},
		{"selectionShareable", "", hint{weight: -25, chrome: true, unlikely: true}},
		{"widget-content", "", hint{weight: 0, chrome: true}},
		{"comments", "comments", hint{weight: -50, chrome: true, unlikely: true}},
		{"post-body", "sidebar", hint{weight: 0, chrome: true}},
		{"figure-caption", "", hint{weight: -25, chrome: true, caption: true}},
		// Substrings are not words: "nav-on" names a menu, "canvas",
		// "bookmarked" and "thread" name nothing.
		{"canvas bookmarked thread", "", hint{}},
		{"nav-on", "", hint{weight: -25, chrome: true, unlikely: true}},
		{"metamorphosis", "", hint{}},
	} {
		n := &dom.Node{Type: dom.Element}
		if c.class != "" {
			n.Attrs = append(n.Attrs, dom.Attr{Key: "class", Val: c.class})
		}
		if c.id != "" {
			n.Attrs = append(n.Attrs, dom.Attr{Key: "id", Val: c.id})
		}
		if got := hintOf(n); got != c.want {
			t.Errorf("hintOf(class %q, id %q) = %+v; want %+v", c.class, c.id, got, c.want)
		}
	}
	n := &dom.Node{Type: dom.Element, Attrs: []dom.Attr{{Key: "itemprop", Val: "articleBody"}}}
	if got := hintOf(n).weight; got != articleBodyBonus {
		t.Errorf("itemprop=articleBody weighs %d; want %d", got, articleBodyBonus)
	}
}

// TestPunctuation: one pass counts what strings.Count calls do.
func TestPunctuation(t *testing.T) {
	for _, s := range []string{"", "أ، ب, ج. د،", "،،،", "\xd8", "\xd8\x8c.", "نص بلا ترقيم", "a.b,c،d\xd8x", "中文，句子、完。", "\xef\xbc", "\xe3\x80"} {
		want := 0
		for _, p := range []string{"،", ",", ".", "，", "、", "。"} {
			want += strings.Count(s, p)
		}
		if got := punctuation(s); got != want {
			t.Errorf("punctuation(%q) = %d; want %d", s, got, want)
		}
	}
}

func TestEndsSentence(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"نهاية الجملة.", true},
		{"هل انتهى؟", true},
		{"He said \"no.\"", true},
		{"(see below).", true},
		{"«انتهى».", true},
		{"这是一个句子。", true},
		{"本当ですか？」", true},
		{"A headline without a stop", false},
		{"Contents:", false},
		{"", false},
		{" . ", true},
	} {
		if got := endsSentence(c.in); got != c.want {
			t.Errorf("endsSentence(%q) = %v; want %v", c.in, got, c.want)
		}
	}
}

// TestIsSentence: running text reads as a sentence in every language,
// with function words where lexicon knows them and by length elsewhere;
// menus, headlines and link lists do not.
func TestIsSentence(t *testing.T) {
	for _, c := range []struct {
		text string
		link int // bytes of text in links
		want bool
	}{
		{"قالت وزارة الصحة في بيان صدر اليوم إن عدد الإصابات الجديدة ارتفع إلى مئة وعشرين حالة، وإن الفرق الطبية تعمل على تتبع المخالطين.", 0, true},
		{"The minister said on Tuesday that the talks would continue until a deal is reached.", 0, true},
		{"Le ministre a déclaré mardi que les négociations se poursuivraient jusqu'à un accord.", 0, true},
		{"Ministr v úterý řekl, že jednání budou pokračovat, dokud nebude dosaženo dohody s partnery.", 0, true},
		{"部长周二表示，谈判将继续进行，直到双方达成协议为止，各方对此表示欢迎并希望尽快取得进展。", 0, true},
		{"Minister says talks will continue until a deal is reached", 0, false},
		{"Home News Sport Business Technology Science Health Entertainment Video Podcasts Live.", 0, false},
		{"The minister said on Tuesday that the talks would continue until a deal is reached.", 60, false},
	} {
		bs := []block.Block{{Text: c.text, Chars: len(c.text), LinkChars: c.link}}
		Features(bs)
		b := bs[0]
		if b.Sentence != c.want {
			t.Errorf("Sentence(%q) = %v; want %v (words %d, function %d)", c.text, b.Sentence, c.want, b.Words, b.Func)
		}
	}
}
