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
  blocks?: ReadonlyArray<{ kind: "paragraph" | "heading" | "quote" | "list_item"; text: string }>;
  text?: string;
  removed?: ReadonlyArray<{ text: string; reason: string }>;
}

/**
 * renderArticle returns an `<article dir lang>` with a header (h1 title and
 * a meta line: `<time datetime>`, site, section, author) and the blocks as
 * p, h2, blockquote and li in ul. Text goes in through textContent only.
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
