// Package naziftest makes hostile inputs for testing nazif and the hosts
// that run it. The pages are built on demand rather than committed: some
// are tens of megabytes.
package naziftest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/nazif/nazif/wasm/nazif"
)

// Gzip returns data gzipped, as a crawler may store a page.
func Gzip(data []byte) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data) // a bytes.Buffer takes every write
	w.Close()
	return b.Bytes()
}

// Outcome is what a correct cleaner makes of a hostile page.
type Outcome string

// The outcomes. Every case has exactly one.
const (
	// Article: an article whose text holds Sentence.
	Article Outcome = "article"
	// NoArticle: an article with no blocks and the warning "no article
	// body found": the page is text, but nothing in it is an article.
	NoArticle Outcome = "no_article"
	// Valid: an article or no article, as long as it is one (valid UTF-8,
	// no invented text): the page is garbage and no reading is right.
	Valid Outcome = "valid"
	// Empty: nazif.ErrEmpty.
	Empty Outcome = "empty"
	// NotText: nazif.ErrNotText.
	NotText Outcome = "not_text"
)

// Sentence is the article text the hostile pages wrap; an Article outcome
// must keep it whole.
const Sentence = "قال المتحدث إن الحكومة ستعلن التفاصيل لاحقا، وإن اللجنة تواصل عملها منذ أسابيع في العاصمة."

// Case is one hostile page.
type Case struct {
	Name string
	// Page builds the page; call it once per use, as it may be large.
	Page func() []byte
	// Want is the outcome of a correct cleaner.
	Want Outcome
}

// Normal is an ordinary page with two paragraphs, for checking that an
// engine still works after a hostile one.
const Normal = "<article><h1>عنوان الخبر</h1><p>" + Sentence + "</p><p>وأضاف أن النتائج ستنشر قريبا، وأن الوزارة ستعقد مؤتمرا صحفيا لشرح الخطة الجديدة للمواطنين.</p></article>"

// article wraps body parts around two paragraphs of Sentence, so that the
// article is long enough to be one.
func article(before, after string) []byte {
	p := "<p>" + Sentence + " " + Sentence + "</p>"
	return []byte("<html><head><title>عنوان</title></head><body>" + before + "<article>" + p + p + "</article>" + after + "</body></html>")
}

