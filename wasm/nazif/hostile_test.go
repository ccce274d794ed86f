package nazif_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/nazif/nazif/wasm/nazif"
)

// hostile pages, made here rather than committed: each must end in a typed
// error or a valid article, and the next normal page must still clean.
func hostile() map[string]string {
	sentence := "قال المتحدث إن الحكومة ستعلن التفاصيل لاحقا، وإن اللجنة تواصل عملها منذ أسابيع في العاصمة."
	return map[string]string{
		"deep nesting":      strings.Repeat("<div>", 200000) + "<p>" + sentence + "</p>",
		"million empties":   "<div>" + strings.Repeat("<i></i>", 1000000) + "<p>" + sentence + "</p></div>",
		"huge attribute":    `<div class="` + strings.Repeat("x", 10<<20) + `"><p>` + sentence + `</p></div>`,
		"many prose sibs":   "<div>" + strings.Repeat("<div><p>"+sentence+"</p></div>", 20000) + "</div>",
		"invalid utf-8":     "<p>" + strings.Repeat("\xff\xfe\xc3", 100000) + sentence + "</p>",
		"bidi flood":        "<p>" + strings.Repeat("\u202e\u2066", 200000) + sentence + "</p>",
		"single long line":  strings.Repeat(sentence+" ", 100000),
		"unclosed comment":  "<p>" + sentence + "<!-- " + strings.Repeat("x", 1<<20),
		"json":              `{"title": "عنوان", "body": "` + sentence + `"}`,
		"whitespace and br": "<body>" + strings.Repeat("<br>", 500000) + "</body>",
	}
}

func TestHostile(t *testing.T) {
	if testing.Short() {
		t.Skip("hostile pages take a few seconds")
	}
	normal := []byte("<article><h1>عنوان</h1><p>قال المتحدث إن الحكومة ستعلن التفاصيل لاحقا، وإن اللجنة تواصل عملها منذ أسابيع في العاصمة.</p><p>وأضاف أن النتائج ستنشر قريبا، وأن الوزارة ستعقد مؤتمرا صحفيا لشرح الخطة الجديدة للمواطنين.</p></article>")
	for name, page := range hostile() {
		t.Run(name, func(t *testing.T) {
			a, err := nazif.Extract([]byte(page), nazif.Options{})
			if err != nil && !errors.Is(err, nazif.ErrNotText) && !errors.Is(err, nazif.ErrEmpty) {
				t.Fatalf("untyped error: %v", err)
			}
			for _, s := range []string{a.Title, a.Text, a.SearchText} {
				if !utf8.ValidString(s) {
					t.Errorf("invalid UTF-8 in output")
				}
			}
			if strings.ContainsAny(a.Text, "\u202e\u2066") {
				t.Errorf("bidi controls survived in the text")
			}
			b, err := nazif.Extract(normal, nazif.Options{})
			if err != nil || len(b.Blocks) != 2 {
				t.Errorf("the next normal page gave %d blocks, %v", len(b.Blocks), err)
			}
		})
	}
}
