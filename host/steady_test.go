package host_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nazif/nazif/host"
	"github.com/nazif/nazif/wasm/nazif"
)

// How much memory may grow between the end of the warm-up and the end of
// a run: the Go heap by steadyHeapMargin (host/memory.go at least doubles
// an instance's backing array when its linear memory outgrows it), and
// each instance's linear memory by one 4 MiB arena of the guest's Go heap.
const (
	steadyHeapMargin     = 16 << 20
	steadyInstanceMargin = 4 << 20
)

// TestSteadyMemory: tens of thousands of calls on one page, first one at
// a time and then from 8 goroutines, leave the host's memory where the
// warm-up left it, every call gives the same bytes, no instance is
// recycled or lost, and no goroutine outlives Close. The instances' linear
// memory is allocated by host/memory.go with make, so the Go heap counts
// it too.
func TestSteadyMemory(t *testing.T) {
	// The full run is the race detector's (make test-race): 10,000 calls
	// in a loop, then 10,000 from 8 goroutines. Without -race, and with
	// -short, a fifth of that keeps go test ./... quick.
	serial, parallel, warmup := 10000, 10000, 500
	const goroutines = 8
	if !raceEnabled || testing.Short() {
		serial, parallel = 2000, 2000
	}
	page := smallestPage(t)
	baseGoroutines := runtime.NumGoroutine()
	ctx := context.Background()
	c, err := host.New(ctx, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	closed := false
	defer func() {
		if !closed {
			c.Close(ctx)
		}
	}()
	want, err := c.CleanJSON(ctx, page, nazif.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, err := nazif.Extract(page, nazif.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if native, _ := json.Marshal(a); !bytes.Equal(want, native) {
		t.Fatal("the first call's result differs from nazif.Extract's")
	}
	var failed atomic.Int64
	var firstFailure sync.Once
	call := func() {
		got, err := c.CleanJSON(ctx, page, nazif.Options{})
		if err != nil || !bytes.Equal(got, want) {
			failed.Add(1)
			firstFailure.Do(func() { t.Errorf("a call gave error %v or other bytes (%d, want %d)", err, len(got), len(want)) })
		}
	}
	pool := runtime.GOMAXPROCS(0)

	// The serial run: the first call above, then the rest.
	start := time.Now()
	var warm steadySample
	for i := 2; i <= serial; i++ {
		call()
		if i == warmup {
			warm = steadyMeasure(c)
		}
	}
	took := time.Since(start)
	end := steadyMeasure(c)
	t.Logf("serial: %d calls on %s (%d bytes) in %s, %.0f calls/s", serial, filepath.Base(steadyPagePath), len(page), took.Round(time.Millisecond), float64(serial)/took.Seconds())
	steadyCheck(t, "serial", warm, end, pool)
	serialEnd := end

	// The parallel run: a warm-up wave, then the rest, each spread over
	// the goroutines.
	start = time.Now()
	wave := func(calls int) {
		var wg sync.WaitGroup
		for g := range goroutines {
			wg.Go(func() {
				for range calls/goroutines + btoi(g < calls%goroutines) {
					call()
				}
			})
		}
		wg.Wait()
	}
	wave(warmup)
	warm = steadyMeasure(c)
	wave(parallel - warmup)
	took = time.Since(start)
	end = steadyMeasure(c)
	t.Logf("parallel: %d calls over %d goroutines and a pool of %d in %s, %.0f calls/s", parallel, goroutines, pool, took.Round(time.Millisecond), float64(parallel)/took.Seconds())
	steadyCheck(t, "parallel", warm, end, pool)
	if n := warm.instances - serialEnd.instances; n > 0 {
		t.Logf("Go heap per instance the parallel run added: %.1f MiB (%d instances)", float64(warm.heap-serialEnd.heap)/float64(n)/(1<<20), n)
	}

	s := c.Stats()
	if n := uint64(serial + parallel); s.Calls != n || len(s.Errors) != 0 || failed.Load() != 0 {
		t.Errorf("%d calls, errors %v, %d failed or differed; want %d calls, none failed", s.Calls, s.Errors, failed.Load(), n)
	}
	// A recycled instance would hide a leak from the figures above.
	if s.Discarded != 0 || s.Recycled != 0 || s.Instances > uint64(pool) {
		t.Errorf("stats %+v; want no instance discarded or recycled, at most %d started", s, pool)
	}
	t.Logf("instances started %d, idle at the end %d", s.Instances, s.Idle)

	c.Close(ctx)
	closed = true
	n := runtime.NumGoroutine()
	for deadline := time.Now().Add(5 * time.Second); n > baseGoroutines && time.Now().Before(deadline); n = runtime.NumGoroutine() {
		time.Sleep(10 * time.Millisecond)
	}
	if n > baseGoroutines {
		t.Errorf("%d goroutines after Close; %d before New", n, baseGoroutines)
	}
}

// steadyPagePath is the page TestSteadyMemory cleans: the smallest HTML
// page of the corpus.
var steadyPagePath string

func smallestPage(t *testing.T) []byte {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*.html"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus pages: %v", err)
	}
	var size int64 = -1
	for _, f := range files {
		fi, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		if size < 0 || fi.Size() < size {
			steadyPagePath, size = f, fi.Size()
		}
	}
	page, err := os.ReadFile(steadyPagePath)
	if err != nil {
		t.Fatal(err)
	}
	return page
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// A steadySample is the host's memory at one moment, after a collection.
type steadySample struct {
	heap      uint64   // the Go heap in use
	idle      []uint32 // each idle instance's linear memory
	sum       uint64   // their total
	instances uint64   // instances started so far
}

func steadyMeasure(c *host.Cleaner) steadySample {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	st := c.Stats()
	s := steadySample{heap: m.HeapInuse, idle: st.IdleMemory, instances: st.Instances}
	for _, b := range s.idle {
		s.sum += uint64(b)
	}
	return s
}

// steadyCheck compares the end of a run with its warm-up.
func steadyCheck(t *testing.T, run string, warm, end steadySample, pool int) {
	t.Helper()
	const mib = 1 << 20
	t.Logf("%s: Go heap in use %.1f MiB after the warm-up, %.1f MiB at the end; instances' memory %v (%.1f MiB) after the warm-up, %v (%.1f MiB) at the end",
		run, float64(warm.heap)/mib, float64(end.heap)/mib, warm.idle, float64(warm.sum)/mib, end.idle, float64(end.sum)/mib)
	if end.heap > warm.heap+steadyHeapMargin {
		t.Errorf("%s: the Go heap grew from %d to %d bytes; want at most %d more", run, warm.heap, end.heap, steadyHeapMargin)
	}
	if margin := uint64(steadyInstanceMargin * len(end.idle)); end.sum > warm.sum+margin {
		t.Errorf("%s: the instances' memory grew from %d to %d bytes; want at most %d more", run, warm.sum, end.sum, margin)
	}
	// No instance started after the warm-up, and between calls every one
	// is back in the pool.
	if end.instances != warm.instances {
		t.Errorf("%s: %d instances started after the warm-up; want none", run, end.instances-warm.instances)
	}
	if len(end.idle) == 0 || len(end.idle) > pool || uint64(len(end.idle)) != end.instances {
		t.Errorf("%s: %d idle instances of %d started; want all of them, 1 to %d", run, len(end.idle), end.instances, pool)
	}
	for _, b := range end.idle {
		if b > host.DefaultRecycleBytes {
			t.Errorf("%s: an idle instance holds %d bytes, past the recycle threshold %d", run, b, host.DefaultRecycleBytes)
		}
	}
}
