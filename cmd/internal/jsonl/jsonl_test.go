package jsonl_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/nazif/nazif/cmd/internal/crawl"
	"github.com/nazif/nazif/cmd/internal/jsonl"
	"github.com/nazif/nazif/host"
	"github.com/nazif/nazif/wasm/nazif"
)

// TestPageOptions: the record gives the URL and the reference time, its
// charset wins over the caller's, and the caller's time over its date.
func TestPageOptions(t *testing.T) {
	date := time.Date(2021, 3, 4, 5, 6, 7, 0, time.UTC)
	now := time.Date(2024, 7, 1, 12, 0, 0, 0, time.UTC)
	p := crawl.Page{URL: "https://news.example/1", Charset: "windows-1256", Date: date}
	base := nazif.Options{URL: "https://other.example/", Charset: "utf-8", Explain: true}
	got := jsonl.PageOptions(p, base)
	if got.URL != p.URL || got.Charset != p.Charset || !got.Now.Equal(date) || !got.Explain {
		t.Errorf("PageOptions = %+v; want the record's URL, charset and date, and base's Explain", got)
	}
	p.Charset, base.Now = "", now
	if got := jsonl.PageOptions(p, base); got.Charset != "utf-8" || !got.Now.Equal(now) {
		t.Errorf("PageOptions = %+v; want base's charset when the record has none, and base's time", got)
	}
}

// TestErrorOf: a sandbox error keeps its code and message; a native one
// gets its sentinel's code, or trap.
func TestErrorOf(t *testing.T) {
	for err, code := range map[error]host.Code{
		&host.Error{Code: host.CodeTimeout, Message: "nazif: too slow"}: host.CodeTimeout,
		fmt.Errorf("wrapped: %w", nazif.ErrEmpty):                       host.CodeEmpty,
		nazif.ErrNotText:             host.CodeNotText,
		nazif.ErrTimeout:             host.CodeTimeout,
		errors.New("something else"): host.CodeTrap,
	} {
		e := jsonl.ErrorOf(err)
		if e.Code != string(code) || e.Message == "" {
			t.Errorf("ErrorOf(%v) = %+v; want code %s", err, e, code)
		}
	}
}

// TestEncode: one line, HTML left as it is, the record and the error
// omitted when absent.
func TestEncode(t *testing.T) {
	got := string(jsonl.Encode(jsonl.Line{Input: "a&b.html", Article: &nazif.Article{Title: "<b>", Lang: "ar", Dir: "rtl"}}))
	want := `{"input":"a&b.html","article":{"title":"<b>","lang":"ar","dir":"rtl","blocks":null,"text":"","search_text":""}}` + "\n"
	if got != want {
		t.Errorf("Encode = %s; want %s", got, want)
	}
}
