// reader.js shows the article that background.js stored under the id in
// the address's fragment (reader.html#<id>).
import { articleText, renderArticle, renderRemoved } from "./lib/render.js";

const $ = (id) => document.getElementById(id);

async function main() {
  const id = decodeURIComponent(location.hash.slice(1));
  const record = id ? (await chrome.storage.session.get(id))[id] : undefined;
  $("loading").remove();
  if (!record) {
    showError("not_found", "This article is no longer stored (the browser was restarted, or it was replaced by newer ones). Clean the page again.");
    return;
  }
  if (record.error) {
    showError(record.error.code, record.error.message);
    for (const b of document.querySelectorAll(".toolbar button")) b.hidden = true;
    showSource(record.source);
    return;
  }
  const article = record.article;
  document.title = article.title || "nazif reader";
  document.documentElement.lang = ["ar", "fa", "ur"].includes(article.lang) ? article.lang : "ar";
  document.documentElement.dir = article.dir === "ltr" ? "ltr" : "rtl";
  $("article").replaceChildren(renderArticle(article, document));
  $("removed").replaceChildren(renderRemoved(article, document));
  if (article.warnings?.length) {
    $("warnings").textContent = article.warnings.join(" · ");
    $("warnings").hidden = false;
  }
  showSource(record.source || article.url);

  $("copy-text").addEventListener("click", () => copy(articleText(article), "نُسخ النص."));
  $("copy-markdown").addEventListener("click", () => copy(article.markdown ?? "", "نُسخ Markdown."));
  $("explain").addEventListener("click", (e) => {
    const on = e.currentTarget.getAttribute("aria-pressed") !== "true";
    e.currentTarget.setAttribute("aria-pressed", String(on));
    $("removed").hidden = !on;
    if (on) $("removed").scrollIntoView({ block: "start" });
  });
  document.querySelector(".toolbar").hidden = false;
  document.documentElement.dataset.ready = "true";
}

// showSource links back to the page, only for http and https addresses.
function showSource(address) {
  let url;
  try {
    url = new URL(address);
  } catch {
    return;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return;
  const a = $("source");
  a.href = url.href;
  a.title = url.href;
  a.rel = "noreferrer noopener";
  a.hidden = false;
  document.querySelector(".toolbar").hidden = false;
}

function showError(code, message) {
  const box = $("error");
  const c = document.createElement("code");
  c.className = "code";
  c.textContent = code;
  const p = document.createElement("p");
  p.setAttribute("dir", "auto");
  p.textContent = message;
  const h = document.createElement("h1");
  h.textContent = "تعذّر تنظيف هذه الصفحة";
  box.replaceChildren(h, c, p);
  box.dataset.code = code;
  box.hidden = false;
  document.title = "nazif reader: " + code;
  document.documentElement.dataset.ready = "error";
}

async function copy(text, done) {
  const status = $("copied");
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = done;
  } catch (err) {
    status.textContent = "تعذّر النسخ: " + (err.message ?? err);
  }
}

main().catch((err) => showError("error", String(err.message ?? err)));
