package lexicon

import "math"

// wordTable is a read-only set of words, each with an index, that the
// per-word lookups use instead of a map: every word of every block is looked
// up, almost always in vain, and a hash of a few bytes and the length,
// computed in line, plus one probe of a sparse table, costs less than a map
// access, most of all inside the wasm module where the map's hash is a
// function call.
type wordTable struct {
	slots  []int16 // index into keys, or -1; the length is a power of two
	keys   []string
	mask   uint32 // len(slots) - 1
	shift  uint8  // a hash's top bits, hash >> shift, pick its first slot
	maxLen int    // no key is longer, so longer words need no probe
}

// newWordTable indexes keys, which must not be empty; the index of keys[i]
// is i, or that of its first occurrence if it is there twice. It panics if
// there are more keys than an int16 indexes, a programming error.
func newWordTable(keys []string) wordTable {
	if len(keys) > math.MaxInt16 {
		panic("lexicon: too many words for a wordTable")
	}
	size, shift := 16, uint8(32-4)
	for size < 4*len(keys) {
		size, shift = size*2, shift-1 // at most a quarter full, so probes are short
	}
	t := wordTable{slots: make([]int16, size), keys: keys}
	for i := range t.slots {
		t.slots[i] = -1
	}
	mask := uint32(size - 1)
	t.mask, t.shift = mask, shift
	for i, k := range keys {
		t.maxLen = max(t.maxLen, len(k))
		j := hashWord(k) >> shift
		for t.slots[j] >= 0 && t.keys[t.slots[j]] != k {
			j = (j + 1) & mask
		}
		if t.slots[j] < 0 {
			t.slots[j] = int16(i)
		}
	}
	return t
}

// hashWord hashes w (not empty) from its length and five bytes at odd
// offsets: in the first two letters, the middle one and the last two. In
// Arabic text those are the bytes that tell letters apart (the first byte
// of each letter is one of a few block bytes), and the first letters tell
// apart the forms proclitics make of one word.
func hashWord(w string) uint32 {
	n := len(w)
	h := uint32(n)*0x9E3779B1 ^ uint32(w[n-1])
	if n > 3 {
		h ^= uint32(w[1])<<8 ^ uint32(w[3])<<16 ^ uint32(w[n-3])<<24
		h ^= uint32(w[n/2|1]) * 0x27D4EB2F
	}
	return h * 0x85EBCA6B // the table takes the top bits, the best mixed
}

// index returns the index of w, or -1 if w is not in the table. Most words
// stop at the first probe, made here; probe goes on past a taken slot.
func (t *wordTable) index(w string) int {
	if len(w) == 0 || len(w) > t.maxLen {
		return -1
	}
	j := hashWord(w) >> t.shift
	k := t.slots[j]
	if k < 0 || t.keys[k] == w {
		return int(k)
	}
	return t.probe(w, j)
}

// probe goes on looking for w after slot j, which holds another word.
func (t *wordTable) probe(w string, j uint32) int {
	for {
		j = (j + 1) & t.mask
		k := t.slots[j]
		if k < 0 || t.keys[k] == w {
			return int(k)
		}
	}
}

// has reports whether w is in the table.
func (t *wordTable) has(w string) bool { return t.index(w) >= 0 }
