// Package crawl reads web archives: every HTML response record of a WARC
// file (.warc or .warc.gz) becomes a page, with the record's target URI,
// its date and the HTTP Content-Type charset, ready for nazif. Records
// that are not pages are counted by reason and passed over; a corrupt
// record is skipped by scanning for the next one, so that one bad record
// costs only itself. Files are streamed, record by record.
//
// Parsing is github.com/nlnwa/gowarc/v3's: WARC headers, gzip members,
// HTTP blocks, digests. What it lacks is recovery inside a gzip member cut
// short: its inflater reads on into the next members and loses them. Read
// therefore reopens the file one byte past a failed record's start and
// lets the reader scan for the next record's magic from there.
package crawl

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"os"
	"strings"
	"time"

	gowarc "github.com/nlnwa/gowarc/v3"
)

// The reasons a WARC record is passed over, as the summary counts them.
const (
	SkipNotHTML   = "not_html"  // a response whose Content-Type is not HTML
	SkipStatus    = "status"    // an HTTP status other than 200
	SkipTruncated = "truncated" // WARC-Truncated, or a block shorter than its Content-Length
	SkipTooLarge  = "too_large" // a payload over -max-input
	SkipEncoding  = "encoding"  // a Content-Encoding nazif cannot undo (br, zstd …)
	SkipCorrupt   = "corrupt"   // a record that does not parse; the reader resumes after it
)

// maxResyncs bounds how often one WARC file is scanned past a corrupt
// record: a file of garbage ends there, with an error, rather than being
// retried byte by byte.
const maxResyncs = 1000

// IsWARC tells a WARC file by its name.
func IsWARC(name string) bool { return Suffix(name) != "" }

// Suffix is name's ".warc" or ".warc.gz", in its own case, or "".
func Suffix(name string) string {
	lower := strings.ToLower(name)
	for _, suf := range []string{".warc", ".warc.gz"} {
		if strings.HasSuffix(lower, suf) {
			return name[len(name)-len(suf):]
		}
	}
	return ""
}

// Record identifies a page's record, as nazif's jsonl reports it.
type Record struct {
	ID     string `json:"id"`             // WARC-Record-ID without its angle brackets, such as "urn:uuid:…"
	URI    string `json:"uri,omitempty"`  // WARC-Target-URI
	Date   string `json:"date,omitempty"` // WARC-Date, RFC 3339 in UTC
	Offset int64  `json:"offset"`         // where the record starts in the file
}

// Page is an HTML page read from a WARC.
type Page struct {
	Record Record
	// Body is the HTTP payload, its transfer and content encodings undone.
	Body []byte
	// URL is the target URI, and Charset the HTTP Content-Type's charset,
	// or "": nazif's Options.URL and Options.Charset.
	URL, Charset string
	// Date is the record's date, the zero time when it has none: the
	// reference time for the page's relative dates (Options.Now).
	Date time.Time
}

// Stats counts one WARC file's records.
type Stats struct {
	Records int            // WARC records read, of every type
	Pages   int            // HTML 200 responses handed on
	Skipped map[string]int // responses passed over, by reason (the Skip constants)
}

func (s *Stats) skip(reason string) {
	if s.Skipped == nil {
		s.Skipped = map[string]int{}
	}
	s.Skipped[reason]++
}

// warcOptions is how gowarc reads: lenient with syntax and the
// specification (crawlers write what they write), and blocks cached so
// that the payload can be read after the record is parsed (in memory up
// to 1 MiB, then in a temporary file: a record never has to fit in RAM).
var warcOptions = []gowarc.WarcRecordOption{
	gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
	gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
	gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
	gowarc.WithBlockErrorPolicy(gowarc.ErrWarn),
}

// Read streams the WARC file name and calls page for every HTML 200
// response, in file order, until page returns false; a payload over
// maxBytes, decoded, is skipped as SkipTooLarge. It counts the rest.
// The error is the file's: it cannot be opened, or it holds no record at
// all; a bad record is never one.
func Read(name string, maxBytes int, page func(Page) bool) (Stats, error) {
	var st Stats
	f, err := os.Open(name)
	if err != nil {
		return st, err
	}
	defer f.Close()
	// The reader closes what it reads when it is closed, and a resync
	// closes one reader to open the next on the same file: it is given
	// the file without its Close.
	src := struct{ io.ReadSeeker }{f}
	r, err := gowarc.NewWarcFileReaderFromStream(src, 0, warcOptions...)
	if err != nil {
		return st, err
	}
	defer func() {
		if r != nil {
			r.Close()
		}
	}()
	resyncs := 0
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) && rec.WarcRecord == nil {
			break
		}
		if err == nil && blockDigestMismatch(rec.Validation) {
			// A record cut short and run into the next: its block holds
			// the start of the records after it, which a resync finds.
			rec.WarcRecord.Close()
			rec.WarcRecord, err = nil, errors.New("block digest mismatch")
		}
		if err != nil {
			if rec.WarcRecord != nil {
				rec.WarcRecord.Close()
			}
			if errors.Is(err, gowarc.ErrNoRecord) {
				break // garbage to the end of the file
			}
			// Resume one byte past where the bad record began: the
			// reader then scans for the next record's magic.
			st.skip(SkipCorrupt)
			if resyncs++; resyncs > maxResyncs {
				return st, fmt.Errorf("more than %d corrupt records: is this a WARC file?", maxResyncs)
			}
			r.Close()
			next, err := gowarc.NewWarcFileReaderFromStream(src, rec.Offset+1, warcOptions...)
			if err != nil {
				r = nil
				return st, err
			}
			r = next
			continue
		}
		st.Records++
		p, reason := readPage(rec, maxBytes)
		rec.WarcRecord.Close()
		switch {
		case reason != "":
			st.skip(reason)
		case p != nil:
			st.Pages++
			if !page(*p) {
				return st, nil
			}
		}
	}
	if st.Records == 0 && len(st.Skipped) == 0 {
		return st, errors.New("no WARC record in this file")
	}
	return st, nil
}

