package lexicon_test

import (
	"fmt"

	"github.com/nazif/nazif/wasm/internal/lexicon"
	"github.com/nazif/nazif/wasm/internal/normalize"
)

func ExampleFind() {
	key := normalize.SearchKey("تابعونا على فيسبوك | جميع الحقوق محفوظة © 2024")
	for _, h := range lexicon.Find(key) {
		fmt.Println(h.Cat, h.Strong, key[h.Start:h.End])
	}
	// Output:
	// follow true تابعونا علي
	// social false فيسبوك
	// copyright true جميع الحقوق محفوظه
}

func ExampleCoverage() {
	key := normalize.SearchKey("الرئيسية » أخبار » رياضة")
	fmt.Println(lexicon.Coverage(key, lexicon.Find(key)))
	// Output: 1
}

func ExampleFunctionWords() {
	words, fn := lexicon.FunctionWords(normalize.SearchKey("وقال إن الحكومة التي تشكلت بعد الانتخابات ستعمل على ذلك"))
	fmt.Println(words, fn)
	// Output: 10 5
}

func ExampleScan() {
	key := normalize.SearchKey("اقرأ أيضاً: الحكومة تعلن موعد الانتخابات في الربيع")
	c, hits := lexicon.Scan(nil, key)
	fmt.Println(c.Words, c.Function, c.Covered, hits[0].Cat)
	// Output: 8 2 2 read-also
}
