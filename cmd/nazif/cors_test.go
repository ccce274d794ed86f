package main

import (
	"io"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// corsRequest sends method to base+path with the given headers, and a
// small page as the body of a POST.
func corsRequest(t *testing.T, method, base, path string, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	var body io.Reader
	if method == http.MethodPost {
		body = strings.NewReader(serveWeather)
	}
	req, err := http.NewRequest(method, base+path, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	return serveDo(t, req)
}

// corsHeaders are the Access-Control-* headers of resp, by name.
func corsHeaders(resp *http.Response) map[string]string {
	got := map[string]string{}
	for k, vs := range resp.Header {
		if strings.HasPrefix(k, "Access-Control-") {
			got[k] = strings.Join(vs, ", ")
		}
	}
	return got
}

// varyOrigin reports whether resp varies by Origin.
func varyOrigin(resp *http.Response) bool {
	for _, v := range resp.Header.Values("Vary") {
		for f := range strings.SplitSeq(v, ",") {
			if strings.EqualFold(strings.TrimSpace(f), "Origin") {
				return true
			}
		}
	}
	return false
}

// preflight is what a browser sends before a POST with an HTML
// Content-Type and an option header.
func preflight(origin string) map[string]string {
	return map[string]string{
		"Origin":                         origin,
		"Access-Control-Request-Method":  "POST",
		"Access-Control-Request-Headers": "content-type,x-nazif-html",
	}
}

// TestCORSPreflight: an allowed origin's preflight gets 204 and every
// header a browser needs to send the POST; any other origin, however
// close to an allowed one, gets no CORS header at all.
func TestCORSPreflight(t *testing.T) {
	_, base := startTestServer(t, func(cfg *serverConfig) {
		cfg.CORS = []string{"https://news.example", "http://localhost:3000"}
	})
	for _, origin := range []string{"https://news.example", "http://localhost:3000"} {
		resp, body := corsRequest(t, http.MethodOptions, base, "/v1/clean", preflight(origin))
		want := map[string]string{
			"Access-Control-Allow-Origin":  origin,
			"Access-Control-Allow-Methods": "POST",
			"Access-Control-Allow-Headers": "Content-Type, X-Nazif-Url, X-Nazif-Charset, X-Nazif-Now, X-Nazif-Html, X-Nazif-Markdown, X-Nazif-Explain",
			"Access-Control-Max-Age":       "7200",
		}
		if got := corsHeaders(resp); resp.StatusCode != http.StatusNoContent || len(body) != 0 || !maps.Equal(got, want) {
			t.Errorf("preflight from %s: status %d, body %q, headers %q; want 204, no body, %q", origin, resp.StatusCode, body, got, want)
		}
		if !varyOrigin(resp) {
			t.Errorf("preflight from %s: Vary %q; want Origin", origin, resp.Header.Values("Vary"))
		}
	}
	for _, origin := range []string{
		"https://evil.example",
		"http://news.example",        // another scheme
		"https://news.example:8443",  // another port
		"https://news.example.evil",  // a suffix
		"https://sub.news.example",   // a subdomain
		"null",                       // a sandboxed frame or a file
		"https://news.example, null", // two origins in one
	} {
		resp, body := corsRequest(t, http.MethodOptions, base, "/v1/clean", preflight(origin))
		if got := corsHeaders(resp); resp.StatusCode != http.StatusForbidden || len(got) != 0 || !strings.Contains(string(body), `"origin_not_allowed"`) {
			t.Errorf("preflight from %q: status %d, headers %q, body %s; want 403 origin_not_allowed and no CORS header", origin, resp.StatusCode, got, body)
		}
		if !varyOrigin(resp) {
			t.Errorf("preflight from %q: Vary %q; want Origin", origin, resp.Header.Values("Vary"))
		}
	}
	// OPTIONS from no browser is told what the endpoint takes.
	resp, _ := corsRequest(t, http.MethodOptions, base, "/v1/clean", nil)
	if got := corsHeaders(resp); resp.StatusCode != http.StatusNoContent || resp.Header.Get("Allow") != "OPTIONS, POST" || len(got) != 0 {
		t.Errorf("OPTIONS without Origin: status %d, Allow %q, headers %q; want 204, OPTIONS, POST and no CORS header", resp.StatusCode, resp.Header.Get("Allow"), got)
	}
	resp, _ = corsRequest(t, http.MethodGet, base, "/v1/clean", nil)
	if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "OPTIONS, POST" {
		t.Errorf("GET: status %d, Allow %q; want 405 and OPTIONS, POST", resp.StatusCode, resp.Header.Get("Allow"))
	}
}

// TestCORSAllowedHeaders: the preflight allows exactly the option headers
// the server reads: each one it allows is taken by POST /v1/clean, and
// each option the server reads is allowed.
func TestCORSAllowedHeaders(t *testing.T) {
	_, base := startTestServer(t, func(cfg *serverConfig) { cfg.CORS = []string{"*"} })
	values := map[string]string{"url": "https://news.example/1", "charset": "utf-8", "now": "2024-07-01T12:00:00Z"}
	resp, _ := corsRequest(t, http.MethodOptions, base, "/v1/clean", preflight("https://news.example"))
	allowed := strings.Split(resp.Header.Get("Access-Control-Allow-Headers"), ", ")
	for _, name := range cleanOptionNames {
		if !slices.ContainsFunc(allowed, func(h string) bool { return strings.EqualFold(h, "X-Nazif-"+name) }) {
			t.Errorf("Access-Control-Allow-Headers %q lacks X-Nazif-%s", allowed, name)
		}
	}
	for _, h := range allowed {
		name, ok := cutPrefixFold(h, "X-Nazif-")
		if !ok {
			if h != "Content-Type" {
				t.Errorf("Access-Control-Allow-Headers allows %q, which the server does not read", h)
			}
			continue
		}
		v, ok := values[strings.ToLower(name)]
		if !ok {
			v = "1"
		}
		if resp, body := corsRequest(t, http.MethodPost, base, "/v1/clean", map[string]string{h: v}); resp.StatusCode != http.StatusOK {
			t.Errorf("POST with the allowed header %s: %s: status %d: %s", h, v, resp.StatusCode, body)
		}
	}
}

// TestCORSResponses: the answers, errors included, carry the allowed
// origin and expose the headers a script needs; other origins, and other
// endpoints, get none of it, and the answer itself is the same.
func TestCORSResponses(t *testing.T) {
	s, base := startTestServer(t, func(cfg *serverConfig) {
		cfg.CORS = []string{"https://news.example"}
		cfg.Pool, cfg.Queue = 1, 0 // one slot, which the test can take
	})
	const origin = "https://news.example"
	allowed := map[string]string{
		"Access-Control-Allow-Origin":   origin,
		"Access-Control-Expose-Headers": "X-Nazif-Version, Retry-After",
	}
	resp, body := corsRequest(t, http.MethodPost, base, "/v1/clean", map[string]string{"Origin": origin})
	if got := corsHeaders(resp); resp.StatusCode != http.StatusOK || !maps.Equal(got, allowed) || !varyOrigin(resp) {
		t.Errorf("POST from %s: status %d, headers %q, Vary %q; want 200, %q and Vary: Origin", origin, resp.StatusCode, got, resp.Header.Values("Vary"), allowed)
	}
	want := serveArticle(t, body)

	s.admit <- struct{}{} // a 503, whose Retry-After the script may read
	resp, _ = corsRequest(t, http.MethodPost, base, "/v1/clean", map[string]string{"Origin": origin})
	<-s.admit
	if got := corsHeaders(resp); resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" || !maps.Equal(got, allowed) {
		t.Errorf("a 503: status %d, Retry-After %q, headers %q; want 503, Retry-After and %q", resp.StatusCode, resp.Header.Get("Retry-After"), got, allowed)
	}
	resp, _ = corsRequest(t, http.MethodPost, base, "/v1/clean?html=maybe", map[string]string{"Origin": origin})
	if got := corsHeaders(resp); resp.StatusCode != http.StatusBadRequest || !maps.Equal(got, allowed) {
		t.Errorf("a 400: status %d, headers %q; want 400 and %q", resp.StatusCode, got, allowed)
	}

	// Not an allowed origin: answered all the same (CORS binds browsers,
	// not the server), but with nothing that lets the browser show it.
	resp, body = corsRequest(t, http.MethodPost, base, "/v1/clean", map[string]string{"Origin": "https://evil.example"})
	if got := corsHeaders(resp); resp.StatusCode != http.StatusOK || len(got) != 0 || !varyOrigin(resp) {
		t.Errorf("POST from another origin: status %d, headers %q; want 200, no CORS header, Vary: Origin", resp.StatusCode, got)
	} else if serveArticle(t, body).Text != want.Text {
		t.Errorf("POST from another origin: another article")
	}
	for _, path := range []string{"/healthz", "/metrics", "/v2/clean"} {
		resp, _ := corsRequest(t, http.MethodGet, base, path, map[string]string{"Origin": origin})
		if got := corsHeaders(resp); len(got) != 0 {
			t.Errorf("GET %s from %s: headers %q; want no CORS header outside /v1/clean", path, origin, got)
		}
	}
}

// TestCORSWildcard: with *, every origin may call, and is answered *,
// which never names an origin.
func TestCORSWildcard(t *testing.T) {
	_, base := startTestServer(t, func(cfg *serverConfig) { cfg.CORS = []string{"https://news.example", "*"} })
	for _, origin := range []string{"https://news.example", "https://other.example", "null"} {
		resp, _ := corsRequest(t, http.MethodOptions, base, "/v1/clean", preflight(origin))
		if resp.StatusCode != http.StatusNoContent || resp.Header.Get("Access-Control-Allow-Origin") != "*" {
			t.Errorf("preflight from %s: status %d, Access-Control-Allow-Origin %q; want 204 and *", origin, resp.StatusCode, resp.Header.Get("Access-Control-Allow-Origin"))
		}
		resp, _ = corsRequest(t, http.MethodPost, base, "/v1/clean", map[string]string{"Origin": origin})
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Access-Control-Allow-Origin") != "*" {
			t.Errorf("POST from %s: status %d, Access-Control-Allow-Origin %q; want 200 and *", origin, resp.StatusCode, resp.Header.Get("Access-Control-Allow-Origin"))
		}
	}
}

