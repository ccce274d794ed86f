package decode_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/nazif/nazif/wasm/internal/decode"
	"golang.org/x/text/encoding/charmap"
)

const corpusDir = "../../../testdata/corpus"

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func corpusFiles(t testing.TB, pattern string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(corpusDir, pattern))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus files match %s (err %v)", pattern, err)
	}
	return files
}

// encode writes s in a single-byte charset, unencodable runes as '?'. It
// also returns s as it should decode back.
func encode(s string, cm *charmap.Charmap) (encoded []byte, want string) {
	var sb strings.Builder
	for _, r := range s {
		c, ok := cm.EncodeRune(r)
		if !ok {
			c, r = '?', '?'
		}
		encoded = append(encoded, c)
		sb.WriteRune(r)
	}
	return encoded, sb.String()
}

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xfeff}, units...)
	}
	var b []byte
	for _, u := range units {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

func cp1256(s string) []byte {
	b, _ := encode(s, charmap.Windows1256)
	return b
}

func iso88596(s string) []byte {
	b, _ := encode(s, charmap.ISO8859_6)
	return b
}

const arabicSentence = "أعلنت وزارة الصحة المصرية اليوم تسجيل حالات جديدة في القاهرة والإسكندرية، وقالت إن الوضع مستقر."

// TestDecodeOrder checks each step of the order, and that each step beats
// the ones after it.
func TestDecodeOrder(t *testing.T) {
	page := func(meta, body string) string {
		return "<!DOCTYPE html><html><head>" + meta + "</head><body><p>" + body + "</p></body></html>"
	}
	// 0xE4 is ä in windows-1252, ن in windows-1256 and ل in iso-8859-6. Alone
	// between ASCII letters it sniffs as windows-1252.
	const lone = "x\xe4y"
	tests := []struct {
		name        string
		in          []byte
		hint        string
		wantCharset string
		wantSource  string
		wantText    string // a substring of Text
	}{
		{"bom beats hint", append([]byte("\xef\xbb\xbf"), page(`<meta charset="iso-8859-6">`, "مرحبا")...),
			"windows-1256", "utf-8", "bom", "<p>مرحبا</p>"},
		{"utf-16le bom beats hint", utf16Bytes(page("", "مرحبا"), false, true),
			"windows-1256", "utf-16le", "bom", "<p>مرحبا</p>"},
		{"utf-16be bom beats hint", utf16Bytes(page("", "مرحبا"), true, true),
			"utf-8", "utf-16be", "bom", "<p>مرحبا</p>"},
		{"hint beats meta", []byte(page(`<meta charset="iso-8859-6">`, lone)),
			"windows-1256", "windows-1256", "hint", "xنy"},
		{"hint label alias", []byte(page("", lone)), "arabic", "iso-8859-6", "hint", "xلy"},
		{"hint cp1256", []byte(page("", lone)), " CP1256 ", "windows-1256", "hint", "xنy"},
		{"unknown hint falls to meta", []byte(page(`<meta charset="iso-8859-6">`, lone)),
			"klingon", "iso-8859-6", "meta", "xلy"},
		{"meta beats sniffing", []byte(page(`<meta charset="windows-1256">`, lone)),
			"", "windows-1256", "meta", "xنy"},
		{"sniffed windows-1252", []byte(page("", lone)), "", "windows-1252", "sniffed", "xäy"},
		{"sniffed windows-1256", append([]byte("<p>"), cp1256(arabicSentence)...),
			"", "windows-1256", "sniffed", arabicSentence},
		{"sniffed iso-8859-6", append([]byte("<p>"), iso88596(arabicSentence)...),
			"", "iso-8859-6", "sniffed", arabicSentence},
		{"sniffed utf-8", []byte(page("", "مرحبا")), "", "utf-8", "sniffed", "مرحبا"},
		{"ascii default", []byte(page("", "hello")), "", "utf-8", "default", "hello"},
		{"utf8 hint", []byte(page("", "مرحبا")), "utf8", "utf-8", "hint", "مرحبا"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decode.Decode(tt.in, tt.hint)
			if err != nil {
				t.Fatal(err)
			}
			if got.Charset != tt.wantCharset || got.Source != tt.wantSource {
				t.Errorf("got %q from %q; want %q from %q", got.Charset, got.Source, tt.wantCharset, tt.wantSource)
			}
			if !strings.Contains(got.Text, tt.wantText) {
				t.Errorf("got %q; want it to contain %q", got.Text, tt.wantText)
			}
		})
	}
}

