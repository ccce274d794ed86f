package dates

// The tabular Islamic calendar in its civil form: 30-year cycles with
// leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26 and 29, odd months of 30
// days, even months of 29, and a 30th of Dhu al-Hijja in leap years. Day
// 1 Muharram 1 is Friday 16 July 622 (Julian), Julian day number 1948440.
// Umm al-Qura and sighted months differ from it by a day or two.

const (
	hijriEpochJDN = 1948439 // the day before 1 Muharram 1
	unixEpochJDN  = 2440588 // 1970-01-01
)

// hijriDays returns the length of month m of Hijri year y.
func hijriDays(y, m int) int {
	switch {
	case m%2 == 1:
		return 30
	case m == 12 && (14+11*y)%30 < 11:
		return 30
	}
	return 29
}

// hijriToGregorian converts a valid tabular Hijri date.
func hijriToGregorian(y, m, d int) (gy, gm, gd int) {
	jdn := d + (59*(m-1)+1)/2 + (y-1)*354 + (3+11*y)/30 + hijriEpochJDN
	return civilFromDays(jdn - unixEpochJDN)
}
