package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/nazif/nazif/host"
)

const (
	cnnPage  = "../../testdata/corpus/cnnarabic-2013-08-03.html"
	cnnTitle = "معارضون يسيطرون على مخازن للصواريخ بريف دمشق"
	// seedTitle begins the seed dump's headline.
	seedTitle = "إعادة هيكلة التحالف"
)

func init() {
	openCleaner = func(context.Context, host.Config) (*host.Cleaner, func(), error) {
		c, err := sharedCleaner()
		return c, func() {}, err
	}
}

// sandboxCalls is how many calls the shared Cleaner has made.
func sandboxCalls(t *testing.T) uint64 {
	t.Helper()
	c, _, err := openCleaner(context.Background(), host.Config{})
	if err != nil {
		t.Fatal(err)
	}
	return c.Stats().Calls
}

// runClean runs nazif clean and returns its exit code, stdout and stderr.
func runClean(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"clean"}, args...), strings.NewReader(stdin), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// jsonlLine is one line of -f jsonl, decoded.
type jsonlLine struct {
	Input   string
	Article *struct {
		Title, URL, Text string
		Warnings         []string
	}
	Error *struct{ Code, Message string }
}

func parseJSONL(t *testing.T, out string) []jsonlLine {
	t.Helper()
	var lines []jsonlLine
	for l := range strings.Lines(out) {
		var j jsonlLine
		if err := json.Unmarshal([]byte(l), &j); err != nil {
			t.Fatalf("a jsonl line is not JSON: %v: %.200q", err, l)
		}
		if (j.Article == nil) == (j.Error == nil) {
			t.Fatalf("a jsonl line has both or neither of article and error: %.200q", l)
		}
		lines = append(lines, j)
	}
	return lines
}

func inputNames(lines []jsonlLine) []string {
	var names []string
	for _, l := range lines {
		names = append(names, l.Input)
	}
	return names
}

// TestCleanFormats: every format works, in the sandbox and natively, with
// the same output from both; and only the default uses the sandbox.
func TestCleanFormats(t *testing.T) {
	for _, c := range []struct {
		format string
		check  func(out string) bool
	}{
		{"json", func(out string) bool {
			var a struct{ Title string }
			return json.Unmarshal([]byte(out), &a) == nil && strings.HasPrefix(a.Title, seedTitle) &&
				strings.Contains(out, "\n  \"title\"")
		}},
		{"jsonl", func(out string) bool {
			var l jsonlLine
			return strings.Count(out, "\n") == 1 && json.Unmarshal([]byte(out), &l) == nil &&
				l.Input == seed && l.Article != nil && strings.HasPrefix(l.Article.Title, seedTitle)
		}},
		{"text", func(out string) bool {
			return strings.HasPrefix(out, seedTitle) && strings.Contains(out, "\n2025-06-11T12:27 · موازين نيوز · العالم · متابعة\n\n")
		}},
		{"md", func(out string) bool { return strings.HasPrefix(out, "# "+seedTitle) }},
		{"html", func(out string) bool { return strings.HasPrefix(out, "<article dir=\"rtl\" lang=\"ar\">") }},
	} {
		before := sandboxCalls(t)
		code, sandboxed, stderr := runClean(t, "", "-f", c.format, seed)
		if code != 0 || !c.check(sandboxed) {
			t.Errorf("-f %s: exit %d, stderr %q, output %.300q", c.format, code, stderr, sandboxed)
		}
		if calls := sandboxCalls(t) - before; calls != 1 {
			t.Errorf("-f %s: %d sandbox calls; want 1", c.format, calls)
		}
		before = sandboxCalls(t)
		code, native, stderr := runClean(t, "", "--native", "-f", c.format, seed)
		if code != 0 || native != sandboxed {
			t.Errorf("-f %s --native: exit %d, stderr %q; output differs from the sandbox's:\n%.300q\n%.300q", c.format, code, stderr, native, sandboxed)
		}
		if calls := sandboxCalls(t) - before; calls != 0 {
			t.Errorf("-f %s --native: %d sandbox calls; want 0", c.format, calls)
		}
	}
}

