package dump_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/nazif/nazif/wasm/eval"
	"github.com/nazif/nazif/wasm/internal/dates"
	"github.com/nazif/nazif/wasm/internal/dump"
)

const corpus = "../../../testdata/corpus"

// minF1 is the least body token F1 each corpus dump must reach.
const minF1 = 0.98

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// day parses a date line to its ISO day, or "".
func day(line string) string {
	d, ok := dates.ParseText(line, time.Time{})
	if !ok {
		return ""
	}
	return d.String()[:10]
}

// published is the day of d.Published, or "".
func published(d dump.Doc) string {
	if d.Published.IsZero() {
		return ""
	}
	return d.Published.String()[:10]
}

func sameDay(got string, t eval.Truth) bool {
	if got == "" {
		return false
	}
	for _, w := range append([]string{t.Published}, t.PublishedAlt...) {
		if len(w) >= 10 && w[:10] == got {
			return true
		}
	}
	return false
}

func TestCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(corpus, "*.dump.txt"))
	if err != nil || len(files) < 7 {
		t.Fatalf("corpus: %d dumps, %v; want at least 7", len(files), err)
	}
	t.Logf("%-26s %6s %6s %6s %5s %5s %-10s", "dump", "P", "R", "F1", "title", "date", "day")
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".dump.txt")
		t.Run(id, func(t *testing.T) {
			text, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			raw, err := os.ReadFile(filepath.Join(corpus, id+".truth.json"))
			if err != nil {
				t.Fatal(err)
			}
			truth, err := eval.ParseTruth(raw)
			if err != nil {
				t.Fatal(err)
			}
			d := dump.Extract(string(text))
			body := strings.Join(d.Paragraphs, "\n")
			p, r, f1 := eval.TokenF1(body, strings.Join(truth.Body(true), "\n"))
			titleOK := collapse(d.Title) == collapse(truth.Title)
			got := day(d.DateLine)
			dateOK := sameDay(got, truth)
			t.Logf("%-26s %6.3f %6.3f %6.3f %5v %5v %-10s", id, p, r, f1, titleOK, dateOK, got)

			if f1 < minF1 {
				t.Errorf("body F1 %.3f (P %.3f, R %.3f); want ≥ %.2f", f1, p, r, minF1)
			}
			for _, snip := range truth.MustNotContain {
				if strings.Contains(collapse(body), collapse(snip)) {
					t.Errorf("body holds boilerplate %q", snip)
				}
			}
			if !titleOK {
				t.Errorf("title: got %q; want %q", d.Title, truth.Title)
			}
			if d.DateLine == "" || !dateOK {
				t.Errorf("date line %q gives %q; want the day of %q or %q", d.DateLine, got, truth.Published, truth.PublishedAlt)
			}
		})
	}
}

func TestSeed(t *testing.T) {
	text, err := os.ReadFile(filepath.Join(corpus, "seed-mawazin-2025-06-11.dump.txt"))
	if err != nil {
		t.Fatal(err)
	}
	d := dump.Extract(string(text))
	if len(d.Paragraphs) != 9 {
		t.Fatalf("got %d paragraphs; want 9", len(d.Paragraphs))
	}
	if first := d.Paragraphs[0]; !strings.HasPrefix(first, "استضافت العاصمة") {
		t.Errorf("first paragraph: got %q; want it to start with %q", first, "استضافت العاصمة")
	}
	if last := d.Paragraphs[8]; !strings.HasSuffix(last, "تحديات أمنية متزايدة\".") {
		t.Errorf("last paragraph: got %q; want it to end with %q", last, "تحديات أمنية متزايدة\".")
	}
	for _, c := range []struct{ name, got, want string }{
		{"section", d.Section, "العالم"},
		{"site", d.Site, "موازين نيوز"},
		{"author", d.Author, "متابعة"},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %q; want %q", c.name, c.got, c.want)
		}
	}
}

// The synthetic dumps below are invented, in layouts unlike the corpus
// sites, to check that the rules are about layout and language.

