package segment_test

import (
	"fmt"

	"github.com/nazif/nazif/wasm/internal/dom"
	"github.com/nazif/nazif/wasm/internal/segment"
)

func ExampleBlocks() {
	d := dom.Parse(`<div><h2>عنوان</h2><p>سطر أول<br>سطر <a href="/x">ثان</a></p></div>`)
	for _, b := range segment.Blocks(d.Root) {
		fmt.Printf("%d %q links=%d/%d\n", b.Kind, b.Text, b.LinkChars, b.Chars)
	}
	// Output:
	// 1 "عنوان" links=0/10
	// 0 "سطر أول" links=0/13
	// 0 "سطر ثان" links=6/13
}
