// browser.js loads nazif.wasm in browsers, web and service workers,
// extension service workers and offscreen documents, through the vendored
// @bjorn3/browser_wasi_shim (vendor/browser_wasi_shim, see its VERSION).
import { ConsoleStdout, File, OpenFile, WASI } from "./vendor/browser_wasi_shim/index.js";

import { checkSettings, Cleaner, compile } from "./core.js";

export { ABI_VERSION, Code, Cleaner, NazifError, defaults } from "./core.js";

/** The nazif.wasm that ships with this package. */
export const wasmURL = new URL("./nazif.wasm", import.meta.url);

/**
 * load compiles nazif.wasm and returns a Cleaner. source is the module:
 * bytes, a Response, a WebAssembly.Module or a URL to fetch; by default
 * the nazif.wasm next to this file. A Response served as application/wasm
 * compiles while it downloads.
 */
export async function load(source = wasmURL, settings) {
  if (typeof source === "string" || source instanceof URL) source = await fetch(source);
  return new Cleaner(await compile(source, checkSettings(settings).memoryLimitBytes), newWASI, settings);
}

// newWASI gives an instance no arguments, no environment and no
// directories: stdin is empty and output is dropped (core.js keeps the
// guest's last words for its errors).
function newWASI() {
  const drop = new ConsoleStdout(() => {});
  const wasi = new WASI([], [], [new OpenFile(new File([])), drop, drop], { debug: false });
  return { imports: { wasi_snapshot_preview1: wasi.wasiImport }, initialize: (instance) => wasi.initialize(instance) };
}
