package nazif_test

import (
	"encoding/json"
	"errors"
	"html"
	"os"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	nethtml "golang.org/x/net/html"

	"github.com/nazif/nazif/wasm/internal/decode"
	"github.com/nazif/nazif/wasm/internal/dom"
	"github.com/nazif/nazif/wasm/internal/normalize"
	"github.com/nazif/nazif/wasm/internal/urlref"
	"github.com/nazif/nazif/wasm/nazif"
)

// FuzzExtract runs HTML and anything else through Extract; FuzzExtractDump
// runs text dumps. Both check the invariants in checkExtract.
func FuzzExtract(f *testing.F) {
	for _, p := range corpus(f) {
		if !p.dump {
			f.Add(fuzzSeed(f, p.path))
		}
	}
	f.Add([]byte("<p>قال <b>الوزير</p></b> إن<br><br>الخطة جاهزة، 12:27 - 11/06/2025</p>"))
	f.Add([]byte("<article><h1>عنوان</h1><p>نص &amp; نص&#1575;&nbsp;<i>مائل</i> a < b</p><ul><li>بند</li></ul></article>"))
	f.Fuzz(checkExtract)
}

func FuzzExtractDump(f *testing.F) {
	for _, p := range corpus(f) {
		if p.dump {
			f.Add(fuzzSeed(f, p.path))
		}
	}
	f.Add([]byte("عنوان\n\nالعالم | 12:27 - 11/06/2025\n\nنص الخبر الأول، وهو طويل بما يكفي ليكون فقرة.\n"))
	f.Fuzz(checkExtract)
}

// fuzzSeed is a page cut to a fuzzer-sized slice from its middle, where
// tags are cut anywhere.
func fuzzSeed(f *testing.F, path string) []byte {
	in, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	if len(in) > 8192 {
		in = in[len(in)/2 : len(in)/2+4096]
	}
	return in
}

// checkExtract asserts what must hold for any input:
//   - no panic, and an error only of the documented kinds;
//   - every output string is valid UTF-8, and the result marshals to JSON;
//   - the display texts are normalized: normalizing them again changes
//     nothing;
//   - no body text is invented: the search key of every body word occurs
//     in the input's text (modulo entities, tags and normalization);
//   - cost is near-linear: the input repeated eight times allocates at
//     most sixteen times as much (plus a constant), so no stage is
//     quadratic in what repeats.
func checkExtract(t *testing.T, in []byte) {
	opts := nazif.Options{HTML: true, Markdown: true, Explain: true}
	before := allocated()
	a, err := nazif.Extract(in, opts)
	cost := allocated() - before
	if err != nil {
		if !errors.Is(err, nazif.ErrEmpty) && !errors.Is(err, nazif.ErrNotText) {
			t.Fatalf("untyped error %v", err)
		}
		return
	}
	strs := []string{a.Title, a.Published, a.Modified, a.Section, a.Site, a.Author, a.Description, a.Image, a.URL, a.Lang, a.Dir, a.Text, a.SearchText, a.HTML, a.Markdown}
	for _, b := range a.Blocks {
		strs = append(strs, b.Text, b.Caption, b.Credit, b.Src)
		for _, l := range b.Links {
			strs = append(strs, l.Href)
		}
	}
	checkFiguresAndLinks(t, a)
	for _, s := range append(strs, a.Captions...) {
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 in output: %q", s)
		}
	}
	if _, err := json.Marshal(a); err != nil {
		t.Fatal(err)
	}
	// No control but the newline between blocks, no invisible format
	// character but the joiners, in any text; url and image absolute
	// http(s) or empty (issue 13: ESC, NUL, tag characters and javascript:
	// URLs came through).
	for _, s := range append(strs[:len(strs)], a.Captions...) {
		for _, r := range s {
			if unicode.IsControl(r) && r != '\n' || unicode.Is(unicode.Cf, r) && r != 0x200C && r != 0x200D || r == 0xFFFE || r == 0xFFFF {
				t.Fatalf("control or invisible character %U in output %.200q", r, s)
			}
		}
	}
	for _, u := range []string{a.URL, a.Image} {
		if low := strings.ToLower(u); u != "" && !strings.HasPrefix(low, "http://") && !strings.HasPrefix(low, "https://") {
			t.Fatalf("url or image %q is not http(s)", u)
		}
	}
	arabic := a.Lang == "ar"
	for _, s := range append([]string{a.Title, a.Section, a.Site, a.Author}, blockTexts(a)...) {
		if d := normalize.Display(s, arabic); d != s {
			t.Fatalf("display text %q normalizes again to %q", s, d)
		}
	}
	for _, b := range a.Blocks {
		for _, s := range []string{b.Caption, b.Credit} {
			if d := normalize.Display(s, arabic); d != s {
				t.Fatalf("caption or credit %q normalizes again to %q", s, d)
			}
		}
	}
	// Only Arabic gets the full fold; a Persian or Urdu key keeps ة, ی …
	for _, s := range strings.Split(a.SearchText, "\n\n") {
		if k := normalize.SearchKey(s); arabic && k != s {
			t.Fatalf("search text %q folds again to %q", s, k)
		}
	}
	checkNotInvented(t, in, a)

	big := []byte(strings.Repeat(string(in), 8))
	before = allocated()
	nazif.Extract(big, opts)
	if bigCost := allocated() - before; bigCost > 16*cost+1<<20 {
		t.Fatalf("%d bytes allocate %d; eight times that allocates %d", len(in), cost, bigCost)
	}
}