// TestCleanHTMLPageNativeAndSandbox: a real page gives the same JSON both ways.
func TestCleanHTMLPageNativeAndSandbox(t *testing.T) {
	code, sandboxed, stderr := runClean(t, "", "-explain", cnnPage)
	if code != 0 || !strings.Contains(sandboxed, `"title": "`+cnnTitle+`"`) || !strings.Contains(sandboxed, `"removed": [`) {
		t.Fatalf("exit %d, stderr %q, output %.300q", code, stderr, sandboxed)
	}
	if _, native, _ := runClean(t, "", "-native", "--explain", cnnPage); native != sandboxed {
		t.Errorf("native output differs from the sandbox's")
	}
}

// TestBatchFailures: a bad input is reported and does not stop the others.
func TestBatchFailures(t *testing.T) {
	dir := t.TempDir()
	png := filepath.Join(dir, "image.png")
	if err := os.WriteFile(png, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.html")
	if err := os.WriteFile(empty, []byte(" \n\t"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.html")
	for _, mode := range [][]string{nil, {"-native"}} {
		args := append(mode, "-f", "text", png, missing, seed, empty)
		code, stdout, stderr := runClean(t, "", args...)
		if code != 1 {
			t.Errorf("%v: exit %d; want 1", mode, code)
		}
		// Several inputs in text: a line names the source of each.
		if !strings.HasPrefix(stdout, "==> "+seed+" <==\n\n"+seedTitle) {
			t.Errorf("%v: the good input was not cleaned: %.200q", mode, stdout)
		}
		// The failures in input order, each prefixed once, then the
		// summary.
		lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
		if len(lines) != 4 {
			t.Fatalf("%v: stderr has %d lines; want 4: %q", mode, len(lines), stderr)
		}
		for i, want := range [][]string{
			{"nazif: " + png + ": input is not text", "[not_text]"},
			{"nazif: " + missing + ": ", "[read]"},
			{"nazif: " + empty + ": ", "[empty]"},
			{"nazif: 4 inputs: 1 cleaned, 0 with no article, 3 failed, in "},
		} {
			if !strings.HasPrefix(lines[i], want[0]) || (len(want) > 1 && !strings.HasSuffix(lines[i], want[1])) {
				t.Errorf("%v: stderr line %d is %q; want %q", mode, i+1, lines[i], want)
			}
		}
	}
}

func TestStdinAndNow(t *testing.T) {
	in := "خبر عاجل عن الطقس\n\nمنذ ساعتين\n\n" +
		"توقعت هيئة الأرصاد الجوية أن تشهد البلاد موجة حارة خلال الأيام المقبلة، مع ارتفاع درجات الحرارة إلى مستويات قياسية في المناطق الداخلية.\n" +
		"ودعت الهيئة المواطنين إلى تجنب التعرض المباشر لأشعة الشمس في ساعات الذروة، وإلى شرب كميات كافية من المياه طوال اليوم.\n"
	for _, args := range [][]string{{"-"}, {}} {
		code, stdout, stderr := runClean(t, in, append([]string{"-f", "json", "-now", "2024-07-01T12:00:00Z"}, args...)...)
		var a struct{ Published string }
		if code != 0 || json.Unmarshal([]byte(stdout), &a) != nil || a.Published != "2024-07-01T10:00" {
			t.Errorf("%q: exit %d, published %q, stderr %q; want 2024-07-01T10:00", args, code, a.Published, stderr)
		}
	}
}

// writeFiles creates files under dir, each path relative to it.
func writeFiles(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func readSeed(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCleanDir: a directory is walked in order, for pages only, skipping
// hidden files and directories.
func TestCleanDir(t *testing.T) {
	dir := t.TempDir()
	page := readSeed(t)
	writeFiles(t, dir, map[string][]byte{
		"b.html": page, "a/z.TXT": page, "a/y.xhtml": page, "c.htm": page,
		"notes.md": page, "image.png": page, ".hidden.html": page, ".git/x.html": page, "a/.cache/y.html": page,
	})
	code, stdout, stderr := runClean(t, "", "-f", "jsonl", dir)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var want []string
	for _, name := range []string{"a/y.xhtml", "a/z.TXT", "b.html", "c.htm"} {
		want = append(want, filepath.Join(dir, name))
	}
	lines := parseJSONL(t, stdout)
	if got := inputNames(lines); !slices.Equal(got, want) {
		t.Errorf("inputs %q; want %q", got, want)
	}
	for _, l := range lines {
		if l.Article == nil || !strings.HasPrefix(l.Article.Title, seedTitle) {
			t.Errorf("%s was not cleaned: %+v", l.Input, l)
		}
	}

	// A directory without pages is a failed input, not silence; the root
	// itself may be hidden.
	empty := filepath.Join(dir, "docs")
	writeFiles(t, empty, map[string][]byte{"HEAD": page, "notes.md": page})
	if code, stdout, _ := runClean(t, "", "-f", "jsonl", filepath.Join(dir, "a", ".cache")); code != 0 || !strings.Contains(stdout, `"title"`) {
		t.Errorf("a hidden root was not walked: exit %d", code)
	}
	code, _, stderr = runClean(t, "", empty)
	if code != 1 || !strings.Contains(stderr, empty+": no .html") {
		t.Errorf("a directory without pages: exit %d, stderr %q", code, stderr)
	}
}

// TestCleanOutDir: -o writes one file per input, with the content stdout
// would have had, under unique names that never overwrite an input.
func TestCleanOutDir(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write(readSeed(t))
	}))
	defer srv.Close()
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	page := readSeed(t)
	writeFiles(t, dir, map[string][]byte{"one/page.txt": page, "two/Page.html": page, "out/page.txt": page})
	pageURL := srv.URL + "/news/2025/item.php?id=7"
	inputs := []string{filepath.Join(dir, "one/page.txt"), filepath.Join(dir, "two/Page.html"), pageURL, "-", filepath.Join(out, "page.txt")}
	host := strings.TrimPrefix(srv.URL, "http://")
	host = host[:strings.LastIndex(host, ":")]
	wantNames := []string{"page-2.txt", "Page-3.txt", host + "_news_2025_item_id_7.txt", "stdin.txt", "page-4.txt"}

	code, stdout, stderr := runClean(t, string(page), append([]string{"-f", "text", "-o", out}, inputs...)...)
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d, stdout %.100q, stderr %q", code, stdout, stderr)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if want := slices.Sorted(slices.Values(append(wantNames, "page.txt"))); !slices.Equal(got, want) {
		t.Fatalf("-o wrote %q; want %q", got, want)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "page.txt")); !bytes.Equal(b, page) {
		t.Errorf("-o overwrote the input out/page.txt")
	}
	for i, in := range inputs {
		_, want, _ := runClean(t, string(page), "-f", "text", in)
		if b, _ := os.ReadFile(filepath.Join(out, wantNames[i])); string(b) != want || !strings.HasPrefix(want, seedTitle) {
			t.Errorf("%s: %s holds %.100q; want %.100q", in, wantNames[i], b, want)
		}
	}
}

