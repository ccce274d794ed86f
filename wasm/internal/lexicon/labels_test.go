package lexicon_test

import (
	"testing"

	"github.com/nazif/nazif/wasm/internal/lexicon"
	"github.com/nazif/nazif/wasm/internal/normalize"
)

func TestLabels(t *testing.T) {
	for _, c := range []struct {
		text      string
		home, upd bool
	}{
		{"الرئيسية", true, false},
		{"الصفحة الرئيسية", true, false},
		{"Home", true, false},
		{"أخبار", false, false},
		{"الأربعاء، 28 آب/اغسطس 2013، آخر تحديث", false, true},
		{"محدثة", false, true},
		{"Updated", false, true},
		{"نشر في", false, false},
		{"حدث في مثل هذا اليوم من عام مضى في المدينة القديمة بعد سنوات طويلة من الانتظار والترقب", false, false},
	} {
		k := normalize.SearchKey(c.text)
		if got := lexicon.IsHome(k); got != c.home {
			t.Errorf("IsHome(%q) = %v; want %v", c.text, got, c.home)
		}
		if got := lexicon.UpdateLabel(k); got != c.upd {
			t.Errorf("UpdateLabel(%q) = %v; want %v", c.text, got, c.upd)
		}
	}
}
