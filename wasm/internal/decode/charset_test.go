package decode

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
)

// These tests hold the local label table and encodingFor to exactly what
// golang.org/x/text/encoding/htmlindex does. Tests may import htmlindex:
// they are not linked into the WebAssembly module.

// htmlindexLabels returns the keys of htmlindex's nameMap, read from its
// source, independently of gen.go's parse.
func htmlindexLabels(t *testing.T) []string {
	t.Helper()
	const pkg = "golang.org/x/text/encoding/htmlindex"
	out, err := exec.Command("go", "list", "-f", "{{.Dir}}", pkg).Output()
	if err != nil {
		t.Fatalf("go list %s: %v (the test needs the go command on PATH)", pkg, err)
	}
	path := filepath.Join(strings.TrimSpace(string(out)), "tables.go")
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, s := range gd.Specs {
			vs := s.(*ast.ValueSpec)
			if vs.Names[0].Name != "nameMap" {
				continue
			}
			for _, e := range vs.Values[0].(*ast.CompositeLit).Elts {
				k, err := strconv.Unquote(e.(*ast.KeyValueExpr).Key.(*ast.BasicLit).Value)
				if err != nil {
					t.Fatal(err)
				}
				keys = append(keys, k)
			}
		}
	}
	if len(keys) < 200 {
		t.Fatalf("found %d labels in %s; htmlindex changed layout, update this test and gen.go", len(keys), path)
	}
	return keys
}

func TestLabelsAreHTMLIndexLabels(t *testing.T) {
	want := htmlindexLabels(t)
	slices.Sort(want)
	var got []string
	for _, e := range labels {
		got = append(got, e.label)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("tables.go has %d labels, htmlindex %d, or they differ: run go generate in wasm/internal/decode", len(got), len(want))
	}
	for i := 1; i < len(labels); i++ {
		if labels[i-1].label >= labels[i].label {
			t.Errorf("labels not strictly sorted at %q, %q: binary search would miss", labels[i-1].label, labels[i].label)
		}
	}
}

func TestLookupLabelMatchesHTMLIndex(t *testing.T) {
	for _, l := range htmlindexLabels(t) {
		enc, err := htmlindex.Get(l)
		if err != nil {
			t.Fatalf("htmlindex.Get(%q): %v", l, err)
		}
		wantName, err := htmlindex.Name(enc)
		if err != nil {
			t.Fatalf("htmlindex.Name for %q: %v", l, err)
		}
		name, ok := lookupLabel(l)
		if !ok || name != wantName {
			t.Errorf("lookupLabel(%q) = %q, %v; htmlindex says %q", l, name, ok, wantName)
			continue
		}
		mine := encodingFor(name)
		if mine == nil {
			t.Errorf("encodingFor(%q) = nil, want htmlindex's encoding", name)
			continue
		}
		if mine != enc {
			t.Errorf("encodingFor(%q) is not the encoding htmlindex.Get(%q) returns", name, l)
		}
		assertSameDecoding(t, name, mine, enc)
	}
}

// decodeSamples are byte strings whose decoding tells encodings apart:
// every byte, every two-byte sequence with a high lead byte, and
// multi-byte and escape sequences of each legacy family.
var decodeSamples = func() [][]byte {
	var all, pairs []byte
	for c := 0; c < 256; c++ {
		all = append(all, byte(c))
		if c >= 0x80 {
			for d := 0x30; d < 256; d++ {
				pairs = append(pairs, byte(c), byte(d))
			}
		}
	}
	s := [][]byte{all, pairs}
	for _, v := range []string{
		"\xe4\xb8\xad\xd8\xb9\xf0\x9f\x98\x80\xc0\xaf\xed\xa0\x80",             // UTF-8, overlong, surrogate
		"a\x00\x3d\xd8\x00\xde\x00\xdc\x00",                                    // UTF-16 with pairs and a lone surrogate
		"\x82\xa0\x88\x9f\xb1\xfc\xfc\x81",                                     // Shift_JIS
		"\xa4\xa2\x8e\xb1\x8f\xb0\xa1\x8f\xa2",                                 // EUC-JP: kana, half-width, JIS X 0212, truncated
		"\x1b$B0!\x1b(J\\\x1b(I1\x1b(B\x1b$@\x1b$",                             // ISO-2022-JP escapes, one cut short
		"\xc4\xe3\xba\xc3\x80\x81\x30\x81\x30\x84\x31\xa4\x39\xe3\x32\x9a\x35", // GBK, GB18030 four-byte
		"\xa4\x40\xc6\xa1\x87\x40\xfe\xfe\x88\x62\x88\x64",                     // Big5, HKSCS
		"\xb0\xa1\x81\x41\xc8\xfe\xa1",                                         // EUC-KR, UHC, truncated
	} {
		s = append(s, []byte(v))
	}
	return s
}()

