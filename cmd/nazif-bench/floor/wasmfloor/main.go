// Command wasmfloor times the floor loops on stdin, for nazif-bench to run
// under wazero: it prints the best of 30 runs of each, in nanoseconds.
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/nazif/nazif/cmd/nazif-bench/floor"
)

func main() {
	in, err := io.ReadAll(os.Stdin)
	if err != nil {
		os.Exit(1)
	}
	scan, words := floor.Best(in)
	fmt.Println(scan.Nanoseconds(), words.Nanoseconds())
}
