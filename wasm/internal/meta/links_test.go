package meta_test

import "testing"

// TestURL covers the URL cascade: the canonical link, og:url, the JSON-LD
// url, resolved against the page's URL; else the page's URL.
func TestURL(t *testing.T) {
	const page = "https://example.org/news/item?id=7"
	ld := func(u string) string {
		return `<script type="application/ld+json">{"@type":"NewsArticle","headline":"عنوان","url":"` + u + `"}</script>`
	}
	for _, c := range []struct{ name, head, want string }{
		{"canonical before og:url", `<meta property="og:url" content="https://example.org/og/7"><link rel="canonical" href="https://example.org/news/7">`, "https://example.org/news/7"},
		{"relative canonical resolved", `<link rel="canonical" href="/news/7">`, "https://example.org/news/7"},
		{"og:url before JSON-LD", `<meta property="og:url" content="https://example.org/og/7">` + ld("https://example.org/ld/7"), "https://example.org/og/7"},
		{"JSON-LD url", ld("https://example.org/ld/7"), "https://example.org/ld/7"},
		{"page URL last", ``, page},
		// Only an absolute http or https URL is used (issue 13, item 3).
		{"javascript: canonical passed over", `<link rel="canonical" href="javascript:alert(document.domain)"><meta property="og:url" content="https://example.org/og/7">`, "https://example.org/og/7"},
		{"JSON-LD url in capitals passed over", ld("JavaScript:alert(1)"), page},
		{"data: og:url passed over", `<meta property="og:url" content="data:text/html,<script>alert(1)</script>">`, page},
		{"bidi override escaped by resolution", `<link rel="canonical" href="https://example.org/&#x202e;gnp.exe">`, "https://example.org/%E2%80%AEgnp.exe"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := resolve(`<head>`+c.head+`</head><body><h1>عنوان</h1><div>`+para+`</div></body>`, page).URL
			if got != c.want {
				t.Errorf("got %q; want %q", got, c.want)
			}
		})
	}
}

// TestImage covers the image cascade: og:image, og:image:url,
// twitter:image, the JSON-LD image, itemprop image, resolved against the
// article's URL.
func TestImage(t *testing.T) {
	for _, c := range []struct{ name, head, body, want string }{
		{"og:image before twitter:image", `<meta name="twitter:image" content="/t.jpg"><meta property="og:image" content="/og.jpg">`, ``, "https://example.org/og.jpg"},
		{"twitter:image", `<meta name="twitter:image" content="https://cdn.example.org/t.jpg">`, ``, "https://cdn.example.org/t.jpg"},
		{"meta before JSON-LD", `<meta name="twitter:image" content="/t.jpg"><script type="application/ld+json">{"@type":"NewsArticle","headline":"عنوان","image":{"@type":"ImageObject","url":"/ld.jpg"}}</script>`, ``, "https://example.org/t.jpg"},
		{"JSON-LD image object", `<script type="application/ld+json">{"@type":"NewsArticle","headline":"عنوان","image":{"@type":"ImageObject","url":"/ld.jpg"}}</script>`, ``, "https://example.org/ld.jpg"},
		{"itemprop image", ``, `<meta itemprop="image" content="/i.jpg">`, "https://example.org/i.jpg"},
		{"resolved against the canonical URL", `<link rel="canonical" href="https://www.example.com/a/b.html"><meta property="og:image" content="img/1.jpg">`, ``, "https://www.example.com/a/img/1.jpg"},
		{"none", ``, ``, ""},
		{"javascript: image dropped", `<meta property="og:image" content="javascript:alert(1)">`, ``, ""},
		{"data: image dropped", `<meta property="og:image" content="data:image/svg+xml,<svg onload=alert(1)>">`, ``, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := resolve(`<head>`+c.head+`</head><body><h1>عنوان</h1>`+c.body+`<div>`+para+`</div></body>`, "https://example.org/news/7").Image
			if got != c.want {
				t.Errorf("got %q; want %q", got, c.want)
			}
		})
	}
}

// TestDescription covers the description cascade: og:description,
// description, twitter:description, the JSON-LD description.
func TestDescription(t *testing.T) {
	const ld = `<script type="application/ld+json">{"@type":"NewsArticle","headline":"عنوان","description":"وصف البيانات المنظمة"}</script>`
	for _, c := range []struct{ name, head, want string }{
		{"og:description before description", `<meta name="description" content="وصف الصفحة"><meta property="og:description" content="وصف فيسبوك">`, "وصف فيسبوك"},
		{"description before twitter:description", `<meta name="twitter:description" content="وصف تويتر"><meta name="description" content="وصف الصفحة">`, "وصف الصفحة"},
		{"meta before JSON-LD", `<meta name="twitter:description" content="وصف تويتر">` + ld, "وصف تويتر"},
		{"JSON-LD description", ld, "وصف البيانات المنظمة"},
		{"none", ``, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := resolve(`<head>`+c.head+`</head><body><h1>عنوان</h1><div>`+para+`</div></body>`, "").Description
			if got != c.want {
				t.Errorf("got %q; want %q", got, c.want)
			}
		})
	}
}

// TestCallerURL: the caller's URL is used only when it is an absolute
// http or https URL.
func TestCallerURL(t *testing.T) {
	for _, c := range []struct{ url, want string }{
		{"https://example.org/a", "https://example.org/a"},
		{"https://example.org/\u202egnp.exe", ""},
		{"javascript:alert(1)", ""},
		{"/relative/only", ""},
	} {
		if got := resolve(`<body><h1>عنوان</h1><div>`+para+`</div></body>`, c.url).URL; got != c.want {
			t.Errorf("caller URL %q: got %q; want %q", c.url, got, c.want)
		}
	}
}
