// Command nazif-bench prints the figures `make bench` reports: native,
// sandboxed (wazero) and Node (the JS package, node:wasi) throughput side
// by side on the testdata corpus, the pool with
// one and two goroutines, the hard-kill mode's cost, the floor of the
// ratio (the simplest byte loops, natively and in wazero), the CLI's time
// to a first result (cold and warm compilation cache), and an instance's
// steady memory after 1,000 calls that include 1 MB pages.
//
//	go run ./cmd/nazif-bench [-dir testdata/corpus] [-time 2s]
//
// Every figure comes from this one run on this machine; ratios compare
// runs made minutes apart at most.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"

	"github.com/nazif/nazif/cmd/nazif-bench/floor"
	"github.com/nazif/nazif/host"
	"github.com/nazif/nazif/wasm/nazif"
)

func main() {
	dir := flag.String("dir", "testdata/corpus", "the corpus: *.html and *.dump.txt pages")
	budget := flag.Duration("time", 2*time.Second, "how long to run each throughput figure")
	skipCLI := flag.Bool("skip-cli", false, "skip the CLI start-up figures")
	binary := flag.String("binary", "", "run this .wasm instead of the embedded nazif.wasm (to compare builds)")
	flag.Parse()
	if err := report(*dir, *binary, *budget, *skipCLI); err != nil {
		fmt.Fprintln(os.Stderr, "nazif-bench:", err)
		os.Exit(1)
	}
}

type page struct {
	name string
	data []byte
}

func load(dir string) (html, dumps []page, err error) {
	for _, pat := range []string{"*.html", "*.dump.txt"} {
		files, _ := filepath.Glob(filepath.Join(dir, pat))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, nil, err
			}
			p := page{filepath.Base(f), b}
			if pat == "*.html" {
				html = append(html, p)
			} else {
				dumps = append(dumps, p)
			}
		}
	}
	if len(html) == 0 {
		return nil, nil, fmt.Errorf("no pages in %s", dir)
	}
	return html, dumps, nil
}

func size(pages []page) int {
	n := 0
	for _, p := range pages {
		n += len(p.data)
	}
	return n
}

// clean is one way of turning a page into Article JSON.
type clean func(ctx context.Context, in []byte) error

// native is the same job without the sandbox, with the same (fastest)
// JSON encoder the guest uses.
func native(_ context.Context, in []byte) error {
	a, err := nazif.Extract(in, nazif.Options{})
	if err != nil {
		return err
	}
	a.AppendJSON(nil)
	return nil
}

func sandboxed(c *host.Cleaner) clean {
	return func(ctx context.Context, in []byte) error {
		_, err := c.CleanJSON(ctx, in, nazif.Options{})
		return err
	}
}

// A contender is one way of cleaning, run from g goroutines, or, when
// whole is set, a round that times itself elsewhere (in Node).
type contender struct {
	name  string
	f     clean
	g     int
	whole func() (time.Duration, error)
}

// compare runs the pages through each contender in turn, round after
// round until budget has passed, so that drift on a shared machine hits
// all of them alike. It prints one row each, with the median round time
// and the ratio to the first contender's, and returns the medians.
func compare(pages []page, budget time.Duration, cs ...contender) ([]time.Duration, error) {
	rounds := make([][]time.Duration, len(cs))
	start := time.Now()
	for len(rounds[0]) < 3 || time.Since(start) < budget {
		for i, c := range cs {
			var d time.Duration
			var err error
			if c.whole != nil {
				d, err = c.whole()
			} else {
				d, err = round(pages, c)
			}
			if err != nil {
				return nil, fmt.Errorf("%s: %w", c.name, err)
			}
			rounds[i] = append(rounds[i], d)
		}
	}
	var base, baseBest time.Duration
	medians := make([]time.Duration, len(cs))
	for i, c := range cs {
		slices.Sort(rounds[i])
		d, best := rounds[i][len(rounds[i])/2], rounds[i][0]
		if i == 0 {
			base, baseBest = d, best
		}
		medians[i] = d
		row(c.name, pages, d, best, base, baseBest)
	}
	return medians, nil
}