// w3mNews is a w3m-style dump: breadcrumb with ">", byline and date below
// the title, an image and its caption, a share row, an in-body "read also"
// line, an agency credit, tags, related links and a footer.
const w3mNews = `[logo-site]
  • الرئيسية
  • محليات
  • اقتصاد
  • رياضة
  • رأي

[                    ] [بحث]

عاجل: انقطاع الكهرباء في عدة أحياء بالعاصمة

الرئيسية > اقتصاد > أسواق

البنك المركزي يرفع سعر الفائدة للمرة الثالثة هذا العام

بقلم: سامي الحداد
نشر في: 5 مارس 2023 - 10:15

[صورة محافظ البنك المركزي]
محافظ البنك المركزي خلال المؤتمر الصحفي

شارك: فيسبوك تويتر واتساب

أعلن البنك المركزي، اليوم الأحد، رفع سعر الفائدة الرئيسي بمقدار نصف نقطة مئوية، في خطوة هي الثالثة من نوعها منذ بداية العام، وذلك في محاولة لكبح التضخم الذي بلغ أعلى مستوياته منذ عقد.

وقال المحافظ في مؤتمر صحفي إن القرار جاء بعد دراسة متأنية للمؤشرات الاقتصادية، مشيرا إلى أن البنك سيواصل مراقبة الأسعار عن كثب خلال الأشهر المقبلة.

اقرأ أيضا: الحكومة تعلن حزمة دعم جديدة للأسر

وأضاف أن ارتفاع أسعار الغذاء والطاقة في الأسواق العالمية كان له الأثر الأكبر على معدلات التضخم المحلية، وأن السياسة النقدية وحدها لا تكفي لمعالجة هذه الضغوط.

من جهتهم، توقع محللون أن يؤدي القرار إلى تباطؤ نمو القروض الاستهلاكية، في حين رحبت جمعية المصارف بالخطوة واعتبرتها ضرورية للحفاظ على استقرار العملة.

(رويترز)

الوسوم: البنك المركزي الفائدة التضخم

أخبار ذات صلة
  • الحكومة تعلن حزمة دعم جديدة للأسر
  • أسعار الذهب تتراجع في التعاملات المسائية
  • البورصة تغلق على ارتفاع طفيف

تابعونا على فيسبوك تويتر يوتيوب
© 2023 جميع الحقوق محفوظة
`

// seedForm is a dump in the seed's form, of an invented site.
const seedForm = `المنتخب الوطني يتأهل إلى نهائيات كأس آسيا بعد فوز صعب

رياضة |   21:40 - 14/10/2024


وكالة الرافدين - خاص
حقق المنتخب الوطني لكرة القدم فوزا صعبا على نظيره الضيف بهدف دون رد، في المباراة التي جرت مساء اليوم على الملعب الدولي، ليضمن بذلك بطاقة التأهل إلى النهائيات.
وسجل هدف المباراة الوحيد لاعب الوسط في الدقيقة الثمانين، بعد تمريرة متقنة من الجهة اليسرى، وسط أجواء حماسية من الجماهير التي ملأت المدرجات.
وقال المدرب في المؤتمر الصحفي عقب اللقاء إن "الفريق قدم ما عليه رغم الضغوط، وإن التأهل هو ثمرة عمل طويل بدأ منذ أكثر من عام".
ومن المقرر أن يخوض المنتخب مباراته الأخيرة في التصفيات الشهر المقبل، قبل أن يدخل معسكرا تدريبيا استعدادا للبطولة.


مواضيع ذات صلة

image image
الرئيسية من نحن اتصل بنا

حمّل التطبيق

تابعونا على

جميع الحقوق محفوظة © 2024`

// deck has a deck (a standfirst without punctuation) between the title and
// the date, and no other hint to the title.
const deck = `انطلاق موسم الحصاد في السهول الشمالية

توقعات بإنتاج قياسي هذا العام بعد موسم أمطار استثنائي شهدته المنطقة وتحسن ملحوظ في شبكات الري الحديثة

السبت 3 أغسطس 2024

انطلق موسم حصاد القمح في السهول الشمالية وسط توقعات بإنتاج قياسي، بعد موسم أمطار استثنائي ساهم في تحسين المردود في معظم المناطق الزراعية.
وقال مدير الزراعة في المحافظة إن الفرق الفنية أنهت استعداداتها لاستقبال المحصول في مراكز التجميع، مشيرا إلى أن الأسعار المعلنة هذا العام تشجع المزارعين على التسليم.`

// noArticle is a page of links and menus only.
const noArticle = `  • الرئيسية
  • أخبار
  • رياضة
[logo]
الأكثر قراءة
  • الحكومة تعلن حزمة دعم جديدة للأسر
  • أسعار الذهب تتراجع في التعاملات المسائية
أسعار الذهب اليوم أسعار الذهب اليوم
© 2024 جميع الحقوق محفوظة`