func TestDecodePrescan(t *testing.T) {
	const body = "<p>x\xe4y</p>"
	tests := []struct {
		name string
		head string
		want string // the charset; windows-1252 means no usable declaration
	}{
		{"double quotes", `<meta charset="windows-1256">`, "windows-1256"},
		{"no quotes", `<meta charset=windows-1256>`, "windows-1256"},
		{"single quotes", `<meta charset='windows-1256'>`, "windows-1256"},
		{"upper case", `<META CHARSET="WINDOWS-1256">`, "windows-1256"},
		{"spaces around =", `<meta charset = "windows-1256" >`, "windows-1256"},
		{"self-closing", `<meta charset="windows-1256"/>`, "windows-1256"},
		{"slash after meta", `<meta/charset="windows-1256">`, "windows-1256"},
		{"http-equiv", `<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">`, "windows-1256"},
		{"http-equiv upper case", `<META HTTP-EQUIV="CONTENT-TYPE" CONTENT="TEXT/HTML; CHARSET=WINDOWS-1256">`, "windows-1256"},
		{"content before http-equiv", `<meta content="text/html; charset=windows-1256" http-equiv="content-type">`, "windows-1256"},
		{"content single quotes, quoted charset", `<meta content='text/html;charset="windows-1256"' http-equiv='Content-Type'>`, "windows-1256"},
		{"content without type", `<meta http-equiv="Content-Type" content="charset=windows-1256">`, "windows-1256"},
		{"charset after other attributes", `<meta name="generator" content="x" charset="cp1256">`, "windows-1256"},
		{"content without http-equiv", `<meta content="text/html; charset=windows-1256">`, "windows-1252"},
		{"other http-equiv", `<meta http-equiv="refresh" content="5; charset=windows-1256">`, "windows-1252"},
		{"inside comment", `<!-- <meta charset="windows-1256"> -->`, "windows-1252"},
		{"after comment", `<!-- <meta charset="iso-8859-6"> --><meta charset="windows-1256">`, "windows-1256"},
		{"after tag with > in attribute", `<div title="a>b <meta charset=iso-8859-6>"><meta charset="windows-1256">`, "windows-1256"},
		{"unknown label skipped", `<meta charset="bogus"><meta charset="windows-1256">`, "windows-1256"},
		{"first declaration wins", `<meta charset="windows-1256"><meta charset="iso-8859-6">`, "windows-1256"},
		{"alias arabic", `<meta charset="arabic">`, "iso-8859-6"},
		{"iso-8859-1 is windows-1252", `<meta charset="iso-8859-1">`, "windows-1252"},
		{"x-user-defined is windows-1252", `<meta charset="x-user-defined">`, "windows-1252"},
		{"utf-16 means utf-8", `<meta charset="utf-16">`, "utf-8"},
		{"xml declaration", `<?xml version="1.0" encoding="windows-1256"?>`, "windows-1256"},
		{"xml declaration single quotes", `<?xml version='1.0' encoding='ISO-8859-6' ?>`, "iso-8859-6"},
		{"meta past 1024 bytes", "<html>" + strings.Repeat(" ", 1100) + `<meta charset="windows-1256">`, "windows-1252"},
		{"meta straddling 1024 bytes", "<html>" + strings.Repeat(" ", 1000) + `<meta charset="windows-1256">`, "windows-1252"},
		{"meta just inside 1024 bytes", "<html>" + strings.Repeat(" ", 980) + `<meta charset="windows-1256">`, "windows-1256"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decode.Decode([]byte(tt.head+body), "")
			if err != nil {
				t.Fatal(err)
			}
			if got.Charset != tt.want {
				t.Errorf("got %q (source %q); want %q", got.Charset, got.Source, tt.want)
			}
			wantSource := "meta"
			if tt.want == "windows-1252" && !strings.Contains(tt.head, "8859-1") && !strings.Contains(tt.head, "x-user") {
				wantSource = "sniffed"
			}
			if got.Source != wantSource {
				t.Errorf("got source %q; want %q", got.Source, wantSource)
			}
		})
	}
}

