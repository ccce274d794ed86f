package substr

import (
	"math/bits"
	"strings"
)

// Bits has bit i set when word i of the Set occurs.
type Bits [2]uint64

// Has reports whether word i occurs.
func (b Bits) Has(i int) bool { return b[i>>6]&(1<<(i&63)) != 0 }

// Any reports whether any word occurs.
func (b Bits) Any() bool { return b[0]|b[1] != 0 }

// First returns the lowest index of a word that occurs, or -1.
func (b Bits) First() int {
	for i, w := range b {
		if w != 0 {
			return i*64 + bits.TrailingZeros64(w)
		}
	}
	return -1
}

// Or returns the union of b and c.
func (b Bits) Or(c Bits) Bits { return Bits{b[0] | c[0], b[1] | c[1]} }

// And returns the intersection of b and c.
func (b Bits) And(c Bits) Bits { return Bits{b[0] & c[0], b[1] & c[1]} }

// MaxWords is how many words a Set holds.
const MaxWords = 128

// A Set is a list of words to look for. It is safe for concurrent use.
type Set struct {
	// byPair holds the words by a hash of their first two bytes, so
	// that Match looks at one short list per position.
	byPair [pairBuckets][]entry
}

const pairBuckets = 1024

func pair(c0, c1 byte) int { return (int(c0)<<5 ^ int(c1)) & (pairBuckets - 1) }

type entry struct {
	word  string
	index int
}

// New returns the Set of words, which must be lower-case ASCII, at least two
// bytes long, and at most MaxWords. A word listed twice keeps its first
// index. New panics otherwise: the lists are the program's own.
func New(words []string) *Set {
	if len(words) > MaxWords {
		panic("substr: too many words")
	}
	s := &Set{}
	for i, w := range words {
		if len(w) < 2 || strings.ToLower(w) != w {
			panic("substr: bad word " + w)
		}
		dup := false
		p := pair(w[0], w[1])
		for _, e := range s.byPair[p] {
			dup = dup || e.word == w
		}
		if !dup {
			s.byPair[p] = append(s.byPair[p], entry{w, i})
		}
	}
	return s
}

// Mask returns the Bits of the given words, each by the index New gave
// it. It panics on a word not in s.
func (s *Set) Mask(words ...string) Bits {
	var b Bits
	for _, w := range words {
		i := -1
		for _, e := range s.byPair[pair(w[0], w[1])] {
			if e.word == w {
				i = e.index
			}
		}
		if i < 0 {
			panic("substr: " + w + " is not in the set")
		}
		b[i>>6] |= 1 << (i & 63)
	}
	return b
}

// Match returns the words that occur in strings.ToLower(str).
func (s *Set) Match(str string) Bits {
	var b Bits
	for i := 0; i < len(str); i++ {
		if str[i] >= 0x80 {
			// Unicode lower-casing can change lengths (and turns the
			// Kelvin sign into k): rare enough to take the slow road.
			return s.matchLower(strings.ToLower(str))
		}
	}
	if len(str) < 2 {
		return b
	}
	c1 := lower(str[0])
	for i := 0; i+1 < len(str); i++ {
		c0 := c1
		c1 = lower(str[i+1])
		for _, e := range s.byPair[pair(c0, c1)] {
			w := e.word
			if len(str)-i < len(w) || c0 != w[0] || c1 != w[1] {
				continue
			}
			j := 2
			for j < len(w) && lower(str[i+j]) == w[j] {
				j++
			}
			if j == len(w) {
				b[e.index>>6] |= 1 << (e.index & 63)
			}
		}
	}
	return b
}

func (s *Set) matchLower(str string) Bits {
	var b Bits
	for i := 0; i+1 < len(str); i++ {
		for _, e := range s.byPair[pair(str[i], str[i+1])] {
			if strings.HasPrefix(str[i:], e.word) {
				b[e.index>>6] |= 1 << (e.index & 63)
			}
		}
	}
	return b
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
