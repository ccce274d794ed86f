//go:build wasip1

// Command escape is a hostile stand-in for nazif.wasm, for host's sandbox
// tests (host/sandbox_test.go). It exports the ABI of wasm/ABI.md, so that
// host.New accepts it and runs it exactly as it runs nazif.wasm, and its
// nazif_clean, instead of cleaning the page, reads a command from it and
// tries to get out of the sandbox: files, environment, network, clock,
// memory, time. It answers with an OK envelope whose payload is a JSON
// report of every attempt; the test decides what counts as an escape.
//
// It is built by the test:
//
//	GOOS=wasip1 GOARCH=wasm go build -buildmode=c-shared -o escape.wasm ./testdata/escape
//
// Unlike nazif.wasm, it imports path_open and the sock_* calls of WASI on
// purpose: the sandbox must hold even against a module that asks.
package main

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/nazif/nazif/wasm/abi"
)

func main() {}

// An attempt is one thing the module tried: Err is empty when it worked,
// Value is what it got.
type attempt struct {
	Name  string `json:"name"`
	Err   string `json:"err,omitempty"`
	Value string `json:"value,omitempty"`
	N     int64  `json:"n,omitempty"`
}

// A report is the payload of the OK envelope.
type report struct {
	Command  string    `json:"command"`
	Attempts []attempt `json:"attempts"`
}

func (r *report) add(name string, value string, n int64, err error) {
	a := attempt{Name: name, Value: value, N: n}
	if err != nil {
		a.Err = err.Error()
	}
	r.Attempts = append(r.Attempts, a)
}

// errno turns a WASI errno into an error, nil for success.
func errno(e uint32) error {
	if e == 0 {
		return nil
	}
	return errors.New("errno " + strconv.Itoa(int(e)))
}

// The WASI calls the module makes itself, past Go's os and net packages.

//go:wasmimport wasi_snapshot_preview1 fd_prestat_get
//go:noescape
func fdPrestatGet(fd int32, buf unsafe.Pointer) uint32

//go:wasmimport wasi_snapshot_preview1 fd_fdstat_get
//go:noescape
func fdFdstatGet(fd int32, buf unsafe.Pointer) uint32

//go:wasmimport wasi_snapshot_preview1 fd_read
//go:noescape
func fdRead(fd int32, iovs unsafe.Pointer, iovsLen uint32, nread unsafe.Pointer) uint32

//go:wasmimport wasi_snapshot_preview1 path_open
//go:noescape
func pathOpen(dirfd int32, dirflags uint32, path unsafe.Pointer, pathLen uint32, oflags uint32, rightsBase uint64, rightsInheriting uint64, fdflags uint32, fd unsafe.Pointer) uint32

//go:wasmimport wasi_snapshot_preview1 sock_accept
//go:noescape
func sockAccept(fd int32, flags uint32, newfd unsafe.Pointer) uint32

//go:wasmimport wasi_snapshot_preview1 sock_send
//go:noescape
func sockSend(fd int32, iovs unsafe.Pointer, iovsLen uint32, flags uint32, sent unsafe.Pointer) uint32

//go:wasmimport wasi_snapshot_preview1 sock_recv
//go:noescape
func sockRecv(fd int32, iovs unsafe.Pointer, iovsLen uint32, flags uint32, received unsafe.Pointer, roflags unsafe.Pointer) uint32

// iovec is WASI's: a buffer's address and length, both u32.
type iovec struct {
	buf, len uint32
}

func newIovec(b []byte) *iovec {
	return &iovec{uint32(uintptr(unsafe.Pointer(unsafe.SliceData(b)))), uint32(len(b))}
}

