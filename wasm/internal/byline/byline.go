package byline

import "strings"

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
	if t == "" || strings.Count(t, " ") >= maxWords*2 || len(strings.Fields(t)) > maxWords {
		return "", false
	}
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
	if t == "" || strings.Count(t, " ") >= 8 || len(strings.Fields(t)) > 4 {
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
