package classify_test

import (
	"strings"
	"testing"

	"github.com/nazif/nazif/wasm/internal/block"
	"github.com/nazif/nazif/wasm/internal/classify"
	"github.com/nazif/nazif/wasm/internal/dom"
	"github.com/nazif/nazif/wasm/internal/segment"
)

func run(page, ld string) classify.Result {
	d := dom.Parse(page)
	blocks := segment.Blocks(d.Root)
	classify.Features(blocks)
	return classify.Classify(blocks, classify.Page{Titles: []string{d.Title}, LDBody: ld})
}

func body(r classify.Result) []string {
	var out []string
	for _, b := range r.Blocks {
		if b.Body {
			out = append(out, b.Text)
		}
	}
	return out
}

func reason(r classify.Result, text string) string {
	for _, b := range r.Blocks {
		if strings.Contains(b.Text, text) {
			return b.Reason
		}
	}
	return "(missing)"
}

const (
	art1 = "قالت وزارة الصحة في بيان صدر اليوم إن عدد الإصابات الجديدة ارتفع إلى مئة وعشرين حالة، وإن الفرق الطبية تعمل على تتبع المخالطين في المحافظات كافة."
	art2 = "وأوضح البيان أن معظم الحالات المسجلة خفيفة ولا تحتاج إلى دخول المستشفى، داعياً المواطنين إلى الالتزام بالإجراءات الوقائية وتجنب التجمعات الكبيرة."
	art3 = "وكانت الحكومة قد أعلنت الأسبوع الماضي عن حزمة من القرارات التي تهدف إلى الحد من انتشار الفيروس، من بينها تقليص ساعات العمل في المؤسسات العامة."
	cmt  = "أنا لا أصدق هذه الأرقام التي تعلنها الوزارة كل يوم، فالواقع في المستشفيات مختلف تماماً عما يقولون في البيانات الرسمية والمؤتمرات الصحفية."
)

func TestChoosesArticleOverComments(t *testing.T) {
	// The reader comments are longer than the article, and named so.
	page := `<div class="story"><p>` + art1 + `</p><p>` + art2 + `</p></div>
<div class="comments-list"><p>` + cmt + `</p><p>` + cmt + `</p><p>` + cmt + `</p><p>` + cmt + `</p></div>`
	got := body(run(page, ""))
	if len(got) != 2 || got[0] != art1 || got[1] != art2 {
		t.Errorf("body = %q; want the two article paragraphs", got)
	}
}

func TestJSONLDCrossCheck(t *testing.T) {
	// Unnamed containers: structure alone prefers the longer comment
	// thread; the JSON-LD articleBody points to the article.
	page := `<div><div><p>` + art1 + `</p><p>` + art2 + `</p><p>` + art3 + `</p></div>
<div><p>` + cmt + `</p><p>` + cmt + `</p><p>` + cmt + `</p><p>` + cmt + `</p><p>` + cmt + `</p></div></div>`
	if got := strings.Join(body(run(page, "")), "\n"); !strings.Contains(got, cmt) {
		t.Fatalf("without JSON-LD the body is %q; the test expects the structural choice to fail here", got)
	}
	got := body(run(page, art1+" "+art2+" "+art3))
	if len(got) != 3 || got[0] != art1 || got[2] != art3 {
		t.Errorf("with JSON-LD the body is %q; want the article", got)
	}
}

func TestFilterReasons(t *testing.T) {
	page := `<article class="post"><div class="entry-content">
<p>كتب محمد علي</p>
<p>` + art1 + `</p>
<figure><img src="x.jpg"><figcaption>صورة من المؤتمر الصحفي للوزارة</figcaption></figure>
<p>اقرأ أيضاً: <a href="/y">الوزارة تعلن عن إجراءات جديدة</a></p>
<p>` + art2 + `</p>
<div class="tags"><a href="/t1">الصحة</a> <a href="/t2">كورونا</a></div>
<p><a href="/1">خبر أول</a> <a href="/2">خبر ثان</a> <a href="/3">خبر ثالث</a></p>
<p>` + art3 + `</p>
<p>مصدر الصورة، Getty Images</p>
<p>جميع الحقوق محفوظة © 2021</p>
<p>(رويترز)</p>
</div></article>`
	r := run(page, "")
	for _, c := range []struct{ text, want string }{
		{"كتب محمد", "byline"},
		{"صورة من المؤتمر", "caption"},
		{"اقرأ أيضاً", "boilerplate:read-also"},
		{"الصحة كورونا", "class:tags"},
		{"خبر أول", "links"},
		{"جميع الحقوق", "boilerplate:copyright"},
		{"مصدر الصورة", "boilerplate:photo"},
		{"(رويترز)", "credit"},
		{art1, ""},
	} {
		if got := reason(r, c.text); got != c.want {
			t.Errorf("reason for %q = %q; want %q", c.text, got, c.want)
		}
	}
	if got := body(r); len(got) != 3 {
		t.Errorf("body = %q; want 3 paragraphs", got)
	}
}

