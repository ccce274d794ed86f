package meta

import (
	"slices"
	"testing"
	"time"

	"github.com/nazif/nazif/wasm/internal/block"
	"github.com/nazif/nazif/wasm/internal/dom"
)

func TestCleanAuthor(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"name", "  أحمد سمير ", "أحمد سمير"},
		{"byline label", "بقلم: أحمد سمير", "أحمد سمير"},
		{"English byline label", "By Ahmed Samir", "Ahmed Samir"},
		{"agency in brackets", "(رويترز)", "رويترز"},
		{"source label", "المصدر: وكالات", "وكالات"},
		{"empty", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := cleanAuthor(c.in); got != c.want {
				t.Errorf("got %q; want %q", got, c.want)
			}
		})
	}
}

func TestWithoutDates(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"name then date", "أحمد سمير 13 مايو 2024", "أحمد سمير"},
		{"name then date and time", "أحمد سمير - الاثنين 13 مايو 2024 10:30 ص", "أحمد سمير -"},
		{"no date", "أحمد سمير", "أحمد سمير"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := withoutDates(c.in); got != c.want {
				t.Errorf("got %q; want %q", got, c.want)
			}
		})
	}
}

func TestAuthorElement(t *testing.T) {
	for _, c := range []struct {
		name    string
		authors []string
		want    string
	}{
		{"name", []string{"أحمد سمير"}, "أحمد سمير"},
		{"byline label", []string{"كتب: أحمد سمير"}, "أحمد سمير"},
		{"date cut", []string{"أحمد سمير 13 مايو 2024"}, "أحمد سمير"},
		{"five words", []string{"أحمد سمير محمد علي حسن"}, "أحمد سمير محمد علي حسن"},
		{"six words skipped for the next", []string{"أحمد سمير محمد علي حسن إبراهيم", "ليلى حسن"}, "ليلى حسن"},
		{"colon skipped", []string{"الكاتب: أحمد سمير", "ليلى حسن"}, "ليلى حسن"},
		{"Arabic comma skipped", []string{"أحمد سمير، القاهرة", "ليلى حسن"}, "ليلى حسن"},
		{"full stop skipped", []string{"صحفي مصري.", "ليلى حسن"}, "ليلى حسن"},
		{"date alone skipped", []string{"13 مايو 2024", "ليلى حسن"}, "ليلى حسن"},
		{"none", nil, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := &Page{index: &index{authors: c.authors}}
			if got := p.authorElement(); got != c.want {
				t.Errorf("got %q; want %q", got, c.want)
			}
		})
	}
}

func TestBylineBlock(t *testing.T) {
	now := time.Date(2024, 5, 20, 12, 0, 0, 0, time.UTC)
	body := func(n int) []block.Block {
		var bs []block.Block
		for range n {
			bs = append(bs, blk("نص الخبر", true))
		}
		return bs
	}
	far := blk("كتب سامي خليل", false)
	farByline := far
	farByline.Reason = "byline"
	for _, c := range []struct {
		name   string
		blocks []block.Block
		want   string
	}{
		{"byline after the title",
			slices.Concat([]block.Block{blk("عنوان", false), blk("كتب أحمد سمير", false)}, body(3)), "أحمد سمير"},
		{"byline with its date",
			slices.Concat([]block.Block{blk("عنوان", false), blk("كتبت أسماء نصار 13 مايو 2024", false)}, body(3)), "أسماء نصار"},
		{"byline set aside by classification, far from the title",
			slices.Concat([]block.Block{blk("عنوان", false)}, body(8), []block.Block{farByline}), "سامي خليل"},
		{"byline far from the title, not set aside",
			slices.Concat([]block.Block{blk("عنوان", false)}, body(8), []block.Block{far}), ""},
		{"the one in the window first",
			slices.Concat([]block.Block{blk("عنوان", false), blk("بقلم أحمد سمير", false)}, body(8), []block.Block{farByline}), "أحمد سمير"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := bylineBlock(c.blocks, 0, now); got != c.want {
				t.Errorf("got %q; want %q", got, c.want)
			}
		})
	}
}

func TestClosingCredit(t *testing.T) {
	b := func(text string, body bool) block.Block { return blk(text, body) }
	for _, c := range []struct {
		name   string
		blocks []block.Block
		want   string
	}{
		{"right after the body", []block.Block{b("عنوان", false), b("نص", true), b("نص", true), b("(رويترز)", false)}, "رويترز"},
		{"second after the body", []block.Block{b("نص", true), b("شارك", false), b("--(بترا)", false)}, "بترا"},
		{"third after the body", []block.Block{b("نص", true), b("شارك", false), b("تابعنا", false), b("(رويترز)", false)}, ""},
		{"before the body", []block.Block{b("(رويترز)", false), b("نص", true)}, ""},
		{"no body", []block.Block{b("(رويترز)", false)}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := closingCredit(c.blocks); got != c.want {
				t.Errorf("got %q; want %q", got, c.want)
			}
		})
	}
}

// TestCollect covers what the walk reads of the tree for the cascades:
// visible h1s, the first breadcrumb, the first few visible author
// elements, the first <time> marked as publication, the current menu
// item and the canonical link.
func TestCollect(t *testing.T) {
	x := collect(dom.Parse(`<head><link rel="canonical" href=" /news/7 "><link rel="canonical" href="/other">
<meta property="og:title article:title" content="عنوان"><meta name="Author" content="أحمد"></head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li class="active"><a href="/e">اقتصاد</a></li><li class="current"><a href="/s">رياضة</a></li></ul></nav>
<div class="breadcrumb"><a href="/">الرئيسية</a><a href="/e">اقتصاد</a></div>
<div class="breadcrumb"><a href="/s">رياضة</a></div>
<h1 hidden>عنوان مخفي</h1><h1>عنوان ظاهر</h1><div aria-hidden="true"><h1>عنوان آخر مخفي</h1></div><h1></h1>
<span class="author">أ</span><span class="author" style="display:none">مخفي</span><span class="author">ب</span>
<span class="author">ج</span><span class="author">د</span><span class="author">هـ</span>
<time datetime="2024-01-01">أمس</time><time class="published">اليوم</time><time class="published" datetime="2024-05-01">اليوم</time>
<time class="published" datetime="2024-05-02">اليوم</time></body>`).Root, nil)
	if want := []string{"عنوان ظاهر"}; !slices.Equal(x.h1s, want) {
		t.Errorf("h1s: got %q; want %q", x.h1s, want)
	}
	if want := []string{"الرئيسية", "اقتصاد"}; !slices.Equal(x.crumbs, want) {
		t.Errorf("crumbs: got %q; want %q", x.crumbs, want)
	}
	if want := []string{"أ", "ب", "ج", "د"}; !slices.Equal(x.authors, want) {
		t.Errorf("authors: got %q; want %q", x.authors, want)
	}
	if want := "2024-05-01"; x.pubTime != want {
		t.Errorf("pubTime: got %q; want %q", x.pubTime, want)
	}
	if want := "اقتصاد"; x.nav != want {
		t.Errorf("nav: got %q; want %q", x.nav, want)
	}
	if want := "/news/7"; x.canonical != want {
		t.Errorf("canonical: got %q; want %q", x.canonical, want)
	}
	if got, want := x.tags.get("article:title"), "عنوان"; got != want {
		t.Errorf("article:title: got %q; want %q", got, want)
	}
	if got, want := x.tags.get("author"), "أحمد"; got != want {
		t.Errorf("author: got %q; want %q", got, want)
	}
}
