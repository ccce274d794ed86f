package host

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/sys"

	"github.com/nazif/nazif/wasm/abi"
)

// The exported functions, in the order of instance.fns.
const (
	fnABIVersion = iota
	fnAlloc
	fnFree
	fnClean
	fnGC
)

// An instance is one running nazif.wasm. It is not safe for concurrent
// use: the pool hands it to one call at a time.
type instance struct {
	mod    api.Module
	fns    [5]api.Function
	output headBuffer
	stack  [4]uint64
	buf    uint32 // the input buffer, reused while big enough
	bufCap uint32
	calls  int
	limit  uint32 // the memory cap, in bytes
}

// call runs fn on stack and returns its first result.
func (in *instance) call(ctx context.Context, fn int, args ...uint64) (uint64, error) {
	copy(in.stack[:], args)
	if err := in.fns[fn].CallWithStack(ctx, in.stack[:]); err != nil {
		return 0, err
	}
	return in.stack[0], nil
}

func (in *instance) abiVersion(ctx context.Context) uint32 {
	v, err := in.call(ctx, fnABIVersion)
	if err != nil {
		return 0
	}
	return uint32(v)
}

// clean runs one page through nazif_clean and copies the result out.
func (in *instance) clean(ctx context.Context, input, opts []byte, budget time.Duration) ([]byte, error) {
	in.output.reset()
	need := uint32(len(input) + len(opts))
	if need > in.bufCap {
		if in.buf != 0 {
			if _, err := in.call(ctx, fnFree, uint64(in.buf)); err != nil {
				return nil, in.trap(ctx, err)
			}
			in.buf, in.bufCap = 0, 0
		}
		// Round up, so that a run of growing pages does not realloc each time.
		size := max(need+need/4, 64<<10)
		p, err := in.call(ctx, fnAlloc, uint64(size))
		if err != nil {
			return nil, in.trap(ctx, err)
		}
		in.buf, in.bufCap = uint32(p), size
	}
	mem := in.mod.Memory()
	if !mem.Write(in.buf, input) || !mem.Write(in.buf+uint32(len(input)), opts) {
		return nil, newError(CodeTrap, nil, "nazif: nazif_alloc returned a buffer outside memory")
	}
	in.calls++
	r, err := in.call(ctx, fnClean, uint64(in.buf), uint64(len(input)), uint64(len(opts)), uint64(budget))
	if err != nil {
		return nil, in.trap(ctx, err)
	}
	// Read after the call: a memory.grow during it detaches older views.
	env, ok := mem.Read(uint32(r>>32), uint32(r))
	if !ok || len(env) == 0 {
		return nil, newError(CodeTrap, nil, "nazif: nazif_clean returned an envelope outside memory")
	}
	msg := string(env[1:])
	switch abi.Status(env[0]) {
	case abi.OK:
		return append([]byte(nil), env[1:]...), nil
	case abi.BadOptions:
		return nil, newError(CodeBadOptions, nil, "%s", msg)
	case abi.Empty:
		return nil, newError(CodeEmpty, nil, "%s", msg)
	case abi.NotText:
		return nil, newError(CodeNotText, nil, "%s", msg)
	case abi.Timeout:
		return nil, newError(CodeTimeout, ctx.Err(), "%s", msg)
	}
	return nil, newError(CodeTrap, nil, "%s", msg)
}

// trap classifies an error from a call into the guest.
func (in *instance) trap(ctx context.Context, err error) error {
	var exit *sys.ExitError
	if errors.As(err, &exit) {
		switch exit.ExitCode() {
		case sys.ExitCodeDeadlineExceeded, sys.ExitCodeContextCanceled:
			return newError(CodeTimeout, ctx.Err(), "nazif: %v: the guest was stopped", ctx.Err())
		}
	}
	msg := in.output.message()
	if in.outOfMemory(msg) {
		return newError(CodeMemoryLimit, err, "nazif: the instance ran out of memory under its cap (WithMemoryLimitPages)%s", msg)
	}
	return newError(CodeTrap, err, "nazif: the module failed: %v%s", err, msg)
}

// outOfMemory tells whether a trap came from the memory cap. Go's runtime
// grows its heap in 4 MiB arenas and, in wasm, a refused memory.grow ends
// in one of a few fatal errors, not always "out of memory"; so a fatal
// error with memory within two arenas and a margin of the cap counts too.
func (in *instance) outOfMemory(msg string) bool {
	if strings.Contains(msg, "out of memory") {
		return true
	}
	return strings.Contains(msg, "fatal error") && uint64(in.memory())+12<<20 >= uint64(in.limit)
}

func (in *instance) gc(ctx context.Context) error {
	_, err := in.call(ctx, fnGC)
	return err
}

// memory is the size of the instance's linear memory, in bytes.
func (in *instance) memory() uint32 { return in.mod.Memory().Size() }

func (in *instance) close(ctx context.Context) { in.mod.Close(ctx) }

// headBuffer keeps the first bytes a guest writes to stdout or stderr:
// enough for the message of a fatal error (which comes before the
// goroutine dump), never more.
type headBuffer struct {
	mu  sync.Mutex
	buf []byte
}

const headMax = 2 << 10

func (h *headBuffer) Write(p []byte) (int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if room := headMax - len(h.buf); room > 0 {
		h.buf = append(h.buf, p[:min(len(p), room)]...)
	}
	return len(p), nil
}

func (h *headBuffer) reset() {
	h.mu.Lock()
	h.buf = h.buf[:0]
	h.mu.Unlock()
}

// message is the first paragraph the guest wrote, as a suffix for an error
// message, or "".
func (h *headBuffer) message() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	s := string(h.buf)
	if i := strings.Index(s, "\n\n"); i >= 0 {
		s = s[:i]
	}
	if s = strings.TrimSpace(s); s == "" {
		return ""
	}
	return " (guest output: " + strings.ReplaceAll(s, "\n", "; ") + ")"
}
