package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/nazif/nazif/host"
	"github.com/nazif/nazif/wasm/module"
)

// versionCmd prints what identifies a build: the module's SHA-256, the ABI
// version the module itself reports, and the Go versions of the module and
// of this binary.
func versionCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	ctx := context.Background()
	c, err := host.New(ctx, host.NewConfig().WithPoolSize(1))
	if err != nil {
		fmt.Fprintf(stderr, "nazif: %v\n", err)
		return 1
	}
	defer c.Close(ctx)
	fmt.Fprintf(stdout, "nazif.wasm sha256:%s\nabi %d\nmodule built by %s\nhost built by %s\n",
		wasmSHA256(), c.ABIVersion(), module.GoVersion(), runtime.Version())
	return 0
}

// buildVersion is nazif's version as the Go toolchain recorded it in this
// binary: a release tag, or a pseudo-version made from the commit when
// built from a clone. It is "devel" when none was recorded (go run, tests,
// -buildvcs=false).
func buildVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// wasmSHA256 is the SHA-256 of the embedded nazif.wasm, in hex: what
// identifies the module, whichever toolchain or tag built the binary
// around it. It is computed once, on first use.
var wasmSHA256 = sync.OnceValue(func() string {
	sum := sha256.Sum256(module.Binary)
	return hex.EncodeToString(sum[:])
})
