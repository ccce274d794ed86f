package normalize_test

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/nazif/nazif/wasm/internal/normalize"
)

type displayCase struct {
	in, want string
	arabic   bool
}

func runDisplay(t *testing.T, cases []displayCase) {
	t.Helper()
	for _, c := range cases {
		if got := normalize.Display(c.in, c.arabic); got != c.want {
			t.Errorf("Display(%q, %v) = %q; want %q", c.in, c.arabic, got, c.want)
		}
		if got := string(normalize.AppendDisplay([]byte("x"), c.in, c.arabic)); got != "x"+c.want {
			t.Errorf("AppendDisplay(x, %q, %v) = %q; want %q", c.in, c.arabic, got, "x"+c.want)
		}
	}
}

func TestDisplayNFC(t *testing.T) {
	runDisplay(t, []displayCase{
		// Shadda before fatha is reordered to canonical order.
		{"مُحَمَّد", "مُحَمَّد", true},
		{"مُحَمّ\u064Eد", "مُحَمَ\u0651د", true},
		// Hamza and madda written as combining marks compose.
		{"سا\u0654ل", "سأل", true},
		{"ر\u064A\u0654يس", "رئيس", true},
		{"ا\u0653من", "آمن", true},
		// A deleted control between letter and hamza does not block composition.
		{"ا\u200B\u0654حمد", "أحمد", true},
	})
}

func TestDisplayPresentationForms(t *testing.T) {
	runDisplay(t, []displayCase{
		{"ﺍﻟﻌﺮﺑﻴﺔ", "العربية", true},
		{"ﻻ ﺗﻘﻞ", "لا تقل", true},
		{"ﻷﻥ", "لأن", true},
		{"ﷲ أكبر", "الله أكبر", true},
		// No space before an isolated haraka.
		{"ﺑﹶ", "بَ", true},
		{"ﻣﹼ", "مّ", true},
		{"ﻣﱞ", "مٌّ", true},
		// The rial sign with Arabic yeh in Arabic text, Farsi yeh in Persian.
		{"١٠٠ ﷼", "١٠٠ ريال", true},
		{"١٠٠ ﷼", "١٠٠ ریال", false},
		// Honorific ligatures stay.
		{"النبي ﷺ قال", "النبي ﷺ قال", true},
		{"﷽", "﷽", true},
		{"الله ﷻ", "الله ﷻ", true},
		// NFKC yields Persian letters, folded in Arabic text only.
		{"ﮐﺘﺎﺏ", "كتاب", true},
		{"ﮐﺘﺎﺏ", "کتاب", false},
		// The BOM is not a presentation form.
		{"\uFEFFﻻ", "لا", true},
	})
}

func TestDisplayPersianLetters(t *testing.T) {
	runDisplay(t, []displayCase{
		{"الرئیس علی", "الرئيس علي", true},
		{"کتاب الکترونی", "كتاب الكتروني", true},
		{"پاکستانے", "پاكستاني", true},
		{"مدرسہ", "مدرسه", true},
		{"كوردستانە", "كوردستانه", true},
		{"می\u200Cخواهد", "ميخواهد", true},
		// Letters of foreign names stay.
		{"ڤيروس گوگل في پاريس وچين وژ", "ڤيروس گوگل في پاريس وچين وژ", true},
		// Persian text keeps its letters and ZWNJ.
		{"کتاب\u200Cهای علی", "کتاب\u200Cهای علی", false},
		// Precomposed and decomposed hamza forms agree.
		{"ۂ", "ه\u0654", true},
		{"ہ\u0654", "ه\u0654", true},
		{"ۓ", "ئ", true},
		{"ے\u0654", "ئ", true},
	})
}

func TestDisplayTatweel(t *testing.T) {
	runDisplay(t, []displayCase{
		// Kashida: between two joining letters.
		{"جـــداً", "جداً", true},
		{"الـــذي", "الذي", true},
		{"الـمـصـريـة", "المصرية", true},
		{"بـَـيت", "بَيت", true},
		// A deleted control between the run and the letter: as if absent
		// (fuzz: NUL and ESC once made the run a connector, which a second
		// pass then dropped).
		{"يـ\x00ض", "يض", true},
		{"جـ\x1bـ\x7fداً", "جداً", true},
		// Connector: before a digit, quote, space, Latin letter, punctuation or the end.
		{"الـ20 عاماً", "الـ20 عاماً", true},
		{"بـ\"إنشاء\"", "بـ\"إنشاء\"", true},
		{"قناة الـ BBC", "قناة الـ BBC", true},
		{"الـBBC", "الـBBC", true},
		{"لـ«الأهرام»", "لـ«الأهرام»", true},
		{"الـ، والـ.", "الـ، والـ.", true},
		{"1445 هـ", "1445 هـ", true},
		{"1445هـ", "1445هـ", true},
		// A run of connectors collapses.
		{"الـــ 20", "الـ 20", true},
		{"1445 هــ", "1445 هـ", true},
		// After a letter that does not join forward it is not a kashida.
		{"دـب", "دـب", true},
		// A standalone هـ keeps its tatweel even before a letter.
		{"5 رمضان 1445 هـالموافق", "5 رمضان 1445 هـالموافق", true},
		// Controls inside the run do not change the decision.
		{"جـ\u200Fـدا", "جدا", true},
		{"الـ\u200F 20", "الـ 20", true},
	})
}

