package nazif

import (
	"slices"
	"strconv"
	"unicode/utf8"
)

// AppendJSON appends the Article's JSON form to dst and returns the
// extended buffer. The bytes are exactly those json.Marshal(a) gives,
// HTML-safe escaping included, and they are what the sandboxed module
// returns. It exists so that the wasm guest needs neither encoding/json
// nor reflection, which is slow there and big to validate at start-up.
func (a *Article) AppendJSON(dst []byte) []byte {
	dst = slices.Grow(dst, a.jsonSizeHint())
	// Every member is written with a leading comma and the first comma
	// becomes the brace: the members before "lang" may all be omitted.
	start := len(dst)
	dst = appendMember(dst, `,"title":`, a.Title)
	dst = appendMember(dst, `,"published":`, a.Published)
	dst = appendMember(dst, `,"modified":`, a.Modified)
	dst = appendMember(dst, `,"section":`, a.Section)
	dst = appendMember(dst, `,"site":`, a.Site)
	dst = appendMember(dst, `,"author":`, a.Author)
	dst = appendMember(dst, `,"description":`, a.Description)
	dst = appendMember(dst, `,"image":`, a.Image)
	dst = appendMember(dst, `,"url":`, a.URL)
	dst = appendJSONString(append(dst, `,"lang":`...), a.Lang)
	dst = appendJSONString(append(dst, `,"dir":`...), a.Dir)
	dst = append(dst, `,"blocks":`...)
	if a.Blocks == nil {
		dst = append(dst, "null"...)
	} else {
		dst = append(dst, '[')
		for i, b := range a.Blocks {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendJSONString(append(dst, `{"kind":`...), string(b.Kind))
			dst = appendJSONString(append(dst, `,"text":`...), b.Text)
			if len(b.Links) > 0 {
				dst = append(dst, `,"links":[`...)
				for j, l := range b.Links {
					if j > 0 {
						dst = append(dst, ',')
					}
					dst = strconv.AppendInt(append(dst, `{"start":`...), int64(l.Start), 10)
					dst = strconv.AppendInt(append(dst, `,"end":`...), int64(l.End), 10)
					dst = appendJSONString(append(dst, `,"href":`...), l.Href)
					dst = append(dst, '}')
				}
				dst = append(dst, ']')
			}
			dst = appendMember(dst, `,"src":`, b.Src)
			dst = appendMember(dst, `,"caption":`, b.Caption)
			dst = appendMember(dst, `,"credit":`, b.Credit)
			dst = append(dst, '}')
		}
		dst = append(dst, ']')
	}
	dst = appendStrings(dst, `,"captions":`, a.Captions)
	dst = appendJSONString(append(dst, `,"text":`...), a.Text)
	dst = appendJSONString(append(dst, `,"search_text":`...), a.SearchText)
	dst = appendStrings(dst, `,"warnings":`, a.Warnings)
	dst = appendMember(dst, `,"html":`, a.HTML)
	dst = appendMember(dst, `,"markdown":`, a.Markdown)
	if len(a.Removed) > 0 {
		dst = append(dst, `,"removed":[`...)
		for i, r := range a.Removed {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendJSONString(append(dst, `{"text":`...), r.Text)
			dst = appendJSONString(append(dst, `,"reason":`...), r.Reason)
			dst = append(dst, '}')
		}
		dst = append(dst, ']')
	}
	dst = appendMember(dst, `,"pass":`, a.Pass)
	dst[start] = '{'
	return append(dst, '}')
}

// jsonSizeHint is about the length of the Article's JSON when nothing
// needs escaping, so that a fresh buffer grows once rather than doubling
// its way up through a long article's text, HTML and Markdown.
func (a *Article) jsonSizeHint() int {
	n := 256 + len(a.Title) + len(a.Published) + len(a.Modified) + len(a.Section) +
		len(a.Site) + len(a.Author) + len(a.Description) + len(a.Image) + len(a.URL) +
		len(a.Lang) + len(a.Dir) + len(a.Text) + len(a.SearchText) + len(a.HTML) + len(a.Markdown) + len(a.Pass)
	for _, b := range a.Blocks {
		n += 24 + len(b.Kind) + len(b.Text) + len(b.Src) + len(b.Caption) + len(b.Credit)
		for _, l := range b.Links {
			n += 40 + len(l.Href)
		}
	}
	for _, s := range a.Captions {
		n += 3 + len(s)
	}
	for _, s := range a.Warnings {
		n += 3 + len(s)
	}
	for _, r := range a.Removed {
		n += 24 + len(r.Text) + len(r.Reason)
	}
	return n
}

// appendMember appends key and s, unless s is empty (omitempty).
func appendMember(dst []byte, key, s string) []byte {
	if s == "" {
		return dst
	}
	return appendJSONString(append(dst, key...), s)
}

