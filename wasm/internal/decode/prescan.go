package decode

import (
	"bytes"
	"strconv"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// prescanSize is how far the WHATWG prescan looks for a declaration.
const prescanSize = 1024

// prescan looks for the page's own charset declaration in its first 1024
// bytes: a <meta> found by the WHATWG "prescan a byte stream to determine its
// encoding" algorithm, else an XML declaration. It returns the encoding and
// its canonical name and the label as written (lower-cased), or nil. Labels
// WHATWG does not know are skipped with a warning, as browsers skip them.
func prescan(b []byte, warnings *[]string) (enc encoding.Encoding, name, lbl string) {
	if len(b) > prescanSize {
		b = b[:prescanSize]
	}
	for i := 0; i < len(b); {
		if b[i] != '<' {
			// Every case below starts at a '<': skip the text between.
			j := bytes.IndexByte(b[i:], '<')
			if j < 0 {
				break
			}
			i += j
		}
		rest := b[i:]
		switch {
		case hasPrefix(rest, "<!--"):
			// The closing "-->" may share its dashes with the opening,
			// as in "<!-->".
			j := bytes.Index(rest[2:], []byte("-->"))
			if j < 0 {
				return xmlDeclaration(b, warnings)
			}
			i += 2 + j + 3
		case len(rest) > 5 && hasPrefixFold(rest, "<meta") && (isSpaceByte(rest[5]) || rest[5] == '/'):
			i += 5
			var cs []byte
			i, cs = metaCharset(b, i)
			if cs == nil {
				continue
			}
			if enc, name, lbl := lookupDeclared(cs, warnings, "<meta>"); enc != nil {
				return enc, name, lbl
			}
		case len(rest) > 1 && rest[0] == '<' && (isAlpha(rest[1]) || rest[1] == '/' && len(rest) > 2 && isAlpha(rest[2])):
			i++
			for i < len(b) && !isSpaceByte(b[i]) && b[i] != '>' {
				i++
			}
			for ok := true; ok; {
				i, _, _, ok = attribute(b, i)
			}
		case hasPrefix(rest, "<!") || hasPrefix(rest, "</") || hasPrefix(rest, "<?"):
			j := bytes.IndexByte(rest, '>')
			if j < 0 {
				return xmlDeclaration(b, warnings)
			}
			i += j + 1
		default:
			i++
		}
	}
	return xmlDeclaration(b, warnings)
}

// lookupDeclared resolves a label found in the page. WHATWG rules for
// in-page declarations apply: a page that could be read as ASCII to find its
// <meta> is not UTF-16, so utf-16 means utf-8, and x-user-defined means
// windows-1252. It returns the encoding, its canonical name and the label
// as written (lower-cased), or nil.
func lookupDeclared(cs []byte, warnings *[]string, where string) (enc encoding.Encoding, name, lbl string) {
	lbl = label(string(cs))
	name, ok := lookupLabel(lbl)
	if !ok {
		*warnings = append(*warnings, "unknown charset "+strconv.Quote(lbl)+" in "+where+" ignored")
		return nil, "", ""
	}
	switch name {
	case nameUTF16LE, nameUTF16BE:
		return unicode.UTF8, nameUTF8, lbl
	case "x-user-defined":
		return charmap.Windows1252, name1252, lbl
	case "replacement":
		*warnings = append(*warnings, "unsupported charset "+lbl+" in "+where+" ignored")
		return nil, "", ""
	}
	return encodingFor(name), name, lbl
}

// metaCharset reads the attributes of a <meta> tag starting at b[i] and
// returns the position after them and the declared label, or nil when the
// tag declares none (or declares it in content= without
// http-equiv="content-type").
func metaCharset(b []byte, i int) (int, []byte) {
	var (
		seenHTTPEquiv, seenContent, seenCharset bool
		gotPragma                               bool
		needPragma                              int // 0 unset, 1 true, 2 false
		charset                                 []byte
	)
	for {
		var name, value []byte
		var ok bool
		i, name, value, ok = attribute(b, i)
		if !ok {
			break
		}
		switch {
		case bytes.EqualFold(name, []byte("http-equiv")):
			if !seenHTTPEquiv {
				seenHTTPEquiv = true
				gotPragma = bytes.EqualFold(value, []byte("content-type"))
			}
		case bytes.EqualFold(name, []byte("content")):
			if !seenContent {
				seenContent = true
				if cs := charsetFromContent(value); cs != nil && charset == nil {
					charset, needPragma = cs, 1
				}
			}
		case bytes.EqualFold(name, []byte("charset")):
			if !seenCharset {
				seenCharset = true
				charset, needPragma = value, 2
			}
		}
	}
	if needPragma == 0 || needPragma == 1 && !gotPragma || len(charset) == 0 {
		return i, nil
	}
	return i, charset
}

// attribute implements the WHATWG "get an attribute" step: it returns the
// position after the attribute, its name and value (not lower-cased; compare
// with EqualFold), and false when there is no further attribute in the tag.
// An attribute cut off by the end of b is no attribute: the prescan stops at
// 1024 bytes rather than guess the rest of a label.
func attribute(b []byte, i int) (next int, name, value []byte, ok bool) {
	for i < len(b) && (isSpaceByte(b[i]) || b[i] == '/') {
		i++
	}
	if i >= len(b) || b[i] == '>' {
		return i, nil, nil, false
	}
	start := i
	// The first byte belongs to the name even when it is '='.
	i++
	for i < len(b) && b[i] != '=' && b[i] != '/' && b[i] != '>' && !isSpaceByte(b[i]) {
		i++
	}
	name = b[start:i]
	for i < len(b) && isSpaceByte(b[i]) {
		i++
	}
	if i >= len(b) {
		return i, nil, nil, false
	}
	if b[i] != '=' {
		return i, name, nil, true
	}
	i++
	for i < len(b) && isSpaceByte(b[i]) {
		i++
	}
	if i >= len(b) {
		return i, nil, nil, false
	}
	if q := b[i]; q == '"' || q == '\'' {
		j := bytes.IndexByte(b[i+1:], q)
		if j < 0 {
			return len(b), nil, nil, false
		}
		return i + 1 + j + 1, name, b[i+1 : i+1+j], true
	}
	start = i
	for i < len(b) && b[i] != '>' && !isSpaceByte(b[i]) {
		i++
	}
	if i >= len(b) {
		return i, nil, nil, false
	}
	return i, name, b[start:i], true
}

// charsetFromContent implements the WHATWG "extracting a character encoding
// from a meta element" on a content attribute such as
// "text/html; charset=windows-1256".
func charsetFromContent(v []byte) []byte {
	for i := 0; ; {
		j := indexFold(v[i:], "charset")
		if j < 0 {
			return nil
		}
		i += j + len("charset")
		for i < len(v) && isSpaceByte(v[i]) {
			i++
		}
		if i >= len(v) || v[i] != '=' {
			continue
		}
		i++
		for i < len(v) && isSpaceByte(v[i]) {
			i++
		}
		if i >= len(v) {
			return nil
		}
		if q := v[i]; q == '"' || q == '\'' {
			k := bytes.IndexByte(v[i+1:], q)
			if k < 0 {
				return nil
			}
			return v[i+1 : i+1+k]
		}
		start := i
		for i < len(v) && v[i] != ';' && !isSpaceByte(v[i]) {
			i++
		}
		return v[start:i]
	}
}

// xmlDeclaration reads encoding="..." from an XML declaration at the start
// of b (<?xml version="1.0" encoding="windows-1256"?>). It returns what
// lookupDeclared does.
func xmlDeclaration(b []byte, warnings *[]string) (encoding.Encoding, string, string) {
	if !hasPrefix(b, "<?xml") || len(b) < 6 || !isSpaceByte(b[5]) {
		return nil, "", ""
	}
	end := bytes.Index(b, []byte("?>"))
	if end < 0 {
		return nil, "", ""
	}
	decl := b[:end]
	for i := 5; ; {
		var name, value []byte
		var ok bool
		i, name, value, ok = attribute(decl, i)
		if !ok {
			return nil, "", ""
		}
		if string(name) == "encoding" && len(value) > 0 {
			return lookupDeclared(value, warnings, "XML declaration")
		}
	}
}

func isAlpha(c byte) bool {
	return c|0x20 >= 'a' && c|0x20 <= 'z'
}

// hasPrefixFold is hasPrefix ignoring ASCII case; p must be lower case.
func hasPrefixFold(b []byte, p string) bool {
	if len(b) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := b[i]
		if c >= 'A' && c <= 'Z' {
			c |= 0x20
		}
		if c != p[i] {
			return false
		}
	}
	return true
}

// indexFold is bytes.Index ignoring ASCII case; p must be lower case.
func indexFold(b []byte, p string) int {
	for i := 0; i+len(p) <= len(b); i++ {
		if hasPrefixFold(b[i:], p) {
			return i
		}
	}
	return -1
}
