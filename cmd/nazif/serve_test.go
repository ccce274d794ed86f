package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"net/url"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/nazif/nazif/host"
	"github.com/nazif/nazif/wasm/module"
	"github.com/nazif/nazif/wasm/nazif"
)

const (
	serveCorpusPage = "../../testdata/corpus/youm7-2020-08-24.html"
	serveCorpusTrue = "../../testdata/corpus/youm7-2020-08-24.truth.json"
	servePNG        = "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
	// serveWeather is a dump with a relative date, which Options.Now resolves.
	serveWeather = "خبر عاجل عن الطقس\n\nمنذ ساعتين\n\n" +
		"توقعت هيئة الأرصاد الجوية أن تشهد البلاد موجة حارة خلال الأيام المقبلة، مع ارتفاع درجات الحرارة إلى مستويات قياسية في المناطق الداخلية.\n" +
		"ودعت الهيئة المواطنين إلى تجنب التعرض المباشر لأشعة الشمس في ساعات الذروة، وإلى شرب كميات كافية من المياه طوال اليوم.\n"
)

func serveCleaner(t testing.TB) *host.Cleaner {
	c, err := sharedCleaner()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// startTestServer runs a server on the shared Cleaner, with the defaults as
// changed by edit, and returns it and its base URL.
func startTestServer(t *testing.T, edit func(*serverConfig)) (*server, string) {
	t.Helper()
	s := newTestServer(t, edit)
	return s, startTestServerOf(t, s)
}

// newTestServer is startTestServer's server, not yet serving, so that the
// test may set what newServer leaves out (its logs).
func newTestServer(t *testing.T, edit func(*serverConfig)) *server {
	t.Helper()
	cfg := defaultServerConfig()
	cfg.Pool, cfg.Queue = 2, 8
	if edit != nil {
		edit(&cfg)
	}
	return newServer(serveCleaner(t), cfg)
}

// startTestServerOf serves s until the test ends, and returns its base URL.
func startTestServerOf(t *testing.T, s *server) string {
	ts := httptest.NewServer(s.handler())
	t.Cleanup(ts.Close)
	return ts.URL
}

// servePost sends body to base+path with the given headers; it returns the
// response, whose body is read into the returned bytes.
func servePost(t *testing.T, base, path string, body io.Reader, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, base+path, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	return serveDo(t, req)
}

func serveDo(t *testing.T, req *http.Request) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

func serveArticle(t *testing.T, b []byte) nazif.Article {
	t.Helper()
	var a nazif.Article
	if err := json.Unmarshal(b, &a); err != nil {
		t.Fatalf("not an Article: %v: %.300s", err, b)
	}
	return a
}

// TestServeCorpusPage: a page comes back as the Cleaner's JSON, byte for
// byte, with the expected title.
func TestServeCorpusPage(t *testing.T) {
	_, base := startTestServer(t, nil)
	page := readFile(t, serveCorpusPage)
	var truth struct{ URL, Title string }
	if err := json.Unmarshal(readFile(t, serveCorpusTrue), &truth); err != nil {
		t.Fatal(err)
	}
	resp, got := servePost(t, base, "/v1/clean?url="+url.QueryEscape(truth.URL), bytes.NewReader(page), nil)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Fatalf("status %d, Content-Type %q: %.300s", resp.StatusCode, resp.Header.Get("Content-Type"), got)
	}
	want, err := serveCleaner(t).CleanJSON(context.Background(), page, nazif.Options{URL: truth.URL})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the answer differs from CleanJSON:\n got %.300s\nwant %.300s", got, want)
	}
	if a := serveArticle(t, got); a.Title != truth.Title {
		t.Errorf("title %q; want %q", a.Title, truth.Title)
	}
}