// readPage turns a response record into a page, or says why it is not
// one; a record of another type is neither (nil, "").
func readPage(rec gowarc.Record, maxInput int) (*Page, string) {
	wr := rec.WarcRecord
	if wr.Type() != gowarc.Response {
		return nil, ""
	}
	h := wr.WarcHeader()
	hb, ok := wr.Block().(gowarc.HttpResponseBlock)
	if !ok {
		return nil, SkipNotHTML // a response of another protocol (dns:, ftp:)
	}
	if h.Has(gowarc.WarcTruncated) || hasContentLengthError(rec.Validation) {
		return nil, SkipTruncated
	}
	if hb.HttpStatusCode() != http.StatusOK {
		return nil, SkipStatus
	}
	header := hb.HttpHeader()
	charset, ok := htmlCharset(header.Get("Content-Type"))
	if !ok {
		return nil, SkipNotHTML
	}
	body, err := hb.PayloadBytes()
	if err != nil {
		return nil, SkipCorrupt
	}
	payload, reason := decodePayload(body, header, isChunked(hb.ProtocolHeaderBytes()), maxInput)
	if reason != "" {
		return nil, reason
	}
	p := &Page{
		Record:  Record{ID: wr.RecordId(), URI: h.Get(gowarc.WarcTargetURI), Offset: rec.Offset},
		Body:    payload,
		URL:     h.Get(gowarc.WarcTargetURI),
		Charset: charset,
	}
	if t, err := wr.Date(); err == nil {
		p.Record.Date = t.UTC().Format(time.RFC3339)
		p.Date = t
	}
	return p, ""
}

// htmlCharset tells an HTML Content-Type and gives its charset. A response
// without one is taken as HTML, as browsers sniff it; the cleaner refuses
// what is not text.
func htmlCharset(contentType string) (string, bool) {
	if strings.TrimSpace(contentType) == "" {
		return "", true
	}
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		// A malformed header: take the type before any parameter.
		mt, _, _ = strings.Cut(strings.ToLower(contentType), ";")
		mt = strings.TrimSpace(mt)
	}
	switch mt {
	case "text/html", "application/xhtml+xml":
		return params["charset"], true
	}
	return "", false
}

// decodePayload undoes the transfer and content encodings a crawler
// recorded as they came over the wire, and reads at most maxInput bytes of
// the result: a compression bomb costs no more than a page at the cap.
func decodePayload(body io.Reader, header *http.Header, chunked bool, maxInput int) ([]byte, string) {
	if chunked {
		body = httputil.NewChunkedReader(bufio.NewReader(body))
	}
	switch enc := strings.ToLower(strings.TrimSpace(header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(body)
		if err != nil {
			return nil, SkipCorrupt
		}
		body = zr
	case "deflate":
		body = flate.NewReader(body)
	default:
		return nil, SkipEncoding
	}
	data, err := io.ReadAll(io.LimitReader(body, int64(maxInput)+1))
	switch {
	case err != nil:
		return nil, SkipTruncated // a chunked or compressed body cut short
	case len(data) > maxInput:
		return nil, SkipTooLarge
	}
	return data, ""
}

// blockDigestMismatch tells a block that is not what its
// WARC-Block-Digest says (a payload digest may differ for good reasons:
// crawlers disagree on whether it covers the transfer encoding).
func blockDigestMismatch(validation []error) bool {
	for _, v := range validation {
		var de *gowarc.DigestError
		if errors.As(v, &de) && strings.HasPrefix(v.Error(), "block: ") {
			return true
		}
	}
	return false
}

// isChunked tells a chunked transfer encoding from the raw HTTP header:
// net/http, which parses the header, moves Transfer-Encoding out of it.
func isChunked(header []byte) bool {
	for _, line := range bytes.Split(header, []byte("\n")) {
		name, value, ok := bytes.Cut(line, []byte(":"))
		if ok && strings.EqualFold(string(bytes.TrimSpace(name)), "Transfer-Encoding") {
			for _, te := range strings.Split(string(value), ",") {
				if strings.EqualFold(strings.TrimSpace(te), "chunked") {
					return true
				}
			}
		}
	}
	return false
}

// hasContentLengthError tells a block shorter or longer than its header says.
func hasContentLengthError(validation []error) bool {
	for _, v := range validation {
		var cl *gowarc.ContentLengthError
		if errors.As(v, &cl) {
			return true
		}
	}
	return false
}

// Summary lists a WARC's skipped records by reason, in a fixed order.
func (s Stats) Summary() string {
	var parts []string
	for _, r := range []string{SkipNotHTML, SkipStatus, SkipTruncated, SkipTooLarge, SkipEncoding, SkipCorrupt} {
		if n := s.Skipped[r]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", r, n))
		}
	}
	return strings.Join(parts, ", ")
}
