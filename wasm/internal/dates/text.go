package dates

import (
	"strings"
	"time"
)

// Match is a date expression found in free text. Start and End are byte
// offsets into the input; the span includes a leading weekday and an
// attached time of day and offset.
type Match struct {
	Date       Date
	Start, End int
	Relative   bool // computed from the reference time: منذ 3 ساعات, أمس, or a date without a year
	Hijri      bool // written in the Hijri calendar and converted to Gregorian
}

// FindAll finds every date expression in free text (a visible date line, a
// whole paragraph), in order and without overlaps. ref is the reference
// time for relative forms and for dates written without a year; a zero
// ref leaves those out. It returns nil when there is none.
func FindAll(s string, ref time.Time) []Match {
	sc := scanner{s: s, ref: ref}
	var out []Match
	for {
		m, ok := sc.next()
		if !ok {
			return out
		}
		out = append(out, m)
	}
}

// ParseText returns the date of the first match of FindAll, or false when
// there is none.
//
// One exception: when the first match is a Hijri date paired with a
// Gregorian one by «الموافق» (or by mere punctuation, "5 رمضان 1445 هـ -
// 15 مارس 2024 م"), ParseText returns the Gregorian date, which states
// the day exactly where the tabular conversion may be a day off.
func ParseText(s string, ref time.Time) (Date, bool) {
	sc := scanner{s: s, ref: ref}
	m, ok := sc.next()
	if !ok {
		return Date{}, false
	}
	if m.Hijri {
		if g, ok := sc.next(); ok && !g.Hijri && !g.Relative && pairedBy(s, m.End, g.Start) {
			return g.Date, true
		}
	}
	return m.Date, true
}

// First returns the match ParseText reads its date from, given FindAll's
// matches ms of s, so that a caller that has the matches need not scan s
// again; false when ms is empty.
func First(s string, ms []Match) (Match, bool) {
	if len(ms) == 0 {
		return Match{}, false
	}
	if m := ms[0]; m.Hijri && len(ms) > 1 {
		if g := ms[1]; !g.Hijri && !g.Relative && pairedBy(s, m.End, g.Start) {
			return g, true
		}
	}
	return ms[0], true
}

const (
	// maxClockGap is how far, in bytes, a time of day may stand from its
	// date: "، آخر تحديث " (21 bytes) fits, a sentence does not.
	maxClockGap = 40
	// maxClockTokens bounds the tokens looked at while searching for it.
	maxClockTokens = 8
	// maxPairGap bounds the bytes between the two dates of a الموافق pair.
	maxPairGap = 48
)

// scanner walks free text one token at a time and tries a date at each.
// All lookahead is bounded, so a scan is linear in the input.
type scanner struct {
	s    string
	ref  time.Time
	pos  int
	prev kind // kind of the previous token if a word: "حتى الآن" is no date
	pend clock
	// hasPend: pend is a time of day seen since the last match, waiting for a
	// date after it ("12:27 - 11/06/2025").
	hasPend bool
}

func (sc *scanner) next() (Match, bool) {
	s := sc.s
	for sc.pos < len(s) {
		t := lex(s, sc.pos)
		if t.kind == tEOF {
			break
		}
		if t.kind == tNum || t.is(kZone) {
			if c, ok := clockAt(s, t); ok {
				sc.pend, sc.hasPend = c, true
				sc.pos, sc.prev = c.end, kNone
				continue
			}
		}
		if m, ok := sc.matchAt(t); ok {
			sc.pos, sc.prev, sc.hasPend = m.End, kNone, false
			return m, true
		}
		sc.prev = t.w.kind
		sc.pos = t.end
	}
	sc.pos = len(s)
	return Match{}, false
}

// matchAt tries a date expression starting at token t.
func (sc *scanner) matchAt(t token) (Match, bool) {
	if t.kind == tNum || t.is(kWeekday) {
		v, end, ok := sc.dateAt(t)
		if !ok {
			return Match{}, false
		}
		m := Match{Start: t.start, End: end, Hijri: v.hijri, Relative: v.inferred}
		y, mo, d := v.y, v.m, v.d
		if v.hijri {
			y, mo, d = hijriToGregorian(y, mo, d)
		}
		m.Date = Date{Year: y, Month: mo, Day: d, Prec: PrecDay}
		sc.attachClock(&m)
		return m, true
	}
	if t.kind != tWord || sc.ref.IsZero() {
		return Match{}, false
	}
	switch t.w.kind {
	case kAgo, kNow, kYesterday, kOrd:
		d, end, day, ok := sc.relativeAt(t)
		if !ok {
			return Match{}, false
		}
		m := Match{Date: d, Start: t.start, End: end, Relative: true}
		if day {
			sc.attachClock(&m)
		}
		return m, true
	}
	return Match{}, false
}

