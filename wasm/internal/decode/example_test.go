package decode_test

import (
	"errors"
	"fmt"

	"github.com/nazif/nazif/wasm/internal/decode"
	"golang.org/x/text/encoding/charmap"
)

func Example() {
	// A page saved in windows-1256 that declares nothing.
	page, _ := charmap.Windows1256.NewEncoder().String("<p>مرحبا بالعالم</p>")
	r, err := decode.Decode([]byte(page), "")
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Text)
	fmt.Println(r.Charset, r.Source, r.Kind)

	_, err = decode.Decode([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "")
	fmt.Println(err, errors.Is(err, decode.ErrNotText))
	// Output:
	// <p>مرحبا بالعالم</p>
	// windows-1256 sniffed html
	// nazif: input is not text (PNG image) true
}

func ExampleDecode_mislabel() {
	// The server says latin1, but the bytes are UTF-8.
	r, _ := decode.Decode([]byte("<p>نص عربي</p>"), "iso-8859-1")
	fmt.Println(r.Text, r.Charset, r.Source)
	fmt.Println(r.Warnings)
	// Output:
	// <p>نص عربي</p> utf-8 sniffed
	// [declared charset iso-8859-1 ignored: bytes are valid UTF-8]
}
