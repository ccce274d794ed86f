package host_test

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"

	"github.com/nazif/nazif/wasm/abi"
	"github.com/nazif/nazif/wasm/nazif"
)

// extismKernel is as much of Extism's kernel (extism:host/env) as
// nazif-extism.wasm imports: the call's input, and blocks the guest
// allocates, stores into and names as the output or the error. Its
// memory is one byte slice; a block's address is its offset, never 0.
type extismKernel struct {
	input  []byte
	mem    []byte
	blocks map[uint64]uint64 // address → length
	output [2]uint64         // address, length
	err    uint64            // the error block's address, or 0
}

func (k *extismKernel) instantiate(ctx context.Context, rt wazero.Runtime) error {
	_, err := rt.NewHostModuleBuilder("extism:host/env").
		NewFunctionBuilder().WithFunc(func() uint64 { return uint64(len(k.input)) }).Export("input_length").
		NewFunctionBuilder().WithFunc(func(off uint64) uint32 { return uint32(k.input[off]) }).Export("input_load_u8").
		NewFunctionBuilder().WithFunc(func(off uint64) uint64 { return binary.LittleEndian.Uint64(k.input[off:]) }).Export("input_load_u64").
		NewFunctionBuilder().WithFunc(k.alloc).Export("alloc").
		NewFunctionBuilder().WithFunc(func(off uint64, v uint32) { k.mem[off] = byte(v) }).Export("store_u8").
		NewFunctionBuilder().WithFunc(func(off, v uint64) { binary.LittleEndian.PutUint64(k.mem[off:], v) }).Export("store_u64").
		NewFunctionBuilder().WithFunc(func(off, n uint64) { k.output = [2]uint64{off, n} }).Export("output_set").
		NewFunctionBuilder().WithFunc(func(off uint64) { k.err = off }).Export("error_set").
		Instantiate(ctx)
	return err
}

// alloc is a new block of n bytes.
func (k *extismKernel) alloc(n uint64) uint64 {
	p := uint64(len(k.mem))
	k.mem = append(k.mem, make([]byte, n)...)
	k.blocks[p] = n
	return p
}

// call runs one export on input as Extism does: a fresh input and
// output, no arguments, an i32 result. It returns that result and the
// output, or the error's message.
func (k *extismKernel) call(t *testing.T, fn func() (uint64, error), input []byte) (int32, []byte) {
	t.Helper()
	k.input, k.mem, k.blocks, k.output, k.err = input, make([]byte, 1), map[uint64]uint64{}, [2]uint64{}, 0
	rc, err := fn()
	if err != nil {
		t.Fatal(err)
	}
	if k.err != 0 {
		return int32(rc), k.mem[k.err : k.err+k.blocks[k.err]]
	}
	return int32(rc), k.mem[k.output[0] : k.output[0]+k.output[1]]
}

// TestExtismModule runs nazif-extism.wasm under a stand-in for Extism's
// kernel, where the exports' return codes can be seen (Extism's JS SDK,
// which wasm/hosts runs on every vector, drops them): 0 with the native
// JSON for a page, the ABI status with the guest's message for a failure.
func TestExtismModule(t *testing.T) {
	ctx := context.Background()
	bin, err := os.ReadFile("../wasm/module/nazif-extism.wasm")
	if err != nil {
		t.Fatal(err)
	}
	cache, err := wazero.NewCompilationCacheWithDir(filepath.Join(os.TempDir(), "nazif-test-wazero"))
	if err != nil {
		t.Fatal(err)
	}
	rt := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfig().WithCompilationCache(cache))
	defer rt.Close(ctx)
	wasi_snapshot_preview1.MustInstantiate(ctx, rt)
	k := &extismKernel{}
	if err := k.instantiate(ctx, rt); err != nil {
		t.Fatal(err)
	}
	mod, err := rt.InstantiateWithConfig(ctx, bin, wazero.NewModuleConfig().WithStartFunctions("_initialize"))
	if err != nil {
		t.Fatal(err)
	}
	export := func(name string) func() (uint64, error) {
		f := mod.ExportedFunction(name)
		return func() (uint64, error) {
			r, err := f.Call(ctx)
			if err != nil {
				return 0, err
			}
			return r[0], nil
		}
	}
	clean, withOptions := export("clean"), export("clean_with_options")

	page, err := os.ReadFile("../testdata/corpus/akhbarelyom-2020-10-07.html")
	if err != nil {
		t.Fatal(err)
	}
	opts := nazif.Options{URL: "https://example.com/news/2020/1", HTML: true}
	optJSON, _ := json.Marshal(opts)
	for _, tc := range []struct {
		name  string
		fn    func() (uint64, error)
		input []byte
		opts  nazif.Options
	}{
		{"clean", clean, page, nazif.Options{}},
		{"clean_with_options", withOptions, append(append(optJSON, '\n'), page...), opts},
	} {
		rc, out := k.call(t, tc.fn, tc.input)
		a, err := nazif.Extract(page, tc.opts)
		if err != nil {
			t.Fatal(err)
		}
		if want, _ := json.Marshal(a); rc != 0 || string(out) != string(want) {
			t.Errorf("%s: return code %d, output %.200s; want 0 and the native JSON %.200s", tc.name, rc, out, want)
		}
	}
	for _, tc := range []struct {
		name    string
		fn      func() (uint64, error)
		input   string
		want    abi.Status
		message string
	}{
		{"empty", clean, "", abi.Empty, "nazif: empty input"},
		{"not text", clean, "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", abi.NotText, "nazif: input is not text (PNG image)"},
		{"bad options", withOptions, "{\"htm\":true}\n<p>نص</p>", abi.BadOptions, `nazif: options: unknown field "htm"; the fields are url, charset, now, html, markdown and explain`},
	} {
		rc, out := k.call(t, tc.fn, []byte(tc.input))
		if rc != int32(tc.want) || string(out) != tc.message {
			t.Errorf("%s: return code %d, error %q; want %d, %q", tc.name, rc, out, tc.want, tc.message)
		}
	}
}
