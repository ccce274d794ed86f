package host_test

import (
	"context"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/tetratelabs/wazero"

	"github.com/nazif/nazif/wasm/module"
)

// TestModuleShape: the embedded nazif.wasm imports only WASI, and of it
// only the clock, stdio and process calls Go's runtime needs (no path_*,
// no sock_*), and exports the ABI of wasm/ABI.md. nazif-extism.wasm, the
// same guest with Extism's exports (wasm/HOSTS.md), imports Extism's
// kernel besides, and nothing else.
func TestModuleShape(t *testing.T) {
	extism, err := os.ReadFile("../wasm/module/nazif-extism.wasm")
	if err != nil {
		t.Fatal(err)
	}
	abiExports := []string{"_initialize", "nazif_abi_version", "nazif_alloc", "nazif_free", "nazif_clean", "nazif_gc", "nazif_memory_limit"}
	for _, tc := range []struct {
		name    string
		binary  []byte
		imports []string // the modules it may import from
		exports []string
	}{
		{"nazif.wasm", module.Binary, []string{"wasi_snapshot_preview1"}, abiExports},
		{"nazif-extism.wasm", extism, []string{"wasi_snapshot_preview1", "extism:host/env"}, append(abiExports, "clean", "clean_with_options")},
	} {
		t.Run(tc.name, func(t *testing.T) { checkModuleShape(t, tc.binary, tc.imports, tc.exports) })
	}
	if v := module.GoVersion(); !strings.HasPrefix(v, "go1.") {
		t.Errorf("GoVersion %q", v)
	}
}

func checkModuleShape(t *testing.T, binary []byte, modules, exports []string) {
	ctx := context.Background()
	rt := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfigInterpreter())
	defer rt.Close(ctx)
	m, err := rt.CompileModule(ctx, binary)
	if err != nil {
		t.Fatal(err)
	}
	var imports []string
	for _, f := range m.ImportedFunctions() {
		mod, name, _ := f.Import()
		if !slices.Contains(modules, mod) {
			t.Errorf("imports %s.%s; want only %s", mod, name, strings.Join(modules, " and "))
		}
		if strings.HasPrefix(name, "path_") || strings.HasPrefix(name, "sock_") {
			t.Errorf("imports %s: the module must not reach files or sockets", name)
		}
		imports = append(imports, mod+"."+name)
	}
	sort.Strings(imports)
	t.Logf("imports: %s", strings.Join(imports, " "))
	for _, name := range exports {
		if m.ExportedFunctions()[name] == nil {
			t.Errorf("does not export %s", name)
		}
	}
	if _, ok := m.ExportedMemories()["memory"]; !ok {
		t.Error("does not export its memory")
	}
}
