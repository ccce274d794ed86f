package meta_test

import "testing"

// TestSection covers the section cascade: the breadcrumb's leaf (not the
// home page, not the title, not a long item), itemprop articleSection, the
// JSON-LD articleSection, article:section, a category label standing
// alone just above the title, the current menu item; the first of them in
// the title's script wins, else the first of them.
func TestSection(t *testing.T) {
	const (
		title = `ارتفاع أسعار الوقود في المدينة`
		h1    = `<h1>` + title + `</h1>`
		story = `<div class="story">` + para + `</div>`
	)
	for _, c := range []struct{ name, head, body, want string }{
		// The breadcrumb.
		{
			name: "breadcrumb leaf before the declared section",
			head: `<meta property="article:section" content="أخبار">`,
			body: `<div class="breadcrumb"><a href="/">الرئيسية</a> › <a href="/economy">اقتصاد</a></div>` + h1 + story,
			want: "اقتصاد",
		},
		{
			name: "breadcrumb leaf that is the title is passed over",
			body: `<div class="breadcrumb"><a href="/">الرئيسية</a> › <a href="/economy">اقتصاد</a> › <a href="/economy/1">` + title + `</a></div>` + h1 + story,
			want: "اقتصاد",
		},
		{
			name: "breadcrumb of the home page alone gives way to the declared section",
			head: `<meta property="article:section" content="أخبار">`,
			body: `<div class="breadcrumb"><a href="/">الصفحة الرئيسية</a></div>` + h1 + story,
			want: "أخبار",
		},
		{
			name: "breadcrumb item of more than six words is passed over",
			body: `<div class="breadcrumb"><a href="/economy">اقتصاد</a> › <a href="/x">تقرير عن ارتفاع أسعار الوقود والخبز في المدن</a></div>` + h1 + story,
			want: "اقتصاد",
		},
		{
			name: "breadcrumb list by itemtype, items without links",
			body: `<ol itemtype="https://schema.org/BreadcrumbList"><li>الرئيسية</li><li>رياضة</li></ol>` + h1 + story,
			want: "رياضة",
		},

		// The declared section.
		{
			name: "itemprop articleSection before the JSON-LD section",
			head: `<meta itemprop="articleSection" content="اقتصاد">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"` + title + `","articleSection":"سياسة"}</script>`,
			body: h1 + story,
			want: "اقتصاد",
		},
		{
			name: "JSON-LD section before article:section",
			head: `<meta property="article:section" content="أخبار">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"` + title + `","articleSection":["سياسة","عربي"]}</script>`,
			body: h1 + story,
			want: "سياسة",
		},
		{
			name: "article:section before the category label",
			head: `<meta property="article:section" content="أخبار">`,
			body: `<p><a href="/sport">رياضة</a></p>` + h1 + story,
			want: "أخبار",
		},

		// The category label above the title.
		{
			name: "category label just above the title",
			body: `<p><a href="/sport">رياضة</a></p>` + h1 + story,
			want: "رياضة",
		},
		{
			name: "category label in a menu is not read",
			body: `<nav><a href="/sport">رياضة</a></nav>` + h1 + story,
			want: "",
		},
		{
			name: "category label in a list is not read",
			body: `<ul><li><a href="/sport">رياضة</a></li></ul>` + h1 + story,
			want: "",
		},
		{
			name: "category label of five words is not read",
			body: `<p><a href="/sport">أخبار الرياضة العربية والعالمية اليوم</a></p>` + h1 + story,
			want: "",
		},
		{
			name: "label that is not a link is not read",
			body: `<p>رياضة</p>` + h1 + story,
			want: "",
		},
		{
			name: "category label below the title is not read",
			body: h1 + `<p><a href="/sport">رياضة</a></p>` + story,
			want: "",
		},

		// The current menu item.
		{
			name: "current menu item",
			body: `<nav><ul><li><a href="/">الرئيسية</a></li><li class="active"><a href="/economy">اقتصاد</a></li><li><a href="/sport">رياضة</a></li></ul></nav>` + h1 + story,
			want: "اقتصاد",
		},
		{
			name: "current item of a menu named by class",
			body: `<div class="main-menu"><a href="/">الرئيسية</a><a class="current-menu-item" href="/economy">اقتصاد</a></div>` + h1 + story,
			want: "اقتصاد",
		},
		{
			name: "menu with no current item gives none",
			body: `<nav><ul><li><a href="/">الرئيسية</a></li><li class="item"><a href="/economy">اقتصاد</a></li></ul></nav>` + h1 + story,
			want: "",
		},
		{
			name: "active item outside a menu is not read",
			body: h1 + story + `<div class="tabs"><a class="active" href="/economy">اقتصاد</a></div>`,
			want: "",
		},
		{
			name: "declared section before the current menu item",
			head: `<meta property="article:section" content="أخبار">`,
			body: `<nav><a class="active" href="/economy">اقتصاد</a></nav>` + h1 + story,
			want: "أخبار",
		},

		// The title's script.
		{
			name: "Latin section gives way to one in the Arabic title's script",
			head: `<meta property="article:section" content="featured">`,
			body: `<nav><a class="active" href="/economy">اقتصاد</a></nav>` + h1 + story,
			want: "اقتصاد",
		},
		{
			name: "Latin section kept when it is the only one",
			head: `<meta property="article:section" content="featured">`,
			body: h1 + story,
			want: "featured",
		},
		{
			name: "Latin section first on a Latin title",
			head: `<meta property="article:section" content="Economy">`,
			body: `<nav><a class="active" href="/economy">اقتصاد</a></nav><h1>Fuel prices rise in the city</h1>` + story,
			want: "Economy",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			page := `<head>` + c.head + `</head><body>` + c.body + `</body>`
			if got := resolve(page, "").Section; got != c.want {
				t.Errorf("got %q; want %q", got, c.want)
			}
		})
	}
}
