// Package eval scores extracted articles against hand-checked truth files.
//
// The metrics are the ones nazif is held to: body token precision, recall
// and F1, boilerplate leaks, exact titles and publication dates to the day,
// and pages whose body came out empty although the truth has one. Author,
// section and site are scored where the truth has them, compared under
// MetaKey (NFKC, harakat, tatweel and punctuation dropped, white space
// collapsed, case-folded, a leading byline label such as "By" dropped from
// an author), so that the differences in how the truth sets write them do
// not count. Variant changes a page's markup and not its article, to test
// that an extractor generalizes.
//
// Inputs and truth files may be gzipped (a ".gz" name): ReadFile and
// ReadTruth read them with the size cap on the decompressed bytes.
//
// The package serves tests and the command-line tools; it is not linked
// into nazif.wasm.
package eval
