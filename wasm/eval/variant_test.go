package eval_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/nazif/nazif/wasm/eval"
)

// variantPage has what every variant must leave alone (a script whose
// text looks like markup, a comment holding a tag, a query string with
// an ampersand) and what each changes: class and id tokens, one shared by
// an id and two classes, paragraphs, one <p> closed only by the next.
const variantPage = `<!DOCTYPE html><html><head><title>t</title>` +
	`<script>if (a<b && c>d) { x = "<p class='q'>"; }</script><!-- <p class="c" id="d"> --></head>` +
	`<body class="main x"><div id="main" class="x  y"><p>one<p>two</p><p class=x>three</div>` +
	`<a href="a?b=1&c=2" class="y" data-k="v">l</a></body></html>`

// keptVerbatim are the bytes every variant copies as they are.
var keptVerbatim = []string{
	`<script>if (a<b && c>d) { x = "<p class='q'>"; }</script>`,
	`<!-- <p class="c" id="d"> -->`,
	`<!DOCTYPE html><html><head><title>t</title>`,
}

func TestVariantKeepsScriptsAndComments(t *testing.T) {
	for _, v := range eval.Variants {
		got := string(v.Apply([]byte(variantPage)))
		for _, want := range keptVerbatim {
			if !strings.Contains(got, want) {
				t.Errorf("%s: got %q; want it to hold %q byte for byte", v, got, want)
			}
		}
	}
}

// TestVariantApply: each variant's output on the page, in full.
func TestVariantApply(t *testing.T) {
	head := `<!DOCTYPE html><html><head><title>t</title>` +
		`<script>if (a<b && c>d) { x = "<p class='q'>"; }</script><!-- <p class="c" id="d"> --></head>`
	for _, c := range []struct {
		v    eval.Variant
		want string
	}{
		// Every class and id is gone; href and data-k stay. A tag that
		// changes is written again, so its & becomes &amp; (the same URL).
		{eval.NoAttrs, head + `<body><div><p>one<p>two</p><p>three</div>` +
			`<a href="a?b=1&amp;c=2" data-k="v">l</a></body></html>`},
		// main → k0, x → k1, y → k2: in the order met, in ids and classes
		// alike, the same token always to the same name.
		{eval.Renamed, head + `<body class="k0 k1"><div id="k0" class="k1 k2"><p>one<p>two</p><p class="k1">three</div>` +
			`<a href="a?b=1&amp;c=2" class="k2" data-k="v">l</a></body></html>`},
		// Each paragraph ends in <br><br>, the one closed by the next <p>
		// too; the last is closed by </div>, which ends it anyway.
		{eval.BrRuns, head + `<body class="main x"><div id="main" class="x  y">one<br><br>two<br><br>three</div>` +
			`<a href="a?b=1&c=2" class="y" data-k="v">l</a></body></html>`},
		// 12 <div>s just inside <body>, closed just before </body>.
		{eval.Wrapped, head + `<body class="main x">` + strings.Repeat("<div>", 12) +
			`<div id="main" class="x  y"><p>one<p>two</p><p class=x>three</div>` +
			`<a href="a?b=1&c=2" class="y" data-k="v">l</a>` + strings.Repeat("</div>", 12) + `</body></html>`},
	} {
		if got := string(c.v.Apply([]byte(variantPage))); got != c.want {
			t.Errorf("%s:\ngot  %q;\nwant %q", c.v, got, c.want)
		}
	}
}

// tokensOf lists the class and id tokens of every element of page, in
// document order.
func tokensOf(t *testing.T, page []byte) []string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var toks []string
	for n := range doc.Descendants() {
		for _, a := range n.Attr {
			if a.Key == "class" || a.Key == "id" {
				toks = append(toks, strings.Fields(a.Val)...)
			}
		}
	}
	return toks
}

// TestVariantRenamedConsistent: on a page with many repeated tokens, the
// renaming is a one-to-one map: the same token always gets the same new
// name, different tokens different ones, and no old token is left.
func TestVariantRenamedConsistent(t *testing.T) {
	page := []byte(`<html><body id="top" class="page post">` +
		`<div class="post-body post"><p class="lead">a</p><p class="lead x">b</p></div>` +
		`<aside id="side" class="widget side"><div class="widget">c</div></aside>` +
		`<footer class="page  footer" id="footer">d</footer></body></html>`)
	before, after := tokensOf(t, page), tokensOf(t, eval.Renamed.Apply(page))
	if len(before) != len(after) {
		t.Fatalf("got %d tokens %q; want %d, as before %q", len(after), after, len(before), before)
	}
	to, from := map[string]string{}, map[string]string{}
	for i, old := range before {
		n := after[i]
		if slices.Contains(before, n) {
			t.Errorf("token %d: got %q; want a new name, not a token of the page", i, n)
		}
		if prev, ok := to[old]; ok && prev != n {
			t.Errorf("token %q: got %q; want %q, as before it", old, n, prev)
		}
		if prev, ok := from[n]; ok && prev != old {
			t.Errorf("name %q: got it for %q; want it only for %q", n, old, prev)
		}
		to[old], from[n] = n, old
	}
	if len(to) != 9 {
		t.Errorf("got %d distinct tokens %q; want 9", len(to), to)
	}
}

// TestVariantBrRuns: after BrRuns no <p> is left, and the paragraphs'
// texts come out in order, each followed by <br><br>, whether the <p> was
// closed by </p>, by the next <p>, or by a block element.
func TestVariantBrRuns(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`<p>a</p><p>b</p>`, `a<br><br>b<br><br>`},
		{`<p>a<p>b<p>c</p>`, `a<br><br>b<br><br>c<br><br>`},
		{`<p class="x">a<div>b</div><p>c`, `a<div>b</div>c`},
		{`<p>a<br>b</p>`, `a<br>b<br><br>`},
		{`<P>a<P>b</P>`, `a<br><br>b<br><br>`},
	} {
		if got := string(eval.BrRuns.Apply([]byte(c.in))); got != c.want {
			t.Errorf("%q: got %q; want %q", c.in, got, c.want)
		}
	}
}

// TestVariantWrapped: the body's content sits under exactly 12 more
// <div>s, as the parser sees it.
func TestVariantWrapped(t *testing.T) {
	out := eval.Wrapped.Apply([]byte(`<html><head></head><body class="b"><p>x</p></body></html>`))
	doc, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	depth := 0
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.Data == "p" {
			for a := n.Parent; a != nil && a.Data != "body"; a = a.Parent {
				if a.Data != "div" {
					t.Errorf("got a <%s> between <body> and <p>; want only <div>s", a.Data)
				}
				depth++
			}
		}
	}
	if depth != 12 {
		t.Errorf("got %d <div>s around the body's content; want 12:\n%s", depth, out)
	}
}

func TestParseVariant(t *testing.T) {
	for _, c := range []struct {
		in   string
		want eval.Variant
		ok   bool
	}{
		{"noattrs", eval.NoAttrs, true},
		{"renamed", eval.Renamed, true},
		{"brruns", eval.BrRuns, true},
		{"wrapped", eval.Wrapped, true},
		{"Wrapped", "", false},
		{"", "", false},
	} {
		if got, ok := eval.ParseVariant(c.in); got != c.want || ok != c.ok {
			t.Errorf("ParseVariant(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}
