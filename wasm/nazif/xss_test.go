package nazif_test

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/nazif/nazif/wasm/nazif"
)

// The XSS corpus (testdata/xss, see its README.md): every vector of
// vectors.txt is put into every {{VECTOR}} of page.html and of bare.html,
// the page goes through Extract with HTML and Markdown on, and the outputs
// must hold nothing executable while keeping the article.
// wasm/js/test/browser/xss.test.js reads the same files.

const xssDir = "../../testdata/xss/"

// xssPlaceholder marks where a template takes the vector.
const xssPlaceholder = "{{VECTOR}}"

// xssVector is one record of vectors.txt.
type xssVector struct {
	line       int      // line of the record's first line, for messages
	categories []string // from "# category:"
	source     string   // from "# source:"
	text       string   // from "# text:": text the article must keep
	vector     string
}

func (v xssVector) name() string { return "line" + strconv.Itoa(v.line) }

// loadXSSVectors reads testdata/xss/vectors.txt: records separated by a
// line "%%"; "#" lines are metadata or comments; "#! escapes" makes \xHH
// in the vector stand for that ASCII character; the other lines, joined
// by newlines, are the vector. A record with no vector line (the header)
// is skipped.
func loadXSSVectors(t *testing.T) []xssVector {
	t.Helper()
	data, err := os.ReadFile(xssDir + "vectors.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out []xssVector
	var cur xssVector
	var lines []string
	escapes := false
	flush := func(next int) {
		if len(lines) > 0 {
			cur.vector = strings.Join(lines, "\n")
			if escapes {
				cur.vector = decodeXSSEscapes(t, cur.vector)
			}
			out = append(out, cur)
		} else if len(cur.categories) > 0 || cur.text != "" {
			t.Errorf("vectors.txt:%d: a record with metadata and no vector", cur.line)
		}
		cur, lines, escapes = xssVector{line: next}, nil, false
	}
	cur.line = 1
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		switch {
		case line == "%%":
			flush(i + 2)
		case line == "#! escapes":
			escapes = true
		case strings.HasPrefix(line, "# category:"):
			for c := range strings.SplitSeq(strings.TrimPrefix(line, "# category:"), ",") {
				cur.categories = append(cur.categories, strings.TrimSpace(c))
			}
		case strings.HasPrefix(line, "# source:"):
			cur.source = strings.TrimSpace(strings.TrimPrefix(line, "# source:"))
		case strings.HasPrefix(line, "# text:"):
			cur.text = strings.TrimSpace(strings.TrimPrefix(line, "# text:"))
		case strings.HasPrefix(line, "#"):
		default:
			lines = append(lines, line)
		}
	}
	flush(0)
	return out
}

var xssEscape = regexp.MustCompile(`\\x[0-9A-Fa-f]{2}`)

func decodeXSSEscapes(t *testing.T, s string) string {
	t.Helper()
	return xssEscape.ReplaceAllStringFunc(s, func(e string) string {
		b, err := strconv.ParseUint(e[2:], 16, 8)
		if err != nil || b > 0x7f {
			t.Fatalf("vectors.txt: %s: escapes are for ASCII characters", e)
		}
		return string([]byte{byte(b)})
	})
}

// xssTemplate is one page of testdata/xss with its placeholders.
type xssTemplate struct {
	name string
	src  string
	// paras are the texts of the template's <p> elements that hold no
	// placeholder and are long enough to be article text: every page made
	// from the template must keep them.
	paras []string
}

// loadXSSTemplates reads page.html and bare.html.
func loadXSSTemplates(t *testing.T) []xssTemplate {
	t.Helper()
	var out []xssTemplate
	for _, name := range []string{"page.html", "bare.html"} {
		data, err := os.ReadFile(xssDir + name)
		if err != nil {
			t.Fatal(err)
		}
		tm := xssTemplate{name: name, src: string(data)}
		doc, err := html.Parse(strings.NewReader(tm.src))
		if err != nil {
			t.Fatal(err)
		}
		for n := range doc.Descendants() {
			if n.Type == html.ElementNode && n.DataAtom == atom.P && findAncestor(n, atom.Article) != nil {
				var src strings.Builder
				if err := html.Render(&src, n); err != nil {
					t.Fatal(err)
				}
				// A placeholder in the text or in an attribute of the
				// paragraph makes it a position, not a fixed paragraph.
				if s := nodeText(n); !strings.Contains(src.String(), xssPlaceholder) && len([]rune(s)) >= 150 {
					tm.paras = append(tm.paras, s)
				}
			}
		}
		out = append(out, tm)
	}
	return out
}

