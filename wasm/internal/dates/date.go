package dates

import "time"

// Precision says how much of a Date its source stated.
type Precision uint8

// The precisions, from coarsest to finest. The zero Precision marks the zero Date.
const (
	PrecDay    Precision = iota + 1 // year, month and day
	PrecMinute                      // and hour and minute
	PrecSecond                      // and second
)

// Date is a calendar date with optional time of day and UTC offset, as
// precise as the source states it. Fields finer than Prec are zero.
type Date struct {
	Year, Month, Day     int
	Hour, Minute, Second int
	Prec                 Precision // PrecDay, PrecMinute or PrecSecond
	HasOffset            bool      // only when the source states an offset (Z, +04:00, GMT+0400, بتوقيت غرينتش ...)
	Offset               int       // seconds east of UTC; meaningful only with HasOffset
}

// IsZero reports whether d is the zero Date, which every function of the
// package returns alongside false.
func (d Date) IsZero() bool { return d == Date{} }

// String formats d as ISO 8601 at its precision: "2019-02-08",
// "2025-06-11T12:27", "2020-03-17T17:27:41+00:00". The offset is written
// only when HasOffset is set and there is a time of day. The zero Date
// formats as "".
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	b := make([]byte, 0, 25)
	b = append2(append2(b, d.Year/100), d.Year%100)
	b = append2(append(append2(append(b, '-'), d.Month), '-'), d.Day)
	if d.Prec >= PrecMinute {
		b = append2(append(append2(append(b, 'T'), d.Hour), ':'), d.Minute)
		if d.Prec >= PrecSecond {
			b = append2(append(b, ':'), d.Second)
		}
		if d.HasOffset {
			o, sign := d.Offset, byte('+')
			if o < 0 {
				o, sign = -o, '-'
			}
			b = append2(append(append2(append(b, sign), o/3600), ':'), o/60%60)
		}
	}
	return string(b)
}

// append2 appends n as two decimal digits.
func append2(b []byte, n int) []byte { return append(b, byte('0'+n/10%10), byte('0'+n%10)) }

// Time converts d to a time.Time for comparisons: in d's offset when it has
// one, in UTC otherwise. The zero Date gives the zero Time.
func (d Date) Time() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	loc := time.UTC
	if d.HasOffset && d.Offset != 0 {
		loc = time.FixedZone("", d.Offset)
	}
	return time.Date(d.Year, time.Month(d.Month), d.Day, d.Hour, d.Minute, d.Second, 0, loc)
}

// valid reports whether every field of d is in range.
func (d Date) valid() bool {
	return validDay(d.Year, d.Month, d.Day) && d.Hour < 24 && d.Minute < 60 && d.Second < 60 &&
		d.Hour >= 0 && d.Minute >= 0 && d.Second >= 0 && d.Offset > -15*3600 && d.Offset < 15*3600
}

func validDay(y, m, d int) bool { return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m) }

// daysIn returns the length of month m of Gregorian year y.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysFromCivil counts days from 1970-01-01 to the Gregorian date y-m-d
// (H. Hinnant's algorithm; y >= 1 in this package, so plain division is floor division).
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	doy := (153*((m+9)%12)+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int) (y, m, d int) {
	z += 719468
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	y = yoe + era*400
	if m <= 2 {
		y++
	}
	return y, m, d
}

// dayDate builds a day-precision Date, or reports that y-m-d does not exist.
func dayDate(y, m, d int) (Date, bool) {
	if !validDay(y, m, d) {
		return Date{}, false
	}
	return Date{Year: y, Month: m, Day: d, Prec: PrecDay}, true
}

// digitAt returns the value of the decimal digit at s[i] (ASCII,
// Arabic-Indic U+0660–0669 or Persian U+06F0–06F9) and its width in bytes,
// or width 0 when there is none.
func digitAt(s string, i int) (val, width int) {
	c := s[i]
	if c-'0' < 10 {
		return int(c - '0'), 1
	}
	if i+1 < len(s) {
		switch c {
		case 0xD9: // U+0640–067F: Arabic-Indic digits are D9 A0–A9
			if v := s[i+1] - 0xA0; v < 10 {
				return int(v), 2
			}
		case 0xDB: // U+06C0–06FF: Persian digits are DB B0–B9
			if v := s[i+1] - 0xB0; v < 10 {
				return int(v), 2
			}
		}
	}
	return 0, 0
}

// readDigits reads the run of digits at s[i:]: the value of its first nine
// digits (enough for any date field, and safe from overflow), the number of
// digits and the end of the run.
func readDigits(s string, i int) (val, n, end int) {
	for i < len(s) {
		d, w := digitAt(s, i)
		if w == 0 {
			break
		}
		if n < 9 {
			val = val*10 + d
		}
		n++
		i += w
	}
	return val, n, i
}

// digitBefore reports whether a digit ends at s[:i].
func digitBefore(s string, i int) bool {
	if i >= 1 && s[i-1]-'0' < 10 {
		return true
	}
	if i >= 2 {
		_, w := digitAt(s, i-2)
		return w == 2
	}
	return false
}
