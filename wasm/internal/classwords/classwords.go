package classwords

// Entry is a vocabulary word and the flags it carries.
type Entry struct {
	// Word is lowercase ASCII.
	Word string
	// Prefix makes Word also match the start of a longer word:
	// "comment" matches "comments".
	Prefix bool
	Flags  uint32
}

// Vocab is a vocabulary of class and id words. Build it once with New; it
// is safe for concurrent use.
type Vocab struct {
	entries []Entry
	slots   []int16 // index+1 into entries; 0 is an empty slot
	mask    uint32
	// maxLen bounds the lengths worth looking up. prefixLens has bit k
	// set when a Prefix entry is k bytes long, and prefixFirst marks the
	// bytes such entries start with: most words of a page are no
	// vocabulary's, and these spare them every probe but one.
	maxLen      int
	prefixLens  uint64
	prefixFirst [256]bool
}

// New builds a Vocab of entries. It panics on an entry that is not
// lowercase ASCII letters and digits, or that is listed twice: the
// vocabulary is the program's own.
func New(entries []Entry) *Vocab {
	v := &Vocab{entries: entries}
	size := 16
	for size < 4*len(entries) {
		size *= 2
	}
	v.slots = make([]int16, size)
	v.mask = uint32(size - 1)
	for i, e := range entries {
		if e.Word == "" || len(e.Word) > maxWord {
			panic("classwords: bad entry " + e.Word)
		}
		for j := 0; j < len(e.Word); j++ {
			if c := e.Word[j]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
				panic("classwords: entry " + e.Word + " is not lowercase ASCII")
			}
		}
		if v.find(e.Word) >= 0 {
			panic("classwords: entry " + e.Word + " listed twice")
		}
		s := hash(e.Word) & v.mask
		for v.slots[s] != 0 {
			s = (s + 1) & v.mask
		}
		v.slots[s] = int16(i + 1)
		v.maxLen = max(v.maxLen, len(e.Word))
		if e.Prefix {
			v.prefixLens |= 1 << len(e.Word)
			v.prefixFirst[e.Word[0]] = true
		}
	}
	return v
}

// maxWord is the longest word read; longer ones are no vocabulary's
// (hashes, generated names) and are skipped.
const maxWord = 32

func hash[S string | []byte](w S) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h
}

// find returns the index of the entry spelled w, or -1.
func (v *Vocab) find(w string) int { return v.findBytes([]byte(w)) }

func (v *Vocab) findBytes(w []byte) int { return v.findHashed(w, hash(w)) }

// findHashed is findBytes given w's hash.
func (v *Vocab) findHashed(w []byte, h uint32) int {
	for s := h & v.mask; ; s = (s + 1) & v.mask {
		i := int(v.slots[s]) - 1
		if i < 0 {
			return -1
		}
		if string(v.entries[i].Word) == string(w) {
			return i
		}
	}
}

// lookup returns the index of the entry that word matches, whole or by
// prefix (the longest such entry), or -1. The hashes of word's prefixes
// are taken in one pass, as FNV-1a reads a word byte by byte.
func (v *Vocab) lookup(word []byte) int {
	var hs [maxWord + 1]uint32
	h := uint32(2166136261)
	hs[0] = h
	for i := 0; i < len(word); i++ {
		h = (h ^ uint32(word[i])) * 16777619
		hs[i+1] = h
	}
	if len(word) <= v.maxLen {
		if i := v.findHashed(word, h); i >= 0 {
			return i
		}
	}
	if !v.prefixFirst[word[0]] {
		return -1
	}
	for k := min(len(word)-1, v.maxLen); k > 0; k-- {
		if v.prefixLens&(1<<k) == 0 {
			continue
		}
		if i := v.findHashed(word[:k], hs[k]); i >= 0 && v.entries[i].Prefix {
			return i
		}
	}
	return -1
}

// Flags returns the union of the flags of the words of s that are in the
// vocabulary.
func (v *Vocab) Flags(s string) uint32 {
	var f uint32
	v.each(s, func(i int) bool {
		f |= v.entries[i].Flags
		return true
	})
	return f
}

// First returns the first word of s whose entry carries one of flags, as
// the entry spells it, or "".
func (v *Vocab) First(s string, flags uint32) string {
	w := ""
	v.each(s, func(i int) bool {
		if v.entries[i].Flags&flags != 0 {
			w = v.entries[i].Word
			return false
		}
		return true
	})
	return w
}

// Words splits s into its lowercased words, as the vocabulary reads it;
// for tests and explanations.
func Words(s string) []string {
	var out []string
	sp := splitter{s: s}
	for w := sp.next(); w != nil; w = sp.next() {
		out = append(out, string(w))
	}
	return out
}

// each calls f with the entry index of every word of s in the vocabulary,
// until f returns false.
func (v *Vocab) each(s string, f func(int) bool) {
	sp := splitter{s: s}
	for w := sp.next(); w != nil; w = sp.next() {
		if i := v.lookup(w); i >= 0 && !f(i) {
			return
		}
	}
}

// Byte classes for the split.
const (
	other = iota
	lower
	upper
	digit
	high // a byte of a non-ASCII character: part of a word
)

var class = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case 'a' <= c && c <= 'z':
			t[c] = lower
		case 'A' <= c && c <= 'Z':
			t[c] = upper
		case '0' <= c && c <= '9':
			t[c] = digit
		case c >= 0x80:
			t[c] = high
		}
	}
	return t
}()

// splitter reads the words of s, lowercased. Words end at any ASCII byte
// that is not a letter or digit, between a lowercase letter and a capital
// ("selectionShare"), before the last capital of a run followed by a
// lowercase letter ("HTMLParser"), and between letters and digits
// ("col2"). Words over maxWord bytes are skipped.
type splitter struct {
	s   string
	i   int
	buf [maxWord]byte
}

// next returns the next word, or nil at the end. The word is valid until
// the next call.
func (sp *splitter) next() []byte {
	for sp.i < len(sp.s) {
		// Skip to a word's first byte.
		if class[sp.s[sp.i]] == other {
			sp.i++
			continue
		}
		n, long := 0, false
		prev := uint8(other)
		for ; sp.i < len(sp.s); sp.i++ {
			c := sp.s[sp.i]
			k := class[c]
			if k == other ||
				k == upper && (prev == lower || prev == high) ||
				k == lower && prev == upper && n > 1 ||
				(k == digit) != (prev == digit) && prev != other {
				break
			}
			if k == upper {
				c += 'a' - 'A'
			}
			if n == maxWord {
				long = true
			} else {
				sp.buf[n] = c
				n++
			}
			prev = k
		}
		if k := sp.i; k < len(sp.s) && class[sp.s[k]] == lower && prev == upper && n > 1 && !long {
			// "HTMLParser": the last capital starts the next word.
			sp.i--
			n--
		}
		if !long {
			return sp.buf[:n]
		}
	}
	return nil
}
