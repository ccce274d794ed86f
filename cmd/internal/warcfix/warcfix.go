// Package warcfix writes WARC files for tests and benchmarks: response
// records built from pages, and the faults a real crawl holds (records cut
// short, gzip members cut short, other record types, statuses and content
// types). It writes the bytes by hand, after the WARC 1.1 specification,
// so that the reader under test is not checked against its own writer.
package warcfix

import (
	"bytes"
	"compress/gzip"
	"crypto/sha1"
	"encoding/base32"
	"fmt"
	"strconv"
	"time"
)

// Header is an ordered list of header fields.
type Header [][2]string

// Record is one WARC record: its type, its fields after the mandatory ones
// and its block.
type Record struct {
	Type   string // "response", "request", "warcinfo", "metadata" …
	ID     string // the WARC-Record-ID without its angle brackets, such as "urn:uuid:…"
	URI    string // WARC-Target-URI, or empty
	Date   time.Time
	Fields Header // more fields, such as WARC-Truncated
	Block  []byte
	// Length, when not 0, is written as Content-Length instead of the
	// block's length: a record that claims more than it holds.
	Length int
}

// Response is a response record of an HTTP exchange: status, header and
// body as a crawler recorded them.
func Response(id, uri string, date time.Time, status int, header Header, body []byte) Record {
	return Record{Type: "response", ID: id, URI: uri, Date: date, Block: HTTP(status, header, body)}
}

// HTTP is an HTTP/1.1 response message.
func HTTP(status int, header Header, body []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "HTTP/1.1 %d %s\r\n", status, statusText(status))
	for _, h := range header {
		fmt.Fprintf(&b, "%s: %s\r\n", h[0], h[1])
	}
	b.WriteString("\r\n")
	b.Write(body)
	return b.Bytes()
}

func statusText(status int) string {
	switch status {
	case 200:
		return "OK"
	case 301:
		return "Moved Permanently"
	case 404:
		return "Not Found"
	}
	return "Status"
}

