package dump

// This file is the package's only contact with the helper packages: the
// search key (normalize), boilerplate phrases and function words (lexicon)
// and dates in free text (dates).

import (
	"strings"
	"time"

	"github.com/nazif/nazif/wasm/internal/dates"
	"github.com/nazif/nazif/wasm/internal/lexicon"
	"github.com/nazif/nazif/wasm/internal/normalize"
)

// boilerInfo sums up the boilerplate phrases of one line.
type boilerInfo struct {
	hits   int     // phrases found
	strong int     // strong phrases among them
	lead   bool    // a strong phrase opens the line
	cov    float64 // share of the line's words inside phrases
	cat    string  // category of the first strong phrase, else of the first phrase
}

// Category names the body search treats apart: headings of lists that
// end an article, and the copyright notice that opens the footer.
var (
	catRelated   = lexicon.Related.String()
	catPopular   = lexicon.Popular.String()
	catComments  = lexicon.Comments.String()
	catCopyright = lexicon.Copyright.String()
)

func searchKey(s string) string { return normalize.SearchKey(s) }

func appendSearchKey(dst []byte, s string) []byte { return normalize.AppendSearchKey(dst, s) }

func functionWords(key string) (words, function int) { return lexicon.FunctionWords(key) }

func boilerplate(key string) boilerInfo {
	hits := lexicon.Find(key)
	if len(hits) == 0 {
		return boilerInfo{}
	}
	b := boilerInfo{hits: len(hits), cov: lexicon.Coverage(key, hits), cat: hits[0].Cat.String()}
	first := true
	for _, h := range hits {
		if !h.Strong {
			continue
		}
		if first {
			b.cat, first = h.Cat.String(), false
		}
		b.strong++
		if h.Start == 0 {
			b.lead = true
		}
	}
	return b
}

// probeRef is the reference time handed to dates.FindAll. It only lets
// relative forms (منذ 3 ساعات، أمس) be found as such: their value is never
// used, the caller parses DateLine with its own reference time.
var probeRef = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// dateKind says what kind of date a line states.
type dateKind uint8

const (
	dateNone     dateKind = iota
	dateRelative          // only relative dates: منذ 3 ساعات، أمس، 10 حزيران الجاري
	dateUpdated           // only dates introduced by an update label
	dateStated            // a full date
)

// updateKeys are search keys of words that mark a date as a revision.
var updateKeys = [...]string{"تحديث", "محدث", "حدث في", "تعديل", "updated", "modified"}

// dateOf classifies the dates on a line and returns the byte offset of its
// first stated (not updated) full date.
func dateOf(text string) (dateKind, int) {
	kind := dateNone
	for _, m := range dates.FindAll(text, probeRef) {
		if m.Relative {
			kind = max(kind, dateRelative)
			continue
		}
		if updated(text[:m.Start]) {
			kind = max(kind, dateUpdated)
			continue
		}
		return dateStated, m.Start
	}
	return kind, -1
}

// updated reports that the text before a date ends in an update label,
// within its last few words.
func updated(before string) bool {
	if before == "" {
		return false
	}
	k := searchKey(before)
	if n := len(k) - 40; n > 0 {
		k = k[n:]
	}
	for _, u := range updateKeys {
		if strings.Contains(k, u) {
			return true
		}
	}
	return false
}
