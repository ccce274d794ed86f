package nazif

import "testing"

func TestDisplayDate(t *testing.T) {
	for _, tc := range []struct{ iso, lang, want string }{
		{"2025-06-11T12:27", "ar", "11 يونيو 2025، 12:27"},
		{"2020-06-03T03:01+04:00", "ar", "3 يونيو 2020، 03:01"}, // the page's clock, not converted
		{"2019-02-08", "ar", "8 فبراير 2019"},
		{"2019-12-31T23:59:59.5Z", "fa", "31 دسامبر 2019، 23:59"},
		{"2021-07-01", "ur", "1 جولائی 2021"},
		{"2024-01-05T08:00Z", "other", "5 January 2024, 08:00"},
		{"2024-01-05", "", "5 January 2024"},
		{"2024-13-05", "ar", "2024-13-05"}, // not a month: as it is
		{"2024-01-00", "ar", "2024-01-00"},
		{"yesterday", "ar", "yesterday"},
		{"", "ar", ""},
	} {
		if got := displayDate(tc.iso, tc.lang); got != tc.want {
			t.Errorf("displayDate(%q, %q) = %q; want %q", tc.iso, tc.lang, got, tc.want)
		}
	}
}
