package main

// Tests of the server against slow and abusive clients, on the real
// http.Server (httpServer: timeouts, header limit), which startTestServer's
// httptest server does not use.

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// abuseBound is how long the server may take to give up on a client past
// its timeout, before the test calls it a hang.
const abuseBound = 5 * time.Second

// startRealServer runs the server as runServe does, with s.serve on a
// loopback listener, with the defaults as changed by edit; it shuts it
// down at the end of the test, which fails if requests were cut off.
func startRealServer(t *testing.T, edit func(*serverConfig)) (*server, string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return startRealServerOn(t, ln, edit)
}

// startRealServerOn is startRealServer on the listener ln.
func startRealServerOn(t *testing.T, ln net.Listener, edit func(*serverConfig)) (*server, string) {
	t.Helper()
	cfg := defaultServerConfig()
	cfg.Pool, cfg.Queue = 2, 8
	cfg.Grace = 10 * time.Second
	if edit != nil {
		edit(&cfg)
	}
	s := newServer(serveCleaner(t), cfg)
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.serve(ctx, ln) }()
	t.Cleanup(func() {
		stop()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return s, "http://" + ln.Addr().String()
}

// rawConn dials the server at base, for requests written by hand.
func rawConn(t *testing.T, base string) net.Conn {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// closedWithin reads conn until the server closes it, and returns when
// that happened and what was read; err is set when bound passed first.
func closedWithin(conn net.Conn, bound time.Duration) (at time.Time, got []byte, err error) {
	conn.SetReadDeadline(time.Now().Add(bound))
	got, err = io.ReadAll(conn)
	if ne, ok := errors.AsType[net.Error](err); ok && ne.Timeout() {
		return time.Now(), got, fmt.Errorf("the server did not close the connection within %v; read %.200q", bound, got)
	}
	return time.Now(), got, nil // io.EOF, or a reset: closed either way
}

// serveOK sends a small page and wants 200.
func serveOK(t *testing.T, base, when string) {
	t.Helper()
	resp, body := servePost(t, base, "/v1/clean", strings.NewReader(serveWeather), nil)
	if resp.StatusCode != http.StatusOK {
		t.Errorf("%s: status %d: %s", when, resp.StatusCode, body)
	}
}

// waitSlots waits until n admission slots are taken, and fails the test
// past bound.
func waitSlots(t *testing.T, s *server, n int, bound time.Duration) time.Time {
	t.Helper()
	deadline := time.Now().Add(bound)
	for len(s.admit) != n {
		if time.Now().After(deadline) {
			t.Fatalf("%d admission slots taken after %v; want %d", len(s.admit), bound, n)
		}
		time.Sleep(5 * time.Millisecond)
	}
	return time.Now()
}

// TestServeSlowHeader: slowloris. Connections that send their header a
// byte at a time are closed by ReadTimeout (here via ReadHeaderTimeout),
// and hold no admission slot meanwhile: with one instance and no queue,
// other clients are served all along.
func TestServeSlowHeader(t *testing.T) {
	const readTimeout = 300 * time.Millisecond
	s, base := startRealServer(t, func(cfg *serverConfig) {
		cfg.Pool, cfg.Queue = 1, 0
		cfg.ReadTimeout = readTimeout
	})
	const slow = 8 // more than the slots
	start := time.Now()
	var wg sync.WaitGroup
	closed := make([]time.Duration, slow)
	for i := range slow {
		conn := rawConn(t, base)
		// The writer trickles a header that never ends; it stops when the
		// server has closed the connection.
		stopWriting := make(chan struct{})
		go func() {
			header := "POST /v1/clean HTTP/1.1\r\nHost: nazif\r\nX-Nazif-URL: " + strings.Repeat("a", 1000)
			for i := 0; i < len(header); i++ {
				select {
				case <-stopWriting:
					return
				case <-time.After(20 * time.Millisecond):
				}
				if _, err := conn.Write([]byte{header[i]}); err != nil {
					return
				}
			}
		}()
		wg.Go(func() {
			defer close(stopWriting)
			at, got, err := closedWithin(conn, abuseBound)
			closed[i] = at.Sub(start)
			if err != nil {
				t.Errorf("slow header %d: %v", i, err)
			} else if len(got) > 0 {
				// net/http closes at once, or after a 400 when part of
				// the request had come.
				resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(got)), nil)
				if err != nil || (resp.StatusCode != http.StatusBadRequest && resp.StatusCode != http.StatusRequestTimeout) || !resp.Close {
					t.Errorf("slow header %d: the server answered %.200q; want 400 or 408 and the connection closed, or no answer", i, got)
				}
			}
		})
	}
	// While the slow clients hold their connections, others are served.
	for range 3 {
		time.Sleep(readTimeout / 4)
		serveOK(t, base, "during the slow headers")
	}
	wg.Wait()
	for i, d := range closed {
		// The server cannot close before its deadline; the bound is a
		// hang check.
		if d < readTimeout-20*time.Millisecond || d > abuseBound {
			t.Errorf("slow header %d closed after %v; want from %v to %v", i, d, readTimeout, abuseBound)
		}
	}
	t.Logf("%d slow headers closed after %v to %v (ReadTimeout %v)", slow, slices.Min(closed), slices.Max(closed), readTimeout)
	if n := len(s.admit); n != 0 {
		t.Errorf("%d admission slots taken after the slow headers", n)
	}
	serveOK(t, base, "after the slow headers")
}