func (tm xssTemplate) page(vector string) []byte {
	return []byte(strings.ReplaceAll(tm.src, xssPlaceholder, vector))
}

func findAncestor(n *html.Node, a atom.Atom) *html.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.DataAtom == a {
			return p
		}
	}
	return nil
}

// nodeText is n's text content with white space runs made one space and
// trimmed.
func nodeText(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// xssCategories are the kinds of vector the corpus must cover.
var xssCategories = []string{
	"script", "event", "javascript-url", "data-url", "vbscript", "svg",
	"mathml", "srcdoc", "object-embed", "style", "meta-refresh", "base",
	"form", "isindex", "template", "mxss", "noscript", "comment-cdata",
	"entities", "unicode", "nul", "attribute-breakout", "srcset", "link",
	"iframe", "text", "polyglot",
}

func TestXSSCorpus(t *testing.T) {
	vectors := loadXSSVectors(t)
	if len(vectors) < 50 {
		t.Errorf("%d vectors; the corpus must have at least 50", len(vectors))
	}
	seen := map[string]int{}
	covered := map[string]int{}
	for _, v := range vectors {
		if prev, dup := seen[v.vector]; dup {
			t.Errorf("vectors.txt:%d repeats the vector of line %d", v.line, prev)
		}
		seen[v.vector] = v.line
		if len(v.categories) == 0 || v.source == "" {
			t.Errorf("vectors.txt:%d: a record needs a category and a source", v.line)
		}
		if strings.Contains(v.vector, xssPlaceholder) || strings.TrimSpace(v.vector) == "" {
			t.Errorf("vectors.txt:%d: empty vector or one holding the placeholder", v.line)
		}
		for _, c := range v.categories {
			covered[c]++
		}
	}
	for _, c := range xssCategories {
		if covered[c] == 0 {
			t.Errorf("no vector of category %q", c)
		}
	}
	for _, tm := range loadXSSTemplates(t) {
		n := strings.Count(tm.src, xssPlaceholder)
		t.Logf("%s: %d positions, %d fixed paragraphs", tm.name, n, len(tm.paras))
		if n < 5 || len(tm.paras) < 4 {
			t.Errorf("%s: %d positions and %d fixed paragraphs; want at least 5 and 4", tm.name, n, len(tm.paras))
		}
	}
	t.Logf("%d vectors, %d categories", len(vectors), len(covered))
}

// xssCase is one page made from a template and a vector.
type xssCase struct {
	name string // "page.html", or "page.html@3 …" when only position 3 holds the vector
	tm   *xssTemplate
	page []byte
}

// xssCases returns the pages of v: each template with v at every
// position, then with v at one position at a time (the others empty), so
// that no position can hide the others from the extractor.
func xssCases(templates []xssTemplate, v xssVector) []xssCase {
	var out []xssCase
	for i := range templates {
		tm := &templates[i]
		out = append(out, xssCase{tm.name, tm, tm.page(v.vector)})
	}
	for i := range templates {
		tm := &templates[i]
		parts := strings.Split(tm.src, xssPlaceholder)
		for pos := 1; pos < len(parts); pos++ {
			var b strings.Builder
			for j, part := range parts {
				if j == pos {
					b.WriteString(v.vector)
				}
				b.WriteString(part)
			}
			// Name the position by the markup just before it.
			before := strings.Join(parts[:pos], xssPlaceholder)
			ctx := []rune(before[strings.LastIndexByte(before, '<'):])
			if len(ctx) > 24 {
				ctx = append(ctx[:24:24], '…')
			}
			name := fmt.Sprintf("%s@%d %q", tm.name, pos, string(ctx))
			out = append(out, xssCase{name, tm, []byte(b.String())})
		}
	}
	return out
}

// extractXSS runs the pipeline on c. ok is false when Extract refused the
// page, which is allowed only for ErrNotText on a vector holding NUL bytes:
// decode takes more than a stray NUL or two for binary data, and a
// refusal outputs nothing. The single-position pages still go through.
func extractXSS(t *testing.T, c xssCase, v xssVector) (a nazif.Article, ok bool) {
	t.Helper()
	a, err := nazif.Extract(c.page, nazif.Options{HTML: true, Markdown: true})
	switch {
	case err == nil:
		return a, true
	case errors.Is(err, nazif.ErrNotText) && strings.Contains(v.vector, "\x00"):
		t.Logf("%s: refused: %v", c.name, err)
		return a, false
	}
	t.Errorf("%s, vector %q: Extract: %v", c.name, v.vector, err)
	return a, false
}

// TestXSSOutputs is the whole pipeline's safety: for every vector and
// page, the reader-view HTML passes the allowlist and the Markdown
// escapes all markup.
func TestXSSOutputs(t *testing.T) {
	vectors := loadXSSVectors(t)
	templates := loadXSSTemplates(t)
	var outputs, refused, pages atomic.Int64
	t.Cleanup(func() {
		t.Logf("%d vectors, %d pages: %d HTML outputs checked as a fragment and as a document, %d Markdown outputs; %d pages not cleaned (refused as binary: NUL bytes)",
			len(vectors), pages.Load(), outputs.Load(), outputs.Load(), refused.Load())
	})
	for _, v := range vectors {
		t.Run(v.name(), func(t *testing.T) {
			t.Parallel()
			cases := xssCases(templates, v)
			pages.Add(int64(len(cases)))
			cleaned := 0
			for _, c := range cases {
				a, ok := extractXSS(t, c, v)
				if !ok {
					refused.Add(1)
					continue
				}
				what := fmt.Sprintf("%s, vector %q", c.name, v.vector)
				checkXSSHTML(t, a.HTML, what)
				checkXSSMarkdown(t, a.Markdown, what)
				outputs.Add(1)
				cleaned++
			}
			if cleaned < len(cases)-len(templates) {
				t.Errorf("only %d of %d pages cleaned", cleaned, len(cases))
			}
		})
	}
}

// TestXSSKeepsArticle checks that no vector makes nazif lose the article:
// the template's fixed paragraphs come out of every page, as blocks, as
// <p> of the HTML and as lines of the Markdown, and text that a browser
// shows inside a long paragraph stays in the article.
func TestXSSKeepsArticle(t *testing.T) {
	vectors := loadXSSVectors(t)
	templates := loadXSSTemplates(t)
	for _, v := range vectors {
		t.Run(v.name(), func(t *testing.T) {
			t.Parallel()
			textChecks := 0
			defer func() {
				if v.text != "" && textChecks == 0 {
					t.Errorf("no page shows the text %q in a long paragraph: the record's text line is wrong", v.text)
				}
			}()
			for _, c := range xssCases(templates, v) {
				// The corpus itself: a vector that makes an HTML5
				// parser lose a fixed paragraph hides the rest of
				// the page, and would test nothing after it.
				shown := checkParasParsed(t, c)
				a, ok := extractXSS(t, c, v)
				if !ok {
					continue
				}
				what := fmt.Sprintf("%s, vector %q", c.name, v.vector)
				htmlParas := outputParas(t, a.HTML)
				mdLines := strings.Split(unescapeMarkdown(a.Markdown), "\n")
				for _, p := range c.tm.paras {
					if !slices.ContainsFunc(a.Blocks, func(b nazif.Block) bool { return b.Kind == nazif.Paragraph && b.Text == p }) {
						t.Errorf("%s: the paragraph %.50q… is not a block of the article", what, p)
						continue
					}
					if !slices.Contains(htmlParas, p) {
						t.Errorf("%s: the paragraph %.50q… is not a <p> of the HTML", what, p)
					}
					if !slices.Contains(mdLines, p) {
						t.Errorf("%s: the paragraph %.50q… is not a line of the Markdown", what, p)
					}
				}
				if v.text == "" || !slices.ContainsFunc(shown, func(s string) bool { return strings.Contains(s, v.text) }) {
					continue
				}
				// An HTML5 parser shows v.text inside a long
				// paragraph: it is article text.
				textChecks++
				if !slices.ContainsFunc(a.Blocks, func(b nazif.Block) bool { return strings.Contains(b.Text, v.text) }) {
					t.Errorf("%s: the text %q is in no block", what, v.text)
				}
				if !strings.Contains(outputText(t, a.HTML), v.text) || !strings.Contains(a.HTML, html.EscapeString(v.text)) {
					t.Errorf("%s: the text %q is not escaped text of the HTML", what, v.text)
				}
				if !strings.Contains(unescapeMarkdown(a.Markdown), v.text) {
					t.Errorf("%s: the text %q is not in the Markdown", what, v.text)
				}
			}
		})
	}
}

// checkParasParsed fails t unless the HTML5 parse of the page has every
// fixed paragraph of its template as the text of a <p>. It returns the
// texts of the article's long paragraphs (150 letters or more).
func checkParasParsed(t *testing.T, c xssCase) (long []string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(string(c.page)))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.DataAtom == atom.P {
			s := nodeText(n)
			got = append(got, s)
			if findAncestor(n, atom.Article) != nil && len([]rune(s)) >= 150 {
				long = append(long, s)
			}
		}
	}
	for _, p := range c.tm.paras {
		if !slices.Contains(got, p) {
			t.Errorf("corpus: in %s the vector hides the paragraph %.50q… from an HTML5 parser", c.name, p)
		}
	}
	return long
}