// round cleans every page once, from c.g goroutines.
func round(pages []page, c contender) (time.Duration, error) {
	ctx := context.Background()
	t := time.Now()
	next := make(chan []byte, len(pages))
	for _, p := range pages {
		next <- p.data
	}
	close(next)
	var wg sync.WaitGroup
	errs := make(chan error, c.g)
	for range c.g {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for in := range next {
				if err := c.f(ctx, in); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	return time.Since(t), <-errs
}

// row prints one contender: throughput from the median round, the median
// and best rounds, and both ratios to the base (none for the base itself).
// The best round is the figure least disturbed by other load on a shared
// machine; the median is what a user sees.
func row(name string, pages []page, d, best, base, baseBest time.Duration) {
	ratio := ""
	if d != base || best != baseBest {
		ratio = fmt.Sprintf("%5.2fx (best %5.2fx)", float64(d)/float64(base), float64(best)/float64(baseBest))
	}
	fmt.Printf("  %-30s %7.1f pages/s %6.2f MB/s  median %6.1f ms, best %6.1f ms  %s\n", name,
		float64(len(pages))/d.Seconds(), float64(size(pages))/1e6/d.Seconds(), ms(d), ms(best), ratio)
}

func report(dir, binary string, budget time.Duration, skipCLI bool) error {
	ctx := context.Background()
	html, dumps, err := load(dir)
	if err != nil {
		return err
	}
	all := append(append([]page{}, html...), dumps...)
	fmt.Printf("nazif bench: %s, %d cores, %s; corpus %s: %d HTML pages (%.0f KB), %d dumps (%.0f KB)\n\n",
		runtime.Version(), runtime.NumCPU(), time.Now().UTC().Format("2006-01-02"), dir,
		len(html), float64(size(html))/1e3, len(dumps), float64(size(dumps))/1e3)
	cache, err := os.MkdirTemp("", "nazif-bench-cache")
	if err != nil {
		return err
	}
	defer os.RemoveAll(cache)
	cfg := host.NewConfig().WithCompilationCacheDir(cache)
	if binary != "" {
		bin, err := os.ReadFile(binary)
		if err != nil {
			return err
		}
		cfg = cfg.WithBinary(bin)
	}

	c1, err := host.New(ctx, cfg.WithPoolSize(1))
	if err != nil {
		return err
	}
	defer c1.Close(ctx)
	nodeRun, err := startNode(dir)
	if err != nil {
		fmt.Printf("Node: SKIPPED (%v)\n\n", err)
	} else {
		defer nodeRun.close()
		fmt.Printf("Node %s: load() (compile nazif.wasm, start an instance) took %.0f ms\n\n", nodeVersion(), ms(nodeRun.load))
	}
	fmt.Println("Throughput, one goroutine (page -> Article JSON; ratio = time / native time):")
	for _, set := range []struct {
		name  string
		pages []page
	}{{"HTML", html}, {"dumps", dumps}, {"all", all}} {
		if len(set.pages) == 0 {
			continue
		}
		cs := []contender{
			{name: set.name + ", native", f: native, g: 1},
			{name: set.name + ", sandboxed (wazero)", f: sandboxed(c1), g: 1},
		}
		if nodeRun != nil {
			cs = append(cs, nodeContender(nodeRun, set.name, set.name+", Node (node:wasi, JS)"))
		}
		medians, err := compare(set.pages, budget, cs...)
		if err != nil {
			return err
		}
		if nodeRun != nil {
			fmt.Printf("  %-30s %5.2fx the Go host's time (median rounds)\n", set.name+", Node / Go host", float64(medians[2])/float64(medians[1]))
		}
	}

	fmt.Println("\nThe pool (all pages; ratio = time / one goroutine's):")
	c2, err := host.New(ctx, cfg.WithPoolSize(2))
	if err != nil {
		return err
	}
	defer c2.Close(ctx)
	if _, err := compare(all, budget,
		contender{name: "pool of 2, 1 goroutine", f: sandboxed(c2), g: 1},
		contender{name: "pool of 2, 2 goroutines", f: sandboxed(c2), g: 2}); err != nil {
		return err
	}
	if _, err := compare(all, budget,
		contender{name: "native, 1 goroutine", f: native, g: 1},
		contender{name: "native, 2 goroutines", f: native, g: 2}); err != nil {
		return err
	}

	fmt.Println("\nHard-kill mode, WithCloseOnContextDone(true) (all pages; ratio = time / default sandbox):")
	ck, err := host.New(ctx, cfg.WithPoolSize(1).WithCloseOnContextDone(true))
	if err != nil {
		return err
	}
	defer ck.Close(ctx)
	if _, err := compare(all, budget,
		contender{name: "sandboxed, default", f: sandboxed(c1), g: 1},
		contender{name: "sandboxed, hard-kill", f: sandboxed(ck), g: 1}); err != nil {
		return err
	}

	if err := floorRatio(ctx, all); err != nil {
		return err
	}
	if err := steadyMemory(ctx, cfg, all); err != nil {
		return err
	}
	if !skipCLI {
		return cliStart(all[0])
	}
	return nil
}

// steadyMemory makes 1,000 calls on one instance, every tenth a 1 MB page,
// and prints its linear memory along the way.
func steadyMemory(ctx context.Context, cfg host.Config, pages []page) error {
	c, err := host.New(ctx, cfg.WithPoolSize(1))
	if err != nil {
		return err
	}
	defer c.Close(ctx)
	big := bigPage(pages, 1<<20)
	fmt.Printf("\nSteady memory: one instance, 1,000 calls, every tenth a %.2f MB page (defaults: GC every %d calls and after inputs > 256 KiB; recycle past %d MiB):\n",
		float64(len(big))/1e6, host.DefaultGCEvery, host.DefaultRecycleBytes>>20)
	var peak uint32
	for i := 1; i <= 1000; i++ {
		in := pages[i%len(pages)].data
		if i%10 == 0 {
			in = big
		}
		if _, err := c.CleanJSON(ctx, in, nazif.Options{}); err != nil {
			return err
		}
		s := c.Stats()
		if len(s.IdleMemory) > 0 {
			peak = max(peak, s.IdleMemory[0])
		}
		if i == 10 || i == 100 || i == 1000 {
			fmt.Printf("  after %4d calls: linear memory %5.1f MiB (peak so far %5.1f MiB), instances started %d, recycled %d\n",
				i, mib(s.IdleMemory), float64(peak)/(1<<20), s.Instances, s.Recycled)
		}
	}
	return nil
}

func mib(m []uint32) float64 {
	if len(m) == 0 {
		return 0
	}
	return float64(m[0]) / (1 << 20)
}

// bigPage repeats the body of the largest HTML page up to n bytes: a
// realistic 1 MB page with ten times the usual markup.
func bigPage(pages []page, n int) []byte {
	var src []byte
	for _, p := range pages {
		if strings.HasSuffix(p.name, ".html") && len(p.data) > len(src) {
			src = p.data
		}
	}
	out := append([]byte{}, src...)
	for len(out) < n {
		out = append(out, src...)
	}
	return out[:n]
}

// cliStart builds the nazif CLI and times `nazif clean` on one page from
// process start to exit: first with an empty compilation cache, then warm.
func cliStart(p page) error {
	tmp, err := os.MkdirTemp("", "nazif-bench-cli")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "nazif")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/nazif").CombinedOutput(); err != nil {
		return fmt.Errorf("building the CLI: %v\n%s", err, out)
	}
	in := filepath.Join(tmp, p.name)
	if err := os.WriteFile(in, p.data, 0o644); err != nil {
		return err
	}
	// run times one process from start to its first byte of output (the
	// first result), and also to its exit.
	run := func() (first, exit time.Duration, err error) {
		cmd := exec.Command(bin, "clean", "-f", "json", in)
		cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+filepath.Join(tmp, "cache"))
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			return 0, 0, err
		}
		t := time.Now()
		if err := cmd.Start(); err != nil {
			return 0, 0, err
		}
		var b [1]byte
		if _, err := io.ReadFull(stdout, b[:]); err != nil {
			cmd.Wait()
			return 0, 0, fmt.Errorf("nazif clean printed nothing: %v\n%s", err, stderr.Bytes())
		}
		first = time.Since(t)
		io.Copy(io.Discard, stdout)
		if err := cmd.Wait(); err != nil {
			return 0, 0, fmt.Errorf("nazif clean: %v\n%s", err, stderr.Bytes())
		}
		return first, time.Since(t), nil
	}
	fmt.Printf("\nCLI, `nazif clean -f json %s` (%.0f KB), sandboxed: process start to the first byte of the result, and to exit:\n", p.name, float64(len(p.data))/1e3)
	coldFirst, coldExit, err := run()
	if err != nil {
		return err
	}
	var first, exit []time.Duration
	for range 9 {
		f, e, err := run()
		if err != nil {
			return err
		}
		first, exit = append(first, f), append(exit, e)
	}
	slices.Sort(first)
	slices.Sort(exit)
	fmt.Printf("  cold (empty compilation cache): first result %6.0f ms, exit %6.0f ms\n", ms(coldFirst), ms(coldExit))
	fmt.Printf("  warm (9 runs): first result min %4.0f ms, median %4.0f ms; exit min %4.0f ms, median %4.0f ms\n",
		ms(first[0]), ms(first[len(first)/2]), ms(exit[0]), ms(exit[len(exit)/2]))
	return nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// floorRatio times the simplest loops over the corpus natively and in
