package main

// demo.go serves `nazif serve -demo`: the demo page of the JS package and
// the files it loads, laid out as under wasm/js, so that the page's
// relative URLs (../browser.js, ../nazif.wasm) work unchanged. The page
// cleans in the browser; it never calls /v1/clean.

import (
	"bytes"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"

	nazifjs "github.com/nazif/nazif/wasm/js"
	"github.com/nazif/nazif/wasm/module"
)

// demoCSP lets the page run its own scripts and compile wasm, and nothing
// else: no inline script, no other origin, no plugin, no framing. Images
// alone may come from anywhere on the web: an article's figures are on its
// site (the reader view sends no referrer for them).
const demoCSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: https: http:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// demo serves r when its path is one of the demo's files and tells
// whether it did.
func (s *server) demo(w http.ResponseWriter, r *http.Request) bool {
	p := r.URL.Path
	if p == "/" || p == "/demo" {
		http.Redirect(w, r, "/demo/", http.StatusFound)
		return true
	}
	name := strings.TrimPrefix(p, "/")
	if strings.HasSuffix(p, "/") {
		name += "index.html"
	}
	var content []byte
	if name == "nazif.wasm" {
		content = module.Binary
	} else {
		if name = path.Clean(name); !fs.ValidPath(name) || strings.HasPrefix(name, ".") {
			return false
		}
		b, err := fs.ReadFile(nazifjs.Files, name)
		if err != nil {
			return false
		}
		content = b
	}
	if !allowGet(w, r) {
		return true
	}
	h := w.Header()
	h.Set("Content-Security-Policy", demoCSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-cache")
	// ServeContent types by extension (text/javascript, application/wasm
	// and so on) and answers Range and If-Modified-Since.
	http.ServeContent(w, r, path.Base(name), time.Time{}, bytes.NewReader(content))
	return true
}
