package host_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/nazif/nazif/host"
	"github.com/nazif/nazif/wasm/nazif"
)

var updateCrossRuntime = flag.Bool("update", false, "rewrite testdata/crossruntime.json from this host's results")

// crossRuntimeFile is what every other runtime must reproduce: for each
// testdata page and option set, the SHA-256 of the Go host's Article JSON,
// or the error's code (and, for errors the guest reports, its message).
// wasm/js/test/differential.test.js runs the same cases in Node, and
// wasm/js/test/browser/differential.test.js in Chromium.
const crossRuntimeFile = "../testdata/crossruntime.json"

type crossRuntime struct {
	Comment string            `json:"comment"`
	Options []json.RawMessage `json:"options"`
	Cases   []crossCase       `json:"cases"`
}

type crossCase struct {
	Input   string     `json:"input,omitempty"`  // a path under testdata/
	Base64  *string    `json:"base64,omitempty"` // or the input itself
	Fill    *crossFill `json:"fill,omitempty"`   // or a run of one byte
	Options int        `json:"options"`          // an index into Options
	SHA256  string     `json:"sha256,omitempty"`
	Bytes   int        `json:"bytes,omitempty"`
	Error   *crossErr  `json:"error,omitempty"`
}

type crossFill struct {
	Byte   byte `json:"byte"`
	Length int  `json:"length"`
}

type crossErr struct {
	Code host.Code `json:"code"`
	// Message is set for the errors the guest reports, which every host
	// passes on verbatim; a host's own errors (such as too_large) word
	// their advice for their own API.
	Message string `json:"message,omitempty"`
}

func (c crossCase) input(t *testing.T) []byte {
	switch {
	case c.Base64 != nil:
		b, err := base64.StdEncoding.DecodeString(*c.Base64)
		if err != nil {
			t.Fatal(err)
		}
		return b
	case c.Fill != nil:
		return bytes.Repeat([]byte{c.Fill.Byte}, c.Fill.Length)
	}
	b, err := os.ReadFile(filepath.Join("..", "testdata", filepath.FromSlash(c.Input)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func b64(s string) *string {
	e := base64.StdEncoding.EncodeToString([]byte(s))
	return &e
}

// TestCrossRuntime is the differential test of the sandbox: on every
// testdata page, with plain and with full options, it gives byte for byte
// the JSON of native Extract. Its results are kept in
// testdata/crossruntime.json, so that the JS tests compare against the Go
// host without running Go; the test fails when the file is stale. Rewrite
// it with -update after a change to the guest.
func TestCrossRuntime(t *testing.T) {
	c := cleaner(t)
	ctx := context.Background()
	want := crossRuntime{Comment: "The Go host's results on testdata, which every runtime must reproduce byte for byte. Written by go test ./host -run TestCrossRuntime -update; do not edit."}
	for _, o := range optionSets {
		j, err := json.Marshal(o)
		if err != nil {
			t.Fatal(err)
		}
		want.Options = append(want.Options, j)
	}
	var cases []crossCase
	for _, f := range inputs(t) {
		rel, err := filepath.Rel(filepath.Join("..", "testdata"), f)
		if err != nil {
			t.Fatal(err)
		}
		for i := range optionSets {
			cases = append(cases, crossCase{Input: filepath.ToSlash(rel), Options: i})
		}
	}
	cases = append(cases,
		crossCase{Base64: b64(""), Options: 0},
		crossCase{Base64: b64(" \n\t\r\n"), Options: 1},
		crossCase{Base64: b64("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), Options: 0},
		crossCase{Base64: b64("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), Options: 1},
		crossCase{Fill: &crossFill{Byte: '<', Length: host.DefaultMaxInputBytes + 1}, Options: 0},
		// A page with no article: a result with no blocks, not an error.
		crossCase{Base64: b64("<html><body><nav><a href=/>الرئيسية</a></nav></body></html>"), Options: 1},
	)
	for _, cc := range cases {
		out, err := c.CleanJSON(ctx, cc.input(t), optionSets[cc.Options])
		var e *host.Error
		switch {
		case err == nil:
			a, err := nazif.Extract(cc.input(t), optionSets[cc.Options])
			if err != nil {
				t.Fatalf("%+v: native: %v", cc, err)
			}
			if native, _ := json.Marshal(a); !bytes.Equal(out, native) {
				t.Errorf("%s (options %d): sandboxed JSON differs from native:\n got %.300s\nwant %.300s", cc.Input, cc.Options, out, native)
			}
			sum := sha256.Sum256(out)
			cc.SHA256, cc.Bytes = hex.EncodeToString(sum[:]), len(out)
		case errors.As(err, &e):
			cc.Error = &crossErr{Code: e.Code}
			if e.Code != host.CodeInputTooLarge {
				cc.Error.Message = e.Message
			}
		default:
			t.Fatalf("%+v: %v", cc, err)
		}
		want.Cases = append(want.Cases, cc)
	}
	buf, err := json.MarshalIndent(want, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	buf = append(buf, '\n')
	if *updateCrossRuntime {
		if err := os.WriteFile(crossRuntimeFile, buf, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	have, err := os.ReadFile(crossRuntimeFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(have, buf) {
		t.Errorf("%s is stale: the Go host's results changed; run go test ./host -run TestCrossRuntime -update, check the diff and commit it", crossRuntimeFile)
	}
}
