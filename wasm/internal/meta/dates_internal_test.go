package meta

import (
	"testing"
	"time"

	"github.com/nazif/nazif/wasm/internal/block"
	"github.com/nazif/nazif/wasm/internal/dates"
)

func TestMachine(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"midnight with offset is a day", "2024-05-01T00:00:00+03:00", "2024-05-01"},
		{"midnight UTC is a day", "2024-05-01T00:00:00Z", "2024-05-01"},
		{"midnight without seconds is a day", "2024-05-01 00:00", "2024-05-01"},
		{"day alone", "2024-05-01", "2024-05-01"},
		{"a minute past midnight keeps its time", "2024-05-01T00:01:00+03:00", "2024-05-01T00:01:00+03:00"},
		{"a second past midnight keeps its time", "2024-05-01T00:00:01Z", "2024-05-01T00:00:01+00:00"},
		{"noon keeps its time", "2024-05-01T12:00:00+03:00", "2024-05-01T12:00:00+03:00"},
		{"RFC 1123", "Wed, 01 May 2024 08:30:00 GMT", "2024-05-01T08:30:00+00:00"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, ok := dates.ParseMachine(c.in)
			if !ok {
				t.Fatalf("ParseMachine(%q) failed", c.in)
			}
			if got := machine(d); got != c.want {
				t.Errorf("got %q; want %q", got, c.want)
			}
		})
	}
}

func TestMachineDate(t *testing.T) {
	src := func(s string) func() string { return func() string { return s } }
	for _, c := range []struct {
		name string
		srcs []func() string
		want string
	}{
		{"first source", []func() string{src("2024-05-01T08:00:00Z"), src("2024-05-02")}, "2024-05-01T08:00:00+00:00"},
		{"empty source skipped", []func() string{src(""), src("2024-05-02")}, "2024-05-02"},
		{"unparsable source skipped", []func() string{src("منذ ساعتين"), src("1714550400"), src("2024-05-02")}, "2024-05-02"},
		{"none", []func() string{src("أمس")}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := machineDate(c.srcs...); got != c.want {
				t.Errorf("got %q; want %q", got, c.want)
			}
		})
	}
	// Sources are read lazily: the first that parses stops the cascade.
	machineDate(src("2024-05-01"), func() string { t.Error("second source read"); return "" })
}

func TestVisibleDates(t *testing.T) {
	now := time.Date(2024, 5, 20, 12, 0, 0, 0, time.UTC)
	story := []block.Block{blk("نص الخبر الأول", true), blk("نص الخبر الثاني", true)}
	with := func(bs ...block.Block) []block.Block {
		return append(append([]block.Block{blk("ارتفاع أسعار الوقود", false)}, bs...), story...)
	}
	for _, c := range []struct {
		name     string
		blocks   []block.Block
		pub, mod string
	}{
		{"date line", with(blk("نشر في 13 مايو 2024", false)), "2024-05-13", ""},
		{"first date line is the published one",
			with(blk("13 مايو 2024", false), blk("14 مايو 2024", false)), "2024-05-13", ""},
		{"update label before the date",
			with(blk("آخر تحديث: 14 مايو 2024", false), blk("نشر في 13 مايو 2024", false)), "2024-05-13", "2024-05-14"},
		{"update label before a long date",
			with(blk("آخر تحديث: الثلاثاء 14 مايو 2024 - 08:15 مساءً بتوقيت مكة المكرمة", false)), "", "2024-05-14T20:15+03:00"},
		{"update label between date and time", with(blk("28 آب 2013، آخر تحديث 14:00", false)), "", "2013-08-28T14:00"},
		{"label of the first date is not the second's",
			with(blk("آخر تحديث 14 مايو 2024، نشر في 13 مايو 2024", false)), "2024-05-13", "2024-05-14"},
		{"words «تم التعديل» mark an update", with(blk("تم التعديل في 14 مايو 2024", false)), "", "2024-05-14"},
		{"English update label", with(blk("Updated 14/05/2024", false)), "", "2024-05-14"},
		{"Hijri paired with Gregorian", with(blk("5 رمضان 1445 هـ الموافق 14 مارس 2024 م", false)), "2024-03-14", ""},
		{"Hijri alone", with(blk("5 رمضان 1445 هـ", false)), "2024-03-15", ""},
		{"Gregorian paired with a later Hijri", with(blk("14 مارس 2024 م الموافق 5 رمضان 1445 هـ", false)), "2024-03-14", ""},
		{"Hijri with a relative date", with(blk("5 رمضان 1445 هـ - منذ ساعتين", false)), "2024-03-15", ""},
		{"body block skipped", with(blk("13 مايو 2024", true)), "", ""},
		{"block of more than 24 words skipped",
			with(blk("في 13 مايو 2024 قالت الوزارة إن عدد الإصابات ارتفع إلى مئة وعشرين حالة وإن الفرق الطبية تعمل على تتبع المخالطين في المحافظات كافة منذ بداية الشهر الماضي", false)), "", ""},
		{"no title block", nil, "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			ti := 0
			if c.blocks == nil {
				ti = -1
			}
			pub, mod := visibleDates(c.blocks, ti, now)
			if pub != c.pub {
				t.Errorf("published: got %q; want %q", pub, c.pub)
			}
			if mod != c.mod {
				t.Errorf("modified: got %q; want %q", mod, c.mod)
			}
		})
	}
}

func TestHasGregorian(t *testing.T) {
	for _, c := range []struct {
		name string
		ms   []dates.Match
		want bool
	}{
		{"Gregorian", []dates.Match{{Hijri: true}, {}}, true},
		{"Hijri alone", []dates.Match{{Hijri: true}}, false},
		{"relative", []dates.Match{{Hijri: true}, {Relative: true}}, false},
		{"none", nil, false},
	} {
		if got := hasGregorian(c.ms); got != c.want {
			t.Errorf("%s: got %v; want %v", c.name, got, c.want)
		}
	}
}