func TestDisplayControls(t *testing.T) {
	runDisplay(t, []displayCase{
		{"\u200Fالخميس\u200F 15 يناير", "الخميس 15 يناير", true},
		{"\u202Bالنص\u202C \u2067مقلوب\u2069", "النص مقلوب", true},
		{"\u061Cالعدد 5", "العدد 5", true},
		{"مر\u200Bحبا", "مرحبا", true},
		{"\uFEFFبسم\uFEFF الله", "بسم الله", true},
		{"الاست\u00ADقلال", "الاستقلال", true},
		{"كلمة\u2060 أخرى\u2064", "كلمة أخرى", true},
		// ZWJ stays inside emoji sequences only.
		{"العائلة 👨\u200D👩\u200D👧", "العائلة 👨\u200D👩\u200D👧", true},
		{"❤\uFE0F\u200D🔥", "❤\uFE0F\u200D🔥", true},
		{"ل\u200Dا", "لا", true},
		{"👨\u200D", "👨", true},
		{"👨 \u200D👩", "👨 👩", true},
		{"\u200D👩", "👩", true},
		// Persian keeps ZWNJ but loses bidi marks.
		{"\u200Fمی\u200Cروم", "می\u200Cروم", false},
	})
}

func TestDisplaySpaces(t *testing.T) {
	runDisplay(t, []displayCase{
		{"  القاهرة\u00A0\u00A0- (رويترز)\t ", "القاهرة - (رويترز)", true},
		{"الجملة\nالثانية\r\nالثالثة", "الجملة الثانية الثالثة", true},
		{"عن\u2003ماذا\u3000نتحدث\u202F؟", "عن ماذا نتحدث؟", true},
		{"\u2028سطر\u2029فقرة\u205Fو\u1680", "سطر فقرة و", true},
		{"\u00A0", "", true},
		{"", "", true},
	})
}

func TestDisplayArabicPunctuation(t *testing.T) {
	runDisplay(t, []displayCase{
		{"كلمة ، كلمة", "كلمة، كلمة", true},
		{"هل حضرت الاجتماع ؟", "هل حضرت الاجتماع؟", true},
		{"أولاً ؛ ثانياً", "أولاً؛ ثانياً", true},
		{"كلمة\u00A0\u200F،", "كلمة،", true},
		{"، بداية", "، بداية", true},
		// ASCII punctuation spacing is the author's.
		{"أميركا :50 الفا", "أميركا :50 الفا", true},
		{"قال : نعم . لا !", "قال : نعم . لا !", true},
	})
}

func TestDisplayKeeps(t *testing.T) {
	runDisplay(t, []displayCase{
		{"أإآؤئء ى ة", "أإآؤئء ى ة", true},
		{"فى الذى على", "فى الذى على", true},
		{"إِنَّ اللَّهَ", "إِنَّ اللَّهَ", true},
		{"هٰذا الرَّحْمٰن", "هٰذا الرَّحْمٰن", true},
		{"عام ٢٠٢٤ و۱۴۰۳ و2024", "عام ٢٠٢٤ و۱۴۰۳ و2024", true},
		{"«قال» “نعم” ٣٫٥ ١٬٠٠٠ ٪", "«قال» “نعم” ٣٫٥ ١٬٠٠٠ ٪", true},
	})
}

func TestDisplayInvalidUTF8(t *testing.T) {
	runDisplay(t, []displayCase{
		{"\xffالعربية\xd8", "\uFFFDالعربية\uFFFD", true},
		{"a\xc3(b", "a\uFFFD(b", true},
		// The same on the presentation-form path.
		{"\xffﻻ\xd8", "\uFFFDلا\uFFFD", true},
		// U+FFFD is not a letter, so the tatweel before it is a connector.
		{"بـ\xff", "بـ\uFFFD", true},
	})
}

func TestDisplayPersianSentence(t *testing.T) {
	const clean = "من هر روز به کتابخانه می\u200Cروم و کتاب\u200Cهای زیادی درباره\u200Cی تاریخ ایران می\u200Cخوانم."
	// NFD hamza, bidi marks and odd spaces are the only things to change.
	dirty := "\u200F" + strings.ReplaceAll(clean, " ", "\u00A0 ") + "\u202C "
	runDisplay(t, []displayCase{
		{clean, clean, false},
		{dirty, clean, false},
		{"مسئله", "مسئله", false},
		{"مسي\u0654له", "مسئله", false},
	})
}