// TestCleanOutDirSymlink: -o through a symbolic link to an input's
// directory does not overwrite the input (issue 13: `-o alias d1`, where
// alias links to d1, replaced d1/story.html).
func TestCleanOutDirSymlink(t *testing.T) {
	dir := t.TempDir()
	page := readSeed(t)
	writeFiles(t, dir, map[string][]byte{"d1/story.html": page})
	alias := filepath.Join(dir, "alias")
	if err := os.Symlink(filepath.Join(dir, "d1"), alias); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	code, _, stderr := runClean(t, "", "-f", "html", "-o", alias, filepath.Join(dir, "d1"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "d1", "story.html")); !bytes.Equal(b, page) {
		t.Errorf("-o through a link overwrote the input d1/story.html")
	}
	if _, err := os.Stat(filepath.Join(dir, "d1", "story-2.html")); err != nil {
		t.Errorf("the output is not story-2.html beside it: %v", err)
	}
}

// TestCleanOutDirTree: -o mirrors a walked directory, so that pages of
// the same name in two subdirectories keep their names.
func TestCleanOutDirTree(t *testing.T) {
	dir := t.TempDir()
	page := readSeed(t)
	writeFiles(t, dir, map[string][]byte{"in/a/page.html": page, "in/b/page.html": page, "in/b/c/page.txt": page, "in/top.htm": page})
	out := filepath.Join(dir, "out")
	code, _, stderr := runClean(t, "", "-native", "-f", "md", "-o", out, filepath.Join(dir, "in"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got []string
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(out, p)
			got = append(got, filepath.ToSlash(rel))
		}
		return nil
	})
	if want := []string{"a/page.md", "b/c/page.md", "b/page.md", "top.md"}; !slices.Equal(got, want) {
		t.Errorf("-o wrote %q; want %q", got, want)
	}
	if !strings.HasPrefix(stderr, "nazif: 4 inputs: 4 cleaned, 0 with no article, 0 failed, in ") {
		t.Errorf("stderr %q; want the summary", stderr)
	}
}

