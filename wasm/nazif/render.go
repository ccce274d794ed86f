package nazif

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file is stage 7 of the cascade: the optional reader-view HTML and
// Markdown, and Article.Text. The renderers write into one strings.Builder
// sized up front and escape with byte loops, so a render costs one
// allocation for the output and none per block.
//
// The HTML is safe by construction rather than by sanitizing: every tag and
// attribute name is a literal in this file, every attribute value is either a
// literal, a validated token (dir, lang, datetime) or a validated and escaped
// http(s) URL, and every piece of page text goes through escapeHTML. Nothing
// from the page can open an element, so a caller may inject the fragment
// with innerHTML. Links are <a> with an http(s) href and the fixed rel
// linkRel; pictures are <img> with an http(s) src, lazy and sent with no
// referrer.

// linkRel is the rel of every link of the reader view: the page it opens
// gets no handle on the reader (noopener) and no address of it
// (noreferrer), and the reader view vouches for none of them (nofollow).
const linkRel = "noopener noreferrer nofollow"

// metaSep separates the parts of the metadata line in both renderers.
const metaSep = " · "

// htmlMetaClasses are the class names of the metadata spans, in display
// order after the date. They are fixed so a page can style them.
var htmlMetaClasses = [...]string{"nazif-site", "nazif-section", "nazif-author"}

// renderHTML returns the reader-view HTML fragment for a: one <article>
// element, with no <html> or <head>, ending in a newline. Blocks whose text
// is blank are skipped, consecutive list items share one <ul>, a Figure is
// a <figure> with its picture and a <figcaption> of its caption and credit,
// and links in text are <a>. Captions, description, dates other than
// Published and the URL are not rendered, and neither is the lead image
// when a figure shows it. The output depends only on a.
func renderHTML(a *Article) string {
	var b strings.Builder
	b.Grow(renderSizeHint(a) + 64*len(a.Blocks) + 512)

	b.WriteString(`<article dir="`)
	b.WriteString(htmlDir(a.Dir))
	b.WriteByte('"')
	if lang := htmlLang(a.Lang); lang != "" {
		b.WriteString(` lang="`)
		b.WriteString(lang)
		b.WriteByte('"')
	}
	b.WriteString(">\n")

	writeHTMLHeader(&b, a)

	inList := false
	for i := range a.Blocks {
		blk := &a.Blocks[i]
		if blk.Kind == Figure {
			if !safeURL(blk.Src) {
				continue
			}
		} else if isBlank(blk.Text) {
			continue
		}
		if blk.Kind == ListItem {
			if !inList {
				b.WriteString("<ul>\n")
				inList = true
			}
			writeHTMLText(&b, "<li>", blk, "</li>\n")
			continue
		}
		if inList {
			b.WriteString("</ul>\n")
			inList = false
		}
		switch blk.Kind {
		case Heading:
			writeHTMLText(&b, "<h2>", blk, "</h2>\n")
		case Quote:
			writeHTMLText(&b, "<blockquote><p>", blk, "</p></blockquote>\n")
		case Figure:
			writeHTMLFigure(&b, blk)
		default:
			// Paragraph, and any kind a newer producer invents: the text
			// is still body text, so it is shown rather than lost.
			writeHTMLText(&b, "<p>", blk, "</p>\n")
		}
	}
	if inList {
		b.WriteString("</ul>\n")
	}
	b.WriteString("</article>\n")
	return b.String()
}

// writeHTMLFigure writes a Figure block, whose Src is safe: the picture,
// lazy and with no referrer as the lead image, and its caption and credit.
// Its alt is empty: the <figcaption> says what it shows.
func writeHTMLFigure(b *strings.Builder, blk *Block) {
	b.WriteString("<figure>")
	writeHTMLImage(b, blk.Src)
	caption, credit := !isBlank(blk.Caption), !isBlank(blk.Credit)
	if caption || credit {
		b.WriteString("<figcaption>")
		if caption {
			escapeHTML(b, blk.Caption)
		}
		if credit {
			if caption {
				b.WriteByte(' ')
			}
			b.WriteString(`<span class="nazif-credit">`)
			escapeHTML(b, blk.Credit)
			b.WriteString("</span>")
		}
		b.WriteString("</figcaption>")
	}
	b.WriteString("</figure>\n")
}

// writeHTMLImage writes an <img> of the safe URL src.
func writeHTMLImage(b *strings.Builder, src string) {
	b.WriteString(`<img src="`)
	escapeHTML(b, src)
	b.WriteString(`" alt="" loading="lazy" referrerpolicy="no-referrer">`)
}

