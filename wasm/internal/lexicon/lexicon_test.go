package lexicon_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/nazif/nazif/wasm/internal/lexicon"
	"github.com/nazif/nazif/wasm/internal/normalize"
)

// strongHit returns the first strong hit in text's search key.
func strongHit(text string) (lexicon.Hit, string, bool) {
	key := normalize.SearchKey(text)
	for _, h := range lexicon.Find(key) {
		if h.Strong {
			return h, key[h.Start:h.End], true
		}
	}
	return lexicon.Hit{}, "", false
}

func TestFindChrome(t *testing.T) {
	cases := []struct {
		text   string
		cat    lexicon.Category
		phrase string
	}{
		{"اقرأ أيضاً: الحكومة تعلن موعد الانتخابات", lexicon.ReadAlso, "اقرا ايضا"},
		{"اقرأ أيضا : الحكومة تعلن", lexicon.ReadAlso, "اقرا ايضا"},
		{"إقرأ أيضًا:", lexicon.ReadAlso, "اقرا ايضا"},
		{"واقرأ أيضاً", lexicon.ReadAlso, "واقرا ايضا"},
		{"شارك هذا الخبر :", lexicon.Share, "شارك هذا الخبر"},
		{"جميع الحقوق محفوظة © 2020", lexicon.Copyright, "جميع الحقوق محفوظه"},
		{"© 2024 كافة الحقوق محفوظة لـ", lexicon.Copyright, "كافه الحقوق محفوظه"},
		{"تابعونا على فيسبوك", lexicon.Follow, "تابعونا علي"},
		{"الأشتراك في القائمة البريدية", lexicon.Newsletter, "الاشتراك في القائمه البريديه"},
		{"اشترك في النشرة البريدية", lexicon.Newsletter, "اشترك في النشره البريديه"},
		{"تنزيل التطبيق", lexicon.App, "تنزيل التطبيق"},
		{"حمّل تطبيق الموقع", lexicon.App, "حمل تطبيق"},
		{"اخبار ذات الصلة", lexicon.Related, "اخبار ذات الصله"},
		{"أخبار ذات صلة", lexicon.Related, "اخبار ذات صله"},
		{"الأكثر قراءة", lexicon.Popular, "الاكثر قراءه"},
		{"مواقيت الصلاة", lexicon.Widget, "مواقيت الصلاه"},
		{"أضف تعليقك", lexicon.Comments, "اضف تعليقك"},
		{"كن أول من يعلّق", lexicon.Comments, "كن اول من يعلق"},
		{"سياسة الخصوصية | شروط الاستخدام", lexicon.Footer, "سياسه الخصوصيه"},
		{"يستخدم هذا الموقع ملفات تعريف الارتباط", lexicon.Consent, "يستخدم هذا الموقع ملفات تعريف الارتباط"},
		{"مساحة إعلانية", lexicon.Ads, "مساحه اعلانيه"},
		{"الصفحة الرئيسية » أخبار", lexicon.Nav, "الصفحه الرئيسيه"},
		{"تاريخ النشر: 15 مايو 2024", lexicon.Byline, "تاريخ النشر"},
		{"لمشاهدة الفيديو اضغط هنا", lexicon.Media, "لمشاهده الفيديو اضغط هنا"},
		{"Share on facebook", lexicon.Share, "share on facebook"},
		{"Copyright © 2024 All Rights Reserved", lexicon.Copyright, "copyright"},
		{"Toggle navigation", lexicon.Nav, "toggle navigation"},
	}
	for _, c := range cases {
		h, phrase, ok := strongHit(c.text)
		if !ok || h.Cat != c.cat || phrase != c.phrase {
			t.Errorf("Find(%q): got %v %q (found %v); want %v %q", c.text, h.Cat, phrase, ok, c.cat, c.phrase)
		}
	}
}

