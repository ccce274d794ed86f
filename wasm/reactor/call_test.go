package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/nazif/nazif/wasm/abi"
	"github.com/nazif/nazif/wasm/nazif"
)

// testPage is a short Arabic article, its title and sentences each
// followed by sep.
func testPage(sep string) string {
	return "<title>عنوان</title>" + sep + "<p>" + strings.Repeat("هذا نص عربي طويل بما يكفي ليكون فقرة."+sep, 8) + "</p>"
}

// TestCall: the envelope's status byte and payload for each outcome.
func TestCall(t *testing.T) {
	page := testPage(" ")
	for _, tc := range []struct {
		name, input, options string
		budget               time.Duration
		want                 abi.Status
		payload              string // a substring of the payload
	}{
		{"ok", page, "", 0, abi.OK, `"lang":"ar"`},
		{"ok with options", page, `{"html":true,"now":"2024-01-02T03:04:05Z"}`, time.Hour, abi.OK, `"html":"\u003carticle`},
		{"unknown option", page, `{"htm":true}`, 0, abi.BadOptions, `unknown field "htm"`},
		{"bad JSON", page, `{`, 0, abi.BadOptions, "options"},
		{"empty", "", "", 0, abi.Empty, "nazif:"},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00", "", 0, abi.NotText, "nazif:"},
		{"budget spent", page, "", time.Nanosecond, abi.Timeout, "deadline"},
		{"negative budget means none", page, "", -1, abi.OK, `"lang":"ar"`},
	} {
		out := call([]byte(tc.input), []byte(tc.options), tc.budget)
		if abi.Status(out[0]) != tc.want || !strings.Contains(string(out[1:]), tc.payload) {
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

// stdOptions is the reference for parseOptions: json.Decoder with
// DisallowUnknownFields, as the guest used, and json.Valid for the trailing
// data Decode would leave unread.
func stdOptions(data []byte) (nazif.Options, error) {
	var o nazif.Options
	if len(data) == 0 {
		return o, nil
	}
	if !json.Valid(data) {
		return o, errors.New("invalid JSON")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	err := dec.Decode(&o)
	return o, err
}

// checkOptions fails unless parseOptions and stdOptions agree on data.
func checkOptions(t *testing.T, data []byte) {
	t.Helper()
	if outsideContract(data) {
		return
	}
	got, gotErr := parseOptions(data)
	want, wantErr := stdOptions(data)
	if (gotErr == nil) != (wantErr == nil) {
		t.Fatalf("%q: parseOptions error %v; encoding/json error %v", data, gotErr, wantErr)
	}
	if gotErr != nil {
		if !strings.HasPrefix(gotErr.Error(), "nazif: options: ") {
			t.Fatalf("%q: error %q lacks the nazif: options: prefix", data, gotErr)
		}
		return
	}
	// Times are compared by instant and offset: a fixed zone is a new
	// *Location at each parse.
	if !got.Now.Equal(want.Now) || got.Now.Format(time.RFC3339Nano) != want.Now.Format(time.RFC3339Nano) {
		t.Fatalf("%q: now %v; encoding/json has %v", data, got.Now, want.Now)
	}
	got.Now, want.Now = time.Time{}, time.Time{}
	if got != want {
		t.Fatalf("%q: parseOptions\n%+v\nencoding/json\n%+v", data, got, want)
	}
}

// outsideContract reports the two cases where parseOptions means to
// differ from encoding/json (see its doc): a field given twice, and a
// "now" written with escapes.
func outsideContract(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return false
	}
	seen := map[int]bool{}
	for dec.More() {
		tok, err := dec.Token()
		key, ok := tok.(string)
		if err != nil || !ok {
			return false
		}
		var raw json.RawMessage
		if dec.Decode(&raw) != nil {
			return false
		}
		f := fieldIndex(key)
		if seen[f] && f != optionUnknown || f == optionNow && bytes.IndexByte(raw, '\\') >= 0 {
			return true
		}
		seen[f] = true
	}
	return false
}

// TestOutsideContract: the differences parseOptions means to have.
func TestOutsideContract(t *testing.T) {
	for _, tc := range []struct {
		options string
		want    nazif.Options
	}{
		{`{"html":true,"html":null}`, nazif.Options{}},
		{`{"url":"a","URL":"b"}`, nazif.Options{URL: "a"}}, // "url" sorts after "URL"
		{`{"now":"2024-01-02T03:04:05\u005a"}`, nazif.Options{Now: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)}},
	} {
		if !outsideContract([]byte(tc.options)) {
			t.Errorf("%s: not outside the contract", tc.options)
		}
		got, err := parseOptions([]byte(tc.options))
		if err != nil || !got.Now.Equal(tc.want.Now) || got.URL != tc.want.URL || got.HTML != tc.want.HTML {
			t.Errorf("%s: %+v, %v; want %+v", tc.options, got, err, tc.want)
		}
	}
}

// optionCases are options JSONs, valid and not, for the differential test
// and the fuzzer's seeds.
var optionCases = []string{
	``, `{}`, ` { } `, "\t{\r\n}\n", `null`, ` null `, `nul`, `nullx`, `null null`, `[]`, `1`, `"x"`, `true`,
	`{`, `}`, `{}}`, `{} {}`, `{}x`, `{,}`, `{"html":true,}`, `{"html" true}`, `{"html":}`, `{html:true}`,
	`{'html':true}`, "\ufeff{}", `{"html":true`, `{"html":true}` + "\x00", ` `,
	`{"html":true,"markdown":true,"explain":true,"url":"https://example.com/a?b=1&c=<2>","charset":"windows-1256","now":"2024-01-02T03:04:05Z"}`,
	`{ "html" : false , "markdown" : null , "explain" : true }`,
	`{"html":null}`, `{"html":true,"html":null}`, `{"html":true,"html":false}`, `{"html":false,"html":true}`,
	`{"url":"a","url":"b"}`, `{"url":"a","url":null}`, `{"url":null}`, `{"charset":""}`,
	`{"html":1}`, `{"html":"true"}`, `{"html":tru}`, `{"html":truex}`, `{"html":true1}`, `{"html":True}`,
	`{"html":[]}`, `{"html":{}}`, `{"url":1}`, `{"url":true}`, `{"url":["a"]}`, `{"url":{"a":1}}`,
	`{"htm":true}`, `{"deadline":"2024-01-02T03:04:05Z"}`, `{"Deadline":null}`, `{"":1}`, `{"html ":true}`,
	`{"HTML":true}`, `{"Html":true,"hTmL":false}`, `{"URL":"x"}`, `{"NOW":"2024-01-02T03:04:05Z"}`,
	`{"mar\u212adown":true}`, "{\"mar\u212adown\":true}", "{\"char\u017fet\":\"x\"}", `{"chars\u017Fet":"x"}`,
	"{\"mar\u212bdown\":true}", "{\"\u0131\":1}", "{\"html\xff\":true}", `{"ht\u006dl":true}`, `{"h\tml":true}`,
	`{"ht` + "\t" + `ml":true}`,
	`{"url":"\"\\\/\b\f\n\r\t"}`, `{"url":"\u0000\u001f\u0041\u00e9\u2028\uffff"}`, `{"url":"\uD83D\uDE00"}`,
	`{"url":"\ud83d\ude00"}`, `{"url":"\uD83D"}`, `{"url":"\uD83Dx"}`, `{"url":"\uD83D\u0041"}`, `{"url":"\uDE00\uD83D"}`,
	`{"url":"\uD83D\uD83D\uDE00"}`, `{"url":"\uDE00"}`, `{"url":"\u12"}`, `{"url":"\u12G4"}`, `{"url":"\x"}`,
	`{"url":"\'"}`, `{"url":"\`, `{"url":"abc`, "{\"url\":\"a\nb\"}", "{\"url\":\"a\x7fb\"}", "{\"url\":\"\xff\xfe\"}",
	"{\"url\":\"\xed\xa0\x80\"}", "{\"url\":\"ok \xc3\"}", "{\"url\":\"عربي\"}", `{"url":"\\u0041"}`,
	`{"now":"2024-01-02T03:04:05Z"}`, `{"now":"2024-01-02T03:04:05.123456789+03:00"}`, `{"now":"2024-01-02T03:04:05-00:00"}`,
	`{"now":"2024-01-02t03:04:05z"}`, `{"now":"2024-01-02 03:04:05Z"}`, `{"now":"2024-01-02"}`, `{"now":""}`,
	`{"now":"2024-01-02T3:04:05Z"}`, `{"now":"2024-01-02T03:04:05,5Z"}`, `{"now":"2024-01-02T03:04:05+24:00"}`,
	`{"now":"2024-01-02T03:04:05+03:60"}`, `{"now":"2024-13-02T03:04:05Z"}`, `{"now":"2024-02-30T03:04:05Z"}`,
	`{"now":"2024-01-02T24:00:00Z"}`, `{"now":"2024-01-02T23:59:60Z"}`, `{"now":"0000-01-01T00:00:00Z"}`,
	`{"now":"10000-01-01T00:00:00Z"}`, `{"now":"2024-01-02T03:04:05.Z"}`, `{"now":"2024-01-02T03:04:05+0300"}`,
	`{"now":"2024-01-02T03:04:05\u005a"}`, `{"now":"\u0032024-01-02T03:04:05Z"}`, `{"now":"2024-01-02T03:04:05Z "}`,
	`{"now":null}`, `{"now":"2024-01-02T03:04:05Z","now":null}`, `{"now":1}`, `{"now":true}`, `{"now":{}}`,
	`{"now":["2024-01-02T03:04:05Z"]}`, `{"now":"2024-01-02T03:04:05Z","now":"2025-01-02T03:04:05+01:00"}`,
}

// TestParseOptionsMatchesEncodingJSON: parseOptions accepts what
// encoding/json accepts, with the same Options.
func TestParseOptionsMatchesEncodingJSON(t *testing.T) {
	for _, c := range optionCases {
		checkOptions(t, []byte(c))
	}
}

// TestParseOptionsMessages: errors name what is wrong.
func TestParseOptionsMessages(t *testing.T) {
	for _, tc := range []struct{ options, want string }{
		{`{"htm":true}`, `nazif: options: unknown field "htm"`},
		{`{"html":1}`, `field "html" must be true, false or null`},
		{`{"url":1}`, `field "url" must be a string or null`},
		{`{"now":"yesterday"}`, `field "now" must be an RFC 3339 date-time`},
		{`{"html":true`, "unexpected end of JSON input at offset 12"},
		{`{"html":true} x`, "after top-level value"},
		{`[]`, "must be a JSON object"},
	} {
		_, err := parseOptions([]byte(tc.options))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v; want one containing %q", tc.options, err, tc.want)
		}
	}
}

// TestFoldEqualRunes: the only non-ASCII runes that encoding/json's
// case folding maps to an ASCII letter are the two foldEqual knows.
func TestFoldEqualRunes(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		f := r
		for g := unicode.SimpleFold(r); g != r; g = unicode.SimpleFold(g) {
			f = min(f, g)
		}
		if f < utf8.RuneSelf && r != '\u212a' && r != '\u017f' {
			t.Errorf("%U folds to %q; teach foldEqual about it", r, f)
		}
	}
}

// FuzzParseOptions: parseOptions and encoding/json agree on any input.
func FuzzParseOptions(f *testing.F) {
	for _, c := range optionCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkOptions(t, data)
	})
}

// TestPanicText: what the envelope says about a recovered panic.
func TestPanicText(t *testing.T) {
	var s []int
	err := func() (err error) {
		defer func() { err = recover().(error) }()
		_ = s[3]
		return nil
	}()
	for _, tc := range []struct {
		r    any
		want string
	}{
		{err, "runtime error: index out of range [3] with length 0"},
		{errors.New("boom"), "boom"},
		{"boom", "boom"},
		{42, "42"},
		{struct{}{}, "unknown panic"},
	} {
		if got := panicText(tc.r); got != tc.want {
			t.Errorf("panicText(%#v) = %q; want %q", tc.r, got, tc.want)
		}
	}
}