// dateAbove puts the date above the title, a byline under it, and a tag
// list and comment form after the body.
const dateAbove = `  • الرئيسية
  • سياسة
  • اقتصاد

الأربعاء 12 يونيو 2024 - 14:30

وزير الخارجية يبحث مع نظيره الفرنسي تطورات الأوضاع الإقليمية

[صورة من اللقاء]

كتب: محمد علي
بحث وزير الخارجية مع نظيره الفرنسي، خلال لقاء عقد اليوم في العاصمة الفرنسية، آخر التطورات في المنطقة، وسبل تعزيز التعاون الثنائي بين البلدين في مختلف المجالات.
وأكد الوزيران أهمية مواصلة التنسيق والتشاور بشأن القضايا ذات الاهتمام المشترك، مشددين على ضرورة العمل من أجل خفض التصعيد في المنطقة.
وتناول اللقاء كذلك ملفات الطاقة والهجرة، إضافة إلى الاستعدادات الجارية لعقد اللجنة المشتركة بين البلدين قبل نهاية العام.

الكلمات المفتاحية
وزير الخارجية
فرنسا

أضف تعليقك
الاسم
[                    ]
[إرسال]`

// updatedFirst states the update nearer the body than the publication,
// and ends with a comments section whose comments are prose too.
const updatedFirst = `[logo]
شبكة الأخبار

ارتفاع أسعار القمح عالميا بعد تراجع توقعات المحصول في أوروبا

نشر بتاريخ 12 يونيو 2024
آخر تحديث 13 يونيو 2024

ارتفعت أسعار القمح في الأسواق العالمية بنسبة خمسة في المئة خلال تعاملات الأسبوع، بعد أن خفضت هيئات زراعية أوروبية توقعاتها لحجم المحصول بسبب موجة الجفاف.

ويرى متعاملون أن استمرار الطقس الحار في شرق القارة قد يدفع الأسعار إلى مزيد من الارتفاع، خصوصا مع تزايد الطلب من الدول المستوردة في الشرق الأوسط وشمال أفريقيا.

وكانت الأسعار قد تراجعت في الربيع الماضي إلى أدنى مستوى لها منذ ثلاث سنوات، قبل أن تعاود الصعود مع ظهور مؤشرات على تضرر المحاصيل.

التعليقات

سامي
منذ 3 ساعات
هذا الارتفاع سيؤثر على أسعار الخبز عندنا، والحكومة لم تفعل شيئا حتى الآن لمواجهة الأزمة.

ليلى
منذ 5 ساعات
نتمنى أن تتدخل الجهات المعنية بسرعة، لأن المواطن هو من يدفع الثمن في النهاية.`

// headlineFirst has no meta line between a punctuated title and the body.
const headlineFirst = `  • أخبار
  • رياضة

الحكومة تقر موازنة العام المقبل، وتخفض العجز إلى ثلاثة في المئة من الناتج المحلي
أقر مجلس الوزراء في جلسته الأسبوعية اليوم مشروع موازنة العام المقبل، الذي يتضمن خفض العجز إلى ثلاثة في المئة من الناتج المحلي الإجمالي.
وقال وزير المالية في مؤتمر صحفي عقب الجلسة إن الموازنة الجديدة تراعي الظروف الاقتصادية الصعبة، وتحافظ على مخصصات الدعم الاجتماعي.
ومن المنتظر أن يحال المشروع إلى البرلمان خلال الأسبوع المقبل لمناقشته وإقراره قبل بداية السنة المالية.

جميع الحقوق محفوظة`

// asideBox has a «read also» box of headlines and dates set between the
// second and the third paragraph.
const asideBox = `  • محليات
  • رياضة
  • اقتصاد

افتتاح أكبر محطة لتحلية المياه في المنطقة الساحلية

الأحد 7 يوليو 2024 - 10:15 ص

افتتح رئيس الوزراء صباح اليوم أكبر محطة لتحلية مياه البحر في المنطقة الساحلية، بطاقة إنتاجية تصل إلى مليون متر مكعب يوميا.
وقال وزير الموارد المائية إن المحطة ستغطي احتياجات أكثر من ثلاثة ملايين نسمة من مياه الشرب.

إقرأ أيضاً

ارتفاع درجات الحرارة في معظم المحافظات
6 يوليو 2024
الحكومة تعلن خطة جديدة لترشيد الاستهلاك
5 يوليو 2024

وأضاف الوزير أن الحكومة تخطط لإنشاء ثلاث محطات أخرى خلال السنوات الخمس المقبلة، بتمويل من القطاع الخاص.

[محطة التحلية]
صورة أرشيفية للمحطة

وبحسب الوزارة، يعمل في المحطة أكثر من خمسمئة مهندس وفني، معظمهم من أبناء المحافظات الساحلية.

الأسعار لن تتغير

وأكد أن أسعار المياه للمواطنين لن تتغير بعد تشغيل المحطات الجديدة، وأن الدعم الحكومي سيستمر.

اترك تعليقاً
جميع الحقوق محفوظة © 2024`

