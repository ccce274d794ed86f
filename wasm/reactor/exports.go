//go:build wasip1

package main

import (
	"errors"
	"math"
	"runtime"
	"runtime/debug"
	"time"
	"unsafe"
)

// The guest's collector runs on a memory budget for ordinary pages: with
// GOGC=100 it ran several times per page, and in wasm, where it shares the
// one thread, that was a tenth of the time. Under memoryBudget of heap a
// page runs with no collection at all, and hosts collect between pages
// with nazif_gc. A page over budgetedInput may need more live heap than
// the budget, and a budget below the live heap makes the collector run
// without end, so such a page runs with Go's default pacing instead.
const (
	memoryBudget  = 32 << 20
	budgetedInput = 512 << 10
)

// paced is whether the collector runs on Go's default pacing now.
var paced = true

// pace sets the collector for a page of n bytes.
func pace(n uint32) {
	if big := n > budgetedInput; big != paced {
		paced = big
		if big {
			debug.SetMemoryLimit(math.MaxInt64)
			debug.SetGCPercent(100)
		} else {
			debug.SetGCPercent(-1)
			debug.SetMemoryLimit(memoryBudget)
		}
	}
}

func init() { pace(0) }

// pinned holds every buffer handed out by nazif_alloc, keyed by its address:
// it keeps them alive (Go's GC does not move objects), and lets
// nazif_clean check each pointer it is given.
var pinned = map[uint32][]byte{}

//go:wasmexport nazif_abi_version
func exportABIVersion() uint32 { return abiVersion }

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
		out = fail(statusBadCall, errBadCall)
	} else {
		pace(inLen)
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
