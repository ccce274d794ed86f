package host

import (
	"os"
	"path/filepath"
	"runtime"
	"time"
)

// Config configures a Cleaner. It is immutable: each With method returns a
// changed copy, so one Config can be shared and specialized freely.
type Config struct {
	binary           []byte
	poolSize         int
	memoryLimitPages uint32
	maxInput         int
	recycleBytes     uint32
	gcEvery          int
	timeout          time.Duration
	cacheDir         string
	closeOnDone      bool
}

const (
	// DefaultMaxInputBytes is the default input cap: 8 MiB, eight times
	// the largest news page we have seen.
	DefaultMaxInputBytes = 8 << 20
	// DefaultMemoryLimitPages caps an instance at 256 MiB (64 KiB pages),
	// which leaves room to clean an 8 MiB page.
	DefaultMemoryLimitPages = 4096
	// DefaultRecycleBytes is the linear memory past which an instance is
	// recycled after its call: 48 MiB. Wasm memory never shrinks, so one
	// huge page would otherwise pin its peak for good.
	DefaultRecycleBytes = 48 << 20
	// DefaultGCEvery is how many calls an instance makes between two
	// collections (a big page triggers one sooner; see WithGCEvery).
	DefaultGCEvery = 16
	// DefaultTimeout bounds a call whose context has no deadline.
	DefaultTimeout = 30 * time.Second
)

// NewConfig returns the default configuration: the embedded nazif.wasm, a
// pool of GOMAXPROCS instances, the limits above, and a compilation cache
// in the user cache directory.
func NewConfig() Config {
	return Config{
		poolSize:         runtime.GOMAXPROCS(0),
		memoryLimitPages: DefaultMemoryLimitPages,
		maxInput:         DefaultMaxInputBytes,
		recycleBytes:     DefaultRecycleBytes,
		gcEvery:          DefaultGCEvery,
		timeout:          DefaultTimeout,
		cacheDir:         defaultCacheDir(),
	}
}

// defaultCacheDir is <user cache dir>/nazif/wazero, or "" (no cache) when
// the platform has no cache directory.
func defaultCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "nazif", "wazero")
}

// WithBinary runs binary instead of the embedded nazif.wasm. New checks its
// exports and ABI version and fails with ErrBadBinary on a mismatch.
// Defaults to module.Binary.
func (c Config) WithBinary(binary []byte) Config {
	c.binary = binary
	return c
}

// WithPoolSize sets how many instances may run at once; a Clean call waits
// for a free one. Defaults to GOMAXPROCS. Values below 1 mean 1.
func (c Config) WithPoolSize(n int) Config {
	c.poolSize = max(n, 1)
	return c
}

// WithMemoryLimitPages caps each instance's linear memory, in 64 KiB pages.
// A call that needs more fails with ErrMemoryLimit and its instance is
// discarded. Defaults to DefaultMemoryLimitPages (256 MiB).
func (c Config) WithMemoryLimitPages(pages uint32) Config {
	c.memoryLimitPages = min(max(pages, 1), 65536)
	return c
}

// WithMaxInputBytes caps the input of one call; a longer input fails with
// ErrInputTooLarge before it reaches the sandbox. Defaults to
// DefaultMaxInputBytes (8 MiB).
func (c Config) WithMaxInputBytes(n int) Config {
	c.maxInput = min(max(n, 0), 1<<30)
	return c
}

// WithRecycleBytes sets the linear-memory size past which an instance is
// closed after its call and a fresh one takes its place. Defaults to
// DefaultRecycleBytes (48 MiB); 0 turns recycling off.
func (c Config) WithRecycleBytes(n uint32) Config {
	c.recycleBytes = n
	return c
}

// WithGCEvery makes each instance collect garbage after every n calls, and
// after any call whose input exceeds 256 KiB. The Go heap in wasm only
// collects while the guest runs, so without this it ratchets up. Defaults
// to DefaultGCEvery; 0 leaves collection to the guest's own pacing.
func (c Config) WithGCEvery(n int) Config {
	c.gcEvery = max(n, 0)
	return c
}

// WithTimeout bounds calls whose context carries no deadline. Defaults to
// DefaultTimeout (30 s); 0 means no bound beyond the context's.
func (c Config) WithTimeout(d time.Duration) Config {
	c.timeout = max(d, 0)
	return c
}

// WithCompilationCacheDir keeps compiled code in dir, so that the next
// process starts in about a tenth of the time. "" turns the cache off.
// Defaults to nazif/wazero under os.UserCacheDir.
func (c Config) WithCompilationCacheDir(dir string) Config {
	c.cacheDir = dir
	return c
}

// WithCloseOnContextDone turns on the hard-kill mode for hostile workloads:
// the guest is interrupted as soon as the context is done, even inside a
// loop, instead of at its own next check (which is at most a few
// milliseconds away for ordinary pages). It costs a check on every loop
// back-edge of the guest: `make bench` measures it. Defaults to false.
func (c Config) WithCloseOnContextDone(on bool) Config {
	c.closeOnDone = on
	return c
}
