package langid_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nazif/nazif/wasm/internal/langid"
	"golang.org/x/net/html"
)

const testdata = "../../../testdata"

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func glob(t testing.TB, pattern string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(testdata, pattern))
	if err != nil || len(files) == 0 {
		t.Fatalf("no files match %s (err %v)", pattern, err)
	}
	return files
}

// pageText collects the text nodes of an HTML page outside script and style.
func pageText(b []byte) string {
	z := html.NewTokenizer(strings.NewReader(string(b)))
	var sb strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return sb.String()
		case html.StartTagToken:
			if n, _ := z.TagName(); string(n) == "script" || string(n) == "style" {
				skip++
			}
		case html.EndTagToken:
			if n, _ := z.TagName(); (string(n) == "script" || string(n) == "style") && skip > 0 {
				skip--
			}
		case html.TextToken:
			if skip == 0 {
				sb.Write(z.Text())
				sb.WriteByte(' ')
			}
		}
	}
}

// fileText is the text of a testdata file: the text nodes of a page, or a
// dump as it is.
func fileText(t testing.TB, path string) string {
	b := readFile(t, path)
	if strings.HasSuffix(path, ".html") {
		return pageText(b)
	}
	return string(b)
}

func TestDetectFiles(t *testing.T) {
	tests := []struct {
		pattern string
		want    langid.Lang
	}{
		{"corpus/*.html", langid.Arabic},
		{"corpus/*.dump.txt", langid.Arabic},
		{"corpus/seed-mawazin-2025-06-11.dump.txt", langid.Arabic},
		{"negatives/fa-*.html", langid.Persian},
		{"negatives/ur-*.html", langid.Urdu},
	}
	for _, tt := range tests {
		for _, f := range glob(t, tt.pattern) {
			t.Run(filepath.Base(f), func(t *testing.T) {
				if got := langid.Detect(fileText(t, f)); got != tt.want {
					t.Errorf("got %q; want %q", got, tt.want)
				}
			})
		}
	}
}

func TestDetectStrings(t *testing.T) {
	persianKeyboard := strings.NewReplacer("ي", "ی", "ك", "ک", "ى", "ی")
	arabicKeyboard := strings.NewReplacer("ی", "ي", "ک", "ك")
	tests := []struct {
		name string
		text string
		want langid.Lang
	}{
		{"empty", "", langid.Other},
		{"digits and punctuation", "2024-06-11, ٢٠٢٤ — «» ،؟", langid.Other},
		{"english", "The ministry announced new measures on Monday to curb inflation.", langid.Other},
		{"french", "Le ministère a annoncé lundi de nouvelles mesures contre l'inflation.", langid.Other},
		{"russian", "Министерство объявило о новых мерах в понедельник.", langid.Other},
		{"chinese", "外交部发言人今天在例行记者会上表示", langid.Other},
		{"english quoting one arabic word", "The Arabic word سلام means peace, and it is heard in every greeting across the region.", langid.Other},
		{"one arabic word", "مرحبا", langid.Arabic},
		{"arabic function word", "في", langid.Arabic},
		{"neutral word goes to arabic", "سلام", langid.Arabic},
		{"arabic with harakat", "ذَهَبَ الوَلَدُ إِلَى المَدْرَسَةِ فِي الصَّبَاحِ", langid.Arabic},
		{"arabic with tatweel", "أخبـــار اليـــوم من القاهـــرة", langid.Arabic},
		{"arabic with latin brand names", "أعلنت شركة Apple عن هاتف iPhone الجديد في مؤتمر بمدينة كوبرتينو", langid.Arabic},
		{"arabic with foreign names", "التقى الرئيس بوتين نظيره في بكين، وناقشا مع شركة گوگل وپیتر الوضع في الشرق الأوسط والعلاقات الثنائية", langid.Arabic},
		{"arabic presentation forms", "ﺍﻟﺴﻼﻡ ﻋﻠﻴﻜﻢ", langid.Arabic},
		{"persian function word", "است", langid.Persian},
		{"persian letter", "پ", langid.Persian},
		{"persian sentence", "وزیر امور خارجه گفت که این سفر برای گسترش روابط دو کشور انجام می‌شود.", langid.Persian},
		{"persian with zwnj", "کتاب‌های جدید در نمایشگاه عرضه می‌شوند", langid.Persian},
		{"urdu function word", "ہے", langid.Urdu},
		{"urdu sentence", "وزیر اعظم نے کہا کہ حکومت عوام کی فلاح کے لیے کام کر رہی ہے۔", langid.Urdu},
		{"kurdish", "کوردستان وڵاتێکی جوانە و خەڵکەکەی میهرەبانن و زۆر بە خۆشییەوە دەژین", langid.Other},
		{"pashto", "د افغانستان خلک په ښارونو کې ژوند کوي او ډېر زیات کار کوي", langid.Other},

		// Keyboards swap yeh and kaf for the other language's forms; the
		// verdict must not change.
		{"arabic typed on a persian keyboard", persianKeyboard.Replace(fileText(t, filepath.Join(testdata, "corpus/youm7-2020-08-24.dump.txt"))), langid.Arabic},
		{"arabic seed typed on a persian keyboard", persianKeyboard.Replace(fileText(t, filepath.Join(testdata, "corpus/seed-mawazin-2025-06-11.dump.txt"))), langid.Arabic},
		{"persian typed on an arabic keyboard", arabicKeyboard.Replace(fileText(t, filepath.Join(testdata, "negatives/fa-htmldate-1523806243.html"))), langid.Persian},
		{"persian sports page on an arabic keyboard", arabicKeyboard.Replace(fileText(t, filepath.Join(testdata, "negatives/fa-varzesh3.html"))), langid.Persian},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := langid.Detect(tt.text); got != tt.want {
				t.Errorf("got %q; want %q", got, tt.want)
			}
		})
	}
}

func TestDir(t *testing.T) {
	tests := []struct {
		lang langid.Lang
		want string
	}{
		{langid.Arabic, "rtl"},
		{langid.Persian, "rtl"},
		{langid.Urdu, "rtl"},
		{langid.Other, "ltr"},
		{"he", "ltr"},
		{"", "ltr"},
	}
	for _, tt := range tests {
		if got := langid.Dir(tt.lang); got != tt.want {
			t.Errorf("Dir(%q): got %q; want %q", tt.lang, got, tt.want)
		}
	}
}

func TestDetectAllocs(t *testing.T) {
	for _, text := range []string{
		fileText(t, filepath.Join(testdata, "corpus/youm7-2020-08-24.dump.txt")),
		"ذَهَبَ الوَلَدُ إِلَى المَدْرَسَةِ فِي الصَّبَاحِ",
	} {
		if n := testing.AllocsPerRun(10, func() { langid.Detect(text) }); n != 0 {
			t.Errorf("got %v allocations; want 0", n)
		}
	}
}

func BenchmarkDetect(b *testing.B) {
	for _, f := range []string{"corpus/youm7-2020-08-24.dump.txt", "negatives/ur-urdupoint.html"} {
		text := fileText(b, filepath.Join(testdata, f))
		b.Run(filepath.Base(f), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				langid.Detect(text)
			}
		})
	}
}
