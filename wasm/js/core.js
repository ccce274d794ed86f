// core.js speaks nazif.wasm's ABI (wasm/ABI.md) to a WASI preview 1
// implementation handed in by node.js or browser.js. Nothing here depends
// on the runtime, so Node, browsers, extension service workers and
// offscreen documents run the same code path on the same module.

/** The nazif.wasm ABI version this loader speaks. */
export const ABI_VERSION = 1;

/** The error codes, the same strings as the Go host's host.Code. */
export const Code = Object.freeze({
  TOO_LARGE: "too_large",
  EMPTY: "empty",
  NOT_TEXT: "not_text",
  TIMEOUT: "timeout",
  MEMORY_LIMIT: "memory_limit",
  BAD_OPTIONS: "bad_options",
  TRAP: "trap",
  CLOSED: "closed",
  BAD_BINARY: "bad_binary",
});

/**
 * NazifError is every failure of load and clean: `code` says which kind
 * (one of Code), `message` what happened.
 */
export class NazifError extends Error {
  constructor(code, message, options) {
    super(message, options);
    this.name = "NazifError";
    this.code = code;
  }
}

// The envelope's status bytes, wasm/abi.
const statusCodes = [null, Code.BAD_OPTIONS, Code.EMPTY, Code.NOT_TEXT, Code.TIMEOUT, Code.TRAP, Code.TRAP];

const MiB = 1 << 20;

/** The defaults of the loader's settings, the Go host's defaults. */
export const defaults = Object.freeze({
  maxInputBytes: 8 * MiB,
  memoryLimitBytes: 256 * MiB,
  recycleBytes: 48 * MiB,
  gcEvery: 16,
  timeoutMs: 30000,
});

// Past this input size a call is followed by a collection, as in the host:
// such a page leaves megabytes of garbage.
const bigInput = 256 << 10;

const exportsNeeded = ["memory", "nazif_abi_version", "nazif_alloc", "nazif_free", "nazif_clean", "nazif_gc"];

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

// asBytes views an ArrayBuffer or any typed array as a Uint8Array, without
// a copy, or returns null.
function asBytes(x) {
  if (x instanceof Uint8Array) return x;
  if (x instanceof ArrayBuffer) return new Uint8Array(x);
  if (ArrayBuffer.isView(x)) return new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
  return null;
}

/**
 * compile turns bytes or a Response into a WebAssembly.Module,
 * asynchronously (browsers refuse synchronous compiles of big modules on
 * the main thread). On the way it caps the module's memory at
 * memoryLimitBytes, as the Go host does: nazif.wasm declares no maximum,
 * and without one a hostile page could grow an instance to 4 GiB. A
 * WebAssembly.Module given as is keeps whatever it declares.
 */
export async function compile(source, memoryLimitBytes = defaults.memoryLimitBytes) {
  if (source instanceof WebAssembly.Module) return source;
  let bytes;
  if (typeof Response !== "undefined" && source instanceof Response) {
    if (!source.ok) {
      throw new NazifError(Code.BAD_BINARY, `nazif: fetching nazif.wasm: HTTP ${source.status}`);
    }
    bytes = new Uint8Array(await source.arrayBuffer());
  } else if (!(bytes = asBytes(source))) {
    throw new TypeError("nazif: load wants bytes, a Response, a URL or a WebAssembly.Module");
  }
  try {
    return await WebAssembly.compile(capMemory(bytes, Math.floor(memoryLimitBytes / 65536)));
  } catch (err) {
    if (err instanceof NazifError) throw err;
    throw new NazifError(Code.BAD_BINARY, `nazif: not a compatible nazif.wasm: ${err.message}`, { cause: err });
  }
}

