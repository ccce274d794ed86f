package host

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"

	"github.com/nazif/nazif/wasm/abi"
	"github.com/nazif/nazif/wasm/module"
	"github.com/nazif/nazif/wasm/nazif"
)

// ABIVersion is the nazif.wasm ABI this package speaks (wasm/ABI.md).
const ABIVersion = abi.Version

// exports are the functions New requires of a module.
var exports = []string{"nazif_abi_version", "nazif_alloc", "nazif_free", "nazif_clean", "nazif_gc"}

// A Cleaner cleans pages in sandboxed instances of nazif.wasm. It is safe
// for concurrent use: calls beyond the pool size wait for a free instance.
type Cleaner struct {
	cfg      Config
	rt       wazero.Runtime
	compiled wazero.CompiledModule
	cache    wazero.CompilationCache
	slots    chan struct{}
	abi      uint32

	mu     sync.Mutex
	idle   []*instance
	closed bool

	stats stats
}

// New compiles the module and starts one instance, so that a bad binary or
// configuration fails here rather than in the first Clean. Compiling takes
// a few seconds without a warm compilation cache (3 to 4 s on two cores)
// and about a tenth of a second with one; do it once per process.
// Close the Cleaner to release everything.
func New(ctx context.Context, cfg Config) (*Cleaner, error) {
	if cfg.poolSize == 0 {
		return nil, errors.New("nazif: host.New: use host.NewConfig() for a Config")
	}
	bin := cfg.binary
	if bin == nil {
		bin = module.Binary
	}
	rc := wazero.NewRuntimeConfig().
		WithMemoryLimitPages(cfg.memoryLimitPages).
		WithCloseOnContextDone(cfg.closeOnDone)
	c := &Cleaner{cfg: cfg, slots: make(chan struct{}, cfg.poolSize)}
	if cfg.cacheDir != "" {
		cache, err := wazero.NewCompilationCacheWithDir(cfg.cacheDir)
		if err != nil {
			return nil, fmt.Errorf("nazif: compilation cache %s: %w (turn it off with WithCompilationCacheDir(\"\"))", cfg.cacheDir, err)
		}
		c.cache = cache
		rc = rc.WithCompilationCache(cache)
	}
	c.rt = wazero.NewRuntimeWithConfig(ctx, rc)
	if _, err := wasi_snapshot_preview1.Instantiate(ctx, c.rt); err != nil {
		c.Close(ctx)
		return nil, err
	}
	compiled, err := c.rt.CompileModule(ctx, bin)
	if err != nil {
		c.Close(ctx)
		return nil, fmt.Errorf("%w: %v", ErrBadBinary, err)
	}
	c.compiled = compiled
	if err := checkShape(compiled); err != nil {
		c.Close(ctx)
		return nil, err
	}
	inst, err := c.instantiate(ctx)
	if err != nil {
		c.Close(ctx)
		return nil, err
	}
	if c.abi = inst.abiVersion(ctx); c.abi != ABIVersion {
		c.Close(ctx)
		return nil, fmt.Errorf("%w: the module speaks ABI %d, this host %d", ErrBadBinary, c.abi, ABIVersion)
	}
	c.idle = append(c.idle, inst)
	return c, nil
}

// ABIVersion is the ABI version the module reports: ABIVersion, or New
// would have failed.
func (c *Cleaner) ABIVersion() uint32 { return c.abi }

// checkShape: the module imports nothing but WASI and exports the ABI.
func checkShape(m wazero.CompiledModule) error {
	for _, f := range m.ImportedFunctions() {
		if mod, name, _ := f.Import(); mod != wasi_snapshot_preview1.ModuleName {
			return fmt.Errorf("%w: it imports %s.%s; nazif.wasm imports only WASI", ErrBadBinary, mod, name)
		}
	}
	have := m.ExportedFunctions()
	for _, name := range exports {
		if have[name] == nil {
			return fmt.Errorf("%w: it does not export %s", ErrBadBinary, name)
		}
	}
	return nil
}

// Clean cleans one page in the sandbox, as nazif.Extract would natively.
// The call's deadline is the earlier of ctx's and opts.Deadline, or, when
// neither has one, Config.WithTimeout from now. Every failure is an *Error matching one of the
// package's sentinel errors.
func (c *Cleaner) Clean(ctx context.Context, input []byte, opts nazif.Options) (nazif.Article, error) {
	var a nazif.Article
	out, err := c.CleanJSON(ctx, input, opts)
	if err != nil {
		return a, err
	}
	if err := json.Unmarshal(out, &a); err != nil {
		return a, newError(CodeTrap, err, "nazif: the module returned bad JSON: %v", err)
	}
	return a, nil
}

