package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nazif/nazif/wasm/nazif"
)

// abiVersion is returned by nazif_abi_version. Bump it on any change a host
// could notice: an export's signature, the envelope layout, a status code.
const abiVersion = 1

// Status is the first byte of a result envelope.
type status byte

// The status codes of wasm/ABI.md.
const (
	statusOK         status = 0 // an Article as JSON follows
	statusBadOptions status = 1 // the options JSON is invalid
	statusEmpty      status = 2 // nazif.ErrEmpty
	statusNotText    status = 3 // nazif.ErrNotText
	statusTimeout    status = 4 // the budget ran out
	statusBadCall    status = 5 // a pointer or length the guest did not hand out
	statusInternal   status = 6 // a bug: the guest panicked; discard the instance
)

// envelope is the last result, kept reachable (and so unmoved and alive)
// until the next call: the host reads it straight from linear memory.
var envelope bytes.Buffer

// call cleans one page and returns the result envelope: one status byte,
// then the Article JSON or an error message. budget, when positive, is how
// long the call may take.
func call(input, options []byte, budget time.Duration) (out []byte) {
	envelope.Reset()
	defer func() {
		if r := recover(); r != nil {
			envelope.Reset()
			envelope.WriteByte(byte(statusInternal))
			fmt.Fprintf(&envelope, "nazif: internal error: %v", r)
			out = envelope.Bytes()
		}
	}()
	var opts nazif.Options
	if len(options) > 0 {
		dec := json.NewDecoder(bytes.NewReader(options))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&opts); err != nil {
			return fail(statusBadOptions, fmt.Errorf("nazif: options: %w", err))
		}
	}
	if budget > 0 {
		opts.Deadline = time.Now().Add(budget)
	}
	a, err := nazif.Extract(input, opts)
	switch {
	case errors.Is(err, nazif.ErrEmpty):
		return fail(statusEmpty, err)
	case errors.Is(err, nazif.ErrNotText):
		return fail(statusNotText, err)
	case errors.Is(err, nazif.ErrTimeout):
		return fail(statusTimeout, err)
	case err != nil:
		return fail(statusInternal, err)
	}
	envelope.WriteByte(byte(statusOK))
	enc := json.NewEncoder(&envelope)
	if err := enc.Encode(&a); err != nil {
		return fail(statusInternal, err)
	}
	// Encode ends with a newline that json.Marshal, the native form, lacks.
	envelope.Truncate(envelope.Len() - 1)
	return envelope.Bytes()
}

func fail(s status, err error) []byte {
	envelope.Reset()
	envelope.WriteByte(byte(s))
	envelope.WriteString(err.Error())
	return envelope.Bytes()
}
