package host_test

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/tetratelabs/wazero"

	"github.com/nazif/nazif/wasm/module"
)

// TestModuleShape: the embedded nazif.wasm imports only WASI, and of it
// only the clock, stdio and process calls Go's runtime needs (no path_*,
// no sock_*), and exports the ABI of wasm/ABI.md.
func TestModuleShape(t *testing.T) {
	ctx := context.Background()
	rt := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfigInterpreter())
	defer rt.Close(ctx)
	m, err := rt.CompileModule(ctx, module.Binary)
	if err != nil {
		t.Fatal(err)
	}
	var imports []string
	for _, f := range m.ImportedFunctions() {
		mod, name, _ := f.Import()
		if mod != "wasi_snapshot_preview1" {
			t.Errorf("imports %s.%s; want only wasi_snapshot_preview1", mod, name)
		}
		if strings.HasPrefix(name, "path_") || strings.HasPrefix(name, "sock_") {
			t.Errorf("imports %s: the module must not reach files or sockets", name)
		}
		imports = append(imports, name)
	}
	sort.Strings(imports)
	t.Logf("imports: %s", strings.Join(imports, " "))
	for _, name := range []string{"_initialize", "nazif_abi_version", "nazif_alloc", "nazif_free", "nazif_clean", "nazif_gc", "nazif_memory_limit"} {
		if m.ExportedFunctions()[name] == nil {
			t.Errorf("does not export %s", name)
		}
	}
	if _, ok := m.ExportedMemories()["memory"]; !ok {
		t.Error("does not export its memory")
	}
	if v := module.GoVersion(); !strings.HasPrefix(v, "go1.") {
		t.Errorf("GoVersion %q", v)
	}
}
