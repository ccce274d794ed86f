package lexicon

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
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
)

var categoryNames = [...]string{
	"none", "read-also", "related", "popular", "share", "social", "follow", "newsletter", "app",
	"copyright", "footer", "comments", "ads", "consent", "widget", "nav", "byline", "dateline", "media",
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
func Find(key string) []Hit {
	var hits []Hit
	for i := 0; ; {
		s, e := nextWord(key, i)
		if s < 0 {
			return hits
		}
		i = e
		for _, p := range phraseIndex[key[s:e]] {
			if end, ok := matchRest(key, e, p.rest); ok {
				hits = append(hits, Hit{Cat: p.cat, Start: s, End: end, Strong: p.strong})
				i = end
				break
			}
		}
	}
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
// "للتي" and "وإلى" count. key is a normalize.SearchKey string. Latin words
// count as words but never as function words.
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

// Proclitics in UTF-8: و ف ب ل ك, and ال.
const (
	waw      = "\u0648"
	feh      = "\u0641"
	beh      = "\u0628"
	lam      = "\u0644"
	kaf      = "\u0643"
	article  = "\u0627\u0644" // ال
	lamLam   = "\u0644\u0644" // لل (ل + ال)
	minStem  = 4              // bytes: a stripped stem keeps two Arabic letters
	cliticSz = 2              // bytes of one proclitic letter
)

// isFunctionWord reports whether w, or w without its proclitics, is a
// function word.
func isFunctionWord(w string) bool {
	if functionWords[w] {
		return true
	}
	if len(w) < cliticSz+minStem || w[0] != 0xD9 && w[0] != 0xD8 {
		return false // proclitics are all Arabic letters
	}
	// p1 runs over "no conjunction" and "after و/ف"; p2 likewise for ب ل ك.
	for p1 := 0; p1 <= cliticSz; p1 += cliticSz {
		if p1 > 0 && !strings.HasPrefix(w, waw) && !strings.HasPrefix(w, feh) {
			break
		}
		for p2 := p1; p2 <= p1+cliticSz; p2 += cliticSz {
			r := w[p2:]
			if p2 > p1 && !strings.HasPrefix(w[p1:], beh) && !strings.HasPrefix(w[p1:], lam) && !strings.HasPrefix(w[p1:], kaf) {
				break
			}
			if p2 > 0 && len(r) >= minStem && functionWords[r] {
				return true
			}
			if strings.HasPrefix(r, article) || strings.HasPrefix(r, lamLam) {
				// After ل the alef of ال is not written: ل + التي = للتي.
				if stem := r[len(article):]; len(stem) >= minStem && articleWords[stem] {
					return true
				}
			}
		}
	}
	return false
}

// nextWord returns the byte span of the first word in key at or after i, or
// (-1, -1) if there is none.
func nextWord(key string, i int) (start, end int) {
	for i < len(key) {
		w, n := wordRune(key[i:])
		if w {
			break
		}
		i += n
	}
	if i >= len(key) {
		return -1, -1
	}
	start = i
	for i < len(key) {
		w, n := wordRune(key[i:])
		if !w {
			break
		}
		i += n
	}
	return start, i
}

// asciiWord marks the ASCII bytes that are word characters.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	return t
}()

// wordStart reports whether s begins with a word character.
func wordStart(s string) bool {
	w, _ := wordRune(s)
	return w
}

// wordRune reports whether s begins with a word character (a letter, digit
// or combining mark of any script) and returns that character's length.
func wordRune(s string) (bool, int) {
	c := s[0]
	if c < utf8.RuneSelf {
		return asciiWord[c], 1
	}
	if (c == 0xD8 || c == 0xD9) && len(s) > 1 && s[1]&0xC0 == 0x80 {
		// U+0600–067F: letters, tatweel, harakat, digits; not ، ؛ ؟ ٪ ٫ ٬ ٭.
		r := rune(c&0x1F)<<6 | rune(s[1]&0x3F)
		return 0x0610 <= r && r <= 0x061A || 0x0620 <= r && r <= 0x0669 || 0x066E <= r, 2
	}
	r, n := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r), n
}
