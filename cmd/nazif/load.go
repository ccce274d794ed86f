package main

// load.go is `nazif load`: a bounded load generator for POST /v1/clean, on
// loopback, against the real server started in-process or a running one.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nazif/nazif/host"
	"github.com/nazif/nazif/wasm/nazif"
)

const loadUsage = `usage: nazif load [flags] [FILE|DIR]...

Drives POST /v1/clean with -c clients at once, each sending pages one after
the other, round-robin over the inputs, and reading each answer whole. By
default it starts the server in-process on 127.0.0.1, with -j instances
and a -queue small enough that 64 clients overload it; -addr drives a
running server instead. A 503 answer makes its client back off briefly
(between a fifth of -backoff and -backoff, not the Retry-After's second),
then send the next page.

It measures requests by status; throughput (requests and successful pages
per second); latency percentiles of the 200s and of all answers; the peak
resident memory (VmHWM) and peak Go heap in use of this process (which,
in-process, holds the server); and the server's /metrics counters over the
run. An answer other than 200 or 503, a transport error, and a 200 whose
body is not an Article or differs from an earlier answer for the same page
(cleaning is deterministic) are failures: with any, the exit code is 1.

A DIR is walked as nazif clean walks it. Without inputs, the corpus pages
under testdata/corpus are used (run from the repository's root).

Flags:
`

// loadCorpus is the default input, relative to the repository's root.
const loadCorpus = "testdata/corpus"

// loadSampleEvery is how often memory is sampled during a run.
const loadSampleEvery = 50 * time.Millisecond

// loadCmd is `nazif load`. Its exit code is 0 when every request got 200
// or the designed 503, 1 when any failed otherwise, 2 for a usage error.
func loadCmd(args []string, stdout, stderr io.Writer) int {
	return runLoad(context.Background(), args, host.NewConfig(), stdout, stderr)
}

// runLoad is loadCmd with the in-process server's Cleaner configured from
// base, as runServe's is.
func runLoad(ctx context.Context, args []string, base host.Config, stdout, stderr io.Writer) int {
	fs := newFlagSet("load", loadUsage, stderr)
	addr := fs.String("addr", "", "drive the server at this base `URL` (such as http://127.0.0.1:8080) instead of one started in-process")
	clients := fs.Int("c", 64, "`N` concurrent clients")
	requests := fs.Int("n", 2000, "`N` requests in all, 503s included")
	duration := fs.Duration("d", 0, "run this long instead of -n requests (with -n given too, whichever ends first)")
	pool := fs.Int("j", runtime.GOMAXPROCS(0), "in-process server: `N` sandbox instances")
	queue := fs.Int("queue", 2*runtime.GOMAXPROCS(0), "in-process server: `N` requests that may wait for an instance (past -j plus -queue, 503)")
	timeout := fs.Duration("timeout", 30*time.Second, "time limit of one request, answer read; past it, the request failed")
	backoff := fs.Duration("backoff", 50*time.Millisecond, "after a 503, wait a random time between a fifth of this and this (0: go on at once)")
	seed := fs.Uint64("seed", 1, "seed of the back-off jitter")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	switch {
	case *clients < 1:
		return usageError(stderr, "-c %d: want 1 or more", *clients)
	case *requests < 1:
		return usageError(stderr, "-n %d: want 1 or more", *requests)
	case *duration < 0 || *timeout <= 0 || *backoff < 0:
		return usageError(stderr, "-d, -timeout and -backoff cannot be negative, and -timeout cannot be 0")
	case *addr != "" && (set["j"] || set["queue"]):
		return usageError(stderr, "-j and -queue size the in-process server: with -addr, the server is sized already")
	}
	cfg := loadConfig{
		clients:  *clients,
		requests: *requests,
		duration: *duration,
		timeout:  *timeout,
		backoff:  *backoff,
		seed:     *seed,
	}
	if *duration > 0 && !set["n"] {
		cfg.requests = 0
	}
	inputs := fs.Args()
	if len(inputs) == 0 {
		if _, err := os.Stat(loadCorpus); err != nil {
			return usageError(stderr, "no inputs given, and the default %s is not here: run from the repository's root, or name FILES or DIRS", loadCorpus)
		}
		inputs = []string{loadCorpus}
	}
	pages, err := loadPages(inputs)
	if err != nil {
		return usageError(stderr, "%v", err)
	}
	cfg.pages = pages

	var srv *loadServer
	if *addr != "" {
		u, err := url.Parse(*addr)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return usageError(stderr, "-addr %q: want a base URL such as http://127.0.0.1:8080", *addr)
		}
		cfg.base = strings.TrimSuffix(*addr, "/")
	} else {
		sc := defaultServerConfig()
		sc.Pool, sc.Queue = *pool, *queue
		if err := sc.check(); err != nil {
			return usageError(stderr, "%v", err)
		}
		srv, err = startLoadServer(ctx, base, sc)
		if err != nil {
			fmt.Fprintf(stderr, "nazif load: starting the server: %v\n", err)
			return 1
		}
		cfg.base = srv.base
	}

	rep := runLoadTest(ctx, cfg)
	if srv != nil {
		rep.InProcess, rep.Pool, rep.Queue = true, srv.cfg.Pool, srv.cfg.Queue
		if err := srv.stop(); err != nil {
			rep.addFailure("server shutdown: " + err.Error())
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		enc.Encode(rep)
	} else {
		rep.write(stdout)
	}
	if rep.Failures > 0 {
		return 1
	}
	return 0
}

