package nazif_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nazif/nazif/wasm/nazif"
)

// checkAppendJSON fails unless AppendJSON gives json.Marshal's bytes, both
// into a nil buffer and after a prefix it must keep.
func checkAppendJSON(t testing.TB, name string, a *nazif.Article) {
	t.Helper()
	want, err := json.Marshal(a)
	if err != nil {
		t.Fatalf("%s: json.Marshal: %v", name, err)
	}
	if got := a.AppendJSON(nil); !bytes.Equal(got, want) {
		t.Fatalf("%s: AppendJSON\n%q\njson.Marshal\n%q", name, got, want)
	}
	prefix := []byte("\x00prefix")
	if got := a.AppendJSON(prefix[:len(prefix):len(prefix)]); !bytes.HasPrefix(got, prefix) || !bytes.Equal(got[len(prefix):], want) {
		t.Fatalf("%s: AppendJSON after a prefix gave %.80q", name, got)
	}
}

// jsonInputs lists the corpus and negative pages.
func jsonInputs(t testing.TB) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{"*.html", "*.dump.txt"} {
		m, err := filepath.Glob(filepath.Join("../../testdata/corpus", pattern))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	m, err := filepath.Glob("../../testdata/negatives/*.html")
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, m...)
	if len(files) < 10 {
		t.Fatalf("found only %d test pages; run from wasm/nazif", len(files))
	}
	return files
}

// TestAppendJSONCorpus: on every real page, with and without the optional
// outputs, AppendJSON is json.Marshal.
func TestAppendJSONCorpus(t *testing.T) {
	all := nazif.Options{
		HTML: true, Markdown: true, Explain: true,
		Now: time.Date(2021, 1, 2, 3, 4, 5, 0, time.UTC),
		URL: "https://example.com/news/2020/01/02/article?a=1&b=<2>",
	}
	compared := 0
	for _, file := range jsonInputs(t) {
		input, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, opts := range []nazif.Options{{}, all} {
			a, err := nazif.Extract(input, opts)
			if err != nil {
				continue
			}
			checkAppendJSON(t, filepath.Base(file), &a)
			compared++
		}
	}
	if compared == 0 {
		t.Fatal("Extract failed on every page; nothing was compared")
	}
}

// trickyStrings are strings whose escaping json.Marshal does not leave to
// chance.
func trickyStrings() []string {
	var ascii strings.Builder
	for b := range 0x80 {
		ascii.WriteByte(byte(b))
	}
	list := []string{
		"",
		ascii.String(),
		"\xff", "a\xffb", "\xc3", "\xc3(", "\xe2\x80", "\xe2\x80\xa8\xe2\x80", "\xed\xa0\x80", // truncated, invalid and surrogate
		"\xf0\x9f\x98", "\xf4\x90\x80\x80", "\xc0\xaf", "\xc1\xbf", "\x80\xbf",
		"\u2028", "\u2029", "a\u2028b\u2029c", "\u2027\u202a\u20ac", "\xe2\x80\xa8\xe2\x80\xa9",
		"\ufffd", "x\ufffdy", "\U0001F600 \U0001F1F8\U0001F1E6",
		"بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ — كتب محمد «خبر» ١٢٣",
		"<script>alert(\"x&y\")</script>",
		"\u00a0\u200f\u200e\u061c\ufeff",
		"\x7f\x7f",
		strings.Repeat("نص ", 300) + "\x00",
	}
	for b := range 0x100 {
		list = append(list, string([]byte{byte(b)}), "ab"+string([]byte{byte(b)})+"cd")
	}
	return list
}

// TestAppendJSONStrings: every tricky string, in every string field.
func TestAppendJSONStrings(t *testing.T) {
	for _, s := range trickyStrings() {
		a := nazif.Article{
			Title: s, Published: s, Modified: s, Section: s, Site: s, Author: s,
			Description: s, Image: s, URL: s, Lang: s, Dir: s,
			Blocks:   []nazif.Block{{Kind: nazif.Kind(s), Text: s}, {Kind: nazif.Quote, Text: s + s}},
			Captions: []string{s, s}, Text: s, SearchText: s, Warnings: []string{s},
			HTML: s, Markdown: s, Removed: []nazif.Removed{{Text: s, Reason: s}, {}},
		}
		checkAppendJSON(t, strconv.Quote(s), &a)
	}
}

// TestAppendJSONWordBoundaries: AppendJSON reads eight bytes at a time,
// so every byte, and every pair of bytes that could start a rune, is tried
// at each offset from a word's start, in ASCII and in Arabic.
func TestAppendJSONWordBoundaries(t *testing.T) {
	check := func(s string) {
		a := nazif.Article{Text: s}
		want, _ := json.Marshal(&a)
		if got := a.AppendJSON(nil); !bytes.Equal(got, want) {
			t.Fatalf("%q: AppendJSON\n%q\njson.Marshal\n%q", s, got, want)
		}
	}
	backgrounds := []string{strings.Repeat("abcdefgh", 4), strings.Repeat("عربي", 4), strings.Repeat("a ع", 8)}
	for _, bg := range backgrounds {
		for k := range 17 {
			for b := range 0x100 {
				check(bg[:k] + string([]byte{byte(b)}) + bg)
				if b >= 0x80 {
					for b2 := 0; b2 < 0x100; b2 += 5 {
						check(bg[:k] + string([]byte{byte(b), byte(b2)}) + bg[k:])
					}
				}
			}
			for _, tricky := range trickyStrings()[:30] {
				check(bg[:k] + tricky + bg)
			}
		}
	}
}