// TestServeOptions: each option works as a query parameter and as a
// header, and the query parameter wins over the header.
func TestServeOptions(t *testing.T) {
	_, base := startTestServer(t, nil)
	page := readFile(t, serveCorpusPage)
	for _, c := range []struct {
		name   string
		path   string
		header map[string]string
		input  string
		check  func(a nazif.Article) bool
	}{
		{"no options", "", nil, string(page), func(a nazif.Article) bool {
			return a.HTML == "" && a.Markdown == "" && a.Removed == nil
		}},
		{"html query", "?html=1", nil, string(page), func(a nazif.Article) bool {
			return strings.HasPrefix(a.HTML, "<article")
		}},
		{"html header", "", map[string]string{"X-Nazif-HTML": "true"}, string(page), func(a nazif.Article) bool {
			return strings.HasPrefix(a.HTML, "<article")
		}},
		{"html query false beats header", "?html=0", map[string]string{"X-Nazif-HTML": "1"}, string(page), func(a nazif.Article) bool {
			return a.HTML == ""
		}},
		{"markdown header", "", map[string]string{"X-Nazif-Markdown": "1"}, string(page), func(a nazif.Article) bool {
			return strings.HasPrefix(a.Markdown, "# ")
		}},
		{"explain query", "?explain=true", nil, string(page), func(a nazif.Article) bool {
			return len(a.Removed) > 0
		}},
		{"now query", "?now=2024-07-01T12:00:00Z", nil, serveWeather, func(a nazif.Article) bool {
			return a.Published == "2024-07-01T10:00"
		}},
		{"now header", "", map[string]string{"X-Nazif-Now": "2024-07-01T12:00:00Z"}, serveWeather, func(a nazif.Article) bool {
			return a.Published == "2024-07-01T10:00"
		}},
		{"now query beats header", "?now=2024-07-01T12:00:00Z", map[string]string{"X-Nazif-Now": "2019-01-01T00:00:00Z"}, serveWeather, func(a nazif.Article) bool {
			return a.Published == "2024-07-01T10:00"
		}},
		{"url header", "", map[string]string{"X-Nazif-URL": "https://example.com/news/1"}, serveWeather, func(a nazif.Article) bool {
			return a.URL == "https://example.com/news/1"
		}},
		{"url query beats header", "?url=https%3A%2F%2Fexample.com%2Fnews%2F2", map[string]string{"X-Nazif-URL": "https://example.com/news/1"}, serveWeather, func(a nazif.Article) bool {
			return a.URL == "https://example.com/news/2"
		}},
	} {
		resp, body := servePost(t, base, "/v1/clean"+c.path, strings.NewReader(c.input), c.header)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d: %s", c.name, resp.StatusCode, body)
			continue
		}
		if a := serveArticle(t, body); !c.check(a) {
			t.Errorf("%s: unexpected article: %.400s", c.name, body)
		}
	}
}

// TestServeCharset: the charset hint reaches the cleaner from the
// Content-Type, and ?charset= wins over it. The page is windows-1256 but
// declares windows-1252: without the hint, the declaration is overruled
// with a warning; with it, the hint is used as is.
func TestServeCharset(t *testing.T) {
	_, base := startTestServer(t, nil)
	const title = "وزير الري يشهد توقيع عقد دراسة"
	html := `<html><head><meta charset="windows-1252"><title>` + title + `</title></head><body><article><h1>` + title + `</h1><p>` +
		strings.Repeat("توقعت هيئة الأرصاد الجوية أن تشهد البلاد موجة حارة خلال الأيام المقبلة. ", 4) + `</p></article></body></html>`
	page, err := charmap.Windows1256.NewEncoder().Bytes([]byte(html))
	if err != nil {
		t.Fatal(err)
	}
	overruled := func(a nazif.Article) bool {
		for _, w := range a.Warnings {
			if strings.Contains(w, "ignored") {
				return true
			}
		}
		return false
	}
	for _, c := range []struct {
		name, path, contentType string
		overruled               bool
	}{
		{"no hint", "", "text/html", true},
		{"Content-Type", "", "text/html; charset=windows-1256", false},
		{"query beats Content-Type", "?charset=windows-1256", "text/html; charset=utf-8", false},
		{"a wrong hint is overruled too", "", "text/html; charset=utf-8", true},
	} {
		resp, body := servePost(t, base, "/v1/clean"+c.path, bytes.NewReader(page), map[string]string{"Content-Type": c.contentType})
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d: %s", c.name, resp.StatusCode, body)
			continue
		}
		a := serveArticle(t, body)
		if a.Title != title || overruled(a) != c.overruled {
			t.Errorf("%s: title %q, warnings %q; want the title, and a declaration overruled: %v", c.name, a.Title, a.Warnings, c.overruled)
		}
	}
}

