package dates_test

import (
	"testing"

	"github.com/nazif/nazif/wasm/internal/dates"
)

func TestFromURL(t *testing.T) {
	check(t, "FromURL", dates.FromURL, []dateCase{
		{"http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html", "2013-08-03"},
		{"/2013/middle_east/8/3/syria.clashes/index.html", "2013-08-03"},
		{"https://www.youm7.com/story/2020/8/24/slug/4943459", "2020-08-24"},
		{"https://www.albayan.ae/across-the-uae/news-and-reports/2020-06-03-1.3874341", "2020-06-03"},
		{"https://arabic.sputniknews.com/arab_world/202003171044893040-slug/", "2020-03-17"},
		{"/news/2020/06/03/title", "2020-06-03"},
		{"/2020/0603/title", "2020-06-03"},
		{"/2019/world/africa/12/31/x.html", "2019-12-31"},
		{"/article_2020_06_03_slug", "2020-06-03"},
		{"//example.com/2020.06.03/x", "2020-06-03"},
		{"https://example.com/x?date=2020-06-03#2019-01-01", "2020-06-03"},
		// Rejected.
		{"https://example.com/2020/06/slug", ""},
		{"https://example.com/1985/06/03/old", ""},
		{"https://example.com/2020/13/40/x", ""},
		{"https://example.com/news/1584466061", ""},
		{"https://example.com/news/12345678", ""},
		{"https://2020-06-03.example.com/x", ""},
		{"/2020/a/b/c/6/3/x", ""},
		{"", ""},
	})
}
