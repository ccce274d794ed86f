package classwords_test

import (
	"slices"
	"testing"

	"github.com/nazif/nazif/wasm/internal/classwords"
)

func TestWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"share-tools", []string{"share", "tools"}},
		{"selectionShareable", []string{"selection", "shareable"}},
		{"HTMLParser", []string{"html", "parser"}},
		{"col2 h1", []string{"col", "2", "h", "1"}},
		{"jnews_module_317359_0_5fe52bd35c42a", []string{"jnews", "module", "317359", "0", "5", "fe", "52", "bd", "35", "c", "42", "a"}},
		{"  entry-content\tpost__body ", []string{"entry", "content", "post", "body"}},
		{"ArticleBody", []string{"article", "body"}},
		{"ABC", []string{"abc"}},
		{"matn-الخبر x", []string{"matn", "الخبر", "x"}},
		{"averyveryveryveryveryveryverylongword share", []string{"share"}},
	} {
		if got := classwords.Words(c.in); !slices.Equal(got, c.want) {
			t.Errorf("Words(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

const (
	chrome uint32 = 1 << iota
	content
)

var vocab = classwords.New([]classwords.Entry{
	{Word: "share", Prefix: true, Flags: chrome},
	{Word: "sharing", Flags: chrome},
	{Word: "nav", Flags: chrome},
	{Word: "content", Flags: content},
	{Word: "comment", Prefix: true, Flags: chrome},
})

func TestFlags(t *testing.T) {
	for _, c := range []struct {
		in    string
		want  uint32
		first string
	}{
		{"share-bar", chrome, "share"},
		{"selectionShareable", chrome, "share"},
		{"sharing-with-a-single-developer", chrome, "sharing"},
		{"widget-content", content, ""},
		{"navigation", 0, ""}, // "nav" is whole words only
		{"main-nav", chrome, "nav"},
		{"comments content", chrome | content, "comment"},
		{"commentary", chrome, "comment"},
		{"shar", 0, ""},
		{"unshare", 0, ""},
		{"", 0, ""},
	} {
		if got := vocab.Flags(c.in); got != c.want {
			t.Errorf("Flags(%q) = %b; want %b", c.in, got, c.want)
		}
		if got := vocab.First(c.in, chrome); got != c.first {
			t.Errorf("First(%q, chrome) = %q; want %q", c.in, got, c.first)
		}
	}
}

func TestNewPanics(t *testing.T) {
	for _, e := range [][]classwords.Entry{
		{{Word: "Share"}},
		{{Word: "a-b"}},
		{{Word: ""}},
		{{Word: "x"}, {Word: "x"}},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("New(%v) did not panic", e)
				}
			}()
			classwords.New(e)
		}()
	}
}

func TestNoAllocs(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { vocab.Flags("entry-content selectionShareable HTMLParser col2") }); n != 0 {
		t.Errorf("Flags allocates %v times a call; want 0", n)
	}
}
