package normalize_test

import (
	"testing"

	"golang.org/x/text/transform"

	"github.com/nazif/nazif/wasm/internal/normalize"
)

type keyCase struct{ in, want string }

func runKey(t *testing.T, cases []keyCase) {
	t.Helper()
	for _, c := range cases {
		if got := normalize.SearchKey(c.in); got != c.want {
			t.Errorf("SearchKey(%q) = %q; want %q", c.in, got, c.want)
		}
		if got := string(normalize.AppendSearchKey([]byte("x"), c.in)); got != "x"+c.want {
			t.Errorf("AppendSearchKey(x, %q) = %q; want %q", c.in, got, "x"+c.want)
		}
	}
}

func TestSearchKeyHarakat(t *testing.T) {
	runKey(t, []keyCase{
		{"مُحَمَّدٌ", "محمد"},
		{"أيضاً أيضًا", "ايضا ايضا"},
		{"هٰذا الرَّحْمٰن", "هذا الرحمن"},
		// Hamza is not a haraka.
		{"سماءٌ وهٔ", "سماء وهٔ"},
		{"رَئِيس مُؤْتَمَر", "رئيس مؤتمر"},
		// A haraka standing alone leaves no double space.
		{"قال \u064E نعم", "قال نعم"},
	})
}

func TestSearchKeyTatweel(t *testing.T) {
	runKey(t, []keyCase{
		{"جـــداً", "جدا"},
		{"الـ20 عاماً", "ال20 عاما"},
		{"1445 هـ", "1445 ه"},
		{"كلمة ـ كلمة", "كلمه كلمه"},
		{"كلمة ـ ،", "كلمه،"},
		{"ـ", ""},
	})
}

func TestSearchKeyFoldAlef(t *testing.T) {
	runKey(t, []keyCase{
		{"أحمد إسلام آمن ٱلله", "احمد اسلام امن الله"},
		{"على مستشفى", "علي مستشفي"},
		{"مدينة القاهرة", "مدينه القاهره"},
		{"اقرأ أيضاً:", "اقرا ايضا:"},
		// Hamza forms on و and ي are not folded.
		{"سؤال رئيس", "سؤال رئيس"},
		// Removing a tatweel or haraka never leaves a composable pair behind.
		{"اـ\u0654", "ا"},
		{"ا\u0655\u0654", "ا"},
	})
}

func TestSearchKeyDigitsAndCase(t *testing.T) {
	runKey(t, []keyCase{
		{"١٥ يناير ٢٠٢٤", "15 يناير 2024"},
		{"سال ۱۴۰۳", "سال 1403"},
		{"٣٫٥ ٢٠24", "3٫5 2024"},
		{"قناة BBC News", "قناه bbc news"},
		{"Share on Facebook", "share on facebook"},
		{"ÀÉ", "ÀÉ"},
	})
}

func TestSearchKeyDisplayFirst(t *testing.T) {
	runKey(t, []keyCase{
		{"\u200Fاقرأ\u00A0 أيضاً :", "اقرا ايضا :"},
		{"الرئیس کتب ﻻ", "الرئيس كتب لا"},
		{"كلمة ، ثم", "كلمه، ثم"},
	})
}

// TestSearchKeyAgreesWithTransformers checks the direct loop against the
// exported transformers chained after Display.
func TestSearchKeyAgreesWithTransformers(t *testing.T) {
	chain := transform.Chain(normalize.RemoveHarakat(), normalize.RemoveTatweel(), normalize.FoldAlef(), normalize.ASCIIDigits())
	inputs := append([]string{
		"مُحَمَّدٌ أحمد إسلام آمن ٱلله على مدينة",
		"جـــداً الـ20 بـ\"إنشاء\" ١٥ يناير ٢٠٢٤ ۱۴۰۳ هٰذا",
		"سؤال رئيس سماءٌ هٔ ﻷن ﷲ",
	}, corpus...)
	for _, in := range inputs {
		want, _, err := transform.String(chain, normalize.Display(in, true))
		if err != nil {
			t.Fatal(err)
		}
		if got := normalize.SearchKey(in); got != want {
			t.Errorf("SearchKey(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestTransformers(t *testing.T) {
	cases := []struct {
		name    string
		t       transform.Transformer
		in, out string
	}{
		{"RemoveHarakat", normalize.RemoveHarakat(), "مُحَمَّدٌ هٰذا", "محمد هذا"},
		{"RemoveHarakat", normalize.RemoveHarakat(), "ا\u0654ا\u0655ا\u0653", "ا\u0654ا\u0655ا\u0653"},
		{"RemoveTatweel", normalize.RemoveTatweel(), "جـــدا الـ20", "جدا ال20"},
		{"RemoveTatweel", normalize.RemoveTatweel(), "1445 هـ", "1445 ه"},
		{"FoldAlef", normalize.FoldAlef(), "أإآٱ ى ة", "اااا ي ه"},
		{"FoldAlef", normalize.FoldAlef(), "ؤ ئ ء", "ؤ ئ ء"},
		{"ASCIIDigits", normalize.ASCIIDigits(), "٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹", "0123456789 0123456789"},
		{"ASCIIDigits", normalize.ASCIIDigits(), "٣٫٥ ١٬٠٠٠", "3٫5 1٬000"},
	}
	for _, c := range cases {
		got, _, err := transform.String(c.t, c.in)
		if err != nil || got != c.out {
			t.Errorf("%s(%q) = %q, %v; want %q", c.name, c.in, got, err, c.out)
		}
	}
}
