package decode_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/nazif/nazif/wasm/internal/decode"
	"golang.org/x/text/encoding/charmap"
)

// charsetDecl matches the utf-8 declarations in the corpus pages' <meta>s.
var charsetDecl = regexp.MustCompile(`(?i)charset=("?)utf-8`)

// TestDecodeArabicRoundTrip re-encodes real Arabic pages in the legacy code
// pages and checks that Decode restores the text, with the <meta> rewritten
// to the new charset and with it removed, so that sniffing must find it.
func TestDecodeArabicRoundTrip(t *testing.T) {
	pages := []string{"youm7-2020-08-24.html", "assabah-2019-02-08.html"}
	charsets := []struct {
		cm   *charmap.Charmap
		name string
	}{
		{charmap.Windows1256, "windows-1256"},
		{charmap.ISO8859_6, "iso-8859-6"},
	}
	for _, page := range pages {
		orig := string(readFile(t, filepath.Join(corpusDir, page)))
		for _, cs := range charsets {
			for _, meta := range []bool{true, false} {
				name := page + "/" + cs.name + "/sniffed"
				repl, wantSource := "", "sniffed"
				if meta {
					name = page + "/" + cs.name + "/meta"
					repl, wantSource = "charset=${1}"+cs.name, "meta"
				}
				t.Run(name, func(t *testing.T) {
					src := charsetDecl.ReplaceAllString(orig, repl)
					if src == orig {
						t.Fatal("no charset declaration to rewrite")
					}
					in, want := encode(src, cs.cm)
					got, err := decode.Decode(in, "")
					if err != nil {
						t.Fatal(err)
					}
					if got.Charset != cs.name || got.Source != wantSource {
						t.Errorf("got %q from %q; want %q from %q", got.Charset, got.Source, cs.name, wantSource)
					}
					if got.Text != want {
						t.Errorf("text differs at byte %d: got %q; want %q", firstDiff(got.Text, want),
							excerpt(got.Text, firstDiff(got.Text, want)), excerpt(want, firstDiff(got.Text, want)))
					}
					if got.Replaced != 0 {
						t.Errorf("got Replaced %d; want 0", got.Replaced)
					}
					if got.Kind != decode.HTML {
						t.Errorf("got kind %v; want html", got.Kind)
					}
				})
			}
		}
	}
}

func firstDiff(a, b string) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

func excerpt(s string, i int) string {
	return strings.ToValidUTF8(s[max(0, i-20):min(len(s), i+20)], "·")
}
