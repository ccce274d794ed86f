package lexicon_test

import (
	"strings"
	"testing"

	"github.com/nazif/nazif/wasm/internal/lexicon"
	"github.com/nazif/nazif/wasm/internal/normalize"
)

// pageText returns the search key of about 50 KB of an Arabic news page:
// body paragraphs with chrome lines between them.
func pageText() string {
	parts := []string{
		"أعلنت وزارة الصحة يوم الخميس عن إطلاق حملة قومية جديدة للتطعيم تستهدف أكثر من 16 مليون طفل في جميع المحافظات، وذلك بالتعاون مع منظمة الصحة العالمية.",
		"اقرأ أيضاً: الحكومة تعلن موعد الانتخابات البلدية",
		"وقال المتحدث الرسمي باسم الوزارة إن الحملة ستستمر أربعة أيام، وإن الفرق الطبية ستزور المنازل والمدارس، مشيراً إلى أن اللقاح آمن تماماً.",
		"شارك هذا الخبر: فيسبوك تويتر واتساب",
		"من جهة أخرى، ارتفع سعر صرف الدولار أمام الجنيه في التعاملات الصباحية، بينما استقرت أسعار الذهب وفق ما ذكرته شعبة الذهب في اتحاد الغرف التجارية.",
		"تابعونا على فيسبوك | جميع الحقوق محفوظة © 2024 | سياسة الخصوصية",
	}
	var b strings.Builder
	for b.Len() < 50_000 {
		for _, p := range parts {
			b.WriteString(p)
			b.WriteByte(' ')
		}
	}
	return normalize.SearchKey(b.String())
}

func BenchmarkFind(b *testing.B) {
	key := pageText()
	b.SetBytes(int64(len(key)))
	b.ReportAllocs()
	for b.Loop() {
		lexicon.Find(key)
	}
}

func BenchmarkFunctionWords(b *testing.B) {
	key := pageText()
	b.SetBytes(int64(len(key)))
	b.ReportAllocs()
	for b.Loop() {
		lexicon.FunctionWords(key)
	}
}

func BenchmarkScan(b *testing.B) {
	key := pageText()
	b.SetBytes(int64(len(key)))
	b.ReportAllocs()
	var hits []lexicon.Hit
	for b.Loop() {
		_, hits = lexicon.Scan(hits[:0], key)
	}
}
