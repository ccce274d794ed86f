// Package dump reads an article out of a plain-text dump of a news page.
//
// Two forms of dump are common: a hand-made one where the page's text
// blocks are written one a line (title, a "section | time - date" line, a
// "site - credit" line, the body, then the site's chrome), and the output
// of a text browser such as `w3m -dump -cols 2000`, where every paragraph
// is one long line, right-aligned blocks are padded with spaces, images
// show as their alt text in [brackets] and lists as indented • and □
// bullets.
//
// Extraction works on the layout and the language of each line, never on
// a list of one site's strings: a line's letters, its share of Arabic
// function words, its sentence punctuation, its list and bracket markers,
// the boilerplate phrases it holds, the dates on it and whether it repeats
// elsewhere in the dump. The body is the densest run of prose lines; the
// title, date, section, site and author are read from the lines around it.
package dump
