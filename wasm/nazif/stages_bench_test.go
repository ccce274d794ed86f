package nazif_test

import (
	"os"
	"testing"
	"time"

	"github.com/nazif/nazif/wasm/internal/classify"
	"github.com/nazif/nazif/wasm/internal/decode"
	"github.com/nazif/nazif/wasm/internal/dom"
	"github.com/nazif/nazif/wasm/internal/jsonld"
	"github.com/nazif/nazif/wasm/internal/meta"
	"github.com/nazif/nazif/wasm/internal/segment"
	"github.com/nazif/nazif/wasm/nazif"
)

// BenchmarkStages times each stage of HTML extraction over the corpus, so
// that native and wasm runs show where the time goes.
func BenchmarkStages(b *testing.B) {
	var texts []string
	var raw [][]byte
	var size int64
	for _, p := range corpus(b) {
		if p.dump {
			continue
		}
		in, err := os.ReadFile(p.path)
		if err != nil {
			b.Fatal(err)
		}
		d, err := decode.Decode(in, "")
		if err != nil {
			b.Fatal(err)
		}
		raw = append(raw, in)
		texts = append(texts, d.Text)
		size += int64(len(in))
	}
	var tDecode, tParse, tSeg, tFeat, tClass, tRead, tResolve, tAll time.Duration
	for b.Loop() {
		for i, t := range texts {
			s := time.Now()
			decode.Decode(raw[i], "")
			tDecode += time.Since(s)
			s = time.Now()
			doc := dom.Parse(t)
			tParse += time.Since(s)
			s = time.Now()
			segs := segment.Blocks(doc.Root)
			tSeg += time.Since(s)
			s = time.Now()
			classify.Features(segs)
			tFeat += time.Since(s)
			s = time.Now()
			ld := jsonld.Read(doc.JSONLD)
			res := classify.Classify(segs, classify.Page{Titles: []string{doc.Title, ld.Headline}, LDBody: ld.Body})
			tClass += time.Since(s)
			s = time.Now()
			p := meta.Read(doc, ld)
			tRead += time.Since(s)
			s = time.Now()
			p.Resolve(res.Blocks, "", time.Time{})
			tResolve += time.Since(s)
			s = time.Now()
			nazif.Extract(raw[i], nazif.Options{})
			tAll += time.Since(s)
		}
	}
	n := float64(b.N)
	for _, m := range []struct {
		name string
		d    time.Duration
	}{{"decode", tDecode}, {"parse", tParse}, {"segment", tSeg}, {"features", tFeat}, {"meta.read", tRead}, {"classify", tClass}, {"meta.resolve", tResolve}, {"extract", tAll}} {
		b.ReportMetric(float64(m.d.Microseconds())/n, m.name+"-µs/op")
	}
	b.SetBytes(size)
}
