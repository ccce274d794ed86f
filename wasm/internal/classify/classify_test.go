package classify_test

import (
	"strings"
	"testing"

	"github.com/nazif/nazif/wasm/internal/classify"
	"github.com/nazif/nazif/wasm/internal/dom"
	"github.com/nazif/nazif/wasm/internal/segment"
)

func run(page, ld string) classify.Result {
	d := dom.Parse(page)
	return classify.Classify(classify.Features(segment.Blocks(d.Root)), classify.Page{Titles: []string{d.Title}, LDBody: ld})
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
	kinds := map[string]segment.Kind{}
	for _, b := range r.Blocks {
		if b.Body {
			kinds[b.Text] = b.Kind
		}
	}
	if k, ok := kinds["موقف المعارضة"]; !ok || k != segment.Heading {
		t.Errorf("bold short line: kind %v (in body %v); want a heading", k, ok)
	}
	if k := kinds["وقال الوزير: هل هذه هي النهاية؟"]; k != segment.Para {
		t.Errorf("bold sentence: kind %v; want a paragraph", k)
	}
}