func TestNoArticle(t *testing.T) {
	r := run(`<ul class="menu"><li><a href="/">الرئيسية</a></li><li><a href="/a">أخبار</a></li></ul>`, "")
	if r.Top != nil || len(body(r)) != 0 {
		t.Errorf("a menu-only page gave a body: %q", body(r))
	}
}

func TestBoldCrosshead(t *testing.T) {
	r := run(`<div class="article-body"><p>`+art1+`</p><p><strong>موقف المعارضة</strong></p><p>`+art2+`</p>
<p><b>وقال الوزير: هل هذه هي النهاية؟</b></p><p>`+art3+`</p></div>`, "")
	kinds := map[string]block.Kind{}
	for _, b := range r.Blocks {
		if b.Body {
			kinds[b.Text] = b.Kind
		}
	}
	if k, ok := kinds["موقف المعارضة"]; !ok || k != block.Heading {
		t.Errorf("bold short line: kind %v (in body %v); want a heading", k, ok)
	}
	if k := kinds["وقال الوزير: هل هذه هي النهاية؟"]; k != block.Para {
		t.Errorf("bold sentence: kind %v; want a paragraph", k)
	}
}

const (
	en1 = "The minister said on Tuesday that the talks with the other side were still going on, and that the government hoped to reach a deal before the end of the month."
	en2 = "He added that the technical committees were drafting the remaining clauses, and that the differences were over how the deal would be carried out and when."
	en3 = "For its part, the opposition said that any deal that did not let the displaced return to their towns and villages would not be accepted by its supporters."
)

// TestClassNamesAreWeighed: a chrome word in a class or id is evidence,
// not a verdict. Paragraphs whose class says "share" stay when they are
// the article's prose; a share bar goes.
func TestClassNamesAreWeighed(t *testing.T) {
	page := `<html><body><div class="content"><h1>Talks go on</h1>
<p class="selectionShareable">` + en1 + `</p><p class="selectionShareable">` + en2 + `</p>
<div id="sharing-with-the-reader"><p>` + en3 + `</p></div>
<div class="share-bar"><a href="/f">Facebook</a> <a href="/t">Twitter</a> <a href="/m">Email</a></div></div></body></html>`
	got := body(run(page, ""))
	// The headline is in the container; Extract drops it from the body.
	if len(got) != 4 || got[1] != en1 || got[3] != en3 {
		t.Errorf("body = %q; want the headline and the three paragraphs", got)
	}
}

// TestFormIsAContainer: a page wrapped in one <form> (ASP.NET WebForms)
// still has its article; the form's controls give no text.
func TestFormIsAContainer(t *testing.T) {
	page := `<html><body><form id="aspnetForm" action="/page.aspx"><input type="hidden" name="__VIEWSTATE" value="x">
<div><p>` + art1 + `</p><p>` + art2 + `</p><button>بحث</button></div></form></body></html>`
	if got := body(run(page, "")); len(got) != 2 {
		t.Errorf("body = %q; want the two paragraphs", got)
	}
}

// TestSplitBody: an article split over boxes, one a paragraph, each
// scoring little on its own, comes back whole; the sidebar beside it
// does not.
func TestSplitBody(t *testing.T) {
	box := func(p string) string {
		return `<div><div><span><p>` + p + `</p></span></div><div><img src="x.jpg"></div></div>`
	}
	page := `<html><body><div><h1>Talks go on</h1>` + box(en1) + box(en2) + box(en3) + `</div>
<div><ul><li><a href="/1">Other news one</a></li><li><a href="/2">Other news two</a></li><li><a href="/3">Other news three</a></li></ul></div></body></html>`
	got := body(run(page, ""))
	if len(got) != 4 || got[1] != en1 || got[3] != en3 {
		t.Errorf("body = %q; want the headline and the three paragraphs", got)
	}
}