// TestServeSlowBody: a body trickled after the header holds its
// admission slot while it is read (the server admits before reading, to
// bound the memory of bodies; see the report), but only until ReadTimeout
// ends the request: then the slot is free again, and with one instance and
// no queue the next request is served.
func TestServeSlowBody(t *testing.T) {
	const readTimeout = time.Second
	s, base := startRealServer(t, func(cfg *serverConfig) {
		cfg.Pool, cfg.Queue = 1, 0
		cfg.ReadTimeout = readTimeout
	})
	conn := rawConn(t, base)
	sent := time.Now()
	fmt.Fprintf(conn, "POST /v1/clean HTTP/1.1\r\nHost: nazif\r\nContent-Length: 100000\r\n\r\n")
	stopWriting := make(chan struct{})
	defer close(stopWriting)
	go func() {
		for {
			select {
			case <-stopWriting:
				return
			case <-time.After(20 * time.Millisecond):
			}
			if _, err := conn.Write([]byte("ن")); err != nil {
				return
			}
		}
	}()
	waitSlots(t, s, 1, abuseBound)
	// The slow body holds the only slot: by design, others are turned away.
	resp, body := servePost(t, base, "/v1/clean", strings.NewReader(serveWeather), nil)
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("while the slow body holds the slot: status %d: %s; want 503", resp.StatusCode, body)
	}
	freed := waitSlots(t, s, 0, readTimeout+abuseBound)
	if held := freed.Sub(sent); held < readTimeout-20*time.Millisecond {
		t.Errorf("the slot was freed after %v, before ReadTimeout (%v)", held, readTimeout)
	} else {
		t.Logf("the slow body held its slot %v (ReadTimeout %v)", held, readTimeout)
	}
	// The slow client got an error answer, or at least the connection closed.
	_, got, err := closedWithin(conn, abuseBound)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) > 0 {
		resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(got)), nil)
		if err != nil || resp.StatusCode != http.StatusRequestTimeout || !bytes.Contains(got, []byte(`"request_timeout"`)) {
			t.Errorf("the slow body's answer: %v, %.300q; want 408 request_timeout", err, got)
		} else {
			b, _ := io.ReadAll(resp.Body)
			t.Logf("the slow body got %d: %s", resp.StatusCode, bytes.TrimSpace(b))
		}
	}
	serveOK(t, base, "after the slow body")
}

// bigPage is an HTML page of at least size bytes.
func bigPage(size int) []byte {
	var page bytes.Buffer
	page.WriteString("<html><head><title>صفحة كبيرة</title></head><body><article><h1>صفحة كبيرة</h1>")
	for page.Len() < size {
		page.WriteString("<p>توقعت هيئة الأرصاد الجوية أن تشهد البلاد موجة حارة خلال الأيام المقبلة.</p>\n")
	}
	return page.Bytes()
}

