package figure

import (
	"strings"

	"github.com/nazif/nazif/wasm/internal/byline"
	"github.com/nazif/nazif/wasm/internal/dom"
	"github.com/nazif/nazif/wasm/internal/lexicon"
	"github.com/nazif/nazif/wasm/internal/normalize"
	"golang.org/x/net/html/atom"
)

// lazyAttrs are where lazy loaders keep the picture while src holds a
// placeholder, most specific first.
var lazyAttrs = [...]string{"data-src", "data-lazy-src", "data-original"}

// Source returns the URL img shows, as written in the page: the lazy
// loaders' attributes first (src then holds a placeholder), then src,
// then a candidate of srcset, its own or its <picture>'s. A data: URL is
// a placeholder or an inline icon, never the picture, and is passed over.
// It returns "" when there is none.
func Source(img *dom.Node) string {
	for _, k := range lazyAttrs {
		if u := usable(img.Attr(k)); u != "" {
			return u
		}
	}
	if u := fromSrcset(img.Attr("data-srcset")); u != "" {
		return u
	}
	if u := usable(img.Attr("src")); u != "" {
		return u
	}
	if u := fromSrcset(img.Attr("srcset")); u != "" {
		return u
	}
	if p := img.Parent; p != nil && p.Tag == atom.Picture {
		for c := p.FirstChild; c != nil; c = c.Next {
			if c.Tag != atom.Source {
				continue
			}
			for _, k := range [...]string{"data-srcset", "srcset"} {
				if u := fromSrcset(c.Attr(k)); u != "" {
					return u
				}
			}
		}
	}
	return ""
}

// usable returns u trimmed, or "" for an empty or data: URL.
func usable(u string) string {
	u = strings.TrimSpace(u)
	if len(u) >= 5 && strings.EqualFold(u[:5], "data:") {
		return ""
	}
	return u
}

// maxWidth is the widest srcset candidate worth showing in a reader view
// (its column is about 600 CSS pixels, twice that on a dense screen);
// wider ones are chosen only when nothing narrower is offered.
const maxWidth = 1600

// fromSrcset chooses a candidate of a srcset: the widest up to maxWidth
// (by its w or x descriptor, x counting as 600 pixels each), else the
// narrowest. It reads the list as HTML does: a URL runs to white space
// and may hold commas (image services put them in paths), a comma ends
// it only at its end, and the descriptor runs to the next comma.
func fromSrcset(set string) string {
	best, bestW := "", -1
	small, smallW := "", 1<<30
	for i := 0; i < len(set); {
		for i < len(set) && (set[i] == ',' || isSpace(set[i])) {
			i++
		}
		j := i
		for j < len(set) && !isSpace(set[j]) {
			j++
		}
		u, desc := set[i:j], ""
		if strings.HasSuffix(u, ",") {
			u = strings.TrimRight(u, ",")
		} else {
			k := j
			for k < len(set) && set[k] != ',' {
				k++
			}
			desc = strings.TrimSpace(set[j:k])
			j = k
		}
		i = j
		if u = usable(u); u == "" {
			continue
		}
		w := descriptorWidth(desc)
		if w <= maxWidth && w > bestW {
			best, bestW = u, w
		}
		if w < smallW {
			small, smallW = u, w
		}
	}
	if best != "" {
		return best
	}
	return small
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// descriptorWidth reads a srcset descriptor: "800w" is 800 pixels, "2x"
// (or "1.5x") that many times 600.
func descriptorWidth(d string) int {
	if d == "" {
		return 600
	}
	n, frac, scale := 0, 0, 0
	for i := 0; i < len(d)-1; i++ {
		switch c := d[i]; {
		case c >= '0' && c <= '9' && scale == 0:
			n = min(n*10+int(c-'0'), 1<<20)
		case c >= '0' && c <= '9':
			if scale < 1000 {
				frac = frac*10 + int(c-'0')
				scale *= 10
			}
		case c == '.' && scale == 0:
			scale = 1
		default:
			return 600
		}
	}
	switch d[len(d)-1] {
	case 'w', 'W':
		return n
	case 'x', 'X':
		w := n * 600
		if scale > 1 {
			w += frac * 600 / scale
		}
		return w
	}
	return 600
}

// minSide is the smallest width or height, in CSS pixels, of a picture
// stated in the markup: smaller is an icon, an avatar, a button or a
// tracking pixel (1×1).
const minSide = 100

// Decorative reports an image that is not a picture of the article, by
// what its markup says: a presentation role, a stated width or height
// under minSide, or a file (src, the URL Source chose) that is a vector
// drawing or named as an icon, a logo, an avatar, a sprite, a spacer, a
// pixel or a placeholder. A photo is a raster file; SVG is how sites draw
// their logos and icons.
func Decorative(img *dom.Node, src string) bool {
	switch strings.ToLower(strings.TrimSpace(img.Attr("role"))) {
	case "presentation", "none":
		return true
	}
	for _, k := range [...]string{"width", "height"} {
		if n, ok := pixels(img.Attr(k)); ok && n < minSide {
			return true
		}
	}
	name, ext := fileName(src)
	if ext == "svg" {
		return true
	}
	for w := range strings.FieldsFuncSeq(name, notAlnum) {
		for _, d := range decorWords {
			if strings.HasPrefix(w, d) {
				return true
			}
		}
	}
	return false
}

// decorWords name decoration in a file name, matched at the start of a
// word (so "icons" and "logo2" too).
var decorWords = [...]string{"icon", "logo", "avatar", "sprite", "spacer", "pixel", "placeholder", "blank"}

// pixels reads a width or height attribute: digits, optionally followed
// by "px". A percentage or anything else states no size.
func pixels(v string) (int, bool) {
	v = strings.TrimSuffix(strings.TrimSpace(v), "px")
	if v == "" || len(v) > 6 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			return 0, false
		}
		n = n*10 + int(v[i]-'0')
	}
	return n, true
}

