package dump

// Doc is an article read from a text dump, before display normalization.
type Doc struct {
	Title string
	// DateLine is the raw line, or line fragment, that states the
	// publication date; the caller parses it.
	DateLine string
	Section  string
	Site     string
	// Author is the byline or credit without label words such as «كتب»,
	// «بقلم» or «حوار:». A credit that is a label word by itself, such as
	// «متابعة» after the site's name, is kept as the credit.
	Author string
	// Paragraphs are the body paragraphs in order, trimmed, with inner runs
	// of white space kept as they are (the caller normalizes).
	Paragraphs []string
	Captions   []string
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
// Doc with no Paragraphs, and every non-empty line in Removed.
//
// The stages, each reading the lines the previous ones left:
//  1. split into lines and measure each (letters, function words,
//     punctuation, markers, boilerplate, repeats);
//  2. body: the run of lines with the highest sum of prose weight minus
//     chrome weight, cut after any byline or date line in its head;
//  3. date line: the nearest line above the body that is mostly a date;
//  4. title: the best-scoring headline-like line above the body, favoured
//     when a date, section or byline line follows it and when it is
//     repeated elsewhere in the dump;
//  5. section, site, author and captions from the lines between the title
//     and the body, and an agency credit right after the body;
//  6. every other non-empty line goes to Removed with a reason.
func Extract(text string) Doc {
	lines := splitLines(text)
	scan(lines)
	roles := make([]role, len(lines))
	var d Doc

	start, end := findBody(lines)
	if start < 0 {
		for i := range lines {
			if lines[i].text != "" {
				d.Removed = append(d.Removed, Removed{lines[i].text, "no-article"})
			}
		}
		return d
	}
	h := header{lines: lines, roles: roles, doc: &d, start: start, end: end}
	h.run()
	return d
}

// removed lists every unused non-empty line with a reason. Below the body,
// a heading such as «أخبار ذات صلة» names what the plain lines after it are.
func (h *header) removed() {
	after := "after-body"
	for i := range h.lines {
		l := &h.lines[i]
		if i > h.end && l.cat != "" && l.boiler >= boilerCover && l.words <= 5 {
			after = l.cat
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
	case l.hits > 0 && !l.prose && l.cat != "":
		return l.cat
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