func TestCleanOutDirExtensions(t *testing.T) {
	for format, ext := range formatExts {
		out := t.TempDir()
		code, _, stderr := runClean(t, "", "-native", "-f", format, "-o", out, seed, filepath.Join(out, "missing.html"))
		want := []string{"seed-mawazin-2025-06-11.dump" + ext} // a failed input writes no file
		entries, _ := os.ReadDir(out)
		var got []string
		for _, e := range entries {
			got = append(got, e.Name())
		}
		if code != 1 || !slices.Equal(got, want) {
			t.Errorf("-f %s: exit %d, stderr %q, files %q; want %q", format, code, stderr, got, want)
		}
	}
}

// TestCleanOrder: with -j 2, results come out in input order even when a
// later input finishes first.
func TestCleanOrder(t *testing.T) {
	page := readSeed(t)
	fastDone := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/slow":
			select { // the bound only matters if -j stopped working
			case <-fastDone:
			case <-time.After(10 * time.Second):
			}
		case "/fast":
			defer close(fastDone)
		}
		w.Write(page)
	}))
	defer srv.Close()
	inputs := []string{srv.URL + "/slow", srv.URL + "/fast", seed, cnnPage, seed}
	code, stdout, stderr := runClean(t, "", append([]string{"-j", "2", "-f", "jsonl"}, inputs...)...)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if got := inputNames(parseJSONL(t, stdout)); !slices.Equal(got, inputs) {
		t.Errorf("inputs came out as %q; want %q", got, inputs)
	}
}

