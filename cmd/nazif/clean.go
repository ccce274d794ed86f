package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/nazif/nazif/cmd/internal/crawl"
	"github.com/nazif/nazif/cmd/internal/jsonl"
	"github.com/nazif/nazif/host"
	"github.com/nazif/nazif/wasm/nazif"
)

const cleanUsage = `usage: nazif clean [flags] [FILE|DIR|URL|-]...

Cleans each input into an article. A DIR is walked for .html, .htm, .xhtml,
.txt, .warc and .warc.gz files, hidden ones skipped, in sorted order. A WARC
file (.warc, .warc.gz) is a crawl: every HTML 200 response record is a page,
with the record's target URI as its URL, its date as -now and the HTTP
charset as the hint; jsonl is then the default format, each line carrying
the record's ID, URI, date and offset, and -o writes one jsonl file per
WARC. Other records are counted by reason (not_html, status, truncated,
too_large, encoding, corrupt) on stderr; a corrupt record costs only
itself. An http or https URL
is fetched by nazif itself, never by the sandbox: the response's charset is
the decoding hint and its final URL the page's URL. "-", or no input at all,
reads standard input.

Pages are cleaned in the WebAssembly sandbox unless -native. Results come
out in input order, also with -j. For a batch, jsonl is the format: one
line per input, its article or its error. With several inputs, json is one
array of articles, and text, md and html put a line naming the source
before each article. A failed input does not stop the others: they are
listed on stderr at the end, and the exit code is 1 (2 for a usage
error). A page with no article is no failure: it is named on stderr, and
-strict makes it exit 1 too. A batch of several inputs, or one written
with -o, ends with a summary line on stderr; -v adds progress. Under -o,
a walked directory's tree is mirrored. Flags may come before or after the
inputs; "--" ends them.

Flags:
`

// Settings of clean that the flags do not cover.
const (
	// maxRedirects is how many redirects a fetch follows: enough for
	// http→https→www→canonical, and it ends a loop quickly.
	maxRedirects = 5
	// progressMin is the batch size from which a terminal gets a progress
	// line: below it, the run is over before the line would help.
	progressMin = 10
	// progressEvery throttles progress redraws.
	progressEvery = 100 * time.Millisecond
)

// walkExts are the files a directory walk takes.
var walkExts = map[string]bool{".html": true, ".htm": true, ".xhtml": true, ".txt": true, ".warc": true}

// formatExts maps each -f format to its extension under -o.
var formatExts = map[string]string{"json": ".json", "jsonl": ".jsonl", "text": ".txt", "md": ".md", "html": ".html"}

// openCleaner starts the sandbox for one run and returns it with the
// function that releases it. Tests replace it to share one Cleaner: it
// takes seconds to start.
var openCleaner = func(ctx context.Context, cfg host.Config) (*host.Cleaner, func(), error) {
	c, err := host.New(ctx, cfg)
	if err != nil {
		return nil, nil, err
	}
	return c, func() { c.Close(ctx) }, nil
}

// cleanBatch is one run of nazif clean: the settings from the flags, and
// the cleaner they chose.
type cleanBatch struct {
	format   string
	opts     nazif.Options
	maxInput int
	outDir   string
	// standalone makes html output whole documents.
	standalone bool
	client     *http.Client
	stdin      io.Reader
	// clean is the sandbox's Clean, or nazif.Extract under -native.
	clean cleanFunc
}

// cleanFunc cleans one page: the sandbox's Clean, or cleanNative.
type cleanFunc func(ctx context.Context, input []byte, opts nazif.Options) (nazif.Article, error)

// cleanInput is one input, as expanded from the arguments.
type cleanInput struct {
	name string // as the user gave or the walk found it: a path, a URL or "-"
	url  bool
	warc bool        // a WARC file: its HTML responses are the pages
	rel  string      // for a page found by walking a directory, its path below that directory
	out  string      // the output file's path under -o
	err  *cleanError // a failure found while expanding, such as an unreadable directory
}

// cleanError is a failed input's code and message, as the summary and
// jsonl report them (jsonl.Error).
type cleanError = jsonl.Error

// cleanResult is what one input gave: its rendered output, or why it failed
// (and, for jsonl, the error line); empty reports a page with no article.
type cleanResult struct {
	out   []byte
	err   *cleanError
	empty bool
}

func cleanCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fset := newFlagSet("clean", cleanUsage, stderr)
	format := fset.String("f", "json", "output format: json (indented, one document per input), "+
		"jsonl (one line per input, {\"input\": NAME, \"article\": {...}} or {\"input\": NAME, \"error\": {\"code\": ..., \"message\": ...}}), "+
		"text (title, meta line, blank line, text), md or html")
	outDir := fset.String("o", "", "write one file per input into `DIR` (created if missing) instead of to stdout: named after the input, at the same place below DIR as below a walked directory; a failed input writes none")
	jobs := fset.Int("j", runtime.GOMAXPROCS(0), "clean `N` inputs at once")
	native := fset.Bool("native", false, "clean natively, without the sandbox: for trusted input, and to compare")
	maxInput := fset.Int("max-input", host.DefaultMaxInputBytes, "largest input, in `bytes`; a larger file, page or stdin fails with too_large")
	fetchTimeout := fset.Duration("fetch-timeout", 20*time.Second, "time limit for fetching one URL, body included")
	now := fset.String("now", "", "reference time for relative dates (RFC 3339)")
	pageURL := fset.String("url", "", "the page's URL, for inputs that are not URLs")
	charset := fset.String("charset", "", "charset hint, as from an HTTP Content-Type; a fetched page's own Content-Type charset wins over it")
	explain := fset.Bool("explain", false, "list what was removed and why, and the pass that won (json, jsonl)")
	strict := fset.Bool("strict", false, "exit 1 when a page has no article, as when it fails")
	standalone := fset.Bool("standalone", false, "with -f html: a whole document to open in a browser (charset, right to left, the reader view's styles inlined, the source link)")
	verbose := fset.Bool("v", false, "show progress on stderr: on a terminal a line with the count, rate and time left, elsewhere a line per input")
	if code, ok := parseFlags(fset, args); !ok {
		return code
	}
	b := &cleanBatch{
		format:   *format,
		opts:     nazif.Options{URL: *pageURL, Charset: *charset, Explain: *explain},
		maxInput: *maxInput,
		outDir:   *outDir,
		stdin:    stdin,
	}
	if b.stdin == nil {
		b.stdin = strings.NewReader("")
	}
	if *now != "" {
		t, err := time.Parse(time.RFC3339, *now)
		if err != nil {
			return usageError(stderr, "-now: %v (want RFC 3339, such as 2024-07-01T12:00:00Z)", err)
		}
		b.opts.Now = t
	}
	switch b.format {
	case "json", "jsonl", "text":
	case "md":
		b.opts.Markdown = true
	case "html":
		b.opts.HTML = true
	default:
		return usageError(stderr, "unknown format %q (want json, jsonl, text, md or html)", b.format)
	}
	if *standalone && b.format != "html" {
		return usageError(stderr, "-standalone: only the html format has it (add -f html)")
	}
	b.standalone = *standalone
	if *explain && b.format != "json" && b.format != "jsonl" {
		return usageError(stderr, "-explain: the %s format cannot show it (want json or jsonl)", b.format)
	}
	if *jobs < 1 {
		return usageError(stderr, "-j %d: want 1 or more", *jobs)
	}
	if *maxInput < 1 || *maxInput > 1<<30 {
		return usageError(stderr, "-max-input %d: want 1 to %d bytes", *maxInput, 1<<30)
	}
	if *fetchTimeout <= 0 {
		return usageError(stderr, "-fetch-timeout %v: want a positive duration", *fetchTimeout)
	}
	inputs, err := expandInputs(fset.Args())
	if err != nil {
		return usageError(stderr, "%v", err)
	}
	if slices.ContainsFunc(inputs, func(in cleanInput) bool { return in.warc }) { // a WARC input
		// A crawl is a batch: jsonl unless asked otherwise, and under -o
		// one jsonl file per WARC.
		explicit := false
		fset.Visit(func(f *flag.Flag) { explicit = explicit || f.Name == "f" })
		if !explicit {
			b.format = "jsonl"
		}
		if b.outDir != "" && b.format != "jsonl" {
			return usageError(stderr, "-o with a WARC input writes one jsonl file per WARC (use -f jsonl)")
		}
	}
	if b.outDir != "" {
		if err := os.MkdirAll(b.outDir, 0o755); err != nil {
			fmt.Fprintln(stderr, printable(fmt.Sprintf("nazif: -o: %v", err)))
			return 1
		}
		nameOutputs(inputs, b.outDir, formatExts[b.format])
	}
	b.client = &http.Client{
		Timeout: *fetchTimeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= maxRedirects {
				return fmt.Errorf("stopped after %d redirects", maxRedirects)
			}
			return nil
		},
	}

	ctx := context.Background()
	if *native {
		b.clean = cleanNative
	} else {
		cfg := host.NewConfig().WithPoolSize(*jobs).WithMaxInputBytes(*maxInput)
		c, release, err := openCleaner(ctx, cfg)
		if err != nil {
			fmt.Fprintf(stderr, "nazif: starting the sandbox: %v (-native cleans without it)\n", err)
			return 1
		}
		defer release()
		b.clean = c.Clean
	}

	// Progress goes to a terminal by itself when the batch is long and
	// stdout is not on the same screen; -v asks for it anyway.
	var prog *progress
	live := isTerminal(stderr)
	hasWARC := slices.ContainsFunc(inputs, func(in cleanInput) bool { return in.warc })
	if *verbose || live && (len(inputs) >= progressMin || hasWARC) && (b.outDir != "" || !isTerminal(stdout)) {
		prog = &progress{w: stderr, total: len(inputs), live: live, start: time.Now()}
		if hasWARC {
			prog.total = 0 // unknown until the crawl is read
		}
	}
	start := time.Now()
	rep := b.run(ctx, inputs, *jobs, stdout, prog)
	prog.finish()
	listed(stderr, rep.empty, func(n string) string { return fmt.Sprintf("nazif: %s: no article found", n) })
	listed(stderr, rep.failed, func(f failure) string {
		return fmt.Sprintf("nazif: %s: %s [%s]", f.name, strings.TrimPrefix(f.err.Message, "nazif: "), f.err.Code)
	})
	for _, w := range rep.warcs {
		line := fmt.Sprintf("nazif: %s: %s, %s", w.name, count(w.stats.Records, "WARC record"), count(w.stats.Pages, "HTML page"))
		if s := w.stats.Summary(); s != "" {
			line += "; skipped: " + s
		}
		fmt.Fprintln(stderr, printable(line))
	}
	if rep.pages > 1 || b.outDir != "" || len(rep.warcs) > 0 {
		fmt.Fprintf(stderr, "nazif: %s: %d cleaned, %d with no article, %d failed, in %v\n", count(rep.pages, "input"),
			rep.pages-len(rep.failed)-len(rep.empty), len(rep.empty), len(rep.failed), time.Since(start).Round(time.Millisecond))
	}
	if len(rep.failed) > 0 || *strict && len(rep.empty) > 0 {
		return 1
	}
	return 0
}

