package nazif_test

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/nazif/nazif/wasm/nazif"
)

// figuresPage is a news article with the pictures and links a page has:
// a lead figure with a caption and a credit, a lazy picture with its
// credit line after it, a picture inside a paragraph, links whose text
// normalization changes (harakat, a kashida, a no-break space, a bidi
// mark, an emoji past U+FFFF), and the chrome a reader view must leave
// out: a tracking pixel, an icon, a share bar, a teaser linking to
// another article, an author's photo, a data: placeholder. {{IMG}} marks
// where the pictures stand, so that the page can be made without them.
const figuresPage = `<html><head><title>افتتاح المحطة الجديدة | الأفق</title>
<link rel="canonical" href="https://alofoq.example/news/2024/03/12/station.html"></head><body>
<nav><a href="/"><img src="/static/logo.png" alt="الأفق"></a> <a href="/world">العالم</a></nav>
<article>
<h1>افتتاح المحطة الجديدة</h1>
<div class="author-box">{{IMG}}<img src="/authors/salma.jpg" width="300"><span>سلمى عبد الرحمن</span></div>
{{IMG}}<figure><img src="/img/2024/station.jpg" width="800" height="450"><figcaption>خزانات المياه في المحطة الجديدة (رويترز)</figcaption></figure>
<p>وقال <a href="/people/minister.html">وزيرُ الموارد</a> في مؤتمر صحفي عقده داخل المحطة إن المشروع استغرق أربع سنوات من العمل المتواصل، وإن كلفته تجاوزت ثلاثمئة مليون دولار، مشيراً إلى أن <a href="https://example.org/phase2">المرحلة الثانـــية</a> ستبدأ مطلع العام المقبل.</p>
{{IMG}}<p><img data-src="/img/2024/pipes.jpg" src="data:image/gif;base64,R0lGOD" class="lazy"></p>
<p>تصوير: أحمد حسن</p>
<p>وأضاف&nbsp;أن <a href="/water">الأولوية&#x200F;</a> ستكون للأحياء الشعبية 😀 <a href="https://example.org/x?a=1&amp;b=2">في المدينة 😀</a>، وأن الأسعار لن ترتفع قبل نهاية العام الجاري بحسب تصريحاته.{{IMG}}<img src="https://cdn.example/inline.jpg"> <a href="javascript:share()">شارك</a> <a href="#notes">حاشية</a> <a href="mailto:x@example.org">راسلنا</a></p>
<div class="share-bar">{{IMG}}<img src="/img/share-whatsapp.png"></div>
<div>{{IMG}}<a href="/news/2024/03/11/other.html"><img src="/img/other.jpg"></a></div>
<p>ويأمل سكان المدينة أن تضع المحطة حداً لطوابير الصهاريج التي اعتادوا انتظارها في الأحياء المرتفعة، إذ يقول أحدهم إن أسرته كانت تنفق الكثير على شراء المياه.{{IMG}}<img src="https://track.example/p.gif" width="1" height="1"></p>
</article></body></html>`

