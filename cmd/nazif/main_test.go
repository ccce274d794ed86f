package main

import (
	"bytes"
	"strings"
	"testing"
)

const seed = "../../testdata/corpus/seed-mawazin-2025-06-11.dump.txt"

func TestUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(nil, nil, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "usage") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
	if code := run([]string{"clean", "-f", "pdf", seed}, nil, &stdout, &stderr); code != 2 {
		t.Errorf("unknown format: exit %d; want 2", code)
	}
}

// TestPrintable: what nazif echoes on a terminal cannot drive it (issue
// 13: a file name or a server's reason phrase set the title and cleared
// the screen).
func TestPrintable(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain name.html", "plain name.html"},
		{"عربي\ttab", "عربي\ttab"},
		{"x\x1b]0;PWNED\x07y", `x\x1b]0;PWNED\ay`},
		{"\x1b[2J", `\x1b[2J`},
		{"csi\u009b", `csi\u009b`},
		{"rlo\u202egnp.exe", `rlo\u202egnp.exe`},
		{"nul\x00", `nul\x00`},
	} {
		if got := printable(c.in); got != c.want {
			t.Errorf("printable(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

// TestVersionFlag: --version is the version command.
func TestVersionFlag(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"--version"}, nil, &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), "nazif.wasm sha256:") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout.String(), stderr.String())
	}
}