// checkFiguresAndLinks: a figure has no text and an absolute http(s)
// picture; the links of a text block are in order, apart, on whole runes
// of non-blank text with no space at its ends, to absolute http(s) URLs;
// Text is the text blocks alone.
func checkFiguresAndLinks(t *testing.T, a nazif.Article) {
	var texts []string
	for _, b := range a.Blocks {
		if b.Kind == nazif.Figure {
			if b.Text != "" || len(b.Links) > 0 || !urlref.Web(b.Src) {
				t.Fatalf("figure %+v: text, links, or a picture that is not an absolute http(s) URL", b)
			}
			continue
		}
		texts = append(texts, b.Text)
		if b.Src != "" || b.Caption != "" || b.Credit != "" {
			t.Fatalf("text block %+v with a figure's fields", b)
		}
		units := utf16.Encode([]rune(b.Text))
		end := 0
		for _, l := range b.Links {
			if l.Start < end || l.End <= l.Start || l.End > len(units) || !urlref.Web(l.Href) {
				t.Fatalf("link %+v of %q: out of order, empty, past the text or not http(s)", l, b.Text)
			}
			got := l.TextOf(b)
			if want := string(utf16.Decode(units[l.Start:l.End])); got != want || strings.TrimSpace(got) != got || got == "" {
				t.Fatalf("link %+v of %q covers %q (UTF-16 %q)", l, b.Text, got, want)
			}
			end = l.End
		}
	}
	if want := strings.Join(texts, "\n\n"); a.Text != want {
		t.Fatalf("Text %q is not the text blocks' %q", a.Text, want)
	}
}

func blockTexts(a nazif.Article) []string {
	s := make([]string, len(a.Blocks))
	for i, b := range a.Blocks {
		s[i] = b.Text
	}
	return s
}

// allocated is the bytes allocated so far by this process.
func allocated() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.TotalAlloc
}

// tag is what the tokenizer reads as a tag, comment, declaration or
// bogus comment ("</" and anything); a "<" before anything else is text.
var tag = regexp.MustCompile(`<[A-Za-z!?/][^>]*>`)

// quotedTag is tag with attribute values in quotes, which may hold '>'.
var quotedTag = regexp.MustCompile(`<[A-Za-z!?/](?:[^>=]|=\s*"[^"]*"|=\s*'[^']*'|=)*>`)

// checkNotInvented: every body word, folded, occurs in the folded input
// text with white space removed: once with tags cut out (a word may span
// inline tags), once with them left in (a stray '<' is text).
func checkNotInvented(t *testing.T, in []byte, a nazif.Article) {
	dec, err := decode.Decode(in, "")
	if err != nil {
		t.Fatalf("Extract succeeded where Decode fails: %v", err)
	}
	// The tokenizer drops a NUL in some states and reads it as U+FFFD in
	// others (raw text, attribute values).
	text := strings.ReplaceAll(dec.Text, "\x00", "\uFFFD")
	texts := []string{dec.Text, text}
	if dec.Kind == decode.HTML {
		texts = append(texts, tag.ReplaceAllString(text, ""))
		unskipped := skipped.ReplaceAllString(dec.Text, "")
		texts = append(texts, tag.ReplaceAllString(dec.Text, ""), tag.ReplaceAllString(unskipped, ""),
			quotedTag.ReplaceAllString(dec.Text, ""), quotedTag.ReplaceAllString(unskipped, ""))
	}
	// A text dump keeps references as written; HTML has two readings of
	// them: x/net's, and nazif's own, which also reads "&#1" with no ';'
	// as the HTML5 rules do.
	hay := []string{squeeze(dec.Text)}
	for _, s := range texts {
		hay = append(hay, squeeze(html.UnescapeString(s)), squeeze(dom.UnescapeString(s)))
	}
	// References are decoded in each text node before the nodes join, so
	// a tag between "&#1&" and "#1" keeps them apart; and a tag's extent
	// is the tokenizer's to say ("<s=\" s='…>'" is one tag). The text
	// tokens of x/net's HTML5 tokenizer, decoded one by one, are a reading
	// of their own.
	if dec.Kind == decode.HTML {
		for _, s := range []string{dec.Text, unskippedText(dec.Text)} {
			hay = append(hay, squeeze(tokenText(s)))
		}
	}
	for _, b := range a.Blocks {
		for _, w := range strings.Fields(b.Text + " " + b.Caption + " " + b.Credit) {
			k := squeeze(w)
			if k == "" || slices.ContainsFunc(hay, func(h string) bool { return strings.Contains(h, k) }) {
				continue
			}
			t.Fatalf("body word %q (key %q) of block %q is not in the input", w, k, b.Text)
		}
	}
}

// tokenText joins the text tokens of s as x/net's tokenizer reads them.
func tokenText(s string) string {
	z := nethtml.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	for {
		switch z.Next() {
		case nethtml.ErrorToken:
			return b.String()
		case nethtml.TextToken:
			b.Write(z.Text())
		}
	}
}

// unskippedText is s without the elements skipped names.
func unskippedText(s string) string { return skipped.ReplaceAllString(s, "") }

// skipped are comments and elements whose text is never page text, so a
// body word may span one: "a<script>x</script>b" reads "ab".
var skipped = regexp.MustCompile(`(?is)<!--.*?-->|<script\b.*?</script\s*>|<style\b.*?</style\s*>|<noscript\b.*?</noscript\s*>|<template\b.*?</template\s*>|<textarea\b.*?</textarea\s*>|<title\b.*?</title\s*>|<svg\b.*?</svg\s*>|<math\b.*?</math\s*>|<select\b.*?</select\s*>|<button\b.*?</button\s*>|<iframe\b.*?</iframe\s*>|<object\b.*?</object\s*>|<canvas\b.*?</canvas\s*>`)

// squeeze is the search key of s without white space.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, normalize.SearchKey(s))
}