// loadPage is one input, read once and sent many times.
type loadPage struct {
	name string
	body []byte
}

// loadPages reads the inputs as nazif clean finds them: files, and the
// pages under directories. Stdin and URLs are refused: a page is sent
// many times, so it must be at hand.
func loadPages(args []string) ([]loadPage, error) {
	for _, arg := range args {
		if arg == "-" || isURL(arg) {
			return nil, fmt.Errorf("%s: nazif load takes files and directories", arg)
		}
	}
	inputs, err := expandInputs(args)
	if err != nil {
		return nil, err
	}
	pages := make([]loadPage, 0, len(inputs))
	for _, in := range inputs {
		if in.err != nil {
			return nil, fmt.Errorf("%s: %s", in.name, in.err.Message)
		}
		b, cerr := readFileCapped(in.name, host.DefaultMaxInputBytes)
		if cerr != nil {
			return nil, fmt.Errorf("%s: %s", in.name, cerr.Message)
		}
		pages = append(pages, loadPage{name: in.name, body: b})
	}
	return pages, nil
}

// loadServer is the server of an in-process run.
type loadServer struct {
	base string
	cfg  serverConfig
	stop func() error // shuts the server down, then closes its Cleaner
}

// startLoadServer starts the real server as runServe does, on a free
// loopback port, and returns once it accepts connections.
func startLoadServer(ctx context.Context, base host.Config, cfg serverConfig) (*loadServer, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	c, err := host.New(ctx, base.WithPoolSize(cfg.Pool).WithMaxInputBytes(int(cfg.MaxBody)))
	if err != nil {
		ln.Close()
		return nil, err
	}
	s := newServer(c, cfg)
	sctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	done := make(chan error, 1)
	go func() { done <- s.serve(sctx, ln) }()
	return &loadServer{
		base: "http://" + ln.Addr().String(),
		cfg:  cfg,
		stop: func() error {
			cancel()
			err := <-done
			c.Close(context.Background())
			return err
		},
	}, nil
}

// loadConfig is one run's settings.
type loadConfig struct {
	base     string // the server's base URL, without a trailing slash
	pages    []loadPage
	clients  int
	requests int           // in all; 0 when duration alone ends the run
	duration time.Duration // when > 0, no request starts after it
	timeout  time.Duration // one request, answer read
	backoff  time.Duration // after a 503, wait in [backoff/5, backoff]
	seed     uint64
	// answered, when set, sees every answer's page index, status and body:
	// tests check the bodies with it. It is called from every client.
	answered func(page, status int, body []byte)
}