// TestCORSOff: without -cors, the server is as it was: OPTIONS is a
// method not allowed, and nothing says any origin may read the answers.
func TestCORSOff(t *testing.T) {
	_, base := startTestServer(t, nil)
	resp, body := corsRequest(t, http.MethodOptions, base, "/v1/clean", preflight("https://news.example"))
	if got := corsHeaders(resp); resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "POST" || len(got) != 0 {
		t.Errorf("preflight: status %d, Allow %q, headers %q, body %s; want 405, POST and no CORS header", resp.StatusCode, resp.Header.Get("Allow"), got, body)
	}
	resp, _ = corsRequest(t, http.MethodPost, base, "/v1/clean", map[string]string{"Origin": "https://news.example"})
	if got := corsHeaders(resp); resp.StatusCode != http.StatusOK || len(got) != 0 || resp.Header.Get("Vary") != "" {
		t.Errorf("POST: status %d, headers %q, Vary %q; want 200, no CORS header and no Vary", resp.StatusCode, got, resp.Header.Get("Vary"))
	}
}

// TestCORSParseOrigin: -cors takes origins in any case, with default
// ports and IDN hosts, and keeps them as browsers send them; anything
// else is refused with what to give instead.
func TestCORSParseOrigin(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"*", "*"},
		{"https://news.example", "https://news.example"},
		{"HTTPS://News.Example:443", "https://news.example"},
		{"http://news.example:80", "http://news.example"},
		{"https://news.example:80", "https://news.example:80"},
		{"http://localhost:3000", "http://localhost:3000"},
		{"http://127.0.0.1:8080", "http://127.0.0.1:8080"},
		{"http://[::1]:8080", "http://[::1]:8080"},
		{"http://[::1]:80", "http://[::1]"},
		{"chrome-extension://abcdefghijklmnopabcdefghijklmnop", "chrome-extension://abcdefghijklmnopabcdefghijklmnop"},
		{"https://مثال.مصر", "https://xn--mgbh0fb.xn--wgbh1c"},
	} {
		if got, err := parseOrigin(c.in); err != nil || got != c.want {
			t.Errorf("parseOrigin(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	for _, c := range []struct{ in, hint string }{
		{"", "such as https://example.com"},
		{"news.example", "such as https://example.com"},
		{"null", "such as https://example.com"},
		{"https://news.example/", "give https://news.example"},
		{"https://news.example/app", "give https://news.example"},
		{"https://news.example?x=1", "give https://news.example"},
		{"https://user@news.example", "give https://news.example"},
		{"https://*.news.example", "list each origin"},
		{"**", "such as https://example.com"},
	} {
		got, err := parseOrigin(c.in)
		if err == nil || !strings.Contains(err.Error(), c.hint) {
			t.Errorf("parseOrigin(%q) = %q, %v; want an error saying %q", c.in, got, err, c.hint)
		}
	}
	got, err := parseOrigins("https://a.example, HTTP://B.example:80,*")
	if want := []string{"https://a.example", "http://b.example", "*"}; err != nil || !slices.Equal(got, want) {
		t.Errorf("parseOrigins: %q, %v; want %q", got, err, want)
	}
	if got, err := parseOrigins("https://a.example,"); err == nil {
		t.Errorf("parseOrigins with an empty item: %q; want an error", got)
	}
}
