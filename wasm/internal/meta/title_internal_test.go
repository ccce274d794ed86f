package meta

import (
	"slices"
	"strings"
	"testing"

	"github.com/nazif/nazif/wasm/internal/block"
	"github.com/nazif/nazif/wasm/internal/dom"
	"github.com/nazif/nazif/wasm/internal/normalize"
)

// blk is a classified block of text, as classify leaves it for metadata.
func blk(text string, body bool) block.Block {
	k := normalize.SearchKey(text)
	return block.Block{Text: text, Key: k, Words: len(strings.Fields(k)), Body: body, Chars: len(text)}
}

func TestSplits(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     []split
	}{
		{"no separator", "ارتفاع أسعار الوقود", nil},
		{"hyphen without spaces", "ارتفاع-الأسعار", nil},
		{"one separator, both ends", "العنوان - الموقع",
			[]split{{"العنوان", "الموقع"}, {"الموقع", "العنوان"}}},
		{"three parts, one end at a time", "أ | ب | ج",
			[]split{{"أ | ب", "ج"}, {"ب | ج", "أ"}}},
		{"separators in table order", "أ - ب | ج",
			[]split{{"أ - ب", "ج"}, {"ج", "أ - ب"}, {"أ", "ب | ج"}, {"ب | ج", "أ"}}},
		{"guillemet separator", "العنوان « الموقع",
			[]split{{"العنوان", "الموقع"}, {"الموقع", "العنوان"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := splits(c.in); !slices.Equal(got, c.want) {
				t.Errorf("got %q; want %q", got, c.want)
			}
		})
	}
}

func TestMatchesSite(t *testing.T) {
	k := normalize.SearchKey
	for _, c := range []struct {
		name, part, site string
		want             bool
	}{
		{"same name", k("موقع الخبر"), k("موقع الخبر"), true},
		{"same name, other spelling", k("موقع الأخبار"), k("موقع الاخبار"), true},
		{"name with a word around it", k("موقع الخبر"), k("الخبر"), true},
		{"name inside a long part", k("أسعار الخبز ترتفع في الأسواق مع بداية الشهر"), k("الخبز"), false},
		{"most of the name", k("الخبر"), k("موقع الخبر"), true},
		{"a small piece of the name", k("خبر"), k("موقع الخبر اليومي"), false},
		{"other name", k("أخبار اليوم"), k("موقع الخبر"), false},
		{"unknown site", k("غزة"), "", false},
		{"empty part, unknown site", "", "", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := matchesSite(c.part, c.site); got != c.want {
				t.Errorf("matchesSite(%q, %q): got %v; want %v", c.part, c.site, got, c.want)
			}
		})
	}
}

func TestCut(t *testing.T) {
	for _, c := range []struct{ name, title, site, want string }{
		{"site at the end", "ارتفاع الأسعار - موقع الخبر", "موقع الخبر", "ارتفاع الأسعار"},
		{"site at the start", "موقع الخبر | ارتفاع الأسعار", "موقع الخبر", "ارتفاع الأسعار"},
		{"site spelled longer in the title", "ارتفاع الأسعار :: صحيفة الخبر", "الخبر", "ارتفاع الأسعار"},
		{"site spelled with hamza in the title", "ارتفاع الأسعار - موقع الأخبار", "موقع الاخبار", "ارتفاع الأسعار"},
		{"only the end part is cut", "أسعار - تقرير - موقع الخبر", "موقع الخبر", "أسعار - تقرير"},
		{"white space collapsed", "  ارتفاع   الأسعار  -  موقع الخبر ", "موقع الخبر", "ارتفاع الأسعار"},
		{"site in the middle is kept", "ارتفاع الأسعار - موقع الخبر - تقرير", "موقع الخبر", "ارتفاع الأسعار - موقع الخبر - تقرير"},
		{"end part that is not the site is kept", "ارتفاع الأسعار - تقرير خاص", "موقع الخبر", "ارتفاع الأسعار - تقرير خاص"},
		{"no separator", "ارتفاع الأسعار في موقع الخبر", "موقع الخبر", "ارتفاع الأسعار في موقع الخبر"},
		{"unknown site", "ارتفاع الأسعار - موقع الخبر", "", "ارتفاع الأسعار - موقع الخبر"},
		{"English", "Fuel prices rise | Example News", "Example News", "Fuel prices rise"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := cut(c.title, c.site); got != c.want {
				t.Errorf("got %q; want %q", got, c.want)
			}
		})
	}
}

