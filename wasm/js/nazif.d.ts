// Types of the nazif package. The Article types follow
// testdata/article.schema.json field for field; test/types.test.js checks
// that they do.

/** An ISO 8601 date (2019-02-08) or date-time (2025-06-11T12:27, 2020-03-17T17:27:41+00:00). */
export type DateTime = string;

/** Article is the result of clean. Fields the page does not state are absent. */
export interface Article {
  /** The headline, without the site's name. */
  title?: string;
  /** Publication date or date-time, as precise as the page states it. */
  published?: DateTime;
  /** Last modification, as precise as the page states it. */
  modified?: DateTime;
  /** The site's section or category for the article. */
  section?: string;
  /** The publication's name. */
  site?: string;
  /** The byline or credit, without label words such as «كتب». */
  author?: string;
  /** The page's own summary. */
  description?: string;
  /** The lead image URL. */
  image?: string;
  /** The canonical URL, or options.url. */
  url?: string;
  /** From letter statistics. */
  lang: "ar" | "fa" | "ur" | "other";
  dir: "rtl" | "ltr";
  /** The body, in reading order: text blocks, and figures where the article shows a picture. */
  blocks: Block[];
  /** Image captions found inside the article (figures' among them); kept for the consumers that read it. */
  captions?: string[];
  /** The text blocks' text joined by blank lines; figures have no text and are not in it. */
  text: string;
  /** text folded for search: harakat and tatweel removed, alef forms, ى and ة folded, digits in ASCII. */
  search_text: string;
  /** What went wrong without stopping extraction. */
  warnings?: string[];
  /** The reader-view HTML fragment (allowlisted, safe for innerHTML), when options.html is set. */
  html?: string;
  /** The article as Markdown, when options.markdown is set. */
  markdown?: string;
  /** What was dropped and why, when options.explain is set. */
  removed?: Removed[];
  /** The extraction pass whose body won, when options.explain is set. */
  pass?: "strict" | "relaxed" | "page" | "dump" | "text";
}

/** One unit of the body: a text block, or a figure (a picture where it stands in the article). */
export interface Block {
  kind: "paragraph" | "heading" | "quote" | "list_item" | "figure";
  /** The display text: hamza, ى, ة and harakat kept; "" for a figure. */
  text: string;
  /** The hyperlinks in text, in order and not overlapping. */
  links?: Link[];
  /** A figure's picture: an absolute http(s) URL. */
  src?: string;
  /** A figure's caption. */
  caption?: string;
  /** A figure's photo credit («تصوير: …», «(رويترز)», «Getty Images»). */
  credit?: string;
}

/**
 * A hyperlink in a block's text. start and end count UTF-16 code units of
 * the display text, the unit of JavaScript strings and of the DOM (a Range
 * takes the same offsets): block.text.slice(link.start, link.end) is the
 * link's text, exactly.
 */
export interface Link {
  start: number;
  end: number;
  /** An absolute http(s) URL; javascript:, data:, mailto:, in-page and unresolvable links are never given. */
  href: string;
}

/** A block that extraction dropped, with the reason. */
export interface Removed {
  text: string;
  reason: string;
}

/** Options of one clean call. All are optional. */
export interface Options {
  /** The page's address: helps with relative links and dates in the path. */
  url?: string;
  /**
   * A charset hint, such as an HTTP Content-Type's charset. A string input
   * defaults to "utf-8"; bytes default to the page's own declaration,
   * then sniffing.
   */
  charset?: string;
  /** The reference time for relative dates («منذ 3 ساعات»): a Date or RFC 3339. */
  now?: Date | string;
  /** Ask for article.html. */
  html?: boolean;
  /** Ask for article.markdown. */
  markdown?: boolean;
  /** Ask for article.removed. */
  explain?: boolean;
  /** This call's time budget in milliseconds; 0 for none. Defaults to the cleaner's timeoutMs. */
  timeoutMs?: number;
}

/** Settings of a Cleaner; the defaults are the Go host's. */
export interface Settings {
  /** Inputs longer than this fail with code "too_large". Default 8 MiB. */
  maxInputBytes?: number;
  /** The guest's collector keeps its heap under 3/4 of this. Default 256 MiB. */
  memoryLimitBytes?: number;
  /** An instance whose memory passes this is replaced after its call. Default 48 MiB. */
  recycleBytes?: number;
  /** Collect garbage every this many calls (and after inputs over 256 KiB); 0 never. Default 16. */
  gcEvery?: number;
  /** The default time budget of a call, in milliseconds; 0 for none. Default 30000. */
  timeoutMs?: number;
}

/** The error codes, the same strings as the Go host's host.Code. */
export type ErrorCode =
  | "too_large"
  | "empty"
  | "not_text"
  | "timeout"
  | "memory_limit"
  | "bad_options"
  | "trap"
  | "closed"
  | "bad_binary";

export declare const Code: Readonly<{
  TOO_LARGE: "too_large";
  EMPTY: "empty";
  NOT_TEXT: "not_text";
  TIMEOUT: "timeout";
  MEMORY_LIMIT: "memory_limit";
  BAD_OPTIONS: "bad_options";
  TRAP: "trap";
  CLOSED: "closed";
  BAD_BINARY: "bad_binary";
}>;

/** Every failure of load and clean. */
export declare class NazifError extends Error {
  readonly name: "NazifError";
  readonly code: ErrorCode;
}

/** The nazif.wasm ABI version this loader speaks. */
export declare const ABI_VERSION: 1;

/** The default Settings. */
export declare const defaults: Readonly<Required<Settings>>;

/** The nazif.wasm that ships with the package. */
export declare const wasmURL: URL;

/**
 * Cleans pages in instances of one compiled nazif.wasm. Calls are
 * synchronous and run on the calling thread; use one Cleaner per worker.
 */
export declare class Cleaner {
  /** The ABI version the module speaks. */
  readonly abiVersion: number;
  /** The linear memory of the live instance in bytes, or 0 when none is live. */
  readonly memoryBytes: number;
  /** Cleans one page. A string is taken as UTF-8 text; bytes may be in any charset. */
  clean(input: string | Uint8Array | ArrayBuffer, options?: Options): Article;
  /** clean returning the Article's JSON, byte for byte the Go host's. */
  cleanJSON(input: string | Uint8Array | ArrayBuffer, options?: Options): string;
  /** Drops the instance; later calls fail with code "closed". */
  close(): void;
}

/**
 * Compiles nazif.wasm (asynchronously) and starts a Cleaner. source
 * defaults to the package's nazif.wasm; it may be bytes, a Response, a
 * WebAssembly.Module, a URL or (in Node) a file path.
 */
export declare function load(
  source?: BufferSource | Response | WebAssembly.Module | URL | string,
  settings?: Settings,
): Promise<Cleaner>;
