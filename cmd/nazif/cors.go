package main

// cors.go is `nazif serve -cors`: which web pages (and extensions) may
// call POST /v1/clean from a browser, per the Fetch standard's CORS
// protocol. Without -cors the server sends no CORS header, and browsers
// keep other origins' scripts from reading its answers.

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// corsMaxAge is how long, in seconds, a browser may reuse a preflight's
// answer: two hours, the most Chromium honours (Firefox takes a day). The
// answer only changes when the server restarts with other flags, and an
// origin dropped meanwhile still cannot read the answers: each one carries
// its own Access-Control-Allow-Origin.
const corsMaxAge = 2 * 60 * 60

// corsExposed are the response headers a browser script may read beyond
// the safelisted ones (Content-Type, Content-Length ...): which build
// answered, and how long to wait after a 503.
const corsExposed = "X-Nazif-Version, Retry-After"

// corsAllowedHeaders are the request headers a preflight allows: the
// Content-Type (an HTML page's is not one a browser sends without asking)
// and the X-Nazif-* options that cleanOptions reads.
var corsAllowedHeaders = func() string {
	h := []string{"Content-Type"}
	for _, name := range cleanOptionNames {
		h = append(h, http.CanonicalHeaderKey("X-Nazif-"+name))
	}
	return strings.Join(h, ", ")
}()

// cors is the CORS policy of /v1/clean. A nil *cors is none: no CORS
// header, and OPTIONS is a method not allowed like any other.
type cors struct {
	any     bool     // "*" was given: every origin may call
	origins []string // else these, in the form browsers send
}

// newCORS is the policy allowing origins, as parseOrigin returns them,
// or nil when there are none.
func newCORS(origins []string) *cors {
	if len(origins) == 0 {
		return nil
	}
	return &cors{any: slices.Contains(origins, "*"), origins: origins}
}

// allowOrigin is the Access-Control-Allow-Origin to answer a request from
// origin with, or "" when origin may not call. It never returns an origin
// that is not listed: "*" when every origin may call, else the listed one.
func (c *cors) allowOrigin(origin string) string {
	switch {
	case origin == "":
		return ""
	case c.any:
		return "*"
	case slices.Contains(c.origins, origin):
		return origin
	}
	return ""
}

// handle sets the CORS headers of a request to /v1/clean and answers it
// when it is an OPTIONS request; it tells whether it did.
//
// A request from an origin not allowed gets no CORS header: the server
// still answers it, as it would a client that is no browser, but the
// browser keeps the answer from the page. Vary: Origin is on every answer,
// so that a cache never hands one origin's answer to another.
func (c *cors) handle(w http.ResponseWriter, r *http.Request) bool {
	h := w.Header()
	h.Add("Vary", "Origin")
	origin := r.Header.Get("Origin")
	allow := c.allowOrigin(origin)
	if r.Method != http.MethodOptions {
		if allow != "" {
			h.Set("Access-Control-Allow-Origin", allow)
			h.Set("Access-Control-Expose-Headers", corsExposed)
		}
		return false
	}
	switch {
	case origin == "":
		// A plain OPTIONS, from no browser: say what the endpoint takes.
		h.Set("Allow", cleanAllow(c))
		w.WriteHeader(http.StatusNoContent)
	case allow == "":
		writeAPIError(w, http.StatusForbidden, "origin_not_allowed",
			"this origin may not call /v1/clean from a browser: add it to the server's -cors list")
	default:
		h.Set("Access-Control-Allow-Origin", allow)
		h.Set("Access-Control-Allow-Methods", http.MethodPost)
		h.Set("Access-Control-Allow-Headers", corsAllowedHeaders)
		h.Set("Access-Control-Max-Age", strconv.Itoa(corsMaxAge))
		w.WriteHeader(http.StatusNoContent)
	}
	return true
}

// cleanAllow is the Allow header of /v1/clean under the policy c.
func cleanAllow(c *cors) string {
	if c == nil {
		return http.MethodPost
	}
	return "OPTIONS, POST"
}

// parseOrigins parses one -cors value: origins separated by commas, each
// as parseOrigin takes it.
func parseOrigins(list string) ([]string, error) {
	var origins []string
	for o := range strings.SplitSeq(list, ",") {
		o, err := parseOrigin(strings.TrimSpace(o))
		if err != nil {
			return nil, err
		}
		origins = append(origins, o)
	}
	return origins, nil
}

// parseOrigin checks an origin given to -cors, "*" or scheme://host[:port],
// and returns it as a browser sends it in its Origin header: scheme and
// host in lower case, the host in ASCII (punycode), no default port. Any
// scheme goes, as extensions have their own (chrome-extension://ID).
func parseOrigin(s string) (string, error) {
	if s == "*" {
		return s, nil
	}
	const want = "want scheme://host[:port], such as https://example.com, or * for any origin"
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" || u.Host == "" || u.Opaque != "" {
		return "", fmt.Errorf("%q is no origin: %s", s, want)
	}
	if u.User != nil || u.Path != "" || u.RawQuery != "" || u.ForceQuery || u.Fragment != "" {
		return "", fmt.Errorf("%q is more than an origin, which has no path, query or user: give %s://%s", s, u.Scheme, u.Host)
	}
	if strings.Contains(u.Host, "*") {
		return "", fmt.Errorf("%q: a wildcard stands alone (*, any origin); list each origin you allow instead", s)
	}
	scheme, host, port := strings.ToLower(u.Scheme), strings.ToLower(u.Hostname()), u.Port()
	if strings.ContainsFunc(host, func(r rune) bool { return r >= utf8.RuneSelf }) {
		if host, err = idna.Lookup.ToASCII(host); err != nil {
			return "", fmt.Errorf("%q: %v: give the host as browsers send it, in punycode (xn--...)", s, err)
		}
	}
	if scheme == "http" && port == "80" || scheme == "https" && port == "443" {
		port = ""
	}
	switch {
	case port != "":
		host = net.JoinHostPort(host, port)
	case strings.Contains(host, ":"):
		host = "[" + host + "]"
	}
	return scheme + "://" + host, nil
}
