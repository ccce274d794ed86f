package nazif_test

import (
	"strings"
	"testing"

	"github.com/nazif/nazif/wasm/nazif"
)

// Invented pages in layouts the corpus lacks: the rules must hold on
// markup they were not tuned on.

const sentenceA = "أكد وزير الخارجية في مؤتمر صحفي عقده اليوم أن المفاوضات مع الجانب الآخر ما زالت مستمرة، وأن الحكومة تأمل في التوصل إلى اتفاق قبل نهاية الشهر الجاري."
const sentenceB = "وأضاف الوزير أن اللجان الفنية تعمل على صياغة البنود المتبقية، مشيراً إلى أن الخلافات تتركز حول آليات التنفيذ والجدول الزمني للانسحاب من المناطق الحدودية."
const sentenceC = "من جهته، قال المتحدث باسم المعارضة إن أي اتفاق لا يضمن عودة النازحين إلى مدنهم وقراهم لن يكون مقبولاً، داعياً المجتمع الدولي إلى الضغط على الأطراف كافة."
const sentenceD = "ويأتي ذلك في وقت تشهد فيه المنطقة توتراً متصاعداً منذ أسابيع، بعد سلسلة من الحوادث الأمنية التي أودت بحياة العشرات من المدنيين والعسكريين على حد سواء."

type layoutCase struct {
	name string
	page string
	// body is the expected body, paragraph by paragraph.
	body             []string
	title, published string
	author, section  string
	absent           []string
}

var layoutCases = []layoutCase{
	{
		name: "wordpress",
		page: `<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>الوزير: المفاوضات مستمرة | شبكة الأخبار</title>
<meta property="og:site_name" content="شبكة الأخبار">
<meta property="article:published_time" content="2023-11-05T14:20:00+02:00">
</head><body class="post-template-default single single-post">
<header class="site-header"><ul class="menu"><li class="current-menu-item"><a href="/politics">سياسة</a></li><li><a href="/sport">رياضة</a></li><li><a href="/eco">اقتصاد</a></li></ul></header>
<div id="primary"><main id="main"><article class="post type-post">
<header class="entry-header"><h1 class="entry-title">الوزير: المفاوضات مستمرة</h1>
<div class="entry-meta"><span class="byline">بقلم سامي الحسن</span> <time class="entry-date published" datetime="2023-11-05T14:20:00+02:00">5 نوفمبر 2023</time></div></header>
<div class="entry-content"><p>` + sentenceA + `</p>
<p>` + sentenceB + `</p>
<h2>موقف المعارضة</h2>
<p>` + sentenceC + `</p>
<blockquote><p>لن نقبل باتفاق لا يضمن حقوق النازحين.</p></blockquote>
<p><strong>اقرأ أيضاً:</strong> <a href="/x">جولة جديدة من المحادثات الأسبوع المقبل</a></p>
<p>` + sentenceD + `</p>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">شارك هذا:</h3><ul><li><a href="#">فيسبوك</a></li><li><a href="#">تويتر</a></li></ul></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3>مقالات ذات صلة</h3><p><a href="/a">الحكومة تعلن عن خطة اقتصادية جديدة لمواجهة ارتفاع الأسعار في الأسواق المحلية</a></p></div>
</div></article>
<div id="comments" class="comments-area"><h2 class="comments-title">3 تعليقات</h2><ol class="comment-list"><li><p>هذا كلام لا يصدقه أحد، فقد سمعنا هذه الوعود مرات كثيرة من قبل دون أن يتغير شيء على أرض الواقع.</p></li></ol></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget"><h2>الأكثر قراءة</h2><ul><li><a href="/1">انخفاض أسعار الذهب في الأسواق العالمية بعد قرار البنك المركزي الأمريكي رفع الفائدة</a></li></ul></section></aside>
<footer class="site-footer"><p>جميع الحقوق محفوظة © 2023 شبكة الأخبار</p></footer></body></html>`,
		body:      []string{sentenceA, sentenceB, "موقف المعارضة", sentenceC, "لن نقبل باتفاق لا يضمن حقوق النازحين.", sentenceD},
		title:     "الوزير: المفاوضات مستمرة",
		published: "2023-11-05T14:20:00+02:00",
		author:    "سامي الحسن",
		section:   "سياسة",
		absent:    []string{"اقرأ", "شارك", "ذات صلة", "تعليقات", "لا يصدقه", "الذهب", "محفوظة"},
	},
	{
		name: "br-separated legacy table layout",
		page: `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>جريدة الوطن - تصاعد التوتر في المنطقة الحدودية</title></head><body>
<table width="100%"><tr><td class="nav"><a href="/">الصفحة الرئيسية</a> | <a href="/local">محليات</a> | <a href="/world">عربي ودولي</a></td></tr>
<tr><td class="newsbody" valign="top"><font size="4"><b>تصاعد التوتر في المنطقة الحدودية</b></font><br>
<span class="date">الأحد 12 ذو الحجة 1444 هـ الموافق 30 يونيو 2023</span><br><br>
` + sentenceD + `<br><br>` + sentenceA + `<br><br>` + sentenceB + `<br><br>(رويترز)</td>
<td class="side" width="200"><b>أخبار ذات صلة</b><br><a href="/1">المعارضة ترفض الشروط الجديدة للتفاوض وتطالب بضمانات دولية واضحة</a><br><a href="/2">اجتماع طارئ لوزراء الخارجية العرب في القاهرة لبحث التطورات</a></td></tr>
<tr><td colspan="2">للإعلان في الجريدة اتصل بنا</td></tr></table></body></html>`,
		body:      []string{sentenceD, sentenceA, sentenceB},
		title:     "تصاعد التوتر في المنطقة الحدودية",
		published: "2023-06-30",
		author:    "رويترز",
		absent:    []string{"ذات صلة", "المعارضة ترفض", "للإعلان", "رويترز", "الموافق"},
	},
}

func TestLayouts(t *testing.T) {
	for _, c := range layoutCases {
		t.Run(c.name, func(t *testing.T) {
			a, err := nazif.Extract([]byte(c.page), nazif.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range a.Blocks {
				got = append(got, b.Text)
			}
			if strings.Join(got, "\n") != strings.Join(c.body, "\n") {
				t.Errorf("body:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.body, "\n"))
			}
			for _, f := range []struct{ name, got, want string }{
				{"title", a.Title, c.title}, {"published", a.Published, c.published},
				{"author", a.Author, c.author}, {"section", a.Section, c.section},
			} {
				if f.got != f.want {
					t.Errorf("%s = %q; want %q", f.name, f.got, f.want)
				}
			}
			for _, s := range c.absent {
				if strings.Contains(a.Text, s) {
					t.Errorf("body contains %q", s)
				}
			}
		})
	}
}
