// Command nazif-beam cleans web crawls into articles at scale: an Apache
// Beam pipeline (Go SDK) that reads the WARC files a glob matches, cleans
// every HTML page in nazif's WebAssembly sandbox, and writes the articles
// as sharded JSONL, each line byte for byte what `nazif clean -f jsonl`
// writes for the same record, with the failures, with their error codes,
// in dead-letter shards of their own.
//
// It runs locally on Prism, in-process, with no set-up:
//
//	go run . --input='crawl/*.warc.gz' --output=out/articles
//
// and on Flink, Spark or Dataflow with their flags (README.md). It is a
// module of its own, so that nazif's main module keeps its few
// dependencies: the Beam SDK brings about 180 modules.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/nazif/nazif/host"
)

const usage = `usage: nazif-beam --input=GLOB --output=PREFIX [flags] [Beam flags]

Cleans every HTML page of the WARC files GLOB matches, in nazif's sandbox,
into PREFIX-00000-of-0000N.jsonl: one line per article, as nazif clean -f
jsonl writes it ({"input": FILE, "record": {...}, "article": {...}}). Pages
that fail go to the dead-letter shards with their error code
({"input": ..., "record": ..., "error": {"code", "message"}}), and so does
a file that is not a WARC (code read, with no record). Records that are no
page (requests, images, statuses other than 200, truncated, corrupt) are
counted, not written. The counters are printed at the end.

The runner is Prism, in this process, unless --runner says otherwise
(flink, spark, dataflow, universal): see README.md.

Flags:
`

var (
	input      = flag.String("input", "", "glob of the WARC files (.warc, .warc.gz) to clean: a local path or any file system Beam knows (gs://…); every file it matches is read as a WARC")
	output     = flag.String("output", "", "prefix of the article shards: `PREFIX`-00000-of-00004.jsonl …")
	deadLetter = flag.String("dead_letter", "", "prefix of the dead-letter shards (default: the --output prefix followed by -failed)")
	shards     = flag.Int("shards", 4, "how many files the articles are written to")
	deadShards = flag.Int("dead_letter_shards", 1, "how many files the dead letters are written to")
	lang       = flag.String("lang", "all", "keep only the articles in these languages: all, or a comma-separated list of ar, fa, ur and other (Article.Lang); failures are kept whatever the language")
	dedup      = flag.Bool("dedup", false, "drop an article whose text is exactly another's (SHA-256 of text), keeping the first by input, then offset; pages with no text are never duplicates")
	pool       = flag.Int("pool", 0, "sandboxes per worker: the size of the worker's pool, and how many pages one bundle cleans at once (0: the worker's GOMAXPROCS)")
	maxInput   = flag.Int("max_input", host.DefaultMaxInputBytes, "largest page, decoded, in `bytes`: a larger one is skipped, as skipped_too_large")
	verbose    = flag.Bool("verbose", false, "log the runner's progress (Prism's job and bundle messages), not only its warnings and errors")
)

func main() {
	flag.Usage = func() {
		fmt.Fprint(flag.CommandLine.Output(), usage)
		flag.PrintDefaults()
	}
	flag.Parse()
	// On a remote worker, Init runs the SDK harness and never returns:
	// the same binary is the launcher and the worker.
	beam.Init()
	quietLogs(*verbose)
	cfg, err := configFromFlags()
	if err != nil {
		fmt.Fprintln(os.Stderr, "nazif-beam:", err)
		os.Exit(2)
	}
	counters, err := run(context.Background(), cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "nazif-beam:", err)
		os.Exit(1)
	}
	printCounters(os.Stderr, counters)
}

// quietLogs sends the launcher's logs, Prism's among them when it runs in
// this process, to stderr at level warning and above, or info with
// verbose: Prism tells every job's start, stages and end at level info.
func quietLogs(verbose bool) {
	level := slog.LevelWarn
	if verbose {
		level = slog.LevelInfo
	}
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level})))
}

// configFromFlags checks the flags and turns them into a Config.
func configFromFlags() (Config, error) {
	cfg := Config{
		Input: *input, Output: *output, DeadLetter: *deadLetter,
		Shards: *shards, DeadLetterShards: *deadShards,
		Dedup: *dedup, Pool: *pool, MaxInput: *maxInput,
	}
	switch {
	case cfg.Input == "":
		return cfg, errors.New("--input: give a glob of WARC files")
	case cfg.Output == "":
		return cfg, errors.New("--output: give the prefix of the output files")
	case cfg.Shards < 1 || cfg.DeadLetterShards < 1:
		return cfg, errors.New("--shards and --dead_letter_shards: want 1 or more")
	case cfg.Pool < 0:
		return cfg, errors.New("--pool: want 0 (the worker's GOMAXPROCS) or more")
	case cfg.MaxInput < 1 || cfg.MaxInput > 1<<30:
		return cfg, fmt.Errorf("--max_input: want 1 to %d bytes", 1<<30)
	}
	if cfg.DeadLetter == "" {
		cfg.DeadLetter = cfg.Output + "-failed"
	}
	langs, err := parseLangs(*lang)
	cfg.Langs = langs
	return cfg, err
}

// run builds the pipeline and runs it on the --runner (Prism when none is
// given), then returns its counters, summed over the steps.
func run(ctx context.Context, cfg Config) (map[string]int64, error) {
	p, s := beam.NewPipelineWithRoot()
	buildPipeline(s, cfg)
	// On Prism the workers are this process: their sandbox is closed
	// here, as the harness never tears a DoFn down.
	defer closeSandbox(ctx)
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		return nil, err
	}
	counters := map[string]int64{}
	if res == nil {
		return counters, nil // an asynchronous job: its counters are the runner's to show
	}
	for _, c := range res.Metrics().AllMetrics().Counters() {
		if c.Namespace() == counterNS {
			counters[c.Name()] += c.Result()
		}
	}
	return counters, nil
}

// printCounters writes the counters, one line, sorted by name.
func printCounters(w io.Writer, counters map[string]int64) {
	var parts []string
	for _, name := range slices.Sorted(maps.Keys(counters)) {
		parts = append(parts, fmt.Sprintf("%s %d", name, counters[name]))
	}
	fmt.Fprintf(w, "nazif-beam: %s\n", strings.Join(parts, ", "))
}
