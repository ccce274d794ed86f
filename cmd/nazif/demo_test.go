package main

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/nazif/nazif/wasm/module"
)

func serveGet(t *testing.T, url string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	return serveDo(t, req)
}

// TestServeDemo: with -demo, the demo page and every file it loads come
// with their types and a strict CSP; nazif.wasm is the embedded module.
func TestServeDemo(t *testing.T) {
	_, base := startTestServer(t, func(c *serverConfig) { c.Demo = true })
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/demo/" {
		t.Errorf("GET /: %d to %q; want a redirect to /demo/", resp.StatusCode, resp.Header.Get("Location"))
	}
	for _, tc := range []struct{ path, ctype, has string }{
		{"/demo/", "text/html", "<html"},
		{"/demo/demo.js", "text/javascript", "import"},
		{"/browser.js", "text/javascript", "browser_wasi_shim"},
		{"/core.js", "text/javascript", "nazif_clean"},
		{"/render.js", "text/javascript", "textContent"},
		{"/article.css", "text/css", ".nazif-article"},
		{"/vendor/browser_wasi_shim/index.js", "text/javascript", "WASI"},
		{"/nazif.wasm", "application/wasm", "\x00asm"},
	} {
		resp, body := serveGet(t, base+tc.path)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), tc.ctype) || !strings.Contains(string(body), tc.has) {
			t.Errorf("GET %s: %d %q, %d bytes; want 200 %s with %q", tc.path, resp.StatusCode, resp.Header.Get("Content-Type"), len(body), tc.ctype, tc.has)
		}
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval';") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("GET %s: CSP %q", tc.path, csp)
		}
	}
	if _, body := serveGet(t, base+"/nazif.wasm"); !bytes.Equal(body, module.Binary) {
		t.Errorf("/nazif.wasm is not the embedded module")
	}
	for _, p := range []string{"/embed.go", "/../go.mod", "/demo/../../go.mod", "/node_modules/", "/scripts/vendor.mjs", "/test/api.test.js"} {
		if resp, _ := serveGet(t, base+p); resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d; want 404", p, resp.StatusCode)
		}
	}
	req, _ := http.NewRequest(http.MethodPost, base+"/demo/", strings.NewReader("x"))
	if resp, _ := serveDo(t, req); resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /demo/: %d; want 405", resp.StatusCode)
	}
}

// TestServeNoDemo: without -demo, nothing of it is served.
func TestServeNoDemo(t *testing.T) {
	_, base := startTestServer(t, nil)
	for _, p := range []string{"/", "/demo/", "/nazif.wasm", "/browser.js"} {
		resp, body := serveGet(t, base+p)
		if resp.StatusCode != http.StatusNotFound || !strings.Contains(string(body), "not_found") {
			t.Errorf("GET %s without -demo: %d %s", p, resp.StatusCode, body)
		}
	}
}
