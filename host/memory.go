package host

import "github.com/tetratelabs/wazero/experimental"

// linearMemory backs an instance's memory with a slice whose capacity at
// least doubles on each growth. wazero's own growth appends exactly the
// pages asked for, and Go's runtime grows its heap a few pages at a time,
// so every instance start copied its memory again and again: a tenth of
// New's time.
type linearMemory struct {
	buf   []byte
	limit uint64
}

func allocateMemory(capacity, limit uint64) experimental.LinearMemory {
	return &linearMemory{buf: make([]byte, 0, min(max(capacity, minMemoryCap), limit)), limit: limit}
}

// minMemoryCap is where capacity starts: what a Go reactor needs right
// after _initialize, so that starting one copies nothing.
const minMemoryCap = 8 << 20

func (m *linearMemory) Reallocate(size uint64) []byte {
	if size > m.limit {
		return nil
	}
	if size <= uint64(cap(m.buf)) {
		m.buf = m.buf[:size]
		return m.buf
	}
	grown := make([]byte, size, min(max(size, 2*uint64(cap(m.buf))), m.limit))
	copy(grown, m.buf)
	m.buf = grown
	return m.buf
}

func (m *linearMemory) Free() { m.buf = nil }
