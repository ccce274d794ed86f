package langid_test

import (
	"fmt"

	"github.com/nazif/nazif/wasm/internal/langid"
)

func Example() {
	for _, text := range []string{
		"أعلنت وزارة الصحة تسجيل حالات جديدة في القاهرة",
		"وزیر امور خارجه گفت که این سفر انجام می‌شود",
		"وزیر اعظم نے کہا کہ حکومت کام کر رہی ہے",
		"The ministry announced new measures",
	} {
		l := langid.Detect(text)
		fmt.Println(l, langid.Dir(l))
	}
	// Output:
	// ar rtl
	// fa rtl
	// ur rtl
	// other ltr
}
