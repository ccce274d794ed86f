package dom

import (
	"strings"

	"golang.org/x/net/html/atom"
)

// The tokenizer reproduces the token stream of the x/net/html Tokenizer
// (scripting on, CDATA off) for the tokens the tree builder reads: text,
// start, self-closing and end tags. Comments, doctypes and processing
// instructions are skipped where they stand. It walks the source string
// with index arithmetic: in wasm every per-byte method call of the x/net
// reader is a real call, and that cost most of the parse.
//
// x/net quirks reproduced on purpose, because they decide the tree:
//   - a tag, comment or doctype left open at the end of input ends the
//     token stream; the text before it is kept;
//   - a trailing "<" or "</" is text;
//   - NUL stays NUL in ordinary text but becomes U+FFFD in raw text, RCDATA
//     and attribute values;
//   - "<!--" inside a script followed by "<" and a non-letter, non-'/' byte
//     drops back to plain script data;
//   - whether "<x a=b/>" is self-closing depends on the last attribute kept
//     after duplicate removal.

type tokenType uint8

const (
	eofToken tokenType = iota
	textToken
	startTagToken
	selfClosingTagToken
	endTagToken
)

// textKind says how a text token's bytes become text.
type textKind uint8

const (
	// dataText decodes character references and keeps NULs.
	dataText textKind = iota
	// rawText (script, style, ...) decodes nothing and replaces NULs.
	rawText
	// rcdataText (title, textarea) decodes references and replaces NULs.
	rcdataText
)

// Byte classes for the tag scanners.
const (
	clsSpace uint8 = 1 << iota // ' ', '\t', '\n', '\f', '\r'
	clsSlash
	clsGT
	clsEq
	clsLetter
)

var class = func() (t [256]uint8) {
	for _, c := range []byte(" \t\n\f\r") {
		t[c] = clsSpace
	}
	t['/'], t['>'], t['='] = clsSlash, clsGT, clsEq
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = clsLetter, clsLetter
	}
	return t
}()

type tokenizer struct {
	s   string
	pos int
	// rawTag is the element whose raw text comes next, or 0.
	rawTag atom.Atom

	// The current token. No field below is a pointer written per token:
	// while the GC marks, every pointer store pays a write barrier.
	tag   atom.Atom // tags: the lower-cased name's atom
	flags uint8     // tags: flagsOf(tag)
	// name0 and name1 span the tag's name as written, for elements with
	// no atom (custom elements), which close by name.
	name0, name1 int
	at, end      int      // text: the token is s[at:end]
	kind         textKind // text: how it decodes
	nattrs       int      // start tags: kept attributes, in arena[:nattrs]
	// attrsAt is where the attributes of the start tag begin; lastK0,
	// lastK1 and lastV1 are the key span and value end of its last one
	// (lastV1 < 0 for none), for selfClosing.
	attrsAt, lastK0, lastK1, lastV1 int

	// arena holds the kept attributes: keepAttrs hands them out without a
	// copy, and a tag whose element is not kept leaves its slots to the
	// next.
	arena []Attr
	chunk int // the size of the last arena allocated
	// amp, cr and nul track the next '&', '\r' and NUL in s, so that
	// deciding whether a chunk needs decoding costs no scan per chunk.
	amp, cr, nul next
	name         [maxAtomLen]byte
	// atoms caches lookups. It lives on the heap, which keeps Parse's
	// frame small; its entries change only on misses.
	atoms *atomCache
}

type atomCache [64]struct {
	name  string
	a     atom.Atom
	flags uint8
}

func newTokenizer(s string) tokenizer {
	return tokenizer{s: s, atoms: new(atomCache)}
}

// next is the position at of the first occurrence of a byte at or after
// from, or len(s).
type next struct{ from, at int }

// has reports whether s[i:j] holds the byte c that n tracks. Queries come
// in document order, so n moves forward by one scan per occurrence of c
// rather than one per chunk.
func (z *tokenizer) has(n *next, c byte, i, j int) bool {
	if i < n.from || n.at < i {
		z.seek(n, c, i)
	}
	return n.at < j
}

func (z *tokenizer) seek(n *next, c byte, i int) {
	n.from, n.at = i, indexFrom(z.s, i, c)
}

// attrs returns the kept attributes of the current start tag.
func (z *tokenizer) attrs() []Attr { return z.arena[:z.nattrs] }