func TestDecodeMislabel(t *testing.T) {
	utf8Page := "<html><head><meta charset=\"windows-1256\"></head><body>" + arabicSentence + "</body></html>"
	tests := []struct {
		name        string
		in          []byte
		hint        string
		wantCharset string
		wantText    string
		wantWarning string
		wantReplace int
	}{
		{"hint iso-8859-1 but utf-8", []byte(arabicSentence), "iso-8859-1", "utf-8", arabicSentence,
			"declared charset iso-8859-1 ignored: bytes are valid UTF-8", 0},
		{"meta windows-1256 but utf-8", []byte(utf8Page), "", "utf-8", arabicSentence,
			"declared charset windows-1256 ignored: bytes are valid UTF-8", 0},
		{"hint utf-8 but windows-1256", cp1256(arabicSentence), "utf-8", "windows-1256", arabicSentence,
			"declared charset utf-8 ignored: bytes are not valid UTF-8 and read as windows-1256", 0},
		{"meta utf-8 but iso-8859-6", append([]byte(`<meta charset="UTF-8">`), iso88596(arabicSentence)...), "",
			"iso-8859-6", arabicSentence,
			"declared charset utf-8 ignored: bytes are not valid UTF-8 and read as iso-8859-6", 0},
		{"hint latin1 but windows-1256", cp1256(arabicSentence), "latin1", "windows-1256", arabicSentence,
			"declared charset latin1 ignored: bytes read as windows-1256 Arabic", 0},
		{"hint utf-8, mostly valid, stays utf-8", []byte(arabicSentence + "\xd8"), "utf-8", "utf-8", arabicSentence + "\uFFFD",
			"1 invalid byte sequence replaced with U+FFFD", 1},
		{"hint utf-8, latin bytes, stays utf-8", []byte("caf\xe9 cr\xe8me"), "utf-8", "utf-8", "caf\uFFFD cr\uFFFDme",
			"2 invalid byte sequences replaced with U+FFFD", 2},
		{"hint windows-1256 is kept for iso-8859-6 bytes", iso88596("مرحبا"), "windows-1256", "windows-1256", "",
			"", 0},
		{"hint utf-16le without the pattern", []byte(arabicSentence), "utf-16le", "utf-8", arabicSentence,
			"declared charset utf-16le ignored: bytes are not UTF-16", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decode.Decode(tt.in, tt.hint)
			if err != nil {
				t.Fatal(err)
			}
			if got.Charset != tt.wantCharset {
				t.Errorf("got charset %q; want %q", got.Charset, tt.wantCharset)
			}
			if !strings.Contains(got.Text, tt.wantText) {
				t.Errorf("got %q; want it to contain %q", got.Text, tt.wantText)
			}
			if tt.wantWarning == "" && len(got.Warnings) > 0 {
				t.Errorf("got warnings %q; want none", got.Warnings)
			}
			if tt.wantWarning != "" && !slices.Contains(got.Warnings, tt.wantWarning) {
				t.Errorf("got warnings %q; want %q", got.Warnings, tt.wantWarning)
			}
			if got.Replaced != tt.wantReplace {
				t.Errorf("got Replaced %d; want %d", got.Replaced, tt.wantReplace)
			}
		})
	}
}

