package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nazif/nazif/cmd/internal/crawl"
	"github.com/nazif/nazif/cmd/internal/warcfix"
)

// warcPageCase is a corpus page as a crawler recorded it.
type warcPageCase struct {
	file, uri, charset string
}

var warcPages = []warcPageCase{
	{"youm7-2020-08-24.html", "https://news.example/youm7/1", "windows-1256"},
	{"cnnarabic-2013-08-03.html", "https://news.example/cnn/2", ""},
	{"sputnik-2020-03-17.html", "https://news.example/sputnik/3", "utf-8"},
	{"alyaum-2020-12-01.html", "https://news.example/alyaum/4", "utf-8"},
}

var warcDate = time.Date(2021, 3, 4, 5, 6, 7, 0, time.UTC)

// warcFixture is a crawl of the corpus pages with every fault nazif must
// pass over, and the pages it must give, in order.
func warcFixture(t *testing.T, gz bool) ([]byte, []warcPageCase) {
	t.Helper()
	read := func(name string) []byte { return readFile(t, filepath.Join("../../testdata/corpus", name)) }
	html := func(p warcPageCase, n int, extra ...[2]string) warcfix.Record {
		ct := "text/html"
		if p.charset != "" {
			ct += "; charset=" + p.charset
		}
		return warcfix.Response(warcfix.ID(n), p.uri, warcDate, 200, append(warcfix.Header{{"Content-Type", ct}}, extra...), read(p.file))
	}
	recs := []warcfix.Record{
		warcfix.Info(warcfix.ID(0), warcDate),
		{Type: "request", ID: warcfix.ID(1), URI: warcPages[0].uri, Date: warcDate, Block: []byte("GET /youm7/1 HTTP/1.1\r\nHost: news.example\r\n\r\n")},
		html(warcPages[0], 2),
		warcfix.Response(warcfix.ID(3), "https://news.example/logo.png", warcDate, 200, warcfix.Header{{"Content-Type", "image/png"}}, []byte("\x89PNG\r\n\x1a\n")),
		warcfix.Response(warcfix.ID(4), "https://news.example/gone", warcDate, 404, warcfix.Header{{"Content-Type", "text/html"}}, []byte("<p>not found</p>")),
		html(warcPages[1], 5),
		// A record the crawler cut at its size limit.
		func() warcfix.Record {
			r := html(warcPages[2], 6)
			r.Fields = warcfix.Header{{"WARC-Truncated", "length"}}
			r.URI = "https://news.example/truncated"
			return r
		}(),
		// Too large for -max-input 300000 (the pages are under 200 kB).
		warcfix.Response(warcfix.ID(7), "https://news.example/huge", warcDate, 200, warcfix.Header{{"Content-Type", "text/html"}},
			append([]byte("<p>"), bytes.Repeat([]byte("كلمة "), 40000)...)),
		// gzip over the wire, and brotli, which nazif does not undo.
		html(warcPages[2], 8, [2]string{"Content-Encoding", "gzip"}),
		warcfix.Response(warcfix.ID(9), "https://news.example/br", warcDate, 200, warcfix.Header{{"Content-Type", "text/html"}, {"Content-Encoding", "br"}}, []byte{0x1b, 0x2f, 0x00}),
	}
	recs[8].Block = warcfix.HTTP(200, warcfix.Header{{"Content-Type", "text/html; charset=utf-8"}, {"Content-Encoding", "gzip"}}, warcfix.Gzip(read(warcPages[2].file)))
	want := []warcPageCase{warcPages[0], warcPages[1], warcPages[2]}

	var f bytes.Buffer
	f.Write(warcfix.File(gz, recs...))
	// A record cut short in the middle of the file: the gzip member, or
	// the record itself, ends early; what follows must still be read.
	cut := html(warcPages[3], 10)
	cut.URI = "https://news.example/cut"
	if gz {
		m := warcfix.Gzip(cut.Bytes())
		f.Write(m[:len(m)/2])
	} else {
		b := cut.Bytes()
		f.Write(b[:len(b)/2])
	}
	f.Write(warcfix.File(gz, html(warcPages[3], 11)))
	want = append(want, warcPages[3])
	return f.Bytes(), want
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
			code, stdout, stderr := runClean(t, "", "-max-input", "300000", warc)
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
				wantURIs = append(wantURIs, p.uri)
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
				os.WriteFile(file, readFile(t, filepath.Join("../../testdata/corpus", p.file)), 0o644)
				args := []string{"-f", "json", "-url", p.uri, "-now", "2021-03-04T05:06:07Z", file}
				if p.charset != "" {
					args = append([]string{"-charset", p.charset}, args...)
				}
				_, single, _ := runClean(t, "", args...)
				var a, b any
				json.Unmarshal(l.Article, &a)
				json.Unmarshal([]byte(single), &b)
				if ja, jb := mustJSON(a), mustJSON(b); ja != jb || !strings.Contains(ja, `"title"`) {
					t.Errorf("%s: the WARC's article differs from the file's:\n%.300s\n%.300s", p.uri, ja, jb)
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
		"in/b/crawl.WARC":    warcfix.File(false, warcfix.Response(warcfix.ID(1), warcPages[1].uri, warcDate, 200, warcfix.Header{{"Content-Type", "text/html"}}, readFile(t, cnnPage))),
		"in/c/junk.warc":     []byte("this is not a WARC file at all"),
		"in/page.html":       readFile(t, cnnPage),
	})
	out := filepath.Join(dir, "out")
	code, _, stderr := runClean(t, "", "-native", "-max-input", "300000", "-f", "jsonl", "-o", out, filepath.Join(dir, "in"))
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
