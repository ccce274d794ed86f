// Package floor holds the simplest loops over a page, for nazif-bench to
// time natively and in wazero: what no rewrite of the cleaner can beat, so
// the floor of the sandbox's ratio on this machine.
package floor

import "time"

// Scan counts the tag starts and the bytes of Arabic letters in b, one
// byte at a time: no call, no allocation, a table lookup per byte.
func Scan(b []byte) int {
	n := 0
	for _, c := range b {
		n += int(weight[c])
	}
	return n
}

var weight = func() (t [256]uint8) {
	t['<'] = 1
	for c := 0xD8; c <= 0xDB; c++ {
		t[c] = 1
	}
	return t
}()

// Words splits b into words at ASCII spaces and appends each to a reused
// buffer with its length: a byte loop with appends, the shape of the
// cleaner's tokenizer and normalizer.
func Words(b, buf []byte) []byte {
	buf = buf[:0]
	start := 0
	for i, c := range b {
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			if i > start {
				buf = append(buf, byte(i-start))
				buf = append(buf, b[start:i]...)
			}
			start = i + 1
		}
	}
	return append(buf, b[start:]...)
}

// Best times Scan and Words over in, 30 runs each, and returns the best
// run of each: the figure least disturbed by other load.
func Best(in []byte) (scan, words time.Duration) {
	scan, words = time.Hour, time.Hour
	var buf []byte
	sink := 0
	for range 30 {
		t := time.Now()
		sink += Scan(in)
		scan = min(scan, time.Since(t))
		t = time.Now()
		buf = Words(in, buf)
		words = min(words, time.Since(t))
	}
	if sink < 0 {
		panic("unreachable")
	}
	return scan, words
}