// smallSendBuffers is a listener whose connections have a send buffer of
// 16 KiB, as a server with little memory for sockets would: without it,
// Linux lets a connection's send buffer grow to 4 MiB, and only an answer
// of many megabytes, which takes seconds to clean, would block.
type smallSendBuffers struct{ net.Listener }

func (l smallSendBuffers) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if tc, ok := c.(*net.TCPConn); ok {
		tc.SetWriteBuffer(16 << 10)
	}
	return c, err
}

// TestServeSlowReader: a client that sends a big page with html=1 and never
// reads the answer. The answer (a megabyte) outgrows the sockets' buffers,
// so the server's write blocks once the page is cleaned, until
// WriteTimeout drops the connection. The slot is then free, and the next
// request is served.
func TestServeSlowReader(t *testing.T) {
	const writeTimeout = 3 * time.Second
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s, base := startRealServerOn(t, smallSendBuffers{ln}, func(cfg *serverConfig) {
		cfg.Pool, cfg.Queue = 1, 0
		cfg.ReadTimeout = time.Second
		cfg.WriteTimeout = writeTimeout
	})
	page := bigPage(256 << 10)
	conn := rawConn(t, base)
	calls := s.cleaner.Stats().Calls
	sent := time.Now()
	fmt.Fprintf(conn, "POST /v1/clean?html=1 HTTP/1.1\r\nHost: nazif\r\nContent-Length: %d\r\n\r\n", len(page))
	if _, err := conn.Write(page); err != nil {
		t.Fatal(err)
	}
	waitSlots(t, s, 1, abuseBound)
	deadline := time.Now().Add(writeTimeout + abuseBound)
	for s.cleaner.Stats().Calls == calls {
		if time.Now().After(deadline) {
			t.Fatal("the page was never cleaned")
		}
		time.Sleep(5 * time.Millisecond)
	}
	cleaned := time.Since(sent)
	if cleaned > writeTimeout*2/3 {
		t.Fatalf("cleaning took %v, too close to WriteTimeout (%v) to tell a blocked answer from a late one: the machine is too busy for this test", cleaned, writeTimeout)
	}
	// The answer's write blocks until WriteTimeout, which runs from the end
	// of the header: only then is the slot freed.
	freed := waitSlots(t, s, 0, writeTimeout+abuseBound).Sub(sent)
	if freed < writeTimeout-50*time.Millisecond {
		t.Errorf("the slot was freed after %v, before WriteTimeout (%v): the answer did not block", freed, writeTimeout)
	}
	t.Logf("cleaned after %v; the slot freed after %v (WriteTimeout %v)", cleaned, freed, writeTimeout)
	serveOK(t, base, "after the slow reader")

	// What the slow reader can read now is a cut-off answer.
	conn.SetReadDeadline(time.Now().Add(abuseBound))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("the slow reader's answer: %v; want its beginning", err)
	}
	n, err := io.Copy(io.Discard, resp.Body)
	if ne, ok := errors.AsType[net.Error](err); ok && ne.Timeout() {
		t.Fatalf("the slow reader's connection was left open: read %d of %d bytes", n, resp.ContentLength)
	}
	if resp.StatusCode != http.StatusOK || err == nil || n >= resp.ContentLength {
		t.Errorf("the slow reader: status %d, read %d of %d bytes, error %v; want a 200 cut off", resp.StatusCode, n, resp.ContentLength, err)
	}
	t.Logf("the slow reader got %d of %d bytes, then %v", n, resp.ContentLength, err)
}