// TestServeErrors: every failure has its status and error code.
func TestServeErrors(t *testing.T) {
	_, base := startTestServer(t, func(cfg *serverConfig) { cfg.MaxBody = 1000 })
	big := bytes.Repeat([]byte("<p>نص</p>"), 1000)
	for _, c := range []struct {
		name, method, path string
		header             map[string]string
		body               io.Reader
		status             int
		code, allow        string
	}{
		{"too large, by Content-Length", "POST", "/v1/clean", nil, bytes.NewReader(big), 413, "too_large", ""},
		// A reader of unknown length makes the request chunked, so the
		// limit is found while reading.
		{"too large, while reading", "POST", "/v1/clean", nil, io.MultiReader(bytes.NewReader(big)), 413, "too_large", ""},
		{"not text", "POST", "/v1/clean", nil, strings.NewReader(servePNG), 422, "not_text", ""},
		{"empty", "POST", "/v1/clean", nil, strings.NewReader(" \n"), 422, "empty", ""},
		{"bad now", "POST", "/v1/clean?now=yesterday", nil, strings.NewReader(serveWeather), 400, "bad_request", ""},
		{"bad now header", "POST", "/v1/clean", map[string]string{"X-Nazif-Now": "2024-07-01"}, strings.NewReader(serveWeather), 400, "bad_request", ""},
		{"bad boolean", "POST", "/v1/clean?html=yes", nil, strings.NewReader(serveWeather), 400, "bad_request", ""},
		{"unknown parameter", "POST", "/v1/clean?htm=1", nil, strings.NewReader(serveWeather), 400, "bad_request", ""},
		{"unknown header", "POST", "/v1/clean", map[string]string{"X-Nazif-Markdwn": "1"}, strings.NewReader(serveWeather), 400, "bad_request", ""},
		{"repeated parameter", "POST", "/v1/clean?url=a&url=b", nil, strings.NewReader(serveWeather), 400, "bad_request", ""},
		{"bad Content-Type", "POST", "/v1/clean", map[string]string{"Content-Type": "text/html; charset"}, strings.NewReader(serveWeather), 400, "bad_request", ""},
		{"GET clean", "GET", "/v1/clean", nil, nil, 405, "method_not_allowed", "POST"},
		{"POST healthz", "POST", "/healthz", nil, nil, 405, "method_not_allowed", "GET, HEAD"},
		{"DELETE metrics", "DELETE", "/metrics", nil, nil, 405, "method_not_allowed", "GET, HEAD"},
		{"unknown path", "GET", "/v2/clean", nil, nil, 404, "not_found", ""},
	} {
		req, err := http.NewRequest(c.method, base+c.path, c.body)
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range c.header {
			req.Header.Set(k, v)
		}
		resp, body := serveDo(t, req)
		var e struct {
			Error struct{ Code, Message string }
		}
		if err := json.Unmarshal(body, &e); err != nil || resp.StatusCode != c.status || e.Error.Code != c.code || e.Error.Message == "" {
			t.Errorf("%s: status %d, body %s; want %d and code %q", c.name, resp.StatusCode, body, c.status, c.code)
		}
		if got := resp.Header.Get("Allow"); got != c.allow {
			t.Errorf("%s: Allow %q; want %q", c.name, got, c.allow)
		}
	}
}

