package host

import (
	"errors"
	"fmt"

	"github.com/nazif/nazif/wasm/nazif"
)

// Errors returned by Clean; every failure matches one of them with
// errors.Is, and is an *Error with a Code.
var (
	// ErrInputTooLarge: the input exceeds Config.WithMaxInputBytes.
	ErrInputTooLarge = errors.New("nazif: input too large")
	// ErrEmpty: the input holds no text at all. The same value as
	// nazif.ErrEmpty.
	ErrEmpty = nazif.ErrEmpty
	// ErrNotText: the input is binary. The same value as nazif.ErrNotText.
	ErrNotText = nazif.ErrNotText
	// ErrTimeout: the call's deadline passed. The same value as
	// nazif.ErrTimeout; when the context caused it, the error also matches
	// the context's error.
	ErrTimeout = nazif.ErrTimeout
	// ErrMemoryLimit: the instance ran out of memory under its cap.
	ErrMemoryLimit = errors.New("nazif: memory limit exceeded")
	// ErrBadOptions: the guest refused the options.
	ErrBadOptions = errors.New("nazif: bad options")
	// ErrTrap: the guest failed in a way it should not (a bug): a trap or
	// a recovered panic. The instance was discarded.
	ErrTrap = errors.New("nazif: the module failed")
	// ErrBadBinary: the module is not a nazif.wasm of this ABI version.
	ErrBadBinary = errors.New("nazif: not a compatible nazif.wasm")
	// ErrClosed: the Cleaner was closed.
	ErrClosed = errors.New("nazif: cleaner closed")
)

// Code names a kind of failure, for logs, metrics and other languages.
type Code string

// The codes, one per sentinel error.
const (
	CodeInputTooLarge Code = "too_large"
	CodeEmpty         Code = "empty"
	CodeNotText       Code = "not_text"
	CodeTimeout       Code = "timeout"
	CodeMemoryLimit   Code = "memory_limit"
	CodeBadOptions    Code = "bad_options"
	CodeTrap          Code = "trap"
	CodeClosed        Code = "closed"
)

var sentinels = map[Code]error{
	CodeInputTooLarge: ErrInputTooLarge,
	CodeEmpty:         ErrEmpty,
	CodeNotText:       ErrNotText,
	CodeTimeout:       ErrTimeout,
	CodeMemoryLimit:   ErrMemoryLimit,
	CodeBadOptions:    ErrBadOptions,
	CodeTrap:          ErrTrap,
	CodeClosed:        ErrClosed,
}

// Error is a failed Clean: a Code, and a message that says what happened.
// errors.Is matches it against the sentinel of its Code, and against the
// cause it wraps, if any (such as context.DeadlineExceeded).
type Error struct {
	Code    Code
	Message string
	cause   error
}

func newError(code Code, cause error, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), cause: cause}
}

func (e *Error) Error() string { return e.Message }

// Unwrap returns the sentinel of e's Code, and its cause when it has one.
func (e *Error) Unwrap() []error {
	errs := []error{sentinels[e.Code]}
	if e.cause != nil {
		errs = append(errs, e.cause)
	}
	return errs
}
