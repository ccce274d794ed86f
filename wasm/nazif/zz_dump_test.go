package nazif

import (
	"compress/gzip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nazif/nazif/wasm/eval"
	"github.com/nazif/nazif/wasm/internal/decode"
	"github.com/nazif/nazif/wasm/internal/dom"
	"github.com/nazif/nazif/wasm/internal/dump"
	"github.com/nazif/nazif/wasm/internal/segment"
)

func renderLines(bs []segment.Block) string {
	var b strings.Builder
	for _, x := range bs {
		switch x.Kind {
		case segment.ListItem:
			b.WriteString("  • ")
		}
		b.WriteString(x.Text)
		b.WriteString("\n\n")
	}
	return b.String()
}

func TestZZDump(t *testing.T) {
	dir := os.Getenv("DIR")
	if dir == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.html*"))
	sum, n := 0.0, 0
	for _, f := range files {
		raw, _ := os.ReadFile(f)
		if strings.HasSuffix(f, ".gz") {
			r, _ := gzip.NewReader(bytes.NewReader(raw))
			raw, _ = io.ReadAll(r)
		}
		if len(raw) < 10000 {
			continue
		}
		stem := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(f), ".gz"), ".html")
		tb, _ := os.ReadFile(filepath.Join(dir, stem+".truth.json"))
		tr, _ := eval.ParseTruth(tb)
		dec, _ := decode.Decode(raw, "")
		doc := dom.Parse(dec.Text)
		d := dump.Extract(renderLines(segment.Blocks(doc.Root)))
		s := eval.Evaluate(eval.Extracted{Text: strings.Join(d.Paragraphs, "\n")}, tr, false)
		a, _ := Extract(raw, Options{})
		s2 := eval.Evaluate(eval.Extracted{Text: a.Text}, tr, false)
		fmt.Printf("%-40s dump %.3f html %.3f\n", stem, s.F1, s2.F1)
		sum += s.F1
		n++
	}
	fmt.Println("mean", sum/float64(n), n)
}