// loadReport is what a run measured. Latencies are in milliseconds, memory
// in bytes.
type loadReport struct {
	Target    string  `json:"target"`
	InProcess bool    `json:"in_process"`
	Pool      int     `json:"pool,omitempty"`  // in-process: -j
	Queue     int     `json:"queue,omitempty"` // in-process: -queue
	Clients   int     `json:"clients"`
	Pages     int     `json:"pages"`
	Seconds   float64 `json:"seconds"`

	Requests   int `json:"requests"`   // answered or failed
	OK         int `json:"ok"`         // 200
	Overloaded int `json:"overloaded"` // 503, the designed refusal
	// OtherStatus counts the answers neither 200 nor 503, by status.
	OtherStatus     map[int]int `json:"other_status,omitempty"`
	TransportErrors int         `json:"transport_errors"` // no answer, or one cut off
	// BadBodies are 200s whose body is not an Article, or differs from
	// the first 200 for the same page.
	BadBodies int `json:"bad_bodies"`
	// Failures is TransportErrors + BadBodies + the OtherStatus answers.
	Failures     int      `json:"failures"`
	FailureNotes []string `json:"failure_notes,omitempty"` // the first few, for a diagnosis
	// UntitledPages counts the pages whose article has no title: not a
	// failure, but a sign that the inputs are not articles.
	UntitledPages int `json:"untitled_pages"`

	RequestsPerSec float64 `json:"requests_per_sec"`
	PagesPerSec    float64 `json:"pages_per_sec"` // 200s per second

	LatencyOK  latencySummary `json:"latency_ok"`  // 200s
	LatencyAll latencySummary `json:"latency_all"` // every answer, 503s included

	// PeakRSS is this process's peak resident set (VmHWM): since the run
	// began when PeakRSSSince says "run", since the process began when
	// "process"; without /proc, it is the peak of runtime MemStats.Sys,
	// sampled, and PeakRSSSince says "sys".
	PeakRSS      uint64 `json:"peak_rss_bytes"`
	PeakRSSSince string `json:"peak_rss_since"`
	// PeakHeapInuse is the peak of runtime MemStats.HeapInuse, sampled
	// every 50 ms: with the server in-process, its request buffers and
	// its instances' linear memories are in it.
	PeakHeapInuse uint64 `json:"peak_heap_inuse_bytes"`

	// Server holds the server's /metrics counters (the *_total series) that
	// moved during the run, by series; absent when /metrics did not answer.
	Server map[string]float64 `json:"server,omitempty"`
}

// latencySummary is the nearest-rank percentiles of a set of latencies,
// in milliseconds.
type latencySummary struct {
	Count int     `json:"count"`
	P50   float64 `json:"p50_ms"`
	P90   float64 `json:"p90_ms"`
	P99   float64 `json:"p99_ms"`
	Max   float64 `json:"max_ms"`
}

// summarize sorts lat and summarizes it.
func summarize(lat []time.Duration) latencySummary {
	slices.Sort(lat)
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	s := latencySummary{
		Count: len(lat),
		P50:   ms(percentile(lat, 50)),
		P90:   ms(percentile(lat, 90)),
		P99:   ms(percentile(lat, 99)),
	}
	if len(lat) > 0 {
		s.Max = ms(lat[len(lat)-1])
	}
	return s
}

// percentile is the nearest-rank p-th percentile of sorted: its
// ⌈p/100 × n⌉-th smallest value, the smallest with at least p% of the values
// at or below it. It is 0 for no values. The rank is computed in integers,
// so that no rounding moves it.
func percentile(sorted []time.Duration, p int) time.Duration {
	n := len(sorted)
	if n == 0 {
		return 0
	}
	rank := (p*n + 99) / 100
	return sorted[min(max(rank, 1), n)-1]
}

// maxFailureNotes is how many failures a report describes.
const maxFailureNotes = 10

// addFailure counts one failure, whose kind the caller counts, and keeps
// its note when there is room.
func (r *loadReport) addFailure(note string) {
	r.Failures++
	if len(r.FailureNotes) < maxFailureNotes {
		r.FailureNotes = append(r.FailureNotes, note)
	}
}

// loadClient is one client's tally, merged into the report at the end.
type loadClient struct {
	ok, overloaded int
	other          map[int]int
	latOK, latAll  []time.Duration
	failures       []loadFailure
}

type loadFailure struct {
	kind string // "transport", "status" or "body"
	note string
}

