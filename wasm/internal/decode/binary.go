package decode

import "encoding/binary"

// magic is a file signature at offset 0 that no text page starts with.
// Signatures made only of printable ASCII (RIFF, BM, MZ, BZh, ftyp, zlib's
// "x") are too weak on their own and are checked in signature with more of
// their header.
type magic struct {
	prefix string
	what   string
}

var magics = [...]magic{
	{"\x89PNG\r\n\x1a\n", "PNG image"},
	{"\xff\xd8\xff", "JPEG image"},
	{"GIF87a", "GIF image"},
	{"GIF89a", "GIF image"},
	{"\x00\x00\x01\x00", "ICO image"},
	{"\x00\x00\x02\x00", "CUR image"},
	{"II*\x00", "TIFF image"},
	{"MM\x00*", "TIFF image"},
	{"%PDF-", "PDF document"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 document (DOC/XLS/PPT)"},
	{"\x1f\x8b\x08", "gzip archive"},
	{"PK\x03\x04", "ZIP archive"},
	{"PK\x05\x06", "ZIP archive"},
	{"PK\x07\x08", "ZIP archive"},
	{"7z\xbc\xaf\x27\x1c", "7z archive"},
	{"\xfd7zXZ\x00", "xz archive"},
	{"\x28\xb5\x2f\xfd", "zstd archive"},
	{"Rar!\x1a\x07", "RAR archive"},
	{"\x00asm", "WebAssembly module"},
	{"\x7fELF", "ELF executable"},
	{"\xfe\xed\xfa\xce", "Mach-O executable"},
	{"\xfe\xed\xfa\xcf", "Mach-O executable"},
	{"\xce\xfa\xed\xfe", "Mach-O executable"},
	{"\xcf\xfa\xed\xfe", "Mach-O executable"},
	{"\xca\xfe\xba\xbe", "Mach-O universal binary or Java class"},
	{"OggS\x00", "Ogg media"},
	{"\x1a\x45\xdf\xa3", "Matroska/WebM video"},
	{"SQLite format 3\x00", "SQLite database"},
	{"wOFF\x00", "WOFF font"},
	{"wOFFOTTO", "WOFF font"},
	{"wOF2\x00", "WOFF2 font"},
	{"wOF2OTTO", "WOFF2 font"},
}

// signature names the binary format b starts with, or returns "".
func signature(b []byte) string {
	for _, m := range magics {
		if hasPrefix(b, m.prefix) {
			if m.what == "ZIP archive" {
				return zipKind(b)
			}
			return m.what
		}
	}
	switch {
	case hasPrefix(b, "RIFF") && len(b) >= 12:
		switch string(b[8:12]) {
		case "WEBP":
			return "WebP image"
		case "WAVE":
			return "WAV audio"
		case "AVI ":
			return "AVI video"
		}
		// Other form types: only when the little-endian size has the
		// zero high byte of any file under 16 MB, which prose does not.
		if b[7] == 0 {
			return "RIFF media"
		}
	case hasPrefix(b, "BM") && isBMP(b):
		return "BMP image"
	case hasPrefix(b, "MZ") && len(b) >= 64:
		if off := int(binary.LittleEndian.Uint32(b[0x3c:])); off >= 64 && off+4 <= len(b) && string(b[off:off+4]) == "PE\x00\x00" {
			return "Windows executable (PE)"
		}
		if hasNUL(b[:64]) {
			return "DOS executable"
		}
	case len(b) >= 12 && b[0] == 0 && string(b[4:8]) == "ftyp":
		return ftypKind(string(b[8:12]))
	case len(b) >= 2 && b[0] == 0x78 && (b[1] == 0x01 || b[1] == 0x9c || b[1] == 0xda):
		// The three common zlib headers; 0x78 0x5e is "x^", left to text.
		return "zlib data"
	case hasPrefix(b, "BZh") && len(b) >= 10 && b[3] >= '1' && b[3] <= '9' &&
		(string(b[4:10]) == "1AY&SY" || string(b[4:10]) == "\x17rE8P\x90"):
		return "bzip2 archive"
	case hasPrefix(b, "ID3") && len(b) >= 4 && b[3] < 0x10:
		return "MP3 audio"
	case hasPrefix(b, "fLaC") && len(b) >= 5 && b[4]&0x7f == 0:
		return "FLAC audio"
	case len(b) >= 2 && b[0] == 0xff:
		// MPEG audio frame sync. 0xfe and 0xff are excluded: FF FE is the
		// UTF-16LE byte order mark.
		switch b[1] {
		case 0xfb, 0xfa, 0xf3, 0xf2, 0xe3, 0xe2:
			return "MP3 audio"
		case 0xf1, 0xf9:
			return "AAC audio"
		}
	}
	return ""
}

// isBMP checks the parts of a BMP header that text cannot have: zero
// reserved bytes and a known DIB header size.
func isBMP(b []byte) bool {
	if len(b) < 18 || binary.LittleEndian.Uint32(b[6:]) != 0 {
		return false
	}
	switch binary.LittleEndian.Uint32(b[14:]) {
	case 12, 40, 52, 56, 64, 108, 124:
		return true
	}
	return false
}

// zipKind names well-known ZIP-based formats from the first entry's name.
func zipKind(b []byte) string {
	if len(b) >= 30 && b[2] == 0x03 {
		n := int(binary.LittleEndian.Uint16(b[26:]))
		if 30+n <= len(b) {
			name := string(b[30 : 30+n])
			switch {
			case name == "[Content_Types].xml" || hasPrefixStr(name, "word/") ||
				hasPrefixStr(name, "xl/") || hasPrefixStr(name, "ppt/") || hasPrefixStr(name, "_rels/"):
				return "Office document (DOCX/XLSX/PPTX)"
			case name == "mimetype":
				return "ZIP archive (EPUB or OpenDocument)"
			case hasPrefixStr(name, "META-INF/"):
				return "JAR archive"
			}
		}
	}
	return "ZIP archive"
}

func hasPrefixStr(s, p string) bool {
	return len(s) >= len(p) && s[:len(p)] == p
}

func ftypKind(brand string) string {
	switch brand {
	case "avif", "avis":
		return "AVIF image"
	case "heic", "heix", "hevc", "mif1", "msf1":
		return "HEIF image"
	case "qt  ":
		return "QuickTime video"
	case "M4A ", "M4B ":
		return "M4A audio"
	}
	return "MP4 video"
}

func hasNUL(b []byte) bool {
	for _, c := range b {
		if c == 0 {
			return true
		}
	}
	return false
}

// headSize is how much of the input the binary checks look at.
const headSize = 8 << 10

// head is byte statistics over the first headSize bytes.
type head struct {
	n        int // bytes looked at
	nulEven  int // NUL bytes at even offsets
	nulOdd   int // NUL bytes at odd offsets
	controls int // C0 controls other than \t \n \f \r, and DEL; NUL included
}

// isControl marks the bytes counted in head.controls.
var isControl = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = true
	}
	t['\t'], t['\n'], t['\f'], t['\r'] = false, false, false, false
	t[0x7f] = true
	return t
}()