// keepAttrs returns the kept attributes of the current start tag for an
// element of the tree, nil for none.
func (z *tokenizer) keepAttrs() []Attr {
	n := z.nattrs
	if n == 0 {
		return nil
	}
	a := z.arena[:n:n]
	z.arena = z.arena[n:]
	z.nattrs = 0
	return a
}

// raw returns the current text token as it stands in the source.
func (z *tokenizer) raw() string { return z.s[z.at:z.end] }

// maxAtomLen bounds the tag names worth looking up: no atom is longer.
const maxAtomLen = 25

// next scans the next token.
func (z *tokenizer) next() tokenType {
	s, n := z.s, len(z.s)
	if z.rawTag != 0 {
		start, end, kind := z.pos, n, rawText
		switch z.rawTag {
		case atom.Plaintext:
		case atom.Script:
			end = scriptEnd(s, start)
		case atom.Title, atom.Textarea:
			kind = rcdataText
			end = rawEnd(s, start, z.rawTag.String())
		default:
			end = rawEnd(s, start, z.rawTag.String())
		}
		z.rawTag = 0
		if end > start {
			z.pos, z.at, z.end, z.kind = end, start, end, kind
			return textToken
		}
	}
	start := z.pos
	for i := start; ; {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 || i+j+1 >= n {
			break
		}
		lt := i + j
		c := s[lt+1]
		if class[c] != clsLetter && c != '/' && c != '!' && c != '?' {
			i = lt + 1
			continue
		}
		if lt > start {
			z.pos, z.at, z.end, z.kind = lt, start, lt, dataText
			return textToken
		}
		switch c {
		case '/':
			if lt+2 >= n {
				// x/net returns a lone trailing "</" as text.
				z.pos, z.at, z.end, z.kind = n, lt, n, dataText
				return textToken
			}
			if c2 := s[lt+2]; class[c2] == clsLetter {
				end := z.readTag(lt+2, false)
				if end < 0 {
					return z.eof()
				}
				z.pos = end
				return endTagToken
			} else if c2 == '>' {
				i = lt + 3
			} else if i = closeAngle(s, lt+2); i < 0 {
				return z.eof()
			}
		case '!':
			if i = markupEnd(s, lt+2); i < 0 {
				return z.eof()
			}
		case '?':
			if i = closeAngle(s, lt+2); i < 0 {
				return z.eof()
			}
		default:
			end := z.readTag(lt+1, true)
			if end < 0 {
				return z.eof()
			}
			z.pos = end
			if z.flags&fRaw != 0 {
				z.rawTag = z.tag
			}
			if z.selfClosing(end) {
				return selfClosingTagToken
			}
			return startTagToken
		}
		start = i
	}
	z.pos = n
	if start < n {
		z.at, z.end, z.kind = start, n, dataText
		return textToken
	}
	return eofToken
}

func (z *tokenizer) eof() tokenType {
	z.pos, z.rawTag = len(z.s), 0
	return eofToken
}

// text returns the decoded text of the current text token.
func (z *tokenizer) text() string {
	s, i, j := z.raw(), z.at, z.end
	cr := z.has(&z.cr, '\r', i, j)
	nul := z.kind != dataText && z.has(&z.nul, 0, i, j)
	if cr || nul {
		s = clean(s, nul)
	}
	if z.kind != rawText && z.has(&z.amp, '&', i, j) {
		s = unescape(s, false)
	}
	return s
}

// attrValue decodes the attribute value s[i:j] as x/net does: NUL becomes
// U+FFFD, "\r\n" and "\r" become "\n", then character references are
// decoded by the attribute rules.
func (z *tokenizer) attrValue(i, j int) string {
	v := z.s[i:j]
	cr, nul := z.has(&z.cr, '\r', i, j), z.has(&z.nul, 0, i, j)
	if cr || nul {
		v = clean(v, true)
	}
	if z.has(&z.amp, '&', i, j) {
		v = unescape(v, true)
	}
	return v
}

// closeAngle returns the index after the first '>' at or after i, or -1.
func closeAngle(s string, i int) int {
	if j := strings.IndexByte(s[i:], '>'); j >= 0 {
		return i + j + 1
	}
	return -1
}

// markupEnd returns the index after a comment, doctype or bogus comment
// whose "<!" ends before i, or -1 if it runs to the end of input.
func markupEnd(s string, i int) int {
	if i+2 > len(s) {
		return -1
	}
	if s[i] == '-' && s[i+1] == '-' {
		return commentEnd(s, i+2)
	}
	// A doctype and a bogus comment both end at the first '>'.
	return closeAngle(s, i)
}