// exchange writes req on conn from another goroutine (the server may stop
// reading, and close, before it is all written) while it reads the
// answers, until the server closes the connection or bound passes.
func exchange(t *testing.T, conn net.Conn, req []byte, bound time.Duration) []*http.Response {
	t.Helper()
	go conn.Write(req)
	conn.SetReadDeadline(time.Now().Add(bound))
	br := bufio.NewReader(conn)
	var resps []*http.Response
	for {
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			if ne, ok := errors.AsType[net.Error](err); ok && ne.Timeout() {
				t.Fatalf("the server neither answered nor closed within %v", bound)
			}
			return resps // closed, or reset
		}
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Errorf("answer %d cut off: %v", len(resps)+1, err)
		}
		resp.Body = io.NopCloser(bytes.NewReader(b))
		resps = append(resps, resp)
	}
}

// TestServeAbuseBodyCap: the body cap holds however the body comes, without
// the server reading past it, and a body of exactly the cap is taken.
func TestServeAbuseBodyCap(t *testing.T) {
	const maxBody = 256 << 10
	s, base := startRealServer(t, func(cfg *serverConfig) { cfg.MaxBody = maxBody })
	bytesIn := func() uint64 { return s.metrics.bytesIn.Load() }
	host := strings.TrimPrefix(base, "http://")

	t.Run("Content-Length over the cap", func(t *testing.T) {
		// The header alone: 413 comes without a byte of the body sent.
		before := bytesIn()
		conn := rawConn(t, base)
		resps := exchange(t, conn, fmt.Appendf(nil, "POST /v1/clean HTTP/1.1\r\nHost: %s\r\nContent-Length: %d\r\n\r\n", host, maxBody+1), abuseBound)
		if len(resps) == 0 || resps[0].StatusCode != http.StatusRequestEntityTooLarge {
			t.Fatalf("answers %v; want 413 before the body is sent", statuses(resps))
		}
		if d := bytesIn() - before; d != 0 {
			t.Errorf("the server read %d body bytes; want none", d)
		}
	})
	t.Run("chunked over the cap", func(t *testing.T) {
		before := bytesIn()
		var req bytes.Buffer
		fmt.Fprintf(&req, "POST /v1/clean HTTP/1.1\r\nHost: %s\r\nTransfer-Encoding: chunked\r\n\r\n", host)
		chunk := bytes.Repeat([]byte("نص "), 16<<10/len("نص ")) // 16 KiB
		for range 3 * maxBody / len(chunk) {
			fmt.Fprintf(&req, "%x\r\n%s\r\n", len(chunk), chunk)
		}
		req.WriteString("0\r\n\r\n")
		resps := exchange(t, rawConn(t, base), req.Bytes(), abuseBound)
		if len(resps) != 1 || resps[0].StatusCode != http.StatusRequestEntityTooLarge {
			t.Fatalf("answers %v; want 413, then the connection closed", statuses(resps))
		}
		if d := bytesIn() - before; d != maxBody {
			t.Errorf("the server read %d body bytes; want the cap, %d, and not one more", d, maxBody)
		}
	})
	exact := bigPage(maxBody - 1000)
	exact = append(exact, bytes.Repeat([]byte(" "), maxBody-len(exact))...)
	for _, c := range []struct {
		name string
		body io.Reader
	}{
		{"exactly the cap, by Content-Length", bytes.NewReader(exact)},
		{"exactly the cap, chunked", io.MultiReader(bytes.NewReader(exact))},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := bytesIn()
			resp, body := servePost(t, base, "/v1/clean", c.body, nil)
			if resp.StatusCode != http.StatusOK || serveArticle(t, body).Title != "صفحة كبيرة" {
				t.Errorf("status %d: %.300s", resp.StatusCode, body)
			}
			if d := bytesIn() - before; d != maxBody {
				t.Errorf("the server read %d body bytes; want %d", d, maxBody)
			}
		})
	}
	t.Run("Content-Length too small", func(t *testing.T) {
		// It says 10 and sends 1 MB: the 10 bytes are the body, the rest a
		// next request that is no request. The server answers the first,
		// refuses the rest, and closes.
		before := bytesIn()
		req := fmt.Appendf(nil, "POST /v1/clean HTTP/1.1\r\nHost: %s\r\nContent-Length: 10\r\n\r\n", host)
		req = append(req, "<p>abc</p>"...)
		req = append(req, bytes.Repeat([]byte("x"), 1<<20)...)
		resps := exchange(t, rawConn(t, base), req, abuseBound)
		st := statuses(resps)
		if len(resps) == 0 || (st[0] != http.StatusOK && st[0] != http.StatusUnprocessableEntity) {
			t.Errorf("answers %v; want the 10 bytes cleaned (200 or 422) first", st)
		}
		for _, code := range st[min(1, len(st)):] {
			if code != http.StatusBadRequest && code != http.StatusRequestHeaderFieldsTooLarge {
				t.Errorf("answers %v; want the rest refused as a request (400 or 431)", st)
			}
		}
		if d := bytesIn() - before; d != 10 {
			t.Errorf("the server read %d body bytes; want 10", d)
		}
		t.Logf("answers %v", st)
	})
	t.Run("Content-Length too large", func(t *testing.T) {
		// It says 100000, sends 10 and closes its side: 400 at once, not
		// after ReadTimeout.
		conn := rawConn(t, base)
		fmt.Fprintf(conn, "POST /v1/clean HTTP/1.1\r\nHost: %s\r\nContent-Length: 100000\r\n\r\n<p>abc</p>", host)
		conn.(*net.TCPConn).CloseWrite()
		start := time.Now()
		resps := exchange(t, conn, nil, abuseBound)
		if len(resps) != 1 || resps[0].StatusCode != http.StatusBadRequest || time.Since(start) > abuseBound/2 {
			t.Errorf("answers %v after %v; want 400 at once", statuses(resps), time.Since(start))
		}
	})
	serveOK(t, base, "after the body abuse")
	if n := len(s.admit); n != 0 {
		t.Errorf("%d admission slots taken at the end", n)
	}
}

