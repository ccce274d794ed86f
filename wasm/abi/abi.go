// Package abi holds the numbers of nazif.wasm's ABI (wasm/ABI.md) that the
// guest (wasm/reactor) and the Go host (host) must agree on, so that they
// are written once.
package abi

// Version is what nazif_abi_version returns. Bump it on any change a host
// could notice: an export's signature, the envelope layout, a status's
// meaning.
const Version = 1

// Status is the first byte of a result envelope.
type Status byte

// The statuses of wasm/ABI.md.
const (
	OK         Status = 0 // an Article as JSON follows
	BadOptions Status = 1 // the options JSON is invalid
	Empty      Status = 2 // the input holds no text
	NotText    Status = 3 // the input is binary
	Timeout    Status = 4 // the budget ran out
	BadCall    Status = 5 // a pointer or length the guest did not hand out
	Internal   Status = 6 // a bug: the guest panicked; discard the instance
)