// commentEnd returns the index after the comment whose data starts at p,
// or -1. The comment ends at the first '>' that follows "--" or "--!"
// inside the data, or that follows nothing but dashes ("<!-->", "<!--->").
func commentEnd(s string, p int) int {
	i := p
	for i < len(s) && s[i] == '-' {
		i++
	}
	if i < len(s) && s[i] == '>' {
		return i + 1
	}
	for {
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			return -1
		}
		g := i + j
		if g-2 >= p && s[g-1] == '-' && s[g-2] == '-' ||
			g-3 >= p && s[g-1] == '!' && s[g-2] == '-' && s[g-3] == '-' {
			return g + 1
		}
		i = g + 1
	}
}

// rawEnd returns where the raw text starting at i ends: at the first
// "</tag" followed by a space, '/' or '>', or at the end of input.
func rawEnd(s string, i int, tag string) int {
	for {
		j := strings.Index(s[i:], "</")
		if j < 0 {
			return len(s)
		}
		if _, ok := endTagAt(s, i+j+2, tag); ok {
			return i + j
		}
		i += j + 2
	}
}

// endTagAt matches tag case-insensitively at s[i:], followed by a space,
// '/' or '>'. On a mismatch it returns where scanning resumes: the
// mismatched byte, or len(s).
func endTagAt(s string, i int, tag string) (int, bool) {
	for k := 0; k < len(tag); k++ {
		if i+k >= len(s) {
			return len(s), false
		}
		if c := s[i+k]; c != tag[k] && c != tag[k]-('a'-'A') {
			return i + k, false
		}
	}
	i += len(tag)
	if i >= len(s) {
		return len(s), false
	}
	return i, class[s[i]]&(clsSpace|clsSlash|clsGT) != 0
}

// The script data states of the HTML5 tokenizer.
const (
	scriptData = iota
	scriptEscaped
	scriptEscapedDash
	scriptEscapedDashDash
	scriptEscapedLT
	scriptDoubleEscaped
	scriptDoubleEscapedDash
	scriptDoubleEscapedDashDash
	scriptDoubleEscapedLT
)

// scriptEnd returns where the script text starting at i ends, following
// the escape rules for "<!--" and nested "<script>" in script data as
// x/net does, or len(s).
func scriptEnd(s string, i int) int {
	n := len(s)
	st := scriptData
	// lt and dash are the next '<' and '-' at or after some earlier i, for
	// the escaped states: old pages wrap whole scripts in "<!-- -->".
	lt, dash := -1, -1
	for {
		switch st {
		case scriptData:
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				return n
			}
			i += j + 1
			if i >= n {
				return n
			}
			switch s[i] {
			case '/':
				end, ok := endTagAt(s, i+1, "script")
				if ok {
					return i - 1
				}
				i = end
			case '!':
				if strings.HasPrefix(s[i+1:], "--") {
					i += 3
					st = scriptEscapedDashDash
				}
			}
			continue
		case scriptDoubleEscapedLT:
			if i >= n {
				return n
			}
			if s[i] != '/' {
				st = scriptDoubleEscaped
				continue
			}
			end, ok := endTagAt(s, i+1, "script")
			if ok {
				// x/net steps over "</script" and its delimiter.
				i = end + 1
				st = scriptEscaped
			} else {
				i = end
				st = scriptDoubleEscaped
			}
			continue
		case scriptEscapedLT:
			if i >= n {
				return n
			}
			switch c := s[i]; {
			case c == '/':
				end, ok := endTagAt(s, i+1, "script")
				if ok {
					return i - 1
				}
				i, st = end, scriptEscaped
			case class[c] == clsLetter:
				end, ok := endTagAt(s, i, "script")
				switch {
				case ok:
					i, st = end+1, scriptDoubleEscaped
				case end >= n:
					return n
				default:
					i, st = end, scriptEscaped
				}
			default:
				// HTML5 stays escaped here; x/net does not.
				st = scriptData
			}
			continue
		case scriptEscaped, scriptDoubleEscaped:
			// Only '-' and '<' leave these states: skip to the nearer.
			if lt < i {
				lt = indexFrom(s, i, '<')
			}
			if dash < i {
				dash = indexFrom(s, i, '-')
			}
			i = min(lt, dash)
		}
		// The remaining states read one byte and look for '-', '<', '>'.
		if i >= n {
			return n
		}
		c := s[i]
		i++
		double := st >= scriptDoubleEscaped
		switch {
		case c == '<':
			st = scriptEscapedLT
			if double {
				st = scriptDoubleEscapedLT
			}
		case c == '-':
			switch st {
			case scriptEscaped:
				st = scriptEscapedDash
			case scriptEscapedDash:
				st = scriptEscapedDashDash
			case scriptDoubleEscaped:
				st = scriptDoubleEscapedDash
			case scriptDoubleEscapedDash:
				st = scriptDoubleEscapedDashDash
			}
		case c == '>' && (st == scriptEscapedDashDash || st == scriptDoubleEscapedDashDash):
			st = scriptData
		case double:
			st = scriptDoubleEscaped
		default:
			st = scriptEscaped
		}
	}
}

