package lexicon

import (
	"strconv"
	"strings"
)

// Category is a kind of site chrome. The zero Category is no category.
type Category uint8

// The categories, one per phrase table in phrases.go.
const (
	ReadAlso   Category = iota + 1 // links to other articles: "اقرأ أيضاً"
	Related                        // related-articles lists: "أخبار ذات صلة"
	Popular                        // most-read and latest lists: "الأكثر قراءة"
	Share                          // share bars and article tools: "شارك الخبر"، "طباعة"
	Social                         // bare social-network names: "فيسبوك"
	Follow                         // follow-us boxes: "تابعونا على"
	Newsletter                     // newsletter sign-up: "اشترك في النشرة البريدية"
	App                            // app and notification prompts: "حمّل التطبيق"
	Copyright                      // copyright lines: "جميع الحقوق محفوظة"
	Footer                         // footer links: "سياسة الخصوصية"، "اتصل بنا"
	Comments                       // comment sections: "أضف تعليقك"
	Ads                            // advertising: "مساحة إعلانية"
	Consent                        // cookie banners: "ملفات تعريف الارتباط"
	Widget                         // prayer times, weather, prices: "مواقيت الصلاة"
	Nav                            // menus and breadcrumbs: "الرئيسية"
	Byline                         // metadata lines: "تاريخ النشر"، "بقلم"
	Dateline                       // news-agency credits: "رويترز"، "أ ف ب"
	Media                          // media prompts: "شاهد الفيديو"، "اضغط هنا"
	Photo                          // photo credits and caption labels: "مصدر الصورة"
)

var categoryNames = [...]string{
	"none", "read-also", "related", "popular", "share", "social", "follow", "newsletter", "app",
	"copyright", "footer", "comments", "ads", "consent", "widget", "nav", "byline", "dateline", "media", "photo",
}

// String returns the category's short lowercase name, such as "read-also".
func (c Category) String() string {
	if int(c) < len(categoryNames) {
		return categoryNames[c]
	}
	return "category(" + strconv.Itoa(int(c)) + ")"
}

// Hit is one phrase found in a search key.
type Hit struct {
	Cat        Category
	Start, End int // byte offsets of the phrase in the key
	// Strong phrases ("جميع الحقوق محفوظة", "اقرا ايضا", "تابعونا على") mark
	// chrome wherever they occur in a short block. Weak ones ("شارك",
	// "الرئيسيه", "التفاصيل", "فيسبوك") are also ordinary words ("شارك في
	// المؤتمر" = took part) and count only when hits make up most of a block.
	Strong bool
}

// Find returns the phrases in key, a normalize.SearchKey string: leftmost,
// longest first, non-overlapping, each on word boundaries (a word is a run of
// letters, digits and marks of any script). The words of a phrase may be
// separated only by spaces, so punctuation after a phrase ("اقرا ايضا:" or
// "اقرا ايضا :") does not matter. It returns nil if there is none.
func Find(key string) []Hit { return AppendFind(nil, key) }

// AppendFind appends the phrases Find returns for key to dst and returns
// the extended slice, so that a caller scanning many keys can reuse one
// buffer.
func AppendFind(dst []Hit, key string) []Hit {
	for i := 0; ; {
		s, e := nextWord(key, i)
		if s < 0 {
			return dst
		}
		i = e
		if h, ok := phraseAt(key, s, e); ok {
			dst = append(dst, h)
			i = h.End
		}
	}
}

// Counts is what Scan counts in a key.
type Counts struct {
	Words, Function int // as FunctionWords returns them
	Covered         int // words inside the phrases found
}

// Scan appends the phrases Find returns for key to dst, and counts the
// words of key as FunctionWords and Coverage do, in one pass over key, for
// a caller that needs all three: Coverage(key, hits) is
// float64(Covered)/float64(Words) for the hits Scan appends, when Words is
// not 0.
func Scan(dst []Hit, key string) (Counts, []Hit) {
	var c Counts
	first := len(dst) // the hits found here
	next := 0         // where the next phrase may start: not inside the last one
	for i := 0; ; {
		s, e := nextWord(key, i)
		if s < 0 {
			return c, dst
		}
		i = e
		c.Words++
		if isFunctionWord(key[s:e]) {
			c.Function++
		}
		if s >= next {
			if h, ok := phraseAt(key, s, e); ok {
				dst = append(dst, h)
				next = h.End
			}
		}
		// Hits do not overlap, so only the last one can hold this word.
		if n := len(dst); n > first && dst[n-1].Start <= s && e <= dst[n-1].End {
			c.Covered++
		}
	}
}

// phraseAt returns the longest phrase of key whose first word is key[s:e],
// if there is one.
func phraseAt(key string, s, e int) (Hit, bool) {
	k := firstWords.index(key[s:e])
	if k < 0 {
		return Hit{}, false
	}
	for _, p := range phraseLists[k] {
		if end, ok := matchRest(key, e, p.rest); ok {
			return Hit{Cat: p.cat, Start: s, End: end, Strong: p.strong}, true
		}
	}
	return Hit{}, false
}

// matchRest reports whether key continues at pos with the words rest, each
// after one or more spaces, and returns the end of the last one.
func matchRest(key string, pos int, rest []string) (int, bool) {
	for _, w := range rest {
		q := pos
		for q < len(key) && key[q] == ' ' {
			q++
		}
		if q == pos || !strings.HasPrefix(key[q:], w) {
			return 0, false
		}
		q += len(w)
		if q < len(key) && wordStart(key[q:]) {
			return 0, false
		}
		pos = q
	}
	return pos, true
}

// Coverage returns the share of the key's words that lie inside hits (0 to
// 1; 0 for a key without words). hits must be sorted and non-overlapping, as
// Find returns them. It answers "is this block mostly chrome".
func Coverage(key string, hits []Hit) float64 {
	words, in, h := 0, 0, 0
	for i := 0; ; {
		s, e := nextWord(key, i)
		if s < 0 {
			break
		}
		i = e
		words++
		for h < len(hits) && hits[h].End <= s {
			h++
		}
		if h < len(hits) && hits[h].Start <= s && e <= hits[h].End {
			in++
		}
	}
	if words == 0 {
		return 0
	}
	return float64(in) / float64(words)
}

// FunctionWords returns the number of words in key and how many of them are
// Arabic function words (prepositions, conjunctions, pronouns,
// demonstratives, relatives, particles, auxiliaries) once proclitics are
// stripped: one of و ف, then one of ب ل ك, then ال or لل, so "وفي", "بهذه",
// "للتي" and "وإلى" count; and how many are function words of English,
// French, Spanish, Portuguese, Italian or German (latin.go). key is a
// normalize.SearchKey string. Words of other scripts count as words only.
func FunctionWords(key string) (words, function int) {
	for i := 0; ; {
		s, e := nextWord(key, i)
		if s < 0 {
			return words, function
		}
		i = e
		words++
		if isFunctionWord(key[s:e]) {
			function++
		}
	}
}
