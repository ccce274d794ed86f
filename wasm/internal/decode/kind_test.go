package decode_test

import (
	"path/filepath"
	"testing"

	"github.com/nazif/nazif/wasm/internal/decode"
)

func TestKindCorpus(t *testing.T) {
	for pattern, want := range map[string]decode.Kind{"*.html": decode.HTML, "*.dump.txt": decode.Text} {
		for _, f := range corpusFiles(t, pattern) {
			got, err := decode.Decode(readFile(t, f), "")
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			if got.Kind != want {
				t.Errorf("%s: got %v; want %v", filepath.Base(f), got.Kind, want)
			}
		}
	}
}

func TestKindNegatives(t *testing.T) {
	files, err := filepath.Glob("../../../testdata/negatives/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("no negatives (err %v)", err)
	}
	for _, f := range files {
		got, err := decode.Decode(readFile(t, f), "")
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if got.Kind != decode.HTML {
			t.Errorf("%s: got %v; want html", filepath.Base(f), got.Kind)
		}
	}
}

func TestKindSnippets(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want decode.Kind
	}{
		{"doctype", "<!DOCTYPE html><title>x</title>", decode.HTML},
		{"doctype lower case, leading space", "  \n<!doctype html>\nنص", decode.HTML},
		{"html", "<html lang=ar>نص</html>", decode.HTML},
		{"HTML upper case", "<HTML>\nنص", decode.HTML},
		{"head", "<head><style>p{}</style></head>", decode.HTML},
		{"body", "<body>نص", decode.HTML},
		{"meta", `<meta charset="utf-8"><title>t</title>`, decode.HTML},
		{"comment first", "<!-- saved from url=(0014)about:internet -->\n<html>", decode.HTML},
		{"two comments first", "<!-- a --> <!-- b -->\n<!DOCTYPE html>", decode.HTML},
		{"bom then html", "\ufeff<html>", decode.HTML},
		{"xhtml", `<?xml version="1.0" encoding="utf-8"?>` + "\n" + `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html xmlns="http://www.w3.org/1999/xhtml">`, decode.HTML},
		{"xml then html", `<?xml version="1.0"?><html><body>x</body></html>`, decode.HTML},
		{"fragment", "<div class=article><p>نص أول</p><p>نص ثان</p><br/><a href=x>رابط</a></div>", decode.HTML},
		{"short fragment", "<p>نص</p>", decode.HTML},
		{"htmlfoo is not html", "<htmlfoo>text</htmlfoo>", decode.Text},
		{"other doctype", `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x"><svg></svg>`, decode.Text},
		{"rss", `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>أخبار</title><link>https://x</link><item><title>a</title><description><![CDATA[<p>x</p><p>y</p>]]></description></item></channel></rss>`, decode.Text},
		{"rss without declaration", `<rss version="2.0"><channel><title>أخبار</title><link>https://x</link><item><title>a</title><description>x</description></item></channel></rss>`, decode.Text},
		{"json object", `{"title": "عنوان", "body": "<p>نص</p><p>نص</p>"}`, decode.Text},
		{"json array", `[{"html": "<div><p>x</p></div>"}]`, decode.Text},
		{"prose mentioning a tag", "To start a paragraph, write <p> in the page. " + "This is a long explanation of markup for beginners. ", decode.Text},
		{"dump", "اليوم السابع\n\n  • الرئيسية\n  • عاجل\n\nنص الخبر.", decode.Text},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decode.Decode([]byte(tt.in), "")
			if err != nil {
				t.Fatal(err)
			}
			if got.Kind != tt.want {
				t.Errorf("got %v; want %v", got.Kind, tt.want)
			}
		})
	}
}
