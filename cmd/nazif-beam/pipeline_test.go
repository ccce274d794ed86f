package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/nazif/nazif/cmd/internal/crawl"
	"github.com/nazif/nazif/cmd/internal/warcfix"
)

// The pipeline runs on Prism in this process (the default runner): the
// test binary is its worker, so the package's variables are the workers'.
func TestMain(m *testing.M) {
	flag.Parse()
	beam.Init()
	quietLogs(testing.Verbose())
	code := m.Run()
	if cliBuilt {
		if bin, err := cliBinary(); err == nil {
			os.RemoveAll(filepath.Dir(bin))
		}
	}
	os.Exit(code)
}

const corpus = "../../testdata/corpus"

func readCorpus(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(corpus, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// englishPage is an article in English: Article.Lang "other".
const englishPage = `<html><head><title>Rain in the valley</title></head><body><article>
<h1>Rain in the valley</h1>
<p>The rain came early this year, and the farmers in the valley were glad of it, for the wells had run low through the long summer months.</p>
<p>By the end of the week the river was high again, and the children went down to the bank to watch the water pass under the old stone bridge.</p>
<p>Nobody could remember a wetter autumn since the year the mill burned down.</p>
</article></body></html>`

// crawlFixture writes a crawl of three WARC files under dir and returns
// the glob that matches them:
//   - a/crawl.warc.gz, warcfix.Crawl: four corpus pages among a request,
//     a warcinfo, a PNG, a 404, a truncated record, an oversized one, a
//     brotli one and a gzip member cut short;
//   - b/more.warc, uncompressed: two pages whose text is one of a's
//     (exact duplicates under other URIs), one of them twice, an English
//     page, two pages with no article, a binary page sent as text/html
//     (not_text) and an empty one (empty);
//   - c/junk.warc, which is not a WARC (a read failure with no record).
func crawlFixture(t *testing.T, dir string) string {
	t.Helper()
	a, _ := warcfix.Crawl(true, func(name string) []byte { return readCorpus(t, name) })
	html := func(n int, uri string, body []byte) warcfix.Record {
		return warcfix.Response(warcfix.ID(n), uri, warcfix.Date, 200, warcfix.Header{{"Content-Type", "text/html"}}, body)
	}
	binary := bytes.Repeat([]byte{0x00, 0x9c, 0xff, 0x13}, 500)
	b := warcfix.File(false,
		warcfix.Info(warcfix.ID(100), warcfix.Date),
		html(101, "https://mirror.example/cnn", readCorpus(t, warcfix.Pages[1].File)),
		html(102, "https://mirror.example/en", []byte(englishPage)),
		html(103, "https://mirror.example/cnn-again", readCorpus(t, warcfix.Pages[1].File)),
		html(104, "https://mirror.example/nothing", []byte("<html><body></body></html>")),
		html(105, "https://mirror.example/binary", binary),
		html(106, "https://mirror.example/empty", nil),
		html(108, "https://mirror.example/nothing-either", []byte("<html><body><div></div></body></html>")),
		html(107, "https://mirror.example/alyaum", readCorpus(t, warcfix.Pages[3].File)),
	)
	for name, data := range map[string][]byte{"a/crawl.warc.gz": a, "b/more.warc": b, "c/junk.warc": []byte("this is not a WARC file at all\n")} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "*", "*.warc*")
}

// cliBuilt tells that cliBinary ran, so that TestMain removes its
// directory (and builds nothing when no test asked for it).
var cliBuilt bool

// cliBinary builds nazif (the CLI, cmd/nazif, a tool of this module) once.
var cliBinary = sync.OnceValues(func() (string, error) {
	cliBuilt = true
	dir, err := os.MkdirTemp("", "nazif-beam-test")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "nazif")
	out, err := exec.Command("go", "build", "-o", bin, "github.com/nazif/nazif/cmd/nazif").CombinedOutput()
	if err != nil {
		return "", &exec.ExitError{Stderr: out}
	}
	return bin, nil
})

// cliLines is what nazif clean -f jsonl writes for the files, one string
// per line with its newline.
func cliLines(t *testing.T, files []string) []string {
	t.Helper()
	bin, err := cliBinary()
	if err != nil {
		t.Fatalf("building nazif: %v", err)
	}
	args := append([]string{"clean", "-f", "jsonl", "-j", "2", "-max-input", strconv.Itoa(warcfix.MaxInput)}, files...)
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	// Exit 1: the fixture's failures.
	if err := cmd.Run(); err != nil && cmd.ProcessState.ExitCode() != 1 {
		t.Fatalf("nazif clean: %v: %s", err, stderr.String())
	}
	return splitLines(stdout.String())
}

func splitLines(s string) []string {
	var lines []string
	for l := range strings.Lines(s) {
		lines = append(lines, l)
	}
	return lines
}

