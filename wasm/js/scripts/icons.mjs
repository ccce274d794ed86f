// icons.mjs draws the extension's icons (extension/icons/*.png): the
// letter ن in Amiri on the reader view's green, rendered by Chromium at
// each size Chrome asks for. Run it after changing the design; the PNGs
// are committed.
//
//	node scripts/icons.mjs [/usr/bin/chromium]
import { mkdir, writeFile } from "node:fs/promises";

import { chromium } from "playwright-core";

const sizes = [16, 32, 48, 128];
const out = new URL("../extension/icons/", import.meta.url);

const browser = await chromium.launch({
  executablePath: process.argv[2] || process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const page = await browser.newPage();
await mkdir(out, { recursive: true });
for (const size of sizes) {
  const png = await page.evaluate(async (size) => {
    await document.fonts.load(`${size}px Amiri`);
    const c = document.createElement("canvas");
    c.width = c.height = size;
    const g = c.getContext("2d");
    const r = size * 0.2;
    g.fillStyle = "#0d6b55";
    g.beginPath();
    g.roundRect(0, 0, size, size, r);
    g.fill();
    g.fillStyle = "#ffffff";
    g.textAlign = "center";
    g.textBaseline = "alphabetic";
    g.font = `700 ${size * 0.95}px Amiri, "DejaVu Sans", serif`;
    g.fillText("ن", size / 2, size * 0.62);
    return c.toDataURL("image/png");
  }, size);
  await writeFile(new URL(`nazif-${size}.png`, out), Buffer.from(png.split(",")[1], "base64"));
}
await browser.close();
console.log("wrote", sizes.map((s) => `icons/nazif-${s}.png`).join(", "));
