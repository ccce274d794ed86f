package host_test

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nazif/nazif/host"
	"github.com/nazif/nazif/wasm/nazif"
)

// The sandbox tests run testdata/escape, a module with nazif.wasm's ABI
// whose nazif_clean tries to get out: read the host's files, its
// environment, reach its network, read its clock, hog memory or time. Each
// test also checks, from the host, that what the module was denied is
// there to be had (the file is readable, the variable set, the listener
// reachable), so that a sandbox with a hole would fail it.

var (
	escapeOnce sync.Once
	escapeBin  []byte
	escapeErr  error
)

// escapeBinary builds testdata/escape for wasip1, once per test binary.
func escapeBinary(t testing.TB) []byte {
	escapeOnce.Do(func() {
		goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
		if _, err := os.Stat(goTool); err != nil {
			if goTool, err = exec.LookPath("go"); err != nil {
				escapeErr = errors.New("no go command in GOROOT/bin or on PATH")
				return
			}
		}
		dir, err := os.MkdirTemp("", "nazif-escape")
		if err != nil {
			escapeErr = err
			return
		}
		defer os.RemoveAll(dir)
		out := filepath.Join(dir, "escape.wasm")
		// -trimpath and -buildvcs=false make the bytes reproducible, so
		// that the compilation cache serves the next run.
		cmd := exec.Command(goTool, "build", "-buildmode=c-shared", "-trimpath", "-buildvcs=false", "-o", out, "./testdata/escape")
		cmd.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm")
		if msg, err := cmd.CombinedOutput(); err != nil {
			escapeErr = errors.New("building testdata/escape: " + err.Error() + "\n" + string(msg))
			return
		}
		escapeBin, escapeErr = os.ReadFile(out)
	})
	if escapeErr != nil {
		t.Fatal(escapeErr)
	}
	return escapeBin
}

// newEscape starts a Cleaner running the escape module with cfg (from
// testConfig), closed when the test ends.
func newEscape(t *testing.T, cfg host.Config) *host.Cleaner {
	t.Helper()
	ctx := context.Background()
	c, err := host.New(ctx, cfg.WithBinary(escapeBinary(t)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(ctx) })
	return c
}

// wasiEBADF is how the escape module reports WASI's errno 8, EBADF: no
// such descriptor.
const wasiEBADF = "errno 8"

// escapeReport is the escape module's answer: every attempt it made.
type escapeReport struct {
	Command  string
	Attempts []escapeAttempt
}

type escapeAttempt struct {
	Name  string
	Err   string // empty when the attempt worked
	Value string // what it got
	N     int64
}

// get returns the attempt called name; the test fails if there is none,
// so that a module that tried nothing cannot pass.
func (r escapeReport) get(t *testing.T, name string) escapeAttempt {
	t.Helper()
	for _, a := range r.Attempts {
		if a.Name == name {
			return a
		}
	}
	t.Fatalf("%s: no attempt %q in the report", r.Command, name)
	return escapeAttempt{}
}

// escapeRun sends cmd to the escape module and decodes its report.
func escapeRun(t *testing.T, c *host.Cleaner, cmd string) escapeReport {
	t.Helper()
	out, err := c.CleanJSON(context.Background(), []byte(cmd), nazif.Options{})
	if err != nil {
		t.Fatalf("%s: %v", cmd, err)
	}
	var r escapeReport
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("%s: the report %q: %v", cmd, out, err)
	}
	if r.Command != strings.Fields(cmd)[0] {
		t.Fatalf("%s: the report is for %q", cmd, r.Command)
	}
	return r
}

