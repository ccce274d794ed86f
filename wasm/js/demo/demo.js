// demo.js: paste a page's HTML or drop a saved page, and see the article
// nazif.wasm makes of it, cleaned in this tab. Nothing leaves the page.
import { load } from "../browser.js";
import { articleText, renderArticle, renderRemoved } from "../render.js";

const $ = (id) => document.getElementById(id);
const form = $("input");
const fileInput = $("file");
const drop = $("drop");
const textarea = $("html");
const urlInput = $("url");
const cleanButton = $("clean");
const status = $("status");
const errorBox = $("error");
const result = $("result");
const explain = $("explain");
const copied = $("copied");

let cleaner = null;
let article = null;

// The default of load() is the nazif.wasm next to browser.js (../nazif.wasm).
const ready = load().then(
  (c) => {
    cleaner = c;
    cleanButton.disabled = false;
    status.textContent = "جاهز.";
    document.documentElement.dataset.ready = "true";
  },
  (err) => {
    status.textContent = "";
    showError(err);
    document.documentElement.dataset.ready = "error";
  },
);

form.addEventListener("submit", (e) => {
  e.preventDefault();
  if (textarea.value.trim() === "" && fileInput.files.length > 0) {
    cleanFile(fileInput.files[0]);
    return;
  }
  run(textarea.value, "النص الملصق");
});

fileInput.addEventListener("change", () => {
  if (fileInput.files.length > 0) cleanFile(fileInput.files[0]);
});

for (const type of ["dragenter", "dragover"]) {
  drop.addEventListener(type, (e) => {
    e.preventDefault();
    drop.classList.add("over");
  });
}
for (const type of ["dragleave", "drop"]) {
  drop.addEventListener(type, () => drop.classList.remove("over"));
}
drop.addEventListener("drop", (e) => {
  e.preventDefault();
  const file = e.dataTransfer?.files?.[0];
  if (file) cleanFile(file);
});

explain.addEventListener("change", () => {
  $("removed").hidden = !explain.checked;
});

$("copy-text").addEventListener("click", () => article && copy(articleText(article), "نُسخ النص."));
$("copy-markdown").addEventListener("click", () => article && copy(article.markdown ?? "", "نُسخ Markdown."));

// cleanFile reads the file as bytes, not text: nazif finds the page's own
// charset (a <meta charset>, a BOM, or by sniffing), as the site meant it.
async function cleanFile(file) {
  textarea.value = "";
  run(new Uint8Array(await file.arrayBuffer()), file.name);
}

async function run(input, name) {
  await ready;
  if (!cleaner) return;
  hideError();
  const url = urlInput.value.trim();
  const started = performance.now();
  try {
    article = cleaner.clean(input, { url: url || undefined, markdown: true, explain: true });
  } catch (err) {
    article = null;
    result.hidden = true;
    status.textContent = "";
    showError(err);
    return;
  }
  const ms = Math.round(performance.now() - started);
  $("article").replaceChildren(renderArticle(article, document));
  $("removed").replaceChildren(renderRemoved(article, document));
  $("removed").hidden = !explain.checked;
  copied.textContent = "";
  result.hidden = false;
  status.textContent = `نُظّف «${name}» في ${ms} مللي ثانية · الكتل: ${article.blocks.length} · المحذوف: ${article.removed?.length ?? 0}`;
  if (article.warnings?.length) status.textContent += ` تنبيه: ${article.warnings.join("؛ ")}`;
  result.scrollIntoView({ block: "start" });
}

function showError(err) {
  errorBox.replaceChildren();
  const code = document.createElement("code");
  code.className = "code";
  code.textContent = err?.code ?? err?.name ?? "error";
  const message = document.createElement("span");
  message.className = "message";
  message.setAttribute("dir", "auto");
  message.textContent = err?.message ?? String(err);
  errorBox.append(code, " ", message);
  errorBox.dataset.code = code.textContent;
  errorBox.hidden = false;
}

function hideError() {
  errorBox.hidden = true;
  errorBox.replaceChildren();
  delete errorBox.dataset.code;
}

async function copy(text, done) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Not a secure context (the demo served over plain HTTP to another
    // machine) or no permission: fall back to the selection.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "offscreen";
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    if (!ok) {
      copied.textContent = "تعذّر النسخ.";
      return;
    }
  }
  copied.textContent = done;
}
