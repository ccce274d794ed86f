// Command command is nazif as a WASI command: the page on stdin, the
// Article JSON on stdout, options as flags. It lets a WASI command-line
// runtime clean a page with no glue:
//
//	make wasm-command
//	wasmtime nazif-command.wasm -html < page.html
//	wazero run nazif-command.wasm -now 2024-07-01T12:00:00Z < page.html
//
// It is a thin wrapper over nazif.Extract; the sandboxed hosts use the
// reactor (wasm/reactor), which keeps an instance warm between pages.
// Exit codes: 0 ok, 1 a failed page (message on stderr), 2 bad flags.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/nazif/nazif/wasm/nazif"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("nazif", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts nazif.Options
	fs.StringVar(&opts.URL, "url", "", "the page's URL")
	fs.StringVar(&opts.Charset, "charset", "", "charset hint, as from an HTTP Content-Type")
	now := fs.String("now", "", "reference time for relative dates (RFC 3339)")
	fs.BoolVar(&opts.HTML, "html", false, "add the reader-view HTML")
	fs.BoolVar(&opts.Markdown, "markdown", false, "add Markdown")
	fs.BoolVar(&opts.Explain, "explain", false, "list what was removed and why")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *now != "" {
		t, err := time.Parse(time.RFC3339, *now)
		if err != nil {
			fmt.Fprintf(stderr, "nazif: -now: %v\n", err)
			return 2
		}
		opts.Now = t
	}
	input, err := io.ReadAll(stdin)
	if err != nil {
		fmt.Fprintf(stderr, "nazif: reading stdin: %v\n", err)
		return 1
	}
	a, err := nazif.Extract(input, opts)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	out, err := json.Marshal(a)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if _, err := stdout.Write(append(out, '\n')); err != nil {
		fmt.Fprintf(stderr, "nazif: writing stdout: %v\n", err)
		return 1
	}
	return 0
}
