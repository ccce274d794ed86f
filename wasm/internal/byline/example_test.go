package byline_test

import (
	"fmt"

	"github.com/nazif/nazif/wasm/internal/byline"
)

func ExampleParse() {
	for _, line := range []string{"كتبت أسماء نصار", "حوار: آسيا العتروس", "وزير الري يشهد توقيع عقد"} {
		name, ok := byline.Parse(line)
		fmt.Printf("%q %v\n", name, ok)
	}
	// Output:
	// "أسماء نصار" true
	// "آسيا العتروس" true
	// "" false
}

func ExampleCredit() {
	name, ok := byline.Credit("--(بترا)")
	fmt.Println(name, ok)
	// Output: بترا true
}
