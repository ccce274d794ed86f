//go:build wasip1

package main

import (
	"errors"
	"runtime"
	"runtime/debug"
	"time"
	"unsafe"

	"github.com/nazif/nazif/wasm/abi"
)

// The guest's collector runs at GOGC=400 under a soft memory limit. Go's
// default, GOGC=100, collected several times per page, and in wasm, where
// the collector shares the one thread, that cost a tenth of the time; a
// budget with no ratio (GOGC off) was no faster, and made the collector
// run without end on a page whose live heap outgrew the budget. The limit
// keeps a big page's heap under the instance's memory cap: hosts set it
// with nazif_memory_limit to about three quarters of the cap.
const (
	gcPercent    = 400
	defaultLimit = 192 << 20 // three quarters of host.DefaultMemoryLimitPages
)

func init() {
	debug.SetGCPercent(gcPercent)
	debug.SetMemoryLimit(defaultLimit)
}

// exportMemoryLimit sets the soft limit the collector keeps the heap
// under, in bytes; 0 or less restores the default.
//
//go:wasmexport nazif_memory_limit
func exportMemoryLimit(limit int64) {
	if limit <= 0 {
		limit = defaultLimit
	}
	debug.SetMemoryLimit(limit)
}

// pinned holds every buffer handed out by nazif_alloc, keyed by its address:
// it keeps them alive (Go's GC does not move objects), and lets
// nazif_clean check each pointer it is given.
var pinned = map[uint32][]byte{}

//go:wasmexport nazif_abi_version
func exportABIVersion() uint32 { return abi.Version }

// exportAlloc returns the address of a new buffer of size bytes, owned by
// the host until nazif_free. A size of 0 gives 0.
//
//go:wasmexport nazif_alloc
func exportAlloc(size uint32) uint32 {
	if size == 0 {
		return 0
	}
	b := make([]byte, size)
	p := uint32(uintptr(unsafe.Pointer(unsafe.SliceData(b))))
	pinned[p] = b
	return p
}

//go:wasmexport nazif_free
func exportFree(p uint32) { delete(pinned, p) }

// exportClean cleans the page in the first inLen bytes of the buffer at p,
// with the options JSON in the optLen bytes that follow. It returns the
// envelope's address << 32 | its length; the envelope stays valid until
// the next nazif_clean.
//
//go:wasmexport nazif_clean
func exportClean(p, inLen, optLen uint32, budgetNs int64) uint64 {
	var out []byte
	buf, ok := pinned[p]
	if n := uint64(inLen) + uint64(optLen); (!ok && n > 0) || n > uint64(len(buf)) {
		out = fail(abi.BadCall, errBadCall)
	} else {
		out = call(buf[:inLen], buf[inLen:inLen+optLen], time.Duration(budgetNs))
	}
	return uint64(uintptr(unsafe.Pointer(unsafe.SliceData(out))))<<32 | uint64(len(out))
}

var errBadCall = errors.New("nazif: nazif_clean: the buffer was not returned by nazif_alloc, or is shorter than inLen+optLen")

// exportGC collects garbage. Go's collector runs only while the guest
// runs, so a host calls this between pages to keep the heap, and with it
// linear memory, from ratcheting up.
//
//go:wasmexport nazif_gc
func exportGC() { runtime.GC() }
