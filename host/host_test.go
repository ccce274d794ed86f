package host_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nazif/nazif/host"
	"github.com/nazif/nazif/wasm/nazif"
)

// cleaner is shared by the tests: compiling the module is the slow part.
var (
	sharedOnce    sync.Once
	sharedCleaner *host.Cleaner
	sharedErr     error
)

func cleaner(t testing.TB) *host.Cleaner {
	sharedOnce.Do(func() {
		sharedCleaner, sharedErr = host.New(context.Background(), testConfig())
	})
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return sharedCleaner
}

// testConfig keeps compiled code in the test cache's neighbourhood, not in
// the user's cache directory.
func testConfig() host.Config {
	return host.NewConfig().WithCompilationCacheDir(filepath.Join(os.TempDir(), "nazif-test-wazero"))
}

// inputs are every page under testdata.
func inputs(t testing.TB) []string {
	var files []string
	for _, pat := range []string{"corpus/*.html", "corpus/*.dump.txt", "negatives/*.html"} {
		m, err := filepath.Glob(filepath.Join("..", "testdata", pat))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 20 {
		t.Fatalf("found %d testdata pages; want at least 20", len(files))
	}
	return files
}

// optionSets are the options TestCrossRuntime cleans every page with:
// none, and all of them.
var optionSets = []nazif.Options{{}, {
	URL: "https://example.com/news/2020/1", HTML: true, Markdown: true, Explain: true,
	Now: time.Date(2021, 3, 4, 5, 6, 7, 0, time.UTC),
}}

// TestErrors: each failure has its typed error, and the Cleaner goes on
// cleaning afterwards.
func TestErrors(t *testing.T) {
	c := cleaner(t)
	ctx := context.Background()
	past, cancel := context.WithDeadline(ctx, time.Now().Add(-time.Second))
	defer cancel()
	discarded := c.Stats().Discarded
	for _, tc := range []struct {
		name  string
		ctx   context.Context
		input []byte
		opts  nazif.Options
		want  error
		code  host.Code
	}{
		{"empty", ctx, nil, nazif.Options{}, host.ErrEmpty, host.CodeEmpty},
		{"whitespace", ctx, []byte(" \n\t"), nazif.Options{}, host.ErrEmpty, host.CodeEmpty},
		{"png", ctx, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), nazif.Options{}, host.ErrNotText, host.CodeNotText},
		{"too large", ctx, make([]byte, host.DefaultMaxInputBytes+1), nazif.Options{}, host.ErrInputTooLarge, host.CodeInputTooLarge},
		{"context past", past, []byte("<p>نص</p>"), nazif.Options{}, context.DeadlineExceeded, host.CodeTimeout},
		{"deadline option past", ctx, []byte("<p>نص</p>"), nazif.Options{Deadline: time.Now().Add(-time.Second)}, host.ErrTimeout, host.CodeTimeout},
	} {
		_, err := c.Clean(tc.ctx, tc.input, tc.opts)
		var e *host.Error
		if !errors.Is(err, tc.want) || !errors.As(err, &e) || e.Code != tc.code {
			t.Errorf("%s: error %v; want %v with code %s", tc.name, err, tc.want, tc.code)
		}
	}
	// Refusing a page, or a deadline spent before the call, costs no
	// instance.
	if d := c.Stats().Discarded - discarded; d != 0 {
		t.Errorf("%d instances discarded for refused pages; want 0", d)
	}
	a, err := c.Clean(ctx, []byte("<title>عنوان</title><p>"+strings.Repeat("هذا نص عربي طويل بما يكفي ليكون فقرة. ", 8)+"</p>"), nazif.Options{})
	if err != nil || len(a.Blocks) != 1 {
		t.Fatalf("after the failures: %v, %d blocks; want 1", err, len(a.Blocks))
	}
}

// TestGuestTimeout: a budget shorter than the work makes the guest stop
// itself with ErrTimeout, and the error carries the context's cause.
func TestGuestTimeout(t *testing.T) {
	c := cleaner(t)
	page := bytes.Repeat([]byte("<div><p>هذا نص عربي للاختبار فقط.</p></div>"), 100000)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel()
	// The page takes seconds to clean in full: an ErrTimeout, not an
	// article, shows that the guest stopped on its own.
	_, err := c.Clean(ctx, page, nazif.Options{})
	if !errors.Is(err, host.ErrTimeout) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("error %v; want ErrTimeout and context.DeadlineExceeded", err)
	}
}

