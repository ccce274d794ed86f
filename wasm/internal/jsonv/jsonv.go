package jsonv

import (
	"strconv"
	"unicode/utf8"
)

// MaxDepth is the deepest nesting of arrays and objects Parse accepts. It
// is encoding/json's limit, and it bounds the decoder's recursion so that
// hostile input cannot exhaust the stack.
const MaxDepth = 10000

// Error is a syntax error, a nesting deeper than MaxDepth or a number
// outside the range of float64.
type Error struct {
	// Msg describes the problem in encoding/json's words.
	Msg string
	// Offset is the byte offset in the input where the problem was found.
	Offset int
}

func (e *Error) Error() string {
	return "jsonv: " + e.Msg + " at offset " + strconv.Itoa(e.Offset)
}

// Parse decodes the JSON text s into the value json.Unmarshal stores in a
// variable of type any, or returns an *Error where json.Unmarshal fails.
// Strings in the result may share memory with s.
func Parse(s string) (any, error) {
	p := parser{s: s}
	p.skipSpace()
	v := p.value()
	if p.err == nil {
		p.skipSpace()
		if p.i < len(p.s) {
			p.fail("invalid character " + quoteChar(p.s[p.i]) + " after top-level value")
		}
	}
	if p.err != nil {
		return nil, p.err
	}
	return v, nil
}

// parser is the state of one Parse call.
type parser struct {
	s     string
	i     int
	depth int
	err   *Error
	// vals and keys are scratch stacks: the members of every open array
	// and object, innermost last, so that each container is allocated
	// once at its final size when it closes.
	vals []any
	keys []string
	// buf is reused for every string that needs unescaping.
	buf []byte
}

func (p *parser) fail(msg string) {
	if p.err == nil {
		p.err = &Error{Msg: msg, Offset: p.i}
	}
}

// failAt reports the byte at p.i, or the end of input.
func (p *parser) failAt(context string) {
	if p.i >= len(p.s) {
		p.fail("unexpected end of JSON input")
		return
	}
	p.fail("invalid character " + quoteChar(p.s[p.i]) + " " + context)
}

func (p *parser) skipSpace() {
	s, i := p.s, p.i
	for i < len(s) && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t') {
		i++
	}
	p.i = i
}

// value decodes the value starting at p.i, which is not white space.
func (p *parser) value() any {
	s, i := p.s, p.i
	if i >= len(s) {
		p.fail("unexpected end of JSON input")
		return nil
	}
	switch c := s[i]; c {
	case '{':
		return p.object()
	case '[':
		return p.array()
	case '"':
		str, _ := p.str()
		return str
	case 't':
		return p.literal("true", true)
	case 'f':
		return p.literal("false", false)
	case 'n':
		return p.literal("null", nil)
	default:
		if c == '-' || '0' <= c && c <= '9' {
			return p.number()
		}
	}
	p.failAt("looking for beginning of value")
	return nil
}

// literal reads lit, whose value is v, or fails.
func (p *parser) literal(lit string, v any) any {
	if len(p.s)-p.i >= len(lit) && p.s[p.i:p.i+len(lit)] == lit {
		p.i += len(lit)
		return v
	}
	p.literalFail(lit)
	return nil
}

// literalFail reports where a misspelled true, false or null goes wrong.
func (p *parser) literalFail(lit string) {
	for k := 0; k < len(lit); k++ {
		if p.i >= len(p.s) || p.s[p.i] != lit[k] {
			p.failAt("in literal " + lit + " (expecting " + quoteChar(lit[k]) + ")")
			return
		}
		p.i++
	}
}

