// Command nazif cleans scraped Arabic news pages into articles, in a
// WebAssembly sandbox.
//
//	nazif clean [flags] [FILE|DIR|URL|-]...   clean pages, in a batch
//	nazif serve [flags]                       serve POST /v1/clean over HTTP
//	nazif version                             the module's hash, ABI and Go versions
//
// Run a subcommand with -h for its flags.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func usage(w io.Writer) {
	fmt.Fprintln(w, `usage:
  nazif clean [flags] [FILE|DIR|URL|-]...   clean pages (nazif clean -h for flags)
  nazif serve [flags]                       serve POST /v1/clean (nazif serve -h)
  nazif version                             print the module's hash, ABI and Go versions`)
}

// run is main, minus the process: it returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	switch args[0] {
	case "clean":
		return cleanCmd(args[1:], stdin, stdout, stderr)
	case "serve":
		return serveCmd(args[1:], stdout, stderr)
	case "version":
		return versionCmd(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		usage(stdout)
		return 0
	}
	fmt.Fprintf(stderr, "nazif: unknown command %q\n", args[0])
	usage(stderr)
	return 2
}