func TestFindBody(t *testing.T) {
	for _, text := range []string{
		"شارك الوزير في المؤتمر الذي عقد أمس في القاهرة",
		"قال المتحدث إن الحكومة ستعلن التفاصيل لاحقا",
		"وأكد أن الجهات ذات الصلة تتابع الموقف عن كثب",
		"وقد شاركت مصر في الاجتماع الذي عقد في المغرب بعد صلاة العصر",
		"ونشر في الجريدة الرسمية قرار بتعديل بعض أحكام القانون",
	} {
		if h, phrase, ok := strongHit(text); ok {
			t.Errorf("Find(%q): got strong %v %q; want none", text, h.Cat, phrase)
		}
	}
}

func TestFindWeak(t *testing.T) {
	key := normalize.SearchKey("شارك الوزير في المؤتمر ثم عاد إلى المغرب")
	var got []string
	for _, h := range lexicon.Find(key) {
		got = append(got, h.Cat.String()+":"+key[h.Start:h.End])
	}
	if want := "share:شارك widget:المغرب"; strings.Join(got, " ") != want {
		t.Errorf("Find(%q) = %q; want %q", key, strings.Join(got, " "), want)
	}
}

func TestFindBoundaries(t *testing.T) {
	cases := []struct{ text, want string }{
		// Whole words only.
		{"شاركت المشاركة", ""},
		{"فيسبوكي", ""},
		{"اقرا ايضاح", ""},
		// Leftmost-longest, non-overlapping.
		{"تابعونا على فيسبوك وتويتر", "follow:تابعونا علي social:فيسبوك"},
		{"جميع الحقوق محفوظة", "copyright:جميع الحقوق محفوظه"},
		{"حقوق الطبع والنشر محفوظة", "copyright:حقوق الطبع والنشر محفوظه"},
		// Phrase words are separated by spaces only.
		{"اقرأ، أيضا", ""},
		{"اقرأ\n\u00A0أيضا", "read-also:اقرا ايضا"},
		// The proclitic only where natural.
		{"وتابعونا على", "follow:وتابعونا علي"},
		{"وجميع الحقوق محفوظة", "copyright:الحقوق محفوظه"},
		{"", ""},
		{"،،، !!", ""},
	}
	for _, c := range cases {
		key := normalize.SearchKey(c.text)
		var got []string
		for _, h := range lexicon.Find(key) {
			got = append(got, h.Cat.String()+":"+key[h.Start:h.End])
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("Find(%q) = %q; want %q", key, strings.Join(got, " "), c.want)
		}
	}
}

func TestCategoryString(t *testing.T) {
	cases := []struct {
		c    lexicon.Category
		want string
	}{
		{lexicon.ReadAlso, "read-also"}, {lexicon.Related, "related"}, {lexicon.Share, "share"},
		{lexicon.Copyright, "copyright"}, {lexicon.Media, "media"}, {0, "none"}, {200, "category(200)"},
	}
	for _, c := range cases {
		if got := c.c.String(); got != c.want {
			t.Errorf("Category(%d).String() = %q; want %q", c.c, got, c.want)
		}
	}
}

func TestCoverage(t *testing.T) {
	cases := []struct {
		text string
		want float64
	}{
		{"الرئيسية | أخبار | رياضة | اقتصاد | فيديو", 1},
		{"تابعونا على فيسبوك", 1},
		{"جميع الحقوق محفوظة © 2020", 0.75},
		{"شارك الوزير في المؤتمر الذي عقد أمس", 1.0 / 7},
		{"قال المتحدث إن الحكومة تدرس الأمر", 0},
		{"", 0},
	}
	for _, c := range cases {
		key := normalize.SearchKey(c.text)
		if got := lexicon.Coverage(key, lexicon.Find(key)); got < c.want-1e-9 || got > c.want+1e-9 {
			t.Errorf("Coverage(%q) = %v; want %v", key, got, c.want)
		}
	}
}

