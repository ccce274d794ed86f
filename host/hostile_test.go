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

// TestHostile runs the hostile corpus (naziftest.Cases) in the sandbox,
// each page in a Cleaner of its own with the default configuration:
//
//   - a page within the input cap must end in its outcome, as natively,
//     within the memory cap and the default deadline;
//   - a page over the cap must fail with ErrInputTooLarge before it
//     reaches the guest; it then runs again with the input cap raised to
//     80 MiB, where its outcome or ErrMemoryLimit (the cap doing its job)
//     are both right;
//   - after each, the same Cleaner cleans a normal page correctly.
//
// It logs each page's time and the peak linear memory of its instance.
func TestHostile(t *testing.T) {
	if testing.Short() {
		t.Skip("the hostile corpus takes about a minute in the sandbox")
	}
	for _, c := range naziftest.Cases() {
		t.Run(c.Name, func(t *testing.T) {
			page := c.Page()
			cfg, limit := testConfig().WithPoolSize(1), host.DefaultMaxInputBytes
			if len(page) > limit {
				runHostile(t, cfg, limit, page, func(a nazif.Article, err error) error {
					if !errors.Is(err, host.ErrInputTooLarge) {
						return errors.Join(errors.New("want ErrInputTooLarge"), err)
					}
					return nil
				})
				cfg, limit = cfg.WithMaxInputBytes(80<<20), 80<<20
			}
			runHostile(t, cfg, limit, page, func(a nazif.Article, err error) error {
				if len(page) > host.DefaultMaxInputBytes && errors.Is(err, host.ErrMemoryLimit) {
					return nil
				}
				return naziftest.Check(a, err, c.Want)
			})
		})
	}
}

// runHostile cleans page in a new Cleaner made from cfg, whose input cap
// is limit, checks the
// outcome, then checks that a normal page comes out right.
func runHostile(t *testing.T, cfg host.Config, limit int, page []byte, check func(nazif.Article, error) error) {
	t.Helper()
	ctx := context.Background()
	c, err := host.New(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	start := time.Now()
	a, err := c.Clean(ctx, page, nazif.Options{HTML: true, Markdown: true})
	took := time.Since(start)
	if err := check(a, err); err != nil {
		t.Error(err)
	}
	s := c.Stats()
	t.Logf("%-45s %9d bytes, input cap %3d MiB: %-12s %8v, peak memory %5.1f MiB of %d",
		t.Name(), len(page), limit>>20, outcome(err, a), took.Round(time.Millisecond), float64(s.PeakMemory)/(1<<20), host.DefaultMemoryLimitPages/16)
	if s.PeakMemory > host.DefaultMemoryLimitPages*65536 {
		t.Errorf("peak memory %d over the cap", s.PeakMemory)
	}
	if err := naziftest.CheckNormal(c.Clean(ctx, []byte(naziftest.Normal), nazif.Options{})); err != nil {
		t.Error(err)
	}
}

// outcome names what a clean gave, for the log.
func outcome(err error, a nazif.Article) string {
	var e *host.Error
	switch {
	case errors.As(err, &e):
		return string(e.Code)
	case err != nil:
		return "error"
	case len(a.Blocks) == 0:
		return "no article"
	}
	return "article"
}