// special is the alphabet for the random idempotence test: the characters
// that the rules treat specially, and their neighbours.
var special = []string{
	"ب", "ل", "ا", "ه", "ج", "د", "ي", "ى", "ة", "ء", "ی", "ک", "ے", "ہ", "ە", "ۀ", "ۂ", "ۓ", "پ",
	"ـ", "ـ", "\u064E", "\u0651", "\u0654", "\u0655", "\u0653", "\u0670", "\u0301",
	" ", " ", "\t", "\n", "\u00A0", "\u2003", "\u3000", "\u2028",
	"\u200B", "\u200C", "\u200D", "\u200D", "\u200E", "\u200F", "\u202B", "\u2066", "\u061C", "\uFEFF", "\u00AD", "\u2060",
	"👨", "👩", "\uFE0F", "❤", "،", "؛", "؟", ".", ":", "\"", "«", "5", "٥", "۵", "B", "x",
	"ﻻ", "ﹰ", "ﱞ", "ﷺ", "﷽", "﷼", "ﮎ", "ﺑ", "ﹷ", "\xff", "\xd8", "\xe2\x80", "\uFFFD",
}

func randomText(r *rand.Rand) string {
	var b strings.Builder
	for n := r.IntN(12); n >= 0; n-- {
		b.WriteString(special[r.IntN(len(special))])
	}
	return b.String()
}

func checkDisplay(t *testing.T, s string, arabic bool) {
	t.Helper()
	d := normalize.Display(s, arabic)
	if !utf8.ValidString(d) {
		t.Fatalf("Display(%q, %v) = %q; not valid UTF-8", s, arabic, d)
	}
	if dd := normalize.Display(d, arabic); dd != d {
		t.Fatalf("Display(Display(%q, %v)) = %q; want %q", s, arabic, dd, d)
	}
	if strings.HasPrefix(d, " ") || strings.HasSuffix(d, " ") || strings.Contains(d, "  ") {
		t.Fatalf("Display(%q, %v) = %q; spaces not collapsed", s, arabic, d)
	}
	k := normalize.SearchKey(s)
	if kk := normalize.SearchKey(k); kk != k {
		t.Fatalf("SearchKey(SearchKey(%q)) = %q; want %q", s, kk, k)
	}
	if !utf8.ValidString(k) {
		t.Fatalf("SearchKey(%q) = %q; not valid UTF-8", s, k)
	}
}

func TestIdempotent(t *testing.T) {
	for _, s := range corpus {
		checkDisplay(t, s, true)
		checkDisplay(t, s, false)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 50000 {
		s := randomText(r)
		checkDisplay(t, s, true)
		checkDisplay(t, s, false)
	}
}

func FuzzDisplay(f *testing.F) {
	for _, s := range corpus {
		f.Add(s, true)
	}
	f.Add("جـــداً الـ20 1445 هـ \u200F👨\u200D👩 ﻻ ﹰ \xff", false)
	f.Fuzz(func(t *testing.T, s string, arabic bool) {
		checkDisplay(t, s, arabic)
	})
}

// TestKeyOfDisplay: the key of a text's display form is the key of the
// text, so a caller holding the key of raw text need not fold the display
// text again (nazif's search_text relies on it).
func TestKeyOfDisplay(t *testing.T) {
	check := func(s string) {
		if got, want := normalize.SearchKey(normalize.Display(s, true)), normalize.SearchKey(s); got != want {
			t.Fatalf("SearchKey(Display(%q)) = %q; SearchKey = %q", s, got, want)
		}
	}
	for _, s := range corpus {
		check(s)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 50000 {
		check(randomText(r))
	}
}

// TestDisplayControls: display text holds no C0 or C1 control but the
// spaces, no NUL and no invisible format character (issue 13, items 4, 5
// and 8): they reach terminals, databases and search keys.
func TestDisplayHostileControls(t *testing.T) {
	runDisplay(t, []displayCase{
		{"نص\x1b]0;PWNED\x07 عادي", "نص]0;PWNED عادي", true},
		{"a\x1b[2Jb", "a[2Jb", false},
		{"نص\x00 عربي", "نص عربي", true},
		{"del\x7f\x08", "del", false},
		{"قبل\u009b2Jبعد", "قبل2Jبعد", true},
		{"next\u0085line", "next line", false},
		{"ع\U000E0001\U000E0068\U000E0069لم", "علم", true},
		{"a\u206Ab\u180Ec\uFFF9d\uFFFBe\uFFFEf\uFFFFg", "abcdefg", false},
		{"\u0600١٢٣", "١٢٣", true},
		{"tab\there", "tab here", false},
	})
	for _, s := range []string{"ع\U000E0068لم", "عل\x00م"} {
		if k := normalize.SearchKey(s); k != "علم" {
			t.Errorf("SearchKey(%q) = %q; want %q", s, k, "علم")
		}
	}
}
