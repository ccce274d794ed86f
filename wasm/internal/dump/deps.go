package dump

// This file holds the package's use of lexicon's phrase scan and of dates
// in free text.

import (
	"time"

	"github.com/nazif/nazif/wasm/internal/dates"
	"github.com/nazif/nazif/wasm/internal/lexicon"
	"github.com/nazif/nazif/wasm/internal/normalize"
)

// boilerInfo sums up the boilerplate phrases of one line.
type boilerInfo struct {
	hits   int32            // phrases found
	strong int32            // strong phrases among them
	lead   bool             // a strong phrase opens the line
	cov    float64          // share of the line's words inside phrases
	cat    lexicon.Category // category of the first strong phrase, else of the first phrase
}

// boilerplate sums up the phrases in key and counts its function words
// (as lexicon.FunctionWords), in one pass. hits is scratch space for the
// phrases, returned for the next line to reuse.
func boilerplate(key string, hits []lexicon.Hit) (boilerInfo, lexicon.Counts, []lexicon.Hit) {
	c, hits := lexicon.Scan(hits[:0], key)
	if len(hits) == 0 {
		return boilerInfo{}, c, hits
	}
	// As lexicon.Coverage computes it; there is a word in each hit.
	b := boilerInfo{hits: int32(len(hits)), cov: float64(c.Covered) / float64(c.Words), cat: hits[0].Cat}
	first := true
	for _, h := range hits {
		if !h.Strong {
			continue
		}
		if first {
			b.cat, first = h.Cat, false
		}
		b.strong++
		if h.Start == 0 {
			b.lead = true
		}
	}
	return b, c, hits
}

// probeRef is the reference time handed to dates.FindAll. It only lets
// relative forms (منذ 3 ساعات، أمس) be found as such: their value is never
// used; a relative date line is read again against the caller's reference
// time.
var probeRef = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// dateKind says what kind of date a line states.
type dateKind uint8

const (
	dateNone     dateKind = iota
	dateRelative          // only relative dates: منذ 3 ساعات، أمس، 10 حزيران الجاري
	dateUpdated           // only dates introduced by an update label
	dateStated            // a full date
)

// dateOf classifies the dates on a line and returns the byte offset of its
// first stated (not updated) full date, and the matches.
func dateOf(text string) (dateKind, int, []dates.Match) {
	kind := dateNone
	ms := dates.FindAll(text, probeRef)
	for _, m := range ms {
		if m.Relative {
			kind = max(kind, dateRelative)
			continue
		}
		if updated(text[:m.Start]) {
			kind = max(kind, dateUpdated)
			continue
		}
		return dateStated, m.Start, ms
	}
	return kind, -1, ms
}

// updated reports that the text before a date ends in an update label.
func updated(before string) bool {
	return before != "" && lexicon.UpdateLabel(normalize.SearchKey(before))
}
