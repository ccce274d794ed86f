// Package normalize turns scraped Arabic text into display text and into a
// search key.
//
// Display text is what nazif outputs: it is NFC, has no invisible controls,
// one space between words, kashida removed, and otherwise keeps every letter
// and mark the author wrote (hamza forms, ى, ة, harakat, the digits' script).
// The search key is display text folded for matching: harakat, tatweel,
// alef/yeh/teh-marbuta variants, digit scripts and ASCII case are folded, so
// that "اقرأ أيضاً" and "اقرا ايضا" give the same key.
//
// Display and SearchKey are hand-written byte loops because they run on every
// block inside the wasm module (SearchKey folds text that is already clean
// in the same pass that checks it, and looks the Arabic block up in a
// table); the individual foldings are also exposed as
// transform.Transformers (RemoveHarakat, RemoveTatweel, FoldAlef,
// ASCIIDigits) for callers that compose them with transform.Chain. Both give
// the same result where they overlap.
//
// Display and SearchKey are idempotent: applying them twice gives the same
// result as applying them once. All functions are safe for concurrent use.
package normalize