// writeHTMLText writes the text of a block between open and closeTag,
// with its links as <a>.
func writeHTMLText(b *strings.Builder, open string, blk *Block, closeTag string) {
	b.WriteString(open)
	last := 0
	forLinks(blk, func(start, end int, href string) {
		escapeHTML(b, blk.Text[last:start])
		b.WriteString(`<a href="`)
		escapeHTML(b, href)
		b.WriteString(`" rel="` + linkRel + `">`)
		escapeHTML(b, blk.Text[start:end])
		b.WriteString("</a>")
		last = end
	})
	escapeHTML(b, blk.Text[last:])
	b.WriteString(closeTag)
}

// forLinks calls f with the byte span and the URL of each link of blk that
// a renderer may show: a safe URL over a non-blank, whole-rune part of the
// text, after the link before it. Extract makes no other, but an Article
// may be made by hand, and a renderer trusts nothing.
func forLinks(blk *Block, f func(start, end int, href string)) {
	at, atU := 0, 0 // byte and UTF-16 offsets of the end of the last link
	for _, l := range blk.Links {
		if l.Start < atU || l.End <= l.Start || !safeURL(l.Href) {
			continue
		}
		start := at + utf16Offset(blk.Text[at:], l.Start-atU)
		end := start + utf16Offset(blk.Text[start:], l.End-l.Start)
		if utf16Len(blk.Text[at:start]) != l.Start-atU || utf16Len(blk.Text[start:end]) != l.End-l.Start || isBlank(blk.Text[start:end]) {
			continue // past the end, or inside a surrogate pair
		}
		f(start, end, l.Href)
		at, atU = end, l.End
	}
}

// writeHTMLHeader writes the <header> with the title, the metadata line and
// the lead image, or nothing when a has none of them.
func writeHTMLHeader(b *strings.Builder, a *Article) {
	title := !isBlank(a.Title)
	meta := hasHTMLMeta(a)
	image := safeURL(a.Image) && !hasFigure(a, a.Image)
	if !title && !meta && !image {
		return
	}
	b.WriteString("<header>\n")
	if title {
		writeHTMLElement(b, "<h1>", a.Title, "</h1>\n")
	}
	if meta {
		b.WriteString(`<p class="nazif-meta">`)
		first := true
		if !isBlank(a.Published) {
			first = false
			if isDateTimeToken(a.Published) {
				b.WriteString(`<time datetime="`)
				b.WriteString(a.Published) // checked to hold no markup characters
				b.WriteString(`">`)
				escapeHTML(b, displayDate(a.Published, a.Lang))
			} else {
				// Without a machine-readable value the element still
				// marks the text as a date; its content is the value.
				b.WriteString("<time>")
				escapeHTML(b, a.Published)
			}
			b.WriteString("</time>")
		}
		for i, s := range [...]string{a.Site, a.Section, a.Author} {
			if isBlank(s) {
				continue
			}
			if !first {
				b.WriteString(metaSep)
			}
			first = false
			b.WriteString(`<span class="`)
			b.WriteString(htmlMetaClasses[i])
			b.WriteString(`">`)
			escapeHTML(b, s)
			b.WriteString("</span>")
		}
		b.WriteString("</p>\n")
	}
	if image {
		writeHTMLImage(b, a.Image)
		b.WriteByte('\n')
	}
	b.WriteString("</header>\n")
}

// hasFigure reports whether a figure of a shows the picture src, which the
// header then leaves out.
func hasFigure(a *Article, src string) bool {
	for i := range a.Blocks {
		if a.Blocks[i].Kind == Figure && a.Blocks[i].Src == src {
			return true
		}
	}
	return false
}

func hasHTMLMeta(a *Article) bool {
	return !isBlank(a.Published) || !isBlank(a.Site) || !isBlank(a.Section) || !isBlank(a.Author)
}

func writeHTMLElement(b *strings.Builder, open, text, closeTag string) {
	b.WriteString(open)
	escapeHTML(b, text)
	b.WriteString(closeTag)
}

// htmlEntity maps each byte escapeHTML replaces to an index into
// htmlEntities; 0 means the byte is written as is. A table lookup keeps the
// loop to one load and one branch per byte.
var htmlEntity = [256]uint8{'&': 1, '<': 2, '>': 3, '"': 4, '\'': 5, 0: 6}

var htmlEntities = [...]string{1: "&amp;", 2: "&lt;", 3: "&gt;", 4: "&#34;", 5: "&#39;", 6: "\uFFFD"}