// readShards reads the n shards of prefix, which must all exist, and
// returns their lines.
func readShards(t *testing.T, prefix string, n int) []string {
	t.Helper()
	files, _ := filepath.Glob(prefix + "-*.jsonl")
	if len(files) != n {
		t.Fatalf("%s: %d shards %q; want %d", prefix, len(files), files, n)
	}
	var lines []string
	for i := range n {
		b, err := os.ReadFile(shardName(prefix, i, n))
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, splitLines(string(b))...)
	}
	return lines
}

// line is what the tests read of a jsonl line.
type line struct {
	Input  string
	Record *crawl.Record
	Error  *struct{ Code string }
	// Article is the article's fields the filters look at.
	Article *struct{ Lang, Text string }
}

func parse(t *testing.T, l string) line {
	t.Helper()
	var v line
	if err := json.Unmarshal([]byte(l), &v); err != nil {
		t.Fatalf("not a jsonl line: %v: %.200q", err, l)
	}
	return v
}

// sortedEqual compares two sets of lines, sorted: the pipeline's shards
// have no order (a line's shard is its hash, and a runner delivers a
// shard's lines in any order), the CLI's is the files'. Nothing else is
// normalized: the lines must be byte for byte the same.
func sortedEqual(t *testing.T, what string, got, want []string) {
	t.Helper()
	got, want = slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))
	if slices.Equal(got, want) {
		return
	}
	t.Errorf("%s: %d lines, want %d", what, len(got), len(want))
	for _, l := range want {
		if !slices.Contains(got, l) {
			t.Errorf("missing: %.300s", l)
		}
	}
	for _, l := range got {
		if !slices.Contains(want, l) {
			t.Errorf("unexpected: %.300s", l)
		}
	}
}

// TestPipelineMatchesCLI: on Prism, the pipeline's articles and dead
// letters are, together and sorted, byte for byte the lines nazif clean
// writes for the same WARC files; every shard exists; the counters count
// what the lines and the files hold; and the whole run started one
// Cleaner for all its pages.
func TestPipelineMatchesCLI(t *testing.T) {
	dir := t.TempDir()
	glob := crawlFixture(t, dir)
	files, _ := filepath.Glob(glob)
	want := cliLines(t, files)

	setups, started := sandboxStats.setups.Load(), sandboxStats.started.Load()
	out := filepath.Join(dir, "out")
	cfg := Config{Input: glob, Output: filepath.Join(out, "articles"), DeadLetter: filepath.Join(out, "failed"),
		Shards: 3, DeadLetterShards: 2, Pool: 2, MaxInput: warcfix.MaxInput}
	counters, err := run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	setups, started = sandboxStats.setups.Load()-setups, sandboxStats.started.Load()-started
	articles := readShards(t, cfg.Output, cfg.Shards)
	failed := readShards(t, cfg.DeadLetter, cfg.DeadLetterShards)
	sortedEqual(t, "articles and dead letters beside nazif clean's lines", append(slices.Clone(articles), failed...), want)

	// The fixture's failures, each with its code: the pipeline's dead
	// letters hold them and nothing else.
	codes := map[string]int{}
	var wantArticles, wantFailed []string
	for _, l := range want {
		if v := parse(t, l); v.Error != nil {
			codes[v.Error.Code]++
			wantFailed = append(wantFailed, l)
		} else {
			wantArticles = append(wantArticles, l)
		}
	}
	if !maps.Equal(codes, map[string]int{"not_text": 1, "empty": 1, "read": 1}) {
		t.Errorf("nazif clean's failures by code %v; the fixture has one not_text, one empty, one read", codes)
	}
	sortedEqual(t, "dead letters", failed, wantFailed)
	sortedEqual(t, "articles", articles, wantArticles)

	// The counters, from what the files and lines hold.
	var records, pages, pageBytes int
	for _, f := range files {
		st, _ := crawl.Read(f, warcfix.MaxInput, func(p crawl.Page) bool {
			pageBytes += len(p.Body)
			return true
		})
		records += st.Records
		pages += st.Pages
	}
	wantCounters := map[string]int64{
		cRecords: int64(records), cPages: int64(pages), cPageBytes: int64(pageBytes),
		cCleaned: int64(len(wantArticles)), cNoArticle: 2, cSandboxes: 1,
		"skipped_not_html": 1, "skipped_status": 1, "skipped_truncated": 1, "skipped_too_large": 1, "skipped_encoding": 1, "skipped_corrupt": 1,
		sinkArticles + "_lines": int64(len(articles)), sinkArticles + "_bytes": int64(len(strings.Join(articles, ""))),
		sinkDeadLetters + "_lines": int64(len(failed)), sinkDeadLetters + "_bytes": int64(len(strings.Join(failed, ""))),
	}
	for code, n := range codes {
		wantCounters[cFailedPrefix+code] = int64(n)
	}
	if !maps.Equal(counters, wantCounters) {
		t.Errorf("counters\n%v\nwant\n%v", counters, wantCounters)
	}
	if pages < 10 {
		t.Errorf("%d pages: the fixture should have more", pages)
	}

	// One Cleaner for the run, made in Setup: not one per page, nor per
	// DoFn instance, whatever the bundles.
	if started != 1 || setups < 1 || setups >= int64(pages) {
		t.Errorf("%d Setups started %d Cleaners for %d pages; want 1 Cleaner, and fewer Setups than pages", setups, started, pages)
	}
	t.Logf("%d pages, %d Setups, %d Cleaner started", pages, setups, started)
}

