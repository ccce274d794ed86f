// Command nazif cleans scraped Arabic news pages into articles, in a
// WebAssembly sandbox.
//
//	nazif clean [flags] [FILE|DIR|URL|-]...   clean pages, in a batch
//	nazif serve [flags]                       serve POST /v1/clean over HTTP
//	nazif eval --truth DIR [flags] [INPUT]... score extractions against truth files
//	nazif load [flags] [FILE|DIR]...          load-test a server (in-process, or -addr)
//	nazif version                             the module's hash, ABI and Go versions
//
// Run a subcommand with -h for its flags.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func usage(w io.Writer) {
	fmt.Fprintln(w, `usage:
  nazif clean [flags] [FILE|DIR|URL|-]...   clean pages (nazif clean -h for flags)
  nazif serve [flags]                       serve POST /v1/clean (nazif serve -h)
  nazif eval --truth DIR [flags] [INPUT]... score extractions against truth files (nazif eval -h)
  nazif load [flags] [FILE|DIR]...          load-test a server, in-process or at -addr (nazif load -h)
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
	case "eval":
		return evalCmd(args[1:], stdout, stderr)
	case "load":
		return loadCmd(args[1:], stdout, stderr)
	case "version", "-version", "--version":
		return versionCmd(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		usage(stdout)
		return 0
	}
	fmt.Fprintf(stderr, "nazif: unknown command %q\n", args[0])
	usage(stderr)
	return 2
}

// newFlagSet is a subcommand's flags: errors go to stderr, and -h prints
// the usage text, then the flags.
func newFlagSet(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args into fs. Flags may come after the inputs too
// (nazif clean page.html -f text), as most command-line tools allow; "--"
// ends the flags, and a lone "-" is an input (stdin). fs.Args() then holds
// the inputs, in order. When parsing ends the command (-h, or a bad flag,
// which fs has reported), it returns false and the exit code.
func parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	var inputs []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0, false
			}
			return 2, false
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		// fs stopped at an input, or ate a "--": everything after a
		// "--" is an input.
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			inputs = append(inputs, rest...)
			break
		}
		inputs = append(inputs, rest[0])
		args = rest[1:]
	}
	// Parsing "--" and the inputs leaves them as fs.Args().
	fs.Parse(append([]string{"--"}, inputs...))
	return 0, true
}

// usageError reports a usage error on stderr and returns its exit code.
func usageError(stderr io.Writer, format string, args ...any) int {
	fmt.Fprintln(stderr, printable(fmt.Sprintf("nazif: "+format, args...)))
	return 2
}

// printable returns s with every character a terminal would act on or
// hide escaped as in a Go string (\x1b, \u202e): the C0 and C1 controls,
// DEL, and invisible format characters. A file name, a server's reason
// phrase or a page's text echoed on stderr could otherwise set the
// terminal's title, clear its screen or write its clipboard (issue 13).
func printable(s string) string {
	clean := true
	for _, r := range s {
		if !shown(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if shown(r) {
			b.WriteRune(r)
			continue
		}
		q := strconv.QuoteRune(r)
		b.WriteString(q[1 : len(q)-1])
	}
	return b.String()
}

// shown reports whether r prints as itself: a graphic character, a space,
// or a tab.
func shown(r rune) bool {
	return r == '\t' || r == ' ' || unicode.IsGraphic(r) && !unicode.Is(unicode.Cf, r)
}
