// Package lexicon finds site chrome in Arabic text and measures how much of
// a block is ordinary prose.
//
// Find looks up boilerplate phrases ("اقرأ أيضاً"، "جميع الحقوق محفوظة"،
// "تابعونا على"، "Share on Facebook" …) in a block's search key and labels
// each with a Category; Coverage says how much of the block they cover.
// FunctionWords counts Arabic function words (في، من، التي، وإلى، بهذه …)
// after stripping proclitics, the stopword-density signal jusText uses, fixed
// for Arabic clitics.
//
// Every function takes a search key (normalize.SearchKey), so hamza, ى/ي,
// ة/ه, harakat and tatweel variants all match the one folded spelling stored
// here. The tables live in phrases.go and words.go; they are built once at
// init and never change, so all functions are safe for concurrent use.
package lexicon
