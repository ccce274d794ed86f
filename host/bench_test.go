package host_test

import (
	"context"
	"os"
	"testing"

	"github.com/nazif/nazif/wasm/nazif"
)

// BenchmarkClean is one sandboxed call on the example page (1.4 KB): the
// fixed cost of a call (copy in, options JSON, envelope, copy out) next to
// BenchmarkExtractNative, the same page without the sandbox.
func BenchmarkClean(b *testing.B) {
	c := cleaner(b)
	ctx := context.Background()
	in := []byte(examplePage)
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, err := c.CleanJSON(ctx, in, nazif.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExtractNative(b *testing.B) {
	in := []byte(examplePage)
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, err := nazif.Extract(in, nazif.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCleanCorpusPage is one sandboxed call on a real 116 KB page.
func BenchmarkCleanCorpusPage(b *testing.B) {
	c := cleaner(b)
	in, err := os.ReadFile("../testdata/corpus/youm7-2020-08-24.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, err := c.CleanJSON(context.Background(), in, nazif.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
