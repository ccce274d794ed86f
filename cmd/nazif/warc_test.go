package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/nazif/nazif/cmd/internal/crawl"
	"github.com/nazif/nazif/cmd/internal/warcfix"
)

// warcFixture is warcfix.Crawl of the corpus pages.
func warcFixture(t *testing.T, gz bool) ([]byte, []warcfix.Page) {
	t.Helper()
	return warcfix.Crawl(gz, func(name string) []byte { return readFile(t, filepath.Join("../../testdata/corpus", name)) })
}

// warcLine is one jsonl line of a WARC page.
type warcLine struct {
	Input   string
	Record  *crawl.Record
	Article json.RawMessage
	Error   *cleanError
}

func parseWARCLines(t *testing.T, stdout string) []warcLine {
	t.Helper()
	var lines []warcLine
	for _, l := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
		var wl warcLine
		if err := json.Unmarshal([]byte(l), &wl); err != nil {
			t.Fatalf("not a jsonl line: %v: %.200q", err, l)
		}
		lines = append(lines, wl)
	}
	return lines
}

// TestWARC: every HTML 200 response of a crawl is cleaned, in order, with
// its record's ID, URI and date; everything else is counted by reason; a
// record cut short in the middle costs only itself; and each article is
// the one nazif clean gives for the page extracted to a file with the
// record's URL, date and charset.
func TestWARC(t *testing.T) {
	for _, gz := range []bool{true, false} {
		name := "crawl.warc"
		if gz {
			name += ".gz"
		}
		t.Run(name, func(t *testing.T) {
			data, want := warcFixture(t, gz)
			dir := t.TempDir()
			warc := filepath.Join(dir, name)
			if err := os.WriteFile(warc, data, 0o644); err != nil {
				t.Fatal(err)
			}
			// jsonl is the default for a crawl.
			code, stdout, stderr := runClean(t, "", "-max-input", strconv.Itoa(warcfix.MaxInput), warc)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			lines := parseWARCLines(t, stdout)
			var uris []string
			for _, l := range lines {
				if l.Record != nil {
					uris = append(uris, l.Record.URI)
				}
			}
			var wantURIs []string
			for _, p := range want {
				wantURIs = append(wantURIs, p.URI)
			}
			if !slices.Equal(uris, wantURIs) || len(lines) != len(want) {
				t.Fatalf("pages %q; want %q", uris, wantURIs)
			}
			// A plain record cut short runs into the next record, which its
			// block digest tells; a gzip member cut short fails to inflate.
			// Either way it is one corrupt record, and the next is read.
			const skips = "skipped: not_html 1, status 1, truncated 1, too_large 1, encoding 1, corrupt 1"
			if !strings.Contains(stderr, warc+": ") || !strings.Contains(stderr, "4 HTML pages; "+skips) {
				t.Errorf("stderr %q; want the WARC's counts (%s)", stderr, skips)
			}
			if !strings.Contains(stderr, "nazif: 4 inputs: 4 cleaned, 0 with no article, 0 failed, in ") {
				t.Errorf("stderr %q; want the batch summary", stderr)
			}
			for i, l := range lines {
				p := want[i]
				if l.Input != warc || l.Record.ID != warcfix.ID(map[int]int{0: 2, 1: 5, 2: 8, 3: 11}[i]) || l.Record.Date != "2021-03-04T05:06:07Z" || l.Record.Offset <= 0 {
					t.Errorf("line %d: input %q, record %+v", i, l.Input, l.Record)
				}
				// The same page as a file, with what the record said.
				file := filepath.Join(dir, fmt.Sprintf("page%d.html", i))
				os.WriteFile(file, readFile(t, filepath.Join("../../testdata/corpus", p.File)), 0o644)
				args := []string{"-f", "json", "-url", p.URI, "-now", "2021-03-04T05:06:07Z", file}
				if p.Charset != "" {
					args = append([]string{"-charset", p.Charset}, args...)
				}
				_, single, _ := runClean(t, "", args...)
				var a, b any
				json.Unmarshal(l.Article, &a)
				json.Unmarshal([]byte(single), &b)
				if ja, jb := mustJSON(a), mustJSON(b); ja != jb || !strings.Contains(ja, `"title"`) {
					t.Errorf("%s: the WARC's article differs from the file's:\n%.300s\n%.300s", p.URI, ja, jb)
				}
			}
		})
	}
}

// TestWARCBatch: WARC files in a directory are found by the walk; under
// -o each gives one jsonl file; an unreadable WARC fails alone.
func TestWARCBatch(t *testing.T) {
	data, want := warcFixture(t, true)
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{
		"in/a/crawl.warc.gz": data,
		"in/b/crawl.WARC":    warcfix.File(false, warcfix.Response(warcfix.ID(1), warcfix.Pages[1].URI, warcfix.Date, 200, warcfix.Header{{"Content-Type", "text/html"}}, readFile(t, cnnPage))),
		"in/c/junk.warc":     []byte("this is not a WARC file at all"),
		"in/page.html":       readFile(t, cnnPage),
	})
	out := filepath.Join(dir, "out")
	code, _, stderr := runClean(t, "", "-native", "-max-input", strconv.Itoa(warcfix.MaxInput), "-f", "jsonl", "-o", out, filepath.Join(dir, "in"))
	if code != 1 || !strings.Contains(stderr, "junk.warc: no WARC record in this file [read]") {
		t.Errorf("exit %d, stderr %q; want junk.warc to fail alone", code, stderr)
	}
	for name, n := range map[string]int{"a/crawl.jsonl": len(want), "b/crawl.jsonl": 1, "page.jsonl": 1} {
		b, err := os.ReadFile(filepath.Join(out, name))
		if got := bytes.Count(b, []byte("\n")); err != nil || got != n {
			t.Errorf("%s: %d lines (%v); want %d", name, got, err, n)
		}
	}
	if code, _, stderr := runClean(t, "", "-f", "text", "-o", out, filepath.Join(dir, "in")); code != 2 || !strings.Contains(stderr, "use -f jsonl") {
		t.Errorf("-f text -o with a WARC: exit %d, stderr %q; want a usage error", code, stderr)
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
