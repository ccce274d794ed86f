package main

// standalone.go writes `nazif clean -f html -standalone`: the reader-view
// fragment as a whole document that a browser opens from disk and shows
// as the reader view does: right to left, in its charset, with the
// package's article.css inlined, and a link to the source.

import (
	"html"
	"io/fs"
	"net/url"
	"strings"

	nazifjs "github.com/nazif/nazif/wasm/js"
	"github.com/nazif/nazif/wasm/nazif"
)

// standaloneCSP lets the page show its inlined styles and the article's
// images, and nothing else: no script, no fetch, no form, no frame. The
// fragment holds no script by construction; this holds even if it did.
const standaloneCSP = "default-src 'none'; style-src 'unsafe-inline'; img-src http: https:; base-uri 'none'; form-action 'none'"

// sourceLabels names the source link by Article.Lang.
var sourceLabels = map[string]string{"ar": "المصدر", "fa": "منبع", "ur": "ماخذ"}

// articleCSS is the JS package's stylesheet, read once: it is embedded.
var articleCSS = func() string {
	b, err := fs.ReadFile(nazifjs.Files, "article.css")
	if err != nil {
		panic("nazif: article.css is not embedded: " + err.Error()) // a build defect, not an input's
	}
	return string(b)
}()

// standaloneHTML is a's reader view as a document. a.HTML must be set
// (Options.HTML). The language and direction are the article's, so that
// an English page reads left to right.
func standaloneHTML(a nazif.Article) []byte {
	lang := a.Lang
	if lang == "other" || lang == "" {
		lang = "en"
	}
	dir := "rtl"
	if a.Dir == "ltr" {
		dir = "ltr"
	}
	title := a.Title
	if strings.TrimSpace(title) == "" {
		title = "nazif"
	}
	var b strings.Builder
	b.Grow(len(a.HTML) + len(articleCSS) + 1024)
	b.WriteString("<!DOCTYPE html>\n<html lang=\"" + lang + "\" dir=\"" + dir + "\">\n<head>\n")
	b.WriteString("<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<meta http-equiv=\"Content-Security-Policy\" content=\"" + standaloneCSP + "\">\n")
	b.WriteString("<meta name=\"referrer\" content=\"no-referrer\">\n")
	b.WriteString("<meta name=\"generator\" content=\"nazif\">\n")
	b.WriteString("<title>" + html.EscapeString(title) + "</title>\n")
	b.WriteString("<style>\n" + articleCSS + "</style>\n</head>\n<body>\n<main class=\"nazif-page nazif-html\">\n")
	b.WriteString(a.HTML)
	if a.URL != "" {
		// a.URL is an absolute http(s) URL with no control or bidi
		// character (the Article contract); escaping covers the rest.
		label, ok := sourceLabels[a.Lang]
		if !ok {
			label = "Source"
		}
		shown := a.URL
		if u, err := url.Parse(a.URL); err == nil && u.Host != "" {
			shown = u.Host
		}
		b.WriteString("<footer class=\"nazif-source\">" + label + ": <a href=\"" + html.EscapeString(a.URL) +
			"\" rel=\"noopener noreferrer nofollow\">" + html.EscapeString(shown) + "</a></footer>\n")
	}
	b.WriteString("</main>\n</body>\n</html>\n")
	return []byte(b.String())
}
