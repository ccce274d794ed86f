package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/nazif/nazif/cmd/internal/crawl"
	"github.com/nazif/nazif/cmd/internal/jsonl"
	"github.com/nazif/nazif/host"
	"github.com/nazif/nazif/wasm/nazif"
)

// Config is one run of the pipeline, as the flags set it.
type Config struct {
	// Input is a glob of WARC files, on any file system Beam knows: every
	// file it matches is read as a WARC.
	Input string
	// Output and DeadLetter are the prefixes of the article shards and of
	// the dead-letter shards: PREFIX-00000-of-00004.jsonl and so on.
	Output, DeadLetter string
	// Shards and DeadLetterShards are how many files each output has.
	Shards, DeadLetterShards int
	// Langs keeps only the articles of these languages (Article.Lang);
	// nil keeps them all.
	Langs []string
	// Dedup drops an article whose text is that of another.
	Dedup bool
	// Pool is the size of a worker's sandbox pool, and how many pages one
	// bundle cleans at once; 0 means the worker's GOMAXPROCS.
	Pool int
	// MaxInput caps a page's decoded payload, in bytes.
	MaxInput int
}

// Langs are the values of Article.Lang, which --lang chooses among.
var Langs = []string{"ar", "fa", "ur", "other"}

// The counters, in the namespace "nazif". Failures are counted per code
// as failed_<code>, and the records a WARC file passes over per reason as
// skipped_<reason> (crawl's Skip constants).
const (
	counterNS = "nazif"

	cRecords      = "records"           // WARC records read, of every type
	cPages        = "pages"             // HTML 200 responses read: the pages to clean
	cPageBytes    = "page_bytes"        // their payloads' bytes, decoded
	cCleaned      = "cleaned"           // pages that gave an article (possibly with no body)
	cNoArticle    = "no_article"        // of those, the ones with no body block
	cLangDropped  = "lang_dropped"      // articles left out by --lang
	cDuplicates   = "duplicates"        // articles left out by --dedup
	cSandboxes    = "sandboxes_started" // host.Cleaners started, one per worker process
	cFailedPrefix = "failed_"
	cSkipPrefix   = "skipped_"
)

// Counters written by each output's writer: "<sink>_lines" and
// "<sink>_bytes".
const (
	sinkArticles    = "articles"
	sinkDeadLetters = "dead_letters"
)

func init() {
	register.DoFn4x1[context.Context, fileio.FileMetadata, func(page), func(string), error](&readFn{})
	register.DoFn4x0[context.Context, page, func(article), func(string)](&cleanFn{})
	register.DoFn4x0[context.Context, string, func(*article) bool, func(article)](&firstFn{})
	register.DoFn2x0[string, func(int, string)](&shardFn{})
	register.DoFn2x0[[]byte, func(int, string)](&allShardsFn{})
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeShardFn{})
	register.Function1x2[article, string, article](dedupKey)
	register.Function1x1[article, string](articleLine)
	register.Emitter1[page]()
	register.Emitter1[article]()
	register.Emitter1[string]()
	register.Emitter2[int, string]()
	register.Iter1[article]()
	register.Iter1[string]()
	beam.RegisterType(reflect.TypeOf((*page)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*article)(nil)).Elem())
}

// buildPipeline adds the pipeline to s: the WARC files the glob matches,
// spread over the workers; their pages, cleaned in the sandbox; the
// articles, filtered and deduplicated as cfg says, to sharded JSONL; and
// the failures to the dead-letter shards.
func buildPipeline(s beam.Scope, cfg Config) {
	// A glob that matches nothing is a mistake to report, not an empty
	// crawl.
	files := fileio.MatchFiles(s, cfg.Input, fileio.MatchEmptyDisallow())
	// A fusion break: the files go to the workers one by one, where each
	// is read and its pages cleaned in one fused step, streaming, so that
	// a crawl's pages are never all held between two steps.
	files = beam.Reshuffle(s, files)
	pages, unread := beam.ParDo2(s.Scope("ReadWARC"), &readFn{MaxInput: cfg.MaxInput}, files)
	articles, failed := beam.ParDo2(s.Scope("Clean"), &cleanFn{Pool: cfg.Pool, MaxInput: cfg.MaxInput, Langs: cfg.Langs}, pages)
	if cfg.Dedup {
		s := s.Scope("Dedup")
		byText := beam.GroupByKey(s, beam.ParDo(s, dedupKey, articles))
		articles = beam.ParDo(s, &firstFn{}, byText)
	}
	writeShards(s.Scope("WriteArticles"), sinkArticles, cfg.Output, cfg.Shards, beam.ParDo(s, articleLine, articles))
	writeShards(s.Scope("WriteDeadLetters"), sinkDeadLetters, cfg.DeadLetter, cfg.DeadLetterShards, beam.Flatten(s, unread, failed))
}

