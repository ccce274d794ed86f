package decode

import (
	"errors"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// Kind says what sort of document the decoded text is.
type Kind uint8

// The kinds. The zero value is Text, so a caller that ignores Kind treats
// input as a dump, which is the safe reading.
const (
	// Text is a plain-text dump of a page, or any text that is not HTML
	// (JSON, XML feeds, prose).
	Text Kind = iota
	// HTML is markup for the HTML parser.
	HTML
)

// String returns "text" or "html".
func (k Kind) String() string {
	if k == HTML {
		return "html"
	}
	return "text"
}

// Result is decoded input.
type Result struct {
	// Text is the input as valid UTF-8, without a byte order mark.
	Text string
	// Kind is HTML or Text.
	Kind Kind
	// Charset is the canonical WHATWG name of the encoding actually used,
	// such as "utf-8", "windows-1256", "iso-8859-6", "windows-1252" or
	// "utf-16le".
	Charset string
	// Source says what chose Charset: "bom", "hint", "meta" (a <meta> or
	// an XML declaration), "sniffed" (the bytes themselves, also when they
	// overrule a declaration; see Warnings) or "default" (pure ASCII with
	// no declaration: nothing to choose).
	Source string
	// Replaced counts the invalid byte sequences replaced by U+FFFD. For
	// UTF-8 it counts as Go's range loop does: one per byte that does not
	// start a valid sequence.
	Replaced int
	// Warnings are human-readable notes on what was guessed or repaired.
	Warnings []string
}

// ErrEmpty is returned for input with no bytes, or only whitespace.
var ErrEmpty = errors.New("nazif: empty input")

// ErrNotText is returned, wrapped, for binary input. The wrapping error's
// message names what the input looks like, as in
// "nazif: input is not text (PNG image)"; test for it with errors.Is.
var ErrNotText = errors.New("nazif: input is not text")

// The Source values.
const (
	sourceBOM     = "bom"
	sourceHint    = "hint"
	sourceMeta    = "meta"
	sourceSniffed = "sniffed"
	sourceDefault = "default"
)

const (
	nameUTF8    = "utf-8"
	nameUTF16LE = "utf-16le"
	nameUTF16BE = "utf-16be"
	name1252    = "windows-1252"
	name1256    = "windows-1256"
	name8859_6  = "iso-8859-6"
)

// Decode turns raw page bytes into UTF-8.
//
// hint is a charset label from the caller, such as the charset parameter of
// an HTTP Content-Type header; it may be "". Any label WHATWG knows is
// accepted ("windows-1256", "cp1256", "arabic", "latin1", "utf8" ...).
//
// The encoding is chosen in this order, the first that applies winning:
//
//  1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE);
//  2. a clear UTF-16 pattern (every other byte NUL) without a mark;
//  3. hint;
//  4. the page's <meta charset>, <meta http-equiv="Content-Type"> or XML
//     declaration, found by the WHATWG prescan of the first 1024 bytes;
//  5. the bytes: valid UTF-8 is UTF-8, otherwise windows-1256, iso-8859-6
//     or windows-1252, whichever makes the most sense of the high bytes.
//
// A declaration (steps 3 and 4) is overruled, with a warning, when the bytes
// contradict it: a single-byte charset for bytes that are valid UTF-8; UTF-8
// for bytes that are mostly invalid UTF-8 and read cleanly as Arabic in a
// legacy code page; windows-1252 (which is what latin1 and ascii mean) or
// iso-8859-6 for bytes that read as Arabic only in another code page.
//
// Decode returns ErrEmpty for input with no bytes or only whitespace, and an
// error wrapping ErrNotText for binary input. It never fails on invalid byte
// sequences: they become U+FFFD, counted in Result.Replaced. Decode is safe
// for concurrent use.
func Decode(b []byte, hint string) (Result, error) {
	if isBlank(b) {
		return Result{}, ErrEmpty
	}
	if what := signature(b); what != "" {
		return Result{}, notText(what)
	}
	var r Result
	switch {
	case hasPrefix(b, "\xef\xbb\xbf"):
		r.Charset, r.Source = nameUTF8, sourceBOM
		body := b[3:]
		if what := scanHead(body).binary(); what != "" {
			return Result{}, notText(what)
		}
		r.Text, r.Replaced = decodeUTF8(body)
	case hasPrefix(b, "\xff\xfe\x00\x00"), hasPrefix(b, "\x00\x00\xfe\xff"):
		// Its byte order mark starts as UTF-16LE's does. HTML forbids
		// UTF-32 and no site serves it: refused, rather than read as
		// UTF-16 into text that was never there.
		return Result{}, notText("UTF-32 text")
	case hasPrefix(b, "\xff\xfe"), hasPrefix(b, "\xfe\xff"):
		be := b[0] == 0xfe
		r.Charset, r.Source = utf16Name(be), sourceBOM
		r.Text, r.Replaced = decodeUTF16(b[2:], be)
	default:
		if err := decodeUnmarked(&r, b, hint); err != nil {
			return Result{}, err
		}
	}
	if isBlankText(r.Text) {
		return Result{}, ErrEmpty
	}
	r.Kind = kindOf(r.Text)
	if r.Replaced > 0 {
		r.Warnings = append(r.Warnings, replacedWarning(r.Replaced))
	}
	return r, nil
}

func notText(what string) error {
	return notTextError(what)
}

// notTextError is ErrNotText with what the input looks like. It is a type
// of its own, not fmt.Errorf, so that fmt stays out of the wasm guest.
type notTextError string

func (e notTextError) Error() string { return ErrNotText.Error() + " (" + string(e) + ")" }

func (e notTextError) Unwrap() error { return ErrNotText }

func replacedWarning(n int) string {
	if n == 1 {
		return "1 invalid byte sequence replaced with U+FFFD"
	}
	return strconv.Itoa(n) + " invalid byte sequences replaced with U+FFFD"
}

func utf16Name(bigEndian bool) string {
	if bigEndian {
		return nameUTF16BE
	}
	return nameUTF16LE
}

// decodeUnmarked decodes input that has no byte order mark.
func decodeUnmarked(r *Result, b []byte, hint string) error {
	head := scanHead(b)
	hintEnc, hintName := lookupHint(r, hint)
	if be, ok := head.utf16(b); ok {
		r.Charset, r.Source = utf16Name(be), sourceSniffed
		if hintName == r.Charset {
			r.Source = sourceHint
		} else if hintName == utf16Name(!be) {
			r.Warnings = append(r.Warnings, "declared charset "+label(hint)+" ignored: bytes are "+r.Charset)
		}
		r.Text, r.Replaced = decodeUTF16(b, be)
		return nil
	}
	if what := head.binary(); what != "" {
		return notText(what)
	}
	if hintName == nameUTF16LE || hintName == nameUTF16BE {
		r.Warnings = append(r.Warnings, "declared charset "+label(hint)+" ignored: bytes are not UTF-16")
		hintEnc = nil
	}
	if hintEnc != nil {
		decodeDeclared(r, b, label(hint), hintEnc, hintName, sourceHint)
		return nil
	}
	if enc, name, lbl := prescan(b, &r.Warnings); enc != nil {
		decodeDeclared(r, b, lbl, enc, name, sourceMeta)
		return nil
	}
	decodeSniffed(r, b)
	return nil
}

// lookupHint resolves the caller's hint, warning about labels that cannot be
// used. It returns a nil Encoding for "" and for those.
func lookupHint(r *Result, hint string) (encoding.Encoding, string) {
	if strings.TrimSpace(hint) == "" {
		return nil, ""
	}
	name, ok := lookupLabel(hint)
	if !ok {
		r.Warnings = append(r.Warnings, "unknown charset "+strconv.Quote(hint)+" ignored")
		return nil, ""
	}
	if name == "replacement" {
		r.Warnings = append(r.Warnings, "unsupported charset "+label(hint)+" ignored")
		return nil, ""
	}
	return encodingFor(name), name
}

// label normalises a charset label exactly as htmlindex.Get does, Unicode
// case folding and white space included, so that lookups accept the same
// spellings it did.
func label(s string) string {
	return strings.ToLower(strings.TrimSpace(s))
}

// decodeDeclared decodes b as the declared encoding, unless the bytes clearly
// contradict the declaration.
func decodeDeclared(r *Result, b []byte, lbl string, enc encoding.Encoding, name, source string) {
	r.Charset, r.Source = name, source
	if name == nameUTF8 {
		if utf8.Valid(b) {
			r.Text = string(b)
			return
		}
		if st := utf8Stats(b); !st.mostlyUTF8() {
			if s := sniffSingleByte(b); s.clearlyArabic() {
				r.Warnings = append(r.Warnings, "declared charset "+lbl+" ignored: bytes are not valid UTF-8 and read as "+s.name)
				decodeAs(r, b, s.cm, s.name, sourceSniffed)
				return
			}
		}
		r.Text, r.Replaced = decodeUTF8(b)
		return
	}
	if !isASCII(b) {
		if utf8.Valid(b) {
			r.Warnings = append(r.Warnings, "declared charset "+lbl+" ignored: bytes are valid UTF-8")
			r.Charset, r.Source = nameUTF8, sourceSniffed
			r.Text = string(b)
			return
		}
		if name == name1252 || name == name8859_6 {
			if s := sniffSingleByte(b); s.clearlyArabic() && s.name != name {
				r.Warnings = append(r.Warnings, "declared charset "+lbl+" ignored: bytes read as "+s.name+" Arabic")
				decodeAs(r, b, s.cm, s.name, sourceSniffed)
				return
			}
		}
	}
	if cm, ok := enc.(*charmap.Charmap); ok {
		r.Text, r.Replaced = decodeCharmap(b, cm)
		return
	}
	r.Text, r.Replaced = decodeOther(b, enc)
}

// decodeSniffed decodes b when nothing declares its encoding.
func decodeSniffed(r *Result, b []byte) {
	if isASCII(b) {
		r.Charset, r.Source, r.Text = nameUTF8, sourceDefault, string(b)
		return
	}
	if utf8.Valid(b) {
		r.Charset, r.Source, r.Text = nameUTF8, sourceSniffed, string(b)
		return
	}
	if utf8Stats(b).mostlyUTF8() {
		r.Charset, r.Source = nameUTF8, sourceSniffed
		r.Text, r.Replaced = decodeUTF8(b)
		return
	}
	s := sniffSingleByte(b)
	decodeAs(r, b, s.cm, s.name, sourceSniffed)
}

func decodeAs(r *Result, b []byte, cm *charmap.Charmap, name, source string) {
	r.Charset, r.Source = name, source
	r.Text, r.Replaced = decodeCharmap(b, cm)
}

// decodeUTF8 copies b, replacing each byte that does not start a valid
// sequence with U+FFFD, exactly as ranging over string(b) would.
func decodeUTF8(b []byte) (string, int) {
	var sb strings.Builder
	sb.Grow(len(b) + 16)
	n := 0
	for i := 0; i < len(b); {
		start := i
		for i < len(b) {
			if b[i] < utf8.RuneSelf {
				i++
				continue
			}
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			i += size
		}
		sb.Write(b[start:i])
		if i < len(b) {
			sb.WriteString("\uFFFD")
			n++
			i++
		}
	}
	return sb.String(), n
}

// decodeUTF16 decodes b as UTF-16. Unpaired surrogates and a trailing odd
// byte become U+FFFD.
func decodeUTF16(b []byte, bigEndian bool) (string, int) {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/2)
	n := 0
	for i := 0; i+1 < len(b); i += 2 {
		u := unit16(b, i, bigEndian)
		switch {
		case u < utf8.RuneSelf:
			sb.WriteByte(byte(u))
		case u >= 0xd800 && u < 0xdc00:
			if i+3 < len(b) {
				if v := unit16(b, i+2, bigEndian); v >= 0xdc00 && v < 0xe000 {
					sb.WriteRune(0x10000 + (rune(u)-0xd800)<<10 + rune(v) - 0xdc00)
					i += 2
					continue
				}
			}
			sb.WriteRune(utf8.RuneError)
			n++
		case u >= 0xdc00 && u < 0xe000:
			sb.WriteRune(utf8.RuneError)
			n++
		default:
			sb.WriteRune(rune(u))
		}
	}
	if len(b)%2 == 1 {
		sb.WriteRune(utf8.RuneError)
		n++
	}
	return sb.String(), n
}