// attachClock gives a day-precision match the time of day nearest to it
// on the same line: the pending one before it or the first one after it,
// each within maxClockGap bytes. A tie goes to the one before, as in a
// list "12:27 - 11/06/2025 | 13:05 - 12/06/2025".
func (sc *scanner) attachClock(m *Match) {
	s := sc.s
	best, gap := clock{}, -1
	if sc.hasPend && sc.pend.end <= m.Start && m.Start-sc.pend.end <= maxClockGap &&
		!strings.ContainsAny(s[sc.pend.end:m.Start], "\n\r\u2028\u2029") {
		best, gap = sc.pend, m.Start-sc.pend.end
	}
	if c, g, ok := clockAfter(s, m.End); ok && (gap < 0 || g < gap) {
		best, gap = c, g
	}
	if gap < 0 {
		return
	}
	best.set(&m.Date)
	m.Start, m.End = min(m.Start, best.start), max(m.End, best.end)
}

// clockAfter finds a time of day a few words after a date at s[e:], on the
// same line and before anything that starts another date.
func clockAfter(s string, e int) (clock, int, bool) {
	i := e
	for range maxClockTokens {
		t := follow(s, i)
		if t.kind == tEOF || t.start-e > maxClockGap {
			break
		}
		if t.kind == tNum || t.is(kZone) {
			if c, ok := clockAt(s, t); ok {
				return c, t.start - e, true
			}
		}
		if startsDate(s, t) {
			break
		}
		i = t.end
	}
	return clock{}, 0, false
}

// startsDate reports whether t may begin or name another date, which a
// time of day must not be looked for past.
func startsDate(s string, t token) bool {
	switch t.kind {
	case tWord:
		switch t.w.kind {
		case kMonth, kMonthHead, kHijri, kHijriHead, kWeekday, kAgo, kYesterday:
			return true
		}
	case tNum:
		p := adjacent(s, t.end)
		return isDateSep(p) && adjacent(s, p.end).kind == tNum
	}
	return false
}

// pairedBy reports whether s[a:b], between a Hijri and a Gregorian date,
// holds only «الموافق» (or «الموافق لـ») and punctuation.
func pairedBy(s string, a, b int) bool {
	if b < a || b-a > maxPairGap {
		return false
	}
	for i := a; ; {
		t := lex(s, i)
		if t.kind == tEOF || t.start >= b {
			return true
		}
		if t.kind != tPunct && !t.is(kCorrespond) {
			return false
		}
		i = t.end
	}
}

// ymd is a parsed calendar date before conversion.
type ymd struct {
	y, m, d  int
	hijri    bool
	inferred bool // the year came from the reference time
}

// Year ranges. Numeric dates are also ids and version numbers, so they
// must fall in a narrow modern range; a month name makes a date certain.
const (
	minNumYear, maxNumYear     = 1900, 2100
	minNamedYear, maxNamedYear = 1000, 2200
	minHijriYear, maxHijriYear = 1000, 1600
)

func (v ymd) valid() bool {
	if v.hijri {
		return v.y >= minHijriYear && v.y <= maxHijriYear && v.m >= 1 && v.m <= 12 &&
			v.d >= 1 && v.d <= hijriDays(v.y, v.m)
	}
	return validDay(v.y, v.m, v.d)
}

// dateAt reads a date starting at a number or at a weekday, which may be
// followed by a comma or الموافق.
func (sc *scanner) dateAt(t token) (ymd, int, bool) {
	s := sc.s
	if t.kind == tWord {
		if t = follow(s, t.end); t.isComma() {
			t = follow(s, t.end)
		}
		if t.is(kCorrespond) {
			t = follow(s, t.end)
		}
		if t.kind != tNum {
			return ymd{}, 0, false
		}
	}
	if v, end, ok := numericAt(s, t); ok {
		return v, end, true
	}
	return sc.namedAt(t)
}

func isDateSep(t token) bool {
	return t.kind == tPunct && (t.r == '/' || t.r == '-' || t.r == '.' || t.r == '؍')
}