// maxListed is how many failures, and how many pages with no article, the
// end of a run lists one by one: a crawl's thousands would bury the
// summary. jsonl has every one.
const maxListed = 100

// listed writes each item's line on w, up to maxListed, then a count of
// the rest.
func listed[T any](w io.Writer, items []T, line func(T) string) {
	for i, it := range items {
		if i == maxListed {
			fmt.Fprintf(w, "nazif: … and %d more\n", len(items)-maxListed)
			break
		}
		fmt.Fprintln(w, printable(line(it)))
	}
}

// job is one page of a batch: an input, or a page of a WARC input.
type job struct {
	input  int           // the index of its input
	name   string        // how stderr names it
	record *crawl.Record // for a WARC page, the record's ID, URI and date
	page   []byte        // a WARC page's payload, read by the producer
	opts   nazif.Options
	err    *cleanError // a failure before cleaning: a WARC file that cannot be read
	res    chan cleanResult
}

// failure is a page that failed, as the end of the run lists it.
type failure struct {
	name string
	err  *cleanError
}

// warcReport is what one WARC input held.
type warcReport struct {
	name  string
	stats crawl.Stats
}

// batchReport is what a run did: the pages it cleaned (inputs, and WARC
// pages), the failures and the pages with no article in order, and each
// WARC's counts.
type batchReport struct {
	pages  int
	failed []failure
	empty  []string
	warcs  []warcReport
}