// TestDecodeInvalidUTF8 checks that invalid sequences become U+FFFD exactly
// as Go's range over a string reads them.
func TestDecodeInvalidUTF8(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want int
	}{
		{"valid", "نص", 0},
		{"literal U+FFFD is not counted", "a\uFFFDb", 0},
		{"stray continuation", "a\x80b", 1},
		{"0xFF", "\xffنص", 1},
		{"truncated 2-byte at end", "نص\xd8", 1},
		{"truncated 3-byte", "a\xe4\xb8b", 2},
		{"overlong slash", "\xc0\xaf", 2},
		{"surrogate", "\xed\xa0\x80", 3},
		{"above U+10FFFF", "\xf4\x90\x80\x80", 4},
		{"several", "\xffنص\xfe\xd8 x \x80\x80", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decode.Decode([]byte(tt.in), "utf-8")
			if err != nil {
				t.Fatal(err)
			}
			if got.Replaced != tt.want {
				t.Errorf("got Replaced %d; want %d", got.Replaced, tt.want)
			}
			if want := string([]rune(tt.in)); got.Text != want {
				t.Errorf("got %q; want %q", got.Text, want)
			}
		})
	}
}

func TestDecodeUTF16(t *testing.T) {
	html := "<!DOCTYPE html><html><body><p>" + arabicSentence + "</p></body></html>"
	text := arabicSentence + "\n" + arabicSentence + " 😀"
	tests := []struct {
		name      string
		s         string
		bigEndian bool
		bom       bool
		hint      string
		want      string
		source    string
	}{
		{"html le bom", html, false, true, "", "utf-16le", "bom"},
		{"html be bom", html, true, true, "", "utf-16be", "bom"},
		{"html le", html, false, false, "", "utf-16le", "sniffed"},
		{"html be", html, true, false, "", "utf-16be", "sniffed"},
		{"text le", text, false, false, "", "utf-16le", "sniffed"},
		{"text be", text, true, false, "", "utf-16be", "sniffed"},
		{"text le with hint", text, false, false, "utf-16", "utf-16le", "hint"},
		{"text be with wrong hint", text, true, false, "utf-16le", "utf-16be", "sniffed"},
		{"text be with hint and meta-like bytes", text, true, false, "windows-1256", "utf-16be", "sniffed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decode.Decode(utf16Bytes(tt.s, tt.bigEndian, tt.bom), tt.hint)
			if err != nil {
				t.Fatal(err)
			}
			if got.Text != tt.s {
				t.Errorf("got %q; want %q", got.Text, tt.s)
			}
			if got.Charset != tt.want || got.Source != tt.source {
				t.Errorf("got %q from %q; want %q from %q", got.Charset, got.Source, tt.want, tt.source)
			}
			if got.Replaced != 0 {
				t.Errorf("got Replaced %d; want 0", got.Replaced)
			}
		})
	}
}

func TestDecodeUTF16Invalid(t *testing.T) {
	tests := []struct {
		name     string
		in       []byte
		want     string
		replaced int
	}{
		{"lone high surrogate", []byte("\xff\xfea\x00\x00\xd8b\x00"), "a\uFFFDb", 1},
		{"lone low surrogate", []byte("\xff\xfea\x00\x00\xdcb\x00"), "a\uFFFDb", 1},
		{"odd trailing byte", []byte("\xfe\xff\x00a\x00b\x06"), "ab\uFFFD", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decode.Decode(tt.in, "")
			if err != nil {
				t.Fatal(err)
			}
			if got.Text != tt.want || got.Replaced != tt.replaced {
				t.Errorf("got %q (%d replaced); want %q (%d)", got.Text, got.Replaced, tt.want, tt.replaced)
			}
		})
	}
}

func TestDecodeEmpty(t *testing.T) {
	for _, in := range []string{"", " ", "\r\n\t \f\v", "\xef\xbb\xbf", "\xef\xbb\xbf \n", "\xff\xfe \x00\n\x00", "\u00a0\u2003 ", "\ufeff"} {
		_, err := decode.Decode([]byte(in), "")
		if !errors.Is(err, decode.ErrEmpty) {
			t.Errorf("Decode(%q): got %v; want ErrEmpty", in, err)
		}
	}
}

