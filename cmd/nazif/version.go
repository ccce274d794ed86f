package main

import (
	"context"
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"runtime"

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
	fmt.Fprintf(stdout, "nazif.wasm sha256:%x\nabi %d\nmodule built by %s\nhost built by %s\n",
		sha256.Sum256(module.Binary), c.ABIVersion(), module.GoVersion(), runtime.Version())
	return 0
}
