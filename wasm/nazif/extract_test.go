package nazif_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nazif/nazif/wasm/internal/dump"
	"github.com/nazif/nazif/wasm/nazif"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// TestLegacyCharsets: the windows-1256 and ISO-8859-6 encodings of a corpus
// page give the same article as its UTF-8 form, declared or sniffed.
func TestLegacyCharsets(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(corpusDir, "youm7-2020-08-24.html"))
	if err != nil {
		t.Fatal(err)
	}
	// Characters neither legacy charset has (they are outside the article)
	// are replaced first, so that all three inputs say the same thing.
	for _, cs := range []struct {
		name string
		enc  *charmap.Charmap
	}{{"windows-1256", charmap.Windows1256}, {"iso-8859-6", charmap.ISO8859_6}} {
		t.Run(cs.name, func(t *testing.T) {
			utf8Page := encodable(string(src), cs.enc)
			want := mustExtract(t, []byte(utf8Page), nazif.Options{})
			legacy, err := encoding.ReplaceUnsupported(cs.enc.NewEncoder()).String(utf8Page)
			if err != nil {
				t.Fatal(err)
			}
			declared := strings.Replace(legacy, "charset=utf-8", "charset="+cs.name, 1)
			for _, c := range []struct {
				name  string
				input string
				opts  nazif.Options
			}{
				{"declared", declared, nazif.Options{}},
				{"hint", legacy, nazif.Options{Charset: cs.name}},
			} {
				got := mustExtract(t, []byte(c.input), c.opts)
				if got.Text != want.Text || got.Title != want.Title || got.Published != want.Published {
					t.Errorf("%s: article differs from the UTF-8 page's\n got %q\nwant %q", c.name, got.Title+got.Text[:min(200, len(got.Text))], want.Title+want.Text[:min(200, len(want.Text))])
				}
			}
		})
	}
}

// encodable keeps the runes enc can encode and replaces the rest by "?".
func encodable(s string, enc *charmap.Charmap) string {
	return strings.Map(func(r rune) rune {
		if _, ok := enc.EncodeRune(r); ok {
			return r
		}
		return '?'
	}, s)
}

func mustExtract(t *testing.T, input []byte, opts nazif.Options) nazif.Article {
	t.Helper()
	a, err := nazif.Extract(input, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Blocks) == 0 {
		t.Fatalf("no body extracted")
	}
	return a
}

func TestExtractErrors(t *testing.T) {
	for _, c := range []struct {
		name  string
		input []byte
		want  error
	}{
		{"empty", nil, nazif.ErrEmpty},
		{"whitespace", []byte(" \n\t "), nazif.ErrEmpty},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), nazif.ErrNotText},
		{"pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), nazif.ErrNotText},
		{"gzip", []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03"), nazif.ErrNotText},
	} {
		_, err := nazif.Extract(c.input, nazif.Options{})
		if !errors.Is(err, c.want) {
			t.Errorf("%s: error %v; want %v", c.name, err, c.want)
		}
	}
}

// TestDeadline: a deadline that has passed stops Extract with ErrTimeout,
// on HTML and dumps alike; a distant one changes nothing in the result.
func TestDeadline(t *testing.T) {
	for _, p := range corpus(t)[:2] {
		in, err := os.ReadFile(p.path)
		if err != nil {
			t.Fatal(err)
		}
		_, err = nazif.Extract(in, nazif.Options{Deadline: time.Now().Add(-time.Second)})
		if !errors.Is(err, nazif.ErrTimeout) {
			t.Errorf("%s: passed deadline gave %v; want ErrTimeout", p.name, err)
		}
		want := mustExtract(t, in, nazif.Options{})
		got := mustExtract(t, in, nazif.Options{Deadline: time.Now().Add(time.Hour)})
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: a distant deadline changed the article", p.name)
		}
	}
}

