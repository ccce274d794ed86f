package decode

import "strings"

// kindSample is how much of the text the tag count looks at.
const kindSample = 64 << 10

// tagsPerKB is the density of known HTML tags that makes text without an
// HTML preamble (a fragment, a page missing its <html>) HTML. Prose that
// mentions a tag, or a feed, has far fewer.
const tagsPerKB = 3

// htmlStarts are the openings that make a document HTML on their own, after
// whitespace and comments.
var htmlStarts = [...]string{"<html", "<head", "<body", "<meta"}

// htmlTags are the tag names counted for density: common HTML elements,
// leaving out those XML feeds also use (title, link, item, description).
var htmlTags = map[string]bool{
	"a": true, "abbr": true, "article": true, "aside": true, "b": true, "blockquote": true,
	"body": true, "br": true, "button": true, "center": true, "code": true, "dd": true,
	"div": true, "dl": true, "dt": true, "em": true, "figcaption": true, "figure": true,
	"font": true, "footer": true, "form": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "head": true, "header": true, "hr": true,
	"html": true, "i": true, "iframe": true, "img": true, "input": true, "label": true,
	"li": true, "main": true, "meta": true, "nav": true, "noscript": true, "ol": true,
	"option": true, "p": true, "pre": true, "script": true, "section": true, "select": true,
	"small": true, "span": true, "strong": true, "style": true, "sub": true, "sup": true,
	"table": true, "tbody": true, "td": true, "th": true, "thead": true, "tr": true,
	"u": true, "ul": true,
}

// maxTagName is the longest name in htmlTags.
const maxTagName = len("figcaption")

// kindOf tells HTML from text. A document is HTML when, after whitespace and
// comments, it opens with a doctype for html or one of htmlStarts (also
// behind an XML declaration, for XHTML); JSON and other XML are text; for
// anything else the density of HTML tags decides.
func kindOf(s string) Kind {
	i := skipMisc(s, 0)
	rest := s[i:]
	if hasPrefixFoldStr(rest, "<?xml") {
		if j := strings.Index(rest, "?>"); j >= 0 {
			if k := skipMisc(rest, j+2); opensHTML(rest[k:]) {
				return HTML
			}
		}
		return Text
	}
	if opensHTML(rest) {
		return HTML
	}
	if len(rest) > 0 && (rest[0] == '{' || rest[0] == '[') {
		return Text
	}
	if len(s) > kindSample {
		s = s[:kindSample]
	}
	tags := countTags(s)
	if tags >= 2 && tags*1024 >= tagsPerKB*len(s) {
		return HTML
	}
	return Text
}

// skipMisc skips whitespace, byte order marks and <!-- comments -->.
func skipMisc(s string, i int) int {
	for i < len(s) {
		switch {
		case isSpaceByte(s[i]):
			i++
		case strings.HasPrefix(s[i:], "\uFEFF"):
			i += len("\uFEFF")
		case strings.HasPrefix(s[i:], "<!--"):
			j := strings.Index(s[i+4:], "-->")
			if j < 0 {
				return len(s)
			}
			i += 4 + j + 3
		default:
			return i
		}
	}
	return i
}

// opensHTML reports whether s starts with <!doctype html or one of
// htmlStarts followed by the end of the tag name.
func opensHTML(s string) bool {
	if hasPrefixFoldStr(s, "<!doctype") {
		t := strings.TrimLeft(s[len("<!doctype"):], " \t\r\n\f")
		return len(t) < len(s)-len("<!doctype") && hasPrefixFoldStr(t, "html") &&
			(len(t) == 4 || !isAlpha(t[4]))
	}
	for _, p := range htmlStarts {
		if hasPrefixFoldStr(s, p) && (len(s) == len(p) || endsName(s[len(p)])) {
			return true
		}
	}
	return false
}

func endsName(c byte) bool {
	return c == '>' || c == '/' || isSpaceByte(c)
}

// countTags counts opening and closing tags whose name is in htmlTags.
func countTags(s string) int {
	n := 0
	var name [maxTagName]byte
	for {
		j := strings.IndexByte(s, '<')
		if j < 0 {
			return n
		}
		s = s[j+1:]
		t := s
		if len(t) > 0 && t[0] == '/' {
			t = t[1:]
		}
		k := 0
		for k < len(t) && k < maxTagName && (isAlpha(t[k]) || k > 0 && t[k] >= '1' && t[k] <= '6') {
			name[k] = t[k] | 0x20
			k++
		}
		if k > 0 && (k == len(t) || endsName(t[k])) && htmlTags[string(name[:k])] {
			n++
		}
	}
}

func hasPrefixFoldStr(s, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p)
}
