package main

// metrics.go writes GET /metrics in the Prometheus text format (0.0.4), by
// hand: a dozen series do not warrant a client library.

import (
	"fmt"
	"io"
	"maps"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nazif/nazif/host"
)

// metrics are the server's own counters; the Cleaner keeps the rest in
// its Stats. They cover POST /v1/clean only: health checks and scrapes
// would drown the traffic that matters.
type metrics struct {
	bytesIn atomic.Uint64

	mu       sync.Mutex
	requests map[int]uint64 // by HTTP status
	buckets  []uint64       // per durationBuckets bound, not cumulative; the last is +Inf
	count    uint64
	sum      float64 // seconds
}

// durationBuckets are the histogram's upper bounds, in seconds: from a
// small page on a warm instance to the default -timeout.
var durationBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

func newMetrics() *metrics {
	return &metrics{requests: map[int]uint64{}, buckets: make([]uint64, len(durationBuckets)+1)}
}

// observe counts one answered request.
func (m *metrics) observe(status int, d time.Duration) {
	sec := d.Seconds()
	i, _ := slices.BinarySearch(durationBuckets, sec)
	m.mu.Lock()
	m.requests[status]++
	m.buckets[i]++
	m.count++
	m.sum += sec
	m.mu.Unlock()
}

// metricCodes is the order of nazif_clean_errors_total: every code, so that
// each series exists from the start, as rate() wants.
var metricCodes = []host.Code{
	host.CodeInputTooLarge, host.CodeEmpty, host.CodeNotText, host.CodeTimeout,
	host.CodeMemoryLimit, host.CodeBadOptions, host.CodeTrap, host.CodeClosed,
}

// writeMetrics writes every series, always in the same order.
func (s *server) writeMetrics(w io.Writer) {
	st := s.cleaner.Stats()
	inFlight := len(s.admit)

	s.metrics.mu.Lock()
	requests := maps.Clone(s.metrics.requests)
	buckets := slices.Clone(s.metrics.buckets)
	count, sum := s.metrics.count, s.metrics.sum
	s.metrics.mu.Unlock()

	metricFamily(w, "nazif_build_info", "gauge", "Always 1: the labels name the build, as X-Nazif-Version does, with nazif.wasm's whole SHA-256 and the Go that built the server.")
	fmt.Fprintf(w, "nazif_build_info{version=\"%s\",wasm_sha256=\"%s\",go_version=\"%s\"} 1\n",
		labelEscaper.Replace(buildVersion()), wasmSHA256(), labelEscaper.Replace(runtime.Version()))
	metricFamily(w, "nazif_requests_total", "counter", "Requests to /v1/clean, by HTTP status (499: the client left first).")
	for _, code := range slices.Sorted(maps.Keys(requests)) {
		fmt.Fprintf(w, "nazif_requests_total{code=\"%d\"} %d\n", code, requests[code])
	}
	metricFamily(w, "nazif_request_duration_seconds", "histogram", "Time to answer a request to /v1/clean.")
	var cum uint64
	for i, n := range buckets {
		cum += n
		le := "+Inf"
		if i < len(durationBuckets) {
			le = strconv.FormatFloat(durationBuckets[i], 'g', -1, 64)
		}
		fmt.Fprintf(w, "nazif_request_duration_seconds_bucket{le=%q} %d\n", le, cum)
	}
	fmt.Fprintf(w, "nazif_request_duration_seconds_sum %s\n", strconv.FormatFloat(sum, 'g', -1, 64))
	fmt.Fprintf(w, "nazif_request_duration_seconds_count %d\n", count)
	metricFamily(w, "nazif_bytes_in_total", "counter", "Page bytes read from request bodies.")
	fmt.Fprintf(w, "nazif_bytes_in_total %d\n", s.metrics.bytesIn.Load())
	metricFamily(w, "nazif_in_flight", "gauge", "Requests admitted past the queue: cleaning, or waiting to.")
	fmt.Fprintf(w, "nazif_in_flight %d\n", inFlight)
	metricFamily(w, "nazif_queue_length", "gauge", "Admitted requests not running in an instance: reading their body or waiting for an instance.")
	fmt.Fprintf(w, "nazif_queue_length %d\n", max(inFlight-st.Busy, 0))

	metricFamily(w, "nazif_clean_calls_total", "counter", "Clean calls that finished, failed or not.")
	fmt.Fprintf(w, "nazif_clean_calls_total %d\n", st.Calls)
	metricFamily(w, "nazif_clean_errors_total", "counter", "Failed clean calls, by error code.")
	codes := slices.Clone(metricCodes)
	for _, c := range slices.Sorted(maps.Keys(st.Errors)) {
		if !slices.Contains(codes, c) {
			codes = append(codes, c)
		}
	}
	for _, c := range codes {
		fmt.Fprintf(w, "nazif_clean_errors_total{code=\"%s\"} %d\n", labelEscaper.Replace(string(c)), st.Errors[c])
	}
	metricFamily(w, "nazif_instances_started_total", "counter", "Sandbox instances started.")
	fmt.Fprintf(w, "nazif_instances_started_total %d\n", st.Instances)
	metricFamily(w, "nazif_instances_discarded_total", "counter", "Instances thrown away: traps, timeouts and recycling.")
	fmt.Fprintf(w, "nazif_instances_discarded_total %d\n", st.Discarded)
	metricFamily(w, "nazif_instances_recycled_total", "counter", "Of the discarded instances, those recycled for their memory.")
	fmt.Fprintf(w, "nazif_instances_recycled_total %d\n", st.Recycled)
	metricFamily(w, "nazif_instance_memory_peak_bytes", "gauge", "The largest linear memory any instance has reached, under the cap.")
	fmt.Fprintf(w, "nazif_instance_memory_peak_bytes %d\n", st.PeakMemory)
}

// metricFamily writes the # HELP and # TYPE lines of a metric.
func metricFamily(w io.Writer, name, typ, help string) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, typ)
}

// labelEscaper escapes a label value as the text format wants, which
// differs from Go's %q for anything beyond ASCII.
var labelEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