func TestSynthetic(t *testing.T) {
	tests := []struct {
		name                            string
		text                            string
		title, day, section, site, auth string
		paras                           int
		first, last                     string
		leaks                           []string
	}{
		{
			name: "w3m", text: w3mNews,
			title: "البنك المركزي يرفع سعر الفائدة للمرة الثالثة هذا العام", day: "2023-03-05",
			section: "أسواق", auth: "سامي الحداد", paras: 4,
			first: "أعلن البنك المركزي", last: "استقرار العملة.",
			leaks: []string{"اقرأ أيضا", "رويترز", "الوسوم", "أخبار ذات صلة", "شارك", "محافظ البنك المركزي خلال", "عاجل"},
		},
		{
			name: "seed-form", text: seedForm,
			title: "المنتخب الوطني يتأهل إلى نهائيات كأس آسيا بعد فوز صعب", day: "2024-10-14",
			section: "رياضة", site: "وكالة الرافدين", auth: "خاص", paras: 4,
			first: "حقق المنتخب الوطني", last: "استعدادا للبطولة.",
			leaks: []string{"مواضيع ذات صلة", "image", "حمّل التطبيق", "وكالة الرافدين - خاص"},
		},
		{
			name: "date-above", text: dateAbove,
			title: "وزير الخارجية يبحث مع نظيره الفرنسي تطورات الأوضاع الإقليمية", day: "2024-06-12",
			auth: "محمد علي", paras: 3,
			first: "بحث وزير الخارجية", last: "قبل نهاية العام.",
			leaks: []string{"كتب", "الكلمات المفتاحية", "فرنسا\n", "أضف تعليقك"},
		},
		{
			name: "updated-first", text: updatedFirst,
			title: "ارتفاع أسعار القمح عالميا بعد تراجع توقعات المحصول في أوروبا", day: "2024-06-12",
			paras: 3,
			first: "ارتفعت أسعار القمح", last: "تضرر المحاصيل.",
			leaks: []string{"التعليقات", "سامي", "منذ 3 ساعات", "الخبز", "المواطن"},
		},
		{
			name: "headline-first", text: headlineFirst,
			title: "الحكومة تقر موازنة العام المقبل، وتخفض العجز إلى ثلاثة في المئة من الناتج المحلي",
			paras: 3,
			first: "أقر مجلس الوزراء", last: "بداية السنة المالية.",
			leaks: []string{"جميع الحقوق"},
		},
		{
			name: "deck", text: deck,
			title: "انطلاق موسم الحصاد في السهول الشمالية", day: "2024-08-03", paras: 2,
			first: "انطلق موسم حصاد", last: "على التسليم.",
			leaks: []string{"توقعات بإنتاج قياسي هذا العام"},
		},
		{
			name: "aside", text: asideBox,
			title: "افتتاح أكبر محطة لتحلية المياه في المنطقة الساحلية", day: "2024-07-07", paras: 6,
			first: "افتتح رئيس الوزراء", last: "سيستمر.",
			leaks: []string{"إقرأ أيضاً", "ارتفاع درجات الحرارة", "ترشيد الاستهلاك", "6 يوليو", "تعليقاً", "صورة أرشيفية"},
		},
		{name: "no-article", text: noArticle},
		{name: "empty", text: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := dump.Extract(tt.text)
			for _, c := range []struct{ field, got, want string }{
				{"title", d.Title, tt.title},
				{"day", day(d.DateLine), tt.day},
				{"published", published(d), tt.day},
				{"section", d.Section, tt.section},
				{"site", d.Site, tt.site},
				{"author", d.Author, tt.auth},
			} {
				if c.got != c.want {
					t.Errorf("%s: got %q; want %q", c.field, c.got, c.want)
				}
			}
			if len(d.Paragraphs) != tt.paras {
				t.Fatalf("got %d paragraphs %q; want %d", len(d.Paragraphs), d.Paragraphs, tt.paras)
			}
			if tt.paras == 0 {
				return
			}
			if !strings.HasPrefix(d.Paragraphs[0], tt.first) {
				t.Errorf("first paragraph: got %q; want it to start with %q", d.Paragraphs[0], tt.first)
			}
			if last := d.Paragraphs[len(d.Paragraphs)-1]; !strings.HasSuffix(last, tt.last) {
				t.Errorf("last paragraph: got %q; want it to end with %q", last, tt.last)
			}
			body := strings.Join(d.Paragraphs, "\n")
			for _, leak := range tt.leaks {
				if strings.Contains(body, leak) {
					t.Errorf("body holds %q", leak)
				}
			}
		})
	}
}

