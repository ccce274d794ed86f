//go:build wasip1 && extism

package main

import (
	"encoding/binary"
	"runtime"

	"github.com/nazif/nazif/wasm/abi"
)

// Extism's plugin ABI: the kernel functions the guest imports from
// extism:host/env. Addresses and lengths are the kernel's (i64), not
// offsets into the guest's memory: bytes move through these calls, 8 at a
// time. They are declared here rather than taken from Extism's go-pdk,
// which would bring a dependency (and its encoding/json) for eight
// one-line imports.

//go:wasmimport extism:host/env input_length
func extismInputLength() uint64

//go:wasmimport extism:host/env input_load_u8
func extismInputLoadU8(offset uint64) uint32

//go:wasmimport extism:host/env input_load_u64
func extismInputLoadU64(offset uint64) uint64

//go:wasmimport extism:host/env alloc
func extismAlloc(length uint64) uint64

//go:wasmimport extism:host/env store_u8
func extismStoreU8(offset uint64, v uint32)

//go:wasmimport extism:host/env store_u64
func extismStoreU64(offset, v uint64)

//go:wasmimport extism:host/env output_set
func extismOutputSet(offset, length uint64)

//go:wasmimport extism:host/env error_set
func extismErrorSet(offset uint64)

// exportExtismClean is Extism's clean: the input is the page, cleaned
// with no options. It returns 0 with the Article JSON as the output, or
// the status of wasm/ABI.md with the guest's message as the error.
//
//go:wasmexport clean
func exportExtismClean() int32 { return extismExport(false) }

// exportExtismCleanWithOptions is clean for an input of the options JSON
// on one line, a newline, then the page.
//
//go:wasmexport clean_with_options
func exportExtismCleanWithOptions() int32 { return extismExport(true) }

// extismIn is the input buffer, reused from call to call.
var extismIn []byte

func extismExport(framed bool) int32 {
	n := extismInputLength()
	if uint64(cap(extismIn)) < n {
		extismIn = make([]byte, n)
	}
	in := extismIn[:n]
	i := 0
	for ; i+8 <= len(in); i += 8 {
		binary.LittleEndian.PutUint64(in[i:], extismInputLoadU64(uint64(i)))
	}
	for ; i < len(in); i++ {
		in[i] = byte(extismInputLoadU8(uint64(i)))
	}
	status, payload := extismClean(in, framed)
	p := extismStore(payload)
	if status == abi.OK {
		extismOutputSet(p, uint64(len(payload)))
	} else {
		// The kernel keeps the error's block; the message is read from it
		// after the call.
		extismErrorSet(p)
	}
	if extismCollect(len(in)) {
		runtime.GC()
	}
	return int32(status)
}

// extismStore copies b into a new block of the kernel's memory and
// returns its address.
func extismStore(b []byte) uint64 {
	p := extismAlloc(uint64(len(b)))
	i := 0
	for ; i+8 <= len(b); i += 8 {
		extismStoreU64(p+uint64(i), binary.LittleEndian.Uint64(b[i:]))
	}
	for ; i < len(b); i++ {
		extismStoreU8(p+uint64(i), uint32(b[i]))
	}
	return p
}