// run cleans inputs with jobs workers and writes each result, in input
// order, to stdout or its file under -o. A WARC input is streamed: its
// pages are read one after another as the workers take them.
func (b *cleanBatch) run(ctx context.Context, inputs []cleanInput, jobs int, stdout io.Writer, prog *progress) batchReport {
	// order carries every job to the writer in input order; its capacity
	// bounds the pages read but not yet written, so that one slow page
	// early in a big batch does not hold the whole batch in memory.
	order := make(chan *job, 4*jobs)
	work := make(chan *job)
	var rep batchReport
	var warcMu sync.Mutex // rep.warcs, appended by the producer
	go func() {
		defer close(order)
		defer close(work)
		send := func(j *job) {
			j.res = make(chan cleanResult, 1)
			order <- j
			work <- j
		}
		for i, in := range inputs {
			if !in.warc || in.err != nil {
				send(&job{input: i, name: in.name, opts: b.opts})
				continue
			}
			st, err := crawl.Read(in.name, b.maxInput, func(p crawl.Page) bool {
				rec := p.Record
				send(&job{input: i, name: in.name + "#" + warcName(rec), record: &rec, page: p.Body, opts: jsonl.PageOptions(p, b.opts)})
				return ctx.Err() == nil
			})
			warcMu.Lock()
			rep.warcs = append(rep.warcs, warcReport{name: in.name, stats: st})
			warcMu.Unlock()
			if err != nil {
				// The file itself failed: it stands as a failed input.
				send(&job{input: i, name: in.name, err: &cleanError{Code: "read", Message: err.Error()}})
			}
		}
	}()
	var wg sync.WaitGroup
	for range jobs {
		wg.Go(func() {
			for j := range work {
				r := b.cleanOne(ctx, inputs[j.input], j)
				prog.add(r.err != nil)
				j.res <- r
			}
		})
	}
	// Several inputs on stdout: json is one array, and text, md and html
	// name the source before each article.
	framed := b.outDir == "" && (len(inputs) > 1 || inputs[0].warc)
	written := 0
	opened := map[int]bool{} // inputs whose file under -o is created
	for j := range order {
		r := <-j.res
		if r.out != nil && (r.err == nil || b.outDir == "") {
			out := r.out
			if framed {
				out = b.frame(written, j.name, out)
			}
			if err := b.write(inputs[j.input], out, stdout, !opened[j.input]); err != nil && r.err == nil {
				r.err = &cleanError{Code: "write", Message: err.Error()}
			}
			opened[j.input] = true
			written++
		}
		rep.pages++
		if r.err != nil {
			rep.failed = append(rep.failed, failure{j.name, r.err})
		} else if r.empty {
			rep.empty = append(rep.empty, j.name)
		}
		prog.log(rep.pages-1, j.name, r)
	}
	wg.Wait()
	if framed && b.format == "json" {
		if written == 0 {
			io.WriteString(stdout, "[")
		}
		io.WriteString(stdout, "]\n")
	}
	return rep
}

// warcName is how a WARC page is named on stderr, after its file's name
// and "#": its target URI, or its record ID.
func warcName(r crawl.Record) string {
	if r.URI != "" {
		return r.URI
	}
	return r.ID
}

// frame is the kth output written of a batch on stdout, with what
// separates it from the one before: the array's comma for json, and a
// line naming the source for text, md and html.
func (b *cleanBatch) frame(k int, name string, out []byte) []byte {
	switch b.format {
	case "json":
		sep := ",\n"
		if k == 0 {
			sep = "[\n"
		}
		return append([]byte(sep), bytes.TrimRight(out, "\n")...)
	case "text":
		return fmt.Appendf(nil, "%s==> %s <==\n\n%s", blankBefore(k), printable(name), out)
	case "md", "html":
		// An HTML comment: both Markdown and HTML leave it unrendered.
		return fmt.Appendf(nil, "%s<!-- nazif: %s -->\n%s", blankBefore(k), strings.ReplaceAll(printable(name), "--", "- -"), out)
	}
	return out
}

// blankBefore is the blank line between two framed articles.
func blankBefore(k int) string {
	if k == 0 {
		return ""
	}
	return "\n"
}

