package meta_test

import "testing"

// TestSite covers the site cascade: og:site_name, application-name,
// twitter:app:name:iphone, the JSON-LD publisher; else the affix that
// <title> adds to the resolved title.
func TestSite(t *testing.T) {
	const h1 = `<h1>ارتفاع أسعار الوقود في المدينة</h1>`
	for _, c := range []struct{ name, head, want string }{
		{
			name: "og:site_name before application-name and the publisher",
			head: `<meta name="application-name" content="تطبيق الخبر"><meta property="og:site_name" content="موقع الخبر">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"عنوان","publisher":{"@type":"Organization","name":"دار الخبر"}}</script>`,
			want: "موقع الخبر",
		},
		{
			name: "application-name before twitter:app:name:iphone",
			head: `<meta name="twitter:app:name:iphone" content="الخبر آيفون"><meta name="application-name" content="تطبيق الخبر">`,
			want: "تطبيق الخبر",
		},
		{
			name: "twitter:app:name:iphone before the publisher",
			head: `<meta name="twitter:app:name:iphone" content="الخبر آيفون">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"عنوان","publisher":{"@type":"Organization","name":"دار الخبر"}}</script>`,
			want: "الخبر آيفون",
		},
		{
			name: "JSON-LD publisher",
			head: `<script type="application/ld+json">{"@type":"NewsArticle","headline":"عنوان","publisher":{"@type":"Organization","name":"دار الخبر"}}</script>`,
			want: "دار الخبر",
		},
		{
			name: "empty og:site_name gives way",
			head: `<meta property="og:site_name" content=" "><meta name="application-name" content="تطبيق الخبر">`,
			want: "تطبيق الخبر",
		},
		{
			name: "guessed from the affix <title> adds to og:title",
			head: `<meta property="og:title" content="ارتفاع أسعار الوقود في المدينة"><title>ارتفاع أسعار الوقود في المدينة | موقع الخبر</title>`,
			want: "موقع الخبر",
		},
		{
			name: "guessed from the affix <title> adds to the h1, at the start",
			head: `<title>موقع الخبر - ارتفاع أسعار الوقود في المدينة</title>`,
			want: "موقع الخبر",
		},
		{
			name: "declared site not replaced by the affix",
			head: `<meta property="og:site_name" content="الخبر"><title>ارتفاع أسعار الوقود في المدينة | صحيفة الخبر اليومية</title>`,
			want: "الخبر",
		},
		{
			name: "no guess from a <title> without separator",
			head: `<title>ارتفاع أسعار الوقود في المدينة</title>`,
			want: "",
		},
		{
			name: "no guess when the rest of <title> is not the title",
			head: `<meta property="og:title" content="ارتفاع أسعار الوقود في المدينة"><title>أسعار الوقود | موقع الخبر</title>`,
			want: "",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			page := `<head>` + c.head + `</head><body>` + h1 + `<div>` + para + `</div></body>`
			if got := resolve(page, "").Site; got != c.want {
				t.Errorf("got %q; want %q", got, c.want)
			}
		})
	}
}
