package dom

import (
	"strings"
	"unicode/utf8"
)

// The decoding here gives the bytes of x/net's Text and TagAttr, but copies
// runs of plain bytes whole: a byte-at-a-time loop is what costs in wasm.
// It reads the tables gen.go copies from x/net/html into entities.go rather
// than calling html.UnescapeString: x/net/html's entity maps are built by
// its package init, which every WebAssembly instance would pay.

// UnescapeString decodes the character references in s ("&lt;", "&#225;",
// "&aacute;"), exactly as html.UnescapeString of golang.org/x/net/html does.
// Use it instead of that function in code linked into the WebAssembly
// module, so that the module does not carry x/net/html.
func UnescapeString(s string) string {
	if strings.IndexByte(s, '&') < 0 {
		return s
	}
	return unescape(s, false)
}

// clean turns "\r\n" and "\r" into "\n" and, if nul, NUL into U+FFFD.
func clean(s string, nul bool) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	cr, z := strings.IndexByte(s, '\r'), -1
	if nul {
		z = strings.IndexByte(s, 0)
	}
	for cr >= 0 || z >= 0 {
		if z < 0 || (cr >= 0 && cr < z) {
			b.WriteString(s[:cr])
			b.WriteByte('\n')
			s = s[cr+1:]
			if z >= 0 {
				z -= cr + 1
			}
			if s != "" && s[0] == '\n' {
				s = s[1:]
				if z >= 0 {
					z--
				}
			}
			cr = strings.IndexByte(s, '\r')
			continue
		}
		b.WriteString(s[:z])
		b.WriteString("\uFFFD")
		s = s[z+1:]
		if cr >= 0 {
			cr -= z + 1
		}
		z = strings.IndexByte(s, 0)
	}
	b.WriteString(s)
	return b.String()
}

// unescape decodes the character references in s (which holds an '&') by
// the rules for text, or for attribute values if attr.
func unescape(s string, attr bool) string {
	var b strings.Builder
	b.Grow(len(s))
	last, changed := 0, false
	for i := strings.IndexByte(s, '&'); i >= 0; {
		b.WriteString(s[last:i])
		end, ok := decodeRef(&b, s, i, attr)
		if ok {
			changed = true
		} else {
			b.WriteByte('&')
			end = i + 1
		}
		last = end
		j := strings.IndexByte(s[end:], '&')
		if j < 0 {
			break
		}
		i = end + j
	}
	if !changed {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// decodeRef decodes the reference at s[i] == '&', writes it to b and
// returns the index after it; ok is false if the '&' stays literal. For
// attributes HTML5 differs from text in two rules: a named reference
// without ';' followed by '=' stays as written, and no prefix of an unknown
// name is taken ("&notit;" stays, where text gives "¬it;").
func decodeRef(b *strings.Builder, s string, i int, attr bool) (int, bool) {
	j := i + 1
	if j < len(s) && s[j] == '#' {
		return decodeNumeric(b, s, i)
	}
	for j < len(s) && (class[s[j]] == clsLetter || '0' <= s[j] && s[j] <= '9') {
		j++
	}
	semi := j < len(s) && s[j] == ';'
	if semi {
		j++
	}
	if j == i+1 || attr && !semi && j < len(s) && s[j] == '=' {
		return 0, false
	}
	var dec string
	switch s[i+1 : j] {
	case "amp;":
		dec = "&"
	case "quot;":
		dec = `"`
	case "lt;":
		dec = "<"
	case "gt;":
		dec = ">"
	case "nbsp;":
		dec = "\u00a0"
	case "apos;":
		dec = "'"
	default:
		name := s[i+1 : j]
		if dec = entityValue(name); dec != "" {
			break
		}
		if attr {
			return 0, false
		}
		// Text takes the longest name without ';' that starts the name,
		// and leaves the rest of the name as text, as x/net does.
		for k := min(len(name)-1, longestLegacy); k > 1; k-- {
			if dec = entityValue(name[:k]); dec != "" {
				b.WriteString(dec)
				return i + 1 + k, true
			}
		}
		return 0, false
	}
	b.WriteString(dec)
	return j, true
}

// entityValue returns the UTF-8 value of the named reference name ("amp;"
// or the legacy "amp"), or "" if there is none, by binary search of the
// sorted names in entities.go that share its first byte.
func entityValue(name string) string {
	if name == "" {
		return ""
	}
	c := int(name[0]) - 'A'
	if c < 0 || c >= len(entityFirst)-1 {
		return ""
	}
	lo, hi := int(entityFirst[c]), int(entityFirst[c+1])
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if entityNames[entityNameOff[m]:entityNameOff[m+1]] < name {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(entityNameOff)-1 || entityNames[entityNameOff[lo]:entityNameOff[lo+1]] != name {
		return ""
	}
	return entityValues[entityValueOff[lo]:entityValueOff[lo+1]]
}

// decodeNumeric decodes "&#123;" or "&#x7b;" at s[i], as x/net does;
// numeric references decode alike in text and attributes.
func decodeNumeric(b *strings.Builder, s string, i int) (int, bool) {
	j := i + 2
	hex := j < len(s) && s[j]|0x20 == 'x'
	if hex {
		j++
	}
	d, x := j, rune(0)
	for ; j < len(s); j++ {
		c := s[j]
		var v rune
		switch {
		case '0' <= c && c <= '9':
			v = rune(c - '0')
		case hex && 'a' <= c|0x20 && c|0x20 <= 'f':
			v = rune(c|0x20-'a') + 10
		default:
			goto done
		}
		if x <= utf8.MaxRune {
			if hex {
				x = x*16 + v
			} else {
				x = x*10 + v
			}
		}
	}
done:
	if j == d {
		return 0, false
	}
	if j < len(s) && s[j] == ';' {
		j++
	}
	switch {
	case 0x80 <= x && x <= 0x9F:
		// Windows-1252 code points, as x/net maps them.
		b.WriteRune(win1252[x-0x80])
	case x == 0 || 0xD800 <= x && x <= 0xDFFF || x > utf8.MaxRune:
		b.WriteString("\uFFFD")
	default:
		b.WriteRune(x)
	}
	return j, true
}
