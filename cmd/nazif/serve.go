package main

// serve.go is `nazif serve`: POST /v1/clean in front of one host.Cleaner,
// with admission control, timeouts, health, metrics and graceful shutdown.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/nazif/nazif/host"
	"github.com/nazif/nazif/wasm/nazif"
)

// serveCmd runs the HTTP server until SIGTERM or SIGINT, then drains the
// requests in flight and exits 0.
func serveCmd(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// Once the first signal has started the shutdown, a second one kills
	// the process the usual way: the way out when draining hangs.
	context.AfterFunc(ctx, stop)
	return runServe(ctx, args, host.NewConfig(), stderr)
}

const serveUsage = `usage: nazif serve [flags]

Serves POST /v1/clean: the body is the page, the answer the article as
JSON, or {"error": {"code": ..., "message": ...}} with a fitting status.
Options come as query parameters or X-Nazif-* headers, the query winning:
url, charset (else the Content-Type's charset), now (RFC 3339), and the
booleans html, markdown and explain (1 or true). GET /healthz answers ok,
GET /metrics the Prometheus text format. With -demo, /demo/ is a page
that cleans pasted or dropped HTML in the browser, with nazif.wasm.

Every answer names the build in X-Nazif-Version: nazif's version and the
first 12 hex digits of nazif.wasm's SHA-256. With -cors, the listed
origins (web pages, extensions) may call /v1/clean from a browser: the
server answers their OPTIONS preflight and adds the CORS headers. Each
request is logged on stderr (-access-log): method, path without the
query, status, bytes sent, duration and client address, never a body
or an option's value.

A request that finds -j instances busy and -queue requests waiting gets
503 at once. SIGTERM or SIGINT stops accepting, lets the requests in flight
finish (up to -grace), and exits 0.

Flags:
`

// runServe is serveCmd minus the process: it serves until ctx is done.
// base is the Cleaner's configuration before the flags apply to it.
func runServe(ctx context.Context, args []string, base host.Config, stderr io.Writer) int {
	fs := newFlagSet("serve", serveUsage, stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "`host:port` to listen on (port 0 picks a free one)")
	cfg := defaultServerConfig()
	fs.IntVar(&cfg.Pool, "j", cfg.Pool, "`N` sandbox instances cleaning at once")
	fs.IntVar(&cfg.Queue, "queue", cfg.Queue, "`N` requests that may wait for an instance; more get 503")
	fs.DurationVar(&cfg.Timeout, "timeout", cfg.Timeout, "deadline for cleaning one page, once its body is read")
	fs.Int64Var(&cfg.MaxBody, "max-body", cfg.MaxBody, "largest page accepted, in `bytes`; larger ones get 413")
	fs.DurationVar(&cfg.ReadTimeout, "read-timeout", cfg.ReadTimeout, "time to read a request's header, and its whole body (0: no limit)")
	fs.DurationVar(&cfg.WriteTimeout, "write-timeout", cfg.WriteTimeout, "time from the end of a request's header to the end of its response (0: no limit)")
	fs.DurationVar(&cfg.IdleTimeout, "idle-timeout", cfg.IdleTimeout, "time a keep-alive connection may wait for its next request (0: no limit)")
	fs.DurationVar(&cfg.Grace, "grace", cfg.Grace, "on SIGTERM or SIGINT, how long requests in flight may take to finish")
	fs.BoolVar(&cfg.Demo, "demo", cfg.Demo, "also serve the demo page at /demo/, which cleans in the browser with nazif.wasm")
	fs.Func("cors", "let browser pages from `ORIGIN` call /v1/clean: scheme://host[:port], or * for any; repeat it or list several, comma-separated (default: none)", func(v string) error {
		origins, err := parseOrigins(v)
		cfg.CORS = append(cfg.CORS, origins...)
		return err
	})
	fs.StringVar(&cfg.AccessLog, "access-log", cfg.AccessLog, "`format` of the access log on stderr, a line per request: text (key=value), json, or off")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "nazif serve: unexpected argument %q: pages come as POST /v1/clean bodies\n", fs.Arg(0))
		return 2
	}
	if err := cfg.check(); err != nil {
		fmt.Fprintf(stderr, "nazif serve: %v\n", err)
		return 2
	}
	// Listen before compiling, so that a taken port fails at once.
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "nazif serve: %v\n", err)
		return 1
	}
	defer ln.Close()
	// A signal during compilation must not make it fail: serve then sees
	// the signal and stops cleanly.
	c, err := host.New(context.WithoutCancel(ctx), base.WithPoolSize(cfg.Pool).WithMaxInputBytes(int(cfg.MaxBody)))
	if err != nil {
		fmt.Fprintf(stderr, "nazif serve: %v\n", err)
		return 1
	}
	defer c.Close(context.Background())
	s := newServer(c, cfg)
	s.log = log.New(stderr, "nazif: ", 0)
	s.access = accessLogger(cfg.AccessLog, stderr)
	s.log.Printf("serving on http://%s", ln.Addr())
	if cfg.Demo {
		s.log.Printf("demo page at http://%s/demo/", ln.Addr())
	}
	if err := s.serve(ctx, ln); err != nil {
		s.log.Print(err)
		return 1
	}
	return 0
}

