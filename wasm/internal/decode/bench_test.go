package decode_test

import (
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/nazif/nazif/wasm/internal/decode"
	"golang.org/x/text/encoding/charmap"
)

// page100K is the first 100 KB of a real UTF-8 page, cut on a rune boundary.
func page100K(b *testing.B) []byte {
	p := readFile(b, filepath.Join(corpusDir, "youm7-2020-08-24.html"))
	n := 100 << 10
	for n > 0 && !utf8.RuneStart(p[n]) {
		n--
	}
	return p[:n]
}

func BenchmarkDecode(b *testing.B) {
	p := page100K(b)
	cases := []struct {
		name string
		in   []byte
	}{
		{"utf-8", p},
		{"windows-1256-sniffed", func() []byte { in, _ := encode(string(p), charmap.Windows1256); return in }()},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.in)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := decode.Decode(c.in, ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCopy is the floor for the UTF-8 fast path: one string copy.
func BenchmarkCopy(b *testing.B) {
	p := page100K(b)
	b.SetBytes(int64(len(p)))
	var s string
	for b.Loop() {
		s = string(p)
	}
	_ = s
}
