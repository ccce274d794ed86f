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
	// first marks the bytes any entry starts with; first2 the pairs of
	// bytes (a bit set of 65,536) that an entry of two bytes or more
	// starts with, or that an entry of one byte is followed by in a word.
	first  [256]bool
	first2 [1024]uint64
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
		v.first[e.Word[0]] = true
		if len(e.Word) >= 2 {
			k := uint16(e.Word[0])<<8 | uint16(e.Word[1])
			v.first2[k>>6] |= 1 << (k & 63)
		} else {
			// A one-byte entry may be a longer word's prefix: any second
			// byte may follow it.
			for c := 0; c < 256; c++ {
				k := uint16(e.Word[0])<<8 | uint16(c)
				v.first2[k>>6] |= 1 << (k & 63)
			}
		}
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
// prefix (the longest such entry), or -1. Most words of a page are no
// vocabulary's: the first byte, and for prefixes the lengths, rule most of
// them out before any hash is taken.
func (v *Vocab) lookup(word []byte) int {
	if !v.first[word[0]] {
		return -1
	}
	if len(word) <= v.maxLen {
		if i := v.findBytes(word); i >= 0 {
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
		if i := v.findBytes(word[:k]); i >= 0 && v.entries[i].Prefix {
			return i
		}
	}
	return -1
}

// Flags returns the union of the flags of the words of s that are in the
// vocabulary.
func (v *Vocab) Flags(s string) uint32 {
	// each's loop, without its callback: Flags runs for every element
	// of a page, and an indirect call a word is dear in wasm.
	var f uint32
	sp := splitter{s: s}
	for {
		start, end := sp.next()
		if start < 0 {
			return f
		}
		if end-start <= maxWord && v.mayStart(s[start:end]) {
			if i := v.lookup(appendLower(sp.buf[:0], s[start:end])); i >= 0 {
				f |= v.entries[i].Flags
			}
		}
	}
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
	for {
		start, end := sp.next()
		if start < 0 {
			return out
		}
		if end-start <= maxWord {
			out = append(out, string(appendLower(sp.buf[:0], s[start:end])))
		}
	}
}

// each calls f with the entry index of every word of s in the vocabulary,
// until f returns false. A word is lowercased into a buffer and looked up
// only when its first two letters could start an entry: most words of a
// page are no vocabulary's, and cost only the scan that finds them.
func (v *Vocab) each(s string, f func(int) bool) {
	sp := splitter{s: s}
	for {
		start, end := sp.next()
		if start < 0 {
			return
		}
		if end-start > maxWord || !v.mayStart(s[start:end]) {
			continue
		}
		if i := v.lookup(appendLower(sp.buf[:0], s[start:end])); i >= 0 && !f(i) {
			return
		}
	}
}

// appendLower appends w to dst with ASCII letters lowercased.
func appendLower(dst []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// mayStart reports whether a word beginning as w begins (its first two
// bytes, lowercased) could be an entry or match a Prefix entry.
func (v *Vocab) mayStart(w string) bool {
	a := w[0] | 0x20
	if len(w) == 1 {
		return v.first[a] || v.first[w[0]]
	}
	b := w[1] | 0x20
	k := uint16(a)<<8 | uint16(b)
	return v.first2[k>>6]&(1<<(k&63)) != 0
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

// splitter finds the words of s. Words end at any ASCII byte that is not
// a letter or digit, between a lowercase letter and a capital
// ("selectionShare"), before the last capital of a run followed by a
// lowercase letter ("HTMLParser"), and between letters and digits
// ("col2"). buf is scratch space for the caller, sized for the longest
// word read (maxWord bytes; longer ones are no vocabulary's).
type splitter struct {
	s   string
	i   int
	buf [maxWord]byte
}

// next returns the span of the next word, or -1, -1 at the end.
func (sp *splitter) next() (start, end int) {
	s := sp.s
	for sp.i < len(s) && class[s[sp.i]] == other {
		sp.i++
	}
	if sp.i >= len(s) {
		return -1, -1
	}
	start = sp.i
	prev := uint8(other)
	for sp.i < len(s) {
		k := class[s[sp.i]]
		if k == lower && prev != upper && prev != digit {
			// The common case, in a loop of its own: a run of
			// lowercase letters.
			for sp.i < len(s) && class[s[sp.i]] == lower {
				sp.i++
			}
			prev = lower
			continue
		}
		if k == other ||
			k == upper && (prev == lower || prev == high) ||
			k == lower && prev == upper && sp.i-start > 1 ||
			(k == digit) != (prev == digit) && prev != other {
			break
		}
		prev = k
		sp.i++
	}
	if sp.i < len(s) && class[s[sp.i]] == lower && prev == upper && sp.i-start > 1 {
		// "HTMLParser": the last capital starts the next word.
		sp.i--
	}
	return start, sp.i
}
