package eval

import (
	"encoding/json"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Truth is a hand-checked truth file in the corpus format.
type Truth struct {
	ID             string   `json:"id"`
	URL            string   `json:"url"`
	Title          string   `json:"title"`
	Published      string   `json:"published"`
	PublishedAlt   []string `json:"published_alt"`
	Section        *string  `json:"section"`
	Site           string   `json:"site"`
	Author         *string  `json:"author"`
	Paragraphs     []string `json:"paragraphs"`
	ParagraphsAlt  []string `json:"paragraphs_alt"`
	DumpParagraphs []string `json:"dump_paragraphs"`
	MustNotContain []string `json:"must_not_contain"`
}

// ParseTruth reads a truth file.
func ParseTruth(data []byte) (Truth, error) {
	var t Truth
	err := json.Unmarshal(data, &t)
	return t, err
}

// Body returns the truth's body paragraphs: paragraphs_alt where present,
// and for a text dump its dump_paragraphs where present.
func (t Truth) Body(dump bool) []string {
	if dump && len(t.DumpParagraphs) > 0 {
		return t.DumpParagraphs
	}
	if len(t.ParagraphsAlt) > 0 {
		return t.ParagraphsAlt
	}
	return t.Paragraphs
}

// Extracted is what a tool produced for one page. Its JSON form is how
// nazif eval reads another tool's output; its names are the ones of
// nazif's own Article JSON, so nazif clean's output is a tool's output too.
type Extracted struct {
	Title     string `json:"title"`
	Published string `json:"published"`
	Text      string `json:"text"`
	// Author, Section and Site are the byline, the site's section and the
	// publication's name; a tool that has none leaves them empty, and
	// they then score as wrong wherever the truth has them.
	Author  string `json:"author"`
	Section string `json:"section"`
	Site    string `json:"site"`
}

// Score is the evaluation of one page.
type Score struct {
	Precision, Recall, F1 float64
	// Leaks lists the must_not_contain snippets found in the body.
	Leaks []string
	// TitleOK reports an exact title, whitespace collapsed.
	TitleOK bool
	// DateOK reports a published date equal, to the day, to the truth's
	// published or one of its published_alt.
	DateOK bool
	// AuthorOK, SectionOK and SiteOK report the field equal to the
	// truth's under the rule of MetaKey. Each means something only where
	// its Scored twin is true: where the truth has the field (neither
	// null nor empty). Truth files of other sets lack some fields (the
	// Readability pages have no section), and a missing field must not
	// count as a miss.
	AuthorOK, SectionOK, SiteOK             bool
	AuthorScored, SectionScored, SiteScored bool
	// EmptyBody reports a page whose truth has body text but whose
	// extraction has none (no token at all). F1 0 alone does not tell a
	// lost article from a wrong one, and a lost one is the worse failure.
	EmptyBody bool
}

// Evaluate scores one extraction against its truth: the body against
// the truth's Body(dump), the author, section and site under MetaKey where
// the truth has them.
func Evaluate(got Extracted, t Truth, dump bool) Score {
	var s Score
	want := strings.Join(t.Body(dump), "\n")
	s.Precision, s.Recall, s.F1 = TokenF1(got.Text, want)
	s.EmptyBody = len(Tokens(want)) > 0 && len(Tokens(got.Text)) == 0
	body := comparable(got.Text)
	for _, snip := range t.MustNotContain {
		if c := comparable(snip); c != "" && strings.Contains(body, c) {
			s.Leaks = append(s.Leaks, snip)
		}
	}
	s.TitleOK = t.Title != "" && collapse(got.Title) == collapse(t.Title)
	s.DateOK = sameDay(got.Published, t.Published)
	for _, alt := range t.PublishedAlt {
		s.DateOK = s.DateOK || sameDay(got.Published, alt)
	}
	s.AuthorOK, s.AuthorScored = sameMeta(got.Author, t.Author, true)
	s.SectionOK, s.SectionScored = sameMeta(got.Section, t.Section, false)
	s.SiteOK, s.SiteScored = sameMeta(got.Site, &t.Site, false)
	return s
}

// MetaKey returns the form in which an author, a section or a site is compared
// with the truth's: its Tokens (NFKC, harakat and tatweel removed,
// punctuation dropped, white space collapsed), case-folded, the alef
// forms with hamza or madda (أ إ آ) folded to bare alef, joined by one
// space; for an author (byline true), a leading byline label (by, par,
// por, بقلم, كتب, كتبت) is dropped when a name follows it. Two fields
// agree when their keys are equal and not empty.
//
// Why so: the truth files of the two sets write these fields in their own
// ways. The Arabic corpus's bylines are bare names, but Readability's keep
// the label and the page's line breaks ("By\n\t\tScott Cunningham") and
// its capitals ("JOE HILDEBRAND"); punctuation varies with the page ("Mac &
// i", "Roberts-Grey", a colon after "By"); and Arabic pages write the
// hamza of a name or not, both on one page ("بوابة أخبار اليوم" and
// "بوابة اخبار اليوم"), as English ones vary capitals. None of that is
// what an extractor gets right or wrong. Anything else (a date left in the
// byline, a second name, a different site name) still counts as a miss.
func MetaKey(s string, byline bool) string {
	toks := Tokens(s)
	fold := cases.Fold() // a Caser is not safe for concurrent use: one per call
	for i, t := range toks {
		toks[i] = alefFolder.Replace(fold.String(t))
	}
	if byline && len(toks) > 1 && bylineLabels[toks[0]] {
		toks = toks[1:]
	}
	return strings.Join(toks, " ")
}

// alefFolder folds the alef forms with hamza or madda to bare alef.
var alefFolder = strings.NewReplacer("أ", "ا", "إ", "ا", "آ", "ا")

// bylineLabels are the words a byline opens with that are not part of the
// name, case-folded: English by, French par, Spanish and Portuguese por,
// Arabic بقلم ("by the pen of"), كتب and كتبت ("wrote", he and she).
// German "von" is left out: it is also a particle of names.
var bylineLabels = map[string]bool{"by": true, "par": true, "por": true, "بقلم": true, "كتب": true, "كتبت": true}

// sameMeta compares an extracted field with the truth's under MetaKey. It
// is scored only when the truth has the field: want is not nil, and its
// key is not empty.
func sameMeta(got string, want *string, byline bool) (ok, scored bool) {
	if want == nil {
		return false, false
	}
	w := MetaKey(*want, byline)
	if w == "" {
		return false, false
	}
	return MetaKey(got, byline) == w, true
}

// Tokens splits text into evaluation tokens: NFKC, harakat (U+064B–0652,
// U+0670) and tatweel removed, punctuation dropped, split on white space.
func Tokens(text string) []string {
	text = norm.NFKC.String(text)
	var b strings.Builder
	b.Grow(len(text))
	for _, r := range text {
		switch {
		case r >= 0x064B && r <= 0x0652, r == 0x0670, r == 0x0640, unicode.IsPunct(r):
		default:
			b.WriteRune(r)
		}
	}
	return strings.Fields(b.String())
}

// TokenF1 returns precision, recall and F1 of got against want over the
// multisets of their Tokens. Two empty texts score 1.
func TokenF1(got, want string) (precision, recall, f1 float64) {
	g, w := Tokens(got), Tokens(want)
	if len(g) == 0 && len(w) == 0 {
		return 1, 1, 1
	}
	if len(g) == 0 || len(w) == 0 {
		return 0, 0, 0
	}
	count := make(map[string]int, len(w))
	for _, t := range w {
		count[t]++
	}
	common := 0
	for _, t := range g {
		if count[t] > 0 {
			count[t]--
			common++
		}
	}
	if common == 0 {
		return 0, 0, 0
	}
	precision = float64(common) / float64(len(g))
	recall = float64(common) / float64(len(w))
	return precision, recall, 2 * precision * recall / (precision + recall)
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// comparable is the form in which leaks are looked for: NFKC, spaces collapsed.
func comparable(s string) string { return collapse(norm.NFKC.String(s)) }

func sameDay(got, want string) bool {
	return len(got) >= 10 && len(want) >= 10 && got[:10] == want[:10]
}