// serverConfig is what serve's flags set.
type serverConfig struct {
	Pool         int           // instances in the Cleaner's pool
	Queue        int           // admitted requests that may wait for an instance
	Timeout      time.Duration // the clean deadline of one request
	MaxBody      int64         // the largest body accepted, in bytes
	ReadTimeout  time.Duration // for the header, and again for the whole request
	WriteTimeout time.Duration // from the end of the header to the end of the response
	IdleTimeout  time.Duration // between two requests on a connection
	Grace        time.Duration // how long shutdown waits for requests in flight
	Demo         bool          // serve the demo page and the JS package's files
	CORS         []string      // origins that may call /v1/clean from a browser, as parseOrigin returns them
	AccessLog    string        // the access log's format: text, json or off
}

func defaultServerConfig() serverConfig {
	return serverConfig{
		Pool:         runtime.GOMAXPROCS(0),
		Queue:        64,
		Timeout:      10 * time.Second,
		MaxBody:      host.DefaultMaxInputBytes,
		ReadTimeout:  10 * time.Second,
		WriteTimeout: 30 * time.Second,
		IdleTimeout:  60 * time.Second,
		Grace:        30 * time.Second,
		AccessLog:    "text",
	}
}

// check refuses configurations that cannot work.
func (cfg serverConfig) check() error {
	switch {
	case cfg.Pool < 1:
		return fmt.Errorf("-j %d: at least one instance is needed", cfg.Pool)
	case cfg.Queue < 0:
		return fmt.Errorf("-queue %d: use 0 to turn away every request that finds all instances busy", cfg.Queue)
	case cfg.Timeout <= 0:
		return fmt.Errorf("-timeout %v: give every clean a positive deadline", cfg.Timeout)
	case cfg.MaxBody < 1 || cfg.MaxBody > 1<<30:
		return fmt.Errorf("-max-body %d: want 1 byte to 1 GiB", cfg.MaxBody)
	case cfg.ReadTimeout < 0 || cfg.WriteTimeout < 0 || cfg.IdleTimeout < 0 || cfg.Grace < 0:
		return errors.New("timeouts cannot be negative (0 means no limit)")
	case !slices.Contains(accessLogFormats, cfg.AccessLog):
		return fmt.Errorf("-access-log %q: want text, json or off", cfg.AccessLog)
	}
	// The write timeout runs from the end of the header: it must leave room
	// to read the body and clean it, or slow answers are lost unsent.
	if need := cfg.ReadTimeout + cfg.Timeout; cfg.WriteTimeout > 0 && cfg.WriteTimeout <= need {
		return fmt.Errorf("-write-timeout %v must exceed -read-timeout plus -timeout (%v), or slow answers would be cut off", cfg.WriteTimeout, need)
	}
	return nil
}

// server answers HTTP requests with one shared Cleaner.
//
// Admission is a semaphore of Pool+Queue slots, taken without waiting: a
// request that finds it full gets 503 at once instead of piling up. An
// admitted request holds its slot while its body is read and cleaned, so
// memory is bounded by (Pool+Queue) × MaxBody; past the first Pool of them
// the Cleaner itself makes requests wait for an instance.
type server struct {
	cleaner *host.Cleaner
	cfg     serverConfig
	cors    *cors // nil without -cors
	version string
	admit   chan struct{}
	metrics *metrics
	log     *log.Logger
	access  *slog.Logger // nil when there is no access log
}

// newServer serves with c, whose pool must hold cfg.Pool instances. It
// logs nowhere until its log and access log are set.
func newServer(c *host.Cleaner, cfg serverConfig) *server {
	return &server{
		cleaner: c,
		cfg:     cfg,
		cors:    newCORS(cfg.CORS),
		version: versionHeader(),
		admit:   make(chan struct{}, cfg.Pool+cfg.Queue),
		metrics: newMetrics(),
		log:     log.New(io.Discard, "", 0),
	}
}

