package gosrc

import (
	"go/ast"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.go")
	src := "package x\n\nconst n = 6\n\nvar m = map[string]int{\"b\": 2, \"a\": 1}\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Parse(path)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := f.Value("n"); err != nil || v.(*ast.BasicLit).Value != "6" {
		t.Errorf("Value(n) = %v, %v; want 6", v, err)
	}
	kvs, err := f.MapLiteral("m")
	if err != nil || len(kvs) != 2 || kvs[0].Key != "b" || kvs[1].Key != "a" {
		t.Errorf("MapLiteral(m) = %v, %v; want b, a in source order", kvs, err)
	}
	if _, err := f.Value("missing"); err == nil || !strings.Contains(err.Error(), "update the generator") {
		t.Errorf("Value(missing) error %v", err)
	}
	if _, err := f.MapLiteral("n"); err == nil {
		t.Error("MapLiteral on a constant succeeded")
	}
}

func TestLocate(t *testing.T) {
	dir, version, err := Locate("golang.org/x/net/html")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "entity.go")); err != nil || !strings.HasPrefix(version, "v") {
		t.Errorf("Locate: %q %q: %v", dir, version, err)
	}
}