// TestCleanURL: pages are fetched with their charset and final URL; every
// kind of fetch failure fails its input only.
func TestCleanURL(t *testing.T) {
	const title = "وزير الخارجية يبحث مع نظيره الأردني تطورات الأوضاع في المنطقة"
	page := "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1>" +
		strings.Repeat("<p>أكد وزير الخارجية خلال اتصال هاتفي مع نظيره الأردني أهمية تعزيز التنسيق المشترك بين البلدين في مواجهة التحديات الإقليمية، وبحث الجانبان آخر التطورات السياسية والأمنية.</p>", 4) +
		"</article></body></html>"
	cp1256, err := charmap.Windows1256.NewEncoder().String(page)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/ar", func(w http.ResponseWriter, r *http.Request) {
		if ua := r.Header.Get("User-Agent"); !strings.HasPrefix(ua, "nazif/") {
			t.Errorf("User-Agent %q; want nazif/...", ua)
		}
		w.Header().Set("Content-Type", "text/html; charset=windows-1256")
		w.Write([]byte(cp1256))
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/ar", http.StatusFound)
	})
	// An unknown charset shows that the header reaches the cleaner at all:
	// it says so in the article's warnings.
	mux.HandleFunc("/bogus", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", `text/html; charset="x-nazif-test"`)
		w.Write([]byte(page))
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(page + strings.Repeat(" ", 8<<10)))
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	inputs := []string{srv.URL + "/ar", srv.URL + "/moved", srv.URL + "/bogus", srv.URL + "/missing", srv.URL + "/big", srv.URL + "/loop"}
	for _, mode := range []string{"-native=false", "-native"} {
		code, stdout, stderr := runClean(t, "", append([]string{mode, "-f", "jsonl", "-max-input", "8192"}, inputs...)...)
		if code != 1 {
			t.Errorf("%s: exit %d; want 1", mode, code)
		}
		lines := parseJSONL(t, stdout)
		if got := inputNames(lines); !slices.Equal(got, inputs) {
			t.Fatalf("%s: inputs %q; want %q", mode, got, inputs)
		}
		for i, path := range []string{"/ar", "/ar"} {
			if a := lines[i].Article; a == nil || a.Title != title || a.URL != srv.URL+path {
				t.Errorf("%s: %s gave %+v; want the title %q and the URL %s", mode, inputs[i], lines[i], title, srv.URL+path)
			}
		}
		if a := lines[2].Article; a == nil || !slices.Contains(a.Warnings, `unknown charset "x-nazif-test" ignored`) {
			t.Errorf("%s: the Content-Type charset did not reach the cleaner: %+v", mode, lines[2])
		}
		for i, want := range map[int]struct{ code, message string }{
			3: {"fetch", "404 Not Found"},
			4: {"too_large", "8192"},
			5: {"fetch", "redirects"},
		} {
			if e := lines[i].Error; e == nil || e.Code != want.code || !strings.Contains(e.Message, want.message) {
				t.Errorf("%s: %s gave %+v; want the code %s and %q in the message", mode, inputs[i], lines[i], want.code, want.message)
			}
			if line := fmt.Sprintf("nazif: %s: ", inputs[i]); !strings.Contains(stderr, line) || !strings.Contains(stderr, "["+want.code+"]") {
				t.Errorf("%s: the summary %q lacks %q", mode, stderr, line)
			}
		}
		if !strings.Contains(stderr, "nazif: 6 inputs: 3 cleaned, 0 with no article, 3 failed, in ") {
			t.Errorf("%s: stderr %q lacks the summary", mode, stderr)
		}
	}
}

func TestCleanUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"-f", "pdf", seed},
		{"-j", "0", seed},
		{"-max-input", "0", seed},
		{"-now", "yesterday", seed},
		{"-fetch-timeout", "0s", seed},
		{"-no-such-flag", seed},
		{"-", seed, "-"},
	} {
		if code, stdout, stderr := runClean(t, "", args...); code != 2 || stdout != "" || stderr == "" {
			t.Errorf("%q: exit %d, stdout %.100q, stderr %q; want 2 and a message", args, code, stdout, stderr)
		}
	}
	if code, _, stderr := runClean(t, "", "-h"); code != 0 || !strings.Contains(stderr, "usage: nazif clean") {
		t.Errorf("-h: exit %d, stderr %q", code, stderr)
	}
}

// TestProgress: the progress line counts, and a batch whose stderr is not
// a terminal never gets one.
func TestProgress(t *testing.T) {
	var buf bytes.Buffer
	p := &progress{w: &buf, total: 3, live: true, start: time.Now()}
	p.add(false)
	p.add(true)
	p.add(false)
	p.finish()
	if s := buf.String(); !strings.Contains(s, "nazif: 3/3 cleaned, 1 failed · ") || !strings.HasSuffix(s, "\r\x1b[K") {
		t.Errorf("progress wrote %q", s)
	}
	// The rate and the time left, from the count and the time so far.
	p = &progress{total: 100, done: 20, failed: 1}
	if got, want := p.line(10*time.Second), "nazif: 20/100 cleaned, 1 failed · 2.0/s · 40s left"; got != want {
		t.Errorf("line = %q; want %q", got, want)
	}
	if got, want := (&progress{total: 5}).line(time.Second), "nazif: 0/5 cleaned, 0 failed"; got != want {
		t.Errorf("line before the first page = %q; want %q", got, want)
	}
	var nilProgress *progress
	nilProgress.add(true)
	nilProgress.finish()

	args := []string{"-native", "-f", "jsonl"}
	for range progressMin {
		args = append(args, seed)
	}
	// No progress when stderr is no terminal: the summary alone.
	if code, _, stderr := runClean(t, "", args...); code != 0 || !strings.HasPrefix(stderr, "nazif: 10 inputs: 10 cleaned, 0 with no article, 0 failed, in ") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("exit %d, stderr %q; want the summary line alone", code, stderr)
	}
}

