// Package nazif turns a scraped Arabic news page into a clean article.
//
// Extract is the one entry point. It takes the raw bytes of a web page (HTML
// in any common charset, or a plain-text dump of a page) and returns an
// Article: title, dates, section, site, author and the body as typed blocks,
// with the site's chrome removed and the Arabic text normalized for display.
//
// The package is plain Go with no files, network, clock or background
// goroutines, so it runs natively and, unchanged, inside the nazif.wasm
// sandbox. Given the same input and Options, every runtime produces
// byte-identical JSON.
//
// Extraction is a cascade, read top-down:
//
//  1. decode: bytes to UTF-8, telling HTML from a text dump and refusing binary;
//  2. parse: a light DOM built on the HTML tokenizer (HTML only);
//  3. segment: the DOM, or the dump's lines, become candidate blocks, with
//     the images and links among them;
//  4. classify: each block is body or chrome, with the reason recorded, and
//     the article's pictures become figures with their captions;
//  5. metadata: title, dates, section, site, author, description, image, URL;
//  6. normalize: display text, and a separate search key; links are placed
//     in the display text;
//  7. render: JSON, and on request reader-view HTML and Markdown.
package nazif
