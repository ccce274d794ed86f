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