// TestRemoved checks that every non-empty line is either used or listed in
// Removed with a reason.
func TestRemoved(t *testing.T) {
	for _, text := range []string{w3mNews, seedForm, noArticle} {
		d := dump.Extract(text)
		used := map[string]bool{d.Title: true, d.Site + " - " + d.Author: true}
		for _, p := range d.Paragraphs {
			used[p] = true
		}
		removed := map[string]bool{}
		for _, r := range d.Removed {
			if r.Reason == "" {
				t.Errorf("removed %q has no reason", r.Text)
			}
			removed[r.Text] = true
		}
		n := 0
		for _, l := range strings.Split(text, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				n++
			}
		}
		if got := len(d.Paragraphs) + len(d.Removed); got > n {
			t.Errorf("%d paragraphs and %d removed lines out of %d non-empty lines", len(d.Paragraphs), len(d.Removed), n)
		}
		for _, r := range []string{"© 2024 جميع الحقوق محفوظة", "© 2023 جميع الحقوق محفوظة"} {
			if strings.Contains(text, r) && !removed[r] {
				t.Errorf("%q is not in Removed", r)
			}
		}
	}
}

func Example() {
	d := dump.Extract(seedForm)
	fmt.Println(d.Title)
	fmt.Println(d.Section, "|", d.DateLine)
	fmt.Println(d.Site, "/", d.Author)
	fmt.Println(len(d.Paragraphs), "paragraphs")
	// Output:
	// المنتخب الوطني يتأهل إلى نهائيات كأس آسيا بعد فوز صعب
	// رياضة | 21:40 - 14/10/2024
	// وكالة الرافدين / خاص
	// 4 paragraphs
}

func BenchmarkExtract(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(corpus, "*.dump.txt"))
	var text []byte
	for _, f := range files {
		if data, err := os.ReadFile(f); err == nil && len(data) > len(text) {
			text = data
		}
	}
	if len(text) == 0 {
		b.Fatal("no corpus dump")
	}
	s := string(text)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		dump.Extract(s)
	}
}

// TestRelativeDateLine: a relative date line is read against the
// reference time given, and left out without one.
func TestRelativeDateLine(t *testing.T) {
	text := strings.Replace(seedForm, "21:40 - 14/10/2024", "منذ 3 ساعات", 1)
	now := time.Date(2024, 10, 14, 12, 0, 0, 0, time.UTC)
	d, _ := dump.ExtractUntil(text, now, nil)
	if got := d.Published.String(); got != "2024-10-14T09:00" {
		t.Errorf("published %q; want 2024-10-14T09:00", got)
	}
	if d := dump.Extract(text); !d.Published.IsZero() {
		t.Errorf("with no reference time, published %q; want none", d.Published.String())
	}
}

// TestExtractUntil: the stop function is asked between stages and every
// 1024 lines, and a true answer ends extraction with no Doc.
func TestExtractUntil(t *testing.T) {
	text := strings.Repeat("سطر من النص العربي الطويل بما يكفي للاختبار هنا.\n", 5000)
	calls := 0
	if _, done := dump.ExtractUntil(text, time.Time{}, func() bool { calls++; return calls == 3 }); done || calls != 3 {
		t.Fatalf("done %v after %d calls; want false after 3", done, calls)
	}
	d, done := dump.ExtractUntil(text, time.Time{}, func() bool { return false })
	if !done || !reflect.DeepEqual(d, dump.Extract(text)) {
		t.Error("a stop that never fires changed the result")
	}
}