// capMemory returns the module with its one memory's maximum lowered to
// maxPages (64 KiB each), rewriting the memory section (id 5) in place of
// the old one. Anything it does not recognise it returns unchanged, for
// WebAssembly.compile to judge.
export function capMemory(b, maxPages) {
  if (b.length < 8 || b[0] !== 0 || b[1] !== 0x61 || b[2] !== 0x73 || b[3] !== 0x6d) return b;
  let p = 8;
  const uleb = () => {
    let r = 0;
    let shift = 0;
    let x;
    do {
      if (p >= b.length) return -1;
      x = b[p++];
      r += (x & 0x7f) * 2 ** shift;
      shift += 7;
    } while (x & 0x80);
    return r;
  };
  while (p < b.length) {
    const start = p;
    const id = b[p++];
    const size = uleb();
    const body = p;
    if (size < 0) return b;
    if (id === 5) {
      const count = uleb();
      const flags = b[p++];
      const min = uleb();
      // One memory, 32-bit, not shared: flags 0 (no max) or 1 (a max).
      if (count !== 1 || flags > 1 || min < 0) return b;
      const max = flags === 1 ? uleb() : Infinity;
      if (p !== body + size) return b;
      if (min > maxPages) {
        throw new NazifError(Code.BAD_OPTIONS, `nazif: memoryLimitBytes of ${maxPages * 65536} is below the module's initial memory of ${min * 65536} bytes`);
      }
      const content = [1, 1, ...ulebBytes(min), ...ulebBytes(Math.min(max, maxPages))];
      const section = [5, ...ulebBytes(content.length), ...content];
      const out = new Uint8Array(b.length - (body + size - start) + section.length);
      out.set(b.subarray(0, start));
      out.set(section, start);
      out.set(b.subarray(body + size), start + section.length);
      return out;
    }
    p = body + size;
  }
  return b;
}

function ulebBytes(n) {
  const out = [];
  do {
    let x = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) x |= 0x80;
    out.push(x);
  } while (n > 0);
  return out;
}

/**
 * Cleaner runs pages through instances of one compiled nazif.wasm. An
 * instance is started on first use, kept between calls, and replaced after
 * a trap, a timeout or when its memory passes recycleBytes (linear memory
 * never shrinks). Calls are synchronous; use one Cleaner per worker.
 */
export class Cleaner {
  #module;
  #wasi;
  #settings;
  #inst = null;
  #closed = false;

  /**
   * @param {WebAssembly.Module} module the compiled nazif.wasm
   * @param {() => {imports: object, initialize: (instance: WebAssembly.Instance) => void}} wasi
   *   makes a fresh WASI preview 1 implementation for each instance
   * @param {object} settings overrides of `defaults`
   */
  constructor(module, wasi, settings) {
    this.#module = module;
    this.#wasi = wasi;
    this.#settings = checkSettings(settings);
    const names = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
    const missing = exportsNeeded.filter((n) => !names.has(n));
    if (missing.length > 0) {
      throw new NazifError(Code.BAD_BINARY, `nazif: not a compatible nazif.wasm: it does not export ${missing.join(", ")}`);
    }
    for (const imp of WebAssembly.Module.imports(module)) {
      if (imp.module !== "wasi_snapshot_preview1") {
        throw new NazifError(Code.BAD_BINARY, `nazif: not a compatible nazif.wasm: it imports ${imp.module}.${imp.name}; nazif.wasm imports only WASI`);
      }
    }
    // Start one instance now, so that a bad module fails in load, not in
    // the first clean.
    this.#instance();
  }

  /** The ABI version the module reports. */
  get abiVersion() {
    return ABI_VERSION;
  }

  /**
   * clean cleans one page and returns the Article.
   * @param {string | Uint8Array | ArrayBuffer} input
   * @param {object} [options]
   */
  clean(input, options) {
    return JSON.parse(this.cleanJSON(input, options));
  }

  /**
   * cleanJSON is clean returning the Article's JSON text, byte for byte
   * what the Go host's CleanJSON returns for the same bytes and options.
   */

  /** close drops the instance; later calls fail with code "closed". */
  close() {
    this.#closed = true;
    this.#inst = null;
  }

  /** The bytes of the linear memory of the live instance, or 0. */
  get memoryBytes() {
    return this.#inst ? this.#inst.exports.memory.buffer.byteLength : 0;
  }

