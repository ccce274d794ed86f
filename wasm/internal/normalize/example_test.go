package normalize_test

import (
	"fmt"

	"golang.org/x/text/transform"

	"github.com/nazif/nazif/wasm/internal/normalize"
)

func ExampleDisplay() {
	fmt.Println(normalize.Display("\u200Fقال الـــوزير\u00A0: «جـــداً» ، الـ20 عاماً", true))
	// Output: قال الوزير : «جداً»، الـ20 عاماً
}

func ExampleSearchKey() {
	fmt.Println(normalize.SearchKey("اقرأ أيضاً: مُستشفى القاهرة ٢٠٢٤"))
	// Output: اقرا ايضا: مستشفي القاهره 2024
}

func ExampleRemoveHarakat() {
	s, _, _ := transform.String(normalize.RemoveHarakat(), "إِنَّ هٰذا")
	fmt.Println(s)
	// Output: إن هذا
}

func ExampleRemoveTatweel() {
	s, _, _ := transform.String(normalize.RemoveTatweel(), "الـ20 جـــداً")
	fmt.Println(s)
	// Output: ال20 جداً
}

func ExampleFoldAlef() {
	s, _, _ := transform.String(normalize.FoldAlef(), "أحمد إلى المدرسة")
	fmt.Println(s)
	// Output: احمد الي المدرسه
}

func ExampleASCIIDigits() {
	s, _, _ := transform.String(normalize.ASCIIDigits(), "١٥ مارس ٢٠٢٤")
	fmt.Println(s)
	// Output: 15 مارس 2024
}

// The transformers compose with transform.Chain; after Display they give the
// search key (apart from lowercasing ASCII).
func Example_chain() {
	key := transform.Chain(normalize.RemoveHarakat(), normalize.RemoveTatweel(), normalize.FoldAlef(), normalize.ASCIIDigits())
	s, _, _ := transform.String(key, normalize.Display("أُعلِنت النتائـــج يوم ١٥", true))
	fmt.Println(s)
	// Output: اعلنت النتائج يوم 15
}
