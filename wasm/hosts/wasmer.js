// A whole nazif.wasm host on @wasmer/wasi, Wasmer's WASI preview 1, from
// wasm/ABI.md alone. It keeps to the ABI and nothing more: no memory cap,
// no budget, and it does not replace its instance after status 5 or 6 or
// a trap (wasm/js is the full JS host).
import { init, WASI } from "@wasmer/wasi";

export async function load(wasm) {
  await init();
  const wasi = new WASI({}); // no arguments, environment or directories
  const module = await WebAssembly.compile(wasm);
  const imports = wasi.getImports(module);
  imports.wasi_snapshot_preview1.poll_oneoff = pollOneoff;
  const instance = new WebAssembly.Instance(module, imports);
  wasi.instantiate(instance); // binds the WASI functions to its memory
  const x = instance.exports;
  x._initialize(); // before any other export
  if (x.nazif_abi_version() !== 1) throw new Error("not nazif.wasm ABI 1");
  let buf = 0;
  let size = 0;
  let calls = 0;
  // clean returns the status byte and the payload: the Article JSON for 0,
  // else the error message. options is the options JSON, or "".
  return function clean(page, options = "") {
    const opts = new TextEncoder().encode(options);
    if (page.length + opts.length > size) {
      if (buf !== 0) x.nazif_free(buf);
      size = page.length + opts.length;
      buf = x.nazif_alloc(size) >>> 0; // an i32 address: read it unsigned
    }
    new Uint8Array(x.memory.buffer).set(page, buf);
    new Uint8Array(x.memory.buffer).set(opts, buf + page.length);
    const r = x.nazif_clean(buf, page.length, opts.length, 0n); // an i64: a BigInt
    const ptr = Number(BigInt.asUintN(64, r) >> 32n);
    const len = Number(r & 0xffffffffn);
    // A view taken after the call: memory may have grown during it.
    const env = new Uint8Array(x.memory.buffer, ptr, len);
    const result = { status: env[0], payload: env.slice(1) };
    if (++calls % 16 === 0 || page.length > 256 << 10) x.nazif_gc(); // after the copy
    return result;
  };

  // pollOneoff stands in for Wasmer's, which traps (its build cannot
  // sleep). Go's runtime polls with one clock subscription and a zero
  // timeout when a collection ends; this says at once that the clock
  // fired, which for a longer timeout is an early wake-up, and Go's
  // scheduler polls again.
  function pollOneoff(subs, events, n, neventsOut) {
    const view = new DataView(x.memory.buffer);
    for (let i = 0; i < n; i++) {
      const sub = subs + i * 48;
      const ev = events + i * 32;
      view.setBigUint64(ev, view.getBigUint64(sub, true), true); // userdata
      view.setUint16(ev + 8, view.getUint8(sub + 8) === 0 ? 0 : 58, true); // clock: ok; else ENOTSUP
      view.setUint8(ev + 10, view.getUint8(sub + 8)); // the event's type
    }
    view.setUint32(neventsOut, n, true);
    return 0;
  }
}
