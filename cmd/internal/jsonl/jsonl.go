// Package jsonl is the line format of nazif clean -f jsonl, and how a WARC
// page is cleaned into one: the options a record gives the cleaner, and
// how a failure is classified. The CLI (cmd/nazif) and the Beam pipeline
// (cmd/nazif-beam) both write their lines through it, so that the same
// record gives the same bytes in either.
package jsonl

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/nazif/nazif/cmd/internal/crawl"
	"github.com/nazif/nazif/host"
	"github.com/nazif/nazif/wasm/nazif"
)

// Error is a failed input's code and message. Codes are host.Code values,
// or "read", "fetch" and "write" for what fails outside the cleaner.
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Line is one line of -f jsonl: the input's name with its article or its
// error, and for a WARC page its record, so that a line stands on its own.
type Line struct {
	Input   string         `json:"input"`
	Record  *crawl.Record  `json:"record,omitempty"`
	Article *nazif.Article `json:"article,omitempty"`
	Error   *Error         `json:"error,omitempty"`
}

// Encode is v as one line of compact JSON, HTML left unescaped (an
// article's HTML and text are full of '<' and '&', which escaping would
// triple in size).
func Encode(v any) []byte {
	var sb strings.Builder
	enc := json.NewEncoder(&sb)
	enc.SetEscapeHTML(false)
	enc.Encode(v) // cannot fail: the types hold only strings, numbers, slices and bools
	return []byte(sb.String())
}

// ErrorOf classifies a cleaner's error: the sandbox's carry their code,
// and native ones get the code of the sentinel they match.
func ErrorOf(err error) *Error {
	var he *host.Error
	if errors.As(err, &he) {
		return &Error{Code: string(he.Code), Message: he.Message}
	}
	code := host.CodeTrap
	switch {
	case errors.Is(err, nazif.ErrEmpty):
		code = host.CodeEmpty
	case errors.Is(err, nazif.ErrNotText):
		code = host.CodeNotText
	case errors.Is(err, nazif.ErrTimeout):
		code = host.CodeTimeout
	}
	return &Error{Code: string(code), Message: err.Error()}
}

// PageOptions are the options a WARC page is cleaned with: base, with the
// record's target URI as the URL, its date as the reference time unless
// base sets one (the caller's wins), and the response's charset, when it
// names one, over base's.
func PageOptions(p crawl.Page, base nazif.Options) nazif.Options {
	opts := base
	opts.URL, opts.Now = p.URL, p.Date
	if p.Charset != "" {
		opts.Charset = p.Charset
	}
	if !base.Now.IsZero() {
		opts.Now = base.Now
	}
	return opts
}
