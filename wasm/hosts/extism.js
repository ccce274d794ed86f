// nazif-extism.wasm on Extism's JS SDK, @extism/extism: the calls that
// Extism's SDKs in other languages make too (wasm/HOSTS.md).
import createPlugin from "@extism/extism";

export async function load(wasm) {
  // WASI on: the module is a Go WASI reactor, and the SDK calls its
  // _initialize when it starts the instance.
  const plugin = await createPlugin({ wasm: [{ data: wasm }] }, { useWasi: true });
  // clean returns the status of wasm/ABI.md and the payload, as wasmer.js
  // does. options is the options JSON, or "" for none.
  async function clean(page, options = "") {
    try {
      const out = options === ""
        ? await plugin.call("clean", own(page))
        : await plugin.call("clean_with_options", own(new TextEncoder().encode(options + "\n"), page));
      return { status: 0, payload: out.bytes() };
    } catch (err) {
      // The SDK gives the guest's message, not the call's return code:
      // the message's beginning tells the status.
      const message = err.message.replace(/^Plugin-originated error: /, "");
      return { status: statusOf(message), payload: new TextEncoder().encode(message) };
    }
  }
  return { clean, close: () => plugin.close(), plugin };
}

// own returns a then b in a Uint8Array with a buffer of its own:
// @extism/extism 1.0.3 takes a Uint8Array's whole buffer as the input,
// so a view into a larger one (a Node Buffer from a pool, a subarray)
// would hand the plugin other bytes.
function own(a, b = new Uint8Array(0)) {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

// statusOf is the status of an error message of nazif-extism.wasm.
export function statusOf(message) {
  if (message.startsWith("nazif: options:")) return 1;
  if (message.startsWith("nazif: empty input")) return 2;
  if (message.startsWith("nazif: input is not text")) return 3;
  return 6; // "nazif: internal error: …", or the SDK's own failure
}
