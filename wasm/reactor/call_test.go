package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/nazif/nazif/wasm/nazif"
)

// TestCall: the envelope's status byte and payload for each outcome.
func TestCall(t *testing.T) {
	page := "<title>عنوان</title><p>" + strings.Repeat("هذا نص عربي طويل بما يكفي ليكون فقرة. ", 8) + "</p>"
	for _, tc := range []struct {
		name, input, options string
		budget               time.Duration
		want                 status
		payload              string // a substring of the payload
	}{
		{"ok", page, "", 0, statusOK, `"lang":"ar"`},
		{"ok with options", page, `{"html":true,"now":"2024-01-02T03:04:05Z"}`, time.Hour, statusOK, `"html":"\u003carticle`},
		{"unknown option", page, `{"htm":true}`, 0, statusBadOptions, `unknown field "htm"`},
		{"bad JSON", page, `{`, 0, statusBadOptions, "options"},
		{"empty", "", "", 0, statusEmpty, "nazif:"},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00", "", 0, statusNotText, "nazif:"},
		{"budget spent", page, "", time.Nanosecond, statusTimeout, "deadline"},
		{"negative budget means none", page, "", -1, statusOK, `"lang":"ar"`},
	} {
		out := call([]byte(tc.input), []byte(tc.options), tc.budget)
		if status(out[0]) != tc.want || !strings.Contains(string(out[1:]), tc.payload) {
			t.Errorf("%s: status %d, payload %.120q; want %d with %q", tc.name, out[0], out[1:], tc.want, tc.payload)
		}
	}
}

// TestCallMatchesMarshal: the OK payload is json.Marshal's form of the
// native result, with no trailing newline.
func TestCallMatchesMarshal(t *testing.T) {
	page := []byte("<title>عنوان & <b>x</b></title><p>" + strings.Repeat("نص عربي <للاختبار> & فقرة. ", 12) + "</p>")
	a, err := nazif.Extract(page, nazif.Options{HTML: true})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(a)
	out := call(page, []byte(`{"html":true}`), 0)
	if string(out[1:]) != string(want) {
		t.Errorf("payload\n%s\nwant\n%s", out[1:], want)
	}
}