// filtered is what the pipeline must write under --lang langs (nil for
// all) and --dedup: nazif clean's lines, filtered here, with the number of
// duplicates and of articles in other languages left out.
func filtered(t *testing.T, cli []string, langs []string, dedup bool) (articles, failed []string, duplicates, langDropped int) {
	t.Helper()
	first := map[[32]byte]line{}
	firstLine := map[[32]byte]string{}
	for _, l := range cli {
		v := parse(t, l)
		switch {
		case v.Error != nil:
			failed = append(failed, l)
		case langs != nil && !slices.Contains(langs, v.Article.Lang):
			langDropped++
		case !dedup || v.Article.Text == "":
			articles = append(articles, l)
		default:
			h := sha256.Sum256([]byte(v.Article.Text))
			if f, seen := first[h]; seen {
				duplicates++
				if v.Input > f.Input || v.Input == f.Input && v.Record.Offset > f.Record.Offset {
					continue
				}
			}
			first[h], firstLine[h] = v, l
		}
	}
	for _, l := range firstLine {
		articles = append(articles, l)
	}
	return articles, failed, duplicates, langDropped
}

// TestPipelineFilters: --lang keeps the articles in its languages, and
// --dedup the first of each text by (input, offset), and every page with
// no text; failures are all kept. The expected lines are nazif clean's,
// filtered by the test.
func TestPipelineFilters(t *testing.T) {
	dir := t.TempDir()
	glob := crawlFixture(t, dir)
	files, _ := filepath.Glob(glob)
	cli := cliLines(t, files)
	for _, tc := range []struct {
		name                    string
		langs                   []string
		duplicates, langDropped int
	}{
		// cnn twice and alyaum once again in b; en and the two pages
		// with no article are not in Arabic.
		{"ar, dedup", []string{"ar"}, 3, 3},
		{"all, dedup", nil, 3, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wantArticles, wantFailed, duplicates, langDropped := filtered(t, cli, tc.langs, true)
			if duplicates != tc.duplicates || langDropped != tc.langDropped {
				t.Fatalf("the fixture has %d duplicates and %d articles in other languages; want %d and %d",
					duplicates, langDropped, tc.duplicates, tc.langDropped)
			}
			out := filepath.Join(t.TempDir(), "out")
			cfg := Config{Input: glob, Output: filepath.Join(out, "articles"), DeadLetter: filepath.Join(out, "failed"),
				Shards: 2, DeadLetterShards: 1, Pool: 1, MaxInput: warcfix.MaxInput, Langs: tc.langs, Dedup: true}
			counters, err := run(context.Background(), cfg)
			if err != nil {
				t.Fatal(err)
			}
			sortedEqual(t, "articles", readShards(t, cfg.Output, cfg.Shards), wantArticles)
			sortedEqual(t, "dead letters", readShards(t, cfg.DeadLetter, cfg.DeadLetterShards), wantFailed)
			if counters[cDuplicates] != int64(duplicates) || counters[cLangDropped] != int64(langDropped) || counters[cSandboxes] != 1 {
				t.Errorf("counters %v; want %s %d, %s %d, %s 1", counters, cDuplicates, duplicates, cLangDropped, langDropped, cSandboxes)
			}
		})
	}
}

// TestPipelineNoMatch: a glob that matches nothing fails the run.
func TestPipelineNoMatch(t *testing.T) {
	dir := t.TempDir()
	_, err := run(context.Background(), Config{Input: filepath.Join(dir, "*.warc.gz"), Output: filepath.Join(dir, "out"),
		DeadLetter: filepath.Join(dir, "failed"), Shards: 1, DeadLetterShards: 1, MaxInput: warcfix.MaxInput})
	if err == nil {
		t.Error("no error for a glob that matches nothing")
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*.jsonl")); len(files) != 0 {
		t.Errorf("wrote %q", files)
	}
}

func TestParseLangs(t *testing.T) {
	for in, want := range map[string][]string{"all": nil, "ar": {"ar"}, "ar, fa,other": {"ar", "fa", "other"}} {
		if got, err := parseLangs(in); err != nil || !slices.Equal(got, want) {
			t.Errorf("parseLangs(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "en", "ar,,fa", "all,ar"} {
		if got, err := parseLangs(in); err == nil {
			t.Errorf("parseLangs(%q) = %q; want an error", in, got)
		}
	}
}