func (p *parser) array() any {
	p.i++ // [
	if p.depth++; p.depth > MaxDepth {
		p.fail("exceeded max depth")
		return nil
	}
	p.skipSpace()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		p.depth--
		return []any{}
	}
	base := len(p.vals)
	for {
		v := p.value()
		if p.err != nil {
			return nil
		}
		p.vals = append(p.vals, v)
		more, ok := p.separator(']', "after array element")
		if !ok {
			return nil
		}
		if !more {
			break
		}
	}
	out := make([]any, len(p.vals)-base)
	copy(out, p.vals[base:])
	clear(p.vals[base:])
	p.vals = p.vals[:base]
	p.depth--
	return out
}

// separator reads what follows a member: a comma, when more follow, or
// the closing byte; anything else fails, naming where.
func (p *parser) separator(closing byte, where string) (more, ok bool) {
	p.skipSpace()
	if p.i < len(p.s) && p.s[p.i] == ',' {
		p.i++
		p.skipSpace()
		return true, true
	}
	if p.i < len(p.s) && p.s[p.i] == closing {
		p.i++
		return false, true
	}
	p.failAt(where)
	return false, false
}

func (p *parser) object() any {
	p.i++ // {
	if p.depth++; p.depth > MaxDepth {
		p.fail("exceeded max depth")
		return nil
	}
	p.skipSpace()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		p.depth--
		return map[string]any{}
	}
	kbase, vbase := len(p.keys), len(p.vals)
	for {
		if p.i >= len(p.s) || p.s[p.i] != '"' {
			p.failAt("looking for beginning of object key string")
			return nil
		}
		k, ok := p.str()
		if !ok {
			return nil
		}
		p.skipSpace()
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			p.failAt("after object key")
			return nil
		}
		p.i++
		p.skipSpace()
		v := p.value()
		if p.err != nil {
			return nil
		}
		p.keys = append(p.keys, k)
		p.vals = append(p.vals, v)
		more, ok := p.separator('}', "after object key:value pair")
		if !ok {
			return nil
		}
		if !more {
			break
		}
	}
	keys, vals := p.keys[kbase:], p.vals[vbase:]
	m := make(map[string]any, len(keys))
	for j, k := range keys {
		m[k] = vals[j] // in order, so a repeated key keeps its last value
	}
	clear(keys)
	clear(vals)
	p.keys, p.vals = p.keys[:kbase], p.vals[:vbase]
	p.depth--
	return m
}

// plain marks the string bytes that need no attention in the first scan:
// everything but the quote, the backslash and control characters. Bytes
// of multi-byte characters are plain there and validated afterwards.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// str decodes the string whose opening quote is at p.i.
func (p *parser) str() (string, bool) {
	s := p.s
	start := p.i + 1
	i := start
	var acc byte // OR of the plain bytes: its high bit says non-ASCII was seen
	esc := false
	for {
		for i < len(s) && plain[s[i]] {
			acc |= s[i]
			i++
		}
		if i >= len(s) {
			p.i = len(s)
			p.fail("unexpected end of JSON input")
			return "", false
		}
		c := s[i]
		if c == '"' {
			break
		}
		if c == '\\' {
			// The escaped byte is checked when unescaping; skipping it
			// here keeps an escaped quote from ending the string.
			esc = true
			i += 2
			continue
		}
		p.i = i
		p.fail("invalid character " + quoteChar(c) + " in string literal")
		return "", false
	}
	p.i = i + 1
	raw := s[start:i]
	if !esc && (acc < utf8.RuneSelf || utf8.ValidString(raw)) {
		return raw, true
	}
	return p.unescape(raw, start)
}