// escapeHTML writes s with the five markup characters replaced by entities,
// which makes it safe both as element content and inside a double- or
// single-quoted attribute value. NUL becomes U+FFFD, as an HTML parser would
// make it, so the fragment reads the same in every consumer.
func escapeHTML(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		if e := htmlEntity[s[i]]; e != 0 {
			b.WriteString(s[last:i])
			b.WriteString(htmlEntities[e])
			last = i + 1
		}
	}
	b.WriteString(s[last:])
}

// htmlDir returns the dir attribute's value: "ltr" only when a says so,
// because nazif's input is right-to-left unless proven otherwise.
func htmlDir(dir string) string {
	if dir == "ltr" {
		return "ltr"
	}
	return "rtl"
}

// htmlLang returns the lang attribute's value, or "" to omit it. Only the
// languages Article.Lang can name are written: "other" names none, and any
// value outside the contract is dropped rather than echoed.
func htmlLang(lang string) string {
	switch lang {
	case "ar", "fa", "ur":
		return lang
	}
	return ""
}

// isDateTimeToken reports whether s has the shape of the ISO 8601 values
// Extract writes (see testdata/article.schema.json), so that it may go raw
// into a datetime attribute: YYYY-MM-DD, optionally followed by Thh:mm,
// :ss, a fraction and Z or ±hh:mm.
func isDateTimeToken(s string) bool {
	if !matchDigits(s, "dddd-dd-dd") {
		return false
	}
	s = s[len("dddd-dd-dd"):]
	if s == "" {
		return true
	}
	if !matchDigits(s, "Tdd:dd") {
		return false
	}
	s = s[len("Tdd:dd"):]
	if matchDigits(s, ":dd") {
		s = s[len(":dd"):]
		if len(s) > 1 && s[0] == '.' && isDigit(s[1]) {
			s = s[2:]
			for len(s) > 0 && isDigit(s[0]) {
				s = s[1:]
			}
		}
	}
	switch {
	case s == "" || s == "Z":
		return true
	case s[0] == '+' || s[0] == '-':
		return len(s) == len("+dd:dd") && matchDigits(s[1:], "dd:dd")
	}
	return false
}

