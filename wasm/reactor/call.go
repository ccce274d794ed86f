package main

import (
	"errors"
	"maps"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/nazif/nazif/wasm/abi"
	"github.com/nazif/nazif/wasm/internal/jsonv"
	"github.com/nazif/nazif/wasm/nazif"
)

// The guest links neither encoding/json nor fmt: both are large (wazero
// validates every function body at each process start) and reflection is
// slow in wasm. Article.AppendJSON writes the result and parseOptions
// reads the options.

// envelope is the last result, kept reachable (and so unmoved and alive)
// until the next call: the host reads it straight from linear memory. Its
// capacity is reused from call to call.
var envelope []byte

// call cleans one page and returns the result envelope: one status byte,
// then the Article JSON or an error message. budget, when positive, is how
// long the call may take.
func call(input, options []byte, budget time.Duration) (out []byte) {
	envelope = envelope[:0]
	defer func() {
		if r := recover(); r != nil {
			out = fail(abi.Internal, errors.New("nazif: internal error: "+panicText(r)))
		}
	}()
	opts, err := parseOptions(options)
	if err != nil {
		return fail(abi.BadOptions, err)
	}
	if budget > 0 {
		opts.Deadline = time.Now().Add(budget)
	}
	a, err := nazif.Extract(input, opts)
	switch {
	case errors.Is(err, nazif.ErrEmpty):
		return fail(abi.Empty, err)
	case errors.Is(err, nazif.ErrNotText):
		return fail(abi.NotText, err)
	case errors.Is(err, nazif.ErrTimeout):
		return fail(abi.Timeout, err)
	case err != nil:
		return fail(abi.Internal, err)
	}
	envelope = a.AppendJSON(append(envelope[:0], byte(abi.OK)))
	return envelope
}

func fail(s abi.Status, err error) []byte {
	envelope = append(append(envelope[:0], byte(s)), err.Error()...)
	return envelope
}

// panicText is what a recovered panic says, as far as can be told without
// fmt: runtime errors and most panics are errors or strings.
func panicText(r any) string {
	switch v := r.(type) {
	case error:
		return v.Error()
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	}
	return "unknown panic"
}

// optionFields are the JSON names of the nazif.Options fields, in the
// order of the option* constants.
var optionFields = [...]string{"url", "charset", "now", "html", "markdown", "explain"}

const (
	optionURL = iota
	optionCharset
	optionNow
	optionHTML
	optionMarkdown
	optionExplain
	optionUnknown
)

// parseOptions reads the options JSON into nazif.Options as json.Decoder
// with DisallowUnknownFields would, and rejects the same inputs: field
// names match case-insensitively, null leaves a field unset, "now" is read
// by time.Time.UnmarshalText. Unlike Decode it also rejects anything after
// the object, as json.Unmarshal does. No options at all are the zero
// Options. Two cases differ from encoding/json on purpose, as no host
// sends them: a field given twice (in any case) takes the value of the
// spelling that sorts last, null included, where encoding/json takes the
// last non-null one; and "now" is read after its JSON escapes are undone,
// where encoding/json refuses escapes in a time.
func parseOptions(data []byte) (nazif.Options, error) {
	var o nazif.Options
	if len(data) == 0 {
		return o, nil
	}
	v, err := jsonv.Parse(string(data))
	if err != nil {
		return o, errors.New("nazif: options: " + err.Error())
	}
	if v == nil { // json.Decoder leaves the struct untouched
		return o, nil
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return o, errors.New(`nazif: options: the options must be a JSON object, such as {"html":true}`)
	}
	for _, key := range slices.Sorted(maps.Keys(obj)) {
		field := fieldIndex(key)
		if field == optionUnknown {
			return nazif.Options{}, errors.New("nazif: options: unknown field " + strconv.Quote(key) +
				"; the fields are url, charset, now, html, markdown and explain")
		}
		if err := setOption(&o, field, obj[key]); err != nil {
			return nazif.Options{}, errors.New("nazif: options: " + err.Error())
		}
	}
	return o, nil
}

// setOption sets one field of o from its JSON value.
func setOption(o *nazif.Options, field int, v any) error {
	if v == nil {
		return nil
	}
	name := optionFields[field]
	switch field {
	case optionURL, optionCharset:
		s, ok := v.(string)
		if !ok {
			return errors.New("field " + strconv.Quote(name) + " must be a string or null")
		}
		if field == optionURL {
			o.URL = s
		} else {
			o.Charset = s
		}
	case optionNow:
		s, ok := v.(string)
		if !ok {
			return errors.New(`field "now" must be an RFC 3339 date-time string, such as "2024-01-02T03:04:05Z"`)
		}
		if err := o.Now.UnmarshalText([]byte(s)); err != nil {
			return errors.New(`field "now" must be an RFC 3339 date-time, such as "2024-01-02T03:04:05Z": ` + err.Error())
		}
	default:
		b, ok := v.(bool)
		if !ok {
			return errors.New("field " + strconv.Quote(name) + " must be true, false or null")
		}
		switch field {
		case optionHTML:
			o.HTML = b
		case optionMarkdown:
			o.Markdown = b
		case optionExplain:
			o.Explain = b
		}
	}
	return nil
}

// fieldIndex matches key to a field as encoding/json does: exactly, or
// else equal under Unicode simple case folding. The names are ASCII
// letters, and the only other runes that fold to ASCII letters are the
// Kelvin sign (K) and the long s (S).
func fieldIndex(key string) int {
	for f, name := range optionFields {
		if key == name {
			return f
		}
	}
	for f, name := range optionFields {
		if foldEqual(key, name) {
			return f
		}
	}
	return optionUnknown
}

// foldEqual reports whether key folds to name, a lower-case ASCII word.
func foldEqual(key, name string) bool {
	j := 0
	for i := 0; i < len(key); j++ {
		if j == len(name) {
			return false
		}
		c := key[i]
		if c < utf8.RuneSelf {
			i++
			if c|0x20 != name[j] || c|0x20 < 'a' || c|0x20 > 'z' {
				return false
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(key[i:])
		i += n
		if !(r == '\u212a' && name[j] == 'k') && !(r == '\u017f' && name[j] == 's') {
			return false
		}
	}
	return j == len(name)
}
