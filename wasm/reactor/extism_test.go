//go:build extism

package main

import (
	"bytes"
	"slices"
	"testing"

	"github.com/nazif/nazif/wasm/abi"
)

// TestExtismClean: Extism's clean gives call's envelope, split, for the
// page alone, and clean_with_options for the options line followed by the
// page (whose own newlines stay in it); an input with no newline is
// refused as bad options.
func TestExtismClean(t *testing.T) {
	page := testPage("\n")
	var statuses []abi.Status
	for _, c := range []struct{ options, page string }{
		{"", page}, {`{"html":true}`, page}, {`{"htm":true}`, page}, {`{"html":true}`, ""}, {"", ""},
	} {
		want := call([]byte(c.page), []byte(c.options), 0)
		check := func(export string, status abi.Status, payload []byte) {
			if status != abi.Status(want[0]) || !bytes.Equal(payload, want[1:]) {
				t.Errorf("%s(%q, %.20q): status %d, payload %.100q; call gives %d, %.100q",
					export, c.options, c.page, status, payload, want[0], want[1:])
			}
		}
		if c.options == "" {
			status, payload := extismClean([]byte(c.page), false)
			check("clean", status, payload)
		}
		status, payload := extismClean([]byte(c.options+"\n"+c.page), true)
		check("clean_with_options", status, payload)
		statuses = append(statuses, status)
	}
	if want := []abi.Status{abi.OK, abi.OK, abi.BadOptions, abi.Empty, abi.Empty}; !slices.Equal(statuses, want) {
		t.Errorf("statuses %v; want %v", statuses, want)
	}
	status, payload := extismClean([]byte(`{"html":true}`), true)
	if status != abi.BadOptions || string(payload) != msgNoNewline {
		t.Errorf("no newline: status %d, payload %q", status, payload)
	}
}

// TestExtismCollect: the guest collects after every 16th call and after
// every big input, as host/ does.
func TestExtismCollect(t *testing.T) {
	extismCalls = 0
	var got []int
	for i := 1; i <= 40; i++ {
		n := 100
		if i == 5 {
			n = extismBigInput + 1
		}
		if extismCollect(n) {
			got = append(got, i)
		}
	}
	if want := []int{5, 16, 32}; !slices.Equal(got, want) {
		t.Errorf("collected after calls %v; want %v", got, want)
	}
}
