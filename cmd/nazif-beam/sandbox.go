package main

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/nazif/nazif/host"
)

// The worker's sandbox: one host.Cleaner per worker process, shared by
// every instance of cleanFn in it. A Beam worker runs several bundles at
// once, each with its own DoFn instance; one Cleaner each would compile
// nazif.wasm and hold a pool of instances per bundle, when the pool is
// what bounds the worker's concurrency and memory. So Setup acquires the
// worker's Cleaner, starting it if it is the first, and Teardown releases
// it, closing it with the last user.
var sandbox struct {
	mu    sync.Mutex
	c     *host.Cleaner
	users int
	// gen counts the Cleaners started: a Teardown releases only the
	// Cleaner it acquired, never one started after closeSandbox.
	gen int
}

// sandboxStats count, in this process, the Setups of cleanFn and the
// Cleaners they started: the tests hold them against the pages cleaned,
// to show that a Cleaner is made per worker and never per element.
var sandboxStats struct {
	setups, started atomic.Int64
}

// acquireSandbox returns the worker's Cleaner, started with cfg if there
// is none, and the generation to release. started tells that this call
// made it.
func acquireSandbox(ctx context.Context, cfg host.Config) (c *host.Cleaner, gen int, started bool, err error) {
	sandboxStats.setups.Add(1)
	sandbox.mu.Lock()
	defer sandbox.mu.Unlock()
	if sandbox.c == nil {
		c, err := host.New(ctx, cfg)
		if err != nil {
			// A worker's home may be missing or read-only, and with it the
			// compilation cache: without one, the worker compiles the
			// module once, as a fresh container would anyway.
			c, err = host.New(ctx, cfg.WithCompilationCacheDir(""))
		}
		if err != nil {
			return nil, 0, false, err
		}
		sandbox.c = c
		sandbox.gen++
		started = true
		sandboxStats.started.Add(1)
	}
	sandbox.users++
	return sandbox.c, sandbox.gen, started, nil
}

// releaseSandbox gives back a Cleaner of generation gen, and closes it
// when it was the last user.
func releaseSandbox(ctx context.Context, gen int) {
	sandbox.mu.Lock()
	defer sandbox.mu.Unlock()
	if sandbox.c == nil || gen != sandbox.gen {
		return // closed already by closeSandbox
	}
	if sandbox.users--; sandbox.users == 0 {
		sandbox.c.Close(ctx)
		sandbox.c = nil
	}
}

// closeSandbox closes the worker's Cleaner whatever its users. The Go
// SDK's harness never calls Teardown (its plans are cached and never taken
// down; Beam documents Teardown as best effort), so a pipeline run in
// this process on Prism's loopback would leave its Cleaner open: run
// closes it once the job is done, and the next job in the process starts
// its own. On a remote worker the process ends with its job.
func closeSandbox(ctx context.Context) {
	sandbox.mu.Lock()
	defer sandbox.mu.Unlock()
	if sandbox.c != nil {
		sandbox.c.Close(ctx)
		sandbox.c = nil
		sandbox.users = 0
	}
}