// TestSandboxFiles: the module can read, list, create or open no file of
// the host's, not even one the host process itself can read, and
// standard input is empty.
func TestSandboxFiles(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret.txt")
	content := "nazif-secret-" + strconv.FormatInt(time.Now().UnixNano(), 36)
	if err := os.WriteFile(secret, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	// The control: the file is there for the host process.
	if b, err := os.ReadFile(secret); err != nil || string(b) != content {
		t.Fatalf("the host cannot read its own secret file: %v", err)
	}
	c := newEscape(t, testConfig())
	r := escapeRun(t, c, "files "+secret)

	for _, name := range []string{
		"read /etc/passwd", "read /etc/hostname", "read /proc/self/environ", "read .", "read /",
		"read etc/passwd", "read ../../../../../../etc/passwd", "read " + secret,
		"readdir /", "readdir .",
		"write " + dir + "/escaped.txt", "mkdir " + dir + "/escaped.dir",
	} {
		if a := r.get(t, name); a.Err == "" || a.Value != "" || a.N != 0 {
			t.Errorf("%s: worked (%d bytes/entries: %.80q); want an error", name, a.N, a.Value)
		}
	}
	// No descriptor past stdio, so no preopened directory (the only way
	// WASI reaches a file) and no preopened socket: WASI's EBADF is 8.
	for fd := 0; fd <= 64; fd++ {
		a := r.get(t, "fd_fdstat_get "+strconv.Itoa(fd))
		if fd < 3 && a.Err != "" {
			t.Errorf("fd %d (stdio): %s", fd, a.Err)
		}
		if fd >= 3 && a.Err != wasiEBADF {
			t.Errorf("fd %d is open (file type %d, error %q); want %s", fd, a.N, a.Err, wasiEBADF)
		}
	}
	for fd := 3; fd <= 64; fd++ {
		if a := r.get(t, "fd_prestat_get "+strconv.Itoa(fd)); a.Err != wasiEBADF {
			t.Errorf("fd %d: fd_prestat_get gave %q (prestat %s); want %s", fd, a.Err, a.Value, wasiEBADF)
		}
	}
	// path_open itself, relative to any descriptor, opens nothing.
	for fd := 0; fd <= 64; fd++ {
		if a := r.get(t, "path_open "+strconv.Itoa(fd)); a.Err == "" {
			t.Errorf("path_open(%d, etc/passwd) worked: fd %d", fd, a.N)
		}
	}
	// Standard input is at its end, and nothing else is readable.
	for fd := 0; fd <= 10; fd++ {
		a := r.get(t, "fd_read "+strconv.Itoa(fd))
		if a.N != 0 {
			t.Errorf("fd_read(%d) read %d bytes: %.80q", fd, a.N, a.Value)
		}
		if fd >= 3 && a.Err == "" {
			t.Errorf("fd_read(%d) worked; want an error (no such descriptor)", fd)
		}
	}
	t.Logf("fd_read 0: %q, 1: %q, 2: %q", r.get(t, "fd_read 0").Err, r.get(t, "fd_read 1").Err, r.get(t, "fd_read 2").Err)
	wd := r.get(t, "getwd")
	if hostWD, _ := os.Getwd(); wd.Value == hostWD {
		t.Errorf("getwd is the host's working directory %s", hostWD)
	}
	t.Logf("getwd: %q %s; read /etc/passwd: %s; read %s: %s", wd.Value, wd.Err,
		r.get(t, "read /etc/passwd").Err, secret, r.get(t, "read "+secret).Err)
	for _, a := range r.Attempts {
		if strings.Contains(a.Value, content) || strings.Contains(a.Value, "root:") {
			t.Errorf("%s: got the host's data: %.80q", a.Name, a.Value)
		}
	}
	// Nothing was written either.
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 || ents[0].Name() != "secret.txt" {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Errorf("the test's directory holds %v; want only secret.txt", names)
	}
}

// TestSandboxEnv: the module sees no environment variable and no
// argument, not even one set in the host process just before the
// instance started.
func TestSandboxEnv(t *testing.T) {
	value := "sesame-" + strconv.FormatInt(time.Now().UnixNano(), 36)
	t.Setenv("NAZIF_SECRET", value)
	if os.Getenv("NAZIF_SECRET") != value || os.Getenv("PATH") == "" {
		t.Fatal("the host process does not see NAZIF_SECRET and PATH")
	}
	// A Cleaner started after Setenv: its instances start with the
	// variable in the host's environment.
	c := newEscape(t, testConfig())
	r := escapeRun(t, c, "env NAZIF_SECRET")
	if a := r.get(t, "environ"); a.N != 0 || a.Value != "" {
		t.Errorf("the module sees %d environment variables: %.200q", a.N, a.Value)
	}
	if a := r.get(t, "args"); a.N != 0 {
		t.Errorf("the module sees %d arguments: %q", a.N, a.Value)
	}
	for _, name := range []string{"HOME", "PATH", "USER", "PWD", "NAZIF_SECRET"} {
		if a := r.get(t, "getenv "+name); a.Err == "" || a.Value != "" {
			t.Errorf("getenv %s: %q; want unset", name, a.Value)
		}
	}
	h := r.get(t, "hostname")
	if hostName, err := os.Hostname(); err == nil && h.Value == hostName {
		t.Errorf("the module sees the host's name %q", hostName)
	}
	t.Logf("hostname %q (%s), pid %d", h.Value, h.Err, r.get(t, "pid").N)
}

// TestSandboxNet: the module reaches no socket: its TCP dial and UDP
// datagram never arrive at listeners the host reaches, a port it listens
// on is not open on the host, and WASI's sock_* calls fail on every
// descriptor (the host preopens no socket).
func TestSandboxNet(t *testing.T) {
	tcp, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer tcp.Close()
	accepted := make(chan net.Conn, 16)
	go func() {
		for {
			conn, err := tcp.Accept()
			if err != nil {
				close(accepted)
				return
			}
			accepted <- conn
		}
	}()
	// accept waits for the next connection the listener accepts.
	accept := func() net.Conn {
		select {
		case conn := <-accepted:
			return conn
		case <-time.After(10 * time.Second):
			t.Fatal("the listener accepted nothing in 10 s")
			return nil
		}
	}
	// control dials the listener from the host and checks that the next
	// connection it accepts is that one: connections are accepted in
	// order, so one the module made earlier would come first.
	control := func(when string) {
		conn, err := net.Dial("tcp", tcp.Addr().String())
		if err != nil {
			t.Fatalf("the host cannot reach its own listener: %v", err)
		}
		defer conn.Close()
		for {
			in := accept()
			in.Close()
			if in.RemoteAddr().String() == conn.LocalAddr().String() {
				return
			}
			t.Errorf("%s: the listener accepted a connection from %s before the host's control", when, in.RemoteAddr())
		}
	}
	udp, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer udp.Close()
	// A port that was free a moment ago, for the module's net.Listen.
	free, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := strconv.Itoa(free.Addr().(*net.TCPAddr).Port)
	free.Close()

	// The controls: the host reaches both sockets.
	control("before the module")
	if _, err := udp.WriteTo([]byte("control"), udp.LocalAddr()); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 64)
	udp.SetReadDeadline(time.Now().Add(10 * time.Second))
	if n, _, err := udp.ReadFrom(buf); err != nil || string(buf[:n]) != "control" {
		t.Fatalf("the host cannot reach its own UDP socket: %v", err)
	}

	c := newEscape(t, testConfig())
	r := escapeRun(t, c, "net "+tcp.Addr().String()+" "+port+" "+udp.LocalAddr().String())

	if a := r.get(t, "dial tcp "+tcp.Addr().String()); a.Err == "" {
		t.Errorf("dial tcp %s worked in the module: %s", tcp.Addr(), a.Value)
	}
	control("after the module")
	udpName := "dial+write udp " + udp.LocalAddr().String()
	r.get(t, udpName)
	udp.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
	if n, from, err := udp.ReadFrom(buf); err == nil {
		t.Errorf("the UDP socket received %q from %s", buf[:n], from)
	}
	// Go's wasip1 net package simulates a network inside the module, so
	// net.Listen may work there; the port must still be closed on the
	// host while the module holds its listener.
	listen := r.get(t, "listen tcp 127.0.0.1:"+port)
	if conn, err := net.DialTimeout("tcp", "127.0.0.1:"+port, 2*time.Second); err == nil {
		conn.Close()
		t.Errorf("port %s is open on the host after the module listened on it (%s)", port, listen.Value)
	}
	t.Logf("in the module: dial tcp: %s; udp: %q %s; listen: %q %s",
		r.get(t, "dial tcp "+tcp.Addr().String()).Err, r.get(t, udpName).Value, r.get(t, udpName).Err, listen.Value, listen.Err)
	// No socket was preopened: past stdio, every descriptor is EBADF (a
	// listener with nothing to accept would say EAGAIN).
	for fd := 0; fd <= 64; fd++ {
		if a := r.get(t, "sock_accept "+strconv.Itoa(fd)); a.Err == "" || (fd >= 3 && a.Err != wasiEBADF) {
			t.Errorf("sock_accept(%d): error %q, fd %d (%s); want %s", fd, a.Err, a.N, a.Value, wasiEBADF)
		}
	}
	for fd := 0; fd <= 10; fd++ {
		for _, call := range []string{"sock_send ", "sock_recv "} {
			if a := r.get(t, call+strconv.Itoa(fd)); a.Err == "" || a.N != 0 {
				t.Errorf("%s%d: %d bytes, error %q (%s); want an error", call, fd, a.N, a.Err, a.Value)
			}
		}
	}
	t.Logf("sock_accept 3: %s; sock_send 1: %s", r.get(t, "sock_accept 3").Err, r.get(t, "sock_send 1").Err)
}

