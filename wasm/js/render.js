// render.js builds the reader view of an Article (testdata/article.schema.json)
// as DOM nodes, for the demo page and the extension's reader view. Every
// string of the page goes in through textContent or setAttribute, never
// through innerHTML: an Article is text taken from someone else's page.

const tagOf = { paragraph: "p", heading: "h2", quote: "blockquote" };

// lang takes the Article's language only when it is a BCP 47 tag.
const langs = new Set(["ar", "fa", "ur"]);

// linkRel is the rel of every link of the reader view, as in the Go
// renderer: the page it opens gets no handle on the reader (noopener) and
// no address of it (noreferrer), and the reader vouches for none
// (nofollow).
const linkRel = "noopener noreferrer nofollow";

/**
 * renderArticle returns an <article dir lang> holding a header (the title,
 * the meta line: date, site, section, author, and the lead image unless a
 * figure shows it) and the body blocks: paragraphs as <p>, headings as
 * <h2>, quotes as <blockquote>, runs of list items as <li> in one <ul>,
 * and figures as <figure> with a lazy <img>, sent with no referrer, and a
 * <figcaption> of the caption and credit. Links in text are <a> with the
 * safe rel; a picture or link whose URL is not an absolute http(s) one is
 * left out.
 */
export function renderArticle(article, document) {
  const root = el(document, "article", "nazif-article");
  root.setAttribute("dir", article.dir === "ltr" ? "ltr" : "rtl");
  if (langs.has(article.lang)) root.setAttribute("lang", article.lang);

  const blocks = article.blocks ?? [];
  const header = el(document, "header", "nazif-header");
  if (article.title) header.append(el(document, "h1", "nazif-title", article.title));
  const meta = renderMeta(article, document);
  if (meta) header.append(meta);
  if (safeURL(article.image) && !blocks.some((b) => b.kind === "figure" && b.src === article.image)) {
    header.append(picture(document, article.image, "nazif-lead"));
  }
  if (header.childNodes.length > 0) root.append(header);

  const body = el(document, "div", "nazif-body");
  let list = null;
  for (const block of blocks) {
    if (block.kind === "list_item") {
      if (!list) body.append((list = el(document, "ul")));
      list.append(withLinks(document, el(document, "li"), block));
      continue;
    }
    list = null;
    if (block.kind === "figure") {
      if (safeURL(block.src)) body.append(renderFigure(document, block));
      continue;
    }
    body.append(withLinks(document, el(document, tagOf[block.kind] ?? "p"), block));
  }
  root.append(body);
  return root;
}

// renderFigure is a figure block, whose src is safe, as a <figure>.
function renderFigure(document, block) {
  const figure = el(document, "figure", "nazif-figure");
  figure.append(picture(document, block.src));
  if (block.caption || block.credit) {
    const caption = el(document, "figcaption", null, block.caption || "");
    if (block.credit) {
      if (block.caption) caption.append(document.createTextNode(" "));
      caption.append(el(document, "span", "nazif-credit", block.credit));
    }
    figure.append(caption);
  }
  return figure;
}

// picture is an <img> of a safe URL: lazy, sent with no referrer, with an
// empty alt (a caption, when there is one, says what it shows).
function picture(document, src, className) {
  const img = el(document, "img", className);
  img.setAttribute("src", src);
  img.setAttribute("alt", "");
  img.setAttribute("loading", "lazy");
  img.setAttribute("referrerpolicy", "no-referrer");
  return img;
}

// withLinks fills node with the block's text, its links as <a>. A link is
// shown when its span (UTF-16 code units, the unit of JavaScript strings)
// is in order, inside the text and not empty, and its href is safe; the
// text of any other stays as text.
function withLinks(document, node, block) {
  const text = typeof block.text === "string" ? block.text : "";
  let at = 0;
  for (const l of Array.isArray(block.links) ? block.links : []) {
    const { start, end, href } = l ?? {};
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < at || end <= start || end > text.length || !safeURL(href)) continue;
    if (start > at) node.append(document.createTextNode(text.slice(at, start)));
    const a = el(document, "a", null, text.slice(start, end));
    a.setAttribute("href", href);
    a.setAttribute("rel", linkRel);
    node.append(a);
    at = end;
  }
  if (at < text.length) node.append(document.createTextNode(text.slice(at)));
  return node;
}

// safeURL reports an absolute http(s) URL with a host and no white space,
// control, invisible format (bidi, zero-width) or lone surrogate
// character, as the Go renderer's safeURL: nothing else may be a src or
// an href, so javascript:, data: and relative URLs are refused.
function safeURL(u) {
  if (typeof u !== "string") return false;
  const m = /^https?:\/\/(.*)$/is.exec(u);
  return !!m && m[1] !== "" && !/^[/\\]/.test(m[1]) && !/[\s\p{Cc}\p{Cf}\p{Cs}\u0085\u00a0\u2028\u2029]/u.test(m[1]);
}

/**
 * renderRemoved returns a <section> listing what cleaning dropped, each
 * text with its reason (article.removed, present when the article was
 * cleaned with explain: true). It says so when nothing was listed.
 */
