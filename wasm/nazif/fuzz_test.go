package nazif_test

import (
	"encoding/json"
	"os"
	"testing"
	"unicode/utf8"

	"github.com/nazif/nazif/wasm/nazif"
)

// FuzzExtract: no input makes Extract panic, every output string is valid
// UTF-8, and the result always marshals to JSON.
func FuzzExtract(f *testing.F) {
	for _, p := range corpus(f) {
		in, err := os.ReadFile(p.path)
		if err != nil {
			f.Fatal(err)
		}
		if len(in) > 8192 {
			in = in[len(in)/2 : len(in)/2+4096] // a slice from the middle: tags cut anywhere
		}
		f.Add(in)
	}
	f.Add([]byte("<p>قال <b>الوزير</p></b> إن<br><br>الخطة جاهزة، 12:27 - 11/06/2025</p>"))
	f.Add([]byte("عنوان\n\nالعالم | 12:27 - 11/06/2025\n\nنص الخبر الأول، وهو طويل بما يكفي ليكون فقرة.\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		a, err := nazif.Extract(in, nazif.Options{HTML: true, Markdown: true, Explain: true})
		if err != nil {
			return
		}
		for _, s := range []string{a.Title, a.Published, a.Section, a.Site, a.Author, a.Text, a.SearchText, a.HTML, a.Markdown} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in output: %q", s)
			}
		}
		if _, err := json.Marshal(a); err != nil {
			t.Fatal(err)
		}
	})
}