// TestSandboxClock: the module's wall clock is wazero's fake one, far from
// the real date and the same for every instance, whenever it starts; its
// random source is real, and differs from instance to instance.
func TestSandboxClock(t *testing.T) {
	// A fresh instance for each call: recycle after every one.
	c := newEscape(t, testConfig().WithPoolSize(1).WithRecycleBytes(1))
	var walls []time.Time
	var randoms []string
	for i := range 2 {
		if i > 0 {
			time.Sleep(1500 * time.Millisecond) // real time passes; the fake clock does not
		}
		r := escapeRun(t, c, "clock")
		t0, t1 := time.Unix(0, r.get(t, "walltime").N), time.Unix(0, r.get(t, "walltime again").N)
		if d := time.Since(t0).Abs(); d < 24*time.Hour {
			t.Errorf("the module's wall clock %s is %s from the real time; want over a day", t0.UTC(), d)
		}
		// wazero's fake wall clock starts at midnight UTC 2022-01-01
		// (FakeEpochNanos in its internal/platform/time.go) and moves 1 ms
		// per reading.
		if epoch := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC); t0.Before(epoch) || t0.After(epoch.Add(time.Minute)) {
			t.Errorf("the module's wall clock reads %s; want wazero's fake clock, just after %s", t0.UTC(), epoch)
		}
		if t1.Before(t0) {
			t.Errorf("the wall clock went back from %s to %s", t0, t1)
		}
		rnd := r.get(t, "crypto/rand")
		if rnd.Err != "" || len(rnd.Value) != 32 {
			t.Errorf("crypto/rand: %q, %s", rnd.Value, rnd.Err)
		}
		walls = append(walls, t0)
		randoms = append(randoms, rnd.Value)
		t.Logf("instance %d: wall clock %s, then %s; monotonic elapsed %d ns; crypto/rand %s",
			i+1, t0.UTC().Format(time.RFC3339Nano), t1.UTC().Format(time.RFC3339Nano), r.get(t, "monotonic elapsed").N, rnd.Value)
	}
	if d := walls[1].Sub(walls[0]).Abs(); d >= time.Second {
		t.Errorf("two fresh instances 1.5 s apart read wall clocks %s apart; want the same fake clock", d)
	}
	// New started the first instance; the second call needed another.
	if s := c.Stats(); s.Instances != 2 || s.Recycled != 2 {
		t.Errorf("stats %+v: the two calls did not each get a fresh instance", s)
	}
	// Each instance draws real random bytes, so no page can predict the
	// guest's map hash seeds.
	if randoms[0] == randoms[1] {
		t.Errorf("two fresh instances drew the same random bytes %s", randoms[0])
	}
}