// indexFrom returns the index of the first c at or after i, or len(s).
func indexFrom(s string, i int, c byte) int {
	if j := strings.IndexByte(s[i:], c); j >= 0 {
		return i + j
	}
	return len(s)
}

// readTag reads the tag whose name starts at s[i] and returns the index
// after its '>', or -1 if the input ends first. For a start tag it also
// collects the kept attributes into the arena.
func (z *tokenizer) readTag(i int, start bool) int {
	s, n := z.s, len(z.s)
	ns := i
	for i++; i < n && class[s[i]]&(clsSpace|clsSlash|clsGT) == 0; i++ {
	}
	if i >= n {
		return -1
	}
	z.lookup(s[ns:i])
	z.name0, z.name1 = ns, i
	if start {
		z.attrsAt, z.nattrs, z.lastV1 = i, 0, -1
		if len(z.arena) < len(keep) {
			// Room for every kept key, in chunks that grow to 256 as the
			// page goes on: a small page allocates little.
			z.chunk = min(max(2*z.chunk, 2*len(keep)), 256)
			z.arena = make([]Attr, z.chunk)
		}
	}
	var seen uint64 // kept keys already taken: the first of duplicates wins
	for {
		for i < n && class[s[i]] == clsSpace {
			i++
		}
		if i >= n {
			return -1
		}
		if s[i] == '>' {
			return i + 1
		}
		k0, k1, v0, v1, next := scanAttr(s, i)
		if next < 0 {
			return -1
		}
		i = next
		if !start || k0 == k1 {
			continue
		}
		z.lastK0, z.lastK1, z.lastV1 = k0, k1, v1
		if k, ok := keepIndex(s[k0:k1]); ok && seen&(1<<k) == 0 {
			seen |= 1 << k
			z.arena[z.nattrs] = Attr{keep[k], z.attrValue(v0, v1)}
			z.nattrs++
		}
	}
}

// scanAttr scans the attribute at s[i], which is neither a space nor '>':
// the key is s[k0:k1] and the value s[v0:v1] (both may be empty), and next
// is the index after it, or -1 if the input ends first. A lone '/' is an
// empty key, dropped as x/net drops it.
func scanAttr(s string, i int) (k0, k1, v0, v1, next int) {
	n := len(s)
	if s[i] == '/' {
		return i, i, i, i, i + 1
	}
	// The key; a leading '=' belongs to it.
	k0 = i
	for i++; i < n && class[s[i]]&(clsSpace|clsSlash|clsGT|clsEq) == 0; i++ {
	}
	k1 = i
	v0, v1 = i, i
	for i < n && class[s[i]] == clsSpace {
		i++
	}
	if i >= n {
		return k0, k1, v0, v1, -1
	}
	// After the key, a '/' is left for the caller, which drops it.
	if s[i] != '=' {
		return k0, k1, v0, v1, i
	}
	for i++; i < n && class[s[i]] == clsSpace; i++ {
	}
	if i >= n {
		return k0, k1, v0, v1, -1
	}
	switch q := s[i]; q {
	case '>':
	case '"', '\'':
		j := strings.IndexByte(s[i+1:], q)
		if j < 0 {
			return k0, k1, v0, v1, -1
		}
		v0, v1 = i+1, i+1+j
		i = v1 + 1
	default:
		v0 = i
		for i++; i < n && class[s[i]]&(clsSpace|clsGT) == 0; i++ {
		}
		if i >= n {
			return k0, k1, v0, v1, -1
		}
		v1 = i
		if s[i] != '>' {
			i++
		}
	}
	return k0, k1, v0, v1, i
}

