package dom

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// xnetAttr returns the value x/net's tokenizer gives the attribute value v,
// which must hold no '"', CR or NUL (the tokenizer changes those before it
// decodes references, and unescape sees them already changed).
func xnetAttr(v string) string {
	z := html.NewTokenizer(strings.NewReader(`<a x="` + v + `">`))
	z.Next()
	_, val, _ := z.TagAttr()
	return string(val)
}

// checkUnescape compares the decoding of s with x/net's, as text and, when
// s can stand in a quoted attribute, as an attribute value.
func checkUnescape(t *testing.T, s string) {
	t.Helper()
	if got, want := UnescapeString(s), html.UnescapeString(s); got != want {
		t.Fatalf("UnescapeString(%q) = %q, x/net gives %q", s, got, want)
	}
	if strings.ContainsAny(s, "\"\r\x00") {
		return
	}
	if got, want := unescape(s, true), xnetAttr(s); got != want {
		t.Fatalf("attribute %q decodes to %q, x/net gives %q", s, got, want)
	}
}

func entityName(i int) string {
	return entityNames[entityNameOff[i]:entityNameOff[i+1]]
}

func TestEntityTableSorted(t *testing.T) {
	n := len(entityNameOff) - 1
	if n != 2231 {
		t.Errorf("%d entity names, x/net v0.62.0 has 2231: rerun go generate after updating x/net", n)
	}
	for i := 1; i < n; i++ {
		if entityName(i-1) >= entityName(i) {
			t.Fatalf("names %q and %q are out of order: the binary search misses names; regenerate entities.go", entityName(i-1), entityName(i))
		}
	}
}

// TestUnescapeEveryEntity decodes every name x/net knows, with and without
// ';', in the contexts that change the outcome: end of input, a following
// letter or digit (a longer unknown name), '=' and ';'.
func TestUnescapeEveryEntity(t *testing.T) {
	for i := range len(entityNameOff) - 1 {
		base := strings.TrimSuffix(entityName(i), ";")
		for _, name := range []string{base, base + ";"} {
			for _, after := range []string{"", "x", "Z", "9", "=", ";", " t", "&amp;", "&" + name} {
				checkUnescape(t, "&"+name+after)
				checkUnescape(t, "a&"+name+after+"b")
			}
		}
	}
}

func TestUnescapeNumeric(t *testing.T) {
	refs := []string{
		"&#", "&#;", "&#x", "&#x;", "&#X;", "&#xg;", "&#a;", "&#-1;", "&#+65;", "&# 65;", "&#x 41;",
		"&#0;", "&#x0;", "&#00000;", "&#65", "&#65;", "&#65x", "&#0065;", "&#X41", "&#x41g", "&#xaBcD;",
		"&#13;", "&#xD7FF;", "&#xD800;", "&#xDBFF;", "&#xDC00;", "&#xDFFF;", "&#xE000;", "&#xFFFD;",
		"&#xFFFF;", "&#x10FFFF;", "&#x110000;", "&#1114111;", "&#1114112;", "&#4294967296;",
		"&#x100000041;", "&#99999999999999999999999999;", "&#x" + strings.Repeat("f", 100) + ";",
		"&#" + strings.Repeat("9", 200), "&#" + strings.Repeat("0", 200) + "65;", "&#65;&#66",
	}
	for c := 0x7E; c <= 0xA1; c++ {
		refs = append(refs, fmt.Sprintf("&#%d;", c), fmt.Sprintf("&#x%x", c), fmt.Sprintf("&#X%X;", c))
	}
	for _, r := range refs {
		checkUnescape(t, r)
		checkUnescape(t, "a"+r+"b")
	}
}

// refPieces are the fragments random references are glued from.
var refPieces = []string{
	"&", "&", "&", ";", "#", "x", "X", "=", "0", "1", "9", "a", "F", "g", " ", "amp", "AMP", "lt", "not", "notin",
	"it", "nbsp", "copy", "quot", "apos", "acE", "nvlt", "\xff", "عربي", "\u00a0", "\"", "\r", "\x00",
}

func randomRef(r *rand.Rand) string {
	var b strings.Builder
	for range 1 + r.IntN(12) {
		if r.IntN(4) == 0 {
			// A prefix of a real name, with or without its ';'.
			n := entityName(r.IntN(len(entityNameOff) - 1))
			b.WriteString(n[:1+r.IntN(len(n))])
		} else {
			b.WriteString(refPieces[r.IntN(len(refPieces))])
		}
	}
	return b.String()
}

func TestUnescapeRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 50000 {
		checkUnescape(t, randomRef(r))
	}
}

func TestUnescapeStringNoReference(t *testing.T) {
	for _, s := range []string{"", "plain", "a;b#x", "\xff\xfe"} {
		if got := UnescapeString(s); got != s {
			t.Errorf("UnescapeString(%q) = %q, want it unchanged", s, got)
		}
	}
}

func FuzzUnescape(f *testing.F) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 50 {
		f.Add(randomRef(r))
	}
	f.Add("&#x110000;&notit;&amp=")
	f.Fuzz(checkUnescape)
}

// refText mixes the references pages carry: the common named ones, rarer
// named ones, legacy names without ';', and numeric references.
var refText = strings.Repeat("كتب &quot;المحرر&quot; &amp; نشر&nbsp;في &laquo;الصحيفة&raquo; &hellip; "+
	"&mdash;&rsquo;&eacute;&copy &#1575;&#x644; &#150; &notit; &ampx text", 40)

func BenchmarkUnescape(b *testing.B) {
	b.SetBytes(int64(len(refText)))
	for b.Loop() {
		unescape(refText, false)
		unescape(refText, true)
	}
}