// page is a WARC page on its way to the cleaner: crawl.Page, and the file
// it came from, as the glob matched it (jsonl's "input").
type page struct {
	Input   string
	Record  crawl.Record
	Body    []byte
	URL     string
	Charset string
	Date    time.Time
}

// article is a cleaned page's JSONL line, with what deduplication needs:
// the SHA-256 of its text, and its place, which orders duplicates.
type article struct {
	Input  string
	Offset int64
	Hash   string // hex; "" for an article with no text
	Line   string // with its newline
}

// inc adds n to the counter name.
func inc(ctx context.Context, name string, n int64) {
	if n != 0 {
		beam.NewCounter(counterNS, name).Inc(ctx, n)
	}
}

// readFn streams a WARC file and emits its pages; a file that cannot be
// read at all goes to the dead letters as its jsonl line, as nazif clean
// writes it.
type readFn struct {
	MaxInput int
}

func (f *readFn) ProcessElement(ctx context.Context, file fileio.FileMetadata, emit func(page), fail func(string)) error {
	name := file.Path
	local, done, err := localCopy(ctx, name)
	if err != nil {
		fail(fileFailure(name, err))
		inc(ctx, cFailedPrefix+"read", 1)
		return nil
	}
	defer done()
	var bytes int64
	st, err := crawl.Read(local, f.MaxInput, func(p crawl.Page) bool {
		bytes += int64(len(p.Body))
		emit(page{Input: name, Record: p.Record, Body: p.Body, URL: p.URL, Charset: p.Charset, Date: p.Date})
		return ctx.Err() == nil
	})
	inc(ctx, cRecords, int64(st.Records))
	inc(ctx, cPages, int64(st.Pages))
	inc(ctx, cPageBytes, bytes)
	for reason, n := range st.Skipped {
		inc(ctx, cSkipPrefix+reason, int64(n))
	}
	if err != nil {
		fail(fileFailure(name, err))
		inc(ctx, cFailedPrefix+"read", 1)
	}
	return ctx.Err()
}

// fileFailure is the dead letter of a file that could not be read: the
// line nazif clean writes for it, with no record.
func fileFailure(name string, err error) string {
	return string(jsonl.Encode(jsonl.Line{Input: name, Error: &jsonl.Error{Code: "read", Message: err.Error()}}))
}