// TestVerbose: -v off a terminal logs a line per input, in input order.
func TestVerbose(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.html")
	code, _, stderr := runClean(t, "", "-native", "-f", "jsonl", seed, missing, "-v")
	want := []string{
		"nazif: 1/2 " + seed + ": cleaned",
		"nazif: 2/2 " + missing + ": failed [read]",
	}
	lines := strings.Split(stderr, "\n")
	if code != 1 || len(lines) < 3 || !slices.Equal(lines[:2], want) {
		t.Errorf("exit %d, stderr %q; want it to begin with %q", code, stderr, want)
	}
}

// TestCleanStderrEscaped: a failing file's name is echoed escaped.
func TestCleanStderrEscaped(t *testing.T) {
	name := filepath.Join(t.TempDir(), "x\x1b]0;PWNED\x07\x1b[2J.html")
	code, _, stderr := runClean(t, "", name)
	if code != 1 || strings.ContainsAny(stderr, "\x1b\x07") || !strings.Contains(stderr, `\x1b]0;PWNED\a`) {
		t.Errorf("exit %d, stderr %q; want the name escaped", code, stderr)
	}
}

// TestCleanConventions: the command line as users expect it (issue 14).
func TestCleanConventions(t *testing.T) {
	// Flags after the inputs, and "--" ending them.
	if code, stdout, stderr := runClean(t, "", "-native", seed, "-f", "text"); code != 0 || !strings.HasPrefix(stdout, seedTitle) {
		t.Errorf("flags after the input: exit %d, stdout %.80q, stderr %q", code, stdout, stderr)
	}
	if code, _, stderr := runClean(t, "", "-native", "-f", "text", "--", "-f"); code != 1 || !strings.Contains(stderr, "nazif: -f: ") {
		t.Errorf("after --, -f is an input: exit %d, stderr %q", code, stderr)
	}

	// Several inputs in json: one array.
	code, stdout, stderr := runClean(t, "", "-native", seed, cnnPage)
	var arr []struct{ Title string }
	if err := json.Unmarshal([]byte(stdout), &arr); code != 0 || err != nil || len(arr) != 2 || arr[1].Title != cnnTitle {
		t.Errorf("two inputs in json: exit %d, %v, %d articles; stderr %q", code, err, len(arr), stderr)
	}
	// One input stays one object.
	if _, stdout, _ := runClean(t, "", "-native", seed); !strings.HasPrefix(stdout, "{") {
		t.Errorf("one input in json: %.40q; want an object", stdout)
	}
	// md names each source in a comment.
	if _, stdout, _ := runClean(t, "", "-native", "-f", "md", seed, cnnPage); strings.Count(stdout, "<!-- nazif: ") != 2 || !strings.HasPrefix(stdout, "<!-- nazif: "+seed+" -->\n") {
		t.Errorf("two inputs in md: %.200q", stdout)
	}

	// No article: named on stderr, exit 0, or 1 with -strict.
	menu := filepath.Join(t.TempDir(), "menu.html")
	if err := os.WriteFile(menu, []byte(`<nav><a href="/">الرئيسية</a> <a href="/x">رياضة</a></nav>`), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runClean(t, "", "-native", menu); code != 0 || !strings.Contains(stderr, "nazif: "+menu+": no article found") {
		t.Errorf("no article: exit %d, stderr %q", code, stderr)
	}
	if code, _, _ := runClean(t, "", "-native", "-strict", menu); code != 1 {
		t.Errorf("no article with -strict: exit %d; want 1", code)
	}

	// -explain where the format cannot show it.
	if code, _, stderr := runClean(t, "", "-native", "-f", "text", "-explain", seed); code != 2 || !strings.Contains(stderr, "-explain") {
		t.Errorf("-explain with text: exit %d, stderr %q; want a usage error", code, stderr)
	}
}