// write puts one input's output in its file under -o, created or, for
// the later pages of a WARC, appended to; or on stdout.
func (b *cleanBatch) write(in cleanInput, out []byte, stdout io.Writer, create bool) error {
	if b.outDir == "" {
		_, err := stdout.Write(out)
		return err
	}
	name := filepath.Join(b.outDir, in.out)
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	flag := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if !create {
		flag = os.O_WRONLY | os.O_APPEND
	}
	f, err := os.OpenFile(name, flag, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(out)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// cleanOne reads, cleans and renders one page. A failure in jsonl still
// has output: the error line.
func (b *cleanBatch) cleanOne(ctx context.Context, in cleanInput, j *job) cleanResult {
	a, err := b.extract(ctx, in, j)
	if err != nil {
		r := cleanResult{err: err}
		if b.format == "jsonl" {
			r.out = jsonl.Encode(jsonl.Line{Input: in.name, Record: j.record, Error: err})
		}
		return r
	}
	var out []byte
	switch {
	case b.standalone:
		out = standaloneHTML(a)
	case b.format == "jsonl":
		out = jsonl.Encode(jsonl.Line{Input: in.name, Record: j.record, Article: &a})
	default:
		out = render(b.format, a)
	}
	return cleanResult{out: out, empty: len(a.Blocks) == 0}
}

func (b *cleanBatch) extract(ctx context.Context, in cleanInput, j *job) (nazif.Article, *cleanError) {
	switch {
	case j.err != nil:
		return nazif.Article{}, j.err
	case in.err != nil:
		return nazif.Article{}, in.err
	}
	opts := j.opts
	input := j.page
	var err *cleanError
	switch {
	case j.record != nil:
	case in.url:
		input, err = b.fetch(ctx, in.name, &opts)
	case in.name == "-":
		input, err = readCapped(b.stdin, b.maxInput, "read")
	default:
		input, err = b.readFile(in.name)
	}
	if err != nil {
		return nazif.Article{}, err
	}
	a, cerr := b.clean(ctx, input, opts)
	if cerr != nil {
		return a, jsonl.ErrorOf(cerr)
	}
	return a, nil
}

func (b *cleanBatch) readFile(name string) ([]byte, *cleanError) {
	return readFileCapped(name, b.maxInput)
}

// readFileCapped reads a file of at most max bytes.
func readFileCapped(name string, max int) ([]byte, *cleanError) {
	f, err := os.Open(name)
	if err != nil {
		return nil, &cleanError{Code: "read", Message: err.Error()}
	}
	defer f.Close()
	return readCapped(f, max, "read")
}

// readCapped reads r to its end, or fails with too_large past max bytes
// without reading further. code classifies the other failures.
func readCapped(r io.Reader, max int, code string) ([]byte, *cleanError) {
	data, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, &cleanError{Code: code, Message: err.Error()}
	}
	if len(data) > max {
		return nil, tooLarge(max)
	}
	return data, nil
}

func tooLarge(max int) *cleanError {
	return &cleanError{
		Code:    string(host.CodeInputTooLarge),
		Message: fmt.Sprintf("nazif: input exceeds the cap of %d bytes (raise it with -max-input)", max),
	}
}

// fetch GETs a page and sets opts.URL to where it ended up and
// opts.Charset to the response's charset, when it names one.
func (b *cleanBatch) fetch(ctx context.Context, rawURL string, opts *nazif.Options) ([]byte, *cleanError) {
	fail := func(format string, args ...any) *cleanError {
		return &cleanError{Code: "fetch", Message: fmt.Sprintf(format, args...)}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, fail("%v", err)
	}
	req.Header.Set("User-Agent", userAgent())
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5")
	resp, err := b.client.Do(req)
	if err != nil {
		// The url.Error would repeat the URL, which the summary names.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fail("%v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fail("the server answered %s", resp.Status)
	}
	if resp.ContentLength > int64(b.maxInput) {
		return nil, tooLarge(b.maxInput)
	}
	input, cerr := readCapped(resp.Body, b.maxInput, "fetch")
	if cerr != nil {
		return nil, cerr
	}
	opts.URL = resp.Request.URL.String()
	if _, params, err := mime.ParseMediaType(resp.Header.Get("Content-Type")); err == nil && params["charset"] != "" {
		opts.Charset = params["charset"]
	}
	return input, nil
}

// userAgent names nazif and its version, when the binary records one.
func userAgent() string {
	return "nazif/" + buildVersion() + " (+https://github.com/nazif/nazif)"
}

// cleanNative is nazif.Extract under the sandbox's default time limit, and
// with a panic turned into an error, so that one page cannot end a batch.
func cleanNative(_ context.Context, input []byte, opts nazif.Options) (a nazif.Article, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &host.Error{Code: host.CodeTrap, Message: fmt.Sprintf("nazif: panic: %v", p)}
		}
	}()
	opts.Deadline = time.Now().Add(host.DefaultTimeout)
	return nazif.Extract(input, opts)
}

