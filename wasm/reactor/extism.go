//go:build extism

package main

import (
	"bytes"

	"github.com/nazif/nazif/wasm/abi"
)

// This file is the part of the Extism build (nazif-extism.wasm, wasm/HOSTS.md)
// that does not touch Extism's imports, so that native tests reach it
// (go test -tags extism); the imports and exports are in extism_wasip1.go.
// Both exports end in call, as nazif_clean does, so that the two builds
// give the same bytes for the same page and options. The files are behind
// the extism tag because any file compiled into package main, even one
// the linker drops, changes the build ID written into nazif.wasm.

// extismClean runs one Extism call: input is the call's input, the page
// itself, or with framed the options JSON on one line, a newline, then
// the page. It returns the status and the Article JSON or error message:
// the envelope of call, split.
func extismClean(input []byte, framed bool) (abi.Status, []byte) {
	var opts []byte
	if framed {
		i := bytes.IndexByte(input, '\n')
		if i < 0 {
			return abi.BadOptions, []byte(msgNoNewline)
		}
		opts, input = input[:i], input[i+1:]
	}
	env := call(input, opts, 0)
	return abi.Status(env[0]), env[1:]
}

const msgNoNewline = "nazif: options: clean_with_options takes the options JSON on one line, a newline, then the page; the input has no newline"

// Garbage is collected after a call, as host/ does between calls (ABI.md,
// "Lifecycle"): every extismGCEvery calls and after an input over
// extismBigInput. An Extism host knows nothing of nazif_gc, so the guest
// does it itself, after the output is copied out.
const (
	extismGCEvery  = 16
	extismBigInput = 256 << 10
)

// extismCalls counts the Extism calls of this instance, for extismGCEvery.
var extismCalls int

// extismCollect reports whether to collect garbage after a call with an
// input of n bytes.
func extismCollect(n int) bool {
	extismCalls++
	return extismCalls%extismGCEvery == 0 || n > extismBigInput
}
