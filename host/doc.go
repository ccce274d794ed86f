// Package host runs nazif.wasm, the Arabic news cleaner, in a wazero
// sandbox: the way to clean pages nobody vetted.
//
// A Cleaner compiles the module once and keeps a pool of instances. Each
// instance sees only the bytes it is given: no file system, no environment,
// no network, no clock but a monotonic one for deadlines. Its memory is
// capped, its input is capped, and every call has a deadline. An instance
// that traps or times out is thrown away; one whose memory grew past a
// threshold is recycled.
//
// For trusted input, or to compare, github.com/nazif/nazif/wasm/nazif runs
// the same code natively; both give byte-identical JSON.
package host
