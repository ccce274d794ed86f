package dump

import (
	"strings"
	"time"

	"github.com/nazif/nazif/wasm/internal/dates"
)

// Header search limits, in lines.
const (
	headerSpan  = 60 // how far above the body the title and date are looked for
	creditSpan  = 3  // non-empty lines after the body looked at for an agency credit
	dateMaxWord = 16 // a date line has at most this many words
	// metaMaxWords bounds a byline or «site - credit» line.
	metaMaxWords = 8
	// A title has between titleMinWords and titleMaxWords words.
	titleMinWords = 3
	titleMaxWords = 40
	// metaSpan is how many non-empty lines may separate a title from the
	// date, section or byline line that follows it.
	metaSpan = 4
)

// Title scores. Each candidate line above the body starts at titleBase
// and loses titleDistance for every non-empty line between it and the body.
const (
	titleBase       = 10
	titleDistance   = 0.5
	titleRepeated   = 25 // the text is repeated elsewhere (image alt, ticker)
	titleDateAfter  = 30 // the date line follows closely
	titleDateAbove  = 10 // the date line stands right above
	titleCrumb      = 15 // a breadcrumb stands right above
	titleByline     = 10 // a byline follows closely
	titleForm       = 20 // a form control follows: a poll question
	titleLongProse  = 15 // long running text: more a standfirst than a title
	titleProseWords = 25
	titleDeck       = 3   // the next line is title-like too: a deck under a title
	titleLongWords  = 15  // from here each word costs titleWordCost
	titleWordCost   = 0.5 // a deck is longer than its title
)

// header reads the metadata around a found body and fills the Doc.
type header struct {
	lines      []line
	roles      []role
	doc        *Doc
	start, end int // the body

	date  int // the date line, or -1
	title int // the title line, or -1
	menu  map[string]bool
	// dated are the lines that state dates, with them; now is the
	// reference time for a relative date line.
	dated []datedLine
	now   time.Time
}

func (h *header) run() {
	h.date, h.title = -1, -1
	for i := h.start; i <= h.end; i++ {
		if l := &h.lines[i]; !l.aside && (l.prose || inner(h.lines, i, h.start, h.end)) {
			h.roles[i] = roleBody
			h.doc.Paragraphs = append(h.doc.Paragraphs, l.text)
			h.doc.Lines = append(h.doc.Lines, i)
			h.doc.Keys = append(h.doc.Keys, l.key)
		}
	}
	h.findDate()
	h.findTitle()
	h.findSection()
	h.findCredits()
	h.findCaptions()
	h.removed()
}

// inner reports a line inside the body that is no prose by itself but is
// body by its place: a short line that ends a sentence (as opposed to
// captions, photo credits and injected headlines, which do not), or a long
// paragraph of running text that merely mentions boilerplate words
// («سياسة الخصوصية» in a story about privacy rules).
func inner(lines []line, i, start, end int) bool {
	l := &lines[i]
	if i <= start || i >= end || l.text == "" || isMeta(l) {
		return false
	}
	if !l.chrome() && l.endStop && l.words >= 3 {
		return true
	}
	if crosshead(lines, i) {
		return true
	}
	return l.words >= interiorLong && !l.lead && l.boiler < boilerCover && l.running
}

// crossheadWords bounds an in-body subheading.
const crossheadWords = 6

// crosshead reports a short unpunctuated line set between two paragraphs
// of the body: a subheading. A caption differs by its place, under an
// image's alt text rather than under prose, and a teaser by being repeated
// elsewhere in the dump.
func crosshead(lines []line, i int) bool {
	l := &lines[i]
	if l.words == 0 || l.words > crossheadWords || l.endStop || l.arabic == 0 || l.chrome() || l.repeated > 0 || l.date != dateNone {
		return false
	}
	return neighbourProse(lines, i, -1) && neighbourProse(lines, i, 1)
}

// neighbourProse reports whether the nearest non-empty line in direction
// step is a paragraph of prose that ends a sentence.
func neighbourProse(lines []line, i, step int) bool {
	for j := i + step; j >= 0 && j < len(lines); j += step {
		if lines[j].text != "" {
			return lines[j].prose && lines[j].endStop
		}
	}
	return false
}

// nonEmptyBefore appends up to n non-empty lines above line i to dst,
// nearest first. The callers pass a small array on the stack: the header
// search asks this for every candidate line.
func (h *header) nonEmptyBefore(dst []int, i, n int) []int {
	for j := i - 1; j >= 0 && n > 0; j-- {
		if h.lines[j].text != "" {
			dst = append(dst, j)
			n--
		}
	}
	return dst
}

// nonEmptyAfter appends up to n non-empty lines below line i and above
// limit to dst, nearest first.
func (h *header) nonEmptyAfter(dst []int, i, n, limit int) []int {
	for j := i + 1; j < limit && n > 0; j++ {
		if h.lines[j].text != "" {
			dst = append(dst, j)
			n--
		}
	}
	return dst
}

// isDateLine reports a short line that states a full date.
func isDateLine(l *line) bool {
	return l.date >= dateUpdated && !l.prose
}

// isMeta reports a byline, date or «site - credit» line.
func isMeta(l *line) bool { return l.byline || l.siteCredit || isDateLine(l) }

