package host_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/nazif/nazif/host"
	"github.com/nazif/nazif/wasm/nazif"
	"github.com/nazif/nazif/wasm/naziftest"
)

// TestHostileDeadlines: every hostile page that takes the sandbox a while
// ends in ErrTimeout under a deadline of a fifth of its time, with every
// output asked for (the renderers run after extraction, and must look at
// the clock too); a fifth, so that the machine's drift (up to 2x here,
// more under a loaded CI) cannot finish the page in time. How far past the
// deadline each call returned is logged (make hostile prints it); the
// guest looks at the clock between stages and every few thousand tokens,
// nodes, blocks or lines within them. Times are logged, never asserted.
func TestHostileDeadlines(t *testing.T) {
	if testing.Short() {
		t.Skip("the hostile corpus takes about a minute in the sandbox")
	}
	ctx := context.Background()
	c, err := host.New(ctx, testConfig().WithPoolSize(1))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	opts := nazif.Options{HTML: true, Markdown: true, Explain: true}
	for _, hc := range naziftest.Cases() {
		page := hc.Page()
		if len(page) > host.DefaultMaxInputBytes {
			continue
		}
		start := time.Now()
		if _, err := c.Clean(ctx, page, opts); err != nil && hc.Want != naziftest.Empty && hc.Want != naziftest.NotText {
			t.Errorf("%s: %v", hc.Name, err)
			continue
		}
		full := time.Since(start)
		if full < 200*time.Millisecond {
			continue
		}
		budget := full / 5
		dctx, cancel := context.WithTimeout(ctx, budget)
		start = time.Now()
		_, err := c.Clean(dctx, page, opts)
		took := time.Since(start)
		cancel()
		if !errors.Is(err, host.ErrTimeout) {
			t.Errorf("%s: under a fifth of its %v, got %v; want ErrTimeout", hc.Name, full, err)
		}
		t.Logf("%-50s %10v, deadline %8v: stopped after %8v, %5.1f%% past it", hc.Name, full.Round(time.Millisecond),
			budget.Round(time.Millisecond), took.Round(time.Millisecond), 100*float64(took-budget)/float64(budget))
	}
}
