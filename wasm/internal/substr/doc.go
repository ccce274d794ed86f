// Package substr finds which of a fixed list of words occur in a string,
// case-insensitively, in one pass over the string.
//
// Class and id hints ask "does this class name contain comment, share,
// byline …?" for every element of a page. A strings.Contains per word, or
// a map memoizing the answer per class name, cost a tenth of an
// extraction in wasm, where every call and every string hash is dear. A
// Set reads the string once and compares only the words that start with
// the two bytes at each position.
package substr
