// Package eval scores extracted articles against hand-checked truth files.
//
// The metrics are the ones nazif is held to: body token precision, recall
// and F1, boilerplate leaks, exact titles and publication dates to the day.
// The package serves tests and the command-line tools; it is not linked
// into nazif.wasm.
package eval
