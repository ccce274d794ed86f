package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/nazif/nazif/wasm/abi"
	"github.com/nazif/nazif/wasm/nazif"
)

// FuzzCall fuzzes the ABI envelope: any page and any options bytes give
// one envelope with a known status byte, never Internal; an OK payload is
// the JSON of nazif.Extract's article for the options encoding/json reads;
// an error payload is a valid UTF-8 message; BadOptions comes exactly when
// encoding/json refuses the options; and the reused envelope buffer never
// leaks one call's bytes into the next.
func FuzzCall(f *testing.F) {
	pages, _ := filepath.Glob("../../testdata/corpus/*.html")
	for i, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b[len(b)/2:len(b)/2+min(len(b)/2, 2048)], []byte(optionCases[i%len(optionCases)]))
	}
	f.Add([]byte("<p>نص</p>"), []byte(`{"html":true,"now":"2025-06-11T12:00:00+03:00"}`))
	f.Add([]byte(""), []byte(""))
	f.Add([]byte("\x89PNG\r\n\x1a\n"), []byte("{}"))
	f.Fuzz(func(t *testing.T, input, options []byte) {
		if outsideContract(options) {
			return
		}
		env := bytes.Clone(call(input, options, 0))
		if len(env) == 0 {
			t.Fatal("empty envelope")
		}
		status, payload := abi.Status(env[0]), env[1:]
		opts, optErr := stdOptions(options)
		if (status == abi.BadOptions) != (optErr != nil) {
			t.Fatalf("status %d, payload %q; encoding/json says %v", status, payload, optErr)
		}
		switch status {
		case abi.OK:
			a, err := nazif.Extract(input, opts)
			if err != nil {
				t.Fatalf("OK envelope where Extract fails: %v", err)
			}
			want, _ := json.Marshal(a)
			if !bytes.Equal(payload, want) {
				t.Fatalf("payload\n%s\nwant\n%s", payload, want)
			}
		case abi.BadOptions, abi.Empty, abi.NotText:
			if len(payload) == 0 || !utf8.Valid(payload) {
				t.Fatalf("status %d with message %q", status, payload)
			}
		default:
			t.Fatalf("status %d: %q", status, payload)
		}
		// Another call in between must not change what this one returns.
		call([]byte("<p>صفحة أخرى</p>"), nil, 0)
		if again := call(input, options, 0); !bytes.Equal(again, env) {
			t.Fatalf("a second call gave another envelope:\n%q\n%q", again, env)
		}
	})
}
