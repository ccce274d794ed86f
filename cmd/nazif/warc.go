package main

// warc.go reads web archives for nazif clean: every HTML response record
// of a WARC file (.warc or .warc.gz) becomes a page, with the record's
// target URI as its URL, its date as the reference time and the HTTP
// Content-Type charset as the decoding hint. Records that are not pages
// are counted by reason and passed over; a corrupt record is skipped by
// scanning for the next one, so that one bad record costs only itself.
//
// Parsing is github.com/nlnwa/gowarc/v3's: WARC headers, gzip members,
// HTTP blocks. What it lacks is recovery inside a gzip member cut short:
// its inflater reads on into the next members and loses them. warcReader
// therefore reopens the file one byte past a failed record's start and
// lets the reader scan for the next record's magic from there.

import (
	"bufio"
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

	"github.com/nazif/nazif/wasm/nazif"
)

// The reasons a WARC record is passed over, as the summary counts them.
const (
	skipNotHTML   = "not_html"  // a response whose Content-Type is not HTML
	skipStatus    = "status"    // an HTTP status other than 200
	skipTruncated = "truncated" // WARC-Truncated, or a block shorter than its Content-Length
	skipTooLarge  = "too_large" // a payload over -max-input
	skipEncoding  = "encoding"  // a Content-Encoding nazif cannot undo (br, zstd …)
	skipCorrupt   = "corrupt"   // a record that does not parse; the reader resumes after it
)

// maxResyncs bounds how often one WARC file is scanned past a corrupt
// record: a file of garbage ends there, with an error, rather than being
// retried byte by byte.
const maxResyncs = 1000

// isWARC tells a WARC file by its name.
func isWARC(name string) bool { return warcSuffix(name) != "" }

// warcSuffix is name's ".warc" or ".warc.gz", in its own case, or "".
func warcSuffix(name string) string {
	lower := strings.ToLower(name)
	for _, suf := range []string{".warc", ".warc.gz"} {
		if strings.HasSuffix(lower, suf) {
			return name[len(name)-len(suf):]
		}
	}
	return ""
}

// warcRecord is one HTML page of a WARC, as jsonl reports it.
type warcRecord struct {
	ID     string `json:"id"`
	URI    string `json:"uri,omitempty"`
	Date   string `json:"date,omitempty"`
	Offset int64  `json:"offset"`
}

// warcPage is a page read from a WARC: the record, the payload and the
// options it implies.
type warcPage struct {
	record warcRecord
	page   []byte
	opts   nazif.Options
}

// warcStats counts one WARC file's records.
type warcStats struct {
	records int            // WARC records read, of every type
	pages   int            // HTML 200 responses handed on
	skipped map[string]int // responses passed over, by reason
}

func (s *warcStats) skip(reason string) {
	if s.skipped == nil {
		s.skipped = map[string]int{}
	}
	s.skipped[reason]++
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

// readWARC streams the WARC file name and calls page for every HTML 200
// response, in file order, until page returns false. It counts the rest.
// The error is the file's: it cannot be opened, or it holds no record at
// all; a bad record is never one.
func readWARC(name string, maxInput int, page func(warcPage) bool) (warcStats, error) {
	var st warcStats
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
			st.skip(skipCorrupt)
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
		st.records++
		p, reason := readWARCPage(rec, maxInput)
		rec.WarcRecord.Close()
		switch {
		case reason != "":
			st.skip(reason)
		case p != nil:
			st.pages++
			if !page(*p) {
				return st, nil
			}
		}
	}
	if st.records == 0 && len(st.skipped) == 0 {
		return st, errors.New("no WARC record in this file")
	}
	return st, nil
}

// readWARCPage turns a response record into a page, or says why it is not
// one; a record of another type is neither (nil, "").
func readWARCPage(rec gowarc.Record, maxInput int) (*warcPage, string) {
	wr := rec.WarcRecord
	if wr.Type() != gowarc.Response {
		return nil, ""
	}
	h := wr.WarcHeader()
	hb, ok := wr.Block().(gowarc.HttpResponseBlock)
	if !ok {
		return nil, skipNotHTML // a response of another protocol (dns:, ftp:)
	}
	if h.Has(gowarc.WarcTruncated) || hasContentLengthError(rec.Validation) {
		return nil, skipTruncated
	}
	if hb.HttpStatusCode() != http.StatusOK {
		return nil, skipStatus
	}
	header := hb.HttpHeader()
	charset, ok := htmlCharset(header.Get("Content-Type"))
	if !ok {
		return nil, skipNotHTML
	}
	body, err := hb.PayloadBytes()
	if err != nil {
		return nil, skipCorrupt
	}
	payload, reason := decodePayload(body, header, maxInput)
	if reason != "" {
		return nil, reason
	}
	p := &warcPage{
		record: warcRecord{ID: wr.RecordId(), URI: h.Get(gowarc.WarcTargetURI), Offset: rec.Offset},
		page:   payload,
		opts:   nazif.Options{URL: h.Get(gowarc.WarcTargetURI), Charset: charset},
	}
	if t, err := wr.Date(); err == nil {
		p.record.Date = t.UTC().Format(time.RFC3339)
		p.opts.Now = t
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
func decodePayload(body io.Reader, header *http.Header, maxInput int) ([]byte, string) {
	for _, te := range header.Values("Transfer-Encoding") {
		if strings.EqualFold(strings.TrimSpace(te), "chunked") {
			body = httputil.NewChunkedReader(bufio.NewReader(body))
		}
	}
	switch enc := strings.ToLower(strings.TrimSpace(header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(body)
		if err != nil {
			return nil, skipCorrupt
		}
		body = zr
	case "deflate":
		body = flate.NewReader(body)
	default:
		return nil, skipEncoding
	}
	data, cerr := readCapped(body, maxInput, skipCorrupt)
	switch {
	case cerr == nil:
		return data, ""
	case cerr.Code == skipCorrupt && len(data) == 0:
		return nil, skipTruncated // a chunked or compressed body cut short
	}
	return nil, skipTooLarge
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

// skipSummary lists a WARC's skipped records by reason, in a fixed order.
func skipSummary(s warcStats) string {
	var parts []string
	for _, r := range []string{skipNotHTML, skipStatus, skipTruncated, skipTooLarge, skipEncoding, skipCorrupt} {
		if n := s.skipped[r]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", r, n))
		}
	}
	return strings.Join(parts, ", ")
}