// pageAnswers keeps the first good answer of each page: every later 200
// for the page must be the same bytes, as cleaning is deterministic.
type pageAnswers struct {
	mu       sync.Mutex
	first    [][]byte
	untitled int
}

// check tells whether body is a good answer for page.
func (p *pageAnswers) check(page int, body []byte) error {
	p.mu.Lock()
	first := p.first[page]
	p.mu.Unlock()
	if first != nil {
		if !bytes.Equal(body, first) {
			return fmt.Errorf("a 200 of %d bytes differs from the page's first one (%d bytes)", len(body), len(first))
		}
		return nil
	}
	var a nazif.Article
	if err := json.Unmarshal(body, &a); err != nil {
		return fmt.Errorf("a 200 that is not an Article: %v: %.100q", err, body)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.first[page] == nil {
		p.first[page] = body
		if a.Title == "" {
			p.untitled++
		}
	} else if !bytes.Equal(body, p.first[page]) {
		return fmt.Errorf("a 200 of %d bytes differs from the page's first one (%d bytes)", len(body), len(p.first[page]))
	}
	return nil
}

// runLoadTest runs the load and reports. No request starts once ctx is
// done; those in flight finish.
func runLoadTest(ctx context.Context, cfg loadConfig) *loadReport {
	rep := &loadReport{Target: cfg.base, Clients: cfg.clients, Pages: len(cfg.pages), OtherStatus: map[int]int{}}
	tr := &http.Transport{
		MaxIdleConns:        cfg.clients,
		MaxIdleConnsPerHost: cfg.clients,
		IdleConnTimeout:     90 * time.Second,
		DisableCompression:  true,
	}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: cfg.timeout}
	before, _ := scrapeMetrics(client, cfg.base)

	var issued atomic.Int64
	next := func() (int, bool) {
		if ctx.Err() != nil {
			return 0, false
		}
		i := issued.Add(1) - 1
		if cfg.requests > 0 && i >= int64(cfg.requests) {
			return 0, false
		}
		return int(i), true
	}
	answers := &pageAnswers{first: make([][]byte, len(cfg.pages))}

	rssSince := resetPeakRSS()
	mem := startMemSampler()
	start := time.Now()
	if cfg.duration > 0 {
		// Timed from start, as Seconds is: no request starts after it,
		// so the run lasts at least the duration.
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, start.Add(cfg.duration))
		defer cancel()
	}
	tallies := make([]*loadClient, cfg.clients)
	var wg sync.WaitGroup
	for c := range tallies {
		t := &loadClient{other: map[int]int{}}
		tallies[c] = t
		rng := rand.New(rand.NewPCG(cfg.seed, uint64(c)))
		wg.Go(func() {
			for {
				i, ok := next()
				if !ok {
					return
				}
				page := i % len(cfg.pages)
				status := t.do(client, cfg, page, answers)
				if status == http.StatusServiceUnavailable && cfg.backoff > 0 {
					lo := int64(cfg.backoff / 5)
					wait := time.Duration(lo + rng.Int64N(int64(cfg.backoff)-lo+1))
					select {
					case <-time.After(wait):
					case <-ctx.Done():
						return
					}
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	peakHeap, peakSys := mem.stop()

	var latOK, latAll []time.Duration
	for _, t := range tallies {
		rep.OK += t.ok
		rep.Overloaded += t.overloaded
		for status, n := range t.other {
			rep.OtherStatus[status] += n
		}
		latOK = append(latOK, t.latOK...)
		latAll = append(latAll, t.latAll...)
		for _, f := range t.failures {
			switch f.kind {
			case "transport":
				rep.TransportErrors++
			case "body":
				rep.BadBodies++
			} // a status is counted in OtherStatus
			rep.addFailure(f.note)
		}
	}
	rep.Requests = rep.OK + rep.Overloaded + rep.TransportErrors
	for _, n := range rep.OtherStatus {
		rep.Requests += n
	}
	rep.UntitledPages = answers.untitled
	rep.Seconds = elapsed.Seconds()
	if s := elapsed.Seconds(); s > 0 {
		rep.RequestsPerSec = float64(rep.Requests) / s
		rep.PagesPerSec = float64(rep.OK) / s
	}
	rep.LatencyOK = summarize(latOK)
	rep.LatencyAll = summarize(latAll)
	rep.PeakHeapInuse = peakHeap
	if hwm, ok := procStatusBytes("VmHWM"); ok {
		rep.PeakRSS, rep.PeakRSSSince = hwm, rssSince
	} else {
		rep.PeakRSS, rep.PeakRSSSince = peakSys, "sys"
	}
	if after, err := settledMetrics(client, cfg.base, before, rep.Requests-rep.TransportErrors); err == nil {
		rep.Server = map[string]float64{}
		for series, v := range after {
			name, _, _ := strings.Cut(series, "{")
			if d := v - before[series]; strings.HasSuffix(name, "_total") && d != 0 {
				rep.Server[series] = d
			}
		}
	}
	return rep
}

// do sends one page and reads its answer whole, and tallies it. It
// returns the status, or 0 for a transport error.
func (t *loadClient) do(client *http.Client, cfg loadConfig, page int, answers *pageAnswers) int {
	p := cfg.pages[page]
	start := time.Now()
	req, err := http.NewRequest(http.MethodPost, cfg.base+"/v1/clean", bytes.NewReader(p.body))
	if err != nil {
		t.failures = append(t.failures, loadFailure{"transport", err.Error()})
		return 0
	}
	resp, err := client.Do(req)
	if err != nil {
		t.failures = append(t.failures, loadFailure{"transport", fmt.Sprintf("%s: %v", p.name, err)})
		return 0
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	lat := time.Since(start)
	if err != nil {
		t.failures = append(t.failures, loadFailure{"transport", fmt.Sprintf("%s: status %d, reading the answer: %v", p.name, resp.StatusCode, err)})
		return 0
	}
	t.latAll = append(t.latAll, lat)
	if cfg.answered != nil {
		cfg.answered(page, resp.StatusCode, body)
	}
	switch resp.StatusCode {
	case http.StatusOK:
		t.ok++
		t.latOK = append(t.latOK, lat)
		if err := answers.check(page, body); err != nil {
			t.failures = append(t.failures, loadFailure{"body", fmt.Sprintf("%s: %v", p.name, err)})
		}
	case http.StatusServiceUnavailable:
		t.overloaded++
	default:
		t.other[resp.StatusCode]++
		t.failures = append(t.failures, loadFailure{"status", fmt.Sprintf("%s: status %d: %.200s", p.name, resp.StatusCode, bytes.TrimSpace(body))})
	}
	return resp.StatusCode
}

// memSampler samples the Go heap in use, and the memory the runtime holds
// from the system, every loadSampleEvery.
type memSampler struct {
	done          chan struct{}
	finished      chan struct{}
	peakHeap, sys uint64
}

func startMemSampler() *memSampler {
	m := &memSampler{done: make(chan struct{}), finished: make(chan struct{})}
	m.sample()
	go func() {
		defer close(m.finished)
		tick := time.NewTicker(loadSampleEvery)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				m.sample()
			case <-m.done:
				return
			}
		}
	}()
	return m
}

func (m *memSampler) sample() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m.peakHeap = max(m.peakHeap, ms.HeapInuse)
	m.sys = max(m.sys, ms.Sys)
}

// stop ends the sampling, with a last sample, and returns the peaks.
func (m *memSampler) stop() (peakHeap, peakSys uint64) {
	close(m.done)
	<-m.finished
	m.sample()
	return m.peakHeap, m.sys
}

// resetPeakRSS resets the kernel's peak resident set of this process to
// its current size (Linux: 5 into /proc/self/clear_refs), so that VmHWM
// covers the run only. It says what VmHWM will cover: "run" or "process".
func resetPeakRSS() string {
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		return "process"
	}
	return "run"
}

// procStatusBytes reads a "kB" field of /proc/self/status, in bytes.
func procStatusBytes(field string) (uint64, bool) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for line := range strings.Lines(string(b)) {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			f := strings.Fields(rest)
			if len(f) == 2 && f[1] == "kB" {
				if n, err := strconv.ParseUint(f[0], 10, 64); err == nil {
					return n << 10, true
				}
			}
		}
	}
	return 0, false
}