// wazero: no rewrite of the cleaner can make the sandbox's ratio lower
// than theirs.
func floorRatio(ctx context.Context, pages []page) error {
	var in []byte
	for _, p := range pages {
		in = append(in, p.data...)
	}
	tmp, err := os.MkdirTemp("", "nazif-bench-floor")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "floor.wasm")
	build := exec.Command("go", "build", "-trimpath", "-o", bin, "./cmd/nazif-bench/floor/wasmfloor")
	build.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm", "GOFLAGS=")
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("building the floor module: %v\n%s", err, out)
	}
	wasm, err := os.ReadFile(bin)
	if err != nil {
		return err
	}
	rt := wazero.NewRuntime(ctx)
	defer rt.Close(ctx)
	wasi_snapshot_preview1.MustInstantiate(ctx, rt)
	var out bytes.Buffer
	cfg := wazero.NewModuleConfig().WithStdin(bytes.NewReader(in)).WithStdout(&out).WithSysNanotime().WithSysWalltime()
	if _, err := rt.InstantiateWithConfig(ctx, wasm, cfg); err != nil {
		return fmt.Errorf("running the floor module: %v", err)
	}
	var wscan, wwords int64
	if _, err := fmt.Sscan(out.String(), &wscan, &wwords); err != nil {
		return fmt.Errorf("the floor module printed %q: %v", out.String(), err)
	}
	nscan, nwords := floor.Best(in)
	fmt.Printf("\nFloor: the simplest loops over the same %.0f KB, best of 30 (ratio = wazero / native):\n", float64(len(in))/1e3)
	fmt.Printf("  a table lookup per byte        native %7.3f ms, wazero %7.3f ms  %5.2fx\n", ms(nscan), float64(wscan)/1e6, float64(wscan)/float64(nscan.Nanoseconds()))
	fmt.Printf("  split words, append to buffer  native %7.3f ms, wazero %7.3f ms  %5.2fx\n", ms(nwords), float64(wwords)/1e6, float64(wwords)/float64(nwords.Nanoseconds()))
	return nil
}