// fileName returns the last path segment of a URL, lower-cased, and its
// extension.
func fileName(u string) (name, ext string) {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	name = strings.ToLower(u[strings.LastIndexByte(u, '/')+1:])
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		ext = name[i+1:]
	}
	return name, ext
}

func notAlnum(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
}

// Opens reports whether a link whose href is h opens the picture itself
// (a larger copy, in the page or a lightbox) rather than another page: a
// raster image file, or an anchor or script in the page. A picture in a
// link to another page is a teaser for it or a button.
func Opens(h string) bool {
	h = strings.TrimSpace(h)
	if h == "" || h[0] == '#' || len(h) >= 11 && strings.EqualFold(h[:11], "javascript:") {
		return true
	}
	switch _, ext := fileName(h); ext {
	case "jpg", "jpeg", "png", "gif", "webp", "avif":
		return true
	}
	return false
}

// creditLabels open a photo credit line. Those marked bare credit with a
// name right after them («تصوير فلان», «عدسة فلان», «© فلان»); the others
// are also ordinary words («الصورة تظهر …», "Image of …") and credit only
// when a separator follows them («الصورة: …», "Photo: AP"). They are
// matched on the search key, whole words.
var creditLabels = [...]struct {
	key  string
	bare bool
}{
	{"تصوير", true}, {"عدسه", true}, {"©", true}, {"photo by", true}, {"photograph by", true},
	{"الصوره", false}, {"صوره", false}, {"مصدر الصوره", false}, {"حقوق الصوره", false},
	{"photo", false}, {"photos", false}, {"photograph", false}, {"image", false},
	{"picture", false}, {"credit", true}, {"foto", false}, {"source", false}, {"المصدر", false},
}

// creditSeps separate a credit label from the name.
var creditSeps = [...]string{":", "|", "،", ",", "-", "–", "—"}

// maxCreditLine bounds, in words, a line read as a photo credit.
const maxCreditLine = 8

// Credit reports whether a caption line is a photo credit: an agency
// credit («(رويترز)», «المصدر: وكالات»), or a short line that names one
// (see named).
func Credit(line string) bool {
	if _, ok := byline.Credit(line); ok {
		return true
	}
	return named(line)
}

// named reports whether a short line opens with a credit label, or is
// made only of agency and photo-credit names («Getty Images», «أ ف ب»).
func named(line string) bool {
	if words(line) > maxCreditLine {
		return false
	}
	key := normalize.SearchKey(line)
	if key == "" {
		return false
	}
	for _, l := range creditLabels {
		rest, ok := strings.CutPrefix(key, l.key)
		if !ok || rest != "" && wordByte(rest[0]) {
			continue
		}
		// A label alone («Photo», a screen reader's "Credit") names
		// no one.
		if rest = strings.TrimLeft(rest, " "); rest == "" {
			continue
		}
		if l.bare {
			return true
		}
		for _, sep := range creditSeps {
			if strings.HasPrefix(rest, sep) {
				return true
			}
		}
	}
	c, hits := lexicon.Scan(nil, key)
	for _, h := range hits {
		if h.Cat != lexicon.Dateline && h.Cat != lexicon.Photo {
			return false
		}
	}
	return len(hits) > 0 && c.Covered == c.Words
}

// wordByte reports a byte that continues a word: an ASCII letter or
// digit, or a byte of a multi-byte letter.
func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
}

// maxCreditWords bounds the credit a caption ends with, and a caption
// line the markup names as a credit («Benoit Tessier/Reuters»): a longer
// one holds the caption too.
const maxCreditWords = 6

// Label reports a line that is only a credit or caption label («Photo»,
// "Credit", «الصورة»): a word for screen readers, not a caption.
func Label(line string) bool {
	if words(line) > 2 {
		return false
	}
	key := strings.TrimRight(normalize.SearchKey(line), " :|،")
	for _, l := range creditLabels {
		if key == l.key {
			return true
		}
	}
	return false
}

// SplitCredit splits a caption line into the caption and the photo credit
// it ends with: a name or a label in brackets («… (رويترز)») or after a
// separator («… - Getty Images», «…. تصوير: فلان»). A line that is a
// credit as a whole (Credit) gives it as the credit; one with no credit,
// as the caption.
func SplitCredit(line string) (caption, credit string) {
	line = strings.TrimSpace(line)
	if Credit(line) {
		return "", line
	}
	if strings.HasSuffix(line, ")") {
		if i := strings.LastIndexByte(line, '('); i > 0 && line[i-1] == ' ' {
			// «(يمين)» says where someone stands: only a name or a
			// label in the brackets is a credit.
			if tail := line[i:]; words(tail) <= maxCreditWords && named(tail[1:len(tail)-1]) {
				return strings.TrimSpace(line[:i]), tail
			}
		}
	}
	for _, sep := range [...]string{" - ", " – ", " — ", " | ", ". ", "، ", " / "} {
		i := strings.LastIndex(line, sep)
		if i <= 0 {
			continue
		}
		tail := strings.TrimSpace(line[i+len(sep):])
		if tail != "" && words(tail) <= maxCreditWords && named(tail) {
			head := line[:i]
			if sep == ". " {
				head += "."
			}
			return strings.TrimSpace(head), tail
		}
	}
	return line, ""
}

// ShortCredit reports whether a line the markup names as a photo credit
// is short enough to be one: a longer one holds the caption too.
func ShortCredit(line string) bool { return words(line) <= maxCreditWords }

// words counts the space-separated words of s.
func words(s string) int { return len(strings.Fields(s)) }
