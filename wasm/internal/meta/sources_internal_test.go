package meta

import (
	"slices"
	"strings"
	"testing"

	"github.com/nazif/nazif/wasm/internal/dom"
	"github.com/nazif/nazif/wasm/internal/jsonld"
)

// byID parses page and returns its element with id "x".
func byID(t *testing.T, page string) *dom.Node {
	t.Helper()
	var find func(n *dom.Node) *dom.Node
	find = func(n *dom.Node) *dom.Node {
		for c := n.FirstChild; c != nil; c = c.Next {
			if c.Type == dom.Element && c.Attr("id") == "x" {
				return c
			}
			if f := find(c); f != nil {
				return f
			}
		}
		return nil
	}
	n := find(dom.Parse(page).Root)
	if n == nil {
		t.Fatalf("no element with id x in %q", page)
	}
	return n
}

func TestCategoryLink(t *testing.T) {
	for _, c := range []struct {
		name, page string
		want       bool
	}{
		{"category path", `<a id="x" href="/category/politics/">سياسة</a>`, true},
		{"categories path", `<a id="x" href="https://example.org/categories/politics">سياسة</a>`, true},
		{"tag path", `<a id="x" href="/tag/x">وسم</a>`, true},
		{"tags path", `<a id="x" href="/tags/economy">وسم</a>`, true},
		{"section path", `<a id="x" href="/section/economy">اقتصاد</a>`, true},
		{"sections path", `<a id="x" href="/sections/12">اقتصاد</a>`, true},
		{"topic path", `<a id="x" href="/topic/gaza">غزة</a>`, true},
		{"topics path", `<a id="x" href="/topics/gaza">غزة</a>`, true},
		{"cat query", `<a id="x" href="/?cat=4">سياسة</a>`, true},
		{"word of a longer path segment", `<a id="x" href="/news-category-politics">سياسة</a>`, true},
		{"element holding one category link", `<span id="x"><a href="/category/politics/">سياسة</a></span>`, true},
		{"element holding a label and one category link", `<span id="x">في <a href="/category/politics/">سياسة</a></span>`, true},
		{"author page", `<a id="x" href="/author/ahmed-samir/">أحمد سمير</a>`, false},
		{"word only inside another word", `<a id="x" href="/news/cats-and-dogs">قطط</a>`, false},
		{"article path", `<a id="x" href="/news/2024/05/13/story">خبر</a>`, false},
		{"link without address", `<a id="x">أحمد سمير</a>`, false},
		{"element holding two links", `<span id="x"><a href="/category/a">أ</a> و<a href="/category/b">ب</a></span>`, false},
		{"element holding a link inside another element", `<span id="x"><b><a href="/category/a">أ</a></b></span>`, false},
		{"element holding text only", `<span id="x">أحمد سمير</span>`, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := categoryLink(byID(t, c.page)); got != c.want {
				t.Errorf("got %v; want %v", got, c.want)
			}
		})
	}
}

func TestIsCurrent(t *testing.T) {
	for _, c := range []struct {
		name, page string
		want       bool
	}{
		{"active", `<li id="x" class="menu-item active">اقتصاد</li>`, true},
		{"current-menu-item", `<li id="x" class="menu-item current-menu-item">اقتصاد</li>`, true},
		{"is-selected", `<a id="x" class="is-selected">اقتصاد</a>`, true},
		{"on", `<a id="x" class="nav-on">اقتصاد</a>`, true},
		{"camel case", `<a id="x" class="navItemActive">اقتصاد</a>`, true},
		{"inactive is one word", `<a id="x" class="inactive">اقتصاد</a>`, false},
		{"plain item", `<li id="x" class="menu-item">اقتصاد</li>`, false},
		{"no class", `<li id="x">اقتصاد</li>`, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := isCurrent(byID(t, c.page)); got != c.want {
				t.Errorf("got %v; want %v", got, c.want)
			}
		})
	}
}

func TestInMenu(t *testing.T) {
	for _, c := range []struct {
		name, page string
		want       bool
	}{
		{"in nav", `<nav><div><p id="x">اقتصاد</p></div></nav>`, true},
		{"in a list", `<ul><li><p id="x">اقتصاد</p></li></ul>`, true},
		{"in an ordered list", `<ol><li><p id="x">اقتصاد</p></li></ol>`, true},
		{"in an element named menu", `<div class="top-menu"><p id="x">اقتصاد</p></div>`, true},
		{"itself named nav", `<p id="x" class="navbar">اقتصاد</p>`, true},
		{"in an article", `<article><div><p id="x">اقتصاد</p></div></article>`, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := inMenu(byID(t, c.page)); got != c.want {
				t.Errorf("got %v; want %v", got, c.want)
			}
		})
	}
}