// render formats an article as -f asks. Every format ends in a newline,
// so that a batch on stdout does not run one output into the next.
func render(format string, a nazif.Article) []byte {
	var s string
	switch format {
	case "json":
		var sb strings.Builder
		enc := json.NewEncoder(&sb)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		enc.Encode(a)
		s = sb.String()
	case "text":
		s = fmt.Sprintf("%s\n%s\n\n%s\n", a.Title, metaLine(a), a.Text)
	case "md":
		s = a.Markdown
	case "html":
		s = a.HTML
	}
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return []byte(s)
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

// expandInputs turns the arguments into inputs: URLs as they are,
// directories walked, anything else a file, read later (so that a missing
// one is a failed input, not a usage error). No argument means stdin.
func expandInputs(args []string) ([]cleanInput, error) {
	if len(args) == 0 {
		args = []string{"-"}
	}
	var inputs []cleanInput
	stdin := false
	for _, arg := range args {
		switch {
		case arg == "-":
			if stdin {
				return nil, errors.New(`"-" (stdin) given twice; it can be read only once`)
			}
			stdin = true
			inputs = append(inputs, cleanInput{name: arg})
		case isURL(arg):
			inputs = append(inputs, cleanInput{name: arg, url: true})
		default:
			if fi, err := os.Stat(arg); err == nil && fi.IsDir() {
				inputs = append(inputs, walkInputs(arg)...)
			} else {
				inputs = append(inputs, cleanInput{name: arg, warc: crawl.IsWARC(arg)})
			}
		}
	}
	return inputs, nil
}

func isURL(arg string) bool {
	lower := strings.ToLower(arg)
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

// walkInputs lists the pages under root in lexical order. A directory it
// cannot read, and a root with no page at all, become failed inputs.
func walkInputs(root string) []cleanInput {
	var inputs []cleanInput
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			inputs = append(inputs, cleanInput{name: p, err: &cleanError{Code: "read", Message: err.Error()}})
			return nil
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && (walkExts[strings.ToLower(filepath.Ext(p))] || crawl.IsWARC(p)) {
			rel, _ := filepath.Rel(root, p)
			inputs = append(inputs, cleanInput{name: p, rel: rel, warc: crawl.IsWARC(p)})
		}
		return nil
	})
	if len(inputs) == 0 {
		inputs = append(inputs, cleanInput{name: root, err: &cleanError{
			Code: "read", Message: "no .html, .htm, .xhtml, .txt, .warc or .warc.gz file in this directory or below",
		}})
	}
	return inputs
}

// nameOutputs gives each input its file path under dir: its base name (for
// a URL, its host and path) with ext, in the subdirectory where a walk
// found it. Paths are unique, ignoring case, and never those of input
// files, which -o must not overwrite: a candidate that exists is compared
// with the inputs by identity (os.SameFile), not by path, since dir may be
// a symbolic link to an input's directory, or the other way round.
func nameOutputs(inputs []cleanInput, dir, ext string) {
	// Input files by lower-case base name, the only ones a candidate of
	// that name can be.
	files := map[string][]os.FileInfo{}
	for _, in := range inputs {
		if in.url || in.name == "-" {
			continue
		}
		if fi, err := os.Stat(in.name); err == nil {
			base := strings.ToLower(filepath.Base(in.name))
			files[base] = append(files[base], fi)
		}
	}
	isInput := func(name string) bool {
		cands := files[strings.ToLower(filepath.Base(name))]
		if len(cands) == 0 {
			return false
		}
		fi, err := os.Stat(filepath.Join(dir, name))
		return err == nil && slices.ContainsFunc(cands, func(in os.FileInfo) bool { return os.SameFile(fi, in) })
	}
	taken := map[string]bool{}
	for i := range inputs {
		stem := outputStem(inputs[i])
		if inputs[i].rel != "" {
			stem = filepath.Join(filepath.Dir(inputs[i].rel), stem)
		}
		name := stem + ext
		for n := 2; ; n++ {
			if !taken[strings.ToLower(name)] {
				if !isInput(name) {
					break
				}
				taken[strings.ToLower(name)] = true
			}
			name = fmt.Sprintf("%s-%d%s", stem, n, ext)
		}
		taken[strings.ToLower(name)] = true
		inputs[i].out = name
	}
}

