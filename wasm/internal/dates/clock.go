package dates

// clock is a time of day found in text, with its stated offset if any.
type clock struct {
	h, m, sec  int
	prec       Precision
	hasOff     bool
	off        int // seconds east of UTC
	start, end int
}

// set copies the time of day and offset into d.
func (c clock) set(d *Date) {
	d.Hour, d.Minute, d.Second, d.Prec = c.h, c.m, c.sec, c.prec
	d.HasOffset, d.Offset = c.hasOff, c.off
}

// clockAt reads a time of day starting at token t:
//
//	[GMT|UTC [±hh[:mm]]] hh:mm[:ss] [ص|م|مساءً|AM …] [offset]
//
// where the offset is "GMT+0400", "(GMT)", "UTC+2", "+04:00", "بتوقيت
// غرينتش" or "بتوقيت مكة المكرمة". Hours and minutes must touch their colon.
func clockAt(s string, t token) (clock, bool) {
	c := clock{start: t.start}
	if t.kind == tWord {
		if t.w.kind != kZone {
			return c, false
		}
		c.off, c.end = zoneOffset(s, t)
		c.hasOff = true
		t = follow(s, c.end)
	}
	if t.kind != tNum || t.nd > 2 {
		return c, false
	}
	mm := adjacent(s, t.end)
	if !mm.isPunct(':') {
		return c, false
	}
	if mm = adjacent(s, mm.end); mm.kind != tNum || mm.nd != 2 {
		return c, false
	}
	c.h, c.m, c.prec, c.end = t.num, mm.num, PrecMinute, mm.end
	if p := adjacent(s, c.end); p.isPunct(':') {
		if ss := adjacent(s, p.end); ss.kind == tNum && ss.nd == 2 {
			c.sec, c.prec, c.end = ss.num, PrecSecond, ss.end
		}
	}
	if w := follow(s, c.end); w.kind == tWord && w.w.mer != merNone {
		c.h, c.end = applyMeridiem(c.h, w.w.mer), w.end
	}
	if off, end, ok := offsetAfter(s, c.end); ok {
		c.off, c.hasOff, c.end = off, true, end
	}
	return c, c.h < 24 && c.m < 60 && c.sec < 60
}

// applyMeridiem turns a 12-hour clock hour into a 24-hour one. Hours past
// 12 were written on a 24-hour clock and keep their value.
func applyMeridiem(h int, m meridiem) int {
	switch m {
	case merAM:
		if h == 12 {
			return 0
		}
	case merPM:
		if h >= 1 && h <= 11 {
			return h + 12
		}
	case merNoon:
		if h >= 1 && h <= 6 {
			return h + 12
		}
	case merNight:
		if h >= 6 && h <= 11 {
			return h + 12
		}
		if h == 12 {
			return 0
		}
	}
	return h
}

// offsetAfter reads a stated UTC offset after a time of day, optionally in
// parentheses.
func offsetAfter(s string, i int) (off, end int, ok bool) {
	t := follow(s, i)
	open := t.isPunct('(')
	if open {
		t = follow(s, t.end)
	}
	switch {
	case t.is(kZone):
		off, end = zoneOffset(s, t)
	case t.is(kTiming):
		u := follow(s, t.end)
		switch {
		case u.is(kZone):
			off, end = zoneOffset(s, u)
		case u.is(kCity):
			off, end = cityOffset(s, u)
		default:
			return 0, 0, false
		}
	case open && t.is(kCity): // "(مكة المكرمة)"
		off, end = cityOffset(s, t)
	case t.isPunct('+') || t.isPunct('-') || t.isPunct('−'):
		if off, end, ok = signedOffset(s, t, false); !ok {
			return 0, 0, false
		}
	default:
		return 0, 0, false
	}
	if open {
		if c := follow(s, end); c.isPunct(')') {
			end = c.end
		}
	}
	return off, end, true
}

// zoneOffset reads GMT or UTC and an optional signed offset after it.
func zoneOffset(s string, t token) (off, end int) {
	if u := follow(s, t.end); u.isPunct('+') || u.isPunct('-') || u.isPunct('−') {
		if off, end, ok := signedOffset(s, u, true); ok {
			return off, end
		}
	}
	return 0, t.end
}

func cityOffset(s string, t token) (off, end int) {
	end = t.end
	if u := follow(s, end); u.is(kCityTail) {
		end = u.end
	}
	return int(t.w.val) * 3600, end
}

// signedOffset reads "+04:00" or "+0400" after the sign token t and, when
// loose (after GMT or UTC, where the sign cannot be a dash), also "+4".
func signedOffset(s string, t token, loose bool) (off, end int, ok bool) {
	n := adjacent(s, t.end)
	if n.kind != tNum {
		return 0, 0, false
	}
	h, m, end := n.num, 0, n.end
	switch {
	case n.nd == 4:
		h, m = n.num/100, n.num%100
	case n.nd <= 2:
		if p := adjacent(s, end); p.isPunct(':') {
			mm := adjacent(s, p.end)
			if mm.kind != tNum || mm.nd != 2 {
				return 0, 0, false
			}
			m, end = mm.num, mm.end
		} else if !loose {
			return 0, 0, false
		}
	default:
		return 0, 0, false
	}
	if h > 14 || m > 59 {
		return 0, 0, false
	}
	off = h*3600 + m*60
	if t.r != '+' {
		off = -off
	}
	return off, end, true
}