// CleanJSON is Clean returning the Article as JSON, byte for byte what
// json.Marshal gives for nazif.Extract's result.
func (c *Cleaner) CleanJSON(ctx context.Context, input []byte, opts nazif.Options) ([]byte, error) {
	out, err := c.clean(ctx, input, opts)
	c.stats.count(err)
	return out, err
}

func (c *Cleaner) clean(ctx context.Context, input []byte, opts nazif.Options) ([]byte, error) {
	if len(input) > c.cfg.maxInput {
		return nil, newError(CodeInputTooLarge, nil, "nazif: input of %d bytes exceeds the cap of %d (WithMaxInputBytes)", len(input), c.cfg.maxInput)
	}
	optJSON, err := json.Marshal(opts)
	if err != nil {
		return nil, newError(CodeBadOptions, err, "nazif: options: %v", err)
	}
	deadline, ok := ctx.Deadline()
	fromCtx := ok
	if !opts.Deadline.IsZero() && (!ok || opts.Deadline.Before(deadline)) {
		deadline, ok, fromCtx = opts.Deadline, true, false
	}
	if !ok && c.cfg.timeout > 0 {
		deadline, ok = time.Now().Add(c.cfg.timeout), true
	}
	if ok && c.cfg.closeOnDone {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, deadline)
		defer cancel()
	}
	if ctx.Err() != nil {
		return nil, timeout(ctx)
	}
	select {
	case c.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, timeout(ctx)
	}
	defer func() { <-c.slots }()
	inst, err := c.get(ctx)
	if err != nil {
		return nil, err
	}
	var budget time.Duration
	if ok {
		if budget = time.Until(deadline); budget <= 0 {
			c.put(inst)
			return nil, newError(CodeTimeout, timeoutCause(ctx, fromCtx), "nazif: the deadline passed before the call started")
		}
	}
	out, err := inst.clean(ctx, input, optJSON, budget)
	c.stats.sawMemory(inst.memory())
	if err != nil {
		if e, ok := err.(*Error); ok && e.Code == CodeTimeout && e.cause == nil {
			e.cause = timeoutCause(ctx, fromCtx)
		}
		// A page the guest refused leaves it as it was; a trap or a
		// timeout may have left it anywhere.
		if e, ok := err.(*Error); ok && (e.Code == CodeEmpty || e.Code == CodeNotText || e.Code == CodeBadOptions) {
			c.put(inst)
		} else {
			c.discard(ctx, inst)
		}
		return nil, err
	}
	if c.cfg.gcEvery > 0 && (inst.calls%c.cfg.gcEvery == 0 || len(input) > bigInput) {
		if err := inst.gc(ctx); err != nil {
			c.discard(ctx, inst)
			return out, nil
		}
	}
	if c.cfg.recycleBytes > 0 && inst.memory() > c.cfg.recycleBytes {
		c.stats.recycled.Add(1)
		c.discard(ctx, inst)
	} else {
		c.put(inst)
	}
	return out, nil
}

// timeoutCause is what a timeout wraps besides ErrTimeout: the context's
// error, or context.DeadlineExceeded when the deadline that passed was the
// context's and its timer has not fired yet (the clocks race by a moment).
func timeoutCause(ctx context.Context, fromCtx bool) error {
	if err := ctx.Err(); err != nil || !fromCtx {
		return err
	}
	return context.DeadlineExceeded
}

// bigInput is the input size past which a call is followed by a
// collection: such a page leaves megabytes of garbage.
const bigInput = 256 << 10

func timeout(ctx context.Context) *Error {
	return newError(CodeTimeout, ctx.Err(), "nazif: %v before the call could start", ctx.Err())
}

// get returns an idle instance, or a new one.
func (c *Cleaner) get(ctx context.Context) (*instance, error) {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil, newError(CodeClosed, nil, "nazif: Clean called after Close")
	}
	if n := len(c.idle); n > 0 {
		inst := c.idle[n-1]
		c.idle = c.idle[:n-1]
		c.mu.Unlock()
		return inst, nil
	}
	c.mu.Unlock()
	return c.instantiate(ctx)
}

func (c *Cleaner) put(inst *instance) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		inst.close(context.Background())
		return
	}
	c.idle = append(c.idle, inst)
}

func (c *Cleaner) discard(ctx context.Context, inst *instance) {
	c.stats.discarded.Add(1)
	inst.close(context.WithoutCancel(ctx))
}

// Close closes every instance, the runtime and the compilation cache.
// Calls in flight fail; later calls return ErrClosed.
func (c *Cleaner) Close(ctx context.Context) error {
	c.mu.Lock()
	c.closed = true
	idle := c.idle
	c.idle = nil
	c.mu.Unlock()
	for _, inst := range idle {
		inst.close(ctx)
	}
	var err error
	if c.rt != nil {
		err = c.rt.Close(ctx)
	}
	if c.cache != nil {
		err = errors.Join(err, c.cache.Close(ctx))
	}
	return err
}

