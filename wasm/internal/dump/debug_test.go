package dump

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nazif/nazif/wasm/eval"
)

func TestDebug(t *testing.T) {
	files, _ := filepath.Glob("../../../testdata/corpus/*.dump.txt")
	for _, f := range files {
		if os.Getenv("ONLY") != "" && !strings.Contains(f, os.Getenv("ONLY")) {
			continue
		}
		data, _ := os.ReadFile(f)
		tr, _ := os.ReadFile(strings.Replace(f, ".dump.txt", ".truth.json", 1))
		truth, _ := eval.ParseTruth(tr)
		d := Extract(string(data))
		p, r, f1 := eval.TokenF1(strings.Join(d.Paragraphs, "\n"), strings.Join(truth.Body(true), "\n"))
		fmt.Printf("== %s P=%.3f R=%.3f F1=%.3f paras=%d/%d\n  title=%q ok=%v\n  date=%q\n  section=%q site=%q author=%q captions=%q\n",
			filepath.Base(f), p, r, f1, len(d.Paragraphs), len(truth.Body(true)), d.Title, strings.Join(strings.Fields(d.Title), " ") == strings.Join(strings.Fields(truth.Title), " "), d.DateLine, d.Section, d.Site, d.Author, d.Captions)
		if os.Getenv("V") != "" {
			lines := splitLines(string(data))
			scan(lines)
			for i := range lines {
				l := &lines[i]
				if l.text == "" {
					continue
				}
				txt := []rune(l.text)
				if len(txt) > 50 {
					txt = txt[:50]
				}
				fmt.Printf("%4d w=%3d fw=%2d/%2d d=%.2f c=%d s=%d e=%v pr=%v ch=%v wt=%7.1f ind=%d hits=%d/%d %q\n", i+1, l.words, l.function, l.fwords, l.density(), l.commas, l.stops, l.endStop, l.prose, l.chrome(), l.weight(), l.indent, l.hits, l.strong, string(txt))
			}
		}
		if os.Getenv("R") != "" {
			for _, r := range d.Removed {
				txt := []rune(r.Text)
				if len(txt) > 60 {
					txt = txt[:60]
				}
				fmt.Printf("   - %-12s %q\n", r.Reason, string(txt))
			}
		}
	}
}
