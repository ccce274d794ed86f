package eval_test

import (
	"math"
	"testing"

	"github.com/nazif/nazif/wasm/eval"
)

// TestTokenF1Hand checks the metric against a hand-computed example.
func TestTokenF1Hand(t *testing.T) {
	// want tokens: قال الوزير إن الخطة جاهزة الخطة  (6; "الخطة" twice)
	// got tokens:  قال الوزير إن الخطة شارك شارك    (6)
	// common over multisets: قال الوزير إن الخطة = 4
	// precision 4/6, recall 4/6, F1 4/6.
	want := "قالَ الوزيرُ: «إنّ الخطة جاهزة»، الخطة."
	got := "قال الـــوزير إن الخطة! شارك شارك"
	p, r, f := eval.TokenF1(got, want)
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"precision", p, 4.0 / 6}, {"recall", r, 4.0 / 6}, {"f1", f, 4.0 / 6}} {
		if math.Abs(c.got-c.want) > 1e-9 {
			t.Errorf("%s = %v; want %v", c.name, c.got, c.want)
		}
	}
}

func TestTokens(t *testing.T) {
	got := eval.Tokens("ﻻ  يُقدّر\u00a0بـ\"إنشاء\" (قسد)، 2025-06-11")
	want := []string{"لا", "يقدر", "بإنشاء", "قسد", "20250611"}
	if len(got) != len(want) {
		t.Fatalf("got %q; want %q", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("token %d: got %q; want %q", i, got[i], want[i])
		}
	}
}

func TestEvaluate(t *testing.T) {
	tr := eval.Truth{
		Title:          "عنوان  الخبر",
		Published:      "2020-04-24T21:22",
		PublishedAlt:   []string{"2020-04-25"},
		Paragraphs:     []string{"نص الخبر الأول.", "نص الخبر الثاني."},
		DumpParagraphs: []string{"نص الخبر الأول. نص الخبر الثاني."},
		MustNotContain: []string{"شارك هذا الخبر", "اقرأ أيضا"},
	}
	s := eval.Evaluate(eval.Extracted{
		Title:     "عنوان الخبر",
		Published: "2020-04-25T01:00+03:00",
		Text:      "نص الخبر الأول.\n\nنص الخبر الثاني.\n\nشارك  هذا الخبر",
	}, tr, false)
	if !s.TitleOK || !s.DateOK {
		t.Errorf("TitleOK=%v DateOK=%v; want both true", s.TitleOK, s.DateOK)
	}
	if len(s.Leaks) != 1 || s.Leaks[0] != "شارك هذا الخبر" {
		t.Errorf("leaks %q; want the share line", s.Leaks)
	}
	if s.Recall != 1 || s.Precision >= 1 {
		t.Errorf("precision %v recall %v; want <1 and 1", s.Precision, s.Recall)
	}
	if got := eval.Evaluate(eval.Extracted{Published: "2020-04-23"}, tr, true); got.DateOK || got.TitleOK || got.F1 != 0 {
		t.Errorf("empty extraction scored %+v", got)
	}
}

// TestTotals: means over pages, counts summed, by hand.
func TestTotals(t *testing.T) {
	var tot eval.Totals
	tot.Add(eval.Score{Precision: 1, Recall: 0.5, F1: 2.0 / 3, Leaks: []string{"a", "b"}, TitleOK: true})
	tot.Add(eval.Score{Precision: 0.5, Recall: 1, F1: 2.0 / 3, DateOK: true})
	tot.Add(eval.Score{TitleOK: true, DateOK: true})
	if tot.Pages != 3 || tot.Leaks != 2 || tot.Titles != 2 || tot.Dates != 2 {
		t.Errorf("counts %+v", tot)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"precision", tot.Precision, 0.5}, {"recall", tot.Recall, 0.5}, {"f1", tot.F1, 4.0 / 9}} {
		if math.Abs(c.got-c.want) > 1e-9 {
			t.Errorf("mean %s = %v; want %v", c.name, c.got, c.want)
		}
	}
}

func TestStem(t *testing.T) {
	for _, c := range []struct {
		in   string
		stem string
		dump bool
	}{
		{"youm7-2020-08-24.html", "youm7-2020-08-24", false},
		{"youm7-2020-08-24.dump.txt", "youm7-2020-08-24", true},
		{"youm7-2020-08-24.html.json", "youm7-2020-08-24", false},
		{"youm7-2020-08-24.dump.txt.json", "youm7-2020-08-24", true},
		{"youm7-2020-08-24.json", "youm7-2020-08-24", false},
		{"page.htm", "page", false},
		{"youm7-2020-08-24.dump.json", "youm7-2020-08-24", true},
	} {
		if stem, dump := eval.Stem(c.in); stem != c.stem || dump != c.dump {
			t.Errorf("Stem(%q) = %q, %v; want %q, %v", c.in, stem, dump, c.stem, c.dump)
		}
	}
}
