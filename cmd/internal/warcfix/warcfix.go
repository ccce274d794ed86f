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
