package dump

import (
	"github.com/nazif/nazif/wasm/internal/byline"
	"github.com/nazif/nazif/wasm/internal/dates"
	"github.com/nazif/nazif/wasm/internal/lexicon"
	"github.com/nazif/nazif/wasm/internal/normalize"
)

// Prose thresholds, on the share of Arabic function words among a line's
// words. Running text sits near 0.2–0.35, headline lists and menus below
// 0.1; a news lead packed with names and titles can fall to 0.05, but it
// is long and punctuated.
const (
	shortProseWords  = 5    // fewer words are never prose
	proseMinWords    = 12   // from here a line is judged as a paragraph
	proseDensity     = 0.10 // ... with sentence punctuation
	leadWords        = 20   // a long punctuated line ...
	leadDensity      = 0.03 // ... needs only this density
	proseBareWords   = 25   // a long line without punctuation ...
	proseDensityBare = 0.20 // ... needs this density
	shortDensity     = 0.15 // a short line ending a sentence needs this
)

// datedLine is a line that states dates, with them: few lines of a dump
// do, so they are kept aside rather than in every line.
type datedLine struct {
	line    int
	matches []dates.Match
}

// checkEvery is how many lines scan measures between two calls of its
// stop function.
const checkEvery = 1024

// scan fills the language features of every non-empty line, classifies it,
// and counts how often each line's text occurs in the dump. It returns the
// dates found on the lines, so that the date line need not be read again.
// Every checkEvery lines it calls stop (when not nil), and gives up,
// returning false, when stop says so.
func scan(lines []line, stop func() bool) ([]datedLine, bool) {
	// The keys are built in one buffer, sized for them all (a key is rarely
	// longer than its text), and cut from one string, to spare an
	// allocation a line.
	size, texts := 0, 0
	for i := range lines {
		if lines[i].letters > 0 {
			size += len(lines[i].text)
		}
		if lines[i].text != "" {
			texts++
		}
	}
	buf := make([]byte, 0, size)
	ends := make([]int, len(lines))
	for i := range lines {
		if stop != nil && i%checkEvery == checkEvery-1 && stop() {
			return nil, false
		}
		if lines[i].letters > 0 {
			buf = normalize.AppendSearchKey(buf, lines[i].text)
		}
		ends[i] = len(buf)
	}
	keys := string(buf)
	counts := make(map[string]int32, texts)
	var hits []lexicon.Hit
	var dated []datedLine
	for i := range lines {
		if stop != nil && i%checkEvery == checkEvery-1 && stop() {
			return nil, false
		}
		l := &lines[i]
		l.dateAt = -1
		if l.text == "" {
			continue
		}
		if i > 0 {
			l.key = keys[ends[i-1]:ends[i]]
		} else {
			l.key = keys[:ends[0]]
		}
		var b boilerInfo
		var c lexicon.Counts
		b, c, hits = boilerplate(l.key, hits)
		l.fwords, l.function = int32(c.Words), int32(c.Function)
		l.hits, l.strong, l.lead, l.boiler, l.cat = b.hits, b.strong, b.lead, b.cov, b.cat
		l.halves = isHalves(l.text)
		if l.words <= dateMaxWord && !l.url && (l.digits > 0 || l.words <= 3) {
			at, ms := 0, []dates.Match(nil)
			l.date, at, ms = dateOf(l.text)
			l.dateAt = int32(at)
			if len(ms) > 0 {
				dated = append(dated, datedLine{i, ms})
			}
		}
		l.running = l.isRunning()
		l.prose = l.running && !l.chrome()
		if l.words <= metaMaxWords && l.digits == 0 && l.stops == 0 && !l.bullet {
			_, l.byline = byline.Parse(l.text)
			_, _, l.siteCredit = splitSiteCredit(l)
		}
		counts[l.key]++
	}
	for i := range lines {
		if l := &lines[i]; l.key != "" {
			l.repeated = counts[l.key] - 1
		}
	}
	return dated, true
}

func (l *line) density() float64 {
	if l.fwords == 0 {
		return 0
	}
	return float64(l.function) / float64(l.fwords)
}

// Boilerplate thresholds, in words of the line.
const (
	boilerCover  = 0.5 // a line this much covered by phrases is chrome
	strongShort  = 15  // a strong phrase marks a line this short as chrome
	strongLead   = 30  // a strong phrase opening a line this short marks it
	strongMixed  = 80  // a strong phrase and another one mark a line this short
	interiorLong = 20  // a prose line this long inside the body stays body
)

// boilerHeavy reports a line that is mostly boilerplate phrases, or a short
// line with a strong one, or one that opens with a strong one, or a strong
// one among others (a comments disclaimer).
func (l *line) boilerHeavy() bool {
	return l.boiler >= boilerCover ||
		l.strong > 0 && (l.words <= strongShort || l.lead && l.words <= strongLead || l.hits >= 2 && l.words <= strongMixed)
}

// furniture reports a line that is page furniture by its layout alone:
// list items, images and form fields, repeated or cut-off teasers, links,
// copyright and menu rows, symbols.
func (l *line) furniture() bool {
	return l.bullet || l.form || l.bracketOnly() || l.halves || l.trunc || l.url || l.copy ||
		l.pipes >= 2 || l.letters == 0
}

// chrome reports a line that is furniture or boilerplate.
func (l *line) chrome() bool { return l.furniture() || l.boilerHeavy() }

// heading reports a short line that is all boilerplate naming a list of
// other articles or the comments.
func (l *line) heading() bool {
	return l.words <= 5 && l.boiler >= boilerCover && (l.cat == lexicon.Related || l.cat == lexicon.Popular || l.cat == lexicon.Comments)
}

// nested reports a line indented like a list or a blockquote, as opposed to
// flush text or a block padded to the right margin.
func (l *line) nested() bool { return l.indent >= 2 && l.indent <= 16 }

// isRunning reports a line that reads as running text, whatever phrases it
// holds.
func (l *line) isRunning() bool {
	if l.text == "" || l.words < shortProseWords || l.furniture() {
		return false
	}
	punct := l.endStop || l.commas+l.stops > 0
	if l.arabic*2 < l.letters {
		// Not Arabic: function words say nothing, length and punctuation do.
		return l.words >= proseMinWords && punct
	}
	d := l.density()
	switch {
	case l.words >= leadWords && d >= leadDensity && (l.endStop || l.commas+l.stops >= 2):
		return true
	case l.words >= proseMinWords && d >= proseDensity && punct:
		return true
	case l.words >= proseBareWords && d >= proseDensityBare:
		return true
	}
	return l.endStop && d >= shortDensity
}
