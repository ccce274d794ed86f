// Types of render.js: the reader view of an Article as DOM nodes.

/** The fields of an Article (testdata/article.schema.json) render.js reads. */
export interface RenderableArticle {
  title?: string;
  published?: string;
  modified?: string;
  section?: string;
  site?: string;
  author?: string;
  lang?: "ar" | "fa" | "ur" | "other";
  dir?: "rtl" | "ltr";
  image?: string;
  blocks?: ReadonlyArray<{
    kind: "paragraph" | "heading" | "quote" | "list_item" | "figure";
    text: string;
    links?: ReadonlyArray<{ start: number; end: number; href: string }>;
    src?: string;
    caption?: string;
    credit?: string;
  }>;
  text?: string;
  removed?: ReadonlyArray<{ text: string; reason: string }>;
}

/**
 * renderArticle returns an `<article dir lang>` with a header (h1 title, a
 * meta line: `<time datetime>`, site, section, author, and the lead image
 * unless a figure shows it) and the blocks as p, h2, blockquote, li in ul
 * and figure (a lazy, no-referrer img and a figcaption with the caption
 * and a `.nazif-credit` span). Links are `<a href rel="noopener noreferrer
 * nofollow">` over their UTF-16 spans. Text goes in through textContent
 * only; a src or href that is not an absolute http(s) URL is left out.
 */
export function renderArticle(article: RenderableArticle, document: Document): HTMLElement;

/** renderRemoved returns a `<section>` listing each removed text with its reason. */
export function renderRemoved(article: RenderableArticle, document: Document): HTMLElement;

/** articleText is the title, the meta line, a blank line and the text. */
export function articleText(article: RenderableArticle): string;

/**
 * formatDate shows an ISO 8601 date as day, month name and year in the
 * article's language (Arabic by default; "other" is English), plus the
 * page's own time of day when it has one: "11 يونيو 2025، 12:27".
 */
export function formatDate(iso: string, lang?: "ar" | "fa" | "ur" | "other"): string;

/** reasonLabel is a removal reason code in Arabic; an unknown code as it is. */
export function reasonLabel(code: string): string;