export function renderRemoved(article, document) {
  const removed = article.removed ?? [];
  const section = el(document, "section", "nazif-removed");
  section.setAttribute("dir", article.dir === "ltr" ? "ltr" : "rtl");
  if (langs.has(article.lang)) section.setAttribute("lang", article.lang);
  section.append(el(document, "h2", null, `ما حُذف ولماذا (${removed.length})`));
  if (removed.length === 0) {
    section.append(el(document, "p", "nazif-removed-none", article.removed ? "لم يُحذف شيء." : "لا شرح: نُظّفت الصفحة دون explain."));
    return section;
  }
  const list = el(document, "ol");
  for (const r of removed) {
    const item = el(document, "li");
    const reason = el(document, "span", "nazif-reason", reasonLabel(r.reason));
    reason.setAttribute("title", r.reason);
    reason.setAttribute("data-reason", r.reason);
    item.append(reason, el(document, "span", "nazif-removed-text", r.text));
    list.append(item);
  }
  section.append(list);
  return section;
}

/**
 * articleText is the article as plain text for "copy as text": the title,
 * the meta line, a blank line, then the body (article.text, blocks joined
 * by blank lines).
 */
export function articleText(article) {
  const head = [article.title, metaParts(article).join(" · ")].filter(Boolean);
  const text = article.text ?? (article.blocks ?? []).map((b) => b.text).join("\n\n");
  return head.length > 0 ? `${head.join("\n")}\n\n${text}` : text;
}

// monthNames are the Gregorian month names by Article language, the same
// tables as the Go renderer's (wasm/nazif/datefmt.go), so that a date reads
// the same in the reader view of every runtime, whatever locale data the
// browser has.
const monthNames = {
  ar: ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
  fa: ["ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"],
  ur: ["جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست", "ستمبر", "اکتوبر", "نومبر", "دسمبر"],
  other: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/**
 * formatDate shows an Article date (ISO 8601, as precise as the page gave
 * it) as a day, a month name and a year in the article's language (lang,
 * an Article.lang; Arabic when absent), with the time of day when the page
 * gave one. The clock is the page's own: an offset is not converted to the
 * reader's time zone. A value it cannot read is returned as it is.
 */
export function formatDate(iso, lang = "ar") {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso ?? "");
  if (!m || +m[2] < 1 || +m[2] > 12 || m[3] === "00") return iso ?? "";
  const [, y, mo, d, h, mi] = m;
  const names = monthNames[lang] ?? monthNames.other;
  const day = `${+d} ${names[+mo - 1]} ${y}`;
  if (h === undefined) return day;
  return `${day}${names === monthNames.other ? ", " : "، "}${h}:${mi}`;
}

// reasonNames says in Arabic, the interface's language, why a block was
// removed; the code itself stays in the title and data-reason attributes.
// Codes of the form "boilerplate:CATEGORY" and "class:WORD" are composed.
const reasonNames = {
  "outside-article": "خارج المقال",
  "no-article": "لا مقال في الصفحة",
  "no-text": "بلا نص",
  caption: "تعليق صورة",
  credit: "مصدر الصورة",
  image: "صورة",
  links: "روابط",
  copyright: "حقوق النشر",
  byline: "سطر الكاتب",
  date: "تاريخ",
  short: "سطر قصير",
  "short-line": "سطر قصير",
  "before-title": "قبل العنوان",
  header: "رأس الصفحة",
  form: "نموذج",
  url: "رابط",
  menu: "قائمة",
  symbol: "رموز",
  "read-also": "اقرأ أيضًا",
  related: "أخبار ذات صلة",
  popular: "الأكثر قراءة",
  share: "مشاركة",
  social: "شبكات التواصل",
  follow: "تابعونا",
  newsletter: "النشرة البريدية",
  app: "التطبيق",
  footer: "تذييل الصفحة",
  comments: "التعليقات",
  ads: "إعلانات",
  consent: "الخصوصية والموافقة",
  widget: "عنصر جانبي",
  nav: "التنقل",
  dateline: "سطر التاريخ",
  media: "وسائط",
  photo: "صورة",
};

/**
 * reasonLabel is a removal reason (Article.removed[].reason) in Arabic:
 * "boilerplate:read-also" is «عبارة متكررة: اقرأ أيضًا» and "class:share"
 * «عنصر باسم share». An unknown code is returned as it is.
 */
export function reasonLabel(code) {
  const [kind, rest] = code.includes(":") ? [code.slice(0, code.indexOf(":")), code.slice(code.indexOf(":") + 1)] : [code, ""];
  if (kind === "boilerplate" && rest) return `عبارة متكررة: ${reasonNames[rest] ?? rest}`;
  if (kind === "class" && rest) return `عنصر باسم ${rest}`;
  return Object.hasOwn(reasonNames, code) ? reasonNames[code] : code;
}

// metaParts is the meta line's items in order: date, site, section, author.
function metaParts(article) {
  const date = article.published || article.modified;
  return [date ? formatDate(date, article.lang) : "", article.site, article.section, article.author].filter(Boolean);
}

function renderMeta(article, document) {
  const date = article.published || article.modified;
  const parts = [];
  if (date) {
    const time = el(document, "time", "nazif-date", formatDate(date, article.lang));
    time.setAttribute("datetime", date);
    if (article.published && article.modified && article.modified !== article.published) {
      time.setAttribute("title", `حُدّث: ${formatDate(article.modified, article.lang)}`);
    }
    parts.push(time);
  }
  if (article.site) parts.push(el(document, "span", "nazif-site", article.site));
  if (article.section) parts.push(el(document, "span", "nazif-section", article.section));
  if (article.author) parts.push(el(document, "span", "nazif-author", article.author));
  if (parts.length === 0) return null;
  const p = el(document, "p", "nazif-meta");
  parts.forEach((part, i) => {
    if (i > 0) p.append(document.createTextNode(" · "));
    p.append(part);
  });
  return p;
}

function el(document, tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