// TestServeOverloaded: with every slot of pool and queue taken, a request
// is turned away at once; once a slot frees, it goes through.
func TestServeOverloaded(t *testing.T) {
	s, base := startTestServer(t, func(cfg *serverConfig) { cfg.Pool, cfg.Queue = 1, 0 })
	s.admit <- struct{}{} // what an endless request would hold
	resp, body := servePost(t, base, "/v1/clean", strings.NewReader(serveWeather), nil)
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") != "1" || !strings.Contains(string(body), `"overloaded"`) {
		t.Errorf("status %d, Retry-After %q, body %s; want 503, 1 and overloaded", resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
	<-s.admit
	if resp, body := servePost(t, base, "/v1/clean", strings.NewReader(serveWeather), nil); resp.StatusCode != http.StatusOK {
		t.Errorf("with the slot free: status %d: %s", resp.StatusCode, body)
	}
}

// TestServeTimeout: a big page against a tiny deadline gives 504.
func TestServeTimeout(t *testing.T) {
	_, base := startTestServer(t, func(cfg *serverConfig) { cfg.Timeout = time.Millisecond })
	var page strings.Builder
	page.WriteString("<html><head><title>صفحة كبيرة</title></head><body>")
	for page.Len() < 4<<20 {
		page.WriteString("<div><p>توقعت هيئة الأرصاد الجوية أن تشهد البلاد موجة حارة خلال الأيام المقبلة.</p></div>\n")
	}
	resp, body := servePost(t, base, "/v1/clean", strings.NewReader(page.String()), nil)
	if resp.StatusCode != http.StatusGatewayTimeout || !strings.Contains(string(body), `"timeout"`) {
		t.Errorf("status %d, body %s; want 504 and timeout", resp.StatusCode, body)
	}
}

func TestServeHealthz(t *testing.T) {
	_, base := startTestServer(t, nil)
	for _, method := range []string{"GET", "HEAD"} {
		req, _ := http.NewRequest(method, base+"/healthz", nil)
		resp, body := serveDo(t, req)
		want := `{"status":"ok"}` + "\n"
		if method == "HEAD" {
			want = ""
		}
		if resp.StatusCode != http.StatusOK || string(body) != want {
			t.Errorf("%s: status %d, body %q", method, resp.StatusCode, body)
		}
	}
}

// TestServeMetrics: the counters move with the requests, the gauges show
// admitted requests, and the output is well-formed text format.
func TestServeMetrics(t *testing.T) {
	s, base := startTestServer(t, nil)
	servePost(t, base, "/v1/clean", strings.NewReader(serveWeather), nil)
	servePost(t, base, "/v1/clean", strings.NewReader(servePNG), nil)
	servePost(t, base, "/v1/clean?bad=1", strings.NewReader(serveWeather), nil)
	s.admit <- struct{}{} // an admitted request that has not reached the Cleaner
	defer func() { <-s.admit }()

	scrape := func() string {
		req, _ := http.NewRequest("GET", base+"/metrics", nil)
		resp, body := serveDo(t, req)
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/plain; version=0.0.4; charset=utf-8" {
			t.Fatalf("status %d, Content-Type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		return string(body)
	}
	out := scrape()
	for _, want := range []string{
		`nazif_requests_total{code="200"} 1`,
		`nazif_requests_total{code="400"} 1`,
		`nazif_requests_total{code="422"} 1`,
		`nazif_request_duration_seconds_bucket{le="+Inf"} 3`,
		`nazif_request_duration_seconds_count 3`,
		"nazif_bytes_in_total " + strconv.Itoa(len(serveWeather)+len(servePNG)),
		"nazif_in_flight 1",
		"nazif_queue_length 1",
		"# TYPE nazif_clean_errors_total counter",
		"# TYPE nazif_request_duration_seconds histogram",
		"# TYPE nazif_in_flight gauge",
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("metrics lack %q:\n%s", want, out)
		}
	}
	samples := parseMetrics(t, out)
	// The Cleaner is shared with other tests: its counters are at least ours.
	for name, least := range map[string]float64{
		`nazif_clean_calls_total`:                       2,
		`nazif_clean_errors_total{code="not_text"}`:     1,
		`nazif_clean_errors_total{code="memory_limit"}`: 0,
		`nazif_instances_started_total`:                 1,
		`nazif_instances_discarded_total`:               0,
		`nazif_instances_recycled_total`:                0,
		// A page has been cleaned: an instance has had memory.
		`nazif_instance_memory_peak_bytes`: 1 << 20,
	} {
		if v, ok := samples[name]; !ok || v < least {
			t.Errorf("%s = %v (present: %v); want at least %v", name, v, ok, least)
		}
	}
	if again := scrape(); again != out {
		t.Errorf("two scrapes with nothing between differ:\n%s\n---\n%s", out, again)
	}
}

// parseMetrics checks the text format as far as this server uses it, and
// returns the samples by name and labels.
func parseMetrics(t *testing.T, out string) map[string]float64 {
	t.Helper()
	typed := map[string]string{}
	samples := map[string]float64{}
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		if f, ok := strings.CutPrefix(line, "# TYPE "); ok {
			name, typ, _ := strings.Cut(f, " ")
			typed[name] = typ
			continue
		}
		if strings.HasPrefix(line, "# HELP ") {
			continue
		}
		series, value, ok := strings.Cut(line, " ")
		v, err := strconv.ParseFloat(value, 64)
		if !ok || err != nil {
			t.Errorf("bad sample line %q", line)
			continue
		}
		name, _, _ := strings.Cut(series, "{")
		family := name
		if typed[family] == "" {
			for _, suffix := range []string{"_bucket", "_sum", "_count"} {
				if f, ok := strings.CutSuffix(name, suffix); ok && typed[f] == "histogram" {
					family = f
				}
			}
		}
		if typed[family] == "" {
			t.Errorf("sample %q comes before a # TYPE line for it", line)
		}
		if _, dup := samples[series]; dup {
			t.Errorf("sample %q is repeated", series)
		}
		samples[series] = v
	}
	return samples
}

