// Package decode turns the raw bytes of a scraped page into valid UTF-8 text.
//
// It is the first stage of extraction: it refuses binary input (images,
// archives, executables), picks the character encoding (byte order mark, then
// the caller's hint, then the page's own <meta charset> or XML declaration,
// then sniffing for the legacy Arabic code pages), rescues common mislabels,
// replaces invalid bytes with U+FFFD and tells HTML from a plain-text dump.
// Everything it guessed or repaired is reported in Result.Warnings rather than
// failing the call.
package decode

//go:generate go run gen.go
