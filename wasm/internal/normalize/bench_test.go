package normalize_test

import (
	"strings"
	"testing"

	"github.com/nazif/nazif/wasm/internal/normalize"
)

// corpus is a few paragraphs of Arabic news prose, already in display form.
var corpus = []string{
	"القاهرة - أعلنت وزارة الصحة المصرية، يوم الخميس، عن إطلاق حملة قومية جديدة للتطعيم ضد شلل الأطفال تستهدف أكثر من 16 مليون طفل في جميع المحافظات، وذلك بالتعاون مع منظمة الصحة العالمية ومنظمة الأمم المتحدة للطفولة «يونيسف».",
	"وقال المتحدث الرسمي باسم الوزارة إن الحملة ستستمر أربعة أيام، وإن الفرق الطبية ستزور المنازل والمدارس ومراكز الشباب، مشيراً إلى أن اللقاح آمن تماماً ولا توجد له أي أعراض جانبية خطيرة.",
	"وأضاف أن الوزارة خصصت خطاً ساخناً لتلقي استفسارات المواطنين على مدار الساعة، ودعا الأهالي إلى التعاون مع الفرق الطبية وعدم التردد في تطعيم أطفالهم حتى سن الخامسة.",
	"من جهة أخرى، ارتفع سعر صرف الدولار الأمريكي أمام الجنيه في التعاملات الصباحية بالبنوك، بينما استقرت أسعار الذهب عند 3150 جنيهاً للغرام من عيار 21، وفق ما ذكرته شعبة الذهب في اتحاد الغرف التجارية.",
	"وفي الرياض، التقى ولي العهد السعودي وفداً من رجال الأعمال الأوروبيين لبحث فرص الاستثمار في قطاعات الطاقة المتجددة والسياحة والتقنية، في إطار رؤية 2030 التي تهدف إلى تنويع مصادر الدخل.",
	"قال تعالى: ﴿إِنَّ اللَّهَ مَعَ الصَّابِرِينَ﴾، وهي آية يستشهد بها الخطباء كثيراً في أوقات الشدة.",
	"يُذكر أن عدد سكان العاصمة تجاوز ٢٢ مليون نسمة بحسب آخر إحصاء رسمي صدر في ١٥ مارس ٢٠٢٤، وهو ما يضع ضغوطاً متزايدة على شبكات النقل والمرافق العامة.",
}

// newsText returns about 50 KB of clean Arabic news text.
func newsText() string {
	var b strings.Builder
	for b.Len() < 50_000 {
		for _, p := range corpus {
			b.WriteString(p)
			b.WriteByte(' ')
		}
	}
	return strings.TrimSpace(b.String())
}

// scrapedText is newsText as scraped: NBSPs, bidi marks, kashidas, a
// space before commas and Persian letters.
func scrapedText() string {
	return strings.NewReplacer(
		"، ", " ،\u00A0",
		"الوزارة", "الـــوزارة",
		"في ", "فی\u200F ",
		"ك", "ک",
	).Replace(newsText())
}

// benchAppend runs an Append function over clean and scraped news text,
// reusing one buffer as the callers in the cleaner do.
func benchAppend(b *testing.B, f func(dst []byte, s string) []byte) {
	for _, bc := range []struct{ name, text string }{{"clean", newsText()}, {"scraped", scrapedText()}} {
		b.Run(bc.name, func(b *testing.B) {
			buf := make([]byte, 0, 2*len(bc.text))
			b.SetBytes(int64(len(bc.text)))
			b.ReportAllocs()
			for b.Loop() {
				buf = f(buf[:0], bc.text)
			}
		})
	}
}

func BenchmarkDisplay(b *testing.B) {
	benchAppend(b, func(dst []byte, s string) []byte { return normalize.AppendDisplay(dst, s, true) })
}

func BenchmarkSearchKey(b *testing.B) {
	benchAppend(b, normalize.AppendSearchKey)
}

func TestCleanTextNoAlloc(t *testing.T) {
	text := newsText()
	if got := normalize.Display(text, true); got != text {
		t.Fatalf("Display changed clean text: got %q; want %q", got[:80], text[:80])
	}
	buf := make([]byte, 0, 2*len(text))
	if n := testing.AllocsPerRun(10, func() { buf = normalize.AppendDisplay(buf[:0], text, true) }); n != 0 {
		t.Errorf("AppendDisplay on clean text: got %v allocs; want 0", n)
	}
}