// TestMemoryLimit: a page that needs more memory than the cap fails with
// ErrMemoryLimit; the instance is replaced and the next page is fine.
func TestMemoryLimit(t *testing.T) {
	ctx := context.Background()
	c, err := host.New(ctx, testConfig().WithMemoryLimitPages(160).WithPoolSize(1)) // 10 MiB
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	page := bytes.Repeat([]byte("<div><p>هذا نص عربي للاختبار فقط.</p></div>"), 60000)
	if _, err := c.Clean(ctx, page, nazif.Options{}); !errors.Is(err, host.ErrMemoryLimit) {
		t.Fatalf("error %v; want ErrMemoryLimit", err)
	}
	if _, err := c.Clean(ctx, []byte("<p>نص قصير</p>"), nazif.Options{}); err != nil {
		t.Fatalf("after the trap: %v", err)
	}
	if s := c.Stats(); s.Discarded != 1 || s.Instances != 2 || s.Errors[host.CodeMemoryLimit] != 1 {
		t.Errorf("stats %+v; want 1 discarded, 2 instances, 1 memory_limit error", s)
	}
	// The failed call took its instance up to the cap, and no further.
	if s := c.Stats(); s.PeakMemory > 160*65536 || s.PeakMemory < 120*65536 {
		t.Errorf("peak memory %d; want near the cap of %d", s.PeakMemory, 160*65536)
	}
}

// TestRecycle: an instance whose memory passes the threshold is replaced.
func TestRecycle(t *testing.T) {
	ctx := context.Background()
	c, err := host.New(ctx, testConfig().WithRecycleBytes(1).WithPoolSize(1))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	for range 3 {
		if _, err := c.Clean(ctx, []byte("<p>نص</p>"), nazif.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	// New starts one instance; the pool starts the next one when needed.
	if s := c.Stats(); s.Recycled != 3 || s.Instances != 3 {
		t.Errorf("stats %+v; want 3 recycled, 3 instances", s)
	}
}

// TestConcurrent: many goroutines share one Cleaner and all get the
// native result.
func TestConcurrent(t *testing.T) {
	c := cleaner(t)
	files := inputs(t)
	want := map[string][]byte{}
	for _, f := range files {
		src, _ := os.ReadFile(f)
		a, err := nazif.Extract(src, nazif.Options{})
		if err != nil {
			t.Fatal(err)
		}
		want[f], _ = json.Marshal(a)
	}
	var wg sync.WaitGroup
	for g := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 10 {
				f := files[(g*7+i)%len(files)]
				src, _ := os.ReadFile(f)
				got, err := c.CleanJSON(context.Background(), src, nazif.Options{})
				if err != nil || !bytes.Equal(got, want[f]) {
					t.Errorf("%s: err %v or output differs", f, err)
				}
			}
		}()
	}
	wg.Wait()
}

// TestBadBinary: New refuses a module that is not nazif.wasm.
func TestBadBinary(t *testing.T) {
	for name, bin := range map[string][]byte{
		"garbage": []byte("not wasm"),
		// A valid module with no exports: magic, version, nothing else.
		"empty module": {0, 'a', 's', 'm', 1, 0, 0, 0},
	} {
		_, err := host.New(context.Background(), testConfig().WithBinary(bin).WithCompilationCacheDir(""))
		if !errors.Is(err, host.ErrBadBinary) {
			t.Errorf("%s: error %v; want ErrBadBinary", name, err)
		}
	}
}

// TestClosed: Clean after Close fails with ErrClosed.
func TestClosed(t *testing.T) {
	ctx := context.Background()
	c, err := host.New(ctx, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	c.Close(ctx)
	if _, err := c.Clean(ctx, []byte("<p>نص</p>"), nazif.Options{}); !errors.Is(err, host.ErrClosed) {
		t.Errorf("error %v; want ErrClosed", err)
	}
}

// TestHardKill: with WithCloseOnContextDone, a call is stopped by its
// context even though the guest would not check in time, and the pool
// replaces the instance.
func TestHardKill(t *testing.T) {
	ctx := context.Background()
	c, err := host.New(ctx, testConfig().WithCloseOnContextDone(true).WithPoolSize(1))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	page := bytes.Repeat([]byte("<div><p>هذا نص عربي للاختبار فقط.</p></div>"), 100000)
	tctx, cancel := context.WithTimeout(ctx, 5*time.Millisecond)
	defer cancel()
	if _, err := c.Clean(tctx, page, nazif.Options{}); !errors.Is(err, host.ErrTimeout) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("error %v; want ErrTimeout and context.DeadlineExceeded", err)
	}
	if _, err := c.Clean(ctx, []byte("<p>نص قصير</p>"), nazif.Options{}); err != nil {
		t.Fatalf("after the kill: %v", err)
	}
	if s := c.Stats(); s.Discarded != 1 || s.Errors[host.CodeTimeout] != 1 {
		t.Errorf("stats %+v; want 1 discarded, 1 timeout", s)
	}
}