// Bytes is the record in the WARC format.
func (r Record) Bytes() []byte {
	var b bytes.Buffer
	b.WriteString("WARC/1.1\r\n")
	fmt.Fprintf(&b, "WARC-Type: %s\r\n", r.Type)
	fmt.Fprintf(&b, "WARC-Record-ID: <%s>\r\n", r.ID)
	fmt.Fprintf(&b, "WARC-Date: %s\r\n", r.Date.UTC().Format(time.RFC3339))
	if r.URI != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", r.URI)
	}
	switch r.Type {
	case "response":
		b.WriteString("Content-Type: application/http; msgtype=response\r\n")
	case "request":
		b.WriteString("Content-Type: application/http; msgtype=request\r\n")
	case "warcinfo":
		b.WriteString("Content-Type: application/warc-fields\r\n")
	}
	for _, f := range r.Fields {
		fmt.Fprintf(&b, "%s: %s\r\n", f[0], f[1])
	}
	// The block's digest, as crawlers write it: what tells a record cut
	// short and run into the next one from a whole record.
	sum := sha1.Sum(r.Block)
	fmt.Fprintf(&b, "WARC-Block-Digest: sha1:%s\r\n", base32.StdEncoding.EncodeToString(sum[:]))
	n := len(r.Block)
	if r.Length != 0 {
		n = r.Length
	}
	b.WriteString("Content-Length: " + strconv.Itoa(n) + "\r\n\r\n")
	b.Write(r.Block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

// Gzip is b as one gzip member, as .warc.gz files hold one per record.
func Gzip(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// File is the records as a WARC file: each its own gzip member when gz,
// else one after another.
func File(gz bool, records ...Record) []byte {
	var b bytes.Buffer
	for _, r := range records {
		if gz {
			b.Write(Gzip(r.Bytes()))
		} else {
			b.Write(r.Bytes())
		}
	}
	return b.Bytes()
}

// Info is a warcinfo record, as a crawl's file begins with.
func Info(id string, date time.Time) Record {
	return Record{Type: "warcinfo", ID: id, Date: date, Block: []byte("software: nazif warcfix\r\nformat: WARC File Format 1.1\r\n")}
}

// ID is a record ID for the nth record of a fixture: a fixed UUID-shaped
// URN, so that fixtures are reproducible.
func ID(n int) string {
	return fmt.Sprintf("urn:uuid:00000000-0000-4000-8000-%012d", n)
}

// Page is a corpus page as a crawler recorded it: its file under
// testdata/corpus, its target URI and its HTTP charset ("" for none).
type Page struct {
	File, URI, Charset string
}

// Pages are the corpus pages of Crawl.
var Pages = []Page{
	{"youm7-2020-08-24.html", "https://news.example/youm7/1", "windows-1256"},
	{"cnnarabic-2013-08-03.html", "https://news.example/cnn/2", ""},
	{"sputnik-2020-03-17.html", "https://news.example/sputnik/3", "utf-8"},
	{"alyaum-2020-12-01.html", "https://news.example/alyaum/4", "utf-8"},
}

// Date is the WARC-Date of Crawl's records.
var Date = time.Date(2021, 3, 4, 5, 6, 7, 0, time.UTC)

// MaxInput is the payload cap, in bytes, that Crawl's oversized record
// exceeds and its pages do not (they are under 200 kB).
const MaxInput = 300000

// Crawl is a crawl of Pages with every fault a reader must pass over, and
// the pages it must give, in order: record IDs 2, 5, 8 and 11. read
// returns a corpus file's bytes. Besides the pages it holds, in this
// order: a warcinfo and a request record; a PNG and a 404 response; a
// record with WARC-Truncated; a page over MaxInput; a gzip-encoded page
// (which is read) and a brotli one (skipped); and, before the last page,
// a record cut short in the middle (when gz, its gzip member), which costs
// only itself. The skipped records count as not_html 1, status 1,
// truncated 1, too_large 1, encoding 1, corrupt 1.
func Crawl(gz bool, read func(file string) []byte) ([]byte, []Page) {
	html := func(p Page, n int, extra ...[2]string) Record {
		ct := "text/html"
		if p.Charset != "" {
			ct += "; charset=" + p.Charset
		}
		return Response(ID(n), p.URI, Date, 200, append(Header{{"Content-Type", ct}}, extra...), read(p.File))
	}
	recs := []Record{
		Info(ID(0), Date),
		{Type: "request", ID: ID(1), URI: Pages[0].URI, Date: Date, Block: []byte("GET /youm7/1 HTTP/1.1\r\nHost: news.example\r\n\r\n")},
		html(Pages[0], 2),
		Response(ID(3), "https://news.example/logo.png", Date, 200, Header{{"Content-Type", "image/png"}}, []byte("\x89PNG\r\n\x1a\n")),
		Response(ID(4), "https://news.example/gone", Date, 404, Header{{"Content-Type", "text/html"}}, []byte("<p>not found</p>")),
		html(Pages[1], 5),
		// A record the crawler cut at its size limit.
		func() Record {
			r := html(Pages[2], 6)
			r.Fields = Header{{"WARC-Truncated", "length"}}
			r.URI = "https://news.example/truncated"
			return r
		}(),
		Response(ID(7), "https://news.example/huge", Date, 200, Header{{"Content-Type", "text/html"}},
			append([]byte("<p>"), bytes.Repeat([]byte("كلمة "), MaxInput/9+1)...)),
		// gzip over the wire, and brotli, which nazif does not undo.
		html(Pages[2], 8, [2]string{"Content-Encoding", "gzip"}),
		Response(ID(9), "https://news.example/br", Date, 200, Header{{"Content-Type", "text/html"}, {"Content-Encoding", "br"}}, []byte{0x1b, 0x2f, 0x00}),
	}
	recs[8].Block = HTTP(200, Header{{"Content-Type", "text/html; charset=utf-8"}, {"Content-Encoding", "gzip"}}, Gzip(read(Pages[2].File)))
	want := []Page{Pages[0], Pages[1], Pages[2]}

	var f bytes.Buffer
	f.Write(File(gz, recs...))
	// A record cut short in the middle of the file: the gzip member, or
	// the record itself, ends early; what follows must still be read.
	cut := html(Pages[3], 10)
	cut.URI = "https://news.example/cut"
	b := cut.Bytes()
	if gz {
		b = Gzip(b)
	}
	f.Write(b[:len(b)/2])
	f.Write(File(gz, html(Pages[3], 11)))
	return f.Bytes(), append(want, Pages[3])
}

// Repeat is a crawl of n HTML responses, the pages in turn, each under a
// URI of its own (https://crawl.example/<n>/<page>), after a warcinfo
// record: a big crawl made of a few pages, for measuring throughput.
func Repeat(gz bool, n int, pages ...[]byte) []byte {
	var b bytes.Buffer
	b.Write(File(gz, Info(ID(0), Date)))
	for i := range n {
		uri := fmt.Sprintf("https://crawl.example/%d/%d", i+1, i%len(pages))
		// No charset: the page's own meta tag says it (the corpus has
		// windows-1256 pages besides UTF-8 ones).
		b.Write(File(gz, Response(ID(i+1), uri, Date, 200, Header{{"Content-Type", "text/html"}}, pages[i%len(pages)])))
	}
	return b.Bytes()
}
