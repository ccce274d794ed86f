package meta_test

import (
	"strings"
	"testing"
)

// TestDates covers the date cascade. The publication date is the first
// that parses of: the JSON-LD datePublished, the publication meta tags
// (article:published_time first), itemprop datePublished, the Dublin Core
// items, a <time> marked as publication; the modification date the first
// of the JSON-LD dateModified, the modification meta tags and itemprop
// dateModified. A machine date at midnight is a day. What is still missing
// is read from the date lines around the title (an update label makes a
// date the modified one; a Hijri date paired with a Gregorian one gives
// way to it), and the publication date last from the URL.
func TestDates(t *testing.T) {
	const (
		h1 = `<h1>ارتفاع أسعار الوقود في المدينة</h1>`
		// body is an article of six paragraphs, so that a line after it
		// stands outside the head of the article.
		body = `<div class="story">` + para + para + para + `</div>`
	)
	for _, c := range []struct {
		name, head, body, url string
		pub, mod              string
	}{
		// JSON-LD.
		{
			name: "JSON-LD dates before the meta tags",
			head: `<meta property="article:published_time" content="2024-05-01T08:00:00Z">
<meta property="article:modified_time" content="2024-05-01T09:00:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-05-02T09:30:00+03:00","dateModified":"2024-05-02T10:00:00+03:00"}</script>`,
			pub: "2024-05-02T09:30:00+03:00", mod: "2024-05-02T10:00:00+03:00",
		},
		{
			name: "JSON-LD date that does not parse gives way to the meta tag",
			head: `<meta property="article:published_time" content="2024-05-01T08:00:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"منذ ساعتين","dateModified":"20240502"}</script>`,
			pub: "2024-05-01T08:00:00+00:00",
		},

		// Meta tags.
		{
			name: "article:published_time before an earlier generic date tag",
			head: `<meta name="date" content="2024-04-01"><meta property="article:published_time" content="2024-05-01T08:00:00+03:00">`,
			pub:  "2024-05-01T08:00:00+03:00",
		},
		{
			name: "generic date tag alone",
			head: `<meta name="date" content="2024-04-01 10:20:30">`,
			pub:  "2024-04-01T10:20:30",
		},
		{
			name: "Dublin Core date tag",
			head: `<meta name="DC.date.issued" content="2024-04-01T10:20:30Z">`,
			pub:  "2024-04-01T10:20:30+00:00",
		},
		{
			name: "meta tag with itemprop datePublished",
			head: `<meta itemprop="datePublished" content="2024-04-01T10:20:30Z">`,
			pub:  "2024-04-01T10:20:30+00:00",
		},
		{
			name: "og:updated_time is the modified date, not the published one",
			head: `<meta property="og:updated_time" content="2024-05-03T11:00:00+03:00">`,
			mod:  "2024-05-03T11:00:00+03:00",
		},
		{
			name: "article:modified_time before last-modified",
			head: `<meta name="last-modified" content="2024-05-04"><meta property="article:modified_time" content="2024-05-03T11:00:00+03:00">`,
			mod:  "2024-05-03T11:00:00+03:00",
		},

		// Microdata and <time>.
		{
			name: "itemprop datePublished and dateModified on elements",
			body: `<span itemprop="datePublished" content="2024-04-01T10:20:30+02:00">أمس</span>
<time itemprop="dateModified" datetime="2024-04-02T10:20:30+02:00">اليوم</time>`,
			pub: "2024-04-01T10:20:30+02:00", mod: "2024-04-02T10:20:30+02:00",
		},
		{
			name: "meta tag before itemprop datePublished",
			head: `<meta property="article:published_time" content="2024-05-01T08:00:00+03:00">`,
			body: `<span itemprop="datePublished" content="2024-04-01T10:20:30+02:00"></span>`,
			pub:  "2024-05-01T08:00:00+03:00",
		},
		{
			name: "RDFa dc:date",
			body: `<span property="dc:date" content="2024-04-01T10:20:30+02:00"></span>`,
			pub:  "2024-04-01T10:20:30+02:00",
		},
		{
			name: "time marked as publication by class",
			body: `<time class="entry-published" datetime="2024-04-01T10:20:30+02:00"></time>`,
			pub:  "2024-04-01T10:20:30+02:00",
		},
		{
			name: "time marked as creation by itemprop",
			body: `<time itemprop="dateCreated" datetime="2024-04-01T10:20:30+02:00"></time>`,
			pub:  "2024-04-01T10:20:30+02:00",
		},
		{
			name: "time not marked as publication is not read",
			body: `<time class="clock" datetime="2024-04-01T10:20:30+02:00"></time>`,
		},

		// A machine date at midnight is a day.
		{
			name: "midnight machine date read as a day",
			head: `<meta property="article:published_time" content="2024-05-01T00:00:00+03:00">
<meta property="article:modified_time" content="2024-05-02T00:00:00Z">`,
			pub: "2024-05-01", mod: "2024-05-02",
		},
		{
			name: "machine date past midnight keeps its time and offset",
			head: `<meta property="article:published_time" content="2024-05-01T00:00:01+03:00">`,
			pub:  "2024-05-01T00:00:01+03:00",
		},

		// Date lines.
		{
			name: "date line gives the published date",
			body: `<div class="info">نشر في: الاثنين 13 مايو 2024 - 10:30 ص</div>`,
			pub:  "2024-05-13T10:30",
		},
		{
			name: "update label on the same line makes the second date the modified one",
			body: `<div class="info">نشر في: 13 مايو 2024 | آخر تحديث: 14 مايو 2024 08:15 م</div>`,
			pub:  "2024-05-13", mod: "2024-05-14T20:15",
		},
		{
			name: "update label alone makes no published date",
			body: `<div class="info">آخر تحديث: 14 مايو 2024</div>`,
			mod:  "2024-05-14",
		},
		{
			name: "update label before a date with weekday and time",
			body: `<div class="info">نشر في: 13 مايو 2024</div><div class="info">آخر تحديث: الثلاثاء 14 مايو 2024 - 08:15 م</div>`,
			pub:  "2024-05-13", mod: "2024-05-14T20:15",
		},
		{
			name: "update label between the date and its time",
			body: `<div class="info">28 آب 2013، آخر تحديث 14:00</div>`,
			mod:  "2013-08-28T14:00",
		},
		{
			name: "English update label",
			body: `<div class="info">Published 13/05/2024 · Updated 14/05/2024</div>`,
			pub:  "2024-05-13", mod: "2024-05-14",
		},
		{
			name: "machine published date kept, date line gives the modified one",
			head: `<meta property="article:published_time" content="2024-05-01T08:00:00+03:00">`,
			body: `<div class="info">نشر في: 13 مايو 2024 | آخر تحديث: 14 مايو 2024</div>`,
			pub:  "2024-05-01T08:00:00+03:00", mod: "2024-05-14",
		},
		{
			name: "machine dates leave the date line unread",
			head: `<meta property="article:published_time" content="2024-05-01T08:00:00+03:00">
<meta property="article:modified_time" content="2024-05-01T09:00:00+03:00">`,
			body: `<div class="info">نشر في: 13 مايو 2024 | آخر تحديث: 14 مايو 2024</div>`,
			pub:  "2024-05-01T08:00:00+03:00", mod: "2024-05-01T09:00:00+03:00",
		},
		{
			name: "Hijri date paired with a Gregorian one gives way to it",
			body: `<div class="info">الخميس 5 رمضان 1445 هـ الموافق 14 مارس 2024 م</div>`,
			pub:  "2024-03-14",
		},
		{
			name: "Hijri date alone is converted",
			body: `<div class="info">الخميس 5 رمضان 1445 هـ</div>`,
			pub:  "2024-03-15",
		},
		{
			name: "date in the body is not a date line",
			body: `<div class="story"><p>قالت وزارة الصحة في بيان صدر في 13 مايو 2024 إن عدد الإصابات الجديدة ارتفع إلى مئة وعشرين حالة، وإن الفرق الطبية تعمل على تتبع المخالطين.</p>` + para + `</div>`,
		},
		{
			name: "date line far below the article is not read",
			body: body + `<div>ذات صلة</div><div>اقرأ أيضا</div><div>الأكثر قراءة</div><div>تابعونا</div><div class="foot">13 مايو 2024</div>`,
		},

		// The URL.
		{
			name: "date from the canonical URL",
			head: `<link rel="canonical" href="https://example.org/2024/05/13/fuel-prices">`,
			url:  "https://example.org/2023/01/02/fuel-prices",
			pub:  "2024-05-13",
		},
		{
			name: "date from the page URL",
			url:  "https://example.org/news/2024-05-13-fuel-prices",
			pub:  "2024-05-13",
		},
		{
			name: "date line before the URL",
			body: `<div class="info">نشر في: 12 مايو 2024</div>`,
			url:  "https://example.org/2024/05/13/fuel-prices",
			pub:  "2024-05-12",
		},
		{
			name: "URL gives no modified date",
			url:  "https://example.org/2024/05/13/fuel-prices",
			pub:  "2024-05-13",
		},
		{
			name: "no date anywhere",
			url:  "https://example.org/news/fuel-prices",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := c.body
			if !strings.Contains(b, `class="story"`) {
				b += body
			}
			page := `<head>` + c.head + `</head><body>` + h1 + b + `</body>`
			m := resolve(page, c.url)
			if m.Published != c.pub {
				t.Errorf("published: got %q; want %q", m.Published, c.pub)
			}
			if m.Modified != c.mod {
				t.Errorf("modified: got %q; want %q", m.Modified, c.mod)
			}
		})
	}
}
