package decode

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzDecode: any bytes and any hint give ErrEmpty, ErrNotText or valid
// UTF-8 text; the text grows at most threefold (one U+FFFD per byte is the
// worst case), so decoding costs linear time and memory; the same call
// gives the same result; and valid UTF-8 without NULs, a mark or a hint
// comes out unchanged.
func FuzzDecode(f *testing.F) {
	pages, _ := filepath.Glob("../../../testdata/corpus/*.html")
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b[:min(len(b), 2048)], "")
	}
	f.Add([]byte("<meta charset=windows-1256><p>\xe3\xc7 \xd1"), "")
	f.Add([]byte("<?xml version='1.0' encoding='iso-8859-6'?><a>\xc7</a>"), "utf-8")
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00'\x06"), "")
	f.Add([]byte("\xef\xbb\xbf\xef\xbb\xbfنص"), "latin1")
	f.Add([]byte("\x89PNG\r\n\x1a\n"), "")
	f.Add([]byte(" \t\n"), "")
	f.Fuzz(func(t *testing.T, b []byte, hint string) {
		r, err := Decode(b, hint)
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrNotText) {
				t.Fatalf("untyped error %v", err)
			}
			if r.Text != "" {
				t.Fatalf("error %v with text %q", err, r.Text)
			}
			return
		}
		if !utf8.ValidString(r.Text) {
			t.Fatalf("invalid UTF-8 out: %q", r.Text)
		}
		if len(r.Text) > 3*len(b)+3 {
			t.Fatalf("%d bytes in, %d bytes of text out", len(b), len(r.Text))
		}
		if isBlankText(r.Text) {
			t.Fatalf("blank text %q without ErrEmpty", r.Text)
		}
		if r.Charset == "" || r.Source == "" {
			t.Fatalf("charset %q, source %q", r.Charset, r.Source)
		}
		again, err := Decode(b, hint)
		if err != nil || again.Text != r.Text || again.Charset != r.Charset || again.Kind != r.Kind {
			t.Fatalf("a second call differs: %v", err)
		}
		if hint == "" && utf8.Valid(b) && !strings.ContainsRune(string(b), 0) && !strings.HasPrefix(string(b), "\ufeff") && r.Text != string(b) {
			t.Fatalf("valid UTF-8 changed: %q → %q (%s from %s)", b, r.Text, r.Charset, r.Source)
		}
	})
}
