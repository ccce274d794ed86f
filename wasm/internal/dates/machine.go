package dates

import "strings"

// ParseMachine parses a machine-readable date from a meta tag, JSON-LD,
// <time datetime> or an RDFa content attribute:
//
//	2020-06-03                     2020/06/03
//	2020-06-03T03:01+0400          2020-03-17T17:27:41Z
//	2020-08-24T09:23:13.000Z       2020-06-03 03:01:00
//	2020-03-15 20:18:45 GST        Tue, 17 Mar 2020 17:27:41 GMT
//
// Z, GMT and UTC give offset +00:00; GST (Gulf) +04:00; another zone
// abbreviation is accepted and gives no offset. Fractions of a second are
// dropped. Unix timestamps and compact forms (20200603) are not accepted,
// nor years before 1000. It returns false for anything else, including
// trailing text.
func ParseMachine(s string) (Date, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, false
	}
	for _, read := range [...]func(*cursor, *Date) bool{(*cursor).iso, (*cursor).rfc1123} {
		c, d := cursor{s: s}, Date{}
		if read(&c, &d) && c.i == len(s) && d.Year >= 1000 && d.valid() {
			return d, true
		}
	}
	return Date{}, false
}

// cursor reads a machine date left to right.
type cursor struct {
	s string
	i int
}

// num reads a run of lo to hi digits.
func (c *cursor) num(lo, hi int) (int, bool) {
	v, n, end := readDigits(c.s, c.i)
	if n < lo || n > hi {
		return 0, false
	}
	c.i = end
	return v, true
}

func (c *cursor) eat(b byte) bool {
	if c.i < len(c.s) && c.s[c.i] == b {
		c.i++
		return true
	}
	return false
}

// spaces skips blanks and reports how many there were.
func (c *cursor) spaces() int {
	i := c.i
	for c.i < len(c.s) && (c.s[c.i] == ' ' || c.s[c.i] == '\t') {
		c.i++
	}
	return c.i - i
}

// letters reads a run of ASCII letters.
func (c *cursor) letters() string {
	i := c.i
	for c.i < len(c.s) && c.s[c.i]|0x20 >= 'a' && c.s[c.i]|0x20 <= 'z' {
		c.i++
	}
	return c.s[i:c.i]
}

// iso reads "yyyy-mm-dd[(T| )hh:mm[:ss[.fff]][zone]]", with - / or . between
// the date fields.
func (c *cursor) iso(d *Date) bool {
	var ok bool
	if d.Year, ok = c.num(4, 4); !ok || c.i >= len(c.s) {
		return false
	}
	sep := c.s[c.i]
	if sep != '-' && sep != '/' && sep != '.' {
		return false
	}
	c.i++
	if d.Month, ok = c.num(1, 2); !ok || !c.eat(sep) {
		return false
	}
	if d.Day, ok = c.num(1, 2); !ok {
		return false
	}
	d.Prec = PrecDay
	if c.i == len(c.s) {
		return true
	}
	if !c.eat('T') && !c.eat('t') && c.spaces() == 0 {
		return false
	}
	return c.clock(d) && c.zone(d)
}

// rfc1123 reads "[Tue,] 17 Mar 2020 [17:27[:41] [zone]]".
func (c *cursor) rfc1123(d *Date) bool {
	if c.letters() != "" {
		c.eat(',')
		c.spaces()
	}
	var ok bool
	if d.Day, ok = c.num(1, 2); !ok || c.spaces() == 0 {
		return false
	}
	if d.Month = englishMonth(c.letters()); d.Month == 0 || c.spaces() == 0 {
		return false
	}
	if d.Year, ok = c.num(4, 4); !ok {
		return false
	}
	d.Prec = PrecDay
	if c.spaces() == 0 || c.i == len(c.s) {
		return true
	}
	return c.clock(d) && c.zone(d)
}

// clock reads "hh:mm[:ss[.fff]]".
func (c *cursor) clock(d *Date) bool {
	var ok bool
	if d.Hour, ok = c.num(1, 2); !ok || !c.eat(':') {
		return false
	}
	if d.Minute, ok = c.num(2, 2); !ok {
		return false
	}
	d.Prec = PrecMinute
	if c.eat(':') {
		if d.Second, ok = c.num(2, 2); !ok {
			return false
		}
		d.Prec = PrecSecond
		if c.eat('.') || c.eat(',') {
			if _, ok = c.num(1, 9); !ok {
				return false
			}
		}
	}
	return true
}

// zone reads an optional "Z", "±hh[:mm]", "±hhmm", or a zone abbreviation
// optionally followed by an offset ("GMT+0400").
func (c *cursor) zone(d *Date) bool {
	c.spaces()
	if c.i == len(c.s) {
		return true
	}
	if c.eat('Z') || c.eat('z') {
		d.HasOffset = true
		return true
	}
	if w := c.letters(); w != "" {
		switch strings.ToUpper(w) {
		case "GMT", "UTC", "UT":
			d.HasOffset = true
		case "GST": // Gulf Standard Time, used by UAE sites; no DST
			d.HasOffset, d.Offset = true, 4*3600
			return true
		default:
			return len(w) <= 5
		}
		if c.spaces(); c.i == len(c.s) {
			return true
		}
	}
	sign := 1
	switch {
	case c.eat('-'):
		sign = -1
	case c.eat('+'):
	default:
		return false
	}
	v, n, end := readDigits(c.s, c.i)
	h, m := v, 0
	switch n {
	case 4:
		h, m = v/100, v%100
		c.i = end
	case 1, 2:
		c.i = end
		if c.eat(':') {
			var ok bool
			if m, ok = c.num(2, 2); !ok {
				return false
			}
		}
	default:
		return false
	}
	if h > 14 || m > 59 {
		return false
	}
	d.HasOffset, d.Offset = true, sign*(h*3600+m*60)
	return true
}

// englishMonth returns the month of an English name or its abbreviation
// (three letters or more, any case), or 0.
func englishMonth(w string) int {
	const names = "january february march april may june july august september october november december"
	if len(w) < 3 {
		return 0
	}
	for i, n := range strings.Fields(names) {
		if len(w) <= len(n) && strings.EqualFold(w, n[:len(w)]) {
			return i + 1
		}
	}
	return 0
}