// Stats are a Cleaner's counters since New.
type Stats struct {
	Calls     uint64          // Clean calls that finished, failed or not
	Errors    map[Code]uint64 // failed calls, by code
	Instances uint64          // instances started
	Discarded uint64          // instances thrown away (traps, timeouts, recycling)
	Recycled  uint64          // of those, for memory past the threshold
	Idle      int             // instances waiting for work now
	Busy      int             // calls running now
	// IdleMemory is the linear memory of each idle instance, in bytes:
	// what the pool holds between calls. The Go heap behind an instance
	// can be up to twice that: its backing array grows by doubling, so
	// that growing memory does not copy it page by page.
	IdleMemory []uint32
	// PeakMemory is the largest linear memory any instance has had at the
	// end of a call, in bytes: linear memory never shrinks, so this is
	// the most any one call has needed (plus what earlier calls on its
	// instance left). It stays under the cap (WithMemoryLimitPages).
	PeakMemory uint32
}

type stats struct {
	calls, instances, discarded, recycled atomic.Uint64
	peak                                  atomic.Uint32
	mu                                    sync.Mutex
	errors                                map[Code]uint64
}

func (s *stats) count(err error) {
	s.calls.Add(1)
	if err == nil {
		return
	}
	code := CodeTrap
	if e, ok := err.(*Error); ok {
		code = e.Code
	}
	s.mu.Lock()
	if s.errors == nil {
		s.errors = map[Code]uint64{}
	}
	s.errors[code]++
	s.mu.Unlock()
}

// sawMemory raises the peak to n bytes if n is higher.
func (s *stats) sawMemory(n uint32) {
	for {
		p := s.peak.Load()
		if n <= p || s.peak.CompareAndSwap(p, n) {
			return
		}
	}
}

// Stats returns a snapshot of the counters.
func (c *Cleaner) Stats() Stats {
	s := Stats{
		Calls: c.stats.calls.Load(), Instances: c.stats.instances.Load(),
		Discarded: c.stats.discarded.Load(), Recycled: c.stats.recycled.Load(),
		Errors: map[Code]uint64{}, Busy: len(c.slots), PeakMemory: c.stats.peak.Load(),
	}
	c.stats.mu.Lock()
	for k, v := range c.stats.errors {
		s.Errors[k] = v
	}
	c.stats.mu.Unlock()
	c.mu.Lock()
	s.Idle = len(c.idle)
	for _, inst := range c.idle {
		s.IdleMemory = append(s.IdleMemory, inst.memory())
	}
	c.mu.Unlock()
	return s
}

// instantiate starts a fresh instance: no file system, environment,
// arguments or network; stdout and stderr go to a small buffer; the
// monotonic clock is real (for deadlines) and the wall clock is wazero's
// fixed fake one, so nothing in the guest can depend on the date.
func (c *Cleaner) instantiate(ctx context.Context) (*instance, error) {
	inst := &instance{limit: c.cfg.memoryLimitPages * 65536}
	// A real random source: wazero's default is seeded the same in
	// every instance, which would let a crafted page predict the guest's
	// map hash seeds. Outputs never depend on it (map order is not used).
	mc := wazero.NewModuleConfig().
		WithRandSource(rand.Reader).
		WithName("").
		WithStartFunctions("_initialize").
		WithStdout(&inst.output).
		WithStderr(&inst.output).
		WithSysNanotime()
	actx := experimental.WithMemoryAllocator(ctx, experimental.MemoryAllocatorFunc(allocateMemory))
	mod, err := c.rt.InstantiateModule(actx, c.compiled, mc)
	if err != nil {
		if c.compiled == nil {
			return nil, newError(CodeClosed, err, "nazif: Clean called after Close")
		}
		return nil, newError(CodeTrap, err, "nazif: starting an instance: %v%s", err, inst.output.message())
	}
	c.stats.instances.Add(1)
	inst.mod = mod
	inst.fns = [...]api.Function{
		mod.ExportedFunction("nazif_abi_version"),
		mod.ExportedFunction("nazif_alloc"),
		mod.ExportedFunction("nazif_free"),
		mod.ExportedFunction("nazif_clean"),
		mod.ExportedFunction("nazif_gc"),
	}
	// Three quarters of the cap: room for the collector to work in before
	// memory.grow fails. nazif_memory_limit is optional (ABI.md).
	if f := mod.ExportedFunction("nazif_memory_limit"); f != nil {
		limit := uint64(c.cfg.memoryLimitPages) * 65536 / 4 * 3
		if _, err := f.Call(ctx, limit); err != nil {
			mod.Close(ctx)
			return nil, newError(CodeTrap, err, "nazif: setting the memory limit: %v%s", err, inst.output.message())
		}
	}
	return inst, nil
}
