// Package dom builds a light, bounded document tree from HTML.
//
// It has its own tokenizer instead of html.Parse or the x/net/html
// Tokenizer: the full HTML5 tree construction, and the per-byte reads of
// the x/net tokenizer, cost most of the parse time in wasm, and extraction
// needs only a faithful nesting of elements, their text and a handful of
// attributes. The tokenizer walks the page string once by index and gives
// the token stream the x/net Tokenizer gives (scripting on, CDATA as a
// bogus comment), so the tree is the one the x/net-based builder made;
// parse_ref_test.go keeps that builder as the oracle of a differential
// test and a fuzz target. Text without references, CR or NUL shares the
// page's bytes, and only the attributes extraction reads become strings.
//
// The builder applies the implied-end-tag rules that matter for news
// pages (p, li, dt/dd, table cells, options), ignores stray end tags, and
// caps the nesting depth so that a hostile page cannot make later tree
// walks recurse without bound.
//
// Script, style and other non-content elements keep no text, except
// JSON-LD scripts, whose text is collected in Doc.JSONLD.
//
// Character references are decoded from tables that gen.go copies out of
// x/net/html into entities.go, so that the WebAssembly module links neither
// x/net/html nor the entity maps its package init builds in every instance;
// UnescapeString offers that decoding to the other packages.
package dom

//go:generate go run gen.go
