// Command reactor is nazif.wasm: the cleaner as a WASI reactor, for any
// WebAssembly runtime. It is built with `make wasm` into
// wasm/module/nazif.wasm and never run natively; its ABI is in
// wasm/ABI.md.
//
// The exports live in exports.go (wasip1 only); call.go holds the
// envelope logic, which native tests exercise directly.
package main

func main() {}
