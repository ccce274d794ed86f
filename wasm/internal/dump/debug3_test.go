package dump

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugFile(t *testing.T) {
	f := os.Getenv("FILE")
	if f == "" {
		return
	}
	data, _ := os.ReadFile(f)
	d := Extract(string(data))
	fmt.Printf("title=%q\ndate=%q section=%q site=%q author=%q\n", d.Title, d.DateLine, d.Section, d.Site, d.Author)
	for _, p := range d.Paragraphs {
		fmt.Printf("  P %.80s\n", p)
	}
	for _, r := range d.Removed {
		fmt.Printf("  - %-12s %.70s\n", r.Reason, r.Text)
	}
}
