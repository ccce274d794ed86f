package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
	"github.com/tetratelabs/wazero/sys"

	"github.com/nazif/nazif/wasm/nazif"
)

const page = "../../testdata/corpus/youm7-2020-08-24.html"

// TestCommandWasm builds the command for wasip1, runs it under wazero with
// the page on stdin, and gets the native JSON; a binary input exits 1.
func TestCommandWasm(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "nazif-command.wasm")
	build := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm", "GOFLAGS=")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	wasm, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	a, err := nazif.Extract(src, nazif.Options{HTML: true})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(a)

	ctx := context.Background()
	rt := wazero.NewRuntime(ctx)
	defer rt.Close(ctx)
	wasi_snapshot_preview1.MustInstantiate(ctx, rt)
	compiled, err := rt.CompileModule(ctx, wasm)
	if err != nil {
		t.Fatal(err)
	}
	runWasm := func(stdin []byte, args ...string) (int, string, string) {
		var stdout, stderr bytes.Buffer
		cfg := wazero.NewModuleConfig().WithName("").WithArgs(append([]string{"nazif"}, args...)...).
			WithStdin(bytes.NewReader(stdin)).WithStdout(&stdout).WithStderr(&stderr)
		_, err := rt.InstantiateModule(ctx, compiled, cfg)
		code := 0
		if e, ok := err.(*sys.ExitError); ok {
			code = int(e.ExitCode())
		} else if err != nil {
			t.Fatal(err)
		}
		return code, stdout.String(), stderr.String()
	}
	if code, out, errOut := runWasm(src, "-html"); code != 0 || out != string(want)+"\n" {
		t.Errorf("exit %d, stderr %q; output matches native: %v", code, errOut, out == string(want)+"\n")
	}
	if code, _, errOut := runWasm([]byte("\x89PNG\r\n\x1a\n\x00\x00")); code != 1 || !strings.Contains(errOut, "not text") {
		t.Errorf("PNG: exit %d, stderr %q; want 1 and not text", code, errOut)
	}
	if code, _, _ := runWasm(src, "-now", "yesterday"); code != 2 {
		t.Errorf("bad -now: exit %d; want 2", code)
	}
}
