// pack.mjs runs around npm pack and npm publish (prepack, postpack). In
// the repository, two of the package's files are symbolic links, so that
// each has one copy in git: nazif.wasm (to ../module/nazif.wasm, the
// committed build) and LICENSE (to the repository's). npm leaves links
// out of tarballs: "pre" puts a copy in each one's place, "post" puts the
// links back, so that packing leaves the git tree as it was.
import { copyFile, rm, symlink } from "node:fs/promises";

const links = { "nazif.wasm": "../module/nazif.wasm", LICENSE: "../../LICENSE" };
const dir = new URL("../", import.meta.url);

const mode = process.argv[2];
if (mode !== "pre" && mode !== "post") throw new Error("usage: node scripts/pack.mjs pre|post");
for (const [name, target] of Object.entries(links)) {
  const link = new URL(name, dir);
  // "pre" copies even over a regular file: a copy that an interrupted
  // pack left behind may be older than its target.
  await rm(link, { force: true });
  if (mode === "pre") await copyFile(new URL(target, link), link);
  else await symlink(target, link);
}