func statuses(resps []*http.Response) []int {
	var st []int
	for _, r := range resps {
		st = append(st, r.StatusCode)
	}
	return st
}

// TestServeAbuseHeaders: a header flood gets 431 from net/http, before any
// handler, and the connection is closed; a long but sane header passes.
func TestServeAbuseHeaders(t *testing.T) {
	s, base := startRealServer(t, nil)
	host := strings.TrimPrefix(base, "http://")
	many := &strings.Builder{}
	fmt.Fprintf(many, "POST /v1/clean HTTP/1.1\r\nHost: %s\r\n", host)
	for i := range 10000 {
		fmt.Fprintf(many, "X-Flood-%05d: v\r\n", i)
	}
	fmt.Fprintf(many, "Content-Length: %d\r\n\r\n%s", len(serveWeather), serveWeather)
	long := fmt.Sprintf("POST /v1/clean HTTP/1.1\r\nHost: %s\r\nX-Big: %s\r\nContent-Length: %d\r\n\r\n%s",
		host, strings.Repeat("a", 2<<20), len(serveWeather), serveWeather)
	for _, c := range []struct{ name, req string }{
		{"10,000 headers", many.String()},
		{"a 2 MB header line", long},
	} {
		resps := exchange(t, rawConn(t, base), []byte(c.req), abuseBound)
		if len(resps) != 1 || resps[0].StatusCode != http.StatusRequestHeaderFieldsTooLarge {
			t.Errorf("%s (%d bytes): answers %v; want 431, then the connection closed", c.name, len(c.req), statuses(resps))
		}
	}
	s.metrics.mu.Lock()
	reached := s.metrics.count
	s.metrics.mu.Unlock()
	if got := reached; got != 0 {
		t.Errorf("%d requests reached the handler; want none", got)
	}
	// A 16 KiB URL, as X-Nazif-URL and again in the query: within bounds.
	u := "https://example.com/news/" + strings.Repeat("ن", 8<<10/len("ن")) + "?" + strings.Repeat("a", 8<<10)
	resp, body := servePost(t, base, "/v1/clean?url="+url.QueryEscape(u), strings.NewReader(serveWeather), map[string]string{"X-Nazif-URL": u})
	if resp.StatusCode != http.StatusOK || serveArticle(t, body).URL != u {
		t.Errorf("a long URL: status %d: %.300s", resp.StatusCode, body)
	}
}

