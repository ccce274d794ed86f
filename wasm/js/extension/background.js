// background.js: the extension's service worker. A click on the toolbar
// button or on the page's context-menu item takes the tab's HTML as the
// browser parsed it, cleans it here with nazif.wasm (no network: the
// module ships in lib/), stores the article in chrome.storage.session and
// opens reader.html#<id> next to the tab.
import { load } from "./lib/browser.js";

const MENU_ID = "nazif-clean";
// Older results are dropped past this many: the reader tabs that show
// them keep their DOM, and storage.session has a quota.
const KEEP = 20;

let cleanerPromise = null;

// cleaner compiles nazif.wasm once per service worker life and reuses the
// Cleaner; a failed load is retried on the next click.
function cleaner() {
  cleanerPromise ??= load().catch((err) => {
    cleanerPromise = null;
    throw err;
  });
  return cleanerPromise;
}

chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.create({ id: MENU_ID, title: "Clean this article", contexts: ["page"] });
});

chrome.action.onClicked.addListener((tab) => {
  cleanTab(tab);
});

chrome.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_ID && tab) cleanTab(tab);
});

// pageSource runs in the tab: the document as the browser decoded and
// built it (so the site's charset is already applied), and its address.
function pageSource() {
  return { html: document.documentElement.outerHTML, url: location.href };
}

/**
 * cleanTab cleans the page in tab and opens the reader view next to it.
 * It resolves to the stored id and the reader's tab id; failures are
 * stored too (code and message) and shown by the reader.
 */
async function cleanTab(tab) {
  const id = crypto.randomUUID();
  let record;
  try {
    let injection;
    try {
      [injection] = await chrome.scripting.executeScript({ target: { tabId: tab?.id }, func: pageSource });
    } catch (err) {
      throw Object.assign(new Error(`cannot read this page: ${err.message ?? err}`), { code: "no_access" });
    }
    const page = injection?.result;
    if (!page || typeof page.html !== "string") {
      throw Object.assign(new Error("cannot read this page: the script returned nothing"), { code: "no_access" });
    }
    const article = (await cleaner()).clean(page.html, { url: page.url, markdown: true, explain: true });
    record = { article, source: page.url, at: Date.now() };
  } catch (err) {
    record = { error: { code: err.code ?? "error", message: String(err.message ?? err) }, source: tab?.url ?? "", at: Date.now() };
  }
  try {
    await store(id, record);
  } catch (err) {
    // Even alone the article is over storage.session's quota (10 MB): a
    // huge page. Say so in the reader rather than open nothing.
    record = { error: { code: "too_large", message: `the article is too big to hand to the reader view: ${err.message ?? err}` }, source: record.source, at: record.at };
    await store(id, record);
  }
  const reader = await chrome.tabs.create({
    url: chrome.runtime.getURL(`reader.html#${id}`),
    ...(Number.isInteger(tab?.index) ? { index: tab.index + 1 } : {}),
    ...(Number.isInteger(tab?.id) ? { openerTabId: tab.id } : {}),
  });
  return { id, tabId: reader.id, error: record.error ?? null };
}

// store keeps record under id with the newest others: at most KEEP in
// all, and fewer when storage.session's quota (10 MB) is full, dropping
// the oldest first.
async function store(id, record) {
  const all = await chrome.storage.session.get(null);
  const older = Object.entries(all)
    .filter(([, v]) => v && typeof v.at === "number")
    .sort((a, b) => b[1].at - a[1].at)
    .map(([k]) => k);
  const drop = older.splice(KEEP - 1);
  if (drop.length > 0) await chrome.storage.session.remove(drop);
  for (;;) {
    try {
      await chrome.storage.session.set({ [id]: record });
      return;
    } catch (err) {
      if (older.length === 0) throw err;
      await chrome.storage.session.remove(older.pop());
    }
  }
}

// For tests, which cannot click the toolbar button.
globalThis.nazifCleanTab = cleanTab;
