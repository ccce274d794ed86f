package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// nodeScript is the Node side of the figures, run from the repository's
// root as make bench does.
const nodeScript = "cmd/nazif-bench/node/rounds.mjs"

// nodeRunner is a Node process that cleans the corpus through the JS
// package when asked, one round per request, timing itself.
type nodeRunner struct {
	cmd  *exec.Cmd
	in   io.WriteCloser
	out  *bufio.Scanner
	load time.Duration // load(): compiling nazif.wasm and starting an instance
}

// startNode starts the Node side, or says why it cannot.
func startNode(dir string) (*nodeRunner, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("node not found")
	}
	if _, err := os.Stat(nodeScript); err != nil {
		return nil, fmt.Errorf("run from the repository's root: %w", err)
	}
	cmd := exec.Command(node, "--no-warnings", nodeScript, dir)
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	r := &nodeRunner{cmd: cmd, in: in, out: bufio.NewScanner(out)}
	line, err := r.line()
	ns, ok := strings.CutPrefix(line, "ready ")
	n, perr := strconv.ParseInt(ns, 10, 64)
	if err != nil || !ok || perr != nil {
		r.close()
		return nil, fmt.Errorf("node did not start: %q %v", line, err)
	}
	r.load = time.Duration(n)
	return r, nil
}

func (r *nodeRunner) line() (string, error) {
	if !r.out.Scan() {
		if err := r.out.Err(); err != nil {
			return "", err
		}
		return "", io.ErrUnexpectedEOF
	}
	return r.out.Text(), nil
}

// round cleans every page of set (html, dumps or all) once in Node.
func (r *nodeRunner) round(set string) (time.Duration, error) {
	if _, err := fmt.Fprintf(r.in, "round %s\n", set); err != nil {
		return 0, err
	}
	line, err := r.line()
	if err != nil {
		return 0, err
	}
	ns, err := strconv.ParseInt(line, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("node: %s", line)
	}
	return time.Duration(ns), nil
}

func (r *nodeRunner) close() {
	r.in.Close()
	r.cmd.Wait()
}

// nodeContender runs a set's rounds in Node, under the name it prints.
func nodeContender(r *nodeRunner, set, name string) contender {
	return contender{name: name, whole: func() (time.Duration, error) {
		return r.round(strings.ToLower(set))
	}}
}

func nodeVersion() string {
	out, err := exec.Command("node", "--version").Output()
	if err != nil {
		return "?"
	}
	return strings.TrimSpace(string(out))
}
