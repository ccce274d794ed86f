package dates_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/nazif/nazif/wasm/internal/dates"
)

// ref is the reference time of the relative cases.
var ref = time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)

type dateCase struct {
	in   string
	want string // Date.String() of the result, "" for no date
}

// check runs parse, named name in messages, over cases.
func check(t *testing.T, name string, parse func(string) (dates.Date, bool), cases []dateCase) {
	t.Helper()
	for _, c := range cases {
		d, ok := parse(c.in)
		if got := d.String(); ok != (c.want != "") || got != c.want {
			t.Errorf("%s(%q) = %q, %v; want %q", name, c.in, got, ok, c.want)
		}
	}
}

// runText checks ParseText on cases, and First on FindAll's matches,
// which must read the same date.
func runText(t *testing.T, ref time.Time, cases []dateCase) {
	t.Helper()
	check(t, "ParseText", func(s string) (dates.Date, bool) { return dates.ParseText(s, ref) }, cases)
	check(t, "First", func(s string) (dates.Date, bool) {
		m, ok := dates.First(s, dates.FindAll(s, ref))
		return m.Date, ok
	}, cases)
}

// Month sets, one name per month, in the order يناير … ديسمبر.
var monthSets = map[string][12]string{
	"egypt":      {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"},
	"levant":     {"كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"},
	"maghreb":    {"جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"},
	"morocco":    {"يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"},
	"mauritania": {"يناير", "فبراير", "مارس", "إبريل", "مايو", "يونيو", "يوليو", "أغشت", "شتمبر", "أكتوبر", "نوفمبر", "دجمبر"},
}

func TestMonthSets(t *testing.T) {
	for set, names := range monthSets {
		for i, name := range names {
			in := "15 " + name + " 2020"
			want := fmt.Sprintf("2020-%02d-15", i+1)
			d, ok := dates.ParseText(in, time.Time{})
			if got := d.String(); !ok || got != want {
				t.Errorf("%s: ParseText(%q) = %q; want %q", set, in, got, want)
			}
		}
	}
}

func TestMonthVariants(t *testing.T) {
	variants := map[string]int{
		"إبريل": 4, "ابريل": 4, "ايريل": 4, "اغسطس": 8, "أغسطص": 8, "اغطس": 8, "آغسطس": 8,
		"يونيه": 6, "يونية": 6, "يوليه": 7, "يولية": 7, "حريزان": 6,
		"كانون ثاني": 1, "كانون الثانى": 1, "كانون2": 1, "كانون 2": 1, "ك2": 1,
		"كانون أول": 12, "كانون الاول": 12, "ك1": 12,
		"تشرين أول": 10, "تشرين الاول": 10, "ت1": 10, "تشرین الأول": 10,
		"تشرين ثاني": 11, "ت2": 11,
		"اذار": 3, "ايار": 5, "آيار": 5, "إيار": 5, "ايلول": 9, "مايس": 5, "اب": 8,
		"اوت": 8, "جويليه": 7, "نوفنبر": 11, "فبرایر": 2, "اكتوبر": 10,
		"أكتـوبر": 10, "مَارِس": 3,
	}
	for name, m := range variants {
		in := "15 " + name + " 2020"
		want := fmt.Sprintf("2020-%02d-15", m)
		d, ok := dates.ParseText(in, time.Time{})
		if got := d.String(); !ok || got != want {
			t.Errorf("ParseText(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestPairedMonths(t *testing.T) {
	runText(t, ref, []dateCase{
		{"24 نيسان / أبريل 2020", "2020-04-24"},
		{"28 آب/اغسطس 2013", "2013-08-28"},
		{"15 يناير (كانون الثاني) 2024", "2024-01-15"},
		{"15 كانون الثاني/يناير 2024", "2024-01-15"},
		{"11 مارس/ آذار", "2027-03-11"}, // no year: the nearest to ref
		{"3 تشرين الأول - أكتوبر 2021", "2021-10-03"},
		{"15 من يناير 2024", "2024-01-15"},
		{"15 من شهر يناير 2024", "2024-01-15"},
		{"15 يناير، 2024", "2024-01-15"},
	})
}

func TestNumeric(t *testing.T) {
	runText(t, time.Time{}, []dateCase{
		{"15/03/2024", "2024-03-15"},
		{"15-03-2024", "2024-03-15"},
		{"17.03.2020", "2020-03-17"},
		{"5/6/2024", "2024-06-05"},   // day first
		{"03/15/2024", "2024-03-15"}, // only month first is valid
		{"2024/03/15", "2024-03-15"},
		{"2024-3-5", "2024-03-05"},
		{"١٥/٠٣/٢٠٢٤", "2024-03-15"},
		{"۱۵/۰۳/۲۰۲۴", "2024-03-15"},
		{"15/03/٢٠24", "2024-03-15"},
		{"15؍03؍2024", "2024-03-15"},
		{"15/03/2024 م", "2024-03-15"},
		{"29/02/2024", "2024-02-29"},
		{"29/02/2023", ""},
		{"32/13/2020", ""},
		{"2020/13/45", ""},
		{"15/03/20", ""},                 // two-digit year
		{"15 / 03 / 2024", "2024-03-15"}, // one space each side, throughout
		{"٠٢:٠٠ الثلاثاء ١ / ١٢ / ٢٠٢٠", "2020-12-01T02:00"},
		{"15 /03/ 2024", ""}, // mixed spacing
		{"15/03-2024", ""},
		{"1.2.2020.3", ""},
		{"v1/2/2020/5", ""},
		{"[2019042306]", ""},
		{"15/03/1850", ""}, // numeric years are modern
	})
}

func TestDigitScripts(t *testing.T) {
	runText(t, time.Time{}, []dateCase{
		{"١٥ مارس ٢٠٢٤", "2024-03-15"},
		{"۱۵ مارس ۲۰۲۴", "2024-03-15"},
		{"١٥ مارس 2024", "2024-03-15"},
		{"15 مارس ٢٠٢٤", "2024-03-15"},
		{"١٥ مارس ٢٠٢٤ ١٠:٣٠ ص", "2024-03-15T10:30"},
	})
}

func TestWeekdaysAndMarkers(t *testing.T) {
	runText(t, time.Time{}, []dateCase{
		{"الأحد 15 مارس 2020", "2020-03-15"},
		{"الاثنين، 16 مارس 2020", "2020-03-16"},
		{"الإثنين, 16 مارس 2020", "2020-03-16"},
		{"الثلاثاء 17 مارس 2020", "2020-03-17"},
		{"الاربعاء 18 مارس 2020", "2020-03-18"},
		{"الخميس 19 مارس 2020", "2020-03-19"},
		{"الجمعة 20 مارس 2020", "2020-03-20"},
		{"السبت 21 مارس 2020", "2020-03-21"},
		{"السبت الموافق 21 مارس 2020", "2020-03-21"},
		{"15 يناير 2024م", "2024-01-15"},
		{"15 يناير 2024 م", "2024-01-15"},
		{"15 يناير 2024 ميلادي", "2024-01-15"},
		{"15 يناير 2024 ميلادية", "2024-01-15"},
		{"10 يناير 1445 هـ", ""}, // a Gregorian month with a Hijri year
		{"الأحد", ""},
	})
}

func TestClock(t *testing.T) {
	runText(t, time.Time{}, []dateCase{
		{"15 مارس 2024 10:30", "2024-03-15T10:30"},
		{"15 مارس 2024 17:27:41", "2024-03-15T17:27:41"},
		{"15 مارس 2024 10:30 ص", "2024-03-15T10:30"},
		{"15 مارس 2024 12:00 م", "2024-03-15T12:00"},
		{"15 مارس 2024 12:15 ص", "2024-03-15T00:15"},
		{"15 مارس 2024 09:22 مساءً", "2024-03-15T21:22"},
		{"15 مارس 2024 09:22 مساء", "2024-03-15T21:22"},
		{"15 مارس 2024 9:22م", "2024-03-15T21:22"},
		{"15 مارس 2024 10:30 صباحاً", "2024-03-15T10:30"},
		{"15 مارس 2024 10:30 صباحا", "2024-03-15T10:30"},
		{"15 مارس 2024 3:00 عصرا", "2024-03-15T15:00"},
		{"15 مارس 2024 1:30 ظهراً", "2024-03-15T13:30"},
		{"15 مارس 2024 12:30 ظهرا", "2024-03-15T12:30"},
		{"15 مارس 2024 5:10 فجراً", "2024-03-15T05:10"},
		{"15 مارس 2024 11:00 ليلاً", "2024-03-15T23:00"},
		{"15 مارس 2024 9:05 PM", "2024-03-15T21:05"},
		{"15 مارس 2024 12:05 am", "2024-03-15T00:05"},
		{"15 مارس 2024 الساعة 10:30", "2024-03-15T10:30"},
		{"10:30 - 15/03/2024", "2024-03-15T10:30"},
		{"15 مارس 2024 24:00", "2024-03-15"},
		{"15 مارس 2024 10:61", "2024-03-15"},
		{"15 مارس 2024\n10:30", "2024-03-15"},
		{"15 مارس 2024 في اجتماع طويل عقده المجلس لبحث الأوضاع 10:30", "2024-03-15"},
		{"10:30", ""},
	})
}

func TestOffsets(t *testing.T) {
	runText(t, time.Time{}, []dateCase{
		{"15 مارس 2024 10:30 GMT+0400", "2024-03-15T10:30+04:00"},
		{"15 مارس 2024 10:30 GMT+3", "2024-03-15T10:30+03:00"},
		{"15 مارس 2024 10:30 GMT +03:00", "2024-03-15T10:30+03:00"},
		{"15 مارس 2024 10:30 UTC+2", "2024-03-15T10:30+02:00"},
		{"15 مارس 2024 10:30 UTC-5", "2024-03-15T10:30-05:00"},
		{"15 مارس 2024 10:30 (GMT)", "2024-03-15T10:30+00:00"},
		{"15 مارس 2024 10:30 GMT", "2024-03-15T10:30+00:00"},
		{"15 مارس 2024 10:30 +04:00", "2024-03-15T10:30+04:00"},
		{"15 مارس 2024 10:30 بتوقيت غرينتش", "2024-03-15T10:30+00:00"},
		{"15 مارس 2024 10:30 بتوقيت جرينتش", "2024-03-15T10:30+00:00"},
		{"15 مارس 2024 10:30 ص بتوقيت مكة المكرمة", "2024-03-15T10:30+03:00"},
		{"15 مارس 2024 10:30 (مكة المكرمة)", "2024-03-15T10:30+03:00"},
		{"15 مارس 2024 10:30 بتوقيت القدس", "2024-03-15T10:30"},
		{"GMT 17:27 17.03.2020", "2020-03-17T17:27+00:00"},
		{"GMT+3 17:27 17.03.2020", "2020-03-17T17:27+03:00"},
		{"15 مارس 2024 (GMT)", "2024-03-15"},
	})
}

func TestRealLines(t *testing.T) {
	runText(t, time.Time{}, []dateCase{
		{"تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً", "2020-04-24T21:22"},
		{"الجمعة 8 فيفري 2019", "2019-02-08"},
		{"الإثنين، 24 أغسطس 2020 09:23 ص", "2020-08-24T09:23"},
		{"التاريخ: 03 يونيو 2020", "2020-06-03"},
		{"العالم |   12:27 - 11/06/2025", "2025-06-11T12:27"},
		{"GMT 17:27 17.03.2020", "2020-03-17T17:27+00:00"},
		{"الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)", "2013-08-28T14:00+04:00"},
		{"نشر في: 15 مايو 2024 - 10:30 ص", "2024-05-15T10:30"},
		{"\u200f15 يناير 2024", "2024-01-15"},
	})
}

func TestNegatives(t *testing.T) {
	for _, r := range []time.Time{{}, ref} {
		runText(t, r, []dateCase{
			{"وزير الرى: 6 جامعات", ""},
			{"[2019042306]", ""},
			{"يونيو 2020", ""},
			{"في شهر يونيو 2020 تقرر", ""},
			{"32/13/2020", ""},
			{"3 أكاذيب", ""},
			{"31 فبراير 2020", ""},
			{"0 مارس 2020", ""},
			{"45 مارس 2020", ""},
			{"1.5 مارس 2020", ""},
			{"5 رمضان", ""},
			{"3 اب", ""}, // اب without madda is "father" unless a year follows
			{"حتى الآن", ""},
			{"منذ أيام", ""},
			{"منذ 2011", ""},
			{"قبل أسبوع من الانتخابات", ""},
			{"", ""},
		})
	}
}

func TestHijri(t *testing.T) {
	hijri := [12]string{"محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"}
	for i, name := range hijri {
		for _, y := range []int{1420, 1445, 1446} {
			in := fmt.Sprintf("10 %s %d هـ", name, y)
			want := tabular(y, i+1, 10).Format(time.DateOnly)
			ms := dates.FindAll(in, time.Time{})
			if len(ms) != 1 || ms[0].Date.String() != want || !ms[0].Hijri {
				t.Errorf("FindAll(%q) = %+v; want one Hijri match %q", in, ms, want)
			}
		}
	}
	runText(t, time.Time{}, []dateCase{
		{"1 رمضان 1445 هـ", "2024-03-11"},
		{"5 رمضان 1445 هـ", "2024-03-15"},
		{"5 رمضان 1445ه.", "2024-03-15"},
		{"5 رمضان 1445 ه", "2024-03-15"},
		{"5 رمضان 1445 هجرية", "2024-03-15"},
		{"5 رمضان 1445 هجري", "2024-03-15"},
		{"5 رمضان 1445", "2024-03-15"},
		{"5 رمضان المبارك 1445 هـ", "2024-03-15"},
		{"5 من شهر رمضان 1445 هـ", "2024-03-15"},
		{"10 المحرم 1446", tabular(1446, 1, 10).Format(time.DateOnly)},
		{"12 صفر الخير 1446", tabular(1446, 2, 12).Format(time.DateOnly)},
		{"3 ربيع الثاني 1446", tabular(1446, 4, 3).Format(time.DateOnly)},
		{"3 ربيع ثاني 1446", tabular(1446, 4, 3).Format(time.DateOnly)},
		{"3 ربيع أول 1446", tabular(1446, 3, 3).Format(time.DateOnly)},
		{"3 جمادي الأولى 1446", tabular(1446, 5, 3).Format(time.DateOnly)},
		{"3 جمادى الثانية 1446", tabular(1446, 6, 3).Format(time.DateOnly)},
		{"3 ذي القعدة 1446", tabular(1446, 11, 3).Format(time.DateOnly)},
		{"3 ذو القِعدة 1446", tabular(1446, 11, 3).Format(time.DateOnly)},
		{"9 ذي الحجة 1445 هـ", tabular(1445, 12, 9).Format(time.DateOnly)},
		{"30 ذو الحجة 1445", tabular(1445, 12, 30).Format(time.DateOnly)}, // 1445 is a leap year
		{"30 ذو الحجة 1446", ""},
		{"30 صفر 1446", ""},
		{"14-09-1432 هـ", tabular(1432, 9, 14).Format(time.DateOnly)},
		{"1432/9/14 هـ", tabular(1432, 9, 14).Format(time.DateOnly)},
		{"14-09-1432", ""},
		{"5 رمضان 1445 م", ""},
		{"5 رمضان 2024", ""},
	})
}

// tabular converts a tabular Islamic civil date by counting month lengths
// from 1 Muharram 1 = 19 July 622 (proleptic Gregorian), independently of
// the closed formula the package uses.
func tabular(y, m, d int) time.Time {
	days := 0
	for yy := 1; yy < y; yy++ {
		days += 354
		if (14+11*yy)%30 < 11 {
			days++
		}
	}
	for mm := 1; mm < m; mm++ {
		days += 29 + mm%2
	}
	return time.Date(622, 7, 19, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days+d-1)
}

func TestPairedHijri(t *testing.T) {
	in := "الأحد 5 رمضان 1445 هـ الموافق 15 مارس 2024 م"
	ms := dates.FindAll(in, time.Time{})
	if len(ms) != 2 {
		t.Fatalf("FindAll(%q) = %d matches; want 2", in, len(ms))
	}
	for i, want := range []struct {
		text, date string
		hijri      bool
	}{{"الأحد 5 رمضان 1445 هـ", "2024-03-15", true}, {"15 مارس 2024 م", "2024-03-15", false}} {
		m := ms[i]
		if got := in[m.Start:m.End]; got != want.text || m.Date.String() != want.date || m.Hijri != want.hijri {
			t.Errorf("match %d = %q %q hijri=%v; want %q %q hijri=%v", i, got, m.Date.String(), m.Hijri, want.text, want.date, want.hijri)
		}
	}
	runText(t, time.Time{}, []dateCase{
		{in, "2024-03-15"},
		// A sighted month a day off the tabular one: the Gregorian date wins.
		{"1 رمضان 1445 هـ الموافق 10 مارس 2024 م", "2024-03-10"},
		{"1 رمضان 1445 هـ الموافق لـ 10 مارس 2024", "2024-03-10"},
		{"1 رمضان 1445 هـ - 10 مارس 2024", "2024-03-10"},
		{"10 مارس 2024 الموافق 1 رمضان 1445 هـ", "2024-03-10"},
		{"1 رمضان 1445 هـ. وفي 10 مارس 2024", "2024-03-11"}, // not a pair
	})
}

func TestRelative(t *testing.T) {
	runText(t, ref, []dateCase{
		{"منذ 5 دقائق", "2026-11-28T09:55"},
		{"منذ ٥ دقائق", "2026-11-28T09:55"},
		{"قبل 3 ساعات", "2026-11-28T07:00"},
		{"منذ ساعة", "2026-11-28T09:00"},
		{"منذ ساعة واحدة", "2026-11-28T09:00"},
		{"قبل ساعة", "2026-11-28T09:00"},
		{"منذ ساعتين", "2026-11-28T08:00"},
		{"منذ دقيقتين", "2026-11-28T09:58"},
		{"منذ دقيقة", "2026-11-28T09:59"},
		{"منذ 30 ثانية", "2026-11-28T09:59"},
		{"منذ نصف ساعة", "2026-11-28T09:30"},
		{"منذ ثلاث ساعات", "2026-11-28T07:00"},
		{"منذ 15 دقيقة", "2026-11-28T09:45"},
		{"منذ ٣ أيام", "2026-11-25"},
		{"قبل يومين", "2026-11-26"},
		{"منذ يوم", "2026-11-27"},
		{"منذ خمسة أيام", "2026-11-23"},
		{"منذ عشرة أيام", "2026-11-18"},
		{"منذ 15 يوماً", "2026-11-13"},
		{"منذ أسبوع", "2026-11-21"},
		{"منذ أسبوعين", "2026-11-14"},
		{"قبل 3 أسابيع", "2026-11-07"},
		{"منذ شهر", "2026-10-28"},
		{"منذ شهرين", "2026-09-28"},
		{"قبل 4 أشهر", "2026-07-28"},
		{"قبل 12 شهراً", "2025-11-28"},
		{"قبل قليل", "2026-11-28T10:00"},
		{"منذ لحظات", "2026-11-28T10:00"},
		{"منذ دقائق", "2026-11-28T10:00"},
		{"الآن", "2026-11-28T10:00"},
		{"أمس", "2026-11-27"},
		{"مساء أمس", "2026-11-27"},
		{"البارحة", "2026-11-27"},
		{"أول أمس", "2026-11-26"},
		{"أمس الأول", "2026-11-26"},
		{"أمس 10:30", "2026-11-27T10:30"},
		{"منذ 3 أيام 10:30", "2026-11-25"},
		{"10 حزيران الجاري", "2026-06-10"},
		{"28 ديسمبر", "2026-12-28"},
		{"28 ديسمبر الماضي", "2025-12-28"},
		{"5 يناير", "2027-01-05"},
		{"5 مارس المقبل", "2027-03-05"},
		{"3 آب", "2026-08-03"},
		{"29 فبراير", ""}, // no leap year within a year of ref
	})
	// Without a reference time, relative forms and yearless dates are left out.
	runText(t, time.Time{}, []dateCase{
		{"منذ 5 دقائق", ""},
		{"أمس", ""},
		{"الآن", ""},
		{"10 حزيران الجاري", ""},
	})
	// Relative dates are computed in ref's location.
	riyadh := time.Date(2026, 11, 28, 1, 0, 0, 0, time.FixedZone("AST", 3*3600))
	runText(t, riyadh, []dateCase{
		{"أمس", "2026-11-27"},
		{"منذ ساعتين", "2026-11-27T23:00"},
	})
	for _, in := range []string{"منذ ساعتين", "أمس"} {
		ms := dates.FindAll(in, ref)
		if len(ms) != 1 || !ms[0].Relative || ms[0].Start != 0 || ms[0].End != len(in) {
			t.Errorf("FindAll(%q) = %+v; want one relative match over the whole input", in, ms)
		}
	}
}

func TestFindAll(t *testing.T) {
	in := "نشر في 12 مارس 2024 10:00، وقال الوزير إن الاجتماع عقد في 15/03/2024 وسيعقد التالي في 1 أبريل 2024 م.\n" +
		"12:27 - 11/06/2025 | 13:05 - 12/06/2025"
	want := []struct{ text, date string }{
		{"12 مارس 2024 10:00", "2024-03-12T10:00"},
		{"15/03/2024", "2024-03-15"},
		{"1 أبريل 2024 م", "2024-04-01"},
		{"12:27 - 11/06/2025", "2025-06-11T12:27"},
		{"13:05 - 12/06/2025", "2025-06-12T13:05"},
	}
	ms := dates.FindAll(in, time.Time{})
	if len(ms) != len(want) {
		t.Fatalf("FindAll: %d matches %+v; want %d", len(ms), ms, len(want))
	}
	for i, w := range want {
		m := ms[i]
		if got := in[m.Start:m.End]; got != w.text || m.Date.String() != w.date || m.Relative || m.Hijri {
			t.Errorf("match %d: got %q %q; want %q %q", i, got, m.Date.String(), w.text, w.date)
		}
	}
	if ms := dates.FindAll("لا تاريخ هنا", ref); ms != nil {
		t.Errorf("FindAll without dates = %+v; want nil", ms)
	}
}

// TestLinear feeds inputs built to provoke backtracking; each must finish
// at once (a quadratic scan would take minutes on 1 MB).
func TestLinear(t *testing.T) {
	const size = 1 << 20
	inputs := map[string]string{
		"digits and slashes": strings.Repeat("1/2/", size/4),
		"arabic digits":      strings.Repeat("١/٢/", size/8),
		"dates":              strings.Repeat("15/03/2024 ", size/11),
		"times":              strings.Repeat("12:34 ", size/6),
		"one number":         strings.Repeat("7", size),
		"one word":           strings.Repeat("س", size/2),
		"months":             strings.Repeat("15 مارس ", size/12),
		"ago":                strings.Repeat("منذ ", size/7),
		"separators":         strings.Repeat("/.-:", size/4),
	}
	for name, in := range inputs {
		ms := dates.FindAll(in, ref)
		if name == "dates" && len(ms) != size/11 {
			t.Errorf("%s: %d matches; want %d", name, len(ms), size/11)
		}
	}
}

func BenchmarkFindAll(b *testing.B) {
	para := "القاهرة - أعلنت وزارة الصحة المصرية، الثلاثاء 17 مارس 2020، تسجيل 30 إصابة جديدة بفيروس كورونا، " +
		"ليرتفع إجمالي المصابين إلى 196 حالة منذ ظهور الفيروس في البلاد في 14 فبراير الماضي. " +
		"وقال المتحدث باسم الوزارة في بيان صدر عند الساعة 17:27 بتوقيت غرينتش إن الحالات الجديدة بينها أجانب، " +
		"وإن 5 حالات تماثلت للشفاء وغادرت المستشفى منذ 3 أيام. وكانت السلطات قد قررت في 15/03/2020 تعليق الدراسة " +
		"لمدة أسبوعين، على أن تستأنف في الأول من نيسان / أبريل المقبل. آخر تحديث: الأربعاء، 18 آذار 2020 09:22 مساءً.\n"
	in := strings.Repeat(para, 6)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		dates.FindAll(in, ref)
	}
}
