// Package classify decides which blocks of a page are the article body.
//
// It measures every block (Features: search key, words, function words in
// Arabic and the Latin-script languages lexicon knows, whether it reads as
// a sentence), then works in two steps, after Readability and trafilatura:
//
//  1. Choose the container. Every prose-like block scores its container
//     and the ancestors above it by length and punctuation, times how much
//     it reads as running text. Class and id are read as words
//     (classwords) and weigh a candidate up or down, never veto it. The
//     headline, the heading that shows one of the page's titles, anchors
//     the choice: a container behind other prose scores less. Readability's
//     corrections follow (the common ancestor of close candidates, a
//     parent that scores more), then the container grows while what its
//     parent adds reads as more of the article, and takes in adjacent
//     siblings that read as prose. A JSON-LD articleBody cross-checks it.
//  2. Filter inside it. Boilerplate phrases matched on the search key,
//     link lists, bylines, date lines, captions and photo credits, trailing
//     agency credits, and subtrees named as chrome that do not read as
//     prose are set aside, each with its reason.
//
// Then it chooses the article's figures among the page's images: those
// inside the article that are not decoration, not in a link to another
// page and not in a box of chrome, each with the blocks that caption it.
//
// Classify runs it as a cascade of passes, each relaxing one rule: strict
// (prose under comment-like names counts a fifth), relaxed, and for a page
// of a few lines with no prose, the page itself. Every vocabulary and
// threshold is in rules.go, with its reason.
package classify
