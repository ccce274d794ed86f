package figure_test

import (
	"testing"

	"github.com/nazif/nazif/wasm/internal/dom"
	"github.com/nazif/nazif/wasm/internal/figure"
	"golang.org/x/net/html/atom"
)

// img returns the first <img> of the markup.
func img(t *testing.T, markup string) *dom.Node {
	t.Helper()
	var find func(n *dom.Node) *dom.Node
	find = func(n *dom.Node) *dom.Node {
		for c := n.FirstChild; c != nil; c = c.Next {
			if c.Tag == atom.Img {
				return c
			}
			if f := find(c); f != nil {
				return f
			}
		}
		return nil
	}
	n := find(dom.Parse(markup).Root)
	if n == nil {
		t.Fatalf("no <img> in %s", markup)
	}
	return n
}

func TestSource(t *testing.T) {
	for _, c := range []struct{ markup, want string }{
		{`<img src="a.jpg">`, "a.jpg"},
		{`<img src=" /p/a.jpg ">`, "/p/a.jpg"},
		{`<img src="blank.gif" data-src="real.jpg">`, "real.jpg"},
		{`<img src="data:image/gif;base64,R0lGOD" data-lazy-src="real.jpg">`, "real.jpg"},
		{`<img src="x.gif" data-original="real.jpg">`, "real.jpg"},
		{`<img src="data:image/svg+xml,%3Csvg%3E" data-srcset="s.jpg 300w, m.jpg 800w, l.jpg 2000w">`, "m.jpg"},
		{`<img srcset="s.jpg 1x, l.jpg 2x">`, "l.jpg"},
		{`<img srcset="huge.jpg 4000w, bigger.jpg 5000w">`, "huge.jpg"},
		{`<img srcset="a.jpg">`, "a.jpg"},
		{`<img srcset="https://i.e.com/c_fill,w_80/a.jpg 80w, https://i.e.com/c_fill,w_800/a.jpg 800w">`, "https://i.e.com/c_fill,w_800/a.jpg"},
		{`<img srcset="a.jpg, b.jpg 2x">`, "b.jpg"},
		{`<picture><source srcset="p.webp 1x"><img alt=""></picture>`, "p.webp"},
		{`<img src="data:image/png;base64,AAAA">`, ""},
		{`<img>`, ""},
	} {
		if got := figure.Source(img(t, c.markup)); got != c.want {
			t.Errorf("Source(%s) = %q; want %q", c.markup, got, c.want)
		}
	}
}

func TestDecorative(t *testing.T) {
	for _, c := range []struct {
		markup string
		want   bool
	}{
		{`<img src="https://e.com/2020/photo.jpg">`, false},
		{`<img src="https://e.com/photo.jpg" width="620" height="330">`, false},
		{`<img src="https://e.com/photo.jpg" width="100%">`, false},
		{`<img src="https://e.com/b?id=1" width="1" height="1">`, true},
		{`<img src="https://e.com/a.jpg" height="48px">`, true},
		{`<img src="https://e.com/a.jpg" role="presentation">`, true},
		{`<img src="/res/img/google-news-icon.png">`, true},
		{`<img src="/img/Up-Logos-23.png">`, true},
		{`<img src="/img/avatar_42.jpg">`, true},
		{`<img src="/img/drawing.svg?v=2">`, true},
		{`<img src="/img/lexicon.jpg">`, false}, // "icon" must start a word
	} {
		n := img(t, c.markup)
		if got := figure.Decorative(n, figure.Source(n)); got != c.want {
			t.Errorf("Decorative(%s) = %v; want %v", c.markup, got, c.want)
		}
	}
}

func TestOpens(t *testing.T) {
	for _, c := range []struct {
		href string
		want bool
	}{
		{"https://e.com/full/a.JPG", true},
		{"/uploads/a.png?w=2000", true},
		{"#gallery", true},
		{"javascript:void(0)", true},
		{"https://e.com/2020/other-story", false},
		{"/news/123.html", false},
	} {
		if got := figure.Opens(c.href); got != c.want {
			t.Errorf("Opens(%q) = %v; want %v", c.href, got, c.want)
		}
	}
}

func TestSplitCredit(t *testing.T) {
	for _, c := range []struct{ line, caption, credit string }{
		{"الرئيس السوري بشار الأسد (رويترز)", "الرئيس السوري بشار الأسد", "(رويترز)"},
		{"مشجعون في المدرج (يمين)", "مشجعون في المدرج (يمين)", ""},
		{"تصوير: أحمد حسن", "", "تصوير: أحمد حسن"},
		{"عدسة محمد علي", "", "عدسة محمد علي"},
		{"(أ ف ب)", "", "(أ ف ب)"},
		{"Getty Images", "", "Getty Images"},
		{"مصدر الصورة، Getty Images", "", "مصدر الصورة، Getty Images"},
		{"Obama speaks in Nairobi. Photo: AP", "Obama speaks in Nairobi.", "Photo: AP"},
		{"Customers look at shirts - Getty Images", "Customers look at shirts", "Getty Images"},
		{"الصورة تظهر الوزير أثناء الاجتماع", "الصورة تظهر الوزير أثناء الاجتماع", ""},
		{"Image of the week", "Image of the week", ""},
		{"Photo", "Photo", ""},
		{"Credit Harry Campbell", "", "Credit Harry Campbell"},
		{"Whole Foods touted a price cut. Source: Supplied", "Whole Foods touted a price cut.", "Source: Supplied"},
		{"جانب من الاجتماع، تصوير فلان الفلاني", "جانب من الاجتماع", "تصوير فلان الفلاني"},
	} {
		caption, credit := figure.SplitCredit(c.line)
		if caption != c.caption || credit != c.credit {
			t.Errorf("SplitCredit(%q) = %q, %q; want %q, %q", c.line, caption, credit, c.caption, c.credit)
		}
	}
}

func TestLabel(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"Photo", true}, {"Credit", true}, {"الصورة:", true}, {"Photo: AP", false}, {"صورة الرئيس", false},
	} {
		if got := figure.Label(c.line); got != c.want {
			t.Errorf("Label(%q) = %v; want %v", c.line, got, c.want)
		}
	}
}
