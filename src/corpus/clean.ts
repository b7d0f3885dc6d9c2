/**
 * Raw page text → clean Article. Takes the decoded text of one file and returns its title,
 * publish date, story paragraphs (captions kept and marked) and sentences; page clutter
 * (navigation, related/top-news lists, share and copyright lines, bylines, print credits) is dropped.
 */
import type { Article, Lang, Paragraph, Sentence } from "../types.ts";
import { detectLang, hanCount } from "./lang.ts";
import { findPublishDate } from "./meta.ts";
import { splitSentences } from "./sentences.ts";
import { creditsIn } from "./credits.ts";

/** Headers that open a block of unrelated headlines; the block runs until real prose resumes. */
const LIST_HEADER =
  /^(related (stories|news|articles|links|reading|coverage)|today'?s top news|top news|top stories|editor'?s picks?|hot topics|most (popular|viewed|read)|latest news|more news|more stories|recommended( for you)?|you may also like|read more|trending|also read|see also|photo gallery|相关(新闻|阅读|报道|文章)|推荐阅读|延伸阅读|热点新闻|热门新闻|多媒体|更多(新闻)?|相關(新聞|閱讀|報導))\s*[:：]?$/i;

/** Single lines of page furniture. */
const FURNITURE: RegExp[] = [
  /^[\s|｜·•\-–—_=*>#]+$/, // rules and pipes
  /^(home|首页|首頁)\s*[>›»|]/i, // breadcrumbs
  /^[^.!?。！？]{0,80}\s[>›»]\s[^.!?。！？]{0,80}$/, // "News > China"
  /^(contribute|copyright|all rights reserved|suggest to a friend|share( this)?|print|e-?mail|comments?\s*\(\d+\)|print\s+mail|large\s+medium\s+small|back to top|subscribe|sign up|log ?in|advertisement|tags?:)/i,
  /\b(instagram|twitter|facebook|telegram|whatsapp|youtube)\b.*\b(page|channel|follow|subscribe)/i,
  /\bfollow\b.*\b(instagram|twitter|facebook|telegram)\b/i,
  /^contact the (writer|author|reporter)s?\b/i,
  /^\((xinhua|reuters|ap|afp|china daily|chinadaily|tass|kazinform|sputnik)\)$/i,
  /^(by|reporter|editor|writer|source)\s*[:：]?\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}(\s*\(.*\))?$/,
  /^by [A-Z][\w.'-]+( [A-Z][\w.'-]+)+ (in|and) .*\)$/i, // "By Wu Jiao in Astana … (China Daily)"
  /^\(.*\bpage\s*\d+\)$/i, // print-edition credit
  /^(责任编辑|責任編輯|编辑|編輯|资料来源|資料來源|来源|來源|稿源|作者|记者|記者)\s*[:：]/,
  /^(sputnik|xinhua|reuters|tass|kazinform)$/i,
];

export function isFurniture(line: string): boolean {
  return FURNITURE.some((r) => r.test(line));
}

/** Photo captions: keep the text, drop the credit, mark as caption. */
const CAPTION_CREDIT =
  /\s*(\[\s*(photo|图|圖|新华社|新華社|摄影|視覺中國)[^\]]*\]|\((xinhua|photo|afp|reuters|ap)\s*[/:][^)]*\)|\[photo\s*[:/][^\]]*\]|（[^）]*摄）|\[[^\]]*摄\])\s*\|?\s*$/i;
const CAPTION_POSITION = /\((l|r|c|front|back|left|right|center|centre|1st|2nd|3rd|front-[lr]|[lr]\d?)\)|\((左|右|中)\)/i;

export function captionOf(line: string): string | null {
  if (CAPTION_CREDIT.test(line)) return line.replace(CAPTION_CREDIT, "").replace(/\s*\|\s*$/, "").trim();
  return null;
}

