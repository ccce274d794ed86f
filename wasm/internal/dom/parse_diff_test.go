package dom

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// dump serializes everything Parse produces, and checks the links.
func dump(d *Doc) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title=%q lang=%q nodes=%d\n", d.Title, d.Lang, d.Nodes)
	for _, j := range d.JSONLD {
		fmt.Fprintf(&b, "jsonld=%q\n", j)
	}
	var walk func(n *Node, depth int)
	walk = func(n *Node, depth int) {
		var last *Node
		for c := n.FirstChild; c != nil; c = c.Next {
			b.WriteString(strings.Repeat(" ", depth))
			if c.Parent != n {
				b.WriteString("!parent ")
			}
			switch c.Type {
			case Text:
				fmt.Fprintf(&b, "%q\n", c.Data)
			case Element:
				fmt.Fprintf(&b, "<%s", c.Tag)
				for _, a := range c.Attrs {
					fmt.Fprintf(&b, " %s=%q", a.Key, a.Val)
				}
				b.WriteString(">\n")
			default:
				fmt.Fprintf(&b, "!type %d\n", c.Type)
			}
			walk(c, depth+1)
			last = c
		}
		if n.LastChild != last {
			b.WriteString("!lastchild\n")
		}
	}
	walk(d.Root, 0)
	return b.String()
}

// tricky holds inputs where a hand-written tokenizer is easy to get wrong.
var tricky = []string{
	// Comments, including abrupt and unterminated ones.
	"a<!-- c -->b", "a<!-->b", "a<!--->b", "a<!---->b", "a<!-- x --!>b", "a<!-- x -- >b-->c",
	"a<!--x--!-->b", "a<!---!>b-->c", "a<!-- never closed", "a<!--", "a<!-", "a<!", "a<!>b",
	"a<!x>b<!-x>c", "<!DOCTYPE html><p>x", "<!doctype html public \"x\"><p>x", "<!DOCTYP", "<![CDATA[x<p>y]]>z",
	"a<?xml version='1.0'?>b", "a<?x", "a</ >b", "a</3>b", "a</>b", "a</", "a<", "a< b", "a<3b", "a<=b",
	// Attributes.
	`<p class=a id='b' title="c" hidden>x</p>`, `<p class="unclosed>x</p>y`, `<p class='a>b'>x</p>`,
	`<a href=x>y</a>`, `<a href = "x" >y</a>`, `<a href=x/>y</a>`, `<a href="x"/>y`, `<a href/>y`, `<a/b>y`,
	`<p CLASS=a class=b Class=c>x`, `<p id=a onclick=b id=c>x`, `<p =a class=b>x`, `<p class==a>x`,
	`<p class=a=b>x`, `<a href="?a=1&b=2&amp;c=3&lt=4&notit;&copy&copy=&#65;&#x42;&#0;&#xD800;&amp">x</a>`,
	`<img alt="&quot;&nbsp;&eacute;&Eacute;&nLt;&ampx;">`, `<p title="a&#">x`, `<p title="&notx &not &not= &amp= &ampx &ampx= &nLt &nLt;x">x`, `<p title=a&b>x`,
	"<p title=\"a\r\nb\rc\x00d\">x", `<br foo=x/ foo=y/>z`, `<br foo=x/>z`, `<br foo=x/ bar=y/>z`,
	`<p a=/>x`, `<p a="/">x</p>`, "<div\tclass=a\nid=b\fdir=rtl\r>x</div>", `<div class="a"`, `<div class`,
	`<div class=`, `<div class=a`, `<div class="a`, `<div `, `<div`, `</div`, `</div x=">">y`,
	// Raw text.
	"<script>if (a</scr) { x = '<!--'; }</script><p>after", "<script>a<!--b<script>c</script>d-->e</script>f",
	"<script><!--<script></script>--></script>x", "<script>a<!--b</script>c", "<script>x</SCRIPT >y",
	"<script>x</script", "<script>x</scriptx>y</script/>z", "<script>a<!-x</script>b", "<script>a<!--<x</script>b",
	"<script>a<!--<sCrIpT>--></script>b</script>c", "<script><!--<1<script>a</script>b</script>c", "<script><!--<script>a</script x>b</script>c", "<script>",
	"<script/>x</script>y", `<script type="application/ld+json">{"a":"<b>\r\n&amp;</b>"}</script>`,
	`<script type=" Application/LD+JSON ">1</script><script type="application/ld+json"></script>`,
	"<style>p{}</style ><p>x", "<STYLE>a</sTyLe>b", "<textarea>a&amp;<b>\x00</textarea>c", "<xmp>a&amp;<b>\x00</xmp>c",
	"<iframe>a<p>b</iframe>c", "<noscript><p>a</p></noscript>b", "<noembed>x</noembed>y", "<noframes>x</noframes>y",
	"<plaintext>a</plaintext><p>b", "<title>a &amp; b</title><title>c</title>", "<title></title><title>c</title>",
	"<title/>x</title>y", "<TITLE>x\r\ny\x00</TITLE>", "<title>never closed", "<p><title>x</title>y",
	// Text, entities, NUL, CR.
	"a&amp;b&lt;c&notit;d&copy e", "x\r\ny\rz\r", "a\x00b<p>c\x00", "<p>&#0;&#x80;&#128;</p>", "&",
	"&#x110000;&#99999999999;&#X41;&#65a&#x;&#;&#xZ&#9;&#13;&#x1F600;&#xdfff;&#159;&#x9f", "&notit;&copy&ampx&nLt;&amp=&apos;",
	"<p title='&#x110000;&#99999999999;&#X41;&#65a&#x;&#;&#xZ&#13;&#x9f&apos;&quot&lt=&gt'>x",
	// Structure.
	"<p>a<table><tr><td><p>b</td></tr></table>c", "<P>A<DIV>B</DIV>", "<br/>a</br>b<br />", "<p>a</p></p>b",
	"<ul><li>a<ul><li>b</ul><li>c</ul>", "<dl><dt>a<dd>b<dt>c</dl>", "<select><option>a<option>b</select>c",
	"<html lang=ar><head></head><body><p>x</body></html>", "<html><html lang=en>", "<svg><title>t</title></svg>x",
	"<div><span>x</div>y</span>z", "<template><p>x</template>y", "<button><p>x</button>y",
}

func corpusFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, dir := range []string{"corpus", "negatives"} {
		m, err := filepath.Glob(filepath.Join("../../../testdata", dir, "*.html"))
		if err != nil || len(m) == 0 {
			t.Fatalf("testdata/%s: %v (%d files)", dir, err, len(m))
		}
		files = append(files, m...)
	}
	return files
}

func checkSame(t *testing.T, name, src string) {
	t.Helper()
	if got, want := dump(Parse(src)), dump(parseReference(src)); got != want {
		t.Errorf("%s: Parse differs from the x/net reference:\n%s", name, firstDiff(got, want))
	}
}

// firstDiff shows the first differing line of two dumps.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d\n got %q\nwant %q", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("got %d lines; want %d", len(g), len(w))
}

func TestParseMatchesReferenceCorpus(t *testing.T) {
	for _, f := range corpusFiles(t) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkSame(t, filepath.Base(f), string(b))
	}
}

func TestParseMatchesReferenceTricky(t *testing.T) {
	for _, src := range tricky {
		checkSame(t, fmt.Sprintf("%q", src), src)
	}
}

// TestParseMatchesReferencePrefixes cuts inputs at every byte: a tag,
// comment or reference cut short at the end of input must end the same way.
func TestParseMatchesReferencePrefixes(t *testing.T) {
	for _, src := range tricky {
		for i := range len(src) {
			checkSame(t, fmt.Sprintf("%q", src[:i]), src[:i])
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, src := range tricky {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		checkSame(t, fmt.Sprintf("%q", src), src)
	})
}

// pieces are the fragments TestParseMatchesReferenceRandom glues together:
// the bytes every tokenizer state turns on.
var pieces = []string{
	"<", ">", "/", "</", "/>", "=", `"`, "'", " ", "\n", "\r", "\r\n", "\t", "\x00", "&", ";", "#", "x", "-",
	"--", "!", "?", "<!--", "-->", "--!>", "<!", "<!DOCTYPE", "[CDATA[", "]]>", "a", "B", "p", "div", "li",
	"td", "tr", "table", "script", "SCRIPT", "style", "title", "textarea", "xmp", "plaintext", "noscript",
	"iframe", "br", "html", "lang", "class", "id", "href", "type", "application/ld+json", "amp", "lt", "notit",
	"nLt", "#65", "#x", "عربي", "\xff", "select", "option", "svg", "template",
}

// scriptPieces drive the script data escape states.
var scriptPieces = []string{
	"<", "/", "!", "-", "--", ">", " ", "1", "x", "script", "SCRIPT", "scrip", "<!--", "-->", "</script", "<script",
	"</script>", "<p>", "</", "/>", "\r",
}

// TestParseMatchesReferenceRandom compares the two parsers on a fixed
// stream of random glued fragments; every other input is a script.
func TestParseMatchesReferenceRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 60000 {
		var b strings.Builder
		alphabet := pieces
		if i%2 == 1 {
			b.WriteString("<script>")
			alphabet = scriptPieces
		}
		for range 1 + r.IntN(30) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		src := b.String()
		if got, want := dump(Parse(src)), dump(parseReference(src)); got != want {
			t.Fatalf("%q: Parse differs from the x/net reference:\n%s", src, firstDiff(got, want))
		}
	}
}