// Cases returns the hostile corpus, in a fixed order.
func Cases() []Case {
	return []Case{
		{"deep nesting (200k)", func() []byte {
			return article(strings.Repeat("<div>", 200000), "")
		}, Article},
		{"deep nesting inside the article (200k)", func() []byte {
			return []byte("<article><p>" + Sentence + " " + Sentence + strings.Repeat("<span>", 200000) + "</p></article>")
		}, Article},
		{"64 MB single line", func() []byte {
			return bytes.Repeat([]byte(Sentence+" "), 64<<20/(len(Sentence)+1))
		}, Valid},
		// Past dom.MaxNodes (262,144) nothing is read: an article behind
		// a flood of elements is lost, one before it is kept.
		{"million empty elements", func() []byte {
			return article(strings.Repeat("<i></i>", 1000000), "")
		}, NoArticle},
		{"million empty elements after the article", func() []byte {
			return article("", strings.Repeat("<i></i>", 1000000))
		}, Article},
		{"500,000 tiny paragraphs", func() []byte {
			return []byte(strings.Repeat("<p>x", 500000))
		}, NoArticle},
		// Unclosed containers each hold the rest of the page: a stage
		// that reads the text of each one costs the square of the page.
		{"nested unclosed breadcrumbs (20k)", func() []byte {
			return article("", strings.Repeat(`<div class="breadcrumb"><span><a href="/">الرئيسية</a> <span>أخبار`, 20000))
		}, Article},
		{"nested unclosed headings and bylines (20k)", func() []byte {
			return article("", strings.Repeat(`<h1>عنوان <span class="author">بقلم محرر <li class="current"><a href="/">أخبار`, 20000))
		}, Article},
		{"10 MB attribute", func() []byte {
			return article(`<div class="`+strings.Repeat("x", 10<<20)+`">`, "</div>")
		}, Article},
		{"many prose siblings (20k)", func() []byte {
			return []byte("<div>" + strings.Repeat("<div><p>"+Sentence+"</p></div>", 20000) + "</div>")
		}, Article},
		// Each line of a dump costs a line struct and its measures: 2M
		// short lines took 13 s and 600 MB before the line cap, and in
		// Node the instance's death out of memory took the process.
		{"a text dump of 500,000 short lines", func() []byte {
			return []byte(strings.Repeat("ع\n", 500000))
		}, NoArticle},
		{"line breaks only (500k)", func() []byte {
			return []byte("<body>" + strings.Repeat("<br>", 500000) + "</body>")
		}, NoArticle},
		{"unclosed comment", func() []byte {
			return article("", "<!-- "+strings.Repeat("x", 1<<20))
		}, Article},
		{"invalid UTF-8 throughout", func() []byte {
			var b bytes.Buffer
			for i, c := range []byte(string(article("", ""))) {
				b.WriteByte(c)
				if i%7 == 0 {
					b.WriteString("\xff\xc3")
				}
			}
			return b.Bytes()
		}, Valid},
		// A stray NUL or two is corruption in a text page; many in the
		// first 8 KiB make the input binary, as in WHATWG sniffing.
		{"stray NUL bytes", func() []byte {
			return article("<p>\x00</p>", "<p>\x00"+Sentence+"\x00</p>")
		}, Article},
		{"NUL flood after the head", func() []byte {
			return article(strings.Repeat("<p>مقدمة الصفحة</p>", 1000), strings.Repeat("\x00", 1<<20))
		}, Article},
		{"NUL flood", func() []byte {
			return article(strings.Repeat("\x00", 1<<20), "")
		}, NotText},
		{"byte order marks mid-text", func() []byte {
			s := strings.ReplaceAll(Sentence, " ", " \ufeff")
			return []byte("<article><p>" + s + " " + s + "</p><p>" + s + "</p></article>")
		}, Valid},
		{"bidi override flood", func() []byte {
			return article(strings.Repeat("\u202e\u2066\u200f", 200000), "<p>"+strings.Repeat("\u202e", 1000)+"</p>")
		}, Article},
		{"conflicting charset declarations", func() []byte {
			page := `<?xml version="1.0" encoding="iso-8859-6"?><html><head><meta charset="utf-8"><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><meta charset="windows-1256"></head><body><article><p>` + Sentence + " " + Sentence + "</p><p>" + Sentence + " " + Sentence + "</p></article></body></html>"
			b, err := charmap.Windows1256.NewEncoder().Bytes([]byte(page))
			if err != nil {
				panic(err)
			}
			return b
		}, Article},
		{"PNG", func() []byte {
			return append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"), bytes.Repeat([]byte{0}, 64)...)
		}, NotText},
		{"PDF", func() []byte {
			return []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\nstream\n\x78\x9c\x00\x01\xff\x00endstream\n%%EOF\n")
		}, NotText},
		{"gzip", func() []byte { return Gzip(article("", "")) }, NotText},
		{"JSON", func() []byte {
			return []byte(`{"title": "عنوان", "body": "` + Sentence + `", "tags": [1, 2, {"a": null}]}`)
		}, Valid},
		{"XML feed", func() []byte {
			return []byte(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>أخبار</title><item><title>عنوان</title><description>` + Sentence + `</description><pubDate>Wed, 11 Jun 2025 12:27:00 GMT</pubDate></item></channel></rss>`)
		}, Valid},
		// Issue 13: what reached terminals, links and databases.
		{"terminal escapes and controls in the text", func() []byte {
			esc := "\x1b]0;PWNED\x07\x1b[2J\x1b]52;c;ZXZpbA==\x07\u009b31m\x7f\x08"
			return article("<p>"+esc+"</p>", "<p>"+esc+" "+Sentence+" "+esc+"</p><h1>"+esc+"</h1>")
		}, Article},
		{"invisible format characters inside words", func() []byte {
			// Tag characters spell "hi" between the letters of a word.
			inv := "\U000E0001\U000E0068\U000E0069\u206a\u180e\ufff9\ufffb\u0600"
			mixed := strings.Replace(Sentence, "الحكومة", "الحك"+inv+"ومة", 1)
			return article("", "<p>"+mixed+" "+mixed+"</p>")
		}, Article},
		{"javascript: and data: URLs", func() []byte {
			page := string(article("", ""))
			head := `<link rel="canonical" href="javascript:alert(document.domain)"><meta property="og:url" content="JAVASCRIPT:alert(1)">` +
				`<meta property="og:image" content="data:image/svg+xml,&lt;svg onload=alert(1)&gt;">` +
				`<script type="application/ld+json">{"@type":"NewsArticle","url":"javascript:alert(2)","image":"javascript:alert(3)"}</script>`
			return []byte(strings.Replace(page, "<title>", head+"<title>", 1))
		}, Article},
		{"GFM strikethrough and table pipes in the text", func() []byte {
			return article("", "<p>~~"+Sentence+"~~ | a | b |</p><p>~~~</p>")
		}, Article},
		{"a text dump with NULs after its first 8 KiB", func() []byte {
			head := strings.Repeat(Sentence+"\n\n", 60)
			return []byte(head + "\x00" + Sentence + "\x00\n\n" + Sentence + "\n")
		}, Valid},
		{"UTF-32LE with its byte order mark", func() []byte {
			var b []byte
			for _, r := range "\ufeff" + string(article("", "")) {
				b = append(b, byte(r), byte(r>>8), byte(r>>16), byte(r>>24))
			}
			return b
		}, NotText},
		{"empty", func() []byte { return nil }, Empty},
		{"white space only", func() []byte {
			return []byte(strings.Repeat(" \t\r\n\u00a0", 1000))
		}, Empty},
		{"no article", func() []byte {
			return []byte(`<html><head><title>الرئيسية</title></head><body><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/news">أخبار</a></li><li><a href="/sport">رياضة</a></li></ul></nav><div class="share">شارك على فيسبوك تويتر واتساب</div><form><input name="q"><button>بحث</button></form><footer>جميع الحقوق محفوظة © 2025</footer></body></html>`)
		}, NoArticle},
	}
}

// Check returns an error unless a and err are the outcome want, and a is
// sound: valid UTF-8 throughout; no control character but the newline
// between blocks, and no invisible format character but the joiners that
// shape emoji and Persian words, in any text; url and image absolute http
// or https URLs or empty.
func Check(a nazif.Article, err error, want Outcome) error {
	switch want {
	case Empty, NotText:
		sentinel := map[Outcome]error{Empty: nazif.ErrEmpty, NotText: nazif.ErrNotText}[want]
		if !errors.Is(err, sentinel) {
			return fmt.Errorf("got error %v; want %v", err, sentinel)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("got error %v; want %s", err, want)
	}
	texts := append([]string{a.Title, a.Section, a.Site, a.Author, a.Description, a.Text, a.SearchText, a.HTML, a.Markdown}, a.Captions...)
	texts = append(texts, a.Warnings...)
	for _, b := range a.Blocks {
		texts = append(texts, b.Text)
	}
	for _, s := range texts {
		if !utf8.ValidString(s) {
			return fmt.Errorf("invalid UTF-8 in the output: %q", s)
		}
		for _, r := range s {
			if unicode.IsControl(r) && r != '\n' || unicode.Is(unicode.Cf, r) && r != 0x200C && r != 0x200D || r == 0xFFFE || r == 0xFFFF {
				return fmt.Errorf("the control or invisible character %U survived in %.200q", r, s)
			}
		}
	}
	for _, u := range []string{a.URL, a.Image} {
		low := strings.ToLower(u)
		if u != "" && !strings.HasPrefix(low, "http://") && !strings.HasPrefix(low, "https://") || strings.ContainsFunc(u, func(r rune) bool {
			return r <= ' ' || unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
		}) {
			return fmt.Errorf("the URL %q is not an absolute http or https one", u)
		}
	}
	// Markdown: every ~ and | is escaped, so no text turns into
	// strikethrough or a table.
	for i := 0; i < len(a.Markdown); i++ {
		if c := a.Markdown[i]; (c == '~' || c == '|') && (i == 0 || a.Markdown[i-1] != '\\') {
			return fmt.Errorf("an unescaped %q in the Markdown at byte %d", c, i)
		}
	}
	switch want {
	case Article:
		if !strings.Contains(a.Text, Sentence) {
			return fmt.Errorf("the article text %.200q… lacks the sentence", a.Text)
		}
	case NoArticle:
		if len(a.Blocks) != 0 || !slices.Contains(a.Warnings, "no article body found") {
			return fmt.Errorf("%d blocks, warnings %q; want none and \"no article body found\"", len(a.Blocks), a.Warnings)
		}
	}
	return nil
}

// CheckNormal returns an error unless a is the article of Normal.
func CheckNormal(a nazif.Article, err error) error {
	if err != nil {
		return fmt.Errorf("the normal page failed: %v", err)
	}
	if a.Title != "عنوان الخبر" || len(a.Blocks) != 2 || a.Blocks[0].Text != Sentence {
		return fmt.Errorf("the normal page gave title %q and %d blocks", a.Title, len(a.Blocks))
	}
	return nil
}