// outputStem is an input's output name without the extension.
func outputStem(in cleanInput) string {
	switch {
	case in.name == "-":
		return "stdin"
	case in.url:
		u, err := url.Parse(in.name)
		if err != nil {
			return sanitizeName(in.name)
		}
		p := strings.TrimSuffix(u.Path, "/")
		s := u.Hostname() + "_" + strings.TrimSuffix(p, path.Ext(p))
		if u.RawQuery != "" {
			s += "_" + u.RawQuery
		}
		return sanitizeName(s)
	}
	base := filepath.Base(in.name)
	if in.warc {
		// crawl.warc.gz: one .jsonl for the whole crawl, named crawl.
		return sanitizeName(base[:len(base)-len(crawl.Suffix(base))])
	}
	return sanitizeName(strings.TrimSuffix(base, filepath.Ext(base)))
}

// sanitizeName keeps letters, digits, '-' and '.', turns every other run
// into one '_', and trims the result to a length every file system takes.
// It never begins with '.', so it is never hidden.
func sanitizeName(s string) string {
	var sb strings.Builder
	under := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '.' {
			sb.WriteRune(r)
			under = false
		} else if !under {
			sb.WriteByte('_')
			under = true
		}
	}
	out := sb.String()
	const maxBytes = 120 // of 255, leaving room for a -N suffix and the extension
	if len(out) > maxBytes {
		cut := maxBytes
		for cut > 0 && !utf8.RuneStart(out[cut]) {
			cut--
		}
		out = out[:cut]
	}
	out = strings.Trim(out, "_.")
	if out == "" {
		return "input"
	}
	return out
}

// isTerminal tells whether w is a terminal, without a dependency: a
// character device is one, in practice.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progress reports a batch as it goes. On a terminal (live) it is one
// line, redrawn, with the count, the rate and the time left; elsewhere it
// is a line per input, in input order. A nil *progress does nothing.
type progress struct {
	w     io.Writer
	total int
	live  bool
	start time.Time

	mu           sync.Mutex
	done, failed int
	last         time.Time
	drawn        bool
}

// add counts one finished input, and redraws the live line when it is due.
func (p *progress) add(failed bool) {
	if p == nil || !p.live {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	if failed {
		p.failed++
	}
	if p.done == p.total || time.Since(p.last) >= progressEvery {
		p.last = time.Now()
		p.drawn = true
		fmt.Fprintf(p.w, "\r\x1b[K%s", p.line(time.Since(p.start)))
	}
}

// line is the live line after elapsed: the count, and once a page has
// finished, the rate and the time left at that rate.
func (p *progress) line(elapsed time.Duration) string {
	s := fmt.Sprintf("nazif: %s cleaned, %d failed", p.count(p.done), p.failed)
	if p.done == 0 || elapsed <= 0 {
		return s
	}
	rate := float64(p.done) / elapsed.Seconds()
	s += fmt.Sprintf(" · %.1f/s", rate)
	if left := p.total - p.done; p.total > 0 && left > 0 {
		eta := time.Duration(float64(left) / rate * float64(time.Second))
		s += " · " + eta.Round(time.Second).String() + " left"
	}
	return s
}

// log writes the line of the kth input (from 0) when progress is not live.
func (p *progress) log(k int, name string, r cleanResult) {
	if p == nil || p.live {
		return
	}
	outcome := "cleaned"
	switch {
	case r.err != nil:
		outcome = "failed [" + r.err.Code + "]"
	case r.empty:
		outcome = "no article"
	}
	fmt.Fprintln(p.w, printable(fmt.Sprintf("nazif: %s %s: %s", p.count(k+1), name, outcome)))
}

// count is n of the total ("3/10"), or n alone when the total is unknown
// (0), as for a crawl.
func (p *progress) count(n int) string {
	if p.total <= 0 {
		return strconv.Itoa(n)
	}
	return fmt.Sprintf("%d/%d", n, p.total)
}

// finish clears the live line, so that the summary starts on a clean one.
func (p *progress) finish() {
	if p == nil || !p.drawn {
		return
	}
	fmt.Fprint(p.w, "\r\x1b[K")
}
