// Package gosrc reads the Go source of a dependency, for the generators
// (decode/gen.go, dom/gen.go) that turn its tables into static data: it
// finds the package with `go list` and reads top-level literals from its
// files. It is never linked into nazif.wasm.
package gosrc

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"strconv"
	"strings"
)

// Locate returns the directory of pkg's source and its module's version,
// as the go command of the current module sees them.
func Locate(pkg string) (dir, version string, err error) {
	out, err := exec.Command("go", "list", "-f", "{{.Dir}}\n{{.Module.Version}}", pkg).Output()
	if err != nil {
		return "", "", fmt.Errorf("go list %s: %v: run the generator inside the nazif module, with the go command on PATH", pkg, err)
	}
	dir, version, ok := strings.Cut(strings.TrimSpace(string(out)), "\n")
	if !ok || dir == "" {
		return "", "", fmt.Errorf("go list %s printed %q, want a directory and a version", pkg, out)
	}
	return dir, version, nil
}

// File is one parsed Go file.
type File struct {
	path string
	f    *ast.File
}

// Parse parses the Go file at path.
func Parse(path string) (*File, error) {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		return nil, err
	}
	return &File{path, f}, nil
}

// Value returns the single value of the top-level var or const name.
func (f *File) Value(name string) (ast.Expr, error) {
	for _, d := range f.f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok {
			continue
		}
		for _, s := range g.Specs {
			vs, ok := s.(*ast.ValueSpec)
			if ok && len(vs.Names) == 1 && vs.Names[0].Name == name && len(vs.Values) == 1 {
				return vs.Values[0], nil
			}
		}
	}
	return nil, fmt.Errorf("%s: no top-level %s: the file changed layout, update the generator", f.path, name)
}

// KeyValue is one entry of a map literal with string keys.
type KeyValue struct {
	Key   string
	Value ast.Expr
}

// MapLiteral returns the entries, in source order, of the non-empty map
// literal with string keys assigned to name.
func (f *File) MapLiteral(name string) ([]KeyValue, error) {
	v, err := f.Value(name)
	if err != nil {
		return nil, err
	}
	lit, ok := v.(*ast.CompositeLit)
	if !ok || len(lit.Elts) == 0 {
		return nil, fmt.Errorf("%s: %s is not a non-empty composite literal", f.path, name)
	}
	var kvs []KeyValue
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			return nil, fmt.Errorf("%s: an element of %s is not key: value", f.path, name)
		}
		bl, ok := kv.Key.(*ast.BasicLit)
		if !ok || bl.Kind != token.STRING {
			return nil, fmt.Errorf("%s: a key of %s is not a string literal", f.path, name)
		}
		k, err := strconv.Unquote(bl.Value)
		if err != nil {
			return nil, fmt.Errorf("%s: key %s of %s: %v", f.path, bl.Value, name, err)
		}
		kvs = append(kvs, KeyValue{k, kv.Value})
	}
	return kvs, nil
}
