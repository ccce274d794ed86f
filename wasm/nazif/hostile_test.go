package nazif_test

import (
	"testing"
	"time"

	"github.com/nazif/nazif/wasm/nazif"
	"github.com/nazif/nazif/wasm/naziftest"
)

// TestHostile: every page of the hostile corpus ends in its outcome
// (naziftest.Cases), and the next normal page still cleans. The sandboxed
// run, with its memory cap and figures, is host's TestHostile.
func TestHostile(t *testing.T) {
	if testing.Short() {
		t.Skip("the hostile corpus takes about ten seconds natively")
	}
	for _, c := range naziftest.Cases() {
		t.Run(c.Name, func(t *testing.T) {
			page := c.Page()
			start := time.Now()
			a, err := nazif.Extract(page, nazif.Options{HTML: true, Markdown: true})
			t.Logf("%-45s %9d bytes, native: %v", t.Name(), len(page), time.Since(start).Round(time.Millisecond))
			if err := naziftest.Check(a, err, c.Want); err != nil {
				t.Error(err)
			}
			if err := naziftest.CheckNormal(nazif.Extract([]byte(naziftest.Normal), nazif.Options{})); err != nil {
				t.Error(err)
			}
		})
	}
}
