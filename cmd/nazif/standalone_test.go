package main

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestStandalone: -standalone gives a whole document: doctype, charset,
// the article's language and direction, its title, the stylesheet
// inlined, the fragment inside the styled container, and the source link.
// The screenshot test in Chromium is wasm/js/test/browser/standalone.test.js.
func TestStandalone(t *testing.T) {
	code, out, stderr := runClean(t, "", "-native", "-f", "html", "-standalone", cnnPage)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(out, "<!DOCTYPE html>\n") {
		t.Errorf("no doctype: %.60q", out)
	}
	doc, err := html.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	root := find(doc, atom.Html)
	if got := attrs(root); got["lang"] != "ar" || got["dir"] != "rtl" {
		t.Errorf("<html> %v; want lang ar, dir rtl", got)
	}
	if m := find(doc, atom.Meta); attrs(m)["charset"] != "utf-8" {
		t.Errorf("the first <meta> is %v; want the charset", attrs(m))
	}
	if got := text(find(doc, atom.Title)); got != cnnTitle {
		t.Errorf("<title> %q; want %q", got, cnnTitle)
	}
	if style := text(find(doc, atom.Style)); strings.TrimSpace(style) != strings.TrimSpace(articleCSS) || !strings.Contains(style, ".nazif-html > article") {
		t.Errorf("<style> is not article.css with the fragment's rules (%d bytes)", len(style))
	}
	main := find(doc, atom.Main)
	if c := attrs(main)["class"]; !strings.Contains(c, "nazif-html") {
		t.Errorf("<main class=%q>; want nazif-html, which article.css styles", c)
	}
	if art := find(main, atom.Article); art == nil || art.Parent != main || text(find(art, atom.H1)) != cnnTitle {
		t.Errorf("the article is not main's child with its headline")
	}
	link := find(find(main, atom.Footer), atom.A)
	if a := attrs(link); !strings.HasPrefix(a["href"], "http") || a["rel"] != "noopener noreferrer nofollow" || !strings.Contains(text(link.Parent), "المصدر: ") {
		t.Errorf("source link %v in %q", a, text(link.Parent))
	}

	// An English page reads left to right, its link says "Source".
	page := `<html><head><title>Storm closes schools</title><link rel="canonical" href="https://example.com/storm"></head><body><article><h1>Storm closes schools</h1>` +
		strings.Repeat("<p>The storm closed every school in the county on Monday, and officials said they would reopen when the roads were clear.</p>", 4) +
		`</article></body></html>`
	code, out, stderr = runClean(t, page, "-native", "-f", "html", "-standalone", "-")
	if code != 0 || !strings.Contains(out, `<html lang="en" dir="ltr">`) || !strings.Contains(out, `Source: <a href="https://example.com/storm"`) {
		t.Errorf("an English page: exit %d, stderr %q, output %.300q", code, stderr, out)
	}

	if code, _, stderr := runClean(t, "", "-native", "-f", "text", "-standalone", cnnPage); code != 2 || !strings.Contains(stderr, "-standalone") {
		t.Errorf("-standalone with -f text: exit %d, stderr %q; want a usage error", code, stderr)
	}
}

// find is the first element under n (n included) with tag a, or nil.
func find(n *html.Node, a atom.Atom) *html.Node {
	if n == nil {
		return nil
	}
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, a); f != nil {
			return f
		}
	}
	return nil
}

func attrs(n *html.Node) map[string]string {
	m := map[string]string{}
	if n != nil {
		for _, a := range n.Attr {
			m[a.Key] = a.Val
		}
	}
	return m
}

// text is n's text content.
func text(n *html.Node) string {
	if n == nil {
		return ""
	}
	if n.Type == html.TextNode {
		return n.Data
	}
	var sb strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		sb.WriteString(text(c))
	}
	return sb.String()
}
