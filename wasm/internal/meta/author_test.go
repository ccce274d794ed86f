package meta_test

import "testing"

// TestAuthor covers the author cascade: an element the page names as
// author or byline (not an author box, not hidden, not a link to a
// category listing), a byline block around the title, the JSON-LD
// persons, the author meta tags (not a URL), a closing agency credit.
// A candidate that names the site, an item of the breadcrumb or the
// declared section is passed over for the next source.
func TestAuthor(t *testing.T) {
	const (
		h1       = `<h1>ارتفاع أسعار الوقود في المدينة</h1>`
		story    = `<div class="story">` + para + `</div>`
		ldAuthor = `<script type="application/ld+json">{"@type":"NewsArticle","headline":"ارتفاع أسعار الوقود في المدينة",
"author":{"@type":"Person","name":"ليلى حسن"}}</script>`
	)
	for _, c := range []struct{ name, head, body, want string }{
		// The author element.
		{
			name: "author element before the JSON-LD author",
			head: ldAuthor,
			body: h1 + `<span class="author-name">أحمد سمير</span>` + story,
			want: "أحمد سمير",
		},
		{
			name: "author element with a byline label",
			body: h1 + `<div class="byline">بقلم: أحمد سمير</div>` + story,
			want: "أحمد سمير",
		},
		{
			name: "author element cut at its date",
			body: h1 + `<div class="post-author">أحمد سمير 13 مايو 2024</div>` + story,
			want: "أحمد سمير",
		},
		{
			name: "author element by rel=author",
			body: h1 + `<p>نشر بواسطة <a rel="author" href="/author/ahmed">أحمد سمير</a></p>` + story,
			want: "أحمد سمير",
		},
		{
			name: "author element by itemprop=author",
			body: h1 + `<span itemprop="author">أحمد سمير</span>` + story,
			want: "أحمد سمير",
		},
		{
			name: "author element of six words gives way",
			head: ldAuthor,
			body: h1 + `<div class="author">أحمد سمير محمد علي حسن إبراهيم</div>` + story,
			want: "ليلى حسن",
		},
		{
			name: "author element with a sentence's punctuation gives way",
			head: ldAuthor,
			body: h1 + `<div class="author">عن الكاتب: صحفي مصري.</div>` + story,
			want: "ليلى حسن",
		},
		{
			name: "author box is not a byline",
			head: ldAuthor,
			body: h1 + story + `<div class="author-box">أحمد سمير</div>`,
			want: "ليلى حسن",
		},
		{
			name: "author bio is not a byline",
			head: ldAuthor,
			body: h1 + story + `<div class="author-bio">أحمد سمير</div>`,
			want: "ليلى حسن",
		},
		{
			name: "hidden author element is not read",
			head: ldAuthor,
			body: h1 + `<span class="author" hidden>أحمد سمير</span>` + story,
			want: "ليلى حسن",
		},

		// A link to a category listing is not an author.
		{
			name: "author slot holding a category link gives way",
			head: ldAuthor,
			body: h1 + `<span class="post-author"><a href="/category/economy/">اقتصاد</a></span>` + story,
			want: "ليلى حسن",
		},
		{
			name: "author link to a tag listing gives way",
			head: ldAuthor,
			body: h1 + `<a rel="author" href="/tag/economy">اقتصاد</a>` + story,
			want: "ليلى حسن",
		},
		{
			name: "author slot holding a link to the author's page is read",
			head: ldAuthor,
			body: h1 + `<span class="post-author"><a href="/author/ahmed-samir/">أحمد سمير</a></span>` + story,
			want: "أحمد سمير",
		},

		// A byline block.
		{
			name: "byline block before the JSON-LD author",
			head: ldAuthor,
			body: h1 + `<div class="story"><p>كتب أحمد سمير</p>` + para + `</div>`,
			want: "أحمد سمير",
		},
		{
			name: "byline block cut at its date",
			body: h1 + `<div class="story"><p>كتبت أسماء نصار - 13 مايو 2024</p>` + para + `</div>`,
			want: "أسماء نصار",
		},
		{
			name: "sentence that opens with a byline label is not a byline",
			head: ldAuthor,
			body: h1 + `<div class="story"><p>كتب الرئيس رسالة إلى البرلمان يطلب فيها تعديل القانون قبل نهاية الدورة الحالية</p>` + para + `</div>`,
			want: "ليلى حسن",
		},

		// JSON-LD.
		{
			name: "JSON-LD persons joined",
			head: `<script type="application/ld+json">{"@type":"NewsArticle","headline":"ارتفاع أسعار الوقود في المدينة",
"author":[{"@type":"Person","name":"ليلى حسن"},{"@type":"Person","name":"سامي خليل"}]}</script>`,
			body: h1 + story,
			want: "ليلى حسن، سامي خليل",
		},
		{
			name: "JSON-LD author as a string",
			head: `<script type="application/ld+json">{"@type":"NewsArticle","headline":"عنوان","author":"ليلى حسن"}</script>`,
			body: h1 + story,
			want: "ليلى حسن",
		},
		{
			name: "JSON-LD author cleaned of its label",
			head: `<script type="application/ld+json">{"@type":"NewsArticle","headline":"عنوان","author":"بقلم: ليلى حسن"}</script>`,
			body: h1 + story,
			want: "ليلى حسن",
		},
		{
			name: "JSON-LD organization author ignored",
			head: `<meta name="author" content="سامي خليل">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"عنوان","author":{"@type":"Organization","name":"مؤسسة الخبر"}}</script>`,
			body: h1 + story,
			want: "سامي خليل",
		},
		{
			name: "JSON-LD author before the meta tag",
			head: `<meta name="author" content="سامي خليل">` + ldAuthor,
			body: h1 + story,
			want: "ليلى حسن",
		},

		// Meta tags.
		{
			name: "author meta tag",
			head: `<meta name="author" content="سامي خليل">`,
			body: h1 + story,
			want: "سامي خليل",
		},
		{
			name: "article:author meta tag",
			head: `<meta property="article:author" content="سامي خليل">`,
			body: h1 + story,
			want: "سامي خليل",
		},
		{
			name: "author meta tag holding a URL is not a name",
			head: `<meta property="article:author" content="https://www.facebook.com/example">`,
			body: h1 + story,
			want: "",
		},

		// A closing credit.
		{
			name: "agency credit after the body",
			body: h1 + story + `<p>(رويترز)</p>`,
			want: "رويترز",
		},
		{
			name: "source credit after the body",
			body: h1 + story + `<p>المصدر: وكالات</p>`,
			want: "وكالات",
		},
		{
			name: "meta tag before the closing credit",
			head: `<meta name="author" content="سامي خليل">`,
			body: h1 + story + `<p>(رويترز)</p>`,
			want: "سامي خليل",
		},
		{
			name: "credit far after the body is not read",
			body: h1 + story + `<p><a href="/a">اقرأ أيضا</a></p><p><a href="/b">الأكثر قراءة</a></p><p>(رويترز)</p>`,
			want: "",
		},

		// Candidates passed over.
		{
			name: "JSON-LD author naming the site gives way",
			head: `<meta property="og:site_name" content="موقع الخبر"><meta name="author" content="سامي خليل">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"عنوان","author":"موقع الخبر"}</script>`,
			body: h1 + story,
			want: "سامي خليل",
		},
		{
			name: "author element naming the site gives way",
			head: `<meta property="og:site_name" content="موقع الخبر"><meta name="author" content="سامي خليل">`,
			body: h1 + `<span class="author">موقع الخبر</span>` + story,
			want: "سامي خليل",
		},
		{
			name: "author naming the declared section gives way",
			head: `<meta property="article:section" content="اقتصاد"><meta name="author" content="سامي خليل">`,
			body: h1 + `<span class="author">اقتصاد</span>` + story,
			want: "سامي خليل",
		},
		{
			name: "author naming a breadcrumb item gives way",
			head: `<meta name="author" content="سامي خليل">`,
			body: `<div class="breadcrumb"><a href="/">الرئيسية</a> › <a href="/economy">اقتصاد</a></div>` + h1 + `<span class="author">اقتصاد</span>` + story,
			want: "سامي خليل",
		},
		{
			name: "author not naming a label is kept",
			head: `<meta property="article:section" content="اقتصاد"><meta property="og:site_name" content="موقع الخبر">`,
			body: `<div class="breadcrumb"><a href="/">الرئيسية</a> › <a href="/economy">اقتصاد</a></div>` + h1 + `<span class="author">أحمد سمير</span>` + story,
			want: "أحمد سمير",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			page := `<head>` + c.head + `</head><body>` + c.body + `</body>`
			if got := resolve(page, "").Author; got != c.want {
				t.Errorf("got %q; want %q", got, c.want)
			}
		})
	}
}