// TestNoArticle: a page with no article is not an error; it gives an
// Article with no blocks and a warning.
func TestNoArticle(t *testing.T) {
	a, err := nazif.Extract([]byte(`<html><body><nav><a href="/">الرئيسية</a> <a href="/x">رياضة</a></nav></body></html>`), nazif.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Blocks) != 0 || len(a.Warnings) == 0 {
		t.Errorf("blocks %+v warnings %q; want no blocks and a warning", a.Blocks, a.Warnings)
	}
}

// TestTruncated: a page past dom.MaxNodes gives the article in its first
// part, with a warning that the rest was not read.
func TestTruncated(t *testing.T) {
	body := "قال المتحدث إن الحكومة ستعلن التفاصيل لاحقا، وإن اللجنة تواصل عملها منذ أسابيع في العاصمة."
	page := "<article><p>" + body + "</p><p>" + body + "</p></article>" + strings.Repeat("<i></i>", 300000) + "<p>لن تقرأ هذه الفقرة أبدا لأنها بعد الحد الأقصى من العناصر في الصفحة.</p>"
	a, err := nazif.Extract([]byte(page), nazif.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Blocks) != 2 || a.Blocks[0].Text != body || strings.Contains(a.Text, "لن تقرأ") {
		t.Errorf("blocks %+v; want the two paragraphs before the cap only", a.Blocks)
	}
	if !slices.Contains(a.Warnings, "the page has over 262144 elements and texts: only the first were read") {
		t.Errorf("warnings %q; want the truncation", a.Warnings)
	}
}

// TestDeterministic: the same input gives byte-identical JSON.
func TestDeterministic(t *testing.T) {
	for _, p := range corpus(t) {
		input, _ := os.ReadFile(p.path)
		var first []byte
		for i := range 3 {
			a, err := nazif.Extract(input, nazif.Options{HTML: true, Markdown: true, Explain: true})
			if err != nil {
				t.Fatal(err)
			}
			b, _ := json.Marshal(a)
			if i == 0 {
				first = b
			} else if !bytes.Equal(b, first) {
				t.Fatalf("%s: output differs between runs", p.name)
			}
		}
	}
}

func Example() {
	page := []byte(`<html><head><title>الحكومة تعلن خطة جديدة للنقل - جريدة المثال</title>
<meta property="og:site_name" content="جريدة المثال"></head><body>
<nav><a href="/">الرئيسية</a> <a href="/local">محليات</a></nav>
<article><h1>الحكومة تعلن خطة جديدة للنقل</h1>
<div class="byline">كتب محمد علي</div>
<time datetime="2024-03-15T10:30:00+03:00" class="published">الجمعة 15 مارس 2024</time>
<p>أعلنت الحكومة اليوم عن خطة جديدة لتطوير شبكة النقل العام في العاصمة، وذلك بعد سنوات من الدراسات التي أجرتها الوزارة مع الخبراء.</p>
<p>وقال وزير النقل إن الخطة ستبدأ في الصيف المقبل، وإنها تشمل توسيع خطوط الحافلات وبناء محطات جديدة في الأحياء التي لا تصل إليها الشبكة.</p>
<p>اقرأ أيضاً: <a href="/x">الوزير يفتتح محطة جديدة</a></p>
</article><footer>جميع الحقوق محفوظة © 2024</footer></body></html>`)
	a, err := nazif.Extract(page, nazif.Options{})
	if err != nil {
		panic(err)
	}
	fmt.Println(a.Title)
	fmt.Println(a.Published, a.Site, a.Author, a.Lang, a.Dir)
	for _, b := range a.Blocks {
		fmt.Println(b.Kind+":", b.Text)
	}
	// Output:
	// الحكومة تعلن خطة جديدة للنقل
	// 2024-03-15T10:30:00+03:00 جريدة المثال محمد علي ar rtl
	// paragraph: أعلنت الحكومة اليوم عن خطة جديدة لتطوير شبكة النقل العام في العاصمة، وذلك بعد سنوات من الدراسات التي أجرتها الوزارة مع الخبراء.
	// paragraph: وقال وزير النقل إن الخطة ستبدأ في الصيف المقبل، وإنها تشمل توسيع خطوط الحافلات وبناء محطات جديدة في الأحياء التي لا تصل إليها الشبكة.
}