func TestArabicScript(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"ارتفاع الأسعار", true},
		{"Fuel prices", false},
		{"كورونا COVID-19 في مصر", true},
		{"COVID-19 update مصر", false},
		{"ﻻ ﺗﻨﺲ", true}, // presentation forms
		{"2024", false},
		{"", false},
	} {
		if got := arabicScript(c.in); got != c.want {
			t.Errorf("arabicScript(%q): got %v; want %v", c.in, got, c.want)
		}
	}
}

func TestPartShown(t *testing.T) {
	blocks := []block.Block{
		blk("الرئيسية", false),
		blk("ارتفاع أسعار الوقود في المدينة", false),
		blk("الوقود", false),
		blk(strings.Repeat("كلمة ", 31)+"أخيرة", true),
	}
	long := strings.Repeat("كلمة ", 31) + "أخيرة"
	for _, c := range []struct {
		name  string
		metas []string
		want  string
	}{
		{"first part shown", []string{"ارتفاع أسعار الوقود في المدينة - أخبار محلية"}, "ارتفاع أسعار الوقود في المدينة"},
		{"last part shown", []string{"أخبار محلية | ارتفاع أسعار الوقود في المدينة"}, "ارتفاع أسعار الوقود في المدينة"},
		{"part shown with other white space and hamza", []string{"ارتفاع  اسعار الوقود في المدينة - أخبار"}, "ارتفاع اسعار الوقود في المدينة"},
		{"a later meta title", []string{"", "عنوان آخر - أخبار", "ارتفاع أسعار الوقود في المدينة - أخبار"}, "ارتفاع أسعار الوقود في المدينة"},
		{"single word part is not read", []string{"الوقود - أخبار محلية"}, ""},
		{"title without separator is not split", []string{"ارتفاع أسعار الوقود في المدينة"}, ""},
		{"part shown only as a long block is not read", []string{long + " - أخبار"}, ""},
		{"no part shown", []string{"انخفاض أسعار الخبز - أخبار محلية"}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := partShown(c.metas, blocks); got != c.want {
				t.Errorf("got %q; want %q", got, c.want)
			}
		})
	}
}

func TestSiteFromTitle(t *testing.T) {
	for _, c := range []struct{ name, docTitle, title, want string }{
		{"affix after", "ارتفاع الأسعار | موقع الخبر", "ارتفاع الأسعار", "موقع الخبر"},
		{"affix before", "موقع الخبر - ارتفاع الأسعار", "ارتفاع الأسعار", "موقع الخبر"},
		{"affix matched by key", "ارتفاع  الأسعار | موقع الخبر", "ارتفاع الاسعار", "موقع الخبر"},
		{"<title> is the title", "ارتفاع الأسعار", "ارتفاع الأسعار", ""},
		{"rest is not the title", "ارتفاع الأسعار | موقع الخبر", "انخفاض الأسعار", ""},
		{"no title", "ارتفاع الأسعار | موقع الخبر", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := &Page{doc: &dom.Doc{Title: c.docTitle}, index: &index{}}
			if got := p.siteFromTitle(c.title); got != c.want {
				t.Errorf("got %q; want %q", got, c.want)
			}
		})
	}
}

func TestTitleIndex(t *testing.T) {
	blocks := []block.Block{blk("الرئيسية", false), blk("ارتفاع أسعار الوقود", false), blk("نص الخبر", true), blk("نص آخر", true)}
	for _, c := range []struct {
		name, title string
		blocks      []block.Block
		want        int
	}{
		{"block showing the title", "ارتفاع اسعار الوقود", blocks, 1},
		{"title not shown: the first body block", "عنوان آخر", blocks, 2},
		{"no title: the first body block", "", blocks, 2},
		{"no title block and no body", "عنوان آخر", blocks[:2], -1},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := titleIndex(c.blocks, c.title); got != c.want {
				t.Errorf("got %d; want %d", got, c.want)
			}
		})
	}
}

func TestWindow(t *testing.T) {
	blocks := make([]block.Block, 30)
	for i := 12; i < 20; i++ {
		blocks[i].Body = true
	}
	for _, c := range []struct {
		name           string
		blocks         []block.Block
		ti             int
		wantLo, wantHi int
	}{
		{"no title", blocks, -1, 0, 0},
		{"six before the title, four past the first body block", blocks, 10, 4, 16},
		{"title near the top", blocks, 2, 0, 16},
		{"title in the body", blocks, 14, 8, 18},
		{"title past the body", blocks, 25, 19, 29},
		{"cut at the last block", blocks[:14], 10, 4, 14},
	} {
		t.Run(c.name, func(t *testing.T) {
			if lo, hi := window(c.blocks, c.ti); lo != c.wantLo || hi != c.wantHi {
				t.Errorf("got [%d, %d); want [%d, %d)", lo, hi, c.wantLo, c.wantHi)
			}
		})
	}
}
