package jsonld

import (
	"strings"

	"github.com/nazif/nazif/wasm/internal/jsonv"
)

// Article is what nazif reads of a page's JSON-LD article object. Strings
// are as the page writes them, trimmed.
type Article struct {
	// Headline is headline, or name; Published and Modified are
	// datePublished and dateModified as written; Section is
	// articleSection; Body is articleBody.
	Headline, Published, Modified, Section, Body string
	// Description, Image and URL (url, else mainEntityOfPage) are as
	// written: an object gives its name, url or @id.
	Description, Image, URL string
	// Authors are the names of the persons among the authors: an
	// organization named as author is the site, not a byline.
	Authors []string
	// Publisher is the publisher's name.
	Publisher string
}

// articleTypes are the schema.org types whose fields describe the article.
var articleTypes = map[string]bool{
	"newsarticle": true, "article": true, "blogposting": true, "reportagenews": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "backgroundnewsarticle": true,
	"reviewnewsarticle": true, "webpage": true, "liveblogposting": true, "scholarlyarticle": true,
}

// Read reads the first article object of a page's JSON-LD scripts (the
// texts of its <script type="application/ld+json">). Broken JSON is
// skipped: many CMSs emit it. A page with none gives the zero Article.
func Read(scripts []string) Article {
	var out Article
	for _, s := range scripts {
		v, err := jsonv.Parse(strings.TrimSpace(s))
		if err != nil {
			continue
		}
		if obj := findArticle(v, 0); obj != nil {
			fillLD(&out, obj)
			if out.Headline != "" || out.Published != "" || out.Body != "" {
				return out
			}
		}
	}
	return out
}

func findArticle(v any, depth int) map[string]any {
	if depth > 8 {
		return nil
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if o := findArticle(e, depth+1); o != nil {
				return o
			}
		}
	case map[string]any:
		for _, t := range typesOf(x["@type"]) {
			if articleTypes[strings.ToLower(t)] && t != "WebPage" {
				return x
			}
		}
		if g, ok := x["@graph"]; ok {
			if o := findArticle(g, depth+1); o != nil {
				return o
			}
		}
		for _, t := range typesOf(x["@type"]) {
			if articleTypes[strings.ToLower(t)] {
				return x
			}
		}
	}
	return nil
}

func typesOf(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func fillLD(out *Article, o map[string]any) {
	out.Headline = str(o["headline"])
	if out.Headline == "" {
		out.Headline = str(o["name"])
	}
	out.Published = str(o["datePublished"])
	out.Modified = str(o["dateModified"])
	out.Section = str(o["articleSection"])
	out.Body = str(o["articleBody"])
	out.Description = str(o["description"])
	out.Image = str(o["image"])
	out.URL = str(o["url"])
	if out.URL == "" {
		out.URL = str(o["mainEntityOfPage"])
	}
	out.Publisher = str(o["publisher"])
	out.Authors = persons(o["author"])
}

// str reads a string, the first string of an array, or an object's name,
// url or @id, in that order.
func str(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		for _, e := range x {
			if s := str(e); s != "" {
				return s
			}
		}
	case map[string]any:
		for _, k := range []string{"name", "url", "@id"} {
			if s := str(x[k]); s != "" {
				return s
			}
		}
	}
	return ""
}

// persons reads author names, leaving out organizations: an organization
// named as author is the site, not a byline.
func persons(v any) []string {
	var out []string
	switch x := v.(type) {
	case string:
		if s := strings.TrimSpace(x); s != "" {
			out = append(out, s)
		}
	case []any:
		for _, e := range x {
			out = append(out, persons(e)...)
		}
	case map[string]any:
		for _, t := range typesOf(x["@type"]) {
			if strings.EqualFold(t, "Organization") || strings.EqualFold(t, "NewsMediaOrganization") {
				return nil
			}
		}
		if s := str(x["name"]); s != "" {
			out = append(out, s)
		}
	}
	return out
}