func TestCrumbItems(t *testing.T) {
	many := `<div id="x">` + strings.Repeat(`<a href="/s">قسم</a>`, 1000) + `</div>`
	for _, c := range []struct {
		name, page string
		want       []string
	}{
		{"links, not the current item", `<div id="x"><a href="/">الرئيسية</a> › <a href="/economy">اقتصاد</a> › <span>عنوان الخبر</span></div>`,
			[]string{"الرئيسية", "اقتصاد"}},
		{"list items without links", `<ol id="x"><li>الرئيسية</li><li>اقتصاد</li></ol>`,
			[]string{"الرئيسية", "اقتصاد"}},
		{"spans inside list items", `<ol id="x"><li><span>الرئيسية</span></li><li><span>اقتصاد</span></li></ol>`,
			[]string{"الرئيسية", "اقتصاد"}},
		{"links inside list items", `<ul id="x"><li><a href="/"><span>الرئيسية</span></a></li><li><a href="/e">اقتصاد</a></li></ul>`,
			[]string{"الرئيسية", "اقتصاد"}},
		{"item over the byte bound dropped", `<div id="x"><a href="/">الرئيسية</a><a href="/y">` + strings.Repeat("ب", 300) + `</a></div>`,
			[]string{"الرئيسية"}},
		{"empty", `<div id="x"></div>`, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := crumbItems(byID(t, c.page)); !slices.Equal(got, c.want) {
				t.Errorf("got %q; want %q", got, c.want)
			}
		})
	}
	t.Run("walk bounded", func(t *testing.T) {
		if got := crumbItems(byID(t, many)); len(got) > maxCrumbNodes {
			t.Errorf("got %d items; want at most %d", len(got), maxCrumbNodes)
		}
	})
}

func TestBreadcrumb(t *testing.T) {
	for _, c := range []struct {
		name   string
		crumbs []string
		title  string
		want   string
	}{
		{"leaf", []string{"الرئيسية", "أخبار", "اقتصاد"}, "ارتفاع الأسعار", "اقتصاد"},
		{"leaf that is the title skipped", []string{"الرئيسية", "اقتصاد", "ارتفاع الأسعار"}, "ارتفاع الاسعار", "اقتصاد"},
		{"home skipped", []string{"الصفحة الرئيسية"}, "ارتفاع الأسعار", ""},
		{"English home skipped", []string{"Home"}, "Fuel prices", ""},
		{"leaf of more than six words skipped", []string{"الرئيسية", "اقتصاد", "تقرير عن ارتفاع أسعار الوقود والخبز في المدن"}, "عنوان", "اقتصاد"},
		{"leaf of six words kept", []string{"الرئيسية", "أخبار الاقتصاد العربي والعالمي هذا الأسبوع"}, "عنوان", "أخبار الاقتصاد العربي والعالمي هذا الأسبوع"},
		{"no breadcrumb", nil, "عنوان", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := &Page{index: &index{crumbs: c.crumbs}}
			if got := p.breadcrumb(c.title); got != c.want {
				t.Errorf("got %q; want %q", got, c.want)
			}
		})
	}
}

func TestFlagsOf(t *testing.T) {
	for _, c := range []struct {
		name, page string
		want       classFlags
	}{
		{"byline", `<div id="x" class="byline">ا</div>`, classAuthor},
		{"post-author", `<div id="x" class="post-author">ا</div>`, classAuthor},
		{"writer by prefix", `<div id="x" class="writers">ا</div>`, classAuthor},
		{"kateb", `<div id="x" class="kateb">ا</div>`, classAuthor},
		{"author box is not an author", `<div id="x" class="author-box">ا</div>`, 0},
		{"author bio is not an author", `<div id="x" class="authorBio">ا</div>`, 0},
		{"breadcrumbs", `<div id="x" class="breadcrumbs">ا</div>`, classCrumb},
		{"crumb by prefix", `<div id="x" class="crumbs">ا</div>`, classCrumb},
		{"main-menu", `<div id="x" class="main-menu">ا</div>`, classNav},
		{"navbar by prefix", `<div id="x" class="navbar">ا</div>`, classNav},
		{"published", `<time id="x" class="entry-published">ا</time>`, classPublish},
		{"pubdate", `<time id="x" class="pubdate">ا</time>`, classPublish},
		{"none", `<div id="x" class="content">ا</div>`, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := flagsOf(byID(t, c.page)); got != c.want {
				t.Errorf("got %b; want %b", got, c.want)
			}
		})
	}
	// The id is read as the class is.
	if got := flagsOf(byID(t, `<div id="x"><span id="byline">ا</span></div>`).FirstChild); got != classAuthor {
		t.Errorf("id byline: got %b; want %b", got, classAuthor)
	}
}

