package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/nazif/nazif/wasm/nazif"
)

func cleanCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("clean", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("f", "json", "output format: json, text, md or html")
	now := fs.String("now", "", "reference time for relative dates (RFC 3339)")
	pageURL := fs.String("url", "", "the page's URL")
	charset := fs.String("charset", "", "charset hint, as from an HTTP Content-Type")
	explain := fs.Bool("explain", false, "list what was removed and why (json)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	opts := nazif.Options{URL: *pageURL, Charset: *charset, Explain: *explain}
	if *now != "" {
		t, err := time.Parse(time.RFC3339, *now)
		if err != nil {
			fmt.Fprintf(stderr, "nazif: -now: %v\n", err)
			return 2
		}
		opts.Now = t
	}
	switch *format {
	case "json", "text":
	case "md":
		opts.Markdown = true
	case "html":
		opts.HTML = true
	default:
		fmt.Fprintf(stderr, "nazif: unknown format %q (want json, text, md or html)\n", *format)
		return 2
	}
	files := fs.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}
	failed := 0
	for _, f := range files {
		if err := cleanOne(f, stdin, stdout, *format, opts); err != nil {
			failed++
			fmt.Fprintf(stderr, "nazif: %s: %v\n", f, err)
		}
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "nazif: %d of %d inputs failed\n", failed, len(files))
		return 1
	}
	return 0
}

// metaLine joins the article's date, site, section and author with " · ".
func metaLine(a nazif.Article) string {
	var parts []string
	for _, p := range []string{a.Published, a.Site, a.Section, a.Author} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " · ")
}

func cleanOne(name string, stdin io.Reader, stdout io.Writer, format string, opts nazif.Options) error {
	var input []byte
	var err error
	if name == "-" {
		input, err = io.ReadAll(stdin)
	} else {
		input, err = os.ReadFile(name)
	}
	if err != nil {
		return err
	}
	a, err := nazif.Extract(input, opts)
	if err != nil {
		return err
	}
	switch format {
	case "text":
		_, err = fmt.Fprintf(stdout, "%s\n%s\n\n%s\n", a.Title, metaLine(a), a.Text)
	case "md":
		_, err = io.WriteString(stdout, a.Markdown)
	case "html":
		_, err = io.WriteString(stdout, a.HTML)
	default:
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		err = enc.Encode(a)
	}
	if err != nil {
		return errors.Join(errors.New("writing output"), err)
	}
	return nil
}
