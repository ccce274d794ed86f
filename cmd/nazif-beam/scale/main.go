// Command scale measures nazif clean and nazif-beam on Prism over one big
// crawl: the corpus pages repeated under distinct URIs in a WARC of
// -records records (warcfix.Repeat), each tool at each -jobs, in pages per
// second, CPU time and peak memory (the child process's, from wait4's
// rusage). It checks that both tools wrote the same lines, sorted,
// and prints a table. make scale builds the two binaries and runs it.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/nazif/nazif/cmd/internal/warcfix"
)

func main() {
	cli := flag.String("cli", "", "the nazif binary (cmd/nazif)")
	beam := flag.String("beam", "", "the nazif-beam binary (cmd/nazif-beam)")
	corpus := flag.String("corpus", "../../testdata/corpus", "the directory of the corpus's .html pages")
	records := flag.Int("records", 2000, "HTML records in the crawl")
	jobs := flag.String("jobs", "1,2", "comma-separated values of nazif clean -j and nazif-beam --pool")
	flag.Parse()
	if err := scale(*cli, *beam, *corpus, *records, *jobs); err != nil {
		fmt.Fprintln(os.Stderr, "scale:", err)
		os.Exit(1)
	}
}

// measured is one run: its time, its child's peak resident set and the
// lines it wrote.
type measured struct {
	wall  time.Duration
	cpu   time.Duration // user and system
	rss   int64         // bytes
	lines []string
}

func scale(cli, beam, corpus string, records int, jobList string) error {
	if cli == "" || beam == "" {
		return errors.New("give -cli and -beam")
	}
	var js []int
	for f := range strings.SplitSeq(jobList, ",") {
		j, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || j < 1 {
			return fmt.Errorf("-jobs: %q", f)
		}
		js = append(js, j)
	}
	names, _ := filepath.Glob(filepath.Join(corpus, "*.html"))
	if len(names) == 0 {
		return fmt.Errorf("no .html page in %s", corpus)
	}
	var pages [][]byte
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			return err
		}
		pages = append(pages, b)
	}
	tmp, err := os.MkdirTemp("", "nazif-scale")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	warc := filepath.Join(tmp, "crawl.warc.gz")
	data := warcfix.Repeat(true, records, pages...)
	if err := os.WriteFile(warc, data, 0o644); err != nil {
		return err
	}
	// A warm-up of each tool on a small crawl: the first sandbox of a
	// machine compiles nazif.wasm into the compilation cache (seconds),
	// which no measured run should pay.
	small := filepath.Join(tmp, "small.warc.gz")
	if err := os.WriteFile(small, warcfix.Repeat(true, len(pages), pages...), 0o644); err != nil {
		return err
	}
	if _, err := runCLI(cli, small, 1, tmp); err != nil {
		return err
	}
	if _, err := runBeam(beam, small, 1, tmp); err != nil {
		return err
	}

	fmt.Printf("make scale: %d HTML records (%d corpus pages repeated under distinct URIs), a %.1f MB .warc.gz; %d cores; %s/%s\n\n",
		records, len(pages), float64(len(data))/1e6, runtime.NumCPU(), runtime.GOOS, runtime.GOARCH)
	fmt.Printf("%-28s %3s %9s %9s %9s %11s\n", "tool", "-j", "seconds", "pages/s", "CPU s", "peak RSS")
	var first []string
	for _, tool := range []string{"nazif clean -f jsonl", "nazif-beam on Prism"} {
		for _, j := range js {
			var m measured
			var err error
			if tool == "nazif-beam on Prism" {
				m, err = runBeam(beam, warc, j, tmp)
			} else {
				m, err = runCLI(cli, warc, j, tmp)
			}
			if err != nil {
				return err
			}
			fmt.Printf("%-28s %3d %9.2f %9.1f %9.2f %8.0f MB\n", tool, j, m.wall.Seconds(), float64(records)/m.wall.Seconds(), m.cpu.Seconds(), float64(m.rss)/(1<<20))
			slices.Sort(m.lines)
			if len(m.lines) != records {
				return fmt.Errorf("%s -j %d wrote %d lines for %d pages", tool, j, len(m.lines), records)
			}
			if first == nil {
				first = m.lines
			} else if !slices.Equal(first, m.lines) {
				return fmt.Errorf("%s -j %d wrote other lines than nazif clean -j %d", tool, j, js[0])
			}
		}
	}
	fmt.Println("\nEvery run wrote the same lines, sorted. -j is nazif-beam's --pool; seconds are wall time, start-up included;\nCPU s is the process's user and system time (what other load on the machine does not inflate); peak RSS is the process's.")
	return nil
}

// runCLI times nazif clean -f jsonl -j j on warc.
func runCLI(bin, warc string, j int, tmp string) (measured, error) {
	out := filepath.Join(tmp, "cli.jsonl")
	f, err := os.Create(out)
	if err != nil {
		return measured{}, err
	}
	defer f.Close()
	m, err := timed(exec.Command(bin, "clean", "-f", "jsonl", "-j", strconv.Itoa(j), warc), f)
	if err != nil {
		return m, err
	}
	b, err := os.ReadFile(out)
	m.lines = lines(b)
	return m, err
}

// runBeam times nazif-beam --pool j on warc, on Prism, and reads its
// article and dead-letter shards.
func runBeam(bin, warc string, j int, tmp string) (measured, error) {
	dir := filepath.Join(tmp, "beam")
	os.RemoveAll(dir)
	m, err := timed(exec.Command(bin, "--input", warc, "--output", filepath.Join(dir, "articles"),
		"--dead_letter", filepath.Join(dir, "failed"), "--pool", strconv.Itoa(j)), nil)
	if err != nil {
		return m, err
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return m, err
		}
		m.lines = append(m.lines, lines(b)...)
	}
	return m, nil
}

// timed runs cmd with stdout to w (discarded when nil) and measures it.
func timed(cmd *exec.Cmd, w *os.File) (measured, error) {
	var stderr bytes.Buffer
	if w != nil {
		cmd.Stdout = w
	}
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	m := measured{wall: time.Since(start)}
	if err != nil {
		return m, fmt.Errorf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, stderr.String())
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.rss = ru.Maxrss << 10 // kB on Linux
		m.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	return m, nil
}

func lines(b []byte) []string {
	var out []string
	for l := range strings.Lines(string(b)) {
		out = append(out, l)
	}
	return out
}
