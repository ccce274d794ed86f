// Package lexicon finds site chrome in Arabic text and measures how much of
// a block is ordinary prose.
//
// Find looks up boilerplate phrases ("اقرأ أيضاً"، "جميع الحقوق محفوظة"،
// "تابعونا على"، "Share on Facebook" …) in a block's search key and labels
// each with a Category; Coverage says how much of the block they cover.
// FunctionWords counts Arabic function words (في، من، التي، وإلى، بهذه …)
// after stripping proclitics, the stopword-density signal jusText uses, fixed
// for Arabic clitics. Scan does all three in one pass over a block.
//
// Every function takes a search key (normalize.SearchKey), so hamza, ى/ي,
// ة/ه, harakat and tatweel variants all match the one folded spelling stored
// here. The tables live in phrases.go and words.go; they are built once at
// init and never change, so all functions are safe for concurrent use.
//
// Every word of every block goes through the word scan and a table lookup,
// inside the wasm module too, so words are found with byte tables
// (wordchar.go) rather than per-rune unicode calls, and looked up in open
// hash tables (wordtable.go) rather than maps.
package lexicon
