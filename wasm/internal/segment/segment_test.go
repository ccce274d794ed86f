package segment_test

import (
	"slices"
	"strconv"
	"testing"

	"github.com/nazif/nazif/wasm/internal/block"
	"github.com/nazif/nazif/wasm/internal/dom"
	"github.com/nazif/nazif/wasm/internal/segment"
)

func TestBlocks(t *testing.T) {
	d := dom.Parse(`<div><h2>عنوان فرعي</h2>
<p>سطر أول<br/>سطر <a href="/x">ثان</a><br><br>سطر ثالث</p>
<p style="display: none">مخفي</p><script>var x</script>
<ul><li>بند أ</li><li>بند <b>ب</b></li></ul>
<blockquote><p>اقتباس</p></blockquote>
<figure><img src="a.jpg"><figcaption>تعليق الصورة</figcaption></figure>
<form><label>البريد</label><input></form>
<div>نص مباشر في <span>القسم</span></div></div>`)
	want := []struct {
		text string
		kind block.Kind
		link int
	}{
		{"عنوان فرعي", block.Heading, 0},
		{"سطر أول", block.Para, 0},
		{"سطر ثان", block.Para, len("ثان")},
		{"سطر ثالث", block.Para, 0},
		{"بند أ", block.ListItem, 0},
		{"بند ب", block.ListItem, 0},
		{"اقتباس", block.Quote, 0},
		{"تعليق الصورة", block.Caption, 0},
		{"البريد", block.Para, 0}, // a form is a container; its controls give nothing
		{"نص مباشر في القسم", block.Para, 0},
	}
	got := segment.Blocks(d.Root)
	if len(got) != len(want) {
		for _, b := range got {
			t.Logf("%q", b.Text)
		}
		t.Fatalf("%d blocks; want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Text != w.text || g.Kind != w.kind || g.LinkChars != w.link {
			t.Errorf("block %d = %q kind %d links %d; want %q kind %d links %d", i, g.Text, g.Kind, g.LinkChars, w.text, w.kind, w.link)
		}
	}
	if got[0].Level != 2 {
		t.Errorf("heading level %d; want 2", got[0].Level)
	}
}

// TestLinkWeight: only hyperlinks count as link text in full; links
// within the page count for 3 tenths, placeholders and javascript: links
// not at all.
func TestLinkWeight(t *testing.T) {
	for _, c := range []struct {
		a    string
		want int
	}{
		{`<a href="/x">الرابط</a>`, len("الرابط")},
		{`<a href="https://example.com/">الرابط</a>`, len("الرابط")},
		{`<a href="#notes">الرابط</a>`, len("الرابط") * 3 / 10},
		{`<a href="#">الرابط</a>`, len("الرابط")},
		{`<a href=" JavaScript:void(0)">الرابط</a>`, 0},
		{`<a name="top">الرابط</a>`, 0},
		{`<a>الرابط</a>`, 0},
	} {
		b := segment.Blocks(dom.Parse(`<p>` + c.a + `</p>`).Root)
		if len(b) != 1 || b[0].LinkChars != c.want {
			t.Errorf("%s: %+v; want one block with %d link bytes", c.a, b, c.want)
		}
	}
}

// TestLinkAndBoldCounts: a block that is all link has link density 1,
// its spaces included; a block bold but for one word is not bold.
func TestLinkAndBoldCounts(t *testing.T) {
	b := segment.Blocks(dom.Parse(`<p><a href="/x">خبر آخر عن المحادثات</a></p><p><b>سطر كله</b> <b>عريض</b></p><p><b>سطر عريض</b> إلا كلمة</p>`).Root)
	if len(b) != 3 {
		t.Fatalf("%d blocks; want 3", len(b))
	}
	if b[0].LinkChars != b[0].Chars {
		t.Errorf("all-link block: %d link bytes of %d", b[0].LinkChars, b[0].Chars)
	}
	if !b[1].Bold || b[2].Bold {
		t.Errorf("bold: %v, %v; want true, false", b[1].Bold, b[2].Bold)
	}
}

// TestLinks: each hyperlink gives the bytes of its text in its block,
// without the spaces around it; a link around block boundaries gives one
// Link a block; links within the page, placeholders, javascript: buttons
// and links without text give none.
func TestLinks(t *testing.T) {
	type link struct{ block, text, href string }
	for _, c := range []struct {
		html string
		want []link
	}{
		{`<p>قبل <a href="/x"> الرابط </a>بعد</p>`, []link{{"قبل الرابط بعد", "الرابط", "/x"}}},
		{`<p>&nbsp;<a href="/x">أول</a> و<a href="https://e.com/y"><b>ثان</b> كذلك</a></p>`,
			[]link{{"أول وثان كذلك", "أول", "/x"}, {"أول وثان كذلك", "ثان كذلك", "https://e.com/y"}}},
		{`<div><a href="/z"><p>فقرة أولى</p><p>فقرة ثانية</p></a></div>`,
			[]link{{"فقرة أولى", "فقرة أولى", "/z"}, {"فقرة ثانية", "فقرة ثانية", "/z"}}},
		{`<p><a href="/z">سطر<br>آخر</a> ذيل</p>`, []link{{"سطر", "سطر", "/z"}, {"آخر ذيل", "آخر", "/z"}}},
		// The light DOM nests an <a> opened inside another (a browser
		// closes the first): the outer link takes the text.
		{`<p><a href="/out">خارج <a href="/in">داخل</a></a></p>`, []link{{"خارج داخل", "خارج داخل", "/out"}}},
		{`<p>نص <a href="#n">حاشية</a> <a href="javascript:f()">زر</a> <a>مكان</a> <a href="/i"><img src="a.jpg"></a> <a href="/e"> </a></p>`, nil},
	} {
		p, ok := segment.Cut(dom.Parse(c.html).Root, nil)
		if !ok {
			t.Fatal("Cut stopped")
		}
		var got []link
		for _, l := range p.Links {
			b := p.Blocks[l.Block].Text
			got = append(got, link{b, b[l.Start:l.End], l.Href})
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s:\n got %q\nwant %q", c.html, got, c.want)
		}
	}
}

// TestImages: each visible <img> stands before the block after it, or
// after the block whose text holds it.
func TestImages(t *testing.T) {
	p, _ := segment.Cut(dom.Parse(`<img src="0.jpg"><p>أول</p><figure><img src="1.jpg"><figcaption>تعليق</figcaption></figure>
<p>قبل <img src="2.jpg"> بعد</p><p hidden><img src="x.jpg"></p><noscript><img src="y.jpg"></noscript><p>آخر<img src="3.jpg"></p>`).Root, nil)
	var got []string
	for _, im := range p.Images {
		got = append(got, im.Elem.Attr("src")+"@"+strconv.Itoa(im.At))
	}
	want := []string{"0.jpg@0", "1.jpg@1", "2.jpg@3", "3.jpg@4"}
	if !slices.Equal(got, want) {
		t.Errorf("images %q; want %q", got, want)
	}
}