func TestIsAuthor(t *testing.T) {
	for _, c := range []struct {
		name, page string
		want       bool
	}{
		{"class author", `<span id="x" class="author">أحمد</span>`, true},
		{"rel author", `<a id="x" rel="nofollow author" href="/author/a">أحمد</a>`, true},
		{"itemprop author", `<span id="x" itemprop="author">أحمد</span>`, true},
		{"author slot holding a category link", `<span id="x" class="post-author"><a href="/category/a">اقتصاد</a></span>`, false},
		{"rel author to a tag listing", `<a id="x" rel="author" href="/tag/a">اقتصاد</a>`, false},
		{"author box", `<div id="x" class="author-box">أحمد</div>`, false},
		{"plain element", `<span id="x" class="name">أحمد</span>`, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			n := byID(t, c.page)
			if got := isAuthor(n, flagsOf(n)); got != c.want {
				t.Errorf("got %v; want %v", got, c.want)
			}
		})
	}
}

func TestIsCrumb(t *testing.T) {
	for _, c := range []struct {
		name, page string
		want       bool
	}{
		{"class", `<div id="x" class="breadcrumb">ا</div>`, true},
		{"itemtype", `<ol id="x" itemtype="https://schema.org/BreadcrumbList">ا</ol>`, true},
		{"neither", `<ol id="x" itemtype="https://schema.org/ItemList">ا</ol>`, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			n := byID(t, c.page)
			if got := isCrumb(n, flagsOf(n)); got != c.want {
				t.Errorf("got %v; want %v", got, c.want)
			}
		})
	}
}

func TestHasToken(t *testing.T) {
	for _, c := range []struct {
		list, tok string
		want      bool
	}{
		{"author", "author", true},
		{"nofollow Author", "author", true},
		{"nofollow\tauthor\n", "author", true},
		{"authors", "author", false},
		{"co-author", "author", false},
		{"", "author", false},
	} {
		if got := hasToken(c.list, c.tok); got != c.want {
			t.Errorf("hasToken(%q, %q): got %v; want %v", c.list, c.tok, got, c.want)
		}
	}
}

func TestTagsGet(t *testing.T) {
	tg := tags{
		"og:title":      {" ", "عنوان فيسبوك"},
		"twitter:title": {"عنوان تويتر"},
		"description":   {"أخبار &quot;اليوم&quot;"},
		"keywords":      {"a & b;"},
		"author":        {"a &amp; b"},
	}
	for _, c := range []struct {
		name string
		keys []string
		want string
	}{
		{"first key with a value", []string{"og:title", "twitter:title"}, "عنوان فيسبوك"},
		{"blank value skipped", []string{"og:title"}, "عنوان فيسبوك"},
		{"later key", []string{"missing", "twitter:title"}, "عنوان تويتر"},
		{"entity escaped twice decoded", []string{"description"}, `أخبار "اليوم"`},
		{"ampersand with a semicolon but no entity kept", []string{"keywords"}, "a & b;"},
		{"none", []string{"missing"}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := tg.get(c.keys...); got != c.want {
				t.Errorf("got %q; want %q", got, c.want)
			}
		})
	}
}

func TestTextOf(t *testing.T) {
	for _, c := range []struct{ name, page, want string }{
		{"white space collapsed", `<p id="x">  ارتفاع <b>أسعار</b>
	الوقود </p>`, "ارتفاع أسعار الوقود"},
		{"script and style skipped", `<p id="x">أحمد<script>var a</script><style>p{}</style> سمير</p>`, "أحمد سمير"},
		{"over the byte bound", `<p id="x">` + strings.Repeat("كلمة ", maxText/8) + `</p>`, ""},
		{"over the node bound", `<p id="x">` + strings.Repeat("<b></b>", maxTextNodes) + `ا</p>`, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := textOf(byID(t, c.page)); got != c.want {
				t.Errorf("got %q; want %q", got, c.want)
			}
		})
	}
}

func TestItemText(t *testing.T) {
	for _, c := range []struct{ name, page, prop, want string }{
		{"content attribute", `<span itemprop="headline" content=" عنوان "></span>`, "headline", "عنوان"},
		{"datetime attribute", `<time itemprop="datePublished" datetime="2024-05-01">أمس</time>`, "datePublished", "2024-05-01"},
		{"text", `<h2 itemprop="headline"> عنوان   الخبر </h2>`, "headline", "عنوان الخبر"},
		{"property attribute", `<span property="dc:date" content="2024-05-01"></span>`, "dc:date", "2024-05-01"},
		{"one of several names", `<span itemprop="name headline">عنوان</span>`, "headline", "عنوان"},
		{"name matched whole", `<span itemprop="alternativeHeadline">عنوان فرعي</span>`, "headline", ""},
		{"link without content gives no text", `<link itemprop="image" href="/a.jpg"><span itemprop="image">صورة</span>`, "image", "صورة"},
		{"empty element skipped for the next", `<span itemprop="author"></span><span itemprop="author">أحمد</span>`, "author", "أحمد"},
		{"none", `<span itemprop="author">أحمد</span>`, "headline", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := Read(dom.Parse(c.page), jsonld.Article{})
			if got := p.itemText(c.prop); got != c.want {
				t.Errorf("got %q; want %q", got, c.want)
			}
		})
	}
}
