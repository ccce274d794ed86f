package jsonv

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// oracle is what Parse must match.
func oracle(s string) (any, error) {
	var v any
	err := json.Unmarshal([]byte(s), &v)
	return v, err
}

// same fails t unless Parse and json.Unmarshal agree on s: both reject it,
// or both accept it with deeply equal values.
func same(t *testing.T, name, s string) {
	t.Helper()
	got, err := Parse(s)
	want, werr := oracle(s)
	if (err == nil) != (werr == nil) {
		t.Fatalf("%s: Parse(%.200q) error = %v, encoding/json error = %v", name, s, err, werr)
	}
	if err != nil {
		var e *Error
		if !errors.As(err, &e) || e.Offset < 0 || e.Offset > len(s) {
			t.Fatalf("%s: Parse(%.200q) error %#v is not an *Error with an offset inside the input", name, s, err)
		}
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: Parse(%.200q) = %#v, encoding/json gives %#v", name, s, got, want)
	}
}

// tricky covers every error class and every decoding rule.
var tricky = []string{
	// empty and white space
	"", " ", "\t\r\n ", "\f1", "\v1", "\u00a01", " 1 ", "\n\r\t[\n\r\t1\n\r\t]\n\r\t",
	// BOM and other junk around a value
	"\ufeff{}", "{}\ufeff", "1 2", "{} {}", "[] x", "1,", "\x00", "1\x00", "nul", "nullx", "truefalse",
	// literals
	"true", "false", "null", "tru", "fals", "nul", "True", "NULL", "t", "[tru]", "[nulL]",
	// numbers
	"0", "-0", "1", "-1", "01", "-01", "00", "1.", "1.5", ".5", "-.5", "+1", "1e", "1e+", "1e-", "1E5", "1e-5",
	"1.5e+10", "-", "--1", "1.0.0", "0x10", "1_000", "Infinity", "NaN", "-Infinity", "1e309", "-1e309", "1e-400",
	"123456789012345", "1234567890123456", "12345678901234567890", "9007199254740993", "-9007199254740993",
	"0.1", "0.30000000000000004", "4.9e-324", "2.2250738585072014e-308", "1.7976931348623157e308",
	"1.7976931348623159e308", "1" + strings.Repeat("0", 400), "0." + strings.Repeat("0", 400) + "1",
	"1e" + strings.Repeat("9", 30), "[1e999]", `{"a":1e999,"b":x}`, "-0.0", "0e0", "0E-0",
	// strings and escapes
	`""`, `"a"`, `"\""`, `"\\"`, `"\/"`, `"\b\f\n\r\t"`, `"\'"`, `"\a"`, `"\x41"`, `"\u0041"`, `"\u00e9"`,
	`"\u0000"`, `"\uFFFF"`, `"\uffff"`, `"\uD83D\uDE00"`, `"\ud83d\ude00"`, `"\uD83D"`, `"\uDE00"`,
	`"\uD83Dx"`, `"\uD83D\u0041"`, `"\uD83D\uD83D\uDE00"`, `"\uDE00\uD83D"`, `"\uD83D\"`, `"\uD83D\uZZZZ"`,
	`"\u12"`, `"\u123"`, `"\u12G4"`, `"\U0041"`, `"\u"`, `"\`, `"abc`, `"`, `"\"`, `"a\"b"`,
	"\"\t\"", "\"\n\"", "\"\x1f\"", "\"\x7f\"", "\"\\\x01\"", "\"a\x00b\"",
	// UTF-8, valid and not
	`"مرحبا"`, `"日本語"`, "\"\xff\"", "\"a\xffb\"", "\"\xc3\"", "\"\xc3\x28\"", "\"\xe2\x82\"", "\"\xed\xa0\x80\"",
	"\"\xf4\x90\x80\x80\"", "\"\xc0\xaf\"", "\"\xf0\x9f\x98\x80\"", "\"\xf0\x9f\x98\"", "\"\\n\xff\"", "\"\xff\\n\"",
	"\"" + strings.Repeat("\xff", 100) + "\"", "\xff", "[\"a\"]\xff",
	// arrays
	"[]", "[ ]", "[1]", "[1,]", "[,1]", "[1 2]", "[1,,2]", "[", "[1", "[1,", "]", "[[[]]]", "[[]", `["a",{"b":[1,true,null]}]`,
	// objects
	"{}", "{ }", `{"a":1}`, `{"a":1,}`, `{,"a":1}`, `{"a"}`, `{"a":}`, `{"a" 1}`, `{a:1}`, `{'a':1}`, `{1:1}`,
	`{"a":1 "b":2}`, `{"a":1,"a":2}`, `{"a":{"b":1},"a":[2]}`, `{`, `{"a"`, `{"a":`, `{"a":1`, `{"a":1,`, "}",
	`{"\u0041":1,"A":2}`, `{"":0}`, "{\"\xff\":1}", `{"a\"b":1}`, `{"a":1}}`, `{"a":[}`, `{"a":{]}`,
	`{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"خبر","author":[{"@type":"Person","name":"أ"}]}]}`,
}

func TestTricky(t *testing.T) {
	for i, s := range tricky {
		same(t, "tricky["+strconv.Itoa(i)+"]", s)
	}
}

func TestDepth(t *testing.T) {
	for _, n := range []int{MaxDepth - 1, MaxDepth, MaxDepth + 1} {
		arr := strings.Repeat("[", n) + strings.Repeat("]", n)
		same(t, "arrays "+strconv.Itoa(n), arr)
		obj := strings.Repeat(`{"a":`, n) + "1" + strings.Repeat("}", n)
		same(t, "objects "+strconv.Itoa(n), obj)
	}
	// Far past the limit, unclosed: rejected without recursing further.
	if _, err := Parse(strings.Repeat("[", 1<<20)); err == nil {
		t.Fatal("Parse accepted a million unclosed arrays")
	}
	if _, err := Parse(strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth)); err != nil {
		t.Fatalf("Parse rejected nesting of exactly MaxDepth: %v", err)
	}
}

// TestEveryPrefix checks that cutting a document anywhere is rejected
// exactly when encoding/json rejects it.
func TestEveryPrefix(t *testing.T) {
	doc := `{"a":[1,-2.5e3,true,false,null,"x\u00e9\uD83D\uDE00\n"],"b":{"c":{}},"d":[]}`
	for i := 0; i <= len(doc); i++ {
		same(t, "prefix", doc[:i])
		same(t, "prefix+space", doc[:i]+" ")
	}
}

// TestEveryByte puts each byte value in a key, a string value and between
// tokens.
func TestEveryByte(t *testing.T) {
	for c := 0; c < 256; c++ {
		b := string([]byte{byte(c)})
		same(t, "in key", `{"`+b+`":1}`)
		same(t, "in string", `["`+b+`"]`)
		same(t, "escaped", `["\`+b+`"]`)
		same(t, "between", `[1`+b+`2]`)
		same(t, "before", b+`[]`)
		same(t, "after", `[]`+b)
	}
}

func TestErrorsSayWhere(t *testing.T) {
	_, err := Parse(`{"a": tru}`)
	var e *Error
	if !errors.As(err, &e) || e.Offset != 9 || !strings.Contains(err.Error(), "literal true") {
		t.Fatalf("Parse(`{\"a\": tru}`) error = %v, want an *Error at offset 9 about literal true", err)
	}
	_, err = Parse(`[1e999]`)
	if err == nil || !strings.Contains(err.Error(), "number 1e999") {
		t.Fatalf("Parse(`[1e999]`) error = %v, want the out-of-range number named", err)
	}
}

// TestSharesInput checks the point of taking a string: an unescaped string
// value is a substring of the input, not a copy.
func TestSharesInput(t *testing.T) {
	in := `{"headline":"خبر عاجل"}`
	v, err := Parse(in)
	if err != nil {
		t.Fatal(err)
	}
	h := v.(map[string]any)["headline"].(string)
	start := uintptr(unsafe.Pointer(unsafe.StringData(in)))
	if at := uintptr(unsafe.Pointer(unsafe.StringData(h))); h != "خبر عاجل" || at < start || at >= start+uintptr(len(in)) {
		t.Fatalf("headline = %q, not a substring of the input", h)
	}
	plainStr := `"` + strings.Repeat("ab", 1000) + `"`
	// One allocation boxes the string header in an any; the text is shared.
	if a := testing.AllocsPerRun(10, func() { _, _ = Parse(plainStr) }); a > 1 {
		t.Fatalf("Parse of one unescaped string allocates %v times, want 1", a)
	}
}

var ldScript = regexp.MustCompile(`(?is)<script[^>]*application/ld\+json[^>]*>(.*?)</script>`)

// corpusJSON returns the JSON-LD scripts of the test pages and the JSON
// files of testdata, by name.
func corpusJSON(t testing.TB) map[string]string {
	out := map[string]string{}
	pages, _ := filepath.Glob("../../../testdata/*/*.html")
	for _, f := range pages {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, m := range ldScript.FindAllStringSubmatch(string(b), -1) {
			out[filepath.Base(f)+"#"+strconv.Itoa(i)] = strings.TrimSpace(m[1])
		}
	}
	files, _ := filepath.Glob("../../../testdata/*/*.json")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = string(b)
	}
	return out
}

func TestCorpus(t *testing.T) {
	docs := corpusJSON(t)
	scripts := 0
	for name, s := range docs {
		if strings.Contains(name, "#") {
			scripts++
		}
		same(t, name, s)
		// Every cut of a real script must be judged alike too.
		if strings.Contains(name, "#") {
			for i := 0; i < len(s); i += 1 + len(s)/200 {
				same(t, name+" cut", s[:i])
			}
		}
	}
	if scripts < 5 {
		t.Fatalf("found %d JSON-LD scripts in testdata, want at least 5: the corpus moved?", scripts)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range tricky {
		f.Add(s)
	}
	for _, s := range corpusJSON(f) {
		if len(s) < 4096 {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		same(t, "fuzz", s)
	})
}

func BenchmarkCorpus(b *testing.B) {
	var docs []string
	size := 0
	for name, s := range corpusJSON(b) {
		if strings.Contains(name, "#") {
			docs = append(docs, s)
			size += len(s)
		}
	}
	b.Run("jsonv", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, s := range docs {
				if _, err := Parse(s); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, s := range docs {
				var v any
				if err := json.Unmarshal([]byte(s), &v); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
