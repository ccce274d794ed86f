package dump

import (
	"strings"

	"github.com/nazif/nazif/wasm/internal/byline"
)

// captionMinWords keeps button labels («عرض النتائج») out of captions.
const captionMinWords = 3

// dashSeps separate a site's name from a credit: «X - Y».
var dashSeps = [...]string{" - ", " – ", " — "}

// splitSiteCredit splits a short «site - credit» line, each side of one to
// three words.
func splitSiteCredit(l *line) (site, credit string, ok bool) {
	if l.words < 2 || l.bracket > 0 || strings.ContainsAny(l.text, "()|:") {
		return "", "", false
	}
	for _, sep := range dashSeps {
		k := strings.Index(l.text, sep)
		if k < 0 {
			continue
		}
		a, b := trim(l.text[:k]), trim(l.text[k+len(sep):])
		if wa, wb := words(a), words(b); wa >= 1 && wa <= 3 && wb >= 1 && wb <= 3 {
			return a, b, true
		}
	}
	return "", "", false
}

// agencyCredit returns the text of a credit line such as «--(بترا)» or
// «(رويترز)», a list item too.
func agencyCredit(l *line) (string, bool) {
	if l.text == "" || l.letters == 0 {
		return "", false
	}
	return byline.Credit(l.item())
}

// findCredits reads the site, author and agency credit from the lines
// between the title and the body, and right after the body. A «site -
// credit» line counts only right after the date line or right above the
// body, where the seed form puts it; elsewhere «X - Y» is as likely a
// dateline or a slogan.
func (h *header) findCredits() {
	lo := max(0, h.start-headerSpan)
	if h.title >= 0 {
		lo = h.title + 1
	}
	var buf [4]int
	near := h.nonEmptyBefore(buf[:0], h.start, 2)
	if h.date >= 0 {
		near = h.nonEmptyAfter(near, h.date, 2, h.start)
	}
	for i := lo; i < h.start; i++ {
		l := &h.lines[i]
		if l.text == "" || h.roles[i] != roleNone {
			continue
		}
		switch {
		case l.byline:
			h.credit(i, l.text, byline.Parse)
		case l.siteCredit && h.doc.Site == "" && contains(near, i):
			site, credit, _ := splitSiteCredit(l)
			h.doc.Site = site
			if h.doc.Author == "" {
				h.doc.Author = credit
			}
			h.roles[i] = roleSite
		default:
			if _, ok := agencyCredit(l); ok {
				h.credit(i, l.item(), byline.Credit)
			}
		}
	}
	// Bylines inside the body, and a byline or agency credit right after it.
	for i := h.start; i <= h.end; i++ {
		if l := &h.lines[i]; l.byline && h.roles[i] == roleNone {
			h.credit(i, l.text, byline.Parse)
		}
	}
	var after [creditSpan]int
	for _, j := range h.nonEmptyAfter(after[:0], h.end, creditSpan, len(h.lines)) {
		l := &h.lines[j]
		if l.byline {
			h.credit(j, l.text, byline.Parse)
			break
		}
		if _, ok := agencyCredit(l); ok {
			h.credit(j, l.item(), byline.Credit)
			break
		}
	}
}

// credit marks line i as a credit and takes its name as the author when
// there is none yet.
func (h *header) credit(i int, text string, parse func(string) (string, bool)) {
	if name, ok := parse(text); ok && h.doc.Author == "" {
		h.doc.Author = name
	}
	h.roles[i] = roleAuthor
}

func contains(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// findCaptions takes image captions from the header and the body: the rest
// of a line that opens with the title (an image whose alt text is the
// title, then its caption), and a short plain line right after an image or
// after a repeat of the title.
func (h *header) findCaptions() {
	if h.title < 0 {
		return
	}
	title := h.lines[h.title].text
	for i := h.title + 1; i < h.end; i++ {
		l := &h.lines[i]
		if l.text == "" || h.roles[i] != roleNone {
			continue
		}
		if l.text == title || l.bracketOnly() && !l.form {
			var one [1]int
			next := h.nonEmptyAfter(one[:0], i, 1, h.end)
			if len(next) == 0 || h.roles[next[0]] != roleNone {
				continue
			}
			// A caption is in the article's script: a Latin line under an
			// Arabic photo is a share bar or a credit.
			n := &h.lines[next[0]]
			sameScript := n.arabic > 0 || h.lines[h.title].arabic == 0
			if sameScript && !n.chrome() && !n.prose && !isMeta(n) && n.words >= captionMinWords {
				h.doc.Captions = append(h.doc.Captions, n.text)
				h.roles[next[0]] = roleCaption
			}
			continue
		}
		if i < h.start && hasPrefix(l.text, title) {
			if c := trim(l.text[len(title):]); words(c) >= captionMinWords {
				h.doc.Captions = append(h.doc.Captions, c)
				h.roles[i] = roleCaption
			}
		}
	}
}