// findDate picks the date line nearest above the body, preferring a
// stated date to an update among the lines next to it; failing that, one
// just below the body; failing that, a relative date («منذ 3 ساعات»), which
// the caller reads against its own reference time.
func (h *header) findDate() {
	lo := max(0, h.start-headerSpan)
	for i := h.start - 1; i >= lo; i-- {
		if !isDateLine(&h.lines[i]) {
			continue
		}
		if h.lines[i].date == dateUpdated {
			var buf [2 * metaSpan]int
			near := h.nonEmptyAfter(h.nonEmptyBefore(buf[:0], i, metaSpan), i, metaSpan, h.start)
			for _, j := range near {
				if l := &h.lines[j]; l.date == dateStated && !l.prose {
					i = j
					break
				}
			}
		}
		h.setDate(i)
		return
	}
	var buf [creditSpan + 2]int
	for _, i := range h.nonEmptyAfter(buf[:0], h.end, creditSpan+2, len(h.lines)) {
		if isDateLine(&h.lines[i]) {
			h.setDate(i)
			return
		}
	}
	for i := h.start - 1; i >= lo; i-- {
		if l := &h.lines[i]; l.date == dateRelative && !l.prose {
			h.setDate(i)
			return
		}
	}
}

func (h *header) setDate(i int) {
	h.date = i
	h.roles[i] = roleDate
	l := &h.lines[i]
	text := l.text
	// «section | date»: the part before the bar names the section.
	if k := strings.Index(text, " | "); k > 0 && int(l.dateAt) > k {
		before := trim(text[:k])
		if d, _, _ := dateOf(before); d == dateNone && words(before) <= sectionMaxWords {
			h.doc.Section = before
			text = trim(text[k+3:])
		}
	}
	h.doc.DateLine = text
	h.doc.Published = h.published(i, text)
}

// published returns the date line i states, from the dates scan found on
// it; a relative date is read again, against the reference time.
func (h *header) published(i int, text string) dates.Date {
	for _, dl := range h.dated {
		if dl.line != i {
			continue
		}
		m, ok := dates.First(h.lines[i].text, dl.matches)
		if !ok {
			break
		}
		if m.Relative {
			d, _ := dates.ParseText(text, h.now)
			return d
		}
		return m.Date
	}
	return dates.Date{}
}

// titleLike reports whether line i may be a title at all.
func (h *header) titleLike(i int) bool {
	l := &h.lines[i]
	switch {
	case l.text == "", h.roles[i] != roleNone, l.words < titleMinWords, l.words > titleMaxWords,
		l.furniture(), l.boiler >= boilerCover, isMeta(l), hasSuffix(l.text, ":"):
		return false
	}
	return !h.menuItems()[l.key]
}

// repeatedElsewhere reports that line i's text occurs inside another line.
func (h *header) repeatedElsewhere(i int) bool {
	l := &h.lines[i]
	if l.repeated > 0 {
		return true
	}
	if len(l.key) < 16 {
		return false
	}
	for j := range h.lines {
		if j != i && len(h.lines[j].key) > len(l.key) && strings.Contains(h.lines[j].key, l.key) {
			return true
		}
	}
	return false
}

// titleScore scores line i, dist non-empty lines above the body, as the
// title.
func (h *header) titleScore(i, dist int) float64 {
	l := &h.lines[i]
	score := titleBase - titleDistance*float64(dist)
	if h.repeatedElsewhere(i) {
		score += titleRepeated
	}
	dated, signed := false, false
	var buf [metaSpan]int
	for _, j := range h.nonEmptyAfter(buf[:0], i, metaSpan, h.start) {
		if j == h.date && !dated {
			score += titleDateAfter
			dated = true
		}
		if h.lines[j].byline && !signed {
			score += titleByline
			signed = true
		}
	}
	if next := h.nonEmptyAfter(buf[:0], i, 1, len(h.lines)); len(next) > 0 {
		switch {
		case h.lines[next[0]].form:
			score -= titleForm
		case next[0] < h.start && h.titleLike(next[0]):
			score += titleDeck
		}
	}
	if l.words > titleLongWords {
		score -= titleWordCost * float64(l.words-titleLongWords)
	}
	for _, j := range h.nonEmptyBefore(buf[:0], i, 2) {
		if j == h.date {
			score += titleDateAbove
		}
	}
	if _, j := h.crumbAbove(i); j >= 0 {
		score += titleCrumb
	}
	if l.words > titleProseWords && l.prose {
		score -= titleLongProse
	}
	return score
}

// findTitle picks the best-scoring title-like line above the body.
func (h *header) findTitle() {
	lo := max(0, h.start-headerSpan)
	best, bestScore := -1, 0.0
	dist := 0
	for i := h.start - 1; i >= lo; i-- {
		if h.lines[i].text == "" {
			continue
		}
		dist++
		if !h.titleLike(i) {
			continue
		}
		if score := h.titleScore(i, dist); best < 0 || score > bestScore {
			best, bestScore = i, score
		}
	}
	if best >= 0 {
		h.title = best
		h.roles[best] = roleTitle
		h.doc.Title = h.lines[best].text
	}
}

func words(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' || s[i] == '\t' {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}