// TestSandboxMemoryCap: memory past the cap cannot be had: a module that
// allocates without end fails with ErrMemoryLimit, while the same module
// asked for less than the cap gets it; no instance holds more than the cap.
func TestSandboxMemoryCap(t *testing.T) {
	const pages = 512 // 32 MiB
	const limit = pages * 65536
	c := newEscape(t, testConfig().WithMemoryLimitPages(pages).WithPoolSize(1).WithRecycleBytes(0))
	// The control: 16 MiB fit under the cap, and the instance grows for them.
	r := escapeRun(t, c, "grow 16")
	if got := r.get(t, "grow").N; got != 16<<20 {
		t.Fatalf("grow 16 allocated %d bytes", got)
	}
	s := c.Stats()
	if len(s.IdleMemory) != 1 || s.IdleMemory[0] < 16<<20 || s.IdleMemory[0] > limit {
		t.Fatalf("after grow 16: idle memory %v; want one instance between 16 MiB and the cap, %d", s.IdleMemory, limit)
	}
	t.Logf("after grow 16: linear memory %d bytes, Go's MemStats.Sys in the module %d", s.IdleMemory[0], r.get(t, "memstats sys").N)

	for _, cmd := range []string{"grow 40", "grow"} {
		discarded := c.Stats().Discarded
		_, err := c.CleanJSON(context.Background(), []byte(cmd), nazif.Options{})
		var e *host.Error
		if !errors.Is(err, host.ErrMemoryLimit) || !errors.As(err, &e) || e.Code != host.CodeMemoryLimit {
			t.Errorf("%s: error %v; want ErrMemoryLimit", cmd, err)
		}
		t.Logf("%s: %v", cmd, err)
		s := c.Stats()
		if s.Discarded != discarded+1 {
			t.Errorf("%s: %d instances discarded; want 1", cmd, s.Discarded-discarded)
		}
		for _, m := range s.IdleMemory {
			if m > limit {
				t.Errorf("%s: an idle instance holds %d bytes, over the cap %d", cmd, m, limit)
			}
		}
	}
	// The next call runs on a fresh instance.
	escapeRun(t, c, "echo after")
	s = c.Stats()
	if s.Errors[host.CodeMemoryLimit] != 2 || s.Instances != 3 {
		t.Errorf("stats %+v; want 2 memory_limit errors, 3 instances", s)
	}
	for _, m := range s.IdleMemory {
		if m > limit {
			t.Errorf("an idle instance holds %d bytes, over the cap %d", m, limit)
		}
	}
}

