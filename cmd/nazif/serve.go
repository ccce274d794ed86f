package main

import "io"

// serveCmd runs the HTTP server. (Work in progress.)
func serveCmd(args []string, stdout, stderr io.Writer) int {
	io.WriteString(stderr, "nazif serve: not built yet\n")
	return 2
}
