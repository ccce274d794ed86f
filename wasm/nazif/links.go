package nazif

import (
	"strings"

	"github.com/nazif/nazif/wasm/internal/normalize"
	"github.com/nazif/nazif/wasm/internal/segment"
	"github.com/nazif/nazif/wasm/internal/urlref"
)

// The links of a block are found in the page's text and shown in its
// display text, which normalization made from it after segmentation:
// spaces collapsed, controls deleted, kashidas dropped, NFC. Rather than
// map offsets through every rule, a block's display text is matched piece
// by piece: the display form of the text between two links, then of the
// link's text, each where the one before ended, a space apart at most. A
// link whose text normalization changed at its edges (a mark that
// composes with the letter before it) does not match, and is dropped
// rather than misplaced: its text joins the next piece. So a span always
// covers exactly Display of the link's text.

// linkHref returns the URL a link's href leads to, resolved against base:
// an absolute http or https URL, or "" for a link within the page (#…),
// another scheme (javascript:, mailto:, data:) or a relative one with no
// base to resolve it.
func linkHref(href, base string) string {
	h := strings.TrimSpace(href)
	if h == "" || h[0] == '#' {
		return ""
	}
	if u := urlref.Resolve(h, base); urlref.Web(u) {
		return u
	}
	return ""
}

// displayLinks returns the links of a block whose page text is raw and
// display text disp, with spans in UTF-16 code units of disp. links are
// the block's links in order, with byte offsets in raw.
func displayLinks(raw, disp string, links []segment.Link, base string, arabic bool) []Link {
	var out []Link
	rawAt, at := 0, 0  // where the last matched link ended, in raw and disp
	u16, u16At := 0, 0 // UTF-16 units of disp[:u16At]
	for _, l := range links {
		href := linkHref(l.Href, base)
		if href == "" || l.Start < rawAt || l.End > len(raw) {
			continue
		}
		anchor := normalize.Display(raw[l.Start:l.End], arabic)
		if anchor == "" {
			continue
		}
		p := skipSpace(disp, at)
		if gap := normalize.Display(raw[rawAt:l.Start], arabic); gap != "" {
			if !strings.HasPrefix(disp[p:], gap) {
				continue
			}
			p = skipSpace(disp, p+len(gap))
		}
		if !strings.HasPrefix(disp[p:], anchor) {
			continue
		}
		u16 += utf16Len(disp[u16At:p])
		start := u16
		u16 += utf16Len(anchor)
		u16At = p + len(anchor)
		out = append(out, Link{Start: start, End: u16, Href: href})
		rawAt, at = l.End, u16At
	}
	return out
}

// skipSpace skips the one space normalization may have left at s[i].
func skipSpace(s string, i int) int {
	if i < len(s) && s[i] == ' ' {
		return i + 1
	}
	return i
}

// utf16Len is the length of s, valid UTF-8, in UTF-16 code units: one per
// rune, two for a rune past U+FFFF (a four-byte sequence).
func utf16Len(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c&0xc0 != 0x80 {
			n++
		}
		if c >= 0xf0 {
			n++
		}
	}
	return n
}

// utf16Offset returns the byte offset in s of the UTF-16 offset u, or
// len(s) past its end. An offset inside a surrogate pair falls after the
// rune.
func utf16Offset(s string, u int) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c&0xc0 == 0x80 {
			continue
		}
		if n >= u {
			return i
		}
		n++
		if c >= 0xf0 {
			n++
		}
	}
	return len(s)
}
