package dom_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nazif/nazif/wasm/internal/dom"
	"golang.org/x/net/html/atom"
)

// outline renders the tree as tag(children) with text in quotes.
func outline(n *dom.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.Next {
		if c.Type == dom.Text {
			if t := strings.TrimSpace(c.Data); t != "" {
				b.WriteString("'" + t + "'")
			}
			continue
		}
		b.WriteString(c.Tag.String() + "(" + outline(c) + ")")
	}
	return b.String()
}

func TestParseNesting(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"<p>one<p>two", "p('one')p('two')"},
		{"<p>text<div>box</div>after</p>", "p('text')div('box')'after'"},
		{"<ul><li>a<li>b</ul>", "ul(li('a')li('b'))"},
		{"<div><span>x</div>y", "div(span('x'))'y'"},
		{"<table><tr><td>a<td>b<tr><td>c</table>", "table(tr(td('a')td('b'))tr(td('c')))"},
		{"</b>stray</i><p>ok", "'stray'p('ok')"},
		{"<p>a<br>b</br>c", "p('a'br()'b'br()'c')"},
		{"<script>var x='<p>no</p>'</script><p>yes", "script()p('yes')"},
		{"<h1>عنوان &amp; «خبر»</h1>", "h1('عنوان & «خبر»')"},
		// Custom elements close by name, case aside, and not past a
		// scope element.
		{"<x-card>one</x-card><p>two", "('one')p('two')"},
		{"<X-Card>one<b>b</x-card>after", "('one'b('b'))'after'"},
		{"<x>one<td>cell</x>more", "('one'td('cellmore'))"},
		// An unclosed <svg> or <math> ends where a browser leaves it: at
		// an HTML start tag such as <p>, or at </p> …
		{"<svg><rect/>drawing<p>after", "svg(())p('after')"},
		{"<math><mi>x</mi><div>after", "math(mi('x'))div('after')"},
		{"<p>a<svg>b</p>c", "p('a'svg())'c'"},
		// … but not inside an integration point, which holds HTML.
		{"<svg><foreignObject><p>in</p></foreignObject></svg><p>out", "svg(foreignobject(p()))p('out')"},
	} {
		d := dom.Parse(c.in)
		if got := outline(d.Root); got != c.want {
			t.Errorf("Parse(%q) = %s; want %s", c.in, got, c.want)
		}
	}
}

func TestParseHeadParts(t *testing.T) {
	d := dom.Parse(`<html lang="ar"><head><title> عنوان الصفحة </title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"<b>x</b>"}</script>
<meta property="og:title" content="t"></head><body><p class="c" onclick="x()">نص</p></body></html>`)
	if d.Title != "عنوان الصفحة" || d.Lang != "ar" {
		t.Errorf("title %q lang %q", d.Title, d.Lang)
	}
	if len(d.JSONLD) != 1 || !strings.Contains(d.JSONLD[0], `"headline":"<b>x</b>"`) {
		t.Errorf("JSONLD = %q", d.JSONLD)
	}
	var p *dom.Node
	for n := d.Root.FirstChild; n != nil; n = n.Next {
		if n.Tag == atom.P {
			p = n
		}
	}
	if p == nil || p.Attr("class") != "c" || p.HasAttr("onclick") {
		t.Fatalf("p = %+v; want class kept and onclick dropped", p)
	}
}

// TestParseDepth: a hostile nesting depth is flattened, not followed.
func TestParseDepth(t *testing.T) {
	const n = 100000
	src := strings.Repeat("<div>", n) + "deep" + strings.Repeat("</div>", n) + "<p>after</p>"
	d := dom.Parse(src)
	depth, max := 0, 0
	var walk func(n *dom.Node, k int)
	walk = func(n *dom.Node, k int) {
		if k > max {
			max = k
		}
		for c := n.FirstChild; c != nil; c = c.Next {
			walk(c, k+1)
		}
	}
	walk(d.Root, depth)
	if max > dom.MaxDepth+1 {
		t.Errorf("tree depth %d; want at most %d", max, dom.MaxDepth+1)
	}
	if !strings.Contains(outline(d.Root), "'deep'") || !strings.HasSuffix(outline(d.Root), "p('after')") {
		t.Errorf("text lost in deep nesting")
	}
}

