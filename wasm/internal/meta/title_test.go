package meta_test

import "testing"

// TestTitle covers the title cascade: a visible h1 confirmed by a meta
// title; else, with no site name known, the part of a meta title the page
// shows as a block of its own; else the first meta title (og:title,
// twitter:title, the JSON-LD headline, itemprop headline, <title>) with
// the site's name cut from either end, unless it is a Latin title on a
// page whose h1 is in Arabic; else the first h1 that does not name the
// site.
func TestTitle(t *testing.T) {
	for _, c := range []struct{ name, page, want string }{
		// The h1 confirmed by a meta title.
		{
			name: "h1 confirmed by og:title wins over it",
			page: `<head><meta property="og:title" content="ارتفاع أسعار الوقود في المدينة"></head>
<body><h1>ارتفاع أسعار الوقود في المدينة اليوم</h1><div>` + para + `</div></body>`,
			want: "ارتفاع أسعار الوقود في المدينة اليوم",
		},
		{
			name: "h1 confirmed by a <title> that also names the site",
			page: `<head><title>ارتفاع أسعار الوقود في المدينة - موقع الخبر</title></head>
<body><h1>ارتفاع أسعار الوقود في المدينة</h1><div>` + para + `</div></body>`,
			want: "ارتفاع أسعار الوقود في المدينة",
		},
		{
			name: "h1 no meta title confirms loses to the meta title",
			page: `<head><meta property="og:title" content="ارتفاع أسعار الوقود في المدينة"></head>
<body><h1>أخبار عاجلة من الميدان</h1><div>` + para + `</div></body>`,
			want: "ارتفاع أسعار الوقود في المدينة",
		},
		{
			name: "h1 under half the meta title is not confirmed",
			page: `<head><meta property="og:title" content="ارتفاع أسعار الوقود في المدينة بعد قرار الحكومة الجديد"></head>
<body><h1>أسعار الوقود</h1><div>` + para + `</div></body>`,
			want: "ارتفاع أسعار الوقود في المدينة بعد قرار الحكومة الجديد",
		},
		{
			name: "h1 naming the site is passed over though a meta title confirms it",
			page: `<head><meta property="og:site_name" content="موقع الخبر">
<meta property="og:title" content="ارتفاع أسعار الوقود في المدينة"><meta name="twitter:title" content="موقع الخبر"></head>
<body><h1>موقع الخبر</h1><h1>ارتفاع أسعار الوقود في المدينة اليوم</h1><div>` + para + `</div></body>`,
			want: "ارتفاع أسعار الوقود في المدينة اليوم",
		},
		{
			name: "h1 naming the site guessed from the <title> affix is passed over",
			page: `<head><title>ارتفاع أسعار الوقود في المدينة | موقع الخبر</title>
<meta property="og:title" content="ارتفاع أسعار الوقود في المدينة"><meta name="twitter:title" content="موقع الخبر"></head>
<body><h1>موقع الخبر</h1><h1>ارتفاع أسعار الوقود في المدينة اليوم</h1><div>` + para + `</div></body>`,
			want: "ارتفاع أسعار الوقود في المدينة اليوم",
		},
		{
			name: "hidden h1 is not read",
			page: `<head><meta property="og:title" content="ارتفاع أسعار الوقود في المدينة"></head>
<body><h1 style="display: none">ارتفاع أسعار الوقود في المدينة اليوم</h1><div>` + para + `</div></body>`,
			want: "ارتفاع أسعار الوقود في المدينة",
		},

		// The meta titles, in order.
		{
			name: "og:title before twitter:title",
			page: `<head><meta name="twitter:title" content="عنوان تويتر للخبر"><meta property="og:title" content="عنوان فيسبوك للخبر">
<title>عنوان الصفحة للخبر</title></head><body><div>` + para + `</div></body>`,
			want: "عنوان فيسبوك للخبر",
		},
		{
			name: "twitter:title before the JSON-LD headline",
			page: `<head><meta name="twitter:title" content="عنوان تويتر للخبر">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"عنوان البيانات المنظمة"}</script>
<title>عنوان الصفحة للخبر</title></head><body><div>` + para + `</div></body>`,
			want: "عنوان تويتر للخبر",
		},
		{
			name: "JSON-LD headline before itemprop headline",
			page: `<head><script type="application/ld+json">{"@type":"NewsArticle","headline":"عنوان البيانات المنظمة"}</script>
<title>عنوان الصفحة للخبر</title></head><body><div itemprop="headline" content="عنوان البيانات الجزئية"></div><div>` + para + `</div></body>`,
			want: "عنوان البيانات المنظمة",
		},
		{
			name: "itemprop headline before <title>",
			page: `<head><title>عنوان الصفحة للخبر</title></head>
<body><meta itemprop="headline" content="عنوان البيانات الجزئية"><div>` + para + `</div></body>`,
			want: "عنوان البيانات الجزئية",
		},
		{
			name: "<title> alone",
			page: `<head><title>عنوان الصفحة للخبر</title></head><body><div>` + para + `</div></body>`,
			want: "عنوان الصفحة للخبر",
		},

		// The site's name cut from either end.
		{
			name: "site cut from the end",
			page: `<head><meta property="og:site_name" content="موقع الخبر"><title>ارتفاع أسعار الوقود - موقع الخبر</title></head>
<body><div>` + para + `</div></body>`,
			want: "ارتفاع أسعار الوقود",
		},
		{
			name: "site cut from the start",
			page: `<head><meta property="og:site_name" content="موقع الخبر"><title>موقع الخبر | ارتفاع أسعار الوقود</title></head>
<body><div>` + para + `</div></body>`,
			want: "ارتفاع أسعار الوقود",
		},
		{
			name: "site cut when the title spells it longer",
			page: `<head><meta property="og:site_name" content="الخبر"><title>ارتفاع أسعار الوقود « موقع الخبر</title></head>
<body><div>` + para + `</div></body>`,
			want: "ارتفاع أسعار الوقود",
		},
		{
			name: "end part that is not the site is kept",
			page: `<head><meta property="og:site_name" content="موقع الخبر"><title>ارتفاع أسعار الوقود - تقرير خاص</title></head>
<body><div>` + para + `</div></body>`,
			want: "ارتفاع أسعار الوقود - تقرير خاص",
		},
		{
			name: "hyphen without spaces is no separator",
			page: `<head><meta property="og:site_name" content="الخبر"><title>ارتفاع أسعار الوقود-الخبر</title></head>
<body><div>` + para + `</div></body>`,
			want: "ارتفاع أسعار الوقود-الخبر",
		},

		// A Latin meta title on an Arabic page.
		{
			name: "Latin meta title on an Arabic page gives the h1",
			page: `<head><meta property="og:title" content="Fuel prices rise in the city"></head>
<body><h1>ارتفاع أسعار الوقود</h1><div>` + para + `</div></body>`,
			want: "ارتفاع أسعار الوقود",
		},
		{
			name: "Latin meta title on an Arabic page gives the h1 that does not name the site",
			page: `<head><meta property="og:site_name" content="موقع الخبر"><meta property="og:title" content="Fuel prices rise in the city"></head>
<body><h1>موقع الخبر</h1><h1>ارتفاع أسعار الوقود في المدينة</h1><div>` + para + `</div></body>`,
			want: "ارتفاع أسعار الوقود في المدينة",
		},
		{
			name: "Latin meta title kept when the only h1 names the site",
			page: `<head><meta property="og:site_name" content="موقع الخبر"><meta property="og:title" content="Fuel prices rise in the city"></head>
<body><h1>موقع الخبر</h1><h2>ارتفاع أسعار الوقود في المدينة</h2><div>` + para + `</div></body>`,
			want: "Fuel prices rise in the city",
		},
		{
			name: "Latin meta title on a Latin page is kept",
			page: `<head><meta property="og:title" content="Fuel prices rise in the city"></head>
<body><h1>Breaking news</h1><div>` + para + `</div></body>`,
			want: "Fuel prices rise in the city",
		},
		{
			name: "Arabic meta title on an Arabic page is kept",
			page: `<head><meta property="og:title" content="ارتفاع أسعار الوقود في المدينة"></head>
<body><h1>أخبار عاجلة من الميدان</h1><div>` + para + `</div></body>`,
			want: "ارتفاع أسعار الوقود في المدينة",
		},

		// The part of the title the page shows, with no site name.
		{
			name: "part of <title> shown as a block, no site name",
			page: `<head><title>ارتفاع أسعار الوقود في المدينة - أخبار محلية</title></head>
<body><h2>ارتفاع أسعار الوقود في المدينة</h2><div>` + para + `</div></body>`,
			want: "ارتفاع أسعار الوقود في المدينة",
		},
		{
			name: "part shown of a single word is not the headline",
			page: `<head><title>الوقود - أخبار محلية</title></head>
<body><h2>الوقود</h2><div>` + para + `</div></body>`,
			want: "الوقود - أخبار محلية",
		},
		{
			name: "part shown is not looked for when the site is known",
			page: `<head><meta property="og:site_name" content="موقع الخبر"><title>ارتفاع أسعار الوقود في المدينة - أخبار محلية</title></head>
<body><h2>ارتفاع أسعار الوقود في المدينة</h2><div>` + para + `</div></body>`,
			want: "ارتفاع أسعار الوقود في المدينة - أخبار محلية",
		},

		// The h1 alone.
		{
			name: "h1 with no meta title",
			page: `<body><h1>ارتفاع أسعار الوقود</h1><div>` + para + `</div></body>`,
			want: "ارتفاع أسعار الوقود",
		},
		{
			name: "short h1 with no meta title and no site",
			page: `<body><h1>غزة</h1><div>` + para + `</div></body>`,
			want: "غزة",
		},
		{
			name: "h1 naming the site is not the title",
			page: `<head><meta property="og:site_name" content="موقع الخبر"></head>
<body><h1>موقع الخبر</h1><div>` + para + `</div></body>`,
			want: "",
		},
		{
			name: "no title at all",
			page: `<body><div>` + para + `</div></body>`,
			want: "",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := resolve(c.page, "").Title; got != c.want {
				t.Errorf("got %q; want %q", got, c.want)
			}
		})
	}
}