function endsSentence(line: string): boolean {
  return /[.!?。！？…"”’」』)）:：;；]$/.test(line.trim());
}

function isProse(line: string): boolean {
  const han = hanCount(line);
  const words = line.split(/\s+/).length;
  return (han >= 40 || words >= 18) && /[.。!?！？,，]/.test(line);
}

function isHeadingLike(line: string): boolean {
  const han = hanCount(line);
  const words = line.split(/\s+/).filter(Boolean).length;
  return !endsSentence(line) && (han > 0 ? han <= 40 : words <= 16);
}

/**
 * Join hard-wrapped lines back into paragraphs. A text is "wrapped" when many of its
 * lines are long and stop without sentence punctuation; then every line that does not
 * end a sentence continues on the next. Otherwise only a line followed by a lower-case
 * continuation is joined.
 */
export function unwrap(lines: string[]): string[] {
  // Hard-wrapped prose: several long lines that stop mid-sentence at nearly the same width.
  const widths = lines
    .filter((l, i) => l.length >= 50 && !endsSentence(l) && hanCount(l) === 0 && (lines[i + 1] ?? "") !== "")
    .map((l) => l.length);
  const mean = widths.reduce((a, b) => a + b, 0) / Math.max(1, widths.length);
  const spread = Math.sqrt(widths.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, widths.length));
  const wrapped = widths.length >= 4 && spread <= 8;
  const out: string[] = [];
  for (const line of lines) {
    const prev = out.length ? out[out.length - 1]! : "";
    const joinable =
      prev !== "" &&
      line !== "" &&
      !endsSentence(prev) &&
      hanCount(prev) === 0 &&
      hanCount(line) === 0 &&
      !captionOf(prev) &&
      (wrapped ? prev.length >= 10 || /^[a-z(]/.test(line) : /^[a-z]/.test(line) && prev.length >= 40);
    if (joinable) out[out.length - 1] = `${prev} ${line}`;
    else out.push(line);
  }
  return out;
}

/** Normalise whitespace and odd characters of web text. */
export function normalize(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2007\u202f\u3000]/g, " ")
    .replace(/[\u200b-\u200d\ufeff]/g, "")
    .replace(/[ \t]+/g, " ");
}

/** Clean one decoded file into an Article. */
export function cleanArticle(file: string, raw: string, hash: string): Article {
  const rawLines = normalize(raw).split("\n").map((l) => l.trim());
  const meta = findPublishDate(rawLines);
  const lines = unwrap(meta.lines);

  // Title: an explicit one from the dateline, else the first heading-like line before the prose.
  let title = meta.title ?? "";
  const kept: { text: string; caption: boolean }[] = [];
  let inList = false;
  const seen = new Set<string>();
  let sawProse = false;
  for (const line of lines) {
    if (!line) continue;
    if (LIST_HEADER.test(line)) {
      inList = true;
      continue;
    }
    if (inList) {
      if (isProse(line) && !line.includes("|")) inList = false;
      else continue;
    }
    if (isFurniture(line)) continue;
    if (seen.has(line)) continue; // repeated title / headline
    seen.add(line);
    const cap = captionOf(line);
    if (cap !== null) {
      if (cap) kept.push({ text: cap, caption: true });
      continue;
    }
    if (isHeadingLike(line)) {
      // "Section Sub-section Real Title" followed by "Real Title": keep the shorter.
      if (title && !sawProse && !meta.title && title.endsWith(line) && line.length >= 12) {
        title = line;
        continue;
      }
      if (!title && !sawProse && (hanCount(line) >= 6 || line.split(/\s+/).length >= 3)) {
        title = line;
        continue;
      }
      // Sub-headings and stray labels are not story sentences.
      if (!/[,，]/.test(line) || line.length < 60) {
        if (title && line.endsWith(title)) continue; // "Section > Title" breadcrumb
        continue;
      }
    }
    sawProse = true;
    kept.push({ text: line, caption: CAPTION_POSITION.test(line) && kept.length < 2 });
  }
  // Drop headline echoes: kept lines that merely end with the title.
  const paragraphs: Paragraph[] = kept
    .filter((k) => !(title && k.text !== title && k.text.endsWith(title) && k.text.length < title.length + 60))
    .map((k) => ({ text: k.text, caption: k.caption, lang: detectLang(k.text) }));
  // A headline states the story's main fact ("… Committee meets in Astana"): it is evidence too, read like
  // a caption (part of the lead, not of the running text). Only when the story has a body of its own.
  if (title && paragraphs.length && !paragraphs.some((p) => p.text.includes(title))) paragraphs.unshift({ text: title, caption: false, headline: true, lang: detectLang(title) });

  const sentences: Sentence[] = [];
  paragraphs.forEach((p, pi) => {
    for (const s of splitSentences(p.text)) {
      const index = sentences.length;
      sentences.push({ id: `${file}#${index}`, file, index, paragraph: pi, text: s, lang: detectLang(s), caption: p.caption, ...(p.headline ? { headline: true } : {}) });
    }
  });
  if (!title) title = sentences[0]?.text.slice(0, 90) ?? file;
  const langs = [...new Set(sentences.map((s) => s.lang))];
  // Copies, not slices: a slice of the page would keep the whole page (clutter included) in memory.
  const own = JSON.parse(JSON.stringify([title, ...sentences.map((s) => s.text)])) as string[];
  sentences.forEach((s, i) => (s.text = own[i + 1]!));
  const credits = creditsIn(rawLines);
  return new CleanArticle({ file, title: own[0]!, published: meta.published, sentences, langs, hash, ...(credits.length ? { credits } : {}) }, paragraphs);
}