// TestBrRuns: text set as <br><br>-separated runs straight in a <div> is
// an article like any other, in Arabic and in English.
func TestBrRuns(t *testing.T) {
	for _, ps := range [][]string{{art1, art2, art3}, {en1, en2, en3}} {
		page := `<html><body><div><a href="/">Home</a> <a href="/n">News</a></div><div>` + strings.Join(ps, "<br><br>") + `</div></body></html>`
		if got := body(run(page, "")); len(got) != 3 {
			t.Errorf("body = %q; want the three runs", got)
		}
	}
}

// TestHeadlineAnchors: with no class or id to tell them apart, a longer
// run of prose at the end of the page (a site's rules in a dialog) loses
// to the article right under the headline, which shows the page's title;
// without the headline it wins.
func TestHeadlineAnchors(t *testing.T) {
	far := `<div><ul><li><a href="/a">خبر آخر</a></li><li><a href="/b">خبر ثالث</a></li></ul></div>
<div><div><p>` + cmt + `</p><p>` + cmt + `</p><p>` + cmt + `</p><p>` + cmt + `</p></div></div></body></html>`
	article := `<div><p>` + art1 + `</p><p>` + art2 + `</p><p>` + art3 + `</p></div></div>`
	page := `<html><head><title>وزارة الصحة تعلن الأرقام | موقع الأخبار</title></head><body><div><h1>وزارة الصحة تعلن الأرقام</h1>` + article + far
	if got := body(run(page, "")); len(got) != 4 || got[1] != art1 {
		t.Errorf("body = %q; want the headline and the article under it", got)
	}
	page = `<html><body><div><h1>عنوان آخر تماما</h1>` + article + far
	if got := body(run(page, "")); len(got) == 0 || got[0] != cmt {
		t.Errorf("with no headline, body = %q; the test expects the longer run to win", got)
	}
}

// TestStubPage: a page of a few short lines and no prose gives those
// lines, not an empty body; a page of links only still gives nothing.
func TestStubPage(t *testing.T) {
	r := run(`<html><body><h2>Test Case 1</h2><img src="a.jpg"><h2>Test Case 2</h2></body></html>`, "")
	if got := body(r); len(got) != 2 || r.Pass != "page" {
		t.Errorf("body = %q, pass %q; want the two headings from the page pass", got, r.Pass)
	}
	if got := body(run(`<html><body><a href="javascript:">abc</a></body></html>`, "")); len(got) != 1 {
		t.Errorf("body = %q; want the javascript: link's text", got)
	}
}

// TestChromePhrasesInProse: an article may discuss cookies and terms of
// service; a sentence between two paragraphs of the body stays.
func TestChromePhrasesInProse(t *testing.T) {
	mid := "Even if we accept that clicking through the terms of service can be consent, the third-party cookies that follow you were never part of the terms of service you saw."
	page := `<html><body><article><p>` + en1 + `</p><p>` + mid + `</p><p>` + en2 + `</p></article></body></html>`
	if got := body(run(page, "")); len(got) != 3 {
		t.Errorf("body = %q; want the three paragraphs", got)
	}
}

// TestLinkedListItems: a list item that links somewhere stays (a blog's
// roundup); a list of links only is a related-articles box.
func TestLinkedListItems(t *testing.T) {
	page := `<html><body><article><p>` + en1 + `</p><ul>
<li>Here is our <a href="/review">year in review of the browser</a>!</li>
<li>Ankush fixed <a href="/bug/1">an issue with revoked permissions for extensions</a></li></ul>
<p>` + en2 + `</p><ul><li><a href="/a">Another story about the talks</a></li><li><a href="/b">A third story about the talks</a></li></ul>
<p>` + en3 + `</p></article></body></html>`
	r := run(page, "")
	if got := reason(r, "year in review"); got != "" {
		t.Errorf("partly linked item: reason %q; want body", got)
	}
	if got := reason(r, "Another story"); got != "links" {
		t.Errorf("all-link item: reason %q; want links", got)
	}
}

// TestFormIsWeighedAsChrome: prose inside a small <form> (a sign-up or
// comment box, no class to say so) counts little against the article; a
// form around the whole page damps every candidate alike.
func TestFormIsWeighedAsChrome(t *testing.T) {
	page := `<html><body><div><h1>Talks go on</h1><p>` + en1 + `</p><p>` + en2 + `</p></div>
<form action="/subscribe"><p>` + en3 + `</p><p>` + en3 + ` Again.</p><p>` + en3 + ` Once more.</p><input name="email"><button>Sign up</button></form></body></html>`
	got := body(run(page, ""))
	if len(got) != 3 || got[1] != en1 {
		t.Errorf("body = %q; want the headline and the two paragraphs beside the form", got)
	}
}
