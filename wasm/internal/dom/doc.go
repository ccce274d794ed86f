// Package dom builds a light, bounded document tree from HTML.
//
// It sits on the x/net/html tokenizer instead of html.Parse: the full HTML5
// tree-construction algorithm costs most of the parse time in wasm, and
// extraction needs only a faithful nesting of elements, their text and a
// handful of attributes. The builder applies the implied-end-tag rules that
// matter for news pages (p, li, dt/dd, table cells, options), ignores stray
// end tags, and caps the nesting depth so that a hostile page cannot make
// later tree walks recurse without bound.
//
// Script, style and other non-content elements keep no text, except
// JSON-LD scripts, whose text is collected in Doc.JSONLD.
package dom
