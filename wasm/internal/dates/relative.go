package dates

import "time"

// relativeAt reads a relative form at word t against sc.ref: منذ/قبل N
// unit, منذ ساعة, قبل قليل, منذ لحظات, الآن, أمس, البارحة, أول أمس, أمس
// الأول. day reports a whole-day result (أمس), which may still take a time
// of day ("أمس 10:30"); "منذ 3 أيام" may not, as it is already counted.
func (sc *scanner) relativeAt(t token) (d Date, end int, day, ok bool) {
	s, ref := sc.s, sc.ref
	switch t.w.kind {
	case kNow:
		if sc.prev == kBlocker || sc.prev == kAgo || sc.prev == kFrom {
			return d, 0, false, false
		}
		return fromTime(ref, PrecMinute), t.end, false, true
	case kYesterday:
		n, end := 1, t.end
		if u := follow(s, end); u.is(kOrd) && u.w.val == 1 {
			n, end = 2, u.end
		}
		return daysBefore(ref, n), end, true, true
	case kOrd:
		if u := follow(s, t.end); t.w.val == 1 && u.is(kYesterday) {
			return daysBefore(ref, 2), u.end, true, true
		}
	case kAgo:
		d, end, ok = sc.agoAt(t)
		return d, end, false, ok
	}
	return d, 0, false, false
}

// maxAgo bounds N in "منذ N unit": four digits, so arithmetic cannot overflow.
const maxAgo = 9999

// agoAt reads "منذ/قبل [N] unit" after the word t.
func (sc *scanner) agoAt(t token) (Date, int, bool) {
	s, ref := sc.s, sc.ref
	u := follow(s, t.end)
	if u.is(kFew) {
		return fromTime(ref, PrecMinute), u.end, true
	}
	n, half := 0, false
	switch {
	case u.kind == tNum:
		if u.nd > 4 || u.num == 0 {
			return Date{}, 0, false
		}
		n = u.num
		u = follow(s, u.end)
	case u.is(kNumber):
		n = int(u.w.val)
		u = follow(s, u.end)
	case u.is(kHalf):
		half = true
		u = follow(s, u.end)
	}
	if !u.is(kUnit) {
		return Date{}, 0, false
	}
	unit, form, end := int(u.w.val>>2), int(u.w.val&3), u.end
	switch {
	case half:
		if unit != unitHour || form != formSing {
			return Date{}, 0, false
		}
		unit, n = unitMinute, 30
	case n == 0 && form == formSing: // منذ ساعة, منذ ساعة واحدة
		n = 1
		if v := follow(s, end); v.is(kNumber) && v.w.val == 1 {
			end = v.end
		}
	case n == 0 && form == formDual:
		n = 2
	case n == 0 && form == formPlural && unit <= unitMinute: // منذ دقائق: just now
		return fromTime(ref, PrecMinute), end, true
	case n == 0, form == formDual: // منذ أيام is vague, "منذ 3 يومين" is no Arabic
		return Date{}, 0, false
	}
	// "قبل أسبوع من الانتخابات" is "a week before the elections".
	if t.w.val == 1 && follow(s, end).is(kFrom) {
		return Date{}, 0, false
	}
	switch unit {
	case unitSecond:
		return fromTime(ref.Add(-time.Duration(n)*time.Second), PrecMinute), end, true
	case unitMinute:
		return fromTime(ref.Add(-time.Duration(n)*time.Minute), PrecMinute), end, true
	case unitHour:
		return fromTime(ref.Add(-time.Duration(n)*time.Hour), PrecMinute), end, true
	case unitDay:
		return daysBefore(ref, n), end, true
	case unitWeek:
		return daysBefore(ref, 7*n), end, true
	}
	y, m, dd := ref.Date()
	months := y*12 + int(m) - 1 - n
	y, mm := months/12, months%12+1
	return Date{Year: y, Month: mm, Day: min(dd, daysIn(y, mm)), Prec: PrecDay}, end, true
}

// fromTime reads a Date from t in t's own location, without an offset.
func fromTime(t time.Time, p Precision) Date {
	y, m, d := t.Date()
	r := Date{Year: y, Month: int(m), Day: d, Prec: p}
	if p >= PrecMinute {
		r.Hour, r.Minute = t.Hour(), t.Minute()
	}
	return r
}

// daysBefore returns the calendar day n days before ref's, in ref's location.
func daysBefore(ref time.Time, n int) Date {
	y, m, d := ref.Date()
	y, mm, dd := civilFromDays(daysFromCivil(y, int(m), d) - n)
	return Date{Year: y, Month: mm, Day: dd, Prec: PrecDay}
}
