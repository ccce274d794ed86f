// Package classify decides which blocks of a page are the article body.
//
// It works in two passes, after Readability and trafilatura:
//
//  1. Choose the container. Every prose-like block scores its ancestors by
//     length, commas and the density of Arabic function words (counted
//     after stripping proclitics, since raw token matching undercounts
//     Arabic). Class and id hints, in English and in the transliterated
//     names Arabic CMSs use, and link density weigh each candidate. The
//     best candidate wins, together with adjacent siblings that read as
//     prose (a lead paragraph kept in a box of its own).
//  2. Filter inside it. Blocks under chrome-named elements, link lists,
//     boilerplate phrases matched on the search key, bylines, date lines,
//     captions and trailing agency credits are set aside, each with its
//     reason.
//
// When the page carries a JSON-LD articleBody, the container that best
// covers its words wins over a weaker structural choice.
package classify
