// node.js loads nazif.wasm in Node 20 and later, through node:wasi.
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { WASI } from "node:wasi";

import { checkSettings, Cleaner, compile } from "./core.js";

export { ABI_VERSION, Code, Cleaner, NazifError, defaults } from "./core.js";

/** The nazif.wasm that ships with this package. */
export const wasmURL = new URL("./nazif.wasm", import.meta.url);

/**
 * load compiles nazif.wasm and returns a Cleaner. source is the module:
 * bytes, a Response, a WebAssembly.Module, a URL (file:, http:, https:) or
 * a file path; by default the nazif.wasm of this package.
 */
export async function load(source = wasmURL, settings) {
  return new Cleaner(await compile(await fetchSource(source), checkSettings(settings).memoryLimitBytes), newWASI, settings);
}

async function fetchSource(source) {
  if (typeof source === "string") {
    source = /^(file|https?):/i.test(source) ? new URL(source) : pathToFileURL(source);
  }
  if (source instanceof URL) {
    return source.protocol === "file:" ? readFile(source) : fetch(source);
  }
  return source;
}

// newWASI gives an instance nothing of the process: no arguments, no
// environment, no preopened directory (so no file at all), and no
// sockets, which node:wasi does not offer anyway.
function newWASI() {
  const wasi = new WASI({ version: "preview1", args: [], env: {}, preopens: {}, returnOnExit: false });
  return { imports: wasi.getImportObject(), initialize: (instance) => wasi.initialize(instance) };
}
