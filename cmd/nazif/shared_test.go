package main

import (
	"context"
	"os"
	"path/filepath"
	"sync"

	"github.com/nazif/nazif/host"
)

// sharedCleaner is the one Cleaner of the package's tests: starting one
// compiles the module, the slow part. Its compiled code is cached next to
// the other tests', not in the user's cache directory.
var sharedCleaner = sync.OnceValues(func() (*host.Cleaner, error) {
	return host.New(context.Background(), testHostConfig().WithPoolSize(2))
})

// testHostConfig is the default configuration with the tests' cache.
func testHostConfig() host.Config {
	return host.NewConfig().WithCompilationCacheDir(filepath.Join(os.TempDir(), "nazif-test-wazero"))
}
