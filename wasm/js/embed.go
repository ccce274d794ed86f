// Package nazifjs is nazif's JavaScript side as files: the loader
// (core.js, browser.js, node.js), the reader-view renderer (render.js),
// the vendored WASI shim and the demo page, embedded so that
// `nazif serve -demo` can serve them. The module itself is wasm/module's
// nazif.wasm; wasm/js/nazif.wasm is a link to it for the npm package.
package nazifjs

import "embed"

// Files holds the package's files at their paths under wasm/js, without
// the links nazif.wasm and LICENSE, node_modules, scripts and tests.
//
//go:embed *.js *.d.ts *.css demo vendor
var Files embed.FS
