// Package jsonv decodes JSON into the generic values encoding/json gives
// for a target of type any: map[string]any, []any, string, float64, bool
// and nil.
//
// It exists to keep encoding/json, and the reflection it carries, out of
// the WebAssembly guest: wazero validates every function body each time a
// guest starts, so code size is start-up time, and reflection-driven
// decoding is slow in wasm. The decoder is one byte-level pass over a
// string. Strings without escapes or invalid UTF-8 are substrings of the
// input rather than copies, array and object members are gathered on a
// scratch stack and copied out once at their exact size, and the only
// per-character function calls are on the rare paths (escapes, invalid
// UTF-8).
//
// Parse is differentially tested and fuzzed against json.Unmarshal: for
// every input it accepts or rejects what encoding/json accepts or rejects
// (including numbers out of float64 range and nesting deeper than
// MaxDepth) and returns the same value, with escapes, surrogate pairs and
// invalid UTF-8 resolved the same way.
package jsonv