// TestSandboxDeadline: a module that loops without ever looking at a
// clock is stopped at its deadline in the hard-kill mode, whichever of the
// context, Options.Deadline or Config.WithTimeout sets it; the pool
// replaces the instance.
//
// Without WithCloseOnContextDone, nothing stops such a loop: the host only
// passes the budget to the guest, which never reads it, and Clean never
// returns. That is what the hard-kill mode is for (config.go), so it is
// not tested here.
func TestSandboxDeadline(t *testing.T) {
	ctx := context.Background()
	c := newEscape(t, testConfig().WithCloseOnContextDone(true).WithPoolSize(1).WithTimeout(500*time.Millisecond))
	for _, tc := range []struct {
		name     string
		after    time.Duration // when the deadline falls
		ctxCause bool          // the error also matches context.DeadlineExceeded
	}{
		{"context", 200 * time.Millisecond, true},
		{"Options.Deadline", 200 * time.Millisecond, false},
		{"WithTimeout", 500 * time.Millisecond, false},
	} {
		discarded := c.Stats().Discarded
		start := time.Now()
		cctx, cancel := ctx, context.CancelFunc(func() {})
		var opts nazif.Options
		switch tc.name {
		case "context":
			cctx, cancel = context.WithTimeout(ctx, tc.after)
		case "Options.Deadline":
			opts.Deadline = start.Add(tc.after)
		}
		_, err := c.CleanJSON(cctx, []byte("spin"), opts)
		took := time.Since(start)
		cancel()
		if !errors.Is(err, host.ErrTimeout) || (tc.ctxCause && !errors.Is(err, context.DeadlineExceeded)) {
			t.Errorf("%s: error %v; want ErrTimeout", tc.name, err)
		}
		// A hang check, not a speed test.
		if took < tc.after*3/4 || took > 10*time.Second {
			t.Errorf("%s: the call took %s; want about %s", tc.name, took, tc.after)
		}
		t.Logf("%s: stopped after %s (deadline %s): %v", tc.name, took.Round(time.Millisecond), tc.after, err)
		if d := c.Stats().Discarded - discarded; d != 1 {
			t.Errorf("%s: %d instances discarded; want 1", tc.name, d)
		}
		escapeRun(t, c, "echo after "+tc.name)
	}
	if s := c.Stats(); s.Errors[host.CodeTimeout] != 3 || s.Instances != 4 {
		t.Errorf("stats %+v; want 3 timeouts, 4 instances", s)
	}
}