// closeSignal is a listener that tells when it is closed: Shutdown closes
// the listeners first, so then the shutdown has begun.
type closeSignal struct {
	net.Listener
	once   sync.Once
	closed chan struct{}
}

func (l *closeSignal) Close() error {
	l.once.Do(func() { close(l.closed) })
	return l.Listener.Close()
}

// TestServeShutdownDrains: a request in flight when the shutdown begins
// still gets its answer, and serve returns cleanly afterwards.
func TestServeShutdownDrains(t *testing.T) {
	s := newServer(serveCleaner(t), defaultServerConfig())
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	l := &closeSignal{Listener: ln, closed: make(chan struct{})}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	served := make(chan error, 1)
	go func() { served <- s.serve(ctx, l) }()

	// The server asks for the body (100 Continue) when the handler reads
	// it: from then on the request is in flight. The body then waits for
	// the shutdown to begin.
	body, send := io.Pipe()
	reading := make(chan struct{})
	trace := &httptrace.ClientTrace{Got100Continue: func() { close(reading) }}
	req, err := http.NewRequestWithContext(httptrace.WithClientTrace(context.Background(), trace),
		http.MethodPost, "http://"+ln.Addr().String()+"/v1/clean", body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Expect", "100-continue")
	client := &http.Client{Transport: &http.Transport{ExpectContinueTimeout: time.Minute}}
	defer client.CloseIdleConnections()
	type result struct {
		status int
		body   []byte
		err    error
	}
	answered := make(chan result, 1)
	go func() {
		resp, err := client.Do(req)
		if err != nil {
			answered <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		answered <- result{resp.StatusCode, b, err}
	}()

	within := func(ch <-chan struct{}, what string) {
		select {
		case <-ch:
		case <-time.After(30 * time.Second):
			t.Fatalf("%s never happened", what)
		}
	}
	within(reading, "the handler reading the body")
	stop()
	within(l.closed, "the shutdown")
	go func() {
		send.Write([]byte(serveWeather))
		send.Close()
	}()
	r := <-answered
	if r.err != nil || r.status != http.StatusOK {
		t.Fatalf("in-flight request: status %d, error %v, body %.200s", r.status, r.err, r.body)
	}
	if a := serveArticle(t, r.body); !strings.Contains(a.Text, "الأرصاد") {
		t.Errorf("in-flight request: text %q", a.Text)
	}
	if err := <-served; err != nil {
		t.Errorf("serve: %v", err)
	}
}

// lineWriter sends each line written to it on a channel.
type lineWriter struct {
	mu    sync.Mutex
	buf   []byte
	lines chan string
}

func (w *lineWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf = append(w.buf, p...)
	for {
		i := bytes.IndexByte(w.buf, '\n')
		if i < 0 {
			return len(p), nil
		}
		w.lines <- string(w.buf[:i])
		w.buf = w.buf[i+1:]
	}
}

// TestServeCmd runs the command itself: it prints its address, answers,
// with CORS for the origins of both -cors flags, logs each request, and
// exits 0 when its context (the signals, in serveCmd) is done.
func TestServeCmd(t *testing.T) {
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	stderr := &lineWriter{lines: make(chan string, 100)}
	exit := make(chan int, 1)
	go func() {
		exit <- runServe(ctx, []string{"-addr", "127.0.0.1:0", "-j", "1", "-queue", "2",
			"-cors", "https://a.example, HTTPS://B.example:443", "-cors", "https://c.example"}, testHostConfig(), stderr)
	}()
	var line string
	select {
	case line = <-stderr.lines:
	case code := <-exit:
		t.Fatalf("exit %d before serving", code)
	case <-time.After(60 * time.Second):
		t.Fatal("no address printed")
	}
	base, ok := strings.CutPrefix(line, "nazif: serving on ")
	if !ok {
		t.Fatalf("first line %q; want nazif: serving on http://...", line)
	}
	req, _ := http.NewRequest("GET", base+"/healthz", nil)
	if resp, body := serveDo(t, req); resp.StatusCode != http.StatusOK {
		t.Errorf("healthz: status %d: %s", resp.StatusCode, body)
	}
	resp, body := servePost(t, base, "/v1/clean?now=2024-07-01T12:00:00Z", strings.NewReader(serveWeather), nil)
	if resp.StatusCode != http.StatusOK || serveArticle(t, body).Published != "2024-07-01T10:00" {
		t.Errorf("clean: status %d: %.300s", resp.StatusCode, body)
	}
	for _, origin := range []string{"https://b.example", "https://c.example"} {
		req, _ := http.NewRequest("OPTIONS", base+"/v1/clean", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		if resp, _ := serveDo(t, req); resp.StatusCode != http.StatusNoContent || resp.Header.Get("Access-Control-Allow-Origin") != origin {
			t.Errorf("preflight from %s: status %d, Access-Control-Allow-Origin %q", origin, resp.StatusCode, resp.Header.Get("Access-Control-Allow-Origin"))
		}
	}
	stop()
	if code := <-exit; code != 0 {
		t.Errorf("exit %d after the signal; want 0", code)
	}
	// The access log, in the default format, then the shutdown.
	for _, want := range []string{
		"method=GET path=/healthz status=200 ",
		"method=POST path=/v1/clean status=200 ",
		"method=OPTIONS path=/v1/clean status=204 ",
		"method=OPTIONS path=/v1/clean status=204 ",
	} {
		if line := <-stderr.lines; !strings.HasPrefix(line, "time=") || !strings.Contains(line, " level=INFO msg=request "+want) {
			t.Errorf("access log line %q; want time=... level=INFO msg=request %s...", line, want)
		}
	}
	if line := <-stderr.lines; !strings.HasPrefix(line, "nazif: shutting down") {
		t.Errorf("after the signal: %q; want nazif: shutting down ...", line)
	}
}

// TestServeFlags: bad flags fail before anything starts.
func TestServeFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-j", "0"},
		{"-queue", "-1"},
		{"-timeout", "0s"},
		{"-max-body", "0"},
		{"-write-timeout", "15s"}, // not above read 10s + clean 10s
		{"-access-log", "xml"},
		{"-cors", "example.com"},
		{"-cors", "https://a.example,https://b.example/"},
		{"-nope"},
		{"page.html"},
	} {
		var stderr bytes.Buffer
		if code := runServe(context.Background(), args, testHostConfig(), &stderr); code != 2 || stderr.Len() == 0 {
			t.Errorf("%q: exit %d, stderr %q; want 2 and a message", args, code, stderr.String())
		}
	}
}

// syncBuffer is a bytes.Buffer that a server and a test may share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// waitLines waits until b holds n lines and returns them; it fails the
// test past a few seconds.
func waitLines(t *testing.T, b *syncBuffer, n int) []string {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
		if len(lines) >= n && lines[0] != "" || time.Now().After(deadline) {
			if len(lines) != n {
				t.Fatalf("%d lines logged; want %d:\n%s", len(lines), n, b.String())
			}
			return lines
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestServeAccessLog: a JSON record per request, with the fields that
// say what was asked and answered, and nothing else: no body, no query
// string, no header value, and the path escaped and cut short.
func TestServeAccessLog(t *testing.T) {
	s := newTestServer(t, nil)
	var log syncBuffer
	s.access = accessLogger("json", &log)
	base := startTestServerOf(t, s)

	// Every secret below comes with a request and must not be logged.
	secrets := []string{"SECRET-BODY", "query-secret", "header-secret", "2001-02-03", "cookie-secret", "agent-secret", "Bearer", "الأرصاد"}
	longPath := "/" + strings.Repeat("a", 1000)
	type want struct {
		method, path string
		status       int
	}
	var wants []want
	var sizes []int
	send := func(method, path string, body io.Reader, header map[string]string, w want) {
		req, err := http.NewRequest(method, base+path, body)
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range header {
			req.Header.Set(k, v)
		}
		resp, b := serveDo(t, req)
		if resp.StatusCode != w.status {
			t.Fatalf("%s %s: status %d; want %d: %s", method, path, resp.StatusCode, w.status, b)
		}
		wants, sizes = append(wants, w), append(sizes, len(b))
	}
	send("POST", "/v1/clean?url=https%3A%2F%2Fquery-secret.example%2Fa&now=2001-02-03T04:05:06Z",
		strings.NewReader(serveWeather+"\nSECRET-BODY\n"),
		map[string]string{"Authorization": "Bearer token", "Cookie": "s=cookie-secret", "User-Agent": "agent-secret", "X-Nazif-HTML": "1"},
		want{"POST", "/v1/clean", 200})
	send("POST", "/v1/clean", strings.NewReader(servePNG+"SECRET-BODY"),
		map[string]string{"X-Nazif-URL": "https://header-secret.example/"},
		want{"POST", "/v1/clean", 422})
	send("GET", "/healthz", nil, nil, want{"GET", "/healthz", 200})
	send("OPTIONS", "/v1/clean", nil, nil, want{"OPTIONS", "/v1/clean", 405})
	send("GET", "/v2/%0A%1B%5B31mred?query-secret", nil, nil, want{"GET", "/v2/%0A%1B%5B31mred", 404})
	send("GET", longPath, nil, nil, want{"GET", longPath[:maxLoggedPath-3] + "...", 404})

	lines := waitLines(t, &log, len(wants))
	for i, line := range lines {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Errorf("record %d is no JSON: %v: %s", i, err, line)
			continue
		}
		keys := slices.Sorted(maps.Keys(rec))
		if wantKeys := []string{"bytes", "duration", "level", "method", "msg", "path", "remote", "status", "time"}; !slices.Equal(keys, wantKeys) {
			t.Errorf("record %d has the fields %q; want %q", i, keys, wantKeys)
		}
		w := wants[i]
		remote, _ := rec["remote"].(string)
		if rec["msg"] != "request" || rec["level"] != "INFO" || rec["method"] != w.method || rec["path"] != w.path ||
			rec["status"] != float64(w.status) || rec["bytes"] != float64(sizes[i]) || !strings.HasPrefix(remote, "127.0.0.1:") {
			t.Errorf("record %d: %s\nwant %s %s, status %d, %d bytes, from 127.0.0.1", i, line, w.method, w.path, w.status, sizes[i])
		}
		if d, ok := rec["duration"].(float64); !ok || d <= 0 || d > float64(time.Minute) {
			t.Errorf("record %d: duration %v; want a positive number of nanoseconds", i, rec["duration"])
		}
	}
	for _, secret := range secrets {
		if strings.Contains(log.String(), secret) {
			t.Errorf("the access log holds %q, which came with a request:\n%s", secret, log.String())
		}
	}
}

// TestServeAccessLogText: the default format is one key=value line per
// request; off is no log.
func TestServeAccessLogText(t *testing.T) {
	if got := defaultServerConfig().AccessLog; got != "text" {
		t.Errorf("the default -access-log is %q; want text", got)
	}
	if accessLogger("off", io.Discard) != nil {
		t.Error("-access-log off gives a logger")
	}
	s := newTestServer(t, nil)
	var log syncBuffer
	s.access = accessLogger("text", &log)
	base := startTestServerOf(t, s)
	_, body := servePost(t, base, "/v1/clean?url=https%3A%2F%2Fquery-secret.example", strings.NewReader(serveWeather), nil)
	line := waitLines(t, &log, 1)[0]
	re := regexp.MustCompile(`^time=\S+ level=INFO msg=request method=POST path=/v1/clean status=200 bytes=(\d+) duration=\S+ remote=127\.0\.0\.1:\d+$`)
	if m := re.FindStringSubmatch(line); m == nil || m[1] != strconv.Itoa(len(body)) {
		t.Errorf("the record %q; want it to match %s with bytes=%d", line, re, len(body))
	}
	if strings.Contains(line, "secret") || strings.Contains(line, "الأرصاد") {
		t.Errorf("the record %q holds the query or the body", line)
	}
}

// TestServeVersionHeader: every answer, whatever the path and status,
// names the build and the first 12 hex digits of nazif.wasm's SHA-256.
func TestServeVersionHeader(t *testing.T) {
	_, base := startTestServer(t, func(cfg *serverConfig) { cfg.Demo = true })
	sum := sha256.Sum256(module.Binary)
	want := buildVersion() + " (nazif.wasm sha256:" + hex.EncodeToString(sum[:6]) + ")"
	if !regexp.MustCompile(`^\S+ \(nazif\.wasm sha256:[0-9a-f]{12}\)$`).MatchString(want) {
		t.Fatalf("the version %q is not of the documented form", want)
	}
	for _, c := range []struct {
		method, path string
		body         io.Reader
		status       int
	}{
		{"POST", "/v1/clean", strings.NewReader(serveWeather), 200},
		{"POST", "/v1/clean", strings.NewReader(servePNG), 422},
		{"POST", "/v1/clean?bad=1", strings.NewReader(serveWeather), 400},
		{"OPTIONS", "/v1/clean", nil, 405},
		{"GET", "/healthz", nil, 200},
		{"HEAD", "/healthz", nil, 200},
		{"GET", "/metrics", nil, 200},
		{"GET", "/demo/", nil, 200},
		{"GET", "/nope", nil, 404},
	} {
		req, err := http.NewRequest(c.method, base+c.path, c.body)
		if err != nil {
			t.Fatal(err)
		}
		resp, _ := serveDo(t, req)
		if got := resp.Header.Get("X-Nazif-Version"); resp.StatusCode != c.status || got != want {
			t.Errorf("%s %s: status %d, X-Nazif-Version %q; want %d and %q", c.method, c.path, resp.StatusCode, got, c.status, want)
		}
	}
}

// TestServeBuildInfo: /metrics has nazif_build_info, a gauge of 1 whose
// labels name the build: the same as the header, with the whole hash.
func TestServeBuildInfo(t *testing.T) {
	_, base := startTestServer(t, nil)
	req, _ := http.NewRequest("GET", base+"/metrics", nil)
	_, body := serveDo(t, req)
	out := string(body)
	sum := sha256.Sum256(module.Binary)
	series := fmt.Sprintf(`nazif_build_info{version="%s",wasm_sha256="%x",go_version="%s"}`, buildVersion(), sum, runtime.Version())
	for _, want := range []string{
		"# HELP nazif_build_info ",
		"# TYPE nazif_build_info gauge\n",
		series + " 1\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("metrics lack %q:\n%s", want, out)
		}
	}
	if v, ok := parseMetrics(t, out)[series]; !ok || v != 1 {
		t.Errorf("%s = %v (present: %v); want 1", series, v, ok)
	}
}
