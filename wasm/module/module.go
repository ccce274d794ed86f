// Package module embeds nazif.wasm, the cleaner compiled for WASI, so that
// a host needs no file beside its binary.
//
// The binary is built from wasm/reactor by `make wasm`, which runs
//
//	GOOS=wasip1 GOARCH=wasm go build -buildmode=c-shared -trimpath -buildvcs=false -o wasm/module/nazif.wasm ./wasm/reactor
//
// and records `go env GOVERSION` in go.version. The build is reproducible:
// the same Go version and go.sum give the same bytes, and CI rebuilds it
// and fails if the committed file differs.
//
// nazif-extism.wasm beside it, the same build with -tags extism, is for
// Extism's SDKs (wasm/HOSTS.md); no Go code embeds it.
package module

import (
	_ "embed"
	"strings"
)

// Binary is nazif.wasm. Do not modify it.
//
//go:embed nazif.wasm
var Binary []byte

//go:embed go.version
var goVersion string

// GoVersion is the Go toolchain that built Binary, such as "go1.26.8".
func GoVersion() string { return strings.TrimSpace(goVersion) }
