package crawl_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/nazif/nazif/cmd/internal/crawl"
	"github.com/nazif/nazif/cmd/internal/warcfix"
)

var date = time.Date(2021, 3, 4, 5, 6, 7, 0, time.UTC)

func write(t *testing.T, data []byte) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), "x.warc.gz")
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// chunked is body in HTTP/1.1 chunks of n bytes.
func chunked(body []byte, n int) []byte {
	var b bytes.Buffer
	for len(body) > 0 {
		k := min(n, len(body))
		fmt.Fprintf(&b, "%x\r\n%s\r\n", k, body[:k])
		body = body[k:]
	}
	b.WriteString("0\r\n\r\n")
	return b.Bytes()
}

// TestRead: the payload comes out as the page was, whatever the crawler
// recorded of the wire; the Content-Type decides what is a page; a
// compression bomb is cut at the cap.
func TestRead(t *testing.T) {
	page := []byte("<html><body><p>" + strings.Repeat("نص المقال ", 50) + "</p></body></html>")
	resp := func(n int, h warcfix.Header, body []byte) warcfix.Record {
		return warcfix.Response(warcfix.ID(n), fmt.Sprintf("https://news.example/%d", n), date, 200, h, body)
	}
	bomb := warcfix.Gzip(make([]byte, 1<<20))
	file := write(t, warcfix.File(true,
		resp(1, warcfix.Header{{"Content-Type", "text/html; charset=UTF-8"}}, page),
		resp(2, warcfix.Header{{"Content-Type", "text/html"}, {"Transfer-Encoding", "chunked"}, {"Content-Encoding", "gzip"}}, chunked(warcfix.Gzip(page), 100)),
		resp(3, nil, page), // no Content-Type: sniffed as browsers do, so taken
		resp(4, warcfix.Header{{"Content-Type", `text/html; charset="windows-1256`}}, page), // malformed
		resp(5, warcfix.Header{{"Content-Type", "application/json"}}, []byte(`{}`)),
		resp(6, warcfix.Header{{"Content-Type", "text/html"}, {"Content-Encoding", "gzip"}}, bomb),
		resp(7, warcfix.Header{{"Content-Type", "application/xhtml+xml"}}, page),
	))
	var got []crawl.Page
	st, err := crawl.Read(file, 64<<10, func(p crawl.Page) bool { got = append(got, p); return true })
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range got {
		ids = append(ids, p.Record.ID)
		if !bytes.Equal(p.Body, page) || p.URL != p.Record.URI || !p.Date.Equal(date) || p.Record.Date != "2021-03-04T05:06:07Z" {
			t.Errorf("%s: body %.40q, url %q, date %v", p.Record.ID, p.Body, p.URL, p.Date)
		}
	}
	want := strings.Join([]string{warcfix.ID(1), warcfix.ID(2), warcfix.ID(3), warcfix.ID(4), warcfix.ID(7)}, " ")
	if strings.Join(ids, " ") != want {
		t.Errorf("pages %v; want %s", ids, want)
	}
	if got[0].Charset != "UTF-8" || got[1].Charset != "" {
		t.Errorf("charsets %q, %q", got[0].Charset, got[1].Charset)
	}
	if st.Records != 7 || st.Pages != 5 || st.Summary() != "not_html 1, too_large 1" {
		t.Errorf("stats %+v, summary %q", st, st.Summary())
	}

	// The callback ends the read.
	n := 0
	if _, err := crawl.Read(file, 64<<10, func(crawl.Page) bool { n++; return false }); err != nil || n != 1 {
		t.Errorf("stopping: %d pages, %v", n, err)
	}
	// Not a WARC at all.
	if _, err := crawl.Read(write(t, []byte(strings.Repeat("garbage ", 100))), 1<<20, func(crawl.Page) bool { return true }); err == nil {
		t.Error("a file of garbage read without an error")
	}
	if _, err := crawl.Read(filepath.Join(t.TempDir(), "missing.warc"), 1<<20, func(crawl.Page) bool { return true }); err == nil {
		t.Error("a missing file read without an error")
	}
}

func TestIsWARC(t *testing.T) {
	for name, want := range map[string]string{"a.warc": ".warc", "b.WARC.GZ": ".WARC.GZ", "c.warc.gz": ".warc.gz", "d.gz": "", "warc": "", "e.html": ""} {
		if got := crawl.Suffix(name); got != want || crawl.IsWARC(name) != (want != "") {
			t.Errorf("Suffix(%q) = %q; want %q", name, got, want)
		}
	}
}

// TestReadStreams: a record far larger than any page is passed over
// without being held in memory: what Read allocates stays a small part of
// it (gowarc keeps up to 1 MiB of a block in memory and the rest in a
// temporary file).
func TestReadStreams(t *testing.T) {
	const size = 48 << 20
	name := filepath.Join(t.TempDir(), "big.warc.gz")
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	head := "HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\n\r\n"
	fmt.Fprintf(zw, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <%s>\r\nWARC-Date: 2021-03-04T05:06:07Z\r\nWARC-Target-URI: https://news.example/video\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s",
		warcfix.ID(1), len(head)+size, head)
	chunk := bytes.Repeat([]byte("0123456789abcdef"), 4096)
	for n := 0; n < size; n += len(chunk) {
		zw.Write(chunk)
	}
	zw.Write([]byte("\r\n\r\n"))
	zw.Close()
	page := []byte("<p>" + strings.Repeat("نص ", 100) + "</p>")
	f.Write(warcfix.File(true, warcfix.Response(warcfix.ID(2), "https://news.example/after", date, 200, warcfix.Header{{"Content-Type", "text/html"}}, page)))
	f.Close()

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var pages int
	st, err := crawl.Read(name, 8<<20, func(p crawl.Page) bool { pages++; return true })
	runtime.ReadMemStats(&after)
	if err != nil || pages != 1 || st.Summary() != "not_html 1" {
		t.Fatalf("pages %d, %+v, %v; want the page after the video", pages, st, err)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("allocated %d KiB reading a %d MiB record", alloc>>10, size>>20)
	if alloc > size/4 {
		t.Errorf("reading a %d MiB record allocated %d MiB; want it streamed", size>>20, alloc>>20)
	}
}

// TestRepeat: warcfix.Repeat's crawl, which make scale measures, reads
// back as n pages, the given ones in turn, each under its own URI.
func TestRepeat(t *testing.T) {
	pages := [][]byte{[]byte("<p>one</p>"), []byte("<p>two</p>"), []byte("<p>three</p>")}
	const n = 7
	uris := map[string]bool{}
	i := 0
	st, err := crawl.Read(write(t, warcfix.Repeat(true, n, pages...)), 1<<20, func(p crawl.Page) bool {
		if !bytes.Equal(p.Body, pages[i%len(pages)]) || p.Record.ID != warcfix.ID(i+1) {
			t.Errorf("page %d: %s %q", i, p.Record.ID, p.Body)
		}
		uris[p.URL] = true
		i++
		return true
	})
	if err != nil || st.Pages != n || st.Records != n+1 || len(uris) != n {
		t.Errorf("%+v, %v, %d URIs; want %d pages of %d records under as many URIs", st, err, len(uris), n, n+1)
	}
}