// selfClosing reports whether the start tag ending at end is self-closing:
// "/>" ends it and that '/' is not the last byte of the last attribute
// kept by x/net (which drops repeated keys).
func (z *tokenizer) selfClosing(end int) bool {
	s := z.s
	if s[end-2] != '/' {
		return false
	}
	if z.lastV1 != end-1 {
		// Only an unquoted value that runs into the '>' can end there.
		return true
	}
	// Rare: is the last attribute a repeat, dropped by x/net?
	last := s[z.lastK0:z.lastK1]
	for i := z.attrsAt; ; {
		for class[s[i]] == clsSpace {
			i++
		}
		k0, k1, _, _, next := scanAttr(s, i)
		if k0 == z.lastK0 {
			return false
		}
		if equalFold(s[k0:k1], last) {
			return true
		}
		i = next
	}
}

// equalFold compares ASCII case-insensitively, as x/net's duplicate check.
func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lowerASCII(a[i]) != lowerASCII(b[i]) {
			return false
		}
	}
	return true
}

// equalLower reports whether s lower-cased (ASCII) is lower.
func equalLower(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != lower[i] && (c < 'A' || c > 'Z' || c+'a'-'A' != lower[i]) {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// tagName is the current tag's name as written.
func (z *tokenizer) tagName() string { return z.s[z.name0:z.name1] }

// lookup sets z.tag and z.flags for a tag name. A page repeats a few tag
// names, so a small cache keyed by length and end bytes answers most
// lookups with one comparison instead of lower-casing, hashing, matching
// and a flags probe.
func (z *tokenizer) lookup(name string) {
	if len(name) > maxAtomLen {
		z.tag, z.flags = 0, 0
		return
	}
	e := &z.atoms[(uint(len(name))*7+uint(name[0]|0x20)*3+uint(name[len(name)-1]|0x20))%uint(len(z.atoms))]
	if equalLower(name, e.name) {
		z.tag, z.flags = e.a, e.flags
		return
	}
	b := z.name[:len(name)]
	for i := 0; i < len(name); i++ {
		b[i] = lowerASCII(name[i])
	}
	a := atom.Lookup(b)
	z.tag, z.flags = a, flagsOf(a)
	if a != 0 {
		e.name, e.a, e.flags = a.String(), a, z.flags
	}
}

// keepIndex returns the index in keep of an attribute name, matched
// case-insensitively. A perfect hash, not a map: a map lookup is a chain
// of calls in wasm, and this runs for every attribute of every tag.
func keepIndex(k string) (int, bool) {
	if len(k) < 2 || len(k) > maxKeepLen {
		return 0, false
	}
	i := keepHash[keySlot(k)]
	if i == 0 || !equalLower(k, keep[i-1]) {
		return 0, false
	}
	return int(i - 1), true
}

// keySlot hashes a name of two bytes or more. The multipliers were
// searched for: the names in keep get distinct slots.
func keySlot(k string) uint {
	return (uint(lowerASCII(k[0])) + uint(lowerASCII(k[1]))*3 +
		uint(lowerASCII(k[len(k)-1]))*59 + uint(len(k))*4) & 63
}

// keep lists the attributes extraction reads; the rest are dropped at once,
// with no string made. It holds at most 64 names (readTag tracks them in a
// 64-bit set, keySlot hashes them into 64 slots). The image attributes
// (srcset, width and height, and the lazy loaders' data-src, data-srcset,
// data-original and data-lazy-src) are for the article's figures: a lazy
// page leaves a placeholder in src and the picture in one of them.
var keep = [...]string{
	"id", "class", "itemprop", "itemtype", "itemscope",
	"property", "name", "content", "href", "src",
	"datetime", "rel", "type", "lang", "dir",
	"alt", "role", "hidden", "style", "aria-hidden",
	"http-equiv", "charset", "data-src", "title",
	"srcset", "data-srcset", "width", "height", "data-original", "data-lazy-src",
}

// maxKeepLen is the length of the longest name in keep.
const maxKeepLen = len("data-original")

// keepHash maps keySlot to 1 + the index in keep, or 0.
var keepHash = func() (t [64]uint8) {
	for i, k := range keep {
		h := keySlot(k)
		if t[h] != 0 {
			panic("dom: keySlot collides on " + k + "; search new multipliers")
		}
		t[h] = uint8(i + 1)
	}
	return t
}()