func TestFunctionWordsClitics(t *testing.T) {
	cases := []struct {
		word string
		want int
	}{
		{"في", 1}, {"فى", 1}, {"وفي", 1}, {"ففي", 1}, {"بهذه", 1}, {"للتي", 1}, {"للذي", 1}, {"بالتي", 1},
		{"وإلى", 1}, {"والى", 1}, {"لأن", 1}, {"ولن", 1}, {"فهو", 1}, {"وكانت", 1}, {"وبالتالي", 0},
		{"التي", 1}, {"أيضاً", 1}, {"الكل", 1}, {"وللكل", 1},
		{"فلسطين", 0}, {"لبنان", 0}, {"الوسط", 0}, {"ولي", 0}, {"كتاب", 0}, {"الحكومة", 0}, {"BBC", 0},
	}
	for _, c := range cases {
		words, fn := lexicon.FunctionWords(normalize.SearchKey(c.word))
		if words != 1 || fn != c.want {
			t.Errorf("FunctionWords(%q) = %d, %d; want 1, %d", c.word, words, fn, c.want)
		}
	}
}

func TestFunctionWordsDensity(t *testing.T) {
	cases := []struct {
		text     string
		min, max float64
	}{
		{"وقال المتحدث باسم الوزارة إن الحكومة ستعلن عن خطة جديدة خلال الأيام المقبلة، وذلك بعد أن " +
			"اجتمع الوزراء مع ممثلي النقابات التي طالبت بزيادة الأجور، مشيراً إلى أن هذه الخطة لن تكون " +
			"الأخيرة وأنها ستشمل كل القطاعات.", 0.3, 0.6},
		{"الرئيسية أخبار سياسة اقتصاد رياضة فن منوعات فيديو صور اتصل بنا", 0, 0.1},
		{"", 0, 0},
	}
	for _, c := range cases {
		words, fn := lexicon.FunctionWords(normalize.SearchKey(c.text))
		d := 0.0
		if words > 0 {
			d = float64(fn) / float64(words)
		}
		if d < c.min || d > c.max {
			t.Errorf("FunctionWords(%q) = %d, %d (density %.2f); want density in [%.2f, %.2f]", c.text, words, fn, d, c.min, c.max)
		}
	}
}

func TestFindRawSpaces(t *testing.T) {
	key := "اقرا   ايضا:"
	hits := lexicon.Find(key)
	if len(hits) != 1 || key[hits[0].Start:hits[0].End] != "اقرا   ايضا" {
		t.Errorf("Find(%q) = %v; want one hit on %q", key, hits, "اقرا   ايضا")
	}
}

// TestScan checks that Scan finds what Find, FunctionWords and Coverage do,
// on every test text, the benchmark page and every prefix and suffix of
// its words.
func TestScan(t *testing.T) {
	texts := []string{
		"", "،،، !!", "تابعونا على فيسبوك وتويتر", "جميع الحقوق محفوظة © 2020", "اقرأ\n\u00A0أيضا",
		"الرئيسية | أخبار | رياضة | اقتصاد | فيديو", "شارك الوزير في المؤتمر الذي عقد أمس",
		"وقال إن الحكومة التي تشكلت بعد الانتخابات ستعمل على ذلك، اقرأ أيضاً: شارك هذا الخبر",
		"Share on facebook | Copyright © 2024 All Rights Reserved",
	}
	page := []rune(pageText())
	for i := 0; i < 3000; i += 37 {
		texts = append(texts, string(page[i:i+200]), string(page[:i%400]))
	}
	for _, text := range texts {
		key := normalize.SearchKey(text)
		prev := []lexicon.Hit{{Cat: lexicon.Ads, Start: 0, End: 1}}
		c, hits := lexicon.Scan(prev, key)
		words, fn := lexicon.FunctionWords(key)
		found := lexicon.Find(key)
		if c.Words != words || c.Function != fn {
			t.Errorf("Scan(%q): got %d words, %d function; want %d, %d", key, c.Words, c.Function, words, fn)
		}
		if got, want := fmt.Sprint(hits[1:]), fmt.Sprint(found); got != want || hits[0] != prev[0] {
			t.Errorf("Scan(%q): got hits %v; want %v after %v", key, hits, want, prev)
		}
		cov := 0.0
		if c.Words > 0 {
			cov = float64(c.Covered) / float64(c.Words)
		}
		if want := lexicon.Coverage(key, found); cov != want {
			t.Errorf("Scan(%q): got coverage %v; want %v", key, cov, want)
		}
	}
}