// matchDigits reports whether s starts with shape, where 'd' stands for an
// ASCII digit and any other byte for itself.
func matchDigits(s, shape string) bool {
	if len(s) < len(shape) {
		return false
	}
	for i := 0; i < len(shape); i++ {
		if shape[i] == 'd' && !isDigit(s[i]) || shape[i] != 'd' && s[i] != shape[i] {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// safeURL reports whether u may be used as an img src or a link: an absolute
// http or https URL with a host, and no whitespace, control, format (bidi,
// zero-width) or invalid UTF-8 characters, which browsers strip or which
// could disguise the URL. Everything else, notably javascript:, data: and
// relative or protocol-relative URLs, is refused.
func safeURL(u string) bool {
	var rest string
	switch {
	case hasPrefixFold(u, "https://"):
		rest = u[len("https://"):]
	case hasPrefixFold(u, "http://"):
		rest = u[len("http://"):]
	default:
		return false
	}
	if rest == "" || rest[0] == '/' || rest[0] == '\\' {
		return false
	}
	for i := 0; i < len(rest); {
		c := rest[i]
		if c < utf8.RuneSelf {
			if c <= ' ' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(rest[i:])
		if r == utf8.RuneError || unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return false
		}
		i += n
	}
	return true
}

// hasPrefixFold reports whether s starts with the lower-case ASCII prefix,
// ignoring ASCII case in s.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// renderMarkdown returns a as CommonMark, ending in a newline, or "" when a
// has nothing to show: the title as a level-1 heading, an emphasized
// metadata line (published · site · section · author, only the parts that
// exist), then the blocks separated by blank lines, with consecutive list
// items on consecutive lines. A Figure is an image, then its caption and
// credit as an emphasized line; links in text are inline links. Text is
// escaped so that it renders literally: no emphasis, links, raw HTML,
// code or block structure can come from the page. Blank blocks are
// skipped and line breaks inside a block become spaces, since a block is
// one Markdown line.
func renderMarkdown(a *Article) string {
	var b strings.Builder
	b.Grow(renderSizeHint(a) + 8*len(a.Blocks) + 64)

	if !isBlank(a.Title) {
		b.WriteString("# ")
		escapeMarkdown(&b, a.Title)
		b.WriteByte('\n')
	}
	first := true
	for _, s := range [...]string{a.Published, a.Site, a.Section, a.Author} {
		if isBlank(s) {
			continue
		}
		if first {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteByte('*')
			first = false
		} else {
			b.WriteString(metaSep)
		}
		escapeMarkdown(&b, s)
	}
	if !first {
		b.WriteString("*\n")
	}

	prevList := false
	for i := range a.Blocks {
		blk := &a.Blocks[i]
		if blk.Kind == Figure {
			if !safeURL(blk.Src) {
				continue
			}
		} else if isBlank(blk.Text) {
			continue
		}
		isList := blk.Kind == ListItem
		if b.Len() > 0 && !(isList && prevList) {
			b.WriteByte('\n')
		}
		prevList = isList
		switch blk.Kind {
		case Heading:
			b.WriteString("## ")
		case Quote:
			b.WriteString("> ")
		case ListItem:
			b.WriteString("- ")
		case Figure:
			writeMarkdownFigure(&b, blk)
			continue
		}
		writeMarkdownText(&b, blk)
		b.WriteByte('\n')
	}
	return b.String()
}

// writeMarkdownFigure writes a Figure block, whose Src is safe: the image,
// and on the next line its caption and credit, emphasized.
func writeMarkdownFigure(b *strings.Builder, blk *Block) {
	b.WriteString("![](")
	escapeMarkdownURL(b, blk.Src)
	b.WriteString(")\n")
	caption, credit := !isBlank(blk.Caption), !isBlank(blk.Credit)
	if !caption && !credit {
		return
	}
	b.WriteByte('*')
	if caption {
		escapeMarkdown(b, blk.Caption)
	}
	if credit {
		if caption {
			b.WriteString(metaSep)
		}
		escapeMarkdown(b, blk.Credit)
	}
	b.WriteString("*\n")
}

// writeMarkdownText writes the text of a block as one line, with its links
// as inline links. A text with white space at its ends (Extract trims
// every text) is written without its links, as escapeMarkdown trims it.
func writeMarkdownText(b *strings.Builder, blk *Block) {
	t := blk.Text
	if len(blk.Links) == 0 || strings.TrimSpace(t) != t {
		escapeMarkdown(b, t)
		return
	}
	last := 0
	forLinks(blk, func(start, end int, href string) {
		if last == 0 && start > 0 {
			escapeMarkdown(b, t[:start])
			if isASCIISpace(t[start-1]) {
				b.WriteByte(' ') // trimmed by escapeMarkdown
			}
		} else {
			escapeMarkdownInline(b, t[last:start])
		}
		b.WriteByte('[')
		escapeMarkdownInline(b, t[start:end])
		b.WriteString("](")
		escapeMarkdownURL(b, href)
		b.WriteByte(')')
		last = end
	})
	switch {
	case last == 0:
		escapeMarkdown(b, t) // no link was shown
	default:
		escapeMarkdownInline(b, t[last:])
	}
}

// mdURL marks the bytes escapeMarkdownURL escapes with a backslash: those
// that end a link destination ( ) < > or could read as markup to a reader
// of the source, and the backslash itself.
var mdURL = [256]bool{
	'\\': true, '(': true, ')': true, '<': true, '>': true, '[': true, ']': true,
	'*': true, '_': true, '`': true, '~': true, '|': true,
}

// escapeMarkdownURL writes a safe URL (no space or control character) as
// a link destination: CommonMark takes a backslash-escaped ASCII
// punctuation character in a destination as the character, and an & that
// starts an entity reference is escaped so that it is not decoded.
func escapeMarkdownURL(b *strings.Builder, u string) {
	last := 0
	for i := 0; i < len(u); i++ {
		if c := u[i]; mdURL[c] || c == '&' && isEntityRef(u[i+1:]) {
			b.WriteString(u[last:i])
			b.WriteByte('\\')
			last = i
		}
	}
	b.WriteString(u[last:])
}

// mdClass sorts the bytes escapeMarkdown treats specially, so its loop
// does one table load per byte: mdEsc bytes are backslash-escaped anywhere
// (they open emphasis, links, raw HTML, code spans, headings and quotes,
// GFM strikethrough (~~x~~, issue 13) and table cells, or are the
// backslash itself), mdBreak bytes end a line and mdAmp may start an
// entity reference.
var mdClass = [256]uint8{
	'\\': mdEsc, '*': mdEsc, '_': mdEsc, '[': mdEsc, ']': mdEsc,
	'<': mdEsc, '>': mdEsc, '#': mdEsc, '`': mdEsc, '~': mdEsc, '|': mdEsc,
	'\n': mdBreak, '\r': mdBreak,
	'&': mdAmp,
}

const (
	mdEsc = 1 + iota
	mdBreak
	mdAmp
)

// escapeMarkdown writes s as the text of one Markdown line: surrounding
// whitespace trimmed, each line break (with the spaces around it) collapsed
// to one space, mdEsc characters backslash-escaped, and a leading block
// marker (- + ~ or an ordered-list number) neutralized so that the text
// cannot start a list, thematic break or code fence after its prefix. An &
// that starts an entity reference is escaped too.
func escapeMarkdown(b *strings.Builder, s string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	i := escapeLineStart(b, s)
	escapeMarkdownInline(b, s[i:])
}

// escapeMarkdownInline writes s, a part of a line after its start, as
// escapeMarkdown does, without trimming it or looking for a block marker.
func escapeMarkdownInline(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		switch mdClass[s[i]] {
		case mdBreak:
			// Collapse the whole whitespace run around the break,
			// including the spaces before it, not yet written.
			k := i
			for k > last && (s[k-1] == ' ' || s[k-1] == '\t') {
				k--
			}
			b.WriteString(s[last:k])
			for i+1 < len(s) && isASCIISpace(s[i+1]) {
				i++
			}
			b.WriteByte(' ')
			last = i + 1
		case mdEsc:
			b.WriteString(s[last:i])
			b.WriteByte('\\')
			b.WriteByte(s[i])
			last = i + 1
		case mdAmp:
			if isEntityRef(s[i+1:]) {
				b.WriteString(s[last:i])
				b.WriteString(`\&`)
				last = i + 1
			}
		}
	}
	b.WriteString(s[last:])
}

// escapeLineStart writes the escaped form of a block marker at the start of
// s, if any, and returns how many bytes of s it consumed.
func escapeLineStart(b *strings.Builder, s string) int {
	switch c := s[0]; {
	case c == '-' || c == '+':
		b.WriteByte('\\')
		b.WriteByte(c)
		return 1
	case c >= '0' && c <= '9':
		// CommonMark ordered-list markers are 1–9 ASCII digits then
		// "." or ")", then a space or the end of the line.
		n := 1
		for n < len(s) && n < 10 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n <= 9 && n < len(s) && (s[n] == '.' || s[n] == ')') &&
			(n+1 == len(s) || isASCIISpace(s[n+1])) {
			b.WriteString(s[:n])
			b.WriteByte('\\')
			b.WriteByte(s[n])
			return n + 1
		}
	}
	return 0
}

// isEntityRef reports whether s, the text after an &, starts like an HTML
// entity or numeric character reference: letters, digits or # up to a ;.
// CommonMark would decode such a reference, so its & must be escaped; any
// other & is literal and left alone.
func isEntityRef(s string) bool {
	for i := 0; i < len(s) && i < 33; i++ {
		c := s[i]
		switch {
		case c == ';':
			return i > 0
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '#' && i == 0:
		default:
			return false
		}
	}
	return false
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// isBlank reports whether s has nothing but white space; such text is not
// worth an element or a line. It trims as escapeMarkdown does, so a
// non-blank text never renders as an empty line.
func isBlank(s string) bool {
	return strings.TrimSpace(s) == ""
}

// renderSizeHint is the byte length of a's rendered text, before markup and
// escaping, to size the output buffer once.
func renderSizeHint(a *Article) int {
	n := len(a.Title) + len(a.Published) + len(a.Site) + len(a.Section) + len(a.Author) + len(a.Image)
	for i := range a.Blocks {
		blk := &a.Blocks[i]
		n += len(blk.Text) + len(blk.Src) + len(blk.Caption) + len(blk.Credit)
		for _, l := range blk.Links {
			n += len(l.Href) + len(linkRel) + 32
		}
	}
	return n + n/16
}

// joinText returns the text blocks' text joined by blank lines ("\n\n"),
// which is Article.Text. Every text block counts, blank or not, so the
// result maps back to them one to one; Figure blocks have no text and do
// not count.
func joinText(blocks []Block) string {
	n, k := 0, 0
	for i := range blocks {
		if blocks[i].Kind != Figure {
			n += len(blocks[i].Text)
			k++
		}
	}
	if k == 0 {
		return ""
	}
	var b strings.Builder
	b.Grow(n + 2*(k-1))
	first := true
	for i := range blocks {
		if blocks[i].Kind == Figure {
			continue
		}
		if !first {
			b.WriteString("\n\n")
		}
		first = false
		b.WriteString(blocks[i].Text)
	}
	return b.String()
}