func scanHead(b []byte) head {
	if len(b) > headSize {
		b = b[:headSize]
	}
	h := head{n: len(b)}
	for i, c := range b {
		if !isControl[c] {
			continue
		}
		h.controls++
		if c == 0 {
			if i&1 == 0 {
				h.nulEven++
			} else {
				h.nulOdd++
			}
		}
	}
	return h
}

// Thresholds for calling the head binary.
const (
	// nulLimit NULs anywhere in the head make it binary: a text page may
	// carry a stray NUL or two, while compressed or random data has one
	// in 256 bytes.
	nulLimit = 8
	// nulPerByte: even fewer NULs are binary when they are at least one in
	// this many bytes, which catches short binary blobs.
	nulPerByte = 256
	// controlPercent of the head in control characters makes it binary.
	controlPercent = 10
)

// binary names why the head looks binary, or returns "".
func (h head) binary() string {
	nul := h.nulEven + h.nulOdd
	if nul >= nulLimit || nul > 0 && nul*nulPerByte >= h.n {
		return "binary data: NUL bytes"
	}
	if h.controls*100 > h.n*controlPercent {
		return "binary data: control characters"
	}
	return ""
}

// utf16 reports whether b is UTF-16 without a byte order mark, and its byte
// order. ASCII characters (spaces, digits, markup) put a NUL in every other
// byte; Arabic letters put 0x06 there, so the pattern is required in only a
// small share of code units (but at least two), and the units are then checked for the control
// characters and lone surrogates that binary data would produce.
func (h head) utf16(b []byte) (bigEndian, ok bool) {
	pairs := h.n / 2
	if pairs == 0 {
		return false, false
	}
	switch {
	case h.nulOdd >= 2 && h.nulOdd*20 >= pairs && h.nulEven*10 <= h.nulOdd:
		bigEndian = false
	case h.nulEven >= 2 && h.nulEven*20 >= pairs && h.nulOdd*10 <= h.nulEven:
		bigEndian = true
	default:
		return false, false
	}
	bad := 0
	for i := 0; i+1 < 2*pairs; i += 2 {
		u := unit16(b, i, bigEndian)
		switch {
		case u < 0x20:
			if u != '\t' && u != '\n' && u != '\f' && u != '\r' {
				bad++
			}
		case u >= 0x7f && u < 0xa0:
			bad++
		case u >= 0xdc00 && u < 0xe000:
			// A low surrogate is fine only after a high one.
			if i < 2 {
				bad++
			} else if p := unit16(b, i-2, bigEndian); p < 0xd800 || p >= 0xdc00 {
				bad++
			}
		}
	}
	return bigEndian, bad*50 <= pairs
}
