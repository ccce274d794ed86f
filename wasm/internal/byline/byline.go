package byline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// labels are the words that open a byline, longest first so that «كتبت»
// is cut whole. Each may be followed by a colon.
var labels = []string{
	"كتبت", "كتبه", "كتب", "بقلم", "حوار", "إعداد", "اعداد", "تحرير", "تقرير",
	"ترجمة", "متابعة", "تصوير", "By", "by", "BY", "Written by",
}

// maxWords bounds a byline: longer lines are sentences that happen to
// start with «كتب».
const maxWords = 8

// Parse returns the name in a byline line such as «كتبت أسماء نصار» or
// «حوار: آسيا العتروس», and whether the line is a byline.
func Parse(line string) (string, bool) {
	t := strings.TrimSpace(line)
	for _, l := range labels {
		rest, ok := strings.CutPrefix(t, l)
		if !ok {
			continue
		}
		// The label must end a word: «كتبه» is not «كتب» + «ه», and
		// «تقريرا» is not a label.
		if rest != "" && rest[0] != ' ' && rest[0] != ':' && !strings.HasPrefix(rest, "\u00a0") {
			continue
		}
		// Counted only once a label is found: most lines have none.
		if strings.Count(t, " ") >= maxWords*2 || !fieldsAtMost(t, maxWords) {
			return "", false
		}
		name := strings.Trim(rest, " :\u00a0-–—|")
		if name == "" || strings.ContainsAny(name, ".،؟!") {
			return "", false
		}
		return name, true
	}
	return "", false
}

// Labeled reports whether line starts with a byline label: Parse fails on
// any line that does not, whatever follows, so callers can skip costly
// preparation of such lines.
func Labeled(line string) bool {
	t := strings.TrimSpace(line)
	for _, l := range labels {
		if strings.HasPrefix(t, l) {
			return true
		}
	}
	return false
}

// Credit returns the agency or source in a closing credit line such as
// «--(بترا)», «(رويترز)» or «المصدر: وكالات», and whether the line is one.
func Credit(line string) (string, bool) {
	t := strings.TrimSpace(line)
	if t == "" || strings.Count(t, " ") >= 8 || !fieldsAtMost(t, 4) {
		return "", false
	}
	if rest, ok := strings.CutPrefix(t, "المصدر"); ok {
		name := strings.Trim(rest, " :\u00a0-–—()")
		return name, name != ""
	}
	s := strings.TrimLeft(t, " -–—\u00a0")
	if !strings.HasPrefix(s, "(") || !strings.HasSuffix(s, ")") {
		return "", false
	}
	name := strings.TrimSpace(s[1 : len(s)-1])
	if name == "" || strings.ContainsAny(name, "()") {
		return "", false
	}
	return name, true
}

// fieldsAtMost reports whether len(strings.Fields(t)) <= n, without
// building the fields: classification asks it of every block of a page.
func fieldsAtMost(t string, n int) bool {
	fields, in := 0, false
	for i := 0; i < len(t); {
		c := t[i]
		var space bool
		switch {
		case c < utf8.RuneSelf:
			space = c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
			i++
		case c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3:
			// The only lead bytes of Unicode spaces (U+0085, U+00A0,
			// U+1680, U+2000…U+205F, U+3000): Arabic letters skip the
			// decoding.
			r, size := utf8.DecodeRuneInString(t[i:])
			space = unicode.IsSpace(r)
			i += size
		default:
			i++
		}
		switch {
		case space:
			in = false
		case !in:
			in = true
			if fields++; fields > n {
				return false
			}
		}
	}
	return true
}
