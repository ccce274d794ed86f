package dump

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nazif/nazif/wasm/eval"
)

func TestDebugVariants(t *testing.T) {
	files, _ := filepath.Glob("../../../testdata/corpus/*.dump.txt")
	variants := map[string]func(string) string{
		"noblank": func(s string) string {
			var out []string
			for _, l := range strings.Split(s, "\n") {
				if strings.TrimSpace(l) != "" {
					out = append(out, l)
				}
			}
			return strings.Join(out, "\n")
		},
		"noindent": func(s string) string {
			var out []string
			for _, l := range strings.Split(s, "\n") {
				out = append(out, strings.TrimLeft(l, " "))
			}
			return strings.Join(out, "\n")
		},
		"crlf": func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") },
		"double": func(s string) string { return strings.ReplaceAll(s, "\n", "\n\n") },
	}
	for name, fn := range variants {
		for _, f := range files {
			data, _ := os.ReadFile(f)
			tr, _ := os.ReadFile(strings.Replace(f, ".dump.txt", ".truth.json", 1))
			truth, _ := eval.ParseTruth(tr)
			d := Extract(fn(string(data)))
			_, _, f1 := eval.TokenF1(strings.Join(d.Paragraphs, "\n"), strings.Join(truth.Body(true), "\n"))
			fmt.Printf("%-9s %-28s F1=%.3f title=%v date=%q\n", name, filepath.Base(f), f1, strings.Join(strings.Fields(d.Title), " ") == strings.Join(strings.Fields(truth.Title), " "), d.DateLine)
		}
	}
}