// The reader view's allowlist, derived from render.go (renderHTML,
// writeHTMLHeader, writeHTMLFigure, writeHTMLText): the elements it
// writes, the attributes each may carry and the elements each may sit in
// ("" is the fragment's root). Links and figures were added to it on
// purpose: <a> with an http(s) href and the fixed rel only, in the text of
// a paragraph, heading or list item; <img> with an http(s) src only, in
// the header or a <figure>, whose <figcaption> holds text and the credit.
var (
	xssAllowedAttrs = map[string][]string{
		"article":    {"dir", "lang"},
		"header":     nil,
		"h1":         nil,
		"p":          {"class"},
		"time":       {"datetime"},
		"span":       {"class"},
		"img":        {"src", "alt", "loading", "referrerpolicy"},
		"h2":         nil,
		"ul":         nil,
		"li":         nil,
		"blockquote": nil,
		"a":          {"href", "rel"},
		"figure":     nil,
		"figcaption": nil,
	}
	xssAllowedParents = map[string][]string{
		"article":    {""},
		"header":     {"article"},
		"h1":         {"header"},
		"p":          {"header", "article", "blockquote"},
		"time":       {"p"},
		"span":       {"p", "figcaption"},
		"img":        {"header", "figure"},
		"h2":         {"article"},
		"ul":         {"article"},
		"li":         {"ul"},
		"blockquote": {"article"},
		"a":          {"p", "h2", "li"},
		"figure":     {"article"},
		"figcaption": {"figure"},
	}
	// xssHolds are the elements each element may hold; the others hold
	// text alone.
	xssHolds = map[string][]string{
		"article":    {"header", "p", "h2", "ul", "blockquote", "figure"},
		"header":     {"h1", "p", "img"},
		"ul":         {"li"},
		"blockquote": {"p"},
		"p":          {"a"}, // the meta line holds time and span instead
		"h2":         {"a"},
		"li":         {"a"},
		"figure":     {"img", "figcaption"},
		"figcaption": {"span"},
	}
	// xssAttrValues are the only values of the attributes written from
	// literals; src, href and datetime are checked by shape.
	xssAttrValues = map[string][]string{
		"dir":            {"rtl", "ltr"},
		"lang":           {"ar", "fa", "ur"},
		"alt":            {""},
		"loading":        {"lazy"},
		"referrerpolicy": {"no-referrer"},
		"rel":            {"noopener noreferrer nofollow"},
	}
	xssSpanClasses = []string{"nazif-site", "nazif-section", "nazif-author", "nazif-credit"}
	// xssForbidden are elements that must never appear, named for the
	// message; the allowlist excludes them already.
	xssForbidden = []string{
		"script", "style", "iframe", "frame", "frameset", "svg", "math", "object", "embed",
		"meta", "base", "link", "form", "button", "input", "textarea", "select", "isindex",
		"template", "noscript", "area", "video", "audio", "source", "picture", "details",
		"marquee", "title", "xmp", "noembed", "noframes", "plaintext", "image",
	}
	// xssURLAttrs are the attributes that take a URL in some element.
	xssURLAttrs = []string{
		"src", "href", "srcset", "action", "formaction", "data", "xlink:href", "poster",
		"background", "srcdoc", "cite", "ping", "longdesc", "codebase", "dynsrc", "lowsrc",
	}
	xssDateTime = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$`)
)

// checkXSSHTML fails t unless out is made only of the reader view's
// elements and attributes: read by the tokenizer, and parsed as a fragment
// in a <div> (innerHTML) and as a whole document (an iframe's srcdoc).
func checkXSSHTML(t testing.TB, out, what string) {
	t.Helper()
	if !strings.HasPrefix(out, "<article ") || !strings.HasSuffix(out, "</article>\n") {
		t.Errorf("%s: the HTML is not one <article>: %q", what, out)
	}

	// Tokens: every '<' is a tag the renderer wrote, every element but
	// <img> is closed by its own end tag in order, and there is no
	// comment, doctype or raw text.
	starts := 0
	var open []string
	z := html.NewTokenizer(strings.NewReader(out))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		switch tt {
		case html.TextToken:
			if strings.ContainsAny(string(z.Raw()), "<>") {
				t.Errorf("%s: text %q holds a raw '<' or '>'", what, z.Raw())
			}
		case html.StartTagToken:
			starts++
			if name, _ := z.TagName(); string(name) != "img" {
				open = append(open, string(name))
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if len(open) == 0 || open[len(open)-1] != string(name) {
				t.Errorf("%s: </%s> does not close the last open element (open: %q)", what, name, open)
			} else {
				open = open[:len(open)-1]
			}
		case html.SelfClosingTagToken, html.CommentToken, html.DoctypeToken:
			t.Errorf("%s: token %q", what, z.Raw())
		}
	}
	if len(open) > 0 {
		t.Errorf("%s: elements left open: %q", what, open)
	}

	div := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	frag, err := html.ParseFragment(strings.NewReader(out), div)
	if err != nil {
		t.Errorf("%s: ParseFragment: %v", what, err)
		return
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range frag {
		root.AppendChild(n)
	}
	if n := checkXSSTree(t, root, what+" (fragment)"); n != starts {
		t.Errorf("%s: %d elements from %d start tags: the parser moved or invented elements", what, n, starts)
	}

	doc, err := html.Parse(strings.NewReader(out))
	if err != nil {
		t.Errorf("%s: Parse: %v", what, err)
		return
	}
	var head, body *html.Node
	for n := range doc.Descendants() {
		switch {
		case n.Type == html.ElementNode && n.DataAtom == atom.Head:
			head = n
		case n.Type == html.ElementNode && n.DataAtom == atom.Body:
			body = n
		}
	}
	if head == nil || body == nil || head.FirstChild != nil {
		t.Errorf("%s: the document has no body, or a head with content", what)
		return
	}
	if n := checkXSSTree(t, body, what+" (document)"); n != starts {
		t.Errorf("%s: %d elements in the document from %d start tags", what, n, starts)
	}
}

// checkXSSTree checks every node under root (a <div> or the <body>) and
// returns the number of elements.
func checkXSSTree(t testing.TB, root *html.Node, what string) int {
	t.Helper()
	elements, articles := 0, 0
	for n := range root.Descendants() {
		switch n.Type {
		case html.TextNode:
			if n.Parent == root && strings.TrimSpace(n.Data) != "" {
				t.Errorf("%s: text %q outside the article", what, n.Data)
			}
			continue
		case html.ElementNode:
		default:
			t.Errorf("%s: node type %d %q", what, n.Type, n.Data)
			continue
		}
		elements++
		name := n.Data
		if slices.Contains(xssForbidden, name) {
			t.Errorf("%s: forbidden element <%s>", what, name)
		}
		allowed, ok := xssAllowedAttrs[name]
		if !ok || n.Namespace != "" {
			t.Errorf("%s: element <%s> (namespace %q) not in the allowlist", what, name, n.Namespace)
			continue
		}
		parent := ""
		if n.Parent != root {
			parent = n.Parent.Data
		} else if name == "article" {
			articles++
		}
		if !slices.Contains(xssAllowedParents[name], parent) {
			t.Errorf("%s: <%s> inside <%s>", what, name, parent)
		}
		class := ""
		for _, at := range n.Attr {
			key := at.Key
			if at.Namespace != "" {
				key = at.Namespace + ":" + at.Key
			}
			val := at.Val // the parser has decoded the references
			if strings.HasPrefix(strings.ToLower(key), "on") {
				t.Errorf("%s: event handler %s=%q on <%s>", what, key, val, name)
			}
			if !slices.Contains(allowed, key) {
				t.Errorf("%s: attribute %s=%q not allowed on <%s>", what, key, val, name)
			}
			if bad := dangerousScheme(val); bad != "" {
				t.Errorf("%s: %s=%q on <%s> holds %s", what, key, val, name, bad)
			}
			if slices.Contains(xssURLAttrs, key) && !isHTTPURL(val) {
				t.Errorf("%s: %s=%q on <%s> is not an absolute http(s) URL", what, key, val, name)
			}
			if vals, fixed := xssAttrValues[key]; fixed && !slices.Contains(vals, val) {
				t.Errorf("%s: %s=%q on <%s> is not one of %q", what, key, val, name, vals)
			}
			switch key {
			case "class":
				class = val
			case "datetime":
				if !xssDateTime.MatchString(val) {
					t.Errorf("%s: datetime %q is not an ISO 8601 value", what, val)
				}
			}
		}
		switch name {
		case "p":
			// The meta line is the header's only <p>, and the only
			// <p> with a class.
			want := ""
			if parent == "header" {
				want = "nazif-meta"
			}
			if class != want || want == "" && hasAttr(n, "class") {
				t.Errorf("%s: <p class=%q> inside <%s>", what, class, parent)
			}
		case "span":
			if !slices.Contains(xssSpanClasses, class) {
				t.Errorf("%s: <span class=%q>", what, class)
			}
			if (class == "nazif-credit") != (parent == "figcaption") {
				t.Errorf("%s: <span class=%q> inside <%s>", what, class, parent)
			}
		case "img":
			if !hasAttr(n, "src") {
				t.Errorf("%s: <img> without src", what)
			}
		case "a":
			if !hasAttr(n, "href") || !hasAttr(n, "rel") {
				t.Errorf("%s: <a> without href or rel", what)
			}
		}
		if (name == "time" || name == "span" && class != "nazif-credit") && !(parent == "p" && hasClass(n.Parent, "nazif-meta")) {
			t.Errorf("%s: <%s> outside the meta line", what, name)
		}
		// Each element holds only what render.go puts in it: the meta
		// line its time and spans, the others what xssHolds lists.
		holds := xssHolds[name]
		if class == "nazif-meta" {
			holds = []string{"time", "span"}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.TextNode && !slices.Contains(holds, c.Data) {
				t.Errorf("%s: <%s> holds a <%s>", what, name, c.Data)
			}
		}
	}
	if articles != 1 {
		t.Errorf("%s: %d <article> elements at the root; want 1", what, articles)
	}
	return elements
}

func hasAttr(n *html.Node, key string) bool {
	return slices.ContainsFunc(n.Attr, func(a html.Attribute) bool { return a.Key == key })
}

func hasClass(n *html.Node, class string) bool {
	return slices.ContainsFunc(n.Attr, func(a html.Attribute) bool { return a.Key == "class" && a.Val == class })
}

// dangerousScheme returns the script-capable scheme s holds anywhere, once
// the characters browsers strip from URLs (ASCII white space and controls)
// are gone and case is folded, or "".
func dangerousScheme(s string) string {
	s = strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, strings.ToLower(s))
	for _, scheme := range []string{"javascript:", "vbscript:", "data:", "livescript:", "mocha:"} {
		if strings.Contains(s, scheme) {
			return scheme
		}
	}
	return ""
}

// isHTTPURL reports whether s is an absolute http(s) URL with a host and
// no white space or control character.
func isHTTPURL(s string) bool {
	lower := strings.ToLower(s)
	var rest string
	switch {
	case strings.HasPrefix(lower, "https://"):
		rest = s[len("https://"):]
	case strings.HasPrefix(lower, "http://"):
		rest = s[len("http://"):]
	default:
		return false
	}
	return rest != "" && rest[0] != '/' && rest[0] != '\\' &&
		!strings.ContainsFunc(rest, func(r rune) bool { return r <= ' ' || r == 0x7f })
}

// outputParas returns the texts of the HTML's <p> elements.
func outputParas(t *testing.T, out string) []string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	var paras []string
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.DataAtom == atom.P {
			paras = append(paras, nodeText(n))
		}
	}
	return paras
}

// outputText returns the text of the HTML as a browser shows it.
func outputText(t *testing.T, out string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	return nodeText(doc)
}

// xssMarkdownMarkup finds a Markdown markup character that no backslash
// escapes, as TestRenderMarkdownNoMarkup does.
var xssMarkdownMarkup = regexp.MustCompile(`(^|[^\\])(\\\\)*[<>\[\]*_` + "`" + `]`)

// xssMarkdownLink and xssMarkdownImage are the renderer's own inline links
// and images (render.go): a bracketed text whose brackets inside are
// escaped, and a destination whose parentheses are.
var (
	xssMarkdownLink  = regexp.MustCompile(`(^|[^\\!])\[((?:[^\\\[\]]|\\.)*)\]\(((?:[^\\()\s]|\\.)*)\)`)
	xssMarkdownImage = regexp.MustCompile(`^!\[\]\(((?:[^\\()\s]|\\.)*)\)$`)
)

// checkXSSMarkdown fails t if md has markup that came from the page: a '<'
// (raw HTML), '[' ']' (links, images), '*' '_' (emphasis) or '`' (code)
// without a backslash. The renderer's own syntax (the "# " and "## "
// prefixes, "> ", "- ", the emphasized metadata and caption lines, and
// its links and images, whose destinations must be http(s) URLs) is set
// aside.
func checkXSSMarkdown(t testing.TB, md, what string) {
	t.Helper()
	if md == "" {
		t.Errorf("%s: empty Markdown", what)
	}
	dest := func(d string) {
		u := regexp.MustCompile(`\\(.)`).ReplaceAllString(d, "$1")
		if !isHTTPURL(u) || dangerousScheme(u) != "" {
			t.Errorf("%s: a Markdown link or image to %q", what, u)
		}
	}
	for _, line := range strings.Split(md, "\n") {
		line = strings.TrimPrefix(line, "> ")
		if m := xssMarkdownImage.FindStringSubmatch(line); m != nil {
			dest(m[1])
			continue
		}
		line = xssMarkdownLink.ReplaceAllStringFunc(line, func(l string) string {
			m := xssMarkdownLink.FindStringSubmatch(l)
			dest(m[3])
			return m[1] + m[2]
		})
		if strings.HasPrefix(line, "*") && strings.HasSuffix(line, "*") && len(line) > 1 {
			line = line[1 : len(line)-1]
		}
		if xssMarkdownMarkup.MatchString(line) {
			t.Errorf("%s: unescaped markup in the Markdown line %q", what, line)
		}
	}
}

// unescapeMarkdown undoes CommonMark's backslash escapes of ASCII
// punctuation.
func unescapeMarkdown(md string) string {
	return regexp.MustCompile(`\\([!-/:-@\[-`+"`"+`{-~])`).ReplaceAllString(md, "$1")
}

// xssRecorder is a testing.TB that keeps the errors a checker reports.
type xssRecorder struct {
	testing.TB
	errs []string
}

func (r *xssRecorder) Helper() {}

func (r *xssRecorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// TestXSSCheckers shows that the checkers can fail: each output below
// breaks one rule, and a real output passes.
func TestXSSCheckers(t *testing.T) {
	const img = ` alt="" loading="lazy" referrerpolicy="no-referrer">`
	bad := []string{
		"<article dir=\"rtl\">\n<p>x</p><img src=x onerror=alert(1)>\n</article>\n",
		"<article dir=\"rtl\">\n<script>alert(1)</script>\n</article>\n",
		"<article dir=\"rtl\">\n<p><a href=\"javascript:alert(1)\">x</a></p>\n</article>\n",
		"<article dir=\"rtl\">\n<header>\n<img src=\"jav&#x09;ascript:alert(1)\"" + img + "\n</header>\n</article>\n",
		"<article dir=\"rtl\">\n<header>\n<img src=\"data:image/png;base64,AAAA\"" + img + "\n</header>\n</article>\n",
		"<article dir=\"rtl\">\n<header>\n<img src=\"//evil.example/a.png\"" + img + "\n</header>\n</article>\n",
		"<article dir=\"rtl\" onclick=\"alert(1)\">\n</article>\n",
		"<article dir=\"auto\">\n</article>\n",
		"<article dir=\"rtl\">\n<p>نص <svg onload=alert(1)></svg></p>\n</article>\n",
		"<article dir=\"rtl\">\n<p>نص <math><mi>x</mi></math></p>\n</article>\n",
		"<article dir=\"rtl\">\n<!--x--><p>x</p>\n</article>\n",
		"<article dir=\"rtl\">\n<p class=\"x\">x</p>\n</article>\n",
		"<article dir=\"rtl\">\n<p>a</p>\n</article>\n<p>b</p>\n",
		"<article dir=\"rtl\">\n<li>a</li>\n</article>\n",
		"<article dir=\"rtl\">\n<p>a <b>b</b></p>\n</article>\n",
		"<article dir=\"rtl\">\n<p>a</p><p>b <p>c</p>\n</article>\n",
		"<article dir=\"rtl\">\n<header>\n<p class=\"nazif-meta\"><time datetime=\"x\">x</time></p>\n</header>\n</article>\n",
		"<article dir=\"rtl\">\n<p>a > b</p>\n</article>\n",
		"<article dir=\"rtl\">\n<p><a href=\"https://e.example/\">x</a></p>\n</article>\n",
		"<article dir=\"rtl\">\n<p><a href=\"https://e.example/\" rel=\"noopener\">x</a></p>\n</article>\n",
		"<article dir=\"rtl\">\n<p><a href=\"/x\" rel=\"noopener noreferrer nofollow\">x</a></p>\n</article>\n",
		"<article dir=\"rtl\">\n<p><a href=\"https://e.example/\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">x</a></p>\n</article>\n",
		"<article dir=\"rtl\">\n<a href=\"https://e.example/\" rel=\"noopener noreferrer nofollow\">x</a>\n</article>\n",
		"<article dir=\"rtl\">\n<p><a href=\"https://e.example/\" rel=\"noopener noreferrer nofollow\"><b>x</b></a></p>\n</article>\n",
		"<article dir=\"rtl\">\n<figure><img src=\"https://e.example/a.jpg\"" + img + "<figcaption><a href=\"https://e.example/\" rel=\"noopener noreferrer nofollow\">x</a></figcaption></figure>\n</article>\n",
		"<article dir=\"rtl\">\n<figure><img src=\"data:image/png;base64,AAAA\"" + img + "</figure>\n</article>\n",
		"<article dir=\"rtl\">\n<p><img src=\"https://e.example/a.jpg\"" + img + "</p>\n</article>\n",
		"<article dir=\"rtl\">\n<figure><figcaption>x <span class=\"nazif-site\">y</span></figcaption></figure>\n</article>\n",
		"<article dir=\"rtl\">\n<p>x <span class=\"nazif-credit\">y</span></p>\n</article>\n",
	}
	for _, out := range bad {
		r := &xssRecorder{TB: t}
		checkXSSHTML(r, out, "control")
		if len(r.errs) == 0 {
			t.Errorf("checkXSSHTML passes %q", out)
		}
	}
	for _, md := range []string{
		"[x](javascript:alert(1))\n",
		"![](javascript:alert(1))\n",
		"a [x](/relative) b\n",
		"![](data:image/png;base64,AAAA)\n",
		"a [x *y*](https://e.example/) b\n",
		"<img src=x onerror=alert(1)>\n",
		"# عنوان\n\n*a* b\n",
		"a `code`\n",
		"\\\\<b>\n",
	} {
		r := &xssRecorder{TB: t}
		checkXSSMarkdown(r, md, "control")
		if len(r.errs) == 0 {
			t.Errorf("checkXSSMarkdown passes %q", md)
		}
	}

	// A real output, from the template with every placeholder empty.
	for _, tm := range loadXSSTemplates(t) {
		a, err := nazif.Extract(tm.page(""), nazif.Options{HTML: true, Markdown: true})
		if err != nil {
			t.Fatal(err)
		}
		r := &xssRecorder{TB: t}
		checkXSSHTML(r, a.HTML, tm.name)
		checkXSSMarkdown(r, a.Markdown, tm.name)
		if len(r.errs) > 0 || !strings.Contains(a.HTML, "<p>") {
			t.Errorf("%s: the checkers refuse a real output: %q\n%s", tm.name, r.errs, a.HTML)
		}
	}
}
