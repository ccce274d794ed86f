package dates

import "strings"

// URL years outside this range are ids, not dates.
const minURLYear, maxURLYear = 1990, 2100

// FromURL finds a publication date in a URL path, at day precision:
//
//	/story/2020/8/24/slug/4943459                  yyyy/m/d
//	/2013/middle_east/8/3/syria.clashes/index.html yyyy/section/m/d (one or two sections)
//	/2020/0824/slug                                yyyy/mmdd
//	/2020-06-03-1.3874341                          yyyy-mm-dd, yyyy_mm_dd, yyyy.mm.dd in a segment
//	/arab_world/202003171044893040-slug/           yyyymmdd opening a run of 8 or more digits
//
// The year must lie between 1990 and 2100 and the date must exist. The
// scheme, host and fragment are ignored; the first segment, left to right,
// that yields a date wins. It returns false when none does.
func FromURL(u string) (Date, bool) {
	if i := strings.Index(u, "//"); i >= 0 && (i == 0 || strings.HasPrefix(u[i-1:], "://")) {
		j := strings.IndexByte(u[i+2:], '/')
		if j < 0 {
			return Date{}, false
		}
		u = u[i+2+j:]
	}
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u = u[:i]
	}
	for i := 0; i < len(u); {
		seg, next := segmentAt(u, i)
		if d, ok := yearPath(u, seg, next); ok {
			return d, true
		}
		if d, ok := inSegment(seg); ok {
			return d, true
		}
		i = next
	}
	return Date{}, false
}

// segmentAt returns the segment that starts after any separators at u[i:],
// and where it ends. The query counts as further segments.
func segmentAt(u string, i int) (string, int) {
	for i < len(u) && (u[i] == '/' || u[i] == '?') {
		i++
	}
	j := i
	for j < len(u) && u[j] != '/' && u[j] != '?' {
		j++
	}
	return u[i:j], j
}

// yearPath reads a date spread over segments after a year segment.
func yearPath(u, seg string, next int) (Date, bool) {
	y, ok := atoi(seg, 4, 4)
	if !ok || y < minURLYear || y > maxURLYear {
		return Date{}, false
	}
	var s [4]string
	for k := range s {
		s[k], next = segmentAt(u, next)
	}
	if m, ok := atoi(s[0], 1, 2); ok {
		if d, ok := atoi(s[1], 1, 2); ok {
			return dayDate(y, m, d)
		}
		return Date{}, false
	}
	if md, ok := atoi(s[0], 4, 4); ok {
		return dayDate(y, md/100, md%100)
	}
	for skip := 1; skip <= 2; skip++ {
		if _, numeric := atoi(s[skip-1], 1, len(s[skip-1])); numeric {
			break
		}
		if m, ok := atoi(s[skip], 1, 2); ok {
			if d, ok := atoi(s[skip+1], 1, 2); ok {
				return dayDate(y, m, d)
			}
		}
	}
	return Date{}, false
}

// inSegment finds yyyy-mm-dd (or _ or .) or a leading yyyymmdd in a
// segment, each starting where a run of digits starts.
func inSegment(seg string) (Date, bool) {
	for i := 0; i < len(seg); {
		if seg[i]-'0' >= 10 {
			i++
			continue
		}
		j := digitsEnd(seg, i)
		switch n := j - i; {
		case n == 4 && j < len(seg) && strings.IndexByte("-_.", seg[j]) >= 0:
			sep := seg[j]
			me := digitsEnd(seg, j+1)
			if me < len(seg) && seg[me] == sep {
				de := digitsEnd(seg, me+1)
				y, _ := atoi(seg[i:j], 4, 4)
				m, okm := atoi(seg[j+1:me], 1, 2)
				d, okd := atoi(seg[me+1:de], 1, 2)
				if okm && okd && y >= minURLYear && y <= maxURLYear {
					if r, ok := dayDate(y, m, d); ok {
						return r, true
					}
				}
			}
		case n >= 8:
			y, _ := atoi(seg[i:i+4], 4, 4)
			m, _ := atoi(seg[i+4:i+6], 2, 2)
			d, _ := atoi(seg[i+6:i+8], 2, 2)
			if y >= minURLYear && y <= maxURLYear {
				if r, ok := dayDate(y, m, d); ok {
					return r, true
				}
			}
		}
		i = j
	}
	return Date{}, false
}

func digitsEnd(s string, i int) int {
	for i < len(s) && s[i]-'0' < 10 {
		i++
	}
	return i
}

// atoi parses s when it is lo to hi ASCII digits and nothing else.
func atoi(s string, lo, hi int) (int, bool) {
	if len(s) < lo || len(s) > hi || digitsEnd(s, 0) != len(s) {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}