func TestFigures(t *testing.T) {
	page := strings.ReplaceAll(figuresPage, "{{IMG}}", "")
	a, err := nazif.Extract([]byte(page), nazif.Options{HTML: true, Markdown: true})
	if err != nil {
		t.Fatal(err)
	}
	var figs []nazif.Block
	for _, b := range a.Blocks {
		if b.Kind == nazif.Figure {
			figs = append(figs, b)
		}
	}
	want := []nazif.Block{
		{Kind: nazif.Figure, Src: "https://alofoq.example/img/2024/station.jpg", Caption: "خزانات المياه في المحطة الجديدة", Credit: "(رويترز)"},
		{Kind: nazif.Figure, Src: "https://alofoq.example/img/2024/pipes.jpg", Credit: "تصوير: أحمد حسن"},
		{Kind: nazif.Figure, Src: "https://cdn.example/inline.jpg"},
	}
	if !slices.EqualFunc(figs, want, func(a, b nazif.Block) bool {
		return a.Kind == b.Kind && a.Text == b.Text && a.Src == b.Src && a.Caption == b.Caption && a.Credit == b.Credit && a.Links == nil
	}) {
		t.Errorf("figures:\n got %+v\nwant %+v", figs, want)
	}
	// The figures stand where the page shows them: the lead one before
	// the first paragraph, the inline one after its paragraph.
	var order []string
	for _, b := range a.Blocks {
		order = append(order, string(b.Kind))
	}
	if got := strings.Join(order, " "); got != "figure paragraph figure paragraph figure paragraph" {
		t.Errorf("block kinds %s", got)
	}

	// The body text is the same with and without the pictures, and holds
	// no caption.
	plain, err := nazif.Extract([]byte(strings.ReplaceAll(figuresPage, "{{IMG}}", "<!-- -->")), nazif.Options{})
	if err != nil {
		t.Fatal(err)
	}
	noImages := strings.NewReplacer("<img", "<x-img").Replace(page)
	bare, err := nazif.Extract([]byte(noImages), nazif.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Text != plain.Text || a.Text != bare.Text || strings.Contains(a.Text, "رويترز") || strings.Contains(a.Text, "تصوير") {
		t.Errorf("Text changes with the pictures:\n%q\n%q\n%q", a.Text, plain.Text, bare.Text)
	}
	for _, s := range []string{"<figure><img src=\"https://alofoq.example/img/2024/station.jpg\" alt=\"\" loading=\"lazy\" referrerpolicy=\"no-referrer\"><figcaption>خزانات المياه في المحطة الجديدة <span class=\"nazif-credit\">(رويترز)</span></figcaption></figure>\n",
		"<figure><img src=\"https://cdn.example/inline.jpg\" alt=\"\" loading=\"lazy\" referrerpolicy=\"no-referrer\"></figure>\n",
		`<a href="https://alofoq.example/people/minister.html" rel="noopener noreferrer nofollow">وزيرُ الموارد</a>`} {
		if !strings.Contains(a.HTML, s) {
			t.Errorf("the HTML has no %q:\n%s", s, a.HTML)
		}
	}
	for _, s := range []string{"![](https://alofoq.example/img/2024/station.jpg)\n*خزانات المياه في المحطة الجديدة · (رويترز)*\n",
		`[وزيرُ الموارد](https://alofoq.example/people/minister.html)`, `[في المدينة 😀](https://example.org/x?a=1&b=2)`} {
		if !strings.Contains(a.Markdown, s) {
			t.Errorf("the Markdown has no %q:\n%s", s, a.Markdown)
		}
	}
}

// TestLinkSpans: every link's span, in UTF-16 code units of the display
// text, covers exactly its display text, through the normalization of
// harakat, kashidas, no-break spaces, bidi marks and characters past
// U+FFFF; javascript:, mailto: and in-page links are not links.
func TestLinkSpans(t *testing.T) {
	page := strings.ReplaceAll(figuresPage, "{{IMG}}", "")
	a, err := nazif.Extract([]byte(page), nazif.Options{})
	if err != nil {
		t.Fatal(err)
	}
	type link struct{ text, href string }
	var got []link
	for _, b := range a.Blocks {
		units := utf16.Encode([]rune(b.Text))
		for _, l := range b.Links {
			text := l.TextOf(b)
			if js := string(utf16.Decode(units[l.Start:l.End])); js != text {
				t.Errorf("link %+v: TextOf %q, UTF-16 slice %q", l, text, js)
			}
			got = append(got, link{text, l.Href})
		}
	}
	want := []link{
		{"وزيرُ الموارد", "https://alofoq.example/people/minister.html"},
		{"المرحلة الثانية", "https://example.org/phase2"},
		{"الأولوية", "https://alofoq.example/water"},
		{"في المدينة 😀", "https://example.org/x?a=1&b=2"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("links:\n got %q\nwant %q", got, want)
	}

	// With the caller's URL, relative links resolve against it.
	a, _ = nazif.Extract([]byte(page), nazif.Options{URL: "https://mirror.example/a/b.html"})
	if l := a.Blocks[1].Links[0]; l.Href != "https://mirror.example/people/minister.html" {
		t.Errorf("link %+v; want it resolved against Options.URL", l)
	}
}