// TestAppendJSONEmpty: nil and empty slices and the zero Article.
func TestAppendJSONEmpty(t *testing.T) {
	checkAppendJSON(t, "zero", &nazif.Article{})
	checkAppendJSON(t, "empty slices", &nazif.Article{
		Blocks: []nazif.Block{}, Captions: []string{}, Warnings: []string{}, Removed: []nazif.Removed{},
	})
	checkAppendJSON(t, "zero elements", &nazif.Article{
		Blocks: []nazif.Block{{}}, Captions: []string{""}, Warnings: []string{""}, Removed: []nazif.Removed{{}},
	})
}

// fillValue sets v, and every field of a struct v, to a non-zero value
// naming path. It fails on a kind that AppendJSON (and this test) would
// first have to learn about.
func fillValue(t *testing.T, v reflect.Value, path string) {
	t.Helper()
	switch v.Kind() {
	case reflect.String:
		v.SetString("<" + path + ">\u2028é")
	case reflect.Int:
		// Negative and past int32 too: offsets are written as they are.
		v.SetInt(-int64(len(path)) << 33)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			fillValue(t, s.Index(i), path)
		}
		v.Set(s)
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Type().Field(i)
			fillValue(t, v.Field(i), path+"."+f.Name)
		}
	default:
		t.Fatalf("%s is a %s; teach AppendJSON (and this test) about it", path, v.Kind())
	}
}

// TestAppendJSONCoversEveryField: each field of Article, set on its own
// (nested Block and Removed fields included), and all of them at once,
// come out as json.Marshal has them. A field added to Article without
// AppendJSON learning of it fails here.
func TestAppendJSONCoversEveryField(t *testing.T) {
	typ := reflect.TypeFor[nazif.Article]()
	for i := range typ.NumField() {
		f := typ.Field(i)
		var a nazif.Article
		fillValue(t, reflect.ValueOf(&a).Elem().Field(i), f.Name)
		checkAppendJSON(t, f.Name, &a)
		a.Blocks = []nazif.Block{}
		checkAppendJSON(t, f.Name+" with empty blocks", &a)
	}
	var a nazif.Article
	fillValue(t, reflect.ValueOf(&a).Elem(), "Article")
	checkAppendJSON(t, "every field", &a)
}

// FuzzAppendJSON: arbitrary strings in the fields, arbitrary slice lengths.
func FuzzAppendJSON(f *testing.F) {
	for _, s := range trickyStrings()[:30] {
		f.Add(s, "ar", uint8(3))
	}
	f.Fuzz(func(t *testing.T, s, u string, n uint8) {
		a := nazif.Article{
			Title: s, Site: u, URL: s + u, Lang: u, Dir: s, Text: s, SearchText: u,
			HTML: u + s, Markdown: s,
		}
		if n&1 != 0 {
			a.Blocks = []nazif.Block{}
		}
		for i := range int(n % 4) {
			b := nazif.Block{Kind: nazif.Kind(u), Text: s[i*len(s)/4:], Src: u, Caption: s, Credit: u}
			if n&2 != 0 {
				b.Links = []nazif.Link{{Start: i, End: len(s), Href: u}}
			}
			a.Blocks = append(a.Blocks, b)
			a.Captions = append(a.Captions, u)
			a.Warnings = append(a.Warnings, s)
			a.Removed = append(a.Removed, nazif.Removed{Text: s, Reason: u})
		}
		checkAppendJSON(t, "fuzz", &a)
	})
}

// benchJSONArticle is the largest corpus page with every optional output.
func benchJSONArticle(b *testing.B) nazif.Article {
	input, err := os.ReadFile("../../testdata/corpus/elbaladtv-2020-12-25.html")
	if err != nil {
		b.Fatal(err)
	}
	a, err := nazif.Extract(input, nazif.Options{HTML: true, Markdown: true, Explain: true})
	if err != nil {
		b.Fatal(err)
	}
	return a
}

func BenchmarkAppendJSON(b *testing.B) {
	a := benchJSONArticle(b)
	buf := a.AppendJSON(nil)
	b.SetBytes(int64(len(buf)))
	b.ReportAllocs()
	for b.Loop() {
		buf = a.AppendJSON(buf[:0])
	}
}

func BenchmarkAppendJSONFresh(b *testing.B) {
	a := benchJSONArticle(b)
	b.SetBytes(int64(len(a.AppendJSON(nil))))
	b.ReportAllocs()
	for b.Loop() {
		a.AppendJSON(nil)
	}
}

func BenchmarkMarshalJSON(b *testing.B) {
	a := benchJSONArticle(b)
	out, _ := json.Marshal(&a)
	b.SetBytes(int64(len(out)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(&a); err != nil {
			b.Fatal(err)
		}
	}
}
