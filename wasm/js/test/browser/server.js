// server.js is the static server of the browser tests, on 127.0.0.1 and a
// random port:
//
//   /js/...        wasm/js (the package, demo/, extension/; nazif.wasm
//                  follows its symlink to wasm/module/nazif.wasm)
//   /testdata/...  testdata (corpus, golden, negatives)
//   /legacy/windows-1256/<name>.html
//                  testdata/corpus/<name>.html encoded in windows-1256, its
//                  <meta charset> changed to say so; characters windows-1256
//                  lacks become numeric character references (&#NNNN;), as
//                  a browser would write them. The corpus has no page in a
//                  legacy charset, so the tests make one.
//
// .html files are sent as raw bytes with "Content-Type: text/html" and no
// charset parameter: the browser finds the page's own <meta charset>, as
// with a saved page. Nothing is cached.
//
//   const { url, close } = await serve();  // url: "http://127.0.0.1:PORT"
import { readFile, stat } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const jsDir = fileURLToPath(new URL("../../", import.meta.url));
const testdataDir = fileURLToPath(new URL("../../../../testdata/", import.meta.url));

const mounts = [
  ["/js/", jsDir],
  ["/testdata/", testdataDir],
];

const types = {
  ".html": "text/html",
  ".htm": "text/html",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
  ".tsv": "text/tab-separated-values; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};

/**
 * serve starts the server. It resolves to { url, close }: url is the
 * origin without a trailing slash, close() stops the server.
 */
export async function serve() {
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end(String(err?.stack ?? err));
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

async function handle(req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD" });
    res.end();
    return;
  }
  const pathname = decodeURIComponent(new URL(req.url, "http://x").pathname);
  let body;
  let file;
  const legacy = /^\/legacy\/windows-1256\/([\w.-]+\.html)$/.exec(pathname);
  if (legacy) {
    file = path.join(testdataDir, "corpus", legacy[1]);
    body = await readOrNull(file);
    if (body) body = toWindows1256(body.toString("utf8"));
  } else {
    file = resolve(pathname);
    if (file) {
      const st = await stat(file).catch(() => null);
      if (st?.isDirectory()) {
        if (!pathname.endsWith("/")) {
          res.writeHead(301, { location: pathname + "/" });
          res.end();
          return;
        }
        file = path.join(file, "index.html");
      }
      body = await readOrNull(file);
    }
  }
  if (!body) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    res.end(`not found: ${pathname}\n`);
    return;
  }
  res.writeHead(200, {
    "content-type": types[path.extname(file).toLowerCase()] ?? "application/octet-stream",
    "content-length": body.length,
    "cache-control": "no-store",
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

// resolve maps a URL path to a file under one of the mounts, or null. The
// check is on the path as written: nazif.wasm is a symlink out of wasm/js
// and is followed when read.
function resolve(pathname) {
  for (const [prefix, dir] of mounts) {
    if (!pathname.startsWith(prefix)) continue;
    const file = path.join(dir, pathname.slice(prefix.length));
    const rel = path.relative(dir, file);
    if (rel.startsWith("..") || path.isAbsolute(rel)) return null;
    return file;
  }
  return null;
}

async function readOrNull(file) {
  try {
    return await readFile(file);
  } catch (err) {
    if (err.code === "ENOENT" || err.code === "EISDIR" || err.code === "ENOTDIR") return null;
    throw err;
  }
}

let table = null;

// toWindows1256 encodes an HTML page in windows-1256 and makes its first
// <meta charset> or http-equiv charset say windows-1256. The encoder is
// the inverse of the platform's windows-1256 decoder (TextDecoder).
export function toWindows1256(html) {
  if (!table) {
    table = new Map();
    const dec = new TextDecoder("windows-1256");
    for (let b = 0; b < 256; b++) {
      const ch = dec.decode(Uint8Array.of(b));
      if (ch !== "\uFFFD" && !table.has(ch)) table.set(ch, b);
    }
  }
  const page = html.replace(/charset=(["']?)utf-8\1/i, "charset=$1windows-1256$1");
  if (page === html) throw new Error("toWindows1256: the page declares no utf-8 charset to replace");
  const out = [];
  for (const ch of page) {
    const b = table.get(ch);
    if (b !== undefined) out.push(b);
    else for (const c of `&#${ch.codePointAt(0)};`) out.push(c.charCodeAt(0));
  }
  return Buffer.from(out);
}
