package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const seed = "../../testdata/corpus/seed-mawazin-2025-06-11.dump.txt"

func TestCleanFormats(t *testing.T) {
	for _, c := range []struct {
		format string
		check  func(out string) bool
	}{
		{"json", func(out string) bool {
			var a struct{ Title string }
			return json.Unmarshal([]byte(out), &a) == nil && strings.HasPrefix(a.Title, "إعادة هيكلة التحالف")
		}},
		{"text", func(out string) bool {
			return strings.HasPrefix(out, "إعادة هيكلة التحالف") && strings.Contains(out, "2025-06-11T12:27 · موازين نيوز · العالم · متابعة")
		}},
		{"md", func(out string) bool { return strings.HasPrefix(out, "# إعادة هيكلة التحالف") }},
		{"html", func(out string) bool { return strings.HasPrefix(out, "<article dir=\"rtl\" lang=\"ar\">") }},
	} {
		var stdout, stderr bytes.Buffer
		code := run([]string{"clean", "-f", c.format, seed}, nil, &stdout, &stderr)
		if code != 0 || !c.check(stdout.String()) {
			t.Errorf("-f %s: exit %d, stderr %q, output %.200q", c.format, code, stderr.String(), stdout.String())
		}
	}
}

// TestBatchFailures: a bad input is reported and does not stop the others.
func TestBatchFailures(t *testing.T) {
	dir := t.TempDir()
	png := filepath.Join(dir, "image.png")
	if err := os.WriteFile(png, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"clean", "-f", "text", png, filepath.Join(dir, "missing.html"), seed}, nil, &stdout, &stderr)
	if code != 1 {
		t.Errorf("exit %d; want 1", code)
	}
	if !strings.Contains(stdout.String(), "إعادة هيكلة التحالف") {
		t.Errorf("the good input was not cleaned: %q", stdout.String())
	}
	for _, want := range []string{"image.png: nazif: input is not text", "missing.html", "2 of 3 inputs failed"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr %q lacks %q", stderr.String(), want)
		}
	}
}

func TestStdinAndNow(t *testing.T) {
	in := strings.NewReader("خبر عاجل عن الطقس\n\nمنذ ساعتين\n\n" +
		"توقعت هيئة الأرصاد الجوية أن تشهد البلاد موجة حارة خلال الأيام المقبلة، مع ارتفاع درجات الحرارة إلى مستويات قياسية في المناطق الداخلية.\n" +
		"ودعت الهيئة المواطنين إلى تجنب التعرض المباشر لأشعة الشمس في ساعات الذروة، وإلى شرب كميات كافية من المياه طوال اليوم.\n")
	var stdout, stderr bytes.Buffer
	code := run([]string{"clean", "-f", "json", "-now", "2024-07-01T12:00:00Z", "-"}, in, &stdout, &stderr)
	var a struct{ Published string }
	if code != 0 || json.Unmarshal(stdout.Bytes(), &a) != nil || a.Published != "2024-07-01T10:00" {
		t.Errorf("exit %d, published %q, stderr %q; want 2024-07-01T10:00", code, a.Published, stderr.String())
	}
}

func TestUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(nil, nil, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "usage") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
	if code := run([]string{"clean", "-f", "pdf", seed}, nil, &stdout, &stderr); code != 2 {
		t.Errorf("unknown format: exit %d; want 2", code)
	}
}