// numericAt reads dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy/mm/dd or
// yyyy-mm-dd, with touching separators, and an optional year marker.
// dd/mm is read day first unless only mm/dd is valid.
func numericAt(s string, t token) (ymd, int, bool) {
	var v ymd
	if t.nd != 1 && t.nd != 2 && t.nd != 4 {
		return v, 0, false
	}
	// Separators touch the numbers ("1/12/2020"), or a slash has one
	// space on each side throughout ("١ / ١٢ / ٢٠٢٠"), as some CMSs print.
	next := adjacent
	if p := spacedSlash(s, t.end); p.kind == tPunct {
		next = spacedSlash
	}
	p1 := next(s, t.end)
	if !isDateSep(p1) {
		return v, 0, false
	}
	n2 := next(s, p1.end)
	if n2.kind != tNum || n2.nd > 2 {
		return v, 0, false
	}
	p2 := next(s, n2.end)
	if !p2.isPunct(p1.r) {
		return v, 0, false
	}
	n3 := next(s, p2.end)
	switch {
	case n3.kind != tNum:
		return v, 0, false
	case t.nd == 4 && n3.nd <= 2:
		v.y, v.m, v.d = t.num, n2.num, n3.num
	case t.nd <= 2 && n3.nd == 4:
		v.y, v.d, v.m = n3.num, t.num, n2.num
		if v.m > 12 && v.d <= 12 {
			v.d, v.m = v.m, v.d
		}
	default:
		return v, 0, false
	}
	if chained(s, t.start, n3.end) {
		return v, 0, false
	}
	end, era := eraAt(s, n3.end)
	v.hijri = era == kEraH
	if !v.hijri && (v.y < minNumYear || v.y > maxNumYear) || !v.valid() {
		return v, 0, false
	}
	return v, end, true
}

// spacedSlash is adjacent for the spaced form: it reads " / " as the
// separator, and the number after it past its one space.
func spacedSlash(s string, i int) token {
	if i+2 < len(s) && s[i] == ' ' && s[i+1] == '/' && s[i+2] == ' ' {
		return token{kind: tPunct, r: '/', start: i, end: i + 3}
	}
	if i > 0 && s[i-1] == ' ' && i < len(s) && s[i] != ' ' {
		return adjacent(s, i)
	}
	return token{start: i, end: i}
}

// chained reports whether s[start:end] sits inside a longer run of numbers
// and separators, such as a version "1.2.2020.3" or a path.
func chained(s string, start, end int) bool {
	if start >= 2 && strings.IndexByte("/-._", s[start-1]) >= 0 && digitBefore(s, start-1) {
		return true
	}
	if end+1 < len(s) && strings.IndexByte("/-._", s[end]) >= 0 {
		_, w := digitAt(s, end+1)
		return w > 0
	}
	return false
}

// eraAt reads an optional year marker after a year ending at i: م,
// ميلادي, هـ, ه., هجري. It returns the end and kEraG, kEraH or kNone.
func eraAt(s string, i int) (int, kind) {
	e := follow(s, i)
	switch {
	case e.is(kEraG):
		return e.end, kEraG
	case e.is(kEraH):
		if e.w.val == 1 && e.end < len(s) && s[e.end] == '.' {
			return e.end + 1, kEraH
		}
		return e.end, kEraH
	}
	return i, kNone
}

// namedAt reads "day [من] [شهر] month [/ month] [،] year [marker]", the
// month Gregorian or Hijri, or, with a reference time, a Gregorian date
// without a year: "10 حزيران الجاري".
func (sc *scanner) namedAt(t token) (ymd, int, bool) {
	s := sc.s
	var v ymd
	if t.kind != tNum || t.nd > 2 || t.num < 1 || t.num > 31 || afterNumber(s, t.start) {
		return v, 0, false
	}
	v.d = t.num
	n := follow(s, t.end)
	if n.is(kFrom) {
		n = follow(s, n.end)
	}
	if n.is(kUnit) && n.w.val == unitMonth<<2|formSing {
		n = follow(s, n.end)
	}
	mo, ok := monthAt(s, n)
	if !ok {
		return v, 0, false
	}
	v.m, v.hijri = mo.m, mo.hijri
	end := mo.end
	if !mo.hijri {
		end = pairAt(s, end, mo.m)
	}
	y := follow(s, end)
	if y.isComma() {
		y = follow(s, y.end)
	}
	if y.kind == tNum && y.nd == 4 {
		v.y = y.num
		var era kind
		end, era = eraAt(s, y.end)
		if era == kEraH && !v.hijri || era == kEraG && v.hijri {
			return v, 0, false
		}
		if !v.hijri && (v.y < minNamedYear || v.y > maxNamedYear) || !v.valid() {
			return v, 0, false
		}
		return v, end, true
	}
	if v.hijri || mo.amb || sc.ref.IsZero() {
		return v, 0, false
	}
	qual := 2 // none
	if q := follow(s, end); q.is(kQualifier) {
		qual, end = int(q.w.val), q.end
	}
	if v.y, ok = inferYear(sc.ref, v.m, v.d, qual); !ok {
		return v, 0, false
	}
	v.inferred = true
	return v, end, true
}