// versionHeader is the X-Nazif-Version of every answer, such as
// "v1.2.0 (nazif.wasm sha256:0123456789ab)": the binary's version, and
// the module's identity, which is what decides the articles. The hash is
// the embedded module's, as in nazif version; runServe runs no other.
func versionHeader() string {
	return buildVersion() + " (nazif.wasm sha256:" + wasmSHA256()[:12] + ")"
}

// maxHeaderBytes bounds a request's header, request line included (net/http
// allows 4 KiB more). The API needs a few short headers and at most a
// page's URL, in the query or X-Nazif-URL: 64 KiB is far past any URL a
// browser takes. net/http's default, 1 MiB, would let each connection make
// the server hold a megabyte of header before the handler, and so
// admission control, ever sees the request.
const maxHeaderBytes = 64 << 10

// httpServer is the http.Server for s, with its timeouts and header limit.
func (s *server) httpServer() *http.Server {
	return &http.Server{
		Handler:           s.handler(),
		MaxHeaderBytes:    maxHeaderBytes,
		ReadHeaderTimeout: s.cfg.ReadTimeout,
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      s.cfg.WriteTimeout,
		IdleTimeout:       s.cfg.IdleTimeout,
		ErrorLog:          s.log,
	}
}

// serve answers requests on ln until ctx is done, then stops accepting,
// waits up to Grace for the requests in flight, and returns. The caller
// closes the Cleaner afterwards.
func (s *server) serve(ctx context.Context, ln net.Listener) error {
	hs := s.httpServer()
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	s.log.Printf("shutting down: waiting up to %v for requests in flight", s.cfg.Grace)
	grace, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.cfg.Grace)
	defer cancel()
	err := hs.Shutdown(grace)
	if err != nil {
		hs.Close()
		err = fmt.Errorf("requests still running after %v were cut off (raise -grace to wait longer): %w", s.cfg.Grace, err)
	}
	<-done
	return err
}

// handler answers every request: it names the build, routes, then counts
// and logs the request.
func (s *server) handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &responseRecorder{ResponseWriter: w, status: http.StatusOK}
		rec.Header().Set("X-Nazif-Version", s.version)
		s.route(rec, r)
		d := time.Since(start)
		if r.URL.Path == "/v1/clean" {
			s.metrics.observe(rec.status, d)
		}
		s.logAccess(r, rec, d)
	})
}

// route answers the three endpoints, and the demo's files. It routes by
// hand, not with a ServeMux, so that 404 and 405 come as JSON errors like
// the others.
func (s *server) route(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/v1/clean":
		if s.cors != nil && s.cors.handle(w, r) {
			return
		}
		s.clean(w, r)
	case "/healthz":
		if allowGet(w, r) {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			io.WriteString(w, `{"status":"ok"}`+"\n")
		}
	case "/metrics":
		if allowGet(w, r) {
			var b bytes.Buffer
			s.writeMetrics(&b)
			w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
			w.Write(b.Bytes())
		}
	default:
		if s.cfg.Demo && s.demo(w, r) {
			return
		}
		writeAPIError(w, http.StatusNotFound, "not_found", fmt.Sprintf("no endpoint %s: POST pages to /v1/clean", r.URL.Path))
	}
}

// allowGet answers 405 to anything but GET and HEAD, and tells whether the
// request may go on.
func allowGet(w http.ResponseWriter, r *http.Request) bool {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		return true
	}
	w.Header().Set("Allow", "GET, HEAD")
	writeAPIError(w, http.StatusMethodNotAllowed, "method_not_allowed", r.URL.Path+" answers GET and HEAD only")
	return false
}