/** A paragraph's text as its sentences give it back (Chinese sentences run on, English ones take a space). */
export function paragraphText(sentences: Sentence[], paragraph: number, lang: Lang): string {
  return sentences.filter((s) => s.paragraph === paragraph).map((s) => s.text).join(lang === "zh" ? "" : " ");
}

/**
 * Where an article's sentences come from when they are first read: a snapshot keeps them encoded
 * (`raw`, UTF-8 JSON) and decodes an article's on use, so a restart does not build every sentence.
 */
export interface SentenceSource {
  readonly count: number;
  readonly raw: Uint8Array;
  decode(): Sentence[];
}

/** An article's own facts but its file, hash and sentences: what a snapshot keeps encoded until read. */
export interface ArticleMeta {
  title: string;
  published?: Article["published"];
  langs: Lang[];
  /** One character per paragraph (CleanArticle.kindsOf). */
  kinds: string;
  credits?: Article["credits"];
}

/** Where a snapshot article's meta comes from when first read (`raw`: as stored, written again as is). */
export interface MetaSource {
  readonly raw: Uint8Array;
  decode(): ArticleMeta;
}

/**
 * Articles whose sentences were decoded from a source, oldest first: past `maxDecoded` the oldest
 * give theirs back (decoded again when read), so a long-running bot's memory stays bounded.
 */
const decoded = new Set<CleanArticle>();
let maxDecoded = 20_000;

/** How many articles may hold decoded sentences at once (default 20,000); returns the previous limit. */
export function setMaxDecodedArticles(n: number): number {
  const was = maxDecoded;
  maxDecoded = Math.max(1, n);
  return was;
}

/**
 * A cleaned article whose `paragraphs` (their kind and language) get their texts from the sentences
 * when read: nothing after cleaning reads them, and keeping them would double the text in memory.
 * Its sentences are given, or come from a `SentenceSource` on first read (snapshots); so do its title,
 * publish date, languages, paragraph kinds and credits, given or from a `MetaSource` (a snapshot's article).
 * @example new CleanArticle({ ...rest, sentences }, [{ lang: "en", caption: false }]).paragraphs[0].text // "A. B."
 */
export class CleanArticle implements Article {
  file: string;
  hash: string;
  /** Title, publish date, languages, paragraph kinds, credits: given, or decoded from `#metaSource` when first read. */
  #meta: ArticleMeta | undefined;
  #metaSource: MetaSource | undefined;
  private built: Paragraph[] | undefined;
  #sentences: Sentence[] | undefined;
  #source: SentenceSource | undefined;

  /**
   * `paragraphs`: their kinds, or `paragraphKinds` of an article written out (snapshots). A snapshot's
   * article gives its file, hash, sentence source and meta source instead (decoded when first read).
   */
  constructor(a: (Omit<Article, "paragraphs" | "sentences"> & ({ sentences: Sentence[] } | { source: SentenceSource })) | { file: string; hash: string; source: SentenceSource; meta: MetaSource }, paragraphs?: Omit<Paragraph, "text">[] | string) {
    this.file = a.file;
    this.hash = a.hash;
    if ("sentences" in a) this.#sentences = a.sentences;
    else this.#source = a.source;
    if ("meta" in a) this.#metaSource = a.meta;
    else {
      this.#meta = { title: a.title, published: a.published, langs: a.langs, kinds: typeof paragraphs === "string" ? paragraphs : CleanArticle.kindsOf(paragraphs ?? []) };
      if (a.credits?.length) this.#meta.credits = a.credits;
    }
  }

