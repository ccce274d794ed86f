package eval

import (
	"bytes"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// Variant is a metamorphic change to a page's markup that leaves its
// article as it is: an extractor that generalizes gives the same body
// before and after. Each is a skin a site could wear.
type Variant string

// The variants nazif is held to.
const (
	// NoAttrs removes every class and id attribute.
	NoAttrs Variant = "noattrs"
	// Renamed renames every class and id token to a meaningless one, the
	// same token always to the same name, as a minifying CMS does.
	Renamed Variant = "renamed"
	// BrRuns turns <p> paragraphs into text separated by <br><br> runs.
	BrRuns Variant = "brruns"
	// Wrapped wraps the page's body in 12 extra <div>s.
	Wrapped Variant = "wrapped"
)

// Variants lists every Variant, in a fixed order.
var Variants = []Variant{NoAttrs, Renamed, BrRuns, Wrapped}

// ParseVariant returns the Variant named s, and whether there is one.
func ParseVariant(s string) (Variant, bool) {
	for _, v := range Variants {
		if string(v) == s {
			return v, true
		}
	}
	return "", false
}

// wrapDepth is how many <div>s Wrapped adds.
const wrapDepth = 12

// Apply returns page, which must be UTF-8 or an ASCII-compatible charset,
// changed by v. Tokens it does not change are copied byte for byte, so
// the page's charset, scripts and comments are as they were.
func (v Variant) Apply(page []byte) []byte {
	z := html.NewTokenizer(bytes.NewReader(page))
	var out bytes.Buffer
	out.Grow(len(page) + len(page)/8)
	names := map[string]string{}
	pOpen := false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		if tt != html.StartTagToken && tt != html.EndTagToken && tt != html.SelfClosingTagToken {
			out.Write(raw)
			continue
		}
		tok := z.Token()
		switch v {
		case NoAttrs, Renamed:
			if !hasClassID(tok.Attr) {
				out.Write(raw)
				continue
			}
			attrs := tok.Attr[:0]
			for _, a := range tok.Attr {
				if a.Key == "class" || a.Key == "id" {
					if v == NoAttrs {
						continue
					}
					a.Val = rename(a.Val, names)
				}
				attrs = append(attrs, a)
			}
			tok.Attr = attrs
			out.WriteString(tok.String())
		case BrRuns:
			switch {
			case tok.Data == "p" && tt == html.EndTagToken:
				out.WriteString("<br><br>")
				pOpen = false
			case tok.Data == "p":
				// A <p> closes the one before it, if that is still open.
				if pOpen {
					out.WriteString("<br><br>")
				}
				pOpen = true
			default:
				if closesP(tok.Data) {
					pOpen = false
				}
				out.Write(raw)
			}
		case Wrapped:
			switch {
			case tok.Data == "body" && tt == html.StartTagToken:
				out.Write(raw)
				out.WriteString(strings.Repeat("<div>", wrapDepth))
			case tok.Data == "body" && tt == html.EndTagToken:
				out.WriteString(strings.Repeat("</div>", wrapDepth))
				out.Write(raw)
			default:
				out.Write(raw)
			}
		default:
			out.Write(raw)
		}
	}
	return out.Bytes()
}

func hasClassID(attrs []html.Attribute) bool {
	for _, a := range attrs {
		if a.Key == "class" || a.Key == "id" {
			return true
		}
	}
	return false
}

// rename maps each white-space separated token of val to its meaningless
// name, the first token met becoming "k0", the next "k1" and so on.
func rename(val string, names map[string]string) string {
	f := strings.Fields(val)
	for i, t := range f {
		n, ok := names[t]
		if !ok {
			n = "k" + strconv.Itoa(len(names))
			names[t] = n
		}
		f[i] = n
	}
	return strings.Join(f, " ")
}

// closesP reports the elements whose start or end tag closes an open <p>
// or ends its paragraph anyway: block-level elements.
func closesP(tag string) bool {
	switch tag {
	case "address", "article", "aside", "blockquote", "div", "dl", "fieldset", "figure",
		"footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
		"nav", "ol", "pre", "section", "table", "ul", "td", "th", "tr", "body", "html":
		return true
	}
	return false
}