func assertSameDecoding(t *testing.T, name string, mine, theirs encoding.Encoding) {
	t.Helper()
	for i, in := range decodeSamples {
		got, gotErr := mine.NewDecoder().Bytes(in)
		want, wantErr := theirs.NewDecoder().Bytes(in)
		if !bytes.Equal(got, want) || (gotErr == nil) != (wantErr == nil) {
			t.Errorf("%s: sample %d decodes to %q (err %v), htmlindex's to %q (err %v)", name, i, got, gotErr, want, wantErr)
		}
	}
}

func TestLookupLabelNormalisesAsHTMLIndex(t *testing.T) {
	for _, s := range []string{
		"", " ", "UTF-8", "Utf8", " windows-1256 ", "\tCP1256\n", "\r\nArabic\f",
		"\u00a0iso-8859-6\u2003", // Unicode white space, trimmed by strings.TrimSpace
		"\u212Aoi8-r",            // KELVIN SIGN lower-cases to k
		"LATIN1", "x-user-defined", "X-USER-DEFINED", "ISO-2022-KR", "utf-16", "UTF-16BE",
		"utf 8", "utf-8\x00", "windows-1256;", "'utf-8'", "bogus", "zzzz", "0", "866 ",
		"\u0130so-8859-9", // LATIN CAPITAL I WITH DOT lower-cases to two runes
	} {
		name, ok := lookupLabel(s)
		enc, err := htmlindex.Get(s)
		if ok != (err == nil) {
			t.Errorf("lookupLabel(%q) found = %v, htmlindex.Get err = %v", s, ok, err)
			continue
		}
		if !ok {
			continue
		}
		if want, _ := htmlindex.Name(enc); name != want {
			t.Errorf("lookupLabel(%q) = %q, htmlindex says %q", s, name, want)
		}
	}
}

// FuzzLookupLabel checks lookupLabel against htmlindex.Get on arbitrary
// strings; go test runs the seeds, go test -fuzz explores.
func FuzzLookupLabel(f *testing.F) {
	for _, e := range labels {
		f.Add(e.label)
		f.Add(" " + strings.ToUpper(e.label) + "\t")
	}
	f.Add("\u212Aoi8-u")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		name, ok := lookupLabel(s)
		enc, err := htmlindex.Get(s)
		if ok != (err == nil) {
			t.Fatalf("lookupLabel(%q) found = %v, htmlindex.Get err = %v", s, ok, err)
		}
		if !ok {
			return
		}
		if want, _ := htmlindex.Name(enc); name != want {
			t.Fatalf("lookupLabel(%q) = %q, htmlindex says %q", s, name, want)
		}
		if encodingFor(name) != enc {
			t.Fatalf("encodingFor(%q) is not htmlindex.Get(%q)", name, s)
		}
	})
}

// TestDecodeWithEveryLabel runs Decode with each label as the hint: every
// label but replacement's (and UTF-16's, which need UTF-16 bytes) must be
// used as declared, under the name htmlindex gives it.
func TestDecodeWithEveryLabel(t *testing.T) {
	in := []byte("<p>plain ascii</p>")
	for _, e := range labels {
		r, err := Decode(in, strings.ToUpper(e.label))
		if err != nil {
			t.Fatalf("Decode with hint %q: %v", e.label, err)
		}
		switch e.name {
		case "replacement":
			if r.Source == sourceHint || len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], "unsupported charset") {
				t.Errorf("hint %q: source %s, warnings %q; want it ignored as unsupported", e.label, r.Source, r.Warnings)
			}
		case nameUTF16LE, nameUTF16BE:
			if r.Source == sourceHint {
				t.Errorf("hint %q used for bytes that are not UTF-16", e.label)
			}
		default:
			if r.Charset != e.name || r.Source != sourceHint {
				t.Errorf("hint %q: charset %s from %s, want %s from hint", e.label, r.Charset, r.Source, e.name)
			}
		}
	}
}