// clean is POST /v1/clean: the body is the page, the answer the Article's
// JSON, byte for byte what the Cleaner returns.
func (s *server) clean(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", cleanAllow(s.cors))
		writeAPIError(w, http.StatusMethodNotAllowed, "method_not_allowed", "use POST, with the page as the request body")
		return
	}
	opts, err := cleanOptions(r)
	if err != nil {
		writeAPIError(w, http.StatusBadRequest, "bad_request", err.Error())
		return
	}
	if r.ContentLength > s.cfg.MaxBody {
		s.tooLarge(w)
		return
	}
	select {
	case s.admit <- struct{}{}:
	default:
		w.Header().Set("Retry-After", "1")
		writeAPIError(w, http.StatusServiceUnavailable, "overloaded",
			fmt.Sprintf("all %d instances are busy and %d requests wait already: retry later", s.cfg.Pool, s.cfg.Queue))
		return
	}
	defer func() { <-s.admit }()
	input, err := s.readBody(w, r)
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			s.tooLarge(w)
		} else if ne, ok := errors.AsType[net.Error](err); ok && ne.Timeout() {
			// A body slower than -read-timeout: the client's fault, and
			// its slot is free again.
			writeAPIError(w, http.StatusRequestTimeout, "request_timeout", "the body did not arrive within the read timeout (-read-timeout)")
		} else {
			writeAPIError(w, http.StatusBadRequest, "bad_request", "reading the body: "+err.Error())
		}
		return
	}
	// The request's read deadline (ReadTimeout) has done its job once the
	// body is in. Left in place, it would cancel r.Context() when it
	// passes mid-clean, as net/http's background read then fails; the
	// clean has its own deadline below. Not every ResponseWriter can.
	_ = http.NewResponseController(w).SetReadDeadline(time.Time{})
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	defer cancel()
	out, err := s.cleaner.CleanJSON(ctx, input, opts)
	if err != nil {
		s.cleanFailed(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(out)))
	w.Write(out)
}

// readBody reads the whole body, at most MaxBody bytes of it.
func (s *server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	var b bytes.Buffer
	if r.ContentLength > 0 {
		b.Grow(int(r.ContentLength) + bytes.MinRead)
	}
	_, err := b.ReadFrom(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody))
	s.metrics.bytesIn.Add(uint64(b.Len()))
	return b.Bytes(), err
}

func (s *server) tooLarge(w http.ResponseWriter) {
	writeAPIError(w, http.StatusRequestEntityTooLarge, string(host.CodeInputTooLarge),
		fmt.Sprintf("the page exceeds this server's limit of %d bytes (-max-body)", s.cfg.MaxBody))
}

// statusClientGone is nginx's 499: the client left before the answer.
// Nobody reads it; it keeps the metrics from blaming the page.
const statusClientGone = 499

// cleanFailed answers a failed clean with the status that fits its code.
func (s *server) cleanFailed(w http.ResponseWriter, r *http.Request, err error) {
	e, ok := errors.AsType[*host.Error](err)
	if !ok {
		s.log.Printf("POST /v1/clean: %v", err)
		writeAPIError(w, http.StatusInternalServerError, "internal", err.Error())
		return
	}
	status := http.StatusInternalServerError
	switch e.Code {
	case host.CodeInputTooLarge:
		status = http.StatusRequestEntityTooLarge
	// A page that needs more memory than the cap fails the same way every
	// time, like an empty one: retrying cannot help, so it is no 5xx.
	case host.CodeEmpty, host.CodeNotText, host.CodeMemoryLimit:
		status = http.StatusUnprocessableEntity
	case host.CodeBadOptions:
		status = http.StatusBadRequest
	case host.CodeTimeout:
		status = http.StatusGatewayTimeout
		if r.Context().Err() != nil {
			status = statusClientGone
		}
	case host.CodeClosed:
		status = http.StatusServiceUnavailable
		w.Header().Set("Retry-After", "1")
	default:
		s.log.Printf("POST /v1/clean: %v", err)
	}
	writeAPIError(w, status, string(e.Code), e.Message)
}

// writeAPIError sends {"error":{"code":...,"message":...}}.
func writeAPIError(w http.ResponseWriter, status int, code, message string) {
	type apiError struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	}
	b, _ := json.Marshal(struct {
		Error apiError `json:"error"`
	}{apiError{code, message}})
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

// responseRecorder remembers the status a handler sent and counts the
// body's bytes, for the metrics and the access log.
type responseRecorder struct {
	http.ResponseWriter
	status      int
	wroteHeader bool
	bytes       int64
}

