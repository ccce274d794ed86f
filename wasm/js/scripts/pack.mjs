// pack.mjs runs around npm pack (prepack, postpack). In the repository,
// nazif.wasm is a symbolic link to ../module/nazif.wasm, the committed
// build, and npm leaves links out of tarballs: "pre" puts a copy in its
// place for the tarball, "post" puts the link back.
import { copyFile, lstat, rm, symlink } from "node:fs/promises";

const link = new URL("../nazif.wasm", import.meta.url);
const target = "../module/nazif.wasm";

const mode = process.argv[2];
if (mode === "pre") {
  if ((await lstat(link)).isSymbolicLink()) {
    const src = new URL(target, link);
    await rm(link);
    await copyFile(src, link);
  }
} else if (mode === "post") {
  await rm(link, { force: true });
  await symlink(target, link);
} else {
  throw new Error("usage: node scripts/pack.mjs pre|post");
}