func TestDecodeNotText(t *testing.T) {
	pad := func(b string) []byte { return append([]byte(b), make([]byte, 64)...) }
	pe := make([]byte, 256)
	copy(pe, "MZ\x90\x00")
	pe[0x3c] = 0x80
	copy(pe[0x80:], "PE\x00\x00")
	zipEntry := func(name string) []byte {
		b := make([]byte, 30)
		copy(b, "PK\x03\x04")
		b[26] = byte(len(name))
		return append(append(b, name...), make([]byte, 16)...)
	}
	random := make([]byte, 4096)
	x := uint32(2463534242)
	for i := range random {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		random[i] = byte(x)
	}
	random[0] = '<' // no signature
	controls := []byte(strings.Repeat("abc\x01\x02\x1b", 100))

	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"png", pad("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "PNG image"},
		{"jpeg", pad("\xff\xd8\xff\xe0\x00\x10JFIF"), "JPEG image"},
		{"gif87a", pad("GIF87a"), "GIF image"},
		{"gif89a", pad("GIF89a"), "GIF image"},
		{"webp", pad("RIFF\x24\x00\x00\x00WEBPVP8 "), "WebP image"},
		{"wav", pad("RIFF\x24\x00\x00\x00WAVEfmt "), "WAV audio"},
		{"riff other", pad("RIFF\x24\x00\x00\x00CDXA"), "RIFF media"},
		{"bmp", pad("BM\x36\x00\x0c\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00\x00\x00"), "BMP image"},
		{"ico", pad("\x00\x00\x01\x00\x01\x00"), "ICO image"},
		{"tiff", pad("II*\x00\x08\x00"), "TIFF image"},
		{"pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "PDF document"},
		{"gzip", pad("\x1f\x8b\x08\x00"), "gzip archive"},
		{"zlib", pad("\x78\x9c\xcbH"), "zlib data"},
		{"zip", zipEntry("data.txt"), "ZIP archive"},
		{"docx", zipEntry("[Content_Types].xml"), "Office document (DOCX/XLSX/PPTX)"},
		{"docx word/", zipEntry("word/document.xml"), "Office document (DOCX/XLSX/PPTX)"},
		{"epub", zipEntry("mimetype"), "ZIP archive (EPUB or OpenDocument)"},
		{"empty zip", pad("PK\x05\x06"), "ZIP archive"},
		{"7z", pad("7z\xbc\xaf\x27\x1c\x00\x04"), "7z archive"},
		{"bzip2", pad("BZh91AY&SY"), "bzip2 archive"},
		{"xz", pad("\xfd7zXZ\x00\x00"), "xz archive"},
		{"zstd", pad("\x28\xb5\x2f\xfd\x04"), "zstd archive"},
		{"rar", pad("Rar!\x1a\x07\x01\x00"), "RAR archive"},
		{"wasm", pad("\x00asm\x01\x00\x00\x00"), "WebAssembly module"},
		{"elf", pad("\x7fELF\x02\x01\x01"), "ELF executable"},
		{"mach-o", pad("\xcf\xfa\xed\xfe\x07\x00\x00\x01"), "Mach-O executable"},
		{"mach-o fat", pad("\xca\xfe\xba\xbe\x00\x00\x00\x02"), "Mach-O universal binary or Java class"},
		{"pe", pe, "Windows executable (PE)"},
		{"mp4", pad("\x00\x00\x00\x20ftypisom\x00\x00\x02\x00"), "MP4 video"},
		{"avif", pad("\x00\x00\x00\x1cftypavif"), "AVIF image"},
		{"ogg", pad("OggS\x00\x02"), "Ogg media"},
		{"mp3 id3", pad("ID3\x04\x00\x00"), "MP3 audio"},
		{"mp3 frame", pad("\xff\xfb\x90\x64"), "MP3 audio"},
		{"flac", pad("fLaC\x00\x00\x00\x22"), "FLAC audio"},
		{"webm", pad("\x1a\x45\xdf\xa3\x9f"), "Matroska/WebM video"},
		{"sqlite", pad("SQLite format 3\x00"), "SQLite database"},
		{"woff2", pad("wOF2\x00\x01\x00\x00"), "WOFF2 font"},
		{"ole2", pad("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), "OLE2 document (DOC/XLS/PPT)"},
		{"random bytes", random, "binary data: NUL bytes"},
		{"few NULs in short input", []byte("<p>hello\x00</p>"), "binary data: NUL bytes"},
		{"control characters", controls, "binary data: control characters"},
		{"control characters after utf-8 bom", append([]byte("\xef\xbb\xbf"), controls...), "binary data: control characters"},
		{"utf-32le", []byte("\xff\xfe\x00\x00<\x00\x00\x00p\x00\x00\x00>\x00\x00\x00'\x06\x00\x00"), "UTF-32 text"},
		{"utf-32be", []byte("\x00\x00\xfe\xff\x00\x00\x00<\x00\x00\x00p\x00\x00\x00>\x00\x00\x06'"), "UTF-32 text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decode.Decode(tt.in, "")
			if !errors.Is(err, decode.ErrNotText) {
				t.Fatalf("got %v; want ErrNotText", err)
			}
			if want := "nazif: input is not text (" + tt.want + ")"; err.Error() != want {
				t.Errorf("got %q; want %q", err.Error(), want)
			}
		})
	}
}

// TestDecodeTextLookingLikeMagic checks that text opening with the ASCII
// part of a weak signature is still text.
func TestDecodeTextLookingLikeMagic(t *testing.T) {
	for _, in := range []string{
		"BMW and Mercedes report record sales in the Gulf this year.",
		"MZ is the code of the Mozambique national team, which won again on Sunday night.",
		"x^2 + y^2 = z^2 is the equation discussed in this article today.",
		"RIFFs between the two parties grew after the vote in parliament.",
		"ID3 tags are metadata in MP3 files.",
		"BZh9 is not a real word.",
		"fLaC is an audio format.",
		"OggS is a page marker.",
		"Stray NUL\x00 in a long page " + strings.Repeat("with plenty of ordinary text ", 40),
		"Tab\tseparated\tvalues\fwith form feeds\r\n",
	} {
		got, err := decode.Decode([]byte(in), "")
		if err != nil {
			t.Errorf("Decode(%q): %v", in, err)
			continue
		}
		if got.Text != in {
			t.Errorf("got %q; want %q", got.Text, in)
		}
	}
}

func TestDecodeFastPathNoWarnings(t *testing.T) {
	for _, f := range corpusFiles(t, "*.html") {
		b := readFile(t, f)
		got, err := decode.Decode(b, "")
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if got.Text != string(b) || got.Charset != "utf-8" || got.Source != "meta" || got.Replaced != 0 || len(got.Warnings) != 0 {
			t.Errorf("%s: got %q from %q, %d replaced, warnings %q; want utf-8 from meta, unchanged",
				filepath.Base(f), got.Charset, got.Source, got.Replaced, got.Warnings)
		}
	}
}

func TestKindString(t *testing.T) {
	if got := decode.HTML.String(); got != "html" {
		t.Errorf("got %q; want %q", got, "html")
	}
	if got := decode.Text.String(); got != "text" {
		t.Errorf("got %q; want %q", got, "text")
	}
}

// TestDecodeSniffLatin checks that Western text without a declaration stays
// windows-1252, although some of its letters (ä ö ß) are Arabic letters in
// windows-1256.
func TestDecodeSniffLatin(t *testing.T) {
	for _, s := range []string{
		"Grüße aus München: schöne Straßen, hübsche Häuser und köstliches Essen.",
		"Le ministère a annoncé des mesures après la réunion du comité à Genève.",
		"El señor Muñoz llegó a la reunión en Málaga después de la votación.",
	} {
		in, want := encode(s, charmap.Windows1252)
		got, err := decode.Decode(in, "")
		if err != nil {
			t.Fatal(err)
		}
		if got.Charset != "windows-1252" || got.Text != want {
			t.Errorf("got %q as %q; want %q as windows-1252", got.Text, got.Charset, want)
		}
	}
}
