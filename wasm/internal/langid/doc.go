// Package langid tells Arabic from Persian, Urdu and everything else by
// letter statistics.
//
// nazif reports the article's language and writing direction. Pages' own
// lang attributes are unreliable (Persian and Urdu sites declare "ar", Arabic
// sites declare "en"), and a general language identifier is far too large
// for the wasm module, so Detect counts, in one pass over the text, letters
// by script, the letters each Arabic-script language alone uses, and a few
// dozen frequent function words.
package langid