func (r *responseRecorder) WriteHeader(status int) {
	// The first final status is the answer's: net/http ignores later
	// calls, and a 1xx is sent ahead of the answer.
	if !r.wroteHeader && status >= 200 {
		r.status, r.wroteHeader = status, true
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *responseRecorder) Write(p []byte) (int, error) {
	r.wroteHeader = true
	n, err := r.ResponseWriter.Write(p)
	r.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (r *responseRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// accessLogFormats are the values of -access-log.
var accessLogFormats = []string{"text", "json", "off"}

// accessLogger is the access log in format, one of accessLogFormats,
// written to w; nil when it is off.
func accessLogger(format string, w io.Writer) *slog.Logger {
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, nil))
	case "json":
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return nil
}

// maxLoggedPath bounds the path and method in the access log: the API's
// paths are short, and a client must not make one request write up to
// maxHeaderBytes of log.
const maxLoggedPath = 256

// logAccess logs one answered request. It logs what routes the request
// and what the answer was, never a body, a query string or a header: those
// carry the page, its URL and the caller's options, which are the users'.
// The path is logged as the client escaped it, so that no byte of it
// reaches a terminal raw.
func (s *server) logAccess(r *http.Request, rec *responseRecorder, d time.Duration) {
	if s.access == nil {
		return
	}
	s.access.LogAttrs(r.Context(), slog.LevelInfo, "request",
		slog.String("method", clip(r.Method, maxLoggedPath)),
		slog.String("path", clip(r.URL.EscapedPath(), maxLoggedPath)),
		slog.Int("status", rec.status),
		slog.Int64("bytes", rec.bytes),
		slog.Duration("duration", d),
		slog.String("remote", r.RemoteAddr),
	)
}

// clip cuts s to at most n bytes, marking the cut with "...".
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n-3] + "..."
}

// The options of POST /v1/clean, by query parameter name; the header
// form is X-Nazif- and the name (X-Nazif-URL, X-Nazif-HTML, ...).
var cleanOptionNames = []string{"url", "charset", "now", "html", "markdown", "explain"}

// cleanOptions reads the options of a POST /v1/clean.
//
// Each option comes as a query parameter or an X-Nazif-* header. When
// both are given, the query parameter wins: it is in the URL the caller
// wrote for this request, while headers are as often set once for a whole
// client, or added on the way. The charset falls back, last, to the
// charset parameter of the request's Content-Type, which is what an HTTP
// client forwarding a fetched page naturally sends. Unknown parameters and
// X-Nazif-* headers are refused, so that a typo does not pass silently.
func cleanOptions(r *http.Request) (nazif.Options, error) {
	var opts nazif.Options
	query, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return opts, fmt.Errorf("bad query string: %v", err)
	}
	for name := range query {
		if !slices.Contains(cleanOptionNames, name) {
			return opts, fmt.Errorf("unknown parameter %q: want %s", name, strings.Join(cleanOptionNames, ", "))
		}
	}
	for name := range r.Header {
		if rest, ok := cutPrefixFold(name, "X-Nazif-"); ok && !slices.Contains(cleanOptionNames, strings.ToLower(rest)) {
			return opts, fmt.Errorf("unknown header %s: want X-Nazif- and one of %s", name, strings.Join(cleanOptionNames, ", "))
		}
	}
	get := func(name string) (string, bool, error) {
		vs, ok := query[name]
		if !ok {
			vs = r.Header.Values("X-Nazif-" + name)
		}
		switch len(vs) {
		case 0:
			return "", false, nil
		case 1:
			return vs[0], true, nil
		}
		return "", false, fmt.Errorf("%s is given %d times: give it once", name, len(vs))
	}
	var errs []error
	str := func(name string, dst *string) {
		v, _, err := get(name)
		*dst = v
		errs = append(errs, err)
	}
	boolean := func(name string, dst *bool) {
		v, ok, err := get(name)
		if ok && err == nil {
			if *dst, err = strconv.ParseBool(v); err != nil {
				err = fmt.Errorf("%s=%q: want 1 or true, 0 or false", name, v)
			}
		}
		errs = append(errs, err)
	}
	str("url", &opts.URL)
	str("charset", &opts.Charset)
	boolean("html", &opts.HTML)
	boolean("markdown", &opts.Markdown)
	boolean("explain", &opts.Explain)
	if v, ok, err := get("now"); err != nil {
		errs = append(errs, err)
	} else if ok {
		if opts.Now, err = time.Parse(time.RFC3339, v); err != nil {
			errs = append(errs, fmt.Errorf("now=%q: want an RFC 3339 time such as 2024-07-01T12:00:00Z", v))
		}
	}
	if _, ok, _ := get("charset"); !ok {
		if ct := r.Header.Get("Content-Type"); ct != "" {
			_, params, err := mime.ParseMediaType(ct)
			if err != nil {
				errs = append(errs, fmt.Errorf("Content-Type %q: %v: fix it, or give the charset as ?charset=", ct, err))
			}
			opts.Charset = params["charset"]
		}
	}
	return opts, errors.Join(errs...)
}

// cutPrefixFold is strings.CutPrefix, ignoring ASCII case.
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) < len(prefix) || !strings.EqualFold(s[:len(prefix)], prefix) {
		return s, false
	}
	return s[len(prefix):], true
}