// TestSandboxRecycleAfterTrap: whatever way the module dies (a panic, a
// nil pointer, exiting, an envelope outside its memory), the call fails
// with ErrTrap, the instance is thrown away, and the next call runs on a
// fresh one; the pool does not grow.
func TestSandboxRecycleAfterTrap(t *testing.T) {
	const pool = 2
	c := newEscape(t, testConfig().WithPoolSize(pool))
	kinds := []string{"panic", "nil", "exit", "exit0", "badenv"}
	for i := range 20 {
		kind := kinds[i%len(kinds)]
		before := c.Stats()
		_, err := c.CleanJSON(context.Background(), []byte("trap "+kind), nazif.Options{})
		var e *host.Error
		if !errors.Is(err, host.ErrTrap) || !errors.As(err, &e) || e.Code != host.CodeTrap {
			t.Fatalf("trap %s: error %v; want ErrTrap", kind, err)
		}
		if i < len(kinds) {
			t.Logf("trap %s: %v", kind, err)
		}
		if kind == "panic" && !strings.Contains(err.Error(), "a deliberate panic") {
			t.Errorf("trap panic: the error %q does not carry the guest's message", err)
		}
		s := c.Stats()
		if s.Discarded != before.Discarded+1 {
			t.Errorf("trap %s: %d instances discarded; want 1", kind, s.Discarded-before.Discarded)
		}
		r := escapeRun(t, c, "echo "+strconv.Itoa(i))
		if got := r.get(t, "echo").Value; got != "echo "+strconv.Itoa(i) {
			t.Errorf("echo %d answered %q", i, got)
		}
		s = c.Stats()
		if s.Instances != before.Instances+1 {
			t.Errorf("trap %s: %d instances started for the next call; want 1", kind, s.Instances-before.Instances)
		}
		if s.Idle > pool || s.Busy != 0 {
			t.Errorf("trap %s: %d idle and %d busy instances; want at most %d idle and none busy", kind, s.Idle, s.Busy, pool)
		}
	}
	s := c.Stats()
	if s.Errors[host.CodeTrap] != 20 || s.Calls != 40 || s.Discarded != 20 || s.Instances != 21 {
		t.Errorf("stats %+v; want 40 calls, 20 traps, 20 discarded, 21 instances", s)
	}
}
