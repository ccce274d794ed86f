package nazif

import "time"

// Options tune one call to Extract. The zero value is ready to use.
type Options struct {
	// URL is the page's address. It helps with relative links and dates in
	// the path. Defaults to none.
	URL string `json:"url,omitempty"`
	// Charset is the caller's charset hint, such as the charset parameter of
	// an HTTP Content-Type header. A byte order mark still wins over it.
	// Defaults to none: the page's own declaration, then sniffing.
	Charset string `json:"charset,omitempty"`
	// Now is the reference time for relative dates such as «منذ 3 ساعات».
	// Defaults to the zero time, which leaves relative dates unresolved:
	// Extract never reads the clock.
	Now time.Time `json:"now,omitzero"`
	// HTML asks for the reader-view HTML in Article.HTML.
	HTML bool `json:"html,omitempty"`
	// Markdown asks for Article.Markdown.
	Markdown bool `json:"markdown,omitempty"`
	// Explain asks for Article.Removed.
	Explain bool `json:"explain,omitempty"`
	// Deadline, when set, bounds the time Extract may take: it is checked
	// between stages and every few thousand tokens or lines while reading, and once
	// it has passed Extract returns ErrTimeout. It never changes a result
	// that is returned. Defaults to none. It is not part of the JSON form:
	// a sandboxed call takes its deadline from its context.
	Deadline time.Time `json:"-"`
}
