package dump

import (
	"strings"
	"unicode/utf8"

	"github.com/nazif/nazif/wasm/internal/lexicon"
	"github.com/nazif/nazif/wasm/internal/normalize"
)

const (
	// sectionMaxWords bounds a section name.
	sectionMaxWords = 4
	// A breadcrumb list has between crumbMin and crumbMax items.
	crumbMin = 2
	crumbMax = 5
)

// crumbSeps separate breadcrumbs, besides [bracketed] arrow icons.
var crumbSeps = [...]string{" > ", " » ", " › ", " / ", " | ", " → ", " < ", " « ", " ‹ ", " \\ "}

// crumbs splits a breadcrumb line, «الرئيسية > اقتصاد > أسواق» or
// «الرئيسية [arrow] تقارير», whose first crumb names the home page.
func crumbs(text string) []string {
	var parts []string
	rest := text
	for len(rest) > 0 {
		cut, size := -1, 0
		if k := strings.IndexByte(rest, '['); k >= 0 {
			if e := strings.IndexByte(rest[k:], ']'); e > 0 {
				cut, size = k, e+1
			}
		}
		for _, sep := range crumbSeps {
			if k := strings.Index(rest, sep); k >= 0 && (cut < 0 || k < cut) {
				cut, size = k, len(sep)
			}
		}
		if cut < 0 {
			if len(parts) == 0 {
				return nil // a single crumb
			}
			parts = append(parts, trim(rest))
			break
		}
		if p := trim(rest[:cut]); p != "" {
			if len(parts) == 0 && !lexicon.IsHome(normalize.SearchKey(p)) {
				return nil // the first crumb decides: spare splitting the rest
			}
			parts = append(parts, p)
		}
		rest = rest[cut+size:]
	}
	if len(parts) < crumbMin {
		return nil
	}
	return parts
}

func stripBullet(s string) string {
	_, size := utf8.DecodeRuneInString(s)
	return trim(s[size:])
}

// item returns a line's text without its list marker.
func (l *line) item() string {
	if l.bullet {
		return stripBullet(l.text)
	}
	return l.text
}

// menuItems collects the search keys of list items, which name sections.
func (h *header) menuItems() map[string]bool {
	if h.menu == nil {
		n := 0
		for i := range h.lines {
			if h.lines[i].bullet {
				n++
			}
		}
		h.menu = make(map[string]bool, n)
		for i := range h.lines {
			if l := &h.lines[i]; l.bullet {
				if k := stripBullet(l.key); k != "" {
					h.menu[k] = true
				}
			}
		}
	}
	return h.menu
}

// crumbAbove finds a breadcrumb right above line i: a crumb line, or a short
// list on consecutive lines whose first item is the home page. It returns
// the last crumb and the line it stands on.
func (h *header) crumbAbove(i int) (string, int) {
	var buf [1]int
	above := h.nonEmptyBefore(buf[:0], i, 1)
	if len(above) == 0 {
		return "", -1
	}
	j := above[0]
	l := &h.lines[j]
	if !l.bullet {
		if c := crumbs(l.text); c != nil {
			return c[len(c)-1], j
		}
		return "", -1
	}
	k := j
	for k > 0 && h.lines[k-1].bullet && j-k < crumbMax {
		k--
	}
	if n := j - k + 1; n < crumbMin || n > crumbMax || !lexicon.IsHome(stripBullet(h.lines[k].key)) {
		return "", -1
	}
	return l.item(), j
}

// findSection reads the section from a breadcrumb above the title, else
// from a crumb line or a short line naming a menu item near the title.
// A «section | date» line has set it already.
func (h *header) findSection() {
	if h.doc.Section != "" || h.title < 0 {
		return
	}
	if s, j := h.crumbAbove(h.title); j >= 0 {
		h.doc.Section = s
		h.roles[j] = roleSection
		return
	}
	var buf [2 + metaSpan + 2]int
	near := h.nonEmptyAfter(h.nonEmptyBefore(buf[:0], h.title, 2), h.title, metaSpan+2, h.start)
	for _, j := range near {
		l := &h.lines[j]
		if h.roles[j] != roleNone || l.bullet {
			continue
		}
		if c := crumbs(l.text); c != nil {
			h.doc.Section = c[len(c)-1]
			h.roles[j] = roleSection
			return
		}
		if l.words >= 1 && l.words <= sectionMaxWords && l.stops+l.commas+l.digits == 0 && h.menuItems()[l.key] {
			h.doc.Section = l.text
			h.roles[j] = roleSection
			return
		}
	}
}
