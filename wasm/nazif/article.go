package nazif

// Article is the result of Extract. Its JSON form is the contract shared by
// every runtime (see the README and testdata/article.schema.json). Fields the
// page does not state are empty and omitted from JSON.
type Article struct {
	// Title is the headline, without the site's name.
	Title string `json:"title,omitempty"`
	// Published and Modified are ISO 8601 date-times, as precise as the page
	// states them, with a UTC offset only when the page states one.
	Published string `json:"published,omitempty"`
	Modified  string `json:"modified,omitempty"`
	// Section is the site's section or category for the article.
	Section string `json:"section,omitempty"`
	// Site is the publication's name.
	Site string `json:"site,omitempty"`
	// Author is the byline or credit, without label words such as «كتب».
	Author string `json:"author,omitempty"`
	// Description is the page's own summary.
	Description string `json:"description,omitempty"`
	// Image is the lead image URL: an absolute http or https URL, or
	// empty (a javascript: or data: one is dropped).
	Image string `json:"image,omitempty"`
	// URL is the page's canonical URL, or else Options.URL: an absolute
	// http or https URL, or empty. The page's own wins (a crawler's URL
	// may be a redirect or a mirror); one that is not http or https, or
	// holds a control or bidi character, is never used.
	URL string `json:"url,omitempty"`
	// Lang is "ar", "fa", "ur" or "other", from letter statistics.
	Lang string `json:"lang"`
	// Dir is "rtl" or "ltr".
	Dir string `json:"dir"`
	// Blocks is the body, in reading order: text blocks, and Figure
	// blocks where the article shows a picture.
	Blocks []Block `json:"blocks"`
	// Captions holds image captions found inside the article, figures'
	// captions and credits among them. It predates Figure blocks and is
	// kept for the consumers that read it.
	Captions []string `json:"captions,omitempty"`
	// Text is the text blocks' text joined by blank lines. Figures have
	// no text and are not in it: a caption is not body text.
	Text string `json:"text"`
	// SearchText is Text folded for search: harakat and tatweel removed,
	// alef forms, ى and ة folded, digits in ASCII.
	SearchText string `json:"search_text"`
	// Warnings lists what went wrong without stopping extraction, such as
	// invalid bytes replaced by U+FFFD.
	Warnings []string `json:"warnings,omitempty"`
	// HTML is the reader-view HTML, when Options.HTML is set.
	HTML string `json:"html,omitempty"`
	// Markdown is the article as Markdown, when Options.Markdown is set.
	Markdown string `json:"markdown,omitempty"`
	// Removed lists what was dropped and why, when Options.Explain is set.
	Removed []Removed `json:"removed,omitempty"`
	// Pass names the extraction pass whose body won, when Options.Explain
	// is set: "strict", "relaxed" (chrome-named containers counted in
	// full), "page" (a page of a few lines and no prose), "dump" (the
	// page's blocks read as a text dump, which found the article the
	// container missed), or "text" (the input was a text dump).
	Pass string `json:"pass,omitempty"`
}

// Block is one unit of the body: a text block (paragraph, heading, quote,
// list item), or a Figure.
type Block struct {
	Kind Kind `json:"kind"`
	// Text is the display text; "" for a Figure.
	Text string `json:"text"`
	// Links are the hyperlinks in Text, in order and not overlapping.
	Links []Link `json:"links,omitempty"`
	// Src is a Figure's picture: an absolute http or https URL, with no
	// control, space or bidi character.
	Src string `json:"src,omitempty"`
	// Caption and Credit are a Figure's caption and photo credit
	// («تصوير: …», «(رويترز)», «Getty Images»), display text, either or
	// both empty.
	Caption string `json:"caption,omitempty"`
	Credit  string `json:"credit,omitempty"`
}

// Link is a hyperlink in a block's Text.
//
// Start and End count UTF-16 code units of Text, the unit of JavaScript
// strings and the DOM, where the article is shown: in JavaScript,
// text.slice(start, end) is the link's text. In Go, TextOf gives it; in
// Python, slice the text encoded as UTF-16-LE at 2*start:2*end (or the
// string itself when it holds no character past U+FFFF, as Arabic text
// rarely does).
type Link struct {
	Start int `json:"start"`
	End   int `json:"end"`
	// Href is an absolute http or https URL, with no control, space or
	// bidi character.
	Href string `json:"href"`
}

// TextOf returns the text of b that l covers.
func (l Link) TextOf(b Block) string {
	s, e := utf16Offset(b.Text, l.Start), utf16Offset(b.Text, l.End)
	if s > e {
		return ""
	}
	return b.Text[s:e]
}

// Kind is a block's type.
type Kind string

// The block kinds.
const (
	Paragraph Kind = "paragraph"
	Heading   Kind = "heading"
	Quote     Kind = "quote"
	ListItem  Kind = "list_item"
	// Figure is a picture of the article where it stands in the body,
	// with its caption and credit; its Text is "".
	Figure Kind = "figure"
)

// Removed is a block that extraction dropped, with the reason.
type Removed struct {
	Text   string `json:"text"`
	Reason string `json:"reason"`
}