// TestServeShutdownUnderLoad: SIGTERM in the middle of a load. Every
// request either gets its whole answer, 200 or 503, or fails to get one
// after the shutdown began (connection refused or closed while idle);
// none is cut off mid-answer, and the server answered exactly what the
// clients received: no request it handled was lost.
func TestServeShutdownUnderLoad(t *testing.T) {
	s := newServer(serveCleaner(t), func() serverConfig {
		cfg := defaultServerConfig()
		cfg.Pool, cfg.Queue = 2, 4
		return cfg
	}())
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	served := make(chan error, 1)
	go func() { served <- s.serve(ctx, ln) }()

	pages := [][]byte{readFile(t, serveCorpusPage), []byte(serveWeather)}
	var want [][]byte
	for _, p := range pages {
		resp, b := servePost(t, base, "/v1/clean", bytes.NewReader(p), nil)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d: %s", resp.StatusCode, b)
		}
		want = append(want, b)
	}
	snapshot := func() map[int]int {
		s.metrics.mu.Lock()
		defer s.metrics.mu.Unlock()
		m := map[int]int{}
		for code, n := range s.metrics.requests {
			m[code] = int(n)
		}
		return m
	}
	// The warm-up's handlers may still be counting after their answers
	// were read: wait until they have, then count the load alone.
	for snapshot()[http.StatusOK] < len(pages) {
		time.Sleep(time.Millisecond)
	}
	before := snapshot()

	tr := &http.Transport{MaxIdleConnsPerHost: 16}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	var (
		shutdownAt atomic.Pointer[time.Time]
		answered   atomic.Int64
		mu         sync.Mutex
		got        = map[int]int{} // by status
		afterOK    int             // 200s that came after the shutdown began
		problems   []string
	)
	problem := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		if len(problems) < 10 {
			problems = append(problems, fmt.Sprintf(format, args...))
		}
	}
	var wg sync.WaitGroup
	for c := range 16 {
		wg.Go(func() {
			for i := c; ; i++ {
				resp, err := client.Post(base+"/v1/clean", "text/html", bytes.NewReader(pages[i%2]))
				if err != nil {
					// Refused, or closed while idle: fine once the shutdown
					// has begun, which is when the client stops.
					if shutdownAt.Load() == nil {
						problem("client %d: an error before the shutdown: %v", c, err)
					}
					return
				}
				b, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				if err != nil {
					problem("client %d: an answer cut off after %d bytes: %v", c, len(b), err)
					return
				}
				mu.Lock()
				got[resp.StatusCode]++
				if resp.StatusCode == http.StatusOK && shutdownAt.Load() != nil {
					afterOK++
				}
				mu.Unlock()
				switch resp.StatusCode {
				case http.StatusOK:
					if !bytes.Equal(b, want[i%2]) {
						problem("client %d: a 200 that is not the page's article: %.200s", c, b)
					}
				case http.StatusServiceUnavailable:
					time.Sleep(5 * time.Millisecond)
				default:
					problem("client %d: status %d: %.200s", c, resp.StatusCode, b)
				}
				answered.Add(1)
			}
		})
	}
	deadline := time.Now().Add(30 * time.Second)
	for answered.Load() < 100 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	now := time.Now()
	shutdownAt.Store(&now)
	stop()
	if err := <-served; err != nil {
		t.Errorf("serve: %v", err)
	}
	wg.Wait()

	for _, p := range problems {
		t.Error(p)
	}
	counted := snapshot()
	for code, n := range before {
		if counted[code] -= n; counted[code] == 0 {
			delete(counted, code)
		}
	}
	if fmt.Sprint(counted) != fmt.Sprint(got) {
		t.Errorf("the server answered %v; the clients received %v", counted, got)
	}
	if got[http.StatusOK] == 0 || afterOK == 0 {
		t.Errorf("%d × 200, %d after the shutdown began; want some of each, as requests in flight must finish", got[http.StatusOK], afterOK)
	}
	t.Logf("answers %v, of them %d × 200 after the shutdown began", got, afterOK)
}