// localCopy gives a local path to read name from: name itself on the local
// file system, else a temporary copy (crawl.Read resyncs past a corrupt
// record by seeking, which a remote object's stream cannot), with the
// function that removes it.
func localCopy(ctx context.Context, name string) (string, func(), error) {
	if !strings.Contains(name, "://") {
		return name, func() {}, nil
	}
	fsys, err := filesystem.New(ctx, name)
	if err != nil {
		return "", nil, err
	}
	defer fsys.Close()
	r, err := fsys.OpenRead(ctx, name)
	if err != nil {
		return "", nil, err
	}
	defer r.Close()
	tmp, err := os.CreateTemp("", "nazif-beam-*"+crawl.Suffix(name))
	if err != nil {
		return "", nil, err
	}
	remove := func() { os.Remove(tmp.Name()) }
	if _, err := io.Copy(tmp, r); err != nil {
		tmp.Close()
		remove()
		return "", nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := tmp.Close(); err != nil {
		remove()
		return "", nil, err
	}
	return tmp.Name(), remove, nil
}

// cleanFn cleans pages in the worker's sandbox (see sandbox.go): Setup
// acquires the worker's host.Cleaner, Teardown releases it, and no element
// ever makes one. A bundle keeps up to Pool pages in the sandbox at once:
// a runner may hand a worker one bundle for a whole WARC file (Prism
// does), and the pool is what spreads it over the cores. Results are
// emitted as they finish, from ProcessElement and, for the last ones,
// FinishBundle; the pipeline is batch, in the global window, so an output
// needs no timestamp of its own input.
type cleanFn struct {
	Pool     int
	MaxInput int
	Langs    []string

	cleaner  *host.Cleaner
	gen      int
	started  bool // this instance started the worker's Cleaner: counted at its first element
	keep     map[string]bool
	pool     int
	done     chan cleanResult
	inflight int
}

// cleanResult is one page cleaned: an article's line, a failure's, or an
// article dropped by --lang.
type cleanResult struct {
	article   article
	noArticle bool
	dropped   bool
	failed    string // the error code, with the dead letter in line
	line      string
}

func (f *cleanFn) Setup(ctx context.Context) error {
	f.pool = f.Pool
	if f.pool <= 0 {
		f.pool = runtime.GOMAXPROCS(0)
	}
	cfg := host.NewConfig().WithPoolSize(f.pool).WithMaxInputBytes(f.MaxInput)
	c, gen, started, err := acquireSandbox(ctx, cfg)
	if err != nil {
		return fmt.Errorf("starting the sandbox: %w", err)
	}
	f.cleaner, f.gen, f.started = c, gen, started
	if len(f.Langs) > 0 {
		f.keep = map[string]bool{}
		for _, l := range f.Langs {
			f.keep[l] = true
		}
	}
	// Buffered for every page in flight, so that a finished page never
	// waits for the bundle's goroutine to take its result.
	f.done = make(chan cleanResult, f.pool)
	return nil
}

func (f *cleanFn) Teardown(ctx context.Context) {
	releaseSandbox(ctx, f.gen)
}

func (f *cleanFn) ProcessElement(ctx context.Context, p page, emit func(article), fail func(string)) {
	if f.started {
		inc(ctx, cSandboxes, 1)
		f.started = false
	}
	for f.inflight == f.pool {
		f.emit(ctx, <-f.done, emit, fail)
	}
	f.inflight++
	go func() { f.done <- f.clean(ctx, p) }()
	for {
		select {
		case r := <-f.done:
			f.emit(ctx, r, emit, fail)
		default:
			return
		}
	}
}

func (f *cleanFn) FinishBundle(ctx context.Context, emit func(article), fail func(string)) {
	for f.inflight > 0 {
		f.emit(ctx, <-f.done, emit, fail)
	}
}

// emit sends one result on and counts it. Only the bundle's goroutine
// calls it: emitters and counters are not for other goroutines.
func (f *cleanFn) emit(ctx context.Context, r cleanResult, emit func(article), fail func(string)) {
	f.inflight--
	switch {
	case r.failed != "":
		inc(ctx, cFailedPrefix+r.failed, 1)
		fail(r.line)
		return
	case r.noArticle:
		inc(ctx, cNoArticle, 1)
	}
	inc(ctx, cCleaned, 1)
	if r.dropped {
		inc(ctx, cLangDropped, 1)
		return
	}
	emit(r.article)
}

// clean cleans one page as nazif clean does a WARC page, and renders its
// line with the CLI's own code (jsonl).
func (f *cleanFn) clean(ctx context.Context, p page) cleanResult {
	opts := jsonl.PageOptions(crawl.Page{URL: p.URL, Charset: p.Charset, Date: p.Date}, nazif.Options{})
	a, err := f.cleaner.Clean(ctx, p.Body, opts)
	rec := p.Record
	if err != nil {
		e := jsonl.ErrorOf(err)
		return cleanResult{failed: e.Code, line: string(jsonl.Encode(jsonl.Line{Input: p.Input, Record: &rec, Error: e}))}
	}
	r := cleanResult{noArticle: len(a.Blocks) == 0}
	if f.keep != nil && !f.keep[a.Lang] {
		r.dropped = true
		return r
	}
	r.article = article{Input: p.Input, Offset: rec.Offset, Line: string(jsonl.Encode(jsonl.Line{Input: p.Input, Record: &rec, Article: &a}))}
	if a.Text != "" {
		sum := sha256.Sum256([]byte(a.Text))
		r.article.Hash = hex.EncodeToString(sum[:])
	}
	return r
}

// dedupKey keys an article by its text's hash. An article with no text
// has nothing to be a duplicate of: its key is its own place.
func dedupKey(a article) (string, article) {
	if a.Hash == "" {
		return fmt.Sprintf("place:%d:%s", a.Offset, a.Input), a
	}
	return "sha256:" + a.Hash, a
}

// firstFn keeps, of the articles with one text, the first by input, then
// offset: the same one whatever order the runner delivers them in.
type firstFn struct{}

func (*firstFn) ProcessElement(ctx context.Context, _ string, arts func(*article) bool, emit func(article)) {
	var first, a article
	n := 0
	for arts(&a) {
		if n == 0 || a.Input < first.Input || a.Input == first.Input && a.Offset < first.Offset {
			first = a
		}
		n++
	}
	inc(ctx, cDuplicates, int64(n-1))
	emit(first)
}

func articleLine(a article) string { return a.Line }

// writeShards writes lines to n files named after prefix, each line to the
// shard its hash picks, so that a line lands in the same shard on every
// run. Every shard is written, an empty one too: readers find all n, and a
// run with no failure leaves an empty dead-letter file rather than none.
func writeShards(s beam.Scope, sink, prefix string, n int, lines beam.PCollection) {
	keyed := beam.ParDo(s, &shardFn{N: n}, lines)
	every := beam.ParDo(s, &allShardsFn{N: n}, beam.Impulse(s))
	grouped := beam.GroupByKey(s, beam.Flatten(s, keyed, every))
	beam.ParDo0(s, &writeShardFn{Sink: sink, Prefix: prefix, N: n}, grouped)
}

// shardFn keys a line by its shard.
type shardFn struct{ N int }

func (f *shardFn) ProcessElement(line string, emit func(int, string)) {
	h := fnv.New32a()
	h.Write([]byte(line))
	emit(int(h.Sum32()%uint32(f.N)), line)
}

// allShardsFn emits an empty line for every shard, which the writer
// skips: what makes each shard's group exist. A JSONL line is never empty.
type allShardsFn struct{ N int }

func (f *allShardsFn) ProcessElement(_ []byte, emit func(int, string)) {
	for i := range f.N {
		emit(i, "")
	}
}

// shardName is the file of shard i of n: PREFIX-00001-of-00004.jsonl.
func shardName(prefix string, i, n int) string {
	return fmt.Sprintf("%s-%05d-of-%05d.jsonl", prefix, i, n)
}

// writeShardFn writes one shard's lines, in the order they come (which no
// runner fixes: sort to compare two runs), through Beam's file systems.
type writeShardFn struct {
	Sink   string
	Prefix string
	N      int
}

func (f *writeShardFn) ProcessElement(ctx context.Context, shard int, lines func(*string) bool) (err error) {
	name := shardName(f.Prefix, shard, f.N)
	fsys, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fsys.Close()
	w, err := fsys.OpenWrite(ctx, name)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := w.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("%s: %w", name, cerr)
		}
	}()
	bw := bufio.NewWriterSize(w, 1<<16)
	var n, bytes int64
	var line string
	for lines(&line) {
		if line == "" {
			continue
		}
		if _, err := bw.WriteString(line); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		n++
		bytes += int64(len(line))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	inc(ctx, f.Sink+"_lines", n)
	inc(ctx, f.Sink+"_bytes", bytes)
	return nil
}

// parseLangs reads --lang: "all", or a comma-separated list of Langs.
func parseLangs(s string) ([]string, error) {
	if strings.TrimSpace(s) == "all" {
		return nil, nil
	}
	var out []string
	for l := range strings.SplitSeq(s, ",") {
		l = strings.TrimSpace(l)
		if !slices.Contains(Langs, l) {
			return nil, fmt.Errorf("--lang: unknown language %q (want all, or a comma-separated list of %s)", l, strings.Join(Langs, ", "))
		}
		out = append(out, l)
	}
	return out, nil
}
