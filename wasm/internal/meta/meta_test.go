package meta_test

import (
	"testing"
	"time"

	"github.com/nazif/nazif/wasm/internal/classify"
	"github.com/nazif/nazif/wasm/internal/dom"
	"github.com/nazif/nazif/wasm/internal/jsonld"
	"github.com/nazif/nazif/wasm/internal/meta"
	"github.com/nazif/nazif/wasm/internal/segment"
)

// resolve runs the stages before metadata on page, as Extract does, then
// resolves its metadata.
func resolve(page, url string) meta.Meta {
	now := time.Date(2024, 5, 20, 12, 0, 0, 0, time.UTC)
	d := dom.Parse(page)
	ld := jsonld.Read(d.JSONLD)
	blocks := segment.Blocks(d.Root)
	classify.Features(blocks)
	r := classify.Classify(blocks, classify.Page{Titles: []string{d.Title, ld.Headline}, LDBody: ld.Body, Now: now})
	return meta.Read(d, ld).Resolve(r.Blocks, url, now)
}

const para = `<p>قالت وزارة الصحة في بيان صدر اليوم إن عدد الإصابات الجديدة ارتفع إلى مئة وعشرين حالة، وإن الفرق الطبية تعمل على تتبع المخالطين في المحافظات كافة.</p>
<p>وأوضح البيان أن معظم الحالات المسجلة خفيفة ولا تحتاج إلى دخول المستشفى، داعياً المواطنين إلى الالتزام بالإجراءات الوقائية وتجنب التجمعات الكبيرة.</p>`

func TestResolve(t *testing.T) {
	for _, c := range []struct {
		name, page, url string
		want            meta.Meta
	}{
		{
			name: "json-ld wins over meta, site cut from og:title",
			page: `<head><title>ارتفاع الإصابات - موقع الخبر</title>
<meta property="og:title" content="موقع الخبر | ارتفاع الإصابات">
<meta property="article:published_time" content="2024-05-01T08:00:00Z">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
{"@type":"NewsArticle","headline":"ارتفاع الإصابات","datePublished":"2024-05-02T09:30:00+03:00",
"dateModified":"2024-05-02T10:00:00+03:00","articleSection":"صحة","author":[{"@type":"Person","name":"ليلى حسن"}],
"publisher":{"@type":"Organization","name":"موقع الخبر"}}]}</script></head>
<body><article>` + para + `</article></body>`,
			want: meta.Meta{Title: "ارتفاع الإصابات", Published: "2024-05-02T09:30:00+03:00", Modified: "2024-05-02T10:00:00+03:00",
				Section: "صحة", Site: "موقع الخبر", Author: "ليلى حسن"},
		},
		{
			name: "visible dates, breadcrumb, byline, relative url",
			url:  "https://example.org/news/item?id=7",
			page: `<head><title>عنوان الخبر الكامل هنا</title><link rel="canonical" href="/news/7">
<meta property="og:image" content="/img/7.jpg"></head><body>
<div class="breadcrumbs"><a href="/">الرئيسية</a> › <a href="/health">صحة</a> › <span>عنوان الخبر الكامل هنا</span></div>
<h1>عنوان الخبر الكامل هنا</h1>
<div class="info">نشر في: الاثنين 13 مايو 2024 - 10:30 ص | آخر تحديث: 14 مايو 2024 08:15 م</div>
<div class="story"><p>كتب أحمد سمير</p>` + para + `</div></body>`,
			want: meta.Meta{Title: "عنوان الخبر الكامل هنا", Published: "2024-05-13T10:30", Modified: "2024-05-14T20:15",
				Section: "صحة", Author: "أحمد سمير", URL: "https://example.org/news/7", Image: "https://example.org/img/7.jpg"},
		},
		{
			name: "date from the URL, organization author ignored",
			page: `<head><title>خبر قديم</title><link rel="canonical" href="https://example.org/2013/world/8/3/story.html">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"خبر قديم","author":{"@type":"Organization","name":"Example"}}</script>
</head><body><h1>خبر قديم</h1><div class="content">` + para + `</div></body>`,
			want: meta.Meta{Title: "خبر قديم", Published: "2013-08-03", URL: "https://example.org/2013/world/8/3/story.html"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := resolve(c.page, c.url)
			got.Description = ""
			if got != c.want {
				t.Errorf("got  %+v\nwant %+v", got, c.want)
			}
		})
	}
}