  /**
   * cleanJSON is clean returning the Article's JSON text, byte for byte
   * what the Go host's CleanJSON returns for the same bytes and options.
   */
  cleanJSON(input, options = {}) {
    if (this.#closed) throw new NazifError(Code.CLOSED, "nazif: clean called after close");
    if (options === null || typeof options !== "object") {
      throw new NazifError(Code.BAD_OPTIONS, "nazif: options must be an object");
    }
    let page;
    if (typeof input === "string") {
      page = encoder.encode(input);
      // A JS string is already Unicode: the bytes are UTF-8 whatever the
      // page's own <meta charset> says.
      if (options.charset === undefined) options = { ...options, charset: "utf-8" };
    } else if (!(page = asBytes(input))) {
      throw new TypeError("nazif: clean wants a string, a Uint8Array or an ArrayBuffer");
    }
    const s = this.#settings;
    if (page.length > s.maxInputBytes) {
      throw new NazifError(Code.TOO_LARGE, `nazif: input of ${page.length} bytes exceeds the cap of ${s.maxInputBytes} (maxInputBytes)`);
    }
    const opts = encodeOptions(options);
    const timeoutMs = options.timeoutMs ?? s.timeoutMs;
    // The budget goes to the guest as int64 nanoseconds: Infinity would
    // throw a RangeError, and a negative or overflowing one turn the
    // deadline off without a word.
    if (typeof timeoutMs !== "number" || !Number.isFinite(timeoutMs) || timeoutMs < 0 || timeoutMs > maxTimeoutMs) {
      throw new NazifError(Code.BAD_OPTIONS, `nazif: options: timeoutMs must be a number of milliseconds from 0 (no deadline) to ${maxTimeoutMs}, not ${String(timeoutMs)}`);
    }
    const budget = timeoutMs > 0 ? BigInt(Math.max(1, Math.round(timeoutMs * 1e6))) : 0n;

    const inst = this.#instance();
    const x = inst.exports;
    let env;
    try {
      const need = page.length + opts.length;
      if (need > inst.bufCap) {
        if (inst.buf !== 0) x.nazif_free(inst.buf);
        inst.buf = 0;
        inst.bufCap = 0;
        const size = Math.max(need + (need >>> 2), 64 << 10);
        inst.buf = x.nazif_alloc(size) >>> 0;
        inst.bufCap = size;
      }
      let mem = new Uint8Array(x.memory.buffer);
      mem.set(page, inst.buf);
      mem.set(opts, inst.buf + page.length);
      inst.calls++;
      inst.output.n = 0;
      const r = BigInt.asUintN(64, x.nazif_clean(inst.buf, page.length, opts.length, budget));
      // Re-read after the call: a memory.grow during it detached the old view.
      mem = new Uint8Array(x.memory.buffer);
      const ptr = Number(r >> 32n);
      const len = Number(r & 0xffffffffn);
      if (len === 0 || ptr + len > mem.length) {
        throw new NazifError(Code.TRAP, "nazif: nazif_clean returned an envelope outside memory");
      }
      env = mem.subarray(ptr, ptr + len);
    } catch (err) {
      this.#inst = null;
      throw this.#trap(inst, err);
    }
    const status = env[0];
    // Decode now: the envelope lives in guest memory until the next call
    // into the guest, and nazif_gc below is one.
    const text = decoder.decode(env.subarray(1));
    if (status !== 0) {
      const code = statusCodes[status] ?? Code.TRAP;
      // A page the guest refused leaves it as it was; a timeout or a bad
      // call may have left it anywhere.
      if (code !== Code.EMPTY && code !== Code.NOT_TEXT && code !== Code.BAD_OPTIONS) this.#inst = null;
      throw new NazifError(code, text);
    }
    try {
      if (s.gcEvery > 0 && (inst.calls % s.gcEvery === 0 || page.length > bigInput)) x.nazif_gc();
    } catch {
      this.#inst = null;
    }
    if (s.recycleBytes > 0 && x.memory.buffer.byteLength > s.recycleBytes) this.#inst = null;
    return text;
  }

  #trap(inst, err) {
    if (err instanceof NazifError) return err;
    const { buf, n } = inst.output;
    const out = decoder.decode(buf.subarray(0, n)).split("\n\n")[0].trim();
    const suffix = out === "" ? "" : ` (guest output: ${out.replaceAll("\n", "; ")})`;
    const mem = inst.exports.memory.buffer.byteLength;
    if (out.includes("out of memory") || (out.includes("fatal error") && mem + 12 * MiB >= this.#settings.memoryLimitBytes)) {
      return new NazifError(Code.MEMORY_LIMIT, `nazif: the instance ran out of memory under its cap (memoryLimitBytes)${suffix}`, { cause: err });
    }
    return new NazifError(Code.TRAP, `nazif: the module failed: ${err.message ?? err}${suffix}`, { cause: err });
  }

  #instance() {
    if (this.#inst) return this.#inst;
    const wasi = this.#wasi();
    const output = { buf: new Uint8Array(outputMax), n: 0 };
    let instance;
    // Stdout and stderr are kept, not printed: the guest writes only when
    // it dies, and that message goes into the error. The first 2 KiB are
    // enough for it, and all a hostile page can make us hold.
    const imports = withOutput(wasi.imports, () => instance.exports.memory, output);
    try {
      instance = new WebAssembly.Instance(this.#module, imports);
      wasi.initialize(instance);
    } catch (err) {
      throw new NazifError(Code.TRAP, `nazif: starting an instance: ${err.message ?? err}`, { cause: err });
    }
    const x = instance.exports;
    const v = x.nazif_abi_version();
    if (v !== ABI_VERSION) {
      throw new NazifError(Code.BAD_BINARY, `nazif: not a compatible nazif.wasm: the module speaks ABI ${v}, this loader ${ABI_VERSION}`);
    }
    // Three quarters of the cap: room for the collector to work in before
    // memory.grow fails. nazif_memory_limit is optional (ABI.md).
    if (typeof x.nazif_memory_limit === "function") {
      x.nazif_memory_limit(BigInt(Math.floor((this.#settings.memoryLimitBytes / 4) * 3)));
    }
    this.#inst = { exports: x, output, buf: 0, bufCap: 0, calls: 0 };
    return this.#inst;
  }
}

/**
 * checkSettings returns settings over the defaults, or throws a TypeError
 * naming what is wrong.
 */
export function checkSettings(settings = {}) {
  for (const [k, v] of Object.entries(settings)) {
    if (!(k in defaults)) throw new TypeError(`nazif: unknown setting ${k}; the settings are ${Object.keys(defaults).join(", ")}`);
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw new TypeError(`nazif: setting ${k} must be a number, 0 or more`);
  }
  return { ...defaults, ...settings };
}

const outputMax = 2 << 10;

// maxTimeoutMs is the largest budget the guest's int64 nanoseconds hold,
// about 292 years.
const maxTimeoutMs = Math.floor(Number(2n ** 63n - 1n) / 1e6);

// withOutput returns imports whose fd_write keeps the first outputMax
// bytes the guest writes to stdout and stderr in out, instead of handing
// them to the runtime's console.
function withOutput(imports, memory, out) {
  // Every WASI function is called through a JS function of ours, never
  // straight from the module: Node 20 died with SIGSEGV (in V8's
  // exception unwinding) when the Go runtime, out of memory under the
  // cap, called node:wasi's native functions directly on its way down.
  const wasi = {};
  for (const [name, f] of Object.entries(imports.wasi_snapshot_preview1)) {
    wasi[name] = typeof f === "function" ? (...args) => f(...args) : f;
  }
  const inner = wasi.fd_write;
  wasi.fd_write = (fd, iovs, iovsLen, nwritten) => {
    if (fd !== 1 && fd !== 2) return inner(fd, iovs, iovsLen, nwritten);
    const buf = memory().buffer;
    const view = new DataView(buf);
    let written = 0;
    for (let i = 0; i < iovsLen; i++) {
      const p = view.getUint32(iovs + i * 8, true);
      const l = view.getUint32(iovs + i * 8 + 4, true);
      const take = Math.min(l, outputMax - out.n);
      out.buf.set(new Uint8Array(buf, p, take), out.n);
      out.n += take;
      written += l;
    }
    view.setUint32(nwritten, written, true);
    return 0;
  };
  return { ...imports, wasi_snapshot_preview1: wasi };
}

// encodeOptions is the options JSON of nazif_clean. Keys go through as
// given, so that the guest refuses unknown ones with its own message;
// timeoutMs is the loader's, and a Date for now becomes RFC 3339.
function encodeOptions(options) {
  const o = {};
  for (const [k, v] of Object.entries(options)) {
    if (k === "timeoutMs" || v === undefined) continue;
    o[k] = v;
  }
  if (o.now instanceof Date) {
    if (Number.isNaN(o.now.getTime())) throw new NazifError(Code.BAD_OPTIONS, "nazif: options: now is an invalid Date");
    o.now = o.now.toISOString();
  }
  if (Object.keys(o).length === 0) return new Uint8Array(0);
  return encoder.encode(JSON.stringify(o));
}
