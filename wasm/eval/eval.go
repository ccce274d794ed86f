package eval

import (
	"encoding/json"
	"strings"
	"unicode"

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
// nazif eval reads another tool's output.
type Extracted struct {
	Title     string `json:"title"`
	Published string `json:"published"`
	Text      string `json:"text"`
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
}

// Evaluate scores one extraction against its truth.
func Evaluate(got Extracted, t Truth, dump bool) Score {
	var s Score
	s.Precision, s.Recall, s.F1 = TokenF1(got.Text, strings.Join(t.Body(dump), "\n"))
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
	return s
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