func ExampleOptions_now() {
	dump := []byte("انفجار في الميناء\n\nمنذ 3 ساعات\n\n" +
		"وقع انفجار قوي في الميناء صباح اليوم، وأفادت مصادر محلية بأن فرق الإطفاء وصلت إلى المكان بعد دقائق من وقوعه.\n" +
		"وقالت الشرطة إن التحقيقات جارية لمعرفة أسباب الانفجار، ولم تعلن حتى الآن عن وقوع إصابات بين العاملين في الميناء.\n")
	a, err := nazif.Extract(dump, nazif.Options{Now: time.Date(2024, 3, 15, 12, 0, 0, 0, time.UTC)})
	if err != nil {
		panic(err)
	}
	fmt.Println(a.Title)
	fmt.Println(a.Published)
	fmt.Println(len(a.Blocks))
	// Output:
	// انفجار في الميناء
	// 2024-03-15T09:00
	// 2
}

func BenchmarkExtract(b *testing.B) {
	for _, kind := range []string{"html", "dump"} {
		b.Run(kind, func(b *testing.B) {
			var inputs [][]byte
			var size int64
			for _, p := range corpus(b) {
				if p.dump != (kind == "dump") {
					continue
				}
				in, err := os.ReadFile(p.path)
				if err != nil {
					b.Fatal(err)
				}
				inputs = append(inputs, in)
				size += int64(len(in))
			}
			b.SetBytes(size)
			for b.Loop() {
				for _, in := range inputs {
					if _, err := nazif.Extract(in, nazif.Options{}); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// TestNegatives: Persian and Urdu pages are recognized as such, and no
// Arabic-only folding reaches their text or search key.
func TestNegatives(t *testing.T) {
	files, err := filepath.Glob("../../testdata/negatives/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("no negatives: %v", err)
	}
	for _, f := range files {
		input, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := nazif.Extract(input, nazif.Options{})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		want := strings.SplitN(filepath.Base(f), "-", 2)[0]
		if a.Lang != want || a.Dir != "rtl" {
			t.Errorf("%s: lang %q dir %q; want %q rtl", f, a.Lang, a.Dir, want)
		}
		if len(a.Blocks) == 0 {
			t.Errorf("%s: no body", f)
		}
		// Persian and Urdu write ی and ک; folding would turn them into ي ك.
		if strings.ContainsAny(a.Text, "يك") && !strings.ContainsAny(a.Text, "یک") {
			t.Errorf("%s: text looks folded to Arabic letters", f)
		}
		if strings.Count(a.SearchText, "ی") != strings.Count(a.Text, "ی") {
			t.Errorf("%s: search key folded ی", f)
		}
	}
}

// TestDumpLineCap: a text dump past dump.MaxLines is read up to the cap,
// with a warning; an article in its first lines is kept, as an HTML page's
// before dom.MaxNodes is (issue 13: 2M short lines took 13 s and 600 MB).
func TestDumpLineCap(t *testing.T) {
	seed, err := os.ReadFile(filepath.Join(corpusDir, "seed-mawazin-2025-06-11.dump.txt"))
	if err != nil {
		t.Fatal(err)
	}
	in := append(seed, strings.Repeat("ع\n", dump.MaxLines)...)
	a, err := nazif.Extract(in, nazif.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Blocks) != 9 || !slices.Contains(a.Warnings, "the dump has over 32768 lines: only the first were read") {
		t.Errorf("%d blocks, warnings %q; want the seed's 9 paragraphs and the cap's warning", len(a.Blocks), a.Warnings)
	}
}