// afterNumber reports whether the number at s[i:] continues another one,
// as "5" in "1.5 مارس" or "2/5 يناير".
func afterNumber(s string, i int) bool {
	return i >= 2 && strings.IndexByte(".,/:-", s[i-1]) >= 0 && digitBefore(s, i-1)
}

// monthRef is a month name found in text.
type monthRef struct {
	m     int
	hijri bool
	amb   bool // needs a year to be a date
	end   int
}

// levantine maps a kMonthHead val and ordinal 1 or 2 to a month.
var levantine = [5][3]int{
	headKanun:   {0, 12, 1},
	headTishrin: {0, 10, 11},
	headK:       {0, 12, 1},
	headT:       {0, 10, 11},
}

// monthAt reads a month name at t: one word, or two (كانون الثاني, ك2,
// ربيع الأول, ذو الحجة), with an optional honorific after a Hijri month.
func monthAt(s string, t token) (monthRef, bool) {
	var r monthRef
	if t.kind != tWord {
		return r, false
	}
	switch t.w.kind {
	case kMonth:
		r.m, r.end = int(t.w.val), t.end
		r.amb = t.w.amb && !strings.HasPrefix(s[t.start:], "آ")
		return r, true
	case kMonthHead:
		head := t.w.val
		u := follow(s, t.end)
		switch {
		case u.is(kOrd) && head <= headTishrin:
			r.m = levantine[head][u.w.val]
		case u.kind == tNum && u.nd == 1 && (u.num == 1 || u.num == 2) && (head <= headTishrin || u.start == t.end):
			r.m = levantine[head][u.num]
		default:
			return r, false
		}
		r.end = u.end
		return r, true
	case kHijri:
		r.m, r.end = int(t.w.val), t.end
	case kHijriHead:
		u := follow(s, t.end)
		switch {
		case t.w.val == 11 && u.is(kHijriTail):
			r.m = int(u.w.val)
		case t.w.val != 11 && u.is(kOrd):
			r.m = int(t.w.val) + int(u.w.val) - 1
		default:
			return r, false
		}
		r.end = u.end
	default:
		return r, false
	}
	r.hijri = true
	if e := follow(s, r.end); e.is(kEpithet) {
		r.end = e.end
	}
	return r, true
}

// pairAt extends a Gregorian month ending at end over a second name of the
// same month: "نيسان / أبريل", "آب/اغسطس", "يناير (كانون الثاني)".
func pairAt(s string, end, m int) int {
	p := follow(s, end)
	q, open := p, false
	if p.kind == tPunct {
		switch p.r {
		case '(':
			open = true
		case '/', '-', '\\', '|':
		default:
			return end
		}
		q = follow(s, p.end)
	}
	r, ok := monthAt(s, q)
	if !ok || r.hijri || r.m != m {
		return end
	}
	if !open {
		return r.end
	}
	if c := follow(s, r.end); c.isPunct(')') {
		return c.end
	}
	return end
}

// inferYear picks the year of a date written without one: the reference
// year for qual 0 (الجاري), the latest year not after ref for -1
// (الماضي), the earliest not before it for +1 (المقبل), and otherwise the
// year that puts the date nearest to ref, the past winning a tie.
func inferYear(ref time.Time, m, d, qual int) (int, bool) {
	ry, rm, rd := ref.Date()
	r := daysFromCivil(ry, int(rm), rd)
	best, bestDist := 0, 0
	for y := ry - 1; y <= ry+1; y++ {
		if d > daysIn(y, m) {
			continue
		}
		x := daysFromCivil(y, m, d) - r
		if qual == 0 && y != ry || qual == -1 && x > 0 || qual == 1 && x < 0 {
			continue
		}
		if dist := max(x, -x); best == 0 || dist < bestDist {
			best, bestDist = y, dist
		}
	}
	return best, best != 0
}