// appendStrings appends key and list as an array, unless list is empty
// (omitempty).
func appendStrings(dst []byte, key string, list []string) []byte {
	if len(list) == 0 {
		return dst
	}
	dst = append(dst, key...)
	for i, s := range list {
		if i == 0 {
			dst = append(dst, '[')
		} else {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, s)
	}
	return append(dst, ']')
}

// lead marks, in jsonEscape, the bytes that start a multi-byte UTF-8
// sequence or are invalid on their own.
const lead = 0x80

// jsonEscape says how appendJSONString writes each byte: 0 copies it,
// 'u' writes \u00XX, lead decodes a rune, and any other value v writes a
// backslash and v. It follows encoding/json with HTML escaping on.
var jsonEscape = [256]byte{
	'\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't',
	0x00: 'u', 0x01: 'u', 0x02: 'u', 0x03: 'u', 0x04: 'u', 0x05: 'u', 0x06: 'u', 0x07: 'u',
	0x0b: 'u', 0x0e: 'u', 0x0f: 'u',
	0x10: 'u', 0x11: 'u', 0x12: 'u', 0x13: 'u', 0x14: 'u', 0x15: 'u', 0x16: 'u', 0x17: 'u',
	0x18: 'u', 0x19: 'u', 0x1a: 'u', 0x1b: 'u', 0x1c: 'u', 0x1d: 'u', 0x1e: 'u', 0x1f: 'u',
	'"': '"', '\\': '\\', '<': 'u', '>': 'u', '&': 'u',
	0x80: lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead,
	0x90: lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead,
	0xa0: lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead,
	0xb0: lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead,
	0xc0: lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead,
	0xd0: lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead,
	0xe0: lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead,
	0xf0: lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead, lead,
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string, escaped byte for byte as
// encoding/json escapes it: HTML-safe, U+2028 and U+2029 escaped, and each
// invalid UTF-8 byte replaced by \ufffd. Runs that need nothing are copied
// with one append. It looks at eight bytes at a time while they are
// plain ASCII or two-byte runes (which Arabic letters are), and byte by
// byte only through a word that holds something else: per-byte loops are
// several times slower than native code in Go's wasm.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		// i is at a rune boundary here.
		for i+8 <= len(s) {
			w := load64(s, i)
			if (w-ones*0x20)&^w&highs != 0 || // a control character
				hasZero((w|ones*0x04)^ones*'&') || // " or &
				hasZero((w|ones*0x02)^ones*'>') || // < or >
				hasZero(w^ones*'\\') {
				break
			}
			hi := w & highs
			if hi == 0 {
				i += 8
				continue
			}
			b6 := w << 1 & highs // bit 6 of each byte, in bit 7's place
			b5 := w << 2 & highs
			if hi&b6&b5 != 0 || // a byte E0–FF: a longer rune, or invalid
				hasZero(w&(ones*0xfe)^ones*0xc0) { // C0 or C1: never valid
				break
			}
			// Each lead (110xxxxx) must be followed by a continuation
			// (10xxxxxx) and each continuation preceded by a lead. A
			// lead in the last byte is left for the next word.
			leads := hi & b6
			if leads<<8 != hi&^b6 {
				break
			}
			i += 8 - int(leads>>63)
		}
		for stop := min(i+8, len(s)); i < stop; {
			c := s[i]
			e := jsonEscape[c]
			if e == 0 {
				i++
				continue
			}
			if e != lead {
				dst = append(dst, s[start:i]...)
				if e == 'u' {
					dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
				} else {
					dst = append(dst, '\\', e)
				}
				i++
				start = i
				continue
			}
			// A lead byte C2–DF and one continuation byte are always a
			// valid rune that needs no escape.
			if c >= 0xc2 && c <= 0xdf && i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
				i += 2
				continue
			}
			// U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
			if c == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2]&^1 == 0xa8 {
				dst = append(dst, s[start:i]...)
				dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[s[i+2]&0xf])
				i += 3
				start = i
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				dst = append(dst, s[start:i]...)
				dst = append(dst, `\ufffd`...)
				i++
				start = i
				continue
			}
			i += size
		}
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// load64 is the eight bytes of s at i, little-endian; the compiler makes
// it a single load, in wasm as natively.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// Word-at-a-time constants: a 1 and a top bit in every byte.
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// hasZero reports whether a byte of w is zero. The test is exact: a
// borrow can only mark bytes above a byte that is zero. Likewise
// (w-ones*n)&^w&highs, for n ≤ 0x80, is nonzero exactly when a byte is
// less than n.
func hasZero(w uint64) bool { return (w-ones)&^w&highs != 0 }
