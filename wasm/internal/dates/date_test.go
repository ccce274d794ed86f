package dates_test

import (
	"testing"
	"time"

	"github.com/nazif/nazif/wasm/internal/dates"
)

func TestDateString(t *testing.T) {
	cases := []struct {
		d    dates.Date
		want string
	}{
		{dates.Date{}, ""},
		{dates.Date{Year: 2019, Month: 2, Day: 8, Prec: dates.PrecDay}, "2019-02-08"},
		{dates.Date{Year: 2025, Month: 6, Day: 11, Hour: 12, Minute: 27, Prec: dates.PrecMinute}, "2025-06-11T12:27"},
		{dates.Date{Year: 2020, Month: 3, Day: 17, Hour: 17, Minute: 27, Second: 41, Prec: dates.PrecSecond, HasOffset: true}, "2020-03-17T17:27:41+00:00"},
		{dates.Date{Year: 2020, Month: 6, Day: 3, Hour: 3, Minute: 1, Prec: dates.PrecMinute, HasOffset: true, Offset: 4 * 3600}, "2020-06-03T03:01+04:00"},
		{dates.Date{Year: 2020, Month: 6, Day: 3, Hour: 3, Minute: 1, Prec: dates.PrecMinute, HasOffset: true, Offset: -(3*3600 + 30*60)}, "2020-06-03T03:01-03:30"},
		{dates.Date{Year: 987, Month: 1, Day: 2, Prec: dates.PrecDay}, "0987-01-02"},
	}
	for _, c := range cases {
		if got := c.d.String(); got != c.want {
			t.Errorf("%+v.String() = %q; want %q", c.d, got, c.want)
		}
	}
}

func TestDateTime(t *testing.T) {
	cases := []struct {
		in   string
		want time.Time
	}{
		{"2020-06-03T03:01+0400", time.Date(2020, 6, 2, 23, 1, 0, 0, time.UTC)},
		{"2020-06-03T03:01", time.Date(2020, 6, 3, 3, 1, 0, 0, time.UTC)},
		{"2020-06-03", time.Date(2020, 6, 3, 0, 0, 0, 0, time.UTC)},
		{"2020-03-17T17:27:41Z", time.Date(2020, 3, 17, 17, 27, 41, 0, time.UTC)},
	}
	for _, c := range cases {
		d, _ := dates.ParseMachine(c.in)
		if got := d.Time(); !got.Equal(c.want) {
			t.Errorf("ParseMachine(%q).Time() = %v; want %v", c.in, got, c.want)
		}
	}
	if !(dates.Date{}).Time().IsZero() || !(dates.Date{}).IsZero() {
		t.Errorf("zero Date: Time() = %v, IsZero() = %v; want zero, true", dates.Date{}.Time(), dates.Date{}.IsZero())
	}
	if d, _ := dates.ParseMachine("2020-06-03"); d.IsZero() {
		t.Errorf("ParseMachine(%q).IsZero() = true; want false", "2020-06-03")
	}
}