func unit16(b []byte, i int, bigEndian bool) uint16 {
	if bigEndian {
		return uint16(b[i])<<8 | uint16(b[i+1])
	}
	return uint16(b[i]) | uint16(b[i+1])<<8
}

// decodeCharmap decodes a single-byte encoding through a table of each
// byte's UTF-8 form. Bytes the charset leaves unassigned become U+FFFD and
// are counted.
func decodeCharmap(b []byte, cm *charmap.Charmap) (string, int) {
	var (
		table [256][utf8.UTFMax]byte
		width [256]uint8
		bad   [256]uint8 // 1 for bytes that decode to U+FFFD
	)
	for i := range table {
		r := cm.DecodeByte(byte(i))
		width[i] = uint8(utf8.EncodeRune(table[i][:], r))
		if r == utf8.RuneError {
			bad[i] = 1
		}
	}
	size := 0
	for _, c := range b {
		size += int(width[c])
	}
	// Writing into a sized buffer and copying it once is several times
	// faster than a strings.Builder call per byte.
	buf := make([]byte, size+utf8.UTFMax)
	j, n := 0, 0
	for _, c := range b {
		copy(buf[j:j+utf8.UTFMax], table[c][:])
		j += int(width[c])
		n += int(bad[c])
	}
	return string(buf[:j]), n
}

// decodeOther decodes the multi-byte legacy encodings (Shift_JIS, GBK, Big5
// ...) through x/text. Those decoders write U+FFFD for invalid input without
// reporting it, so the count is of U+FFFD in the output.
func decodeOther(b []byte, enc encoding.Encoding) (string, int) {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		// x/text decoders replace rather than fail; keep the bytes readable
		// if one ever does.
		s, n := decodeUTF8(b)
		return s, n
	}
	s := string(out)
	return s, strings.Count(s, "\uFFFD")
}

func hasPrefix(b []byte, p string) bool {
	return len(b) >= len(p) && string(b[:len(p)]) == p
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// isBlank reports whether b has no bytes other than ASCII whitespace.
func isBlank(b []byte) bool {
	for _, c := range b {
		if !isSpaceByte(c) {
			return false
		}
	}
	return true
}

// isBlankText reports whether s holds only whitespace, counting the BOM
// character (a stray second BOM) as whitespace.
func isBlankText(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && r != '\uFEFF' {
			return false
		}
	}
	return true
}
