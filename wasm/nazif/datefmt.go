package nazif

import "strings"

// The reader view shows a date as a reader says it, in the article's
// language: "11 يونيو 2025، 12:27", not "2025-06-11T12:27" (an ISO value
// inside right-to-left text also reads in the wrong order). The machine
// value stays in <time datetime>. Tables rather than a locale library keep
// the output the same in every runtime.

// monthNames are the Gregorian month names by Article.Lang. Arabic takes the
// names of Egypt and the Gulf (يناير … ديسمبر), the most widely read set;
// Persian and Urdu their own transliterations; any other language English.
var monthNames = map[string]*[12]string{
	"ar": {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"},
	"fa": {"ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"},
	"ur": {"جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست", "ستمبر", "اکتوبر", "نومبر", "دسمبر"},
	"":   {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

// displayDate shows an Article date (ISO 8601, as Extract writes it) as a
// day, a month name and a year in lang (an Article.Lang), followed by the
// time of day when the value has one: "11 يونيو 2025، 12:27", "11 June
// 2025, 12:27". The clock is the page's own: an offset is not converted to
// any reader's time zone. A value of another shape is returned unchanged.
func displayDate(iso, lang string) string {
	if !matchDigits(iso, "dddd-dd-dd") {
		return iso
	}
	month := int(iso[5]-'0')*10 + int(iso[6]-'0')
	names, ok := monthNames[lang]
	if !ok {
		names = monthNames[""]
	}
	if month < 1 || month > 12 || iso[8:10] == "00" {
		return iso
	}
	var b strings.Builder
	b.WriteString(strings.TrimPrefix(iso[8:10], "0"))
	b.WriteByte(' ')
	b.WriteString(names[month-1])
	b.WriteByte(' ')
	b.WriteString(iso[:4])
	if rest := iso[10:]; matchDigits(rest, "Tdd:dd") {
		if names == monthNames[""] {
			b.WriteString(", ")
		} else {
			b.WriteString("، ") // the Arabic comma, in Persian and Urdu too
		}
		b.WriteString(rest[1:6])
	}
	return b.String()
}
