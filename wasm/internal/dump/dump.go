package dump

import (
	"time"

	"github.com/nazif/nazif/wasm/internal/dates"
	"github.com/nazif/nazif/wasm/internal/lexicon"
)

// Doc is an article read from a text dump, before display normalization.
type Doc struct {
	Title string
	// DateLine is the raw line, or line fragment, that states the
	// publication date.
	DateLine string
	// Published is the date DateLine states (dates.ParseText), read
	// against the reference time given to ExtractUntil; zero when there
	// is none.
	Published dates.Date
	Section   string
	Site      string
	// Author is the byline or credit without label words such as «كتب»,
	// «بقلم» or «حوار:». A credit that is a label word by itself, such as
	// «متابعة» after the site's name, is kept as the credit.
	Author string
	// Paragraphs are the body paragraphs in order, trimmed, with inner runs
	// of white space kept as they are (the caller normalizes).
	Paragraphs []string
	// Lines holds each paragraph's line number, counted from 0, and
	// Keys its search key (normalize.SearchKey), as scan made it.
	Lines    []int
	Keys     []string
	Captions []string
	// Truncated reports that the dump has more than MaxLines lines, and
	// only the first were read.
	Truncated bool
	// Removed lists every non-empty line that was not used, with a short
	// reason such as "menu", "related", "share", "image", "copyright",
	// "short-line" or "before-title".
	Removed []Removed
}

// Removed is a dump line left out of the article, with the reason.
type Removed struct{ Text, Reason string }

// role is what a line was used for.
type role uint8

const (
	roleNone role = iota
	roleBody
	roleTitle
	roleDate
	roleSection
	roleSite
	roleAuthor
	roleCaption
)

// Extract reads a text dump. It never fails; a dump with no article gives a
// Doc with no Paragraphs, and every non-empty line in Removed. It keeps no
// state and is safe for concurrent use.
//
// The stages, each reading what the previous ones left:
//  1. split into lines and measure each: letters, Arabic function words,
//     punctuation, list and bracket markers, boilerplate phrases, dates,
//     repeats elsewhere in the dump;
//  2. body: the run of lines with the highest sum of prose weight minus
//     chrome weight (a maximum-sum segment), so that short stray lines
//     inside it are bridged and menus and headline lists end it; a heading
//     of related articles or comments all but walls it; a headline or a
//     standfirst cut off by a byline or date line is dropped from its head;
//  3. paragraphs: the prose lines of the run, plus short lines ending a
//     sentence and long running text between them;
//  4. date line: the nearest line above the body stating a full date,
//     preferring the publication to an update; else one right below the
//     body; else a relative date;
//  5. title: the best-scoring headline-like line above the body, favoured
//     when the date line or a byline follows it, when a breadcrumb or the
//     date stands above it, and when it is repeated elsewhere in the dump;
//  6. section, site, author and captions from the lines around the title
//     and the body, and a byline or agency credit right after the body;
//  7. every other non-empty line goes to Removed with a reason.
func Extract(text string) Doc {
	d, _ := ExtractUntil(text, time.Time{}, nil)
	return d
}

// ExtractUntil is Extract with a reference time for relative dates
// («منذ ساعتين»; zero leaves them out) and a way out: between stages, and
// every 1024 lines while measuring them, it calls stop (when not nil), and
// when stop returns true it gives up, returning false and no Doc.
func ExtractUntil(text string, now time.Time, stop func() bool) (Doc, bool) {
	lines, truncated, ok := splitLines(text, stop)
	if !ok || stop != nil && stop() {
		return Doc{}, false
	}
	dated, ok := scan(lines, stop)
	if !ok || stop != nil && stop() {
		return Doc{}, false
	}
	roles := make([]role, len(lines))
	d := Doc{Truncated: truncated}

	markAsides(lines)
	if stop != nil && stop() {
		return Doc{}, false
	}
	start, end := findBody(lines)
	if stop != nil && stop() {
		return Doc{}, false
	}
	if start < 0 {
		for i := range lines {
			if lines[i].text != "" {
				d.Removed = append(d.Removed, Removed{lines[i].text, "no-article"})
			}
		}
		return d, true
	}
	h := header{lines: lines, roles: roles, doc: &d, start: start, end: end, dated: dated, now: now}
	h.run()
	return d, true
}

// removed lists every unused non-empty line with a reason. Below the body,
// a heading such as «أخبار ذات صلة» names what the plain lines after it are.
func (h *header) removed() {
	n := 0
	for i := range h.lines {
		if h.lines[i].text != "" && h.roles[i] == roleNone {
			n++
		}
	}
	if n > 0 {
		h.doc.Removed = make([]Removed, 0, n)
	}
	after := "after-body"
	for i := range h.lines {
		l := &h.lines[i]
		if i > h.end && l.cat != 0 && l.boiler >= boilerCover && l.words <= 5 {
			after = l.cat.String()
		}
		if l.text == "" || h.roles[i] != roleNone {
			continue
		}
		h.doc.Removed = append(h.doc.Removed, Removed{l.text, h.reason(i, after)})
	}
}

// reason names why line i was left out; after is the reason for a plain
// line below the body.
func (h *header) reason(i int, after string) string {
	l := &h.lines[i]
	switch {
	case l.aside:
		return lexicon.ReadAlso.String()
	case h.title >= 0 && i < h.title && (h.date < 0 || i < h.date):
		return "before-title"
	case l.form:
		return "form"
	case l.bracketOnly():
		return "image"
	case l.copy:
		return "copyright"
	case l.url:
		return "url"
	case l.hits > 0 && !l.prose && l.cat != 0:
		return l.cat.String()
	case l.halves, l.trunc, l.repeated > 0:
		return "related"
	case l.bullet, l.pipes >= 2:
		return "menu"
	case l.letters == 0:
		return "symbol"
	case isDateLine(l):
		return "date"
	case i > h.start && i < h.end:
		return "short-line"
	case i < h.start:
		return "header"
	}
	return after
}