// TestParseTextPieces: text split by comments joins into one node, and a
// page of many pieces costs a few allocations, not one copy per piece.
func TestParseTextPieces(t *testing.T) {
	const n = 20000
	src := "<p>" + strings.Repeat("نص <!-- c -->", n)
	d := dom.Parse(src)
	p := d.Root.FirstChild
	if p == nil || p.FirstChild == nil || p.FirstChild != p.LastChild {
		t.Fatalf("want <p> holding one text node; got %d nodes", d.Nodes)
	}
	if got, want := p.FirstChild.Data, strings.Repeat("نص ", n); got != want {
		t.Errorf("text has %d bytes; want %d", len(got), len(want))
	}
	if a := testing.AllocsPerRun(3, func() { dom.Parse(src) }); a > 50 {
		t.Errorf("Parse made %v allocations; want at most 50", a)
	}
}

// TestParseAllocs: plain text shares the page's bytes and kept attributes
// share arenas, so allocations do not grow with the number of nodes.
func TestParseAllocs(t *testing.T) {
	page := strings.Repeat(`<div class="x"><p>نص <a href="/y">رابط</a>، &amp; تكملة.</p><br></div>`, 1000)
	// About 8000 nodes: ~32 node arenas, a few attribute arenas, and one
	// string per text with "&amp;".
	if a := testing.AllocsPerRun(3, func() { dom.Parse(page) }); a > 1100 {
		t.Errorf("Parse made %v allocations; want at most 1100", a)
	}
}

func BenchmarkParse(b *testing.B) {
	page := strings.Repeat(`<div class="x"><p>نص عربي <a href="/y">رابط</a> وتكملة، ونص آخر.</p><br><span>x</span></div>`, 2000)
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		dom.Parse(page)
	}
}

// corpusPages reads the HTML pages of the shared test corpus.
func corpusPages(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob("../../../testdata/corpus/*.html")
	if err != nil || len(files) == 0 {
		tb.Fatalf("corpus: %v (%d files)", err, len(files))
	}
	pages := make([]string, len(files))
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		pages[i] = string(b)
	}
	return pages
}

func BenchmarkParseCorpus(b *testing.B) {
	pages := corpusPages(b)
	n := 0
	for _, p := range pages {
		n += len(p)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, p := range pages {
			dom.Parse(p)
		}
	}
}

// TestParseUntil: the stop function is asked every 4096 tokens, and
// a true answer ends the parse early with a partial tree.
func TestParseUntil(t *testing.T) {
	src := strings.Repeat("<p>نص</p>", 3*4096)
	calls := 0
	d, done := dom.ParseUntil(src, func() bool { calls++; return calls == 2 })
	if done || calls != 2 {
		t.Fatalf("done %v after %d calls; want false after 2", done, calls)
	}
	if d == nil || d.Root == nil {
		t.Fatal("no partial tree")
	}
	if _, done := dom.ParseUntil(src, func() bool { return false }); !done {
		t.Error("a stop that never fires ended the parse")
	}
}

// TestParseMaxNodes: a page of more than MaxNodes nodes keeps the first
// ones, says it was cut, and costs no more; a page just under is whole.
func TestParseMaxNodes(t *testing.T) {
	// Each <p>x is two nodes, an element and its text, after the root.
	under := dom.Parse(strings.Repeat("<p>x", dom.MaxNodes/2-1))
	if under.Truncated || under.Nodes != dom.MaxNodes-1 {
		t.Errorf("just under the cap: %d nodes, truncated %v; want %d, false", under.Nodes, under.Truncated, dom.MaxNodes-1)
	}
	over := dom.Parse("<title>عنوان</title>" + strings.Repeat("<p>x", dom.MaxNodes) + "<p>lost")
	if !over.Truncated || over.Nodes != dom.MaxNodes || over.Title != "عنوان" {
		t.Errorf("over the cap: %d nodes, truncated %v, title %q; want %d, true, عنوان", over.Nodes, over.Truncated, over.Title, dom.MaxNodes)
	}
	for p := over.Root.FirstChild; p != nil; p = p.Next {
		if p.FirstChild != nil && p.FirstChild.Data != "x" {
			t.Fatalf("a paragraph past the cap was kept: %q", p.FirstChild.Data)
		}
	}
}
