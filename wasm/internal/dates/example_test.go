package dates_test

import (
	"fmt"
	"time"

	"github.com/nazif/nazif/wasm/internal/dates"
)

func ExampleParseText() {
	d, ok := dates.ParseText("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)", time.Time{})
	fmt.Println(d, ok)

	// A Hijri date paired with its Gregorian day: the Gregorian one wins.
	d, _ = dates.ParseText("الأحد 1 رمضان 1445 هـ الموافق 10 مارس 2024 م", time.Time{})
	fmt.Println(d)

	ref := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	d, _ = dates.ParseText("منذ 3 ساعات", ref)
	fmt.Println(d)
	// Output:
	// 2013-08-28T14:00+04:00 true
	// 2024-03-10
	// 2026-11-28T07:00
}

func ExampleFindAll() {
	s := "12:27 - 11/06/2025 | الجمعة 24 نيسان / أبريل 2020 09:22 مساءً"
	for _, m := range dates.FindAll(s, time.Time{}) {
		fmt.Printf("%s\t%s\n", m.Date, s[m.Start:m.End])
	}
	// Output:
	// 2025-06-11T12:27	12:27 - 11/06/2025
	// 2020-04-24T21:22	الجمعة 24 نيسان / أبريل 2020 09:22 مساءً
}
