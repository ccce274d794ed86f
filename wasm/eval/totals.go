package eval

import "strings"

// Totals sums Scores over pages: the means of precision, recall and F1
// (each page counts once, whatever its length), and the counts of leaks,
// right titles and right dates, right authors, sections and sites out of
// the pages whose truth has them, and empty bodies.
type Totals struct {
	Pages                 int
	Precision, Recall, F1 float64 // means over Pages
	Leaks                 int     // must_not_contain snippets found, over all pages
	Titles, Dates         int     // pages with the right title, the right day
	// Authors, Sections and Sites count the pages with the right field;
	// the Scored counts, the pages whose truth has it, are what they are
	// out of.
	Authors, Sections, Sites                   int
	AuthorsScored, SectionsScored, SitesScored int
	// EmptyBodies counts the pages whose truth has body text and whose
	// extraction has none (Score.EmptyBody).
	EmptyBodies       int
	sumP, sumR, sumF1 float64
}

// Add counts one page's Score.
func (t *Totals) Add(s Score) {
	t.Pages++
	t.sumP += s.Precision
	t.sumR += s.Recall
	t.sumF1 += s.F1
	t.Precision, t.Recall, t.F1 = t.sumP/float64(t.Pages), t.sumR/float64(t.Pages), t.sumF1/float64(t.Pages)
	t.Leaks += len(s.Leaks)
	if s.TitleOK {
		t.Titles++
	}
	if s.DateOK {
		t.Dates++
	}
	for _, f := range []struct {
		ok, scored   bool
		right, count *int
	}{
		{s.AuthorOK, s.AuthorScored, &t.Authors, &t.AuthorsScored},
		{s.SectionOK, s.SectionScored, &t.Sections, &t.SectionsScored},
		{s.SiteOK, s.SiteScored, &t.Sites, &t.SitesScored},
	} {
		if f.scored {
			*f.count++
			if f.ok {
				*f.right++
			}
		}
	}
	if s.EmptyBody {
		t.EmptyBodies++
	}
}

// Stem names the page an input file is about, and whether it is a text
// dump: "youm7.html", "youm7.dump.txt", and another tool's outputs
// "youm7.html.json", "youm7.dump.json" or "youm7.json" are all about
// "youm7"; its truth file is "youm7.truth.json" or "youm7.truth.json.gz"
// (see ReadTruth). A gzipped file is about what its name without ".gz" is
// about: "youm7.html.gz" is about "youm7".
func Stem(name string) (stem string, dump bool) {
	stem = strings.TrimSuffix(name, gzExt)
	stem = strings.TrimSuffix(stem, ".json")
	// "youm7.dump.json" is how nazif clean -o names a dump's result.
	for _, ext := range []string{".dump.txt", ".txt", ".dump"} {
		if s, ok := strings.CutSuffix(stem, ext); ok {
			return s, true
		}
	}
	for _, ext := range []string{".html", ".htm", ".xhtml"} {
		if s, ok := strings.CutSuffix(stem, ext); ok {
			return s, false
		}
	}
	return stem, false
}
