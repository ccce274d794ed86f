// Package classwords reads an element's class and id as words and looks
// them up in a vocabulary.
//
// Class and id names are weak evidence of what an element holds: a site
// names its share bar "share-tools", and also its paragraphs
// "selectionShareable". Matching hint words as substrings of the whole
// name makes both chrome. So a name is split into words (on punctuation,
// camelCase and digits: "selectionShareable" is "selection" and
// "shareable", "col2" is "col" and "2") and each word is looked up whole.
// A vocabulary entry may also match as a prefix ("comment" matches
// "comments" and "commentlist"), for the plural and compound forms CMSs
// write in one word.
//
// A Vocab answers with the flags its entries carry, which the caller
// defines (chrome, content, breadcrumb …); weighing them is the caller's.
// The words of a page are read for every element, inside the wasm module
// too, so the split and the lookup are byte loops over a small open hash
// table, with no allocation and no map.
package classwords