// unescape decodes raw, the text between a string's quotes starting at
// offset at, as encoding/json does: escapes are resolved, a \u surrogate
// that is not part of a valid pair becomes U+FFFD, and so does each byte
// of invalid UTF-8.
func (p *parser) unescape(raw string, at int) (string, bool) {
	// Unescaping only shrinks the text, except that each invalid byte
	// grows to the three of U+FFFD.
	if cap(p.buf) < len(raw) {
		p.buf = make([]byte, 0, len(raw)+len(raw)/2)
	}
	b := p.buf[:0]
	for r := 0; r < len(raw); {
		c := raw[r]
		if c != '\\' {
			if c < utf8.RuneSelf {
				b = append(b, c)
				r++
				continue
			}
			rr, size := utf8.DecodeRuneInString(raw[r:])
			b = utf8.AppendRune(b, rr)
			r += size
			continue
		}
		if r+1 >= len(raw) {
			p.i = at + r + 1
			p.fail("unexpected end of JSON input")
			return "", false
		}
		switch e := raw[r+1]; e {
		case '"', '\\', '/':
			b = append(b, e)
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			rr, bad := hex4(raw, r+2)
			if bad >= 0 {
				p.i = at + bad
				if bad < len(raw) {
					p.fail("invalid character " + quoteChar(raw[bad]) + " in \\u hexadecimal character escape")
				} else {
					p.fail("invalid character '\"' in \\u hexadecimal character escape")
				}
				return "", false
			}
			r += 6
			if rr < 0x800 {
				// Most escaped text is ASCII or Arabic: spare those the call.
				if rr < 0x80 {
					b = append(b, byte(rr))
				} else {
					b = append(b, 0xC0|byte(rr>>6), 0x80|byte(rr)&0x3F)
				}
				continue
			}
			if 0xD800 <= rr && rr < 0xE000 {
				if rr < 0xDC00 && len(raw)-r >= 6 && raw[r] == '\\' && raw[r+1] == 'u' {
					if lo, bad := hex4(raw, r+2); bad < 0 && 0xDC00 <= lo && lo < 0xE000 {
						b = utf8.AppendRune(b, 0x10000+(rr-0xD800)<<10+(lo-0xDC00))
						r += 6
						continue
					}
				}
				rr = utf8.RuneError
			}
			b = utf8.AppendRune(b, rr)
			continue
		default:
			p.i = at + r + 1
			p.fail("invalid character " + quoteChar(e) + " in string escape code")
			return "", false
		}
		r += 2
	}
	p.buf = b
	return string(b), true
}

// hex4 reads four hex digits at s[i:]. bad is the offset of the first
// byte that is not one, or -1.
func hex4(s string, i int) (r rune, bad int) {
	for k := i; k < i+4; k++ {
		if k >= len(s) {
			return 0, k
		}
		c := s[k]
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, k
		}
		r = r<<4 | rune(c)
	}
	return r, -1
}

// number decodes the number starting at p.i, which is '-' or a digit.
func (p *parser) number() any {
	s := p.s
	start := p.i
	i := start
	neg := s[i] == '-'
	if neg {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && '1' <= s[i] && s[i] <= '9':
		i++
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
	default:
		p.i = i
		p.failAt("in numeric literal")
		return nil
	}
	intEnd := i
	if i < len(s) && s[i] == '.' {
		i++
		if i >= len(s) || s[i] < '0' || s[i] > '9' {
			p.i = i
			p.failAt("after decimal point in numeric literal")
			return nil
		}
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if i >= len(s) || s[i] < '0' || s[i] > '9' {
			p.i = i
			p.failAt("in exponent of numeric literal")
			return nil
		}
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
	}
	p.i = i
	digits := start
	if neg {
		digits++
	}
	// An integer of up to 15 digits is exact in a float64, so it needs
	// none of ParseFloat's general machinery.
	if i == intEnd && i-digits <= 15 {
		var n uint64
		for _, c := range []byte(s[digits:i]) {
			n = n*10 + uint64(c-'0')
		}
		f := float64(n)
		if neg {
			f = -f
		}
		return f
	}
	f, err := strconv.ParseFloat(s[start:i], 64)
	if err != nil {
		p.i = start
		p.fail("cannot unmarshal number " + s[start:i] + " into Go value of type float64")
		return nil
	}
	return f
}

// quoteChar formats c for an error message as encoding/json does.
func quoteChar(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	q := strconv.Quote(string(rune(c)))
	return "'" + q[1:len(q)-1] + "'"
}
