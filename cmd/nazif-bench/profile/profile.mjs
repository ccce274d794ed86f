// profile.mjs profiles nazif.wasm itself: it runs the module under Node's
// WASI over the corpus with V8's sampling profiler on, then prints where
// the guest's time goes, by function (self time) and by stage (time
// including callees). wazero has no sampling profiler, and the module's
// hot spots under V8 are those under wazero, within a factor.
//
//   node cmd/nazif-bench/profile/profile.mjs [wasm] [corpus dir] [rounds]
//
// `make profile` runs it on the committed module and the testdata corpus.
import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WASI } from 'node:wasi';
import { Session } from 'node:inspector/promises';

const wasmPath = process.argv[2] || 'wasm/module/nazif.wasm';
const dir = process.argv[3] || 'testdata/corpus';
const rounds = Number(process.argv[4] || 30);

const pages = readdirSync(dir)
  .filter((f) => f.endsWith('.html') || f.endsWith('.dump.txt'))
  .map((f) => readFileSync(join(dir, f)));
const wasi = new WASI({ version: 'preview1', args: [], env: {} });
const module = await WebAssembly.compile(readFileSync(wasmPath));
const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wasi.wasiImport });
wasi.initialize(instance);
const x = instance.exports;

function clean(page) {
  const p = x.nazif_alloc(page.length);
  new Uint8Array(x.memory.buffer, p, page.length).set(page);
  const r = x.nazif_clean(p, page.length, 0, 0n);
  const status = new Uint8Array(x.memory.buffer, Number(r >> 32n), 1)[0];
  x.nazif_free(p);
  if (status !== 0) throw new Error(`status ${status}`);
}

for (const page of pages) clean(page); // warm up the tiers
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const start = performance.now();
for (let i = 0; i < rounds; i++) {
  for (const page of pages) clean(page);
  if (i % 2 === 1) x.nazif_gc();
}
const ms = (performance.now() - start) / rounds;
const { profile } = await session.post('Profiler.stop');
session.disconnect();

// Self time per function, and time including callees (each function
// counted once per sample, however deep its recursion).
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const self = new Map();
const total = new Map();
let all = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] || 0;
  all += dt;
  const name = (n) => n.callFrame.functionName || '(anonymous)';
  self.set(name(byId.get(id)), (self.get(name(byId.get(id))) || 0) + dt);
  const seen = new Set();
  for (let q = id; q !== undefined; q = parent.get(q)) {
    const f = name(byId.get(q));
    if (!seen.has(f)) {
      seen.add(f);
      total.set(f, (total.get(f) || 0) + dt);
    }
  }
});
const short = (f) => f.replace('github.com_nazif_nazif_wasm_internal_', '').replace('github.com_nazif_nazif_wasm_', '');
const top = (m, n, keep) =>
  [...m].filter(([f]) => keep(f)).sort((a, b) => b[1] - a[1]).slice(0, n)
    .map(([f, t]) => `  ${((100 * t) / all).toFixed(1).padStart(5)}%  ${short(f)}`).join('\n');
console.log(`nazif.wasm under V8 (Node ${process.version}): ${pages.length} pages, ${ms.toFixed(1)} ms a round\n`);
console.log(`Self time, top 25:\n${top(self, 25, () => true)}\n`);
console.log(`Time with callees, nazif's own functions, top 25:\n${top(total, 25, (f) => f.includes('nazif'))}`);