// files tries to read, list and write files: the host's, and one the test
// made (args[0], a path in a directory the test owns).
func files(r *report, args []string) {
	paths := []string{"/etc/passwd", "/etc/hostname", "/proc/self/environ", ".", "/", "etc/passwd", "../../../../../../etc/passwd"}
	if len(args) > 0 {
		paths = append(paths, args[0])
		dir := args[0][:strings.LastIndexByte(args[0], '/')+1]
		err := os.WriteFile(dir+"escaped.txt", []byte("escaped"), 0o644)
		r.add("write "+dir+"escaped.txt", "", 0, err)
		err = os.Mkdir(dir+"escaped.dir", 0o755)
		r.add("mkdir "+dir+"escaped.dir", "", 0, err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		r.add("read "+p, string(b), int64(len(b)), err)
	}
	for _, p := range []string{"/", "."} {
		ents, err := os.ReadDir(p)
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		r.add("readdir "+p, strings.Join(names, " "), int64(len(names)), err)
	}
	wd, err := os.Getwd()
	r.add("getwd", wd, 0, err)
	// Every open descriptor, and its file type.
	var fdstat [24]byte
	for fd := int32(0); fd <= 64; fd++ {
		e := fdFdstatGet(fd, unsafe.Pointer(&fdstat))
		r.add("fd_fdstat_get "+strconv.Itoa(int(fd)), "", int64(fdstat[0]), errno(e))
	}
	// Preopened directories are the only way WASI reaches files.
	var prestat [8]byte
	for fd := int32(3); fd <= 64; fd++ {
		e := fdPrestatGet(fd, unsafe.Pointer(&prestat))
		r.add("fd_prestat_get "+strconv.Itoa(int(fd)), hex.EncodeToString(prestat[:]), 0, errno(e))
	}
	// path_open relative to every descriptor that could be a directory.
	path := []byte("etc/passwd")
	var fd int32
	for dirfd := int32(0); dirfd <= 64; dirfd++ {
		const rightFDRead = 1 << 1
		e := pathOpen(dirfd, 1, unsafe.Pointer(unsafe.SliceData(path)), uint32(len(path)), 0, rightFDRead, 0, 0, unsafe.Pointer(&fd))
		r.add("path_open "+strconv.Itoa(int(dirfd)), "", int64(fd), errno(e))
	}
	// Standard input must be empty, and no other descriptor readable.
	buf := make([]byte, 256)
	iov := newIovec(buf)
	for fd := int32(0); fd <= 10; fd++ {
		var n uint32
		e := fdRead(fd, unsafe.Pointer(iov), 1, unsafe.Pointer(&n))
		r.add("fd_read "+strconv.Itoa(int(fd)), string(buf[:n]), int64(n), errno(e))
	}
}

// env reports what the module sees of its environment and arguments;
// args[0] names a variable the test set in its own process.
func env(r *report, args []string) {
	r.add("environ", strings.Join(os.Environ(), "\n"), int64(len(os.Environ())), nil)
	r.add("args", strings.Join(os.Args, "\n"), int64(len(os.Args)), nil)
	names := []string{"HOME", "PATH", "USER", "PWD"}
	names = append(names, args...)
	for _, name := range names {
		v, ok := os.LookupEnv(name)
		var err error
		if !ok {
			err = errors.New("unset")
		}
		r.add("getenv "+name, v, 0, err)
	}
	h, err := os.Hostname()
	r.add("hostname", h, 0, err)
	r.add("pid", "", int64(os.Getpid()), nil)
}

// listening keeps what net.Listen returned open after the call, so that
// the test can look for it from outside.
var listening net.Listener

// network dials the test's TCP listener (args[0]), sends a datagram to its
// UDP socket (args[2]), listens on the port args[1] and calls WASI's socket
// functions on every descriptor.
func network(r *report, args []string) {
	if len(args) < 3 {
		r.add("usage", "", 0, errors.New("net <tcp addr> <listen port> <udp addr>"))
		return
	}
	conn, err := net.DialTimeout("tcp", args[0], 2*time.Second)
	if err == nil {
		r.add("dial tcp "+args[0], conn.LocalAddr().String()+" -> "+conn.RemoteAddr().String(), 0, nil)
		conn.Close()
	} else {
		r.add("dial tcp "+args[0], "", 0, err)
	}
	pc, err := net.Dial("udp", args[2])
	if err == nil {
		_, err = pc.Write([]byte("escaped"))
		r.add("dial+write udp "+args[2], pc.LocalAddr().String(), 0, err)
		pc.Close()
	} else {
		r.add("dial+write udp "+args[2], "", 0, err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:"+args[1])
	if err == nil {
		listening = l
		r.add("listen tcp 127.0.0.1:"+args[1], l.Addr().String(), 0, nil)
	} else {
		r.add("listen tcp 127.0.0.1:"+args[1], "", 0, err)
	}
	// On a socket the host preopened, sock_accept and sock_recv would
	// wait for a peer (wazero ignores the non-blocking flag), so such a
	// socket is reported as found rather than called.
	var fd int32
	for sock := int32(0); sock <= 64; sock++ {
		if isSocket(sock) {
			r.add("sock_accept "+strconv.Itoa(int(sock)), "a preopened socket", 0, nil)
			continue
		}
		const fdflagsNonblock = 1 << 2
		e := sockAccept(sock, fdflagsNonblock, unsafe.Pointer(&fd))
		r.add("sock_accept "+strconv.Itoa(int(sock)), "", int64(fd), errno(e))
	}
	msg := []byte("escaped")
	buf := make([]byte, 256)
	for sock := int32(0); sock <= 10; sock++ {
		if isSocket(sock) {
			r.add("sock_send "+strconv.Itoa(int(sock)), "a preopened socket", 0, nil)
			r.add("sock_recv "+strconv.Itoa(int(sock)), "a preopened socket", 0, nil)
			continue
		}
		var n, flags uint32
		e := sockSend(sock, unsafe.Pointer(newIovec(msg)), 1, 0, unsafe.Pointer(&n))
		r.add("sock_send "+strconv.Itoa(int(sock)), "", int64(n), errno(e))
		n = 0
		e = sockRecv(sock, unsafe.Pointer(newIovec(buf)), 1, 0, unsafe.Pointer(&n), unsafe.Pointer(&flags))
		r.add("sock_recv "+strconv.Itoa(int(sock)), string(buf[:n]), int64(n), errno(e))
	}
}

// isSocket tells whether fd is an open socket.
func isSocket(fd int32) bool {
	const fileTypeSocketDgram, fileTypeSocketStream = 5, 6
	var fdstat [24]byte
	return fdFdstatGet(fd, unsafe.Pointer(&fdstat)) == 0 && (fdstat[0] == fileTypeSocketDgram || fdstat[0] == fileTypeSocketStream)
}

// clock reports the wall clock (twice), the monotonic clock and the random
// source.
func clock(r *report) {
	t0 := time.Now()
	r.add("walltime", t0.UTC().Format(time.RFC3339Nano), t0.UnixNano(), nil)
	t1 := time.Now()
	r.add("walltime again", t1.UTC().Format(time.RFC3339Nano), t1.UnixNano(), nil)
	r.add("monotonic elapsed", "", int64(t1.Sub(t0)), nil)
	b := make([]byte, 16)
	_, err := rand.Read(b)
	r.add("crypto/rand", hex.EncodeToString(b), 0, err)
}

// hoard keeps what grow allocates.
var hoard [][]byte

// grow allocates and touches memory 1 MiB at a time: args[0] MiB, or
// until the instance dies.
func grow(r *report, args []string) {
	limit := -1
	if len(args) > 0 {
		limit, _ = strconv.Atoi(args[0])
	}
	for i := 0; limit < 0 || i < limit; i++ {
		b := make([]byte, 1<<20)
		for j := 0; j < len(b); j += 4096 {
			b[j] = byte(i)
		}
		hoard = append(hoard, b)
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	r.add("grow", "", int64(len(hoard))<<20, nil)
	r.add("memstats sys", "", int64(m.Sys), nil)
	hoard = nil
}

// spins is what spin counts, so that its loop has work to do.
var spins uint64

// run carries out one command. It returns nil when the command wants its
// own envelope (badenv).
func run(cmd string) *report {
	fields := strings.Fields(cmd)
	if len(fields) == 0 {
		fields = []string{""}
	}
	r := &report{Command: fields[0]}
	args := fields[1:]
	switch fields[0] {
	case "echo":
		r.add("echo", cmd, int64(len(cmd)), nil)
	case "files":
		files(r, args)
	case "env":
		env(r, args)
	case "net":
		network(r, args)
	case "clock":
		clock(r)
	case "grow":
		grow(r, args)
	case "spin":
		for {
			spins++
		}
	case "trap":
		kind := ""
		if len(args) > 0 {
			kind = args[0]
		}
		switch kind {
		case "nil":
			var p *int
			*p = 1
		case "exit":
			os.Exit(3)
		case "exit0":
			os.Exit(0)
		case "badenv":
			return nil
		default:
			panic("escape: a deliberate panic")
		}
	default:
		r.add("unknown command", fields[0], 0, errors.New("unknown command"))
	}
	return r
}

// The ABI of wasm/ABI.md, as wasm/reactor implements it.

var pinned = map[uint32][]byte{}

// envelope is the last result, kept alive until the next call.
var envelope []byte

//go:wasmexport nazif_abi_version
func exportABIVersion() uint32 { return abi.Version }

//go:wasmexport nazif_alloc
func exportAlloc(size uint32) uint32 {
	if size == 0 {
		return 0
	}
	b := make([]byte, size)
	p := uint32(uintptr(unsafe.Pointer(unsafe.SliceData(b))))
	pinned[p] = b
	return p
}

//go:wasmexport nazif_free
func exportFree(p uint32) { delete(pinned, p) }

//go:wasmexport nazif_gc
func exportGC() { runtime.GC() }

//go:wasmexport nazif_memory_limit
func exportMemoryLimit(limit int64) { debug.SetMemoryLimit(limit) }

//go:wasmexport nazif_clean
func exportClean(p, inLen, optLen uint32, budgetNs int64) uint64 {
	buf, ok := pinned[p]
	if !ok || uint64(inLen)+uint64(optLen) > uint64(len(buf)) {
		envelope = append([]byte{byte(abi.BadCall)}, "nazif: escape: bad call"...)
	} else if r := run(string(buf[:inLen])); r == nil {
		// An envelope far outside linear memory.
		return 0xfffffff0<<32 | 64
	} else {
		out, err := json.Marshal(r)
		if err != nil {
			envelope = append([]byte{byte(abi.Internal)}, "nazif: escape: "+err.Error()...)
		} else {
			envelope = append([]byte{byte(abi.OK)}, out...)
		}
	}
	return uint64(uintptr(unsafe.Pointer(unsafe.SliceData(envelope))))<<32 | uint64(len(envelope))
}