// settledMetrics scrapes /metrics until the server has counted the
// answered requests, for at most a second: the server counts a request
// after its answer is written, so a client can read the answer before
// the count moves.
func settledMetrics(client *http.Client, base string, before map[string]float64, answered int) (map[string]float64, error) {
	deadline := time.Now().Add(time.Second)
	for {
		after, err := scrapeMetrics(client, base)
		if err != nil {
			return nil, err
		}
		counted := 0.0
		for series, v := range after {
			if strings.HasPrefix(series, "nazif_requests_total{") {
				counted += v - before[series]
			}
		}
		if counted >= float64(answered) || time.Now().After(deadline) {
			return after, nil
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// scrapeMetrics reads the server's /metrics samples, by series.
func scrapeMetrics(client *http.Client, base string) (map[string]float64, error) {
	resp, err := client.Get(base + "/metrics")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET /metrics: %s", resp.Status)
	}
	samples := map[string]float64{}
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		if i < 0 {
			continue
		}
		if v, err := strconv.ParseFloat(line[i+1:], 64); err == nil {
			samples[line[:i]] = v
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(samples) == 0 {
		return nil, errors.New("GET /metrics: no samples")
	}
	return samples, nil
}

// write prints the report for people.
func (r *loadReport) write(w io.Writer) {
	where := "at " + r.Target
	if r.InProcess {
		where = fmt.Sprintf("in-process at %s, -j %d -queue %d", r.Target, r.Pool, r.Queue)
	}
	pages := "pages"
	if r.Pages == 1 {
		pages = "page"
	}
	fmt.Fprintf(w, "nazif load: %d requests from %d clients over %d %s in %.2fs (server %s)\n",
		r.Requests, r.Clients, r.Pages, pages, r.Seconds, where)
	other := 0
	for _, n := range r.OtherStatus {
		other += n
	}
	fmt.Fprintf(w, "  status:     200: %d   503: %d   other: %d", r.OK, r.Overloaded, other)
	for _, s := range slices.Sorted(maps.Keys(r.OtherStatus)) {
		fmt.Fprintf(w, " [%d: %d]", s, r.OtherStatus[s])
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "  failures:   %d (transport errors %d, bad bodies %d, other statuses %d)\n",
		r.Failures, r.TransportErrors, r.BadBodies, other)
	fmt.Fprintf(w, "  throughput: %.1f requests/s, %.1f pages/s cleaned (200)\n", r.RequestsPerSec, r.PagesPerSec)
	for _, l := range []struct {
		name string
		s    latencySummary
	}{{"latency 200", r.LatencyOK}, {"latency all", r.LatencyAll}} {
		fmt.Fprintf(w, "  %s: p50 %.1fms  p90 %.1fms  p99 %.1fms  max %.1fms  (%d answers)\n",
			l.name, l.s.P50, l.s.P90, l.s.P99, l.s.Max, l.s.Count)
	}
	since := map[string]string{"run": "VmHWM over the run", "process": "VmHWM since the process began", "sys": "runtime Sys, sampled"}[r.PeakRSSSince]
	whose := "server and clients"
	if !r.InProcess {
		whose = "the clients alone"
	}
	fmt.Fprintf(w, "  memory:     peak RSS %.1f MiB (%s), peak Go heap in use %.1f MiB (sampled every %v), of %s\n",
		float64(r.PeakRSS)/(1<<20), since, float64(r.PeakHeapInuse)/(1<<20), loadSampleEvery, whose)
	if r.UntitledPages > 0 {
		fmt.Fprintf(w, "  note:       %d of %d pages came back without a title\n", r.UntitledPages, r.Pages)
	}
	if len(r.Server) > 0 {
		fmt.Fprintln(w, "  server /metrics, change over the run:")
		for _, series := range slices.Sorted(maps.Keys(r.Server)) {
			fmt.Fprintf(w, "    %s %s\n", series, strconv.FormatFloat(r.Server[series], 'f', -1, 64))
		}
	}
	for _, note := range r.FailureNotes {
		fmt.Fprintf(w, "  failed: %s\n", note)
	}
	if r.Failures > len(r.FailureNotes) {
		fmt.Fprintf(w, "  failed: ... and %d more\n", r.Failures-len(r.FailureNotes))
	}
}