  #fields(): ArticleMeta {
    return (this.#meta ??= this.#metaSource!.decode());
  }

  get title(): string {
    return this.#fields().title;
  }
  set title(v: string) {
    this.#fields().title = v;
  }
  get published(): Article["published"] {
    return this.#fields().published;
  }
  set published(v: Article["published"]) {
    this.#fields().published = v;
  }
  get langs(): Lang[] {
    return this.#fields().langs;
  }
  set langs(v: Lang[]) {
    this.#fields().langs = v;
  }
  get credits(): Article["credits"] {
    return this.#fields().credits;
  }
  set credits(v: Article["credits"]) {
    this.#fields().credits = v?.length ? v : undefined;
  }

  /** The meta still encoded as a snapshot stored it (to be written again as it is), if so. */
  get encodedMeta(): Uint8Array | undefined {
    return this.#meta ? undefined : this.#metaSource?.raw;
  }

  get sentences(): Sentence[] {
    if (this.#sentences) return this.#sentences;
    const src = this.#source!;
    this.#sentences = src.decode();
    decoded.add(this);
    if (decoded.size > maxDecoded) {
      const oldest = decoded.values().next().value!;
      decoded.delete(oldest);
      oldest.#sentences = undefined;
    }
    return this.#sentences;
  }

  set sentences(v: Sentence[]) {
    this.#sentences = v;
    this.#source = undefined;
    decoded.delete(this);
  }

  /** How many sentences, without decoding them. */
  get sentenceCount(): number {
    return this.#source ? this.#source.count : this.#sentences!.length;
  }

  /** The sentences still encoded as a snapshot stored them (to be written again as they are), if so. */
  get encodedSentences(): Uint8Array | undefined {
    return this.#source?.raw;
  }

  static kindsOf(paragraphs: Omit<Paragraph, "text">[]): string {
    return String.fromCharCode(...paragraphs.map((p) => 48 + (p.lang === "zh" ? 1 : 0) + (p.caption ? 2 : 0) + (p.headline ? 4 : 0)));
  }

  /** The paragraphs' kinds in a short string (what a snapshot keeps of them). */
  get paragraphKinds(): string {
    return this.built ? CleanArticle.kindsOf(this.built) : this.#fields().kinds;
  }

  /** Built on each read, not kept (a snapshot write reads every article's). */
  get paragraphs(): Paragraph[] {
    return (
      this.built ??
      [...this.#fields().kinds].map((c, i) => {
        const k = c.charCodeAt(0) - 48;
        const lang: Lang = k & 1 ? "zh" : "en";
        return { text: paragraphText(this.sentences, i, lang), lang, caption: (k & 2) !== 0, ...(k & 4 ? { headline: true } : {}) };
      })
    );
  }

  set paragraphs(v: Paragraph[]) {
    this.built = v;
  }

  /** The article as plain data (what a freshly cleaned one holds). */
  toJSON(): Article {
    return { file: this.file, title: this.title, published: this.published, paragraphs: this.paragraphs, sentences: this.sentences, langs: this.langs, hash: this.hash, ...(this.credits ? { credits: this.credits } : {}) };
  }
}

/**
 * A sentence id's article file and position ("a.txt#3" → ["a.txt", 3]); undefined when it is not one.
 * @example splitSentenceId("part-1/x.txt#12") // ["part-1/x.txt", 12]
 */
export function splitSentenceId(id: string): [string, number] | undefined {
  const i = id.lastIndexOf("#");
  if (i < 0) return undefined;
  // Digits only, no leading zero (read on every sentence lookup: no regular expression).
  const len = id.length;
  if (i + 1 >= len || (id.charCodeAt(i + 1) === 48 && i + 2 < len)) return undefined;
  let n = 0;
  for (let j = i + 1; j < len; j++) {
    const c = id.charCodeAt(j) - 48;
    if (c < 0 || c > 9) return undefined;
    n = n * 10 + c;
  }
  return [id.slice(0, i), n];
}

/** How many sentences an article has (without decoding a snapshot's). */
export function sentenceCount(a: Article): number {
  return a instanceof CleanArticle ? a.sentenceCount : a.sentences.length;
}
