/**
 * Corpus snapshots: the extracted corpus (articles, events, people, mentions, sentence → event,
 * skipped files) and the index's saved state in one versioned file, so a restart does not clean,
 * extract and index every article again. `writeSnapshot` takes a Corpus and its CorpusIndex and
 * writes the file atomically (temporary file, then rename); `readSnapshot` takes the snapshot path
 * and the data folder and returns the corpus and saved index, or why the snapshot cannot be used:
 * missing, from another format or pipeline version, stale (a file was added, removed or changed —
 * same size and times, or else the same content hash), or corrupt (checksum, truncation, bad JSON).
 *
 * Layout: payload sections (JSON in chunks, typed arrays 8-byte aligned), then the header as JSON,
 * then a 16-byte footer (header offset, header length, magic). The header alone says whether the
 * snapshot fits the folder, so a stale snapshot is rejected without reading the rest.
 */
import { createHash } from "node:crypto";
import { statSync, type Stats } from "node:fs";
import { mkdir, open, readFile, rename, unlink, type FileHandle } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readdir } from "node:fs/promises";
import type { Corpus, FileStamp } from "../corpus/corpus.ts";
import { listCorpusFiles, hashBytes } from "../corpus/load.ts";
import { CleanArticle, sentenceCount, splitSentenceId, type SentenceSource } from "../corpus/clean.ts";
import { NONE } from "../extract/events.ts";
import type { Article, Credit, DateValue, Event, Figure, Lang, Participant, Person, Role, Sentence } from "../types.ts";
import type { SavedIndex } from "./index.ts";
import { SentenceMap } from "../corpus/sentence-map.ts";

/** Bump when the layout or the meaning of a field changes. */
export const SNAPSHOT_FORMAT = 4;
const MAGIC = "KZSNAP01";
const CHUNK = 2000;

interface Section {
  name: string;
  type: "json" | "i32" | "u16";
  offset: number;
  /** Byte lengths of the JSON chunks (json), or of the array (typed). */
  lengths: number[];
}

interface Header {
  format: number;
  fingerprint: string;
  createdAt: string;
  dataDir: string;
  /** [file, size, mtimeMs, ctimeMs, content hash (articles) or null (skipped files)] in file order. */
  files: [string, number, number, number, string | null][];
  counts: { articles: number; events: number; persons: number; sentences: number };
  avgFieldLength: number;
  sections: Section[];
  payloadBytes: number;
  sha256: string;
}

export type SnapshotRead =
  | { ok: true; corpus: Corpus; saved: SavedIndex; touched: string[]; ms: { check: number; read: number; decode: number } }
  | { ok: false; kind: "missing" | "format" | "stale" | "corrupt"; reason: string };

// ───────────────────────────── pipeline fingerprint ─────────────────────────────

let fingerprintCache: Promise<string> | undefined;

/**
 * What the extracted corpus depends on besides the files: the source of the corpus, extract and index
 * stages and the versions of the libraries they use. A snapshot from other code is rebuilt.
 */
export function pipelineFingerprint(): Promise<string> {
  fingerprintCache ??= (async () => {
    const src = resolve(dirname(fileURLToPath(import.meta.url)), "..");
    const h = createHash("sha256").update(`format ${SNAPSHOT_FORMAT}\n`);
    for (const sub of ["corpus", "extract", "index"]) {
      let names: string[] = [];
      try {
        names = (await readdir(join(src, sub))).filter((n) => n.endsWith(".ts")).sort();
      } catch {
        /* not available: format version only */
      }
      for (const n of names) h.update(`${sub}/${n}\n`).update(await readFile(join(src, sub, n)));
    }
    try {
      h.update(await readFile(join(src, "types.ts")));
    } catch {
      /* ignore */
    }
    for (const pkg of ["opencc-js", "pinyin-pro", "stemmer", "html-to-text", "chrono-node"]) {
      try {
        const json = JSON.parse(await readFile(join(src, "..", "node_modules", pkg, "package.json"), "utf8")) as { version?: string };
        h.update(`${pkg}@${json.version}\n`);
      } catch {
        h.update(`${pkg}@?\n`);
      }
    }
    return h.digest("hex").slice(0, 16);
  })();
  return fingerprintCache;
}

/** The snapshot file for a data folder inside `dir` (one per folder, named after it). */
export function snapshotPathFor(dir: string, dataDir: string): string {
  const abs = resolve(dataDir);
  const name = basename(abs).replace(/[^\w.-]+/g, "_") || "data";
  return join(dir, `${name}-${createHash("sha256").update(abs).digest("hex").slice(0, 12)}.snap`);
}

// ───────────────────────────── encoding ─────────────────────────────

const LANGS: Lang[] = ["en", "zh"];
const langCode = (l: Lang) => (l === "zh" ? 1 : 0);
const nul = <T>(v: T | undefined) => (v === undefined ? null : v);
const und = <T>(v: T | null) => (v === null ? undefined : v);

type EncSentence = [number, number, number, number, string];
type EncParticipant = [string, string, string | null, string | null, Role];
type EncFigure = [string, number, string | null, string, number | string];
type EncEvent = [Event["kind"], number | string, DateValue, string | null, EncParticipant[], string | null, number | null, string[], string[], EncFigure[], (number | string)[]];
/** An article's record; its sentences (EncSentence[] as JSON) are a byte range of their own section, decoded on use. */
type EncArticle = [string, string, DateValue | null, Lang[], string, string, number, EncEvent[], ((number | string)[] | 0)[], number[], Credit[]?];
type EncPerson = [string, string, string[], string[], string | null, (number | string)[]];

/** Sentence id → its index when it is a sentence of `file`, else the id itself. */
function sentenceRef(file: string, id: string): number | string {
  const prefix = `${file}#`;
  if (id.startsWith(prefix)) {
    const n = id.slice(prefix.length);
    if (/^\d+$/.test(n)) return Number(n);
  }
  return id;
}

/** What an event says it is, from its main sentence: the sentence itself, cut at 200 characters. */
const clipWhat = (t: string) => (t.length > 200 ? t.slice(0, 197) + "…" : t);

/** An article's sentences as the snapshot stores them (UTF-8 JSON of EncSentence[]). */
function encodeSentences(a: Article): Uint8Array {
  const raw = a instanceof CleanArticle ? a.encodedSentences : undefined;
  if (raw) return raw;
  const sentences: EncSentence[] = a.sentences.map((s) => [s.paragraph, langCode(s.lang), s.caption ? 1 : 0, s.headline ? 1 : 0, s.text]);
  return Buffer.from(JSON.stringify(sentences), "utf8");
}

function encodeArticle(a: Article, corpus: Corpus, events: Event[], personIndex: Map<string, number>): EncArticle {
  const paragraphs = a instanceof CleanArticle ? a.paragraphKinds : CleanArticle.kindsOf(a.paragraphs);
  const count = sentenceCount(a);
  const ids = Array.from({ length: count }, (_, i) => `${a.file}#${i}`);
  let byId: Map<string, string> | undefined;
  const encEvents: EncEvent[] = events.map((e) => {
    let what = e instanceof StoredEvent ? e.whatRef : -1;
    if (what < 0) {
      byId ??= new Map(a.sentences.map((s) => [s.id, s.text] as const));
      what = e.evidence.findIndex((id) => {
        const t = byId!.get(id);
        return t !== undefined && clipWhat(t) === e.what;
      });
    }
    return [
      e.kind,
      what >= 0 ? what : e.what,
      e.date,
      nul(e.place),
      e.participants.map((p) => [p.id, p.name, nul(p.title), nul(p.country), p.role]),
      nul(e.series),
      nul(e.ordinal),
      e.documents,
      e.topics,
      e.figures.map((f) => [f.value, f.number, nul(f.unit), f.measures, sentenceRef(a.file, f.sentence)]),
      e.evidence.map((id) => sentenceRef(a.file, id)),
    ];
  });
  const mentions = ids.map((sid) => {
    const m = corpus.mentions.get(sid) ?? [];
    return m.length ? m.map((id) => personIndex.get(id) ?? id) : (0 as const);
  });
  const local = new Map(events.map((e, i) => [e.id, i] as const));
  const sentenceEvent = ids.map((sid) => {
    const id = corpus.sentenceEvent.get(sid);
    return id === undefined ? -1 : (local.get(id) ?? -1);
  });
  return [a.file, a.title, nul(a.published), a.langs, a.hash, paragraphs, count, encEvents, mentions, sentenceEvent, ...(a.credits?.length ? [a.credits] : [])] as EncArticle;
}

/** A snapshot article's sentences, decoded when first read. */
class StoredSentences implements SentenceSource {
  constructor(
    private readonly file: string,
    readonly count: number,
    readonly raw: Uint8Array,
  ) {}
  decode(): Sentence[] {
    const enc = JSON.parse(utf8.decode(this.raw)) as EncSentence[];
    if (enc.length !== this.count) throw new Error(`snapshot: ${this.file} has ${enc.length} sentences, expected ${this.count}`);
    const file = this.file;
    return enc.map(([paragraph, lang, caption, headline, text], index) => ({
      id: `${file}#${index}`,
      file,
      index,
      paragraph,
      text,
      lang: LANGS[lang]!,
      caption: caption === 1,
      ...(headline ? { headline: true } : {}),
    }));
  }
}

const utf8 = new TextDecoder();

// ───────────────────────────── writing ─────────────────────────────

/** Write the snapshot of `corpus` + its index state to `path` (atomically). Returns the size in bytes. */
export async function writeSnapshot(path: string, corpus: Corpus, saved: SavedIndex, opts: { dataDir: string; fingerprint?: string }): Promise<number> {
  const fingerprint = opts.fingerprint ?? (await pipelineFingerprint());
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
  const fh = await open(tmp, "w");
  const sha = createHash("sha256");
  let offset = 0;
  const sections: Section[] = [];
  const write = async (buf: Uint8Array) => {
    sha.update(buf);
    await fh.write(buf, 0, buf.length, null);
    offset += buf.length;
  };
  const align = async () => {
    if (offset % 8) await write(new Uint8Array(8 - (offset % 8)));
  };
  const jsonSection = async (name: string, items: unknown[], encode: (x: unknown) => unknown = (x) => x, size = CHUNK) => {
    const s: Section = { name, type: "json", offset, lengths: [] };
    for (let i = 0; i < items.length; i += size) {
      const buf = Buffer.from(JSON.stringify(items.slice(i, i + size).map(encode)), "utf8");
      s.lengths.push(buf.length);
      await write(buf);
      // Let the event loop breathe between chunks (a bot keeps answering while the snapshot is written).
      await new Promise((r) => setImmediate(r));
    }
    sections.push(s);
  };
  const typedSection = async (name: string, type: "i32" | "u16", a: Int32Array | Uint16Array) => {
    await align();
    const buf = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    sections.push({ name, type, offset, lengths: [buf.length] });
    await write(buf);
  };
  try {
    const personIndex = new Map(corpus.persons.map((p, i) => [p.id, i] as const));
    const articleIndex = new Map(corpus.articles.map((a, i) => [a.file, i] as const));
    const eventsOf = new Map<string, Event[]>();
    for (const e of corpus.events) {
      const l = eventsOf.get(e.file);
      if (l) l.push(e);
      else eventsOf.set(e.file, [e]);
    }
    await jsonSection("persons", corpus.persons, (x) => {
      const p = x as Person;
      return [p.id, p.name, p.aliases, p.titles, nul(p.country), p.files.map((f) => articleIndex.get(f) ?? f)] satisfies EncPerson;
    });
    // Sentences before the articles: a reader keeps their bytes and gives each article its range.
    const blobs: Section = { name: "sentences", type: "json", offset, lengths: [] };
    for (let i = 0; i < corpus.articles.length; i += 500) {
      const parts = corpus.articles.slice(i, i + 500).map(encodeSentences);
      for (const p of parts) blobs.lengths.push(p.length);
      await write(Buffer.concat(parts));
      await new Promise((r) => setImmediate(r));
    }
    sections.push(blobs);
    await jsonSection("articles", corpus.articles, (x) => encodeArticle(x as Article, corpus, eventsOf.get((x as Article).file) ?? [], personIndex), 500);
    await jsonSection("problems", [corpus.problems]);
    await jsonSection("terms", saved.search.terms, undefined, 50_000);
    await jsonSection("places", [saved.places]);
    await jsonSection("acronyms", [saved.acronyms]);
    await typedSection("offsets", "i32", saved.search.offsets);
    await typedSection("docs", "i32", saved.search.docs);
    await typedSection("tfs", "u16", saved.search.tfs);
    await typedSection("fieldLengths", "u16", saved.search.fieldLengths);
    const hashes = new Map(corpus.articles.map((a) => [a.file, a.hash] as const));
    const files: Header["files"] = [...corpus.stamps]
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([f, s]) => [f, s.size, s.mtimeMs, s.ctimeMs, hashes.get(f) ?? null]);
    const header: Header = {
      format: SNAPSHOT_FORMAT,
      fingerprint,
      createdAt: new Date().toISOString(),
      dataDir: resolve(opts.dataDir),
      files,
      counts: { articles: corpus.articles.length, events: corpus.events.length, persons: corpus.persons.length, sentences: saved.search.fieldLengths.length },
      avgFieldLength: saved.search.avgFieldLength,
      sections,
      payloadBytes: offset,
      sha256: sha.digest("hex"),
    };
    const headerBuf = Buffer.from(JSON.stringify(header), "utf8");
    const footer = Buffer.alloc(16);
    footer.writeUInt32LE(offset % 2 ** 32, 0);
    footer.writeUInt32LE(Math.floor(offset / 2 ** 32), 4);
    footer.writeUInt32LE(headerBuf.length, 8);
    await fh.write(headerBuf, 0, headerBuf.length, null);
    await fh.write(Buffer.concat([footer.subarray(0, 12), Buffer.from(MAGIC.slice(4), "latin1")]), 0, 16, null);
    await fh.close();
    await rename(tmp, path);
    return offset + headerBuf.length + 16;
  } catch (err) {
    await fh.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

// ───────────────────────────── reading ─────────────────────────────

async function readHeader(path: string): Promise<Header | { error: SnapshotRead & { ok: false } }> {
  let fh;
  try {
    fh = await open(path, "r");
  } catch {
    return { error: { ok: false, kind: "missing", reason: "no snapshot yet" } };
  }
  try {
    const size = (await fh.stat()).size;
    if (size < 16) return { error: { ok: false, kind: "corrupt", reason: "file too short" } };
    const footer = Buffer.alloc(16);
    await fh.read(footer, 0, 16, size - 16);
    if (footer.subarray(12).toString("latin1") !== MAGIC.slice(4)) return { error: { ok: false, kind: "corrupt", reason: "not a snapshot (no end marker): truncated or another file" } };
    const headerAt = footer.readUInt32LE(0) + footer.readUInt32LE(4) * 2 ** 32;
    const headerLen = footer.readUInt32LE(8);
    if (headerAt + headerLen + 16 !== size) return { error: { ok: false, kind: "corrupt", reason: "sizes in the footer do not match the file" } };
    const buf = Buffer.alloc(headerLen);
    await fh.read(buf, 0, headerLen, headerAt);
    let header: Header;
    try {
      header = JSON.parse(buf.toString("utf8")) as Header;
    } catch {
      return { error: { ok: false, kind: "corrupt", reason: "header is not valid JSON" } };
    }
    if (header.format !== SNAPSHOT_FORMAT) return { error: { ok: false, kind: "format", reason: `snapshot format ${header.format}, this version reads ${SNAPSHOT_FORMAT}` } };
    if (header.payloadBytes !== headerAt) return { error: { ok: false, kind: "corrupt", reason: "payload size does not match" } };
    return header;
  } finally {
    await fh.close();
  }
}

function statOrNot(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Does the folder still hold exactly the files the snapshot was made from? Same list of files, each
 * with the same size, and the same modification and change times — or, when only the times differ,
 * the same content hash. Returns the files whose times changed but content did not.
 */
async function checkFiles(header: Header, dataDir: string): Promise<{ stale?: string; touched: string[]; stamps: Map<string, FileStamp> }> {
  const files = await listCorpusFiles(dataDir);
  const touched: string[] = [];
  const stamps = new Map<string, FileStamp>();
  const known = new Map(header.files.map((f) => [f[0], f] as const));
  const added = files.filter((f) => !known.has(f));
  const present = new Set(files);
  const removed = header.files.filter((f) => !present.has(f[0]));
  if (added.length || removed.length) {
    const what = [added.length ? `${added.length} added (${added.slice(0, 3).join(", ")}${added.length > 3 ? ", …" : ""})` : "", removed.length ? `${removed.length} removed (${removed.slice(0, 3).map((f) => f[0]).join(", ")}${removed.length > 3 ? ", …" : ""})` : ""].filter(Boolean).join(", ");
    return { stale: `files ${what} since the snapshot`, touched, stamps };
  }
  // Synchronous stats: this runs before the bot answers anything, and is 2–3 times faster than async ones.
  for (const f of files) {
    const st = statOrNot(join(dataDir, f)), h = known.get(f)!;
    if (!st) return { stale: `${f} cannot be read`, touched, stamps };
    stamps.set(f, { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs });
    if (st.size !== h[1]) return { stale: `${f} changed (size ${h[1]} → ${st.size})`, touched, stamps };
    if (st.mtimeMs === h[2] && st.ctimeMs === h[3]) continue;
    // Times differ: the content decides (a copy or a touch keeps the snapshot valid).
    if (h[4] === null) return { stale: `${f} (skipped before) was modified`, touched, stamps };
    let hash: string;
    try {
      hash = hashBytes(await readFile(join(dataDir, f)));
    } catch {
      return { stale: `${f} cannot be read`, touched, stamps };
    }
    if (hash !== h[4]) return { stale: `${f} changed (content)`, touched, stamps };
    touched.push(f);
  }
  return { touched, stamps };
}

/** Read the snapshot at `path` for `dataDir`; never throws (a bad snapshot is a reason, not an error). */
export async function readSnapshot(path: string, dataDir: string, opts: { fingerprint?: string } = {}): Promise<SnapshotRead> {
  const t0 = performance.now();
  const h = await readHeader(path);
  if ("error" in h) return h.error;
  const fingerprint = opts.fingerprint ?? (await pipelineFingerprint());
  if (h.fingerprint !== fingerprint) return { ok: false, kind: "format", reason: "made by another version of the extraction pipeline" };
  const check = await checkFiles(h, dataDir);
  if (check.stale) return { ok: false, kind: "stale", reason: check.stale };
  const t1 = performance.now();
  // Sections are read and checksummed in file order, one chunk at a time (the whole payload is never in
  // memory at once); a checksum mismatch at the end discards what was decoded.
  let fh;
  try {
    fh = await open(path, "r");
  } catch (err) {
    return { ok: false, kind: "corrupt", reason: `cannot read: ${err instanceof Error ? err.message : String(err)}` };
  }
  try {
    const reader = new SectionReader(fh, h.payloadBytes);
    const { corpus, saved } = await decode(h, reader, check.stamps);
    if ((await reader.finish()) !== h.sha256) return { ok: false, kind: "corrupt", reason: "checksum mismatch" };
    return { ok: true, corpus, saved, touched: check.touched, ms: { check: t1 - t0, read: reader.readMs, decode: performance.now() - t1 - reader.readMs } };
  } catch (err) {
    return { ok: false, kind: "corrupt", reason: `cannot decode: ${err instanceof Error ? err.message : String(err)}` };
  } finally {
    await fh.close();
  }
}

/** Reads byte ranges of the payload in increasing order, hashing every byte (padding included). */
class SectionReader {
  private pos = 0;
  private readonly sha = createHash("sha256");
  readMs = 0;
  constructor(
    private readonly fh: FileHandle,
    private readonly end: number,
  ) {}

  private async raw(at: number, len: number): Promise<Uint8Array> {
    const t = performance.now();
    // A buffer of its own: typed arrays can be laid over it, aligned.
    const out = new Uint8Array(new ArrayBuffer(len));
    let done = 0;
    while (done < len) {
      const { bytesRead } = await this.fh.read(out, done, len - done, at + done);
      if (!bytesRead) throw new Error("unexpected end of file");
      done += bytesRead;
    }
    this.sha.update(out);
    this.readMs += performance.now() - t;
    return out;
  }

  async read(at: number, len: number): Promise<Uint8Array> {
    if (at < this.pos || at + len > this.end) throw new Error("section outside the payload or out of order");
    if (at > this.pos) await this.raw(this.pos, at - this.pos);
    this.pos = at + len;
    return this.raw(at, len);
  }

  /** The payload's SHA-256 (reading whatever was not read yet). */
  async finish(): Promise<string> {
    if (this.pos < this.end) await this.raw(this.pos, this.end - this.pos);
    this.pos = this.end;
    return this.sha.digest("hex");
  }
}

/**
 * An event read from a snapshot: plain data, except that `what`, when it is the event's main sentence,
 * is read from the article's sentences when asked (so loading decodes no sentence). `what` is an own,
 * enumerable property (compared and serialised like a plain event's) whose accessors all events share.
 */
interface StoredEvent extends Omit<Event, "what"> {}
class StoredEvent implements Event {
  declare what: string;
  #what: string | undefined;
  #article: Article | undefined;
  #ref = -1;

  constructor(e: Omit<Event, "what">, what: string | { article: Article; ref: number }) {
    Object.assign(this, e);
    if (typeof what === "string") this.#what = what;
    else {
      this.#article = what.article;
      this.#ref = what.ref;
    }
    Object.defineProperty(this, "what", StoredEvent.#whatProperty);
  }

  static readonly #whatProperty: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: StoredEvent): string {
      if (this.#what !== undefined) return this.#what;
      const id = this.evidence[this.#ref]!;
      const at = splitSentenceId(id);
      const s = at && at[0] === this.file ? this.#article!.sentences[at[1]] : this.#article!.sentences.find((x) => x.id === id);
      return clipWhat(s?.text ?? "");
    },
    set(this: StoredEvent, v: string) {
      this.#what = v;
      this.#ref = -1;
    },
  };

  /** Which evidence sentence `what` is (-1: a text of its own), for writing the snapshot again. */
  get whatRef(): number {
    return this.#what === undefined ? this.#ref : -1;
  }

  toJSON(): Event {
    const { id, file, kind, what, date, place, participants, series, ordinal, documents, topics, figures, evidence } = this;
    return { id, file, kind, what, date, place, participants, series, ordinal, documents, topics, figures, evidence };
  }
}

/** One copy of each short string read (names, titles, countries, date phrases repeat across events). */
function interner(): <T extends string | undefined | null>(s: T) => T {
  const seen = new Map<string, string>();
  return <T extends string | undefined | null>(s: T): T => {
    if (typeof s !== "string" || s.length > 120) return s;
    const had = seen.get(s);
    if (had !== undefined) return had as T;
    seen.set(s, s);
    return s;
  };
}

async function decode(h: Header, reader: SectionReader, stamps: Map<string, FileStamp>): Promise<{ corpus: Corpus; saved: SavedIndex }> {
  const section = (name: string) => {
    const s = h.sections.find((x) => x.name === name);
    if (!s) throw new Error(`section ${name} missing`);
    return s;
  };
  async function* chunks(name: string): AsyncGenerator<unknown[]> {
    const s = section(name);
    let at = s.offset;
    for (const len of s.lengths) {
      yield JSON.parse(utf8.decode(await reader.read(at, len))) as unknown[];
      at += len;
    }
  }
  const typed = async <T extends Int32Array | Uint16Array>(name: string, Ctor: new (b: ArrayBuffer) => T): Promise<T> => {
    const s = section(name);
    return new Ctor((await reader.read(s.offset, s.lengths[0]!)).buffer as ArrayBuffer);
  };

  const encPersons: EncPerson[] = [];
  for await (const c of chunks("persons")) encPersons.push(...(c as EncPerson[]));
  const articles: Article[] = [];
  const events: Event[] = [];
  const mentions = new SentenceMap<string[]>();
  const sentenceEvent = new SentenceMap<string>();
  const personIds = encPersons.map((p) => p[0]);
  const one = interner();
  const date = (d: DateValue): DateValue => {
    d.text = one(d.text);
    if (d.note !== undefined) d.note = one(d.note);
    return d;
  };
  // The sentences' bytes stay in memory, each article's range decoded when first read.
  const blobs = section("sentences");
  const all = await reader.read(blobs.offset, blobs.lengths.reduce((x, y) => x + y, 0));
  let blobAt = 0, blobIndex = 0;
  for await (const c of chunks("articles"))
    for (const enc of c as EncArticle[]) {
      const [file, title, published, langs, hash, encParagraphs, count, encEvents, encMentions, encSentenceEvent, credits] = enc;
      const len = blobs.lengths[blobIndex++];
      if (len === undefined) throw new Error("more articles than sentence ranges");
      const source = new StoredSentences(file, count, all.subarray(blobAt, blobAt + len));
      blobAt += len;
      const article = new CleanArticle({ file, title, published: published === null ? undefined : date(published), source, langs, hash, ...(credits?.length ? { credits } : {}) }, encParagraphs);
      const sid = (r: number | string) => (typeof r === "number" ? `${file}#${r}` : r);
      const own: Event[] = encEvents.map(([kind, what, d, place, participants, series, ordinal, documents, topics, figures, evidence], i) => {
        const fields: Omit<Event, "what"> = {
          id: `${file}#e${i}`,
          file,
          kind,
          date: date(d),
          place: und(one(place)),
          participants: participants.map(([id, name, ptitle, country, role]): Participant => ({ id: one(id), name: one(name), title: und(one(ptitle)), country: und(one(country)), role })),
          series: und(one(series)),
          ordinal: und(ordinal),
          documents: documents.length ? documents : NONE,
          topics: topics.length ? topics.map(one) : NONE,
          figures: !figures.length ? NONE : figures.map(([value, number, unit, measures, sentence]): Figure => ({ value: one(value), number, unit: und(one(unit)), measures: one(measures), sentence: sid(sentence) })),
          evidence: evidence.map(sid),
        };
        return new StoredEvent(fields, typeof what === "number" ? { article, ref: what } : what);
      });
      // Sentences naming the same people share one (frozen) list.
      const lists = new Map<string, string[]>();
      mentions.setArticle(
        file,
        Array.from({ length: count }, (_, i) => {
          const m = encMentions[i];
          if (!m) return undefined;
          const key = m.join(",");
          let l = lists.get(key);
          if (!l) lists.set(key, (l = Object.freeze(m.map((x) => (typeof x === "number" ? personIds[x]! : x))) as string[]));
          return l;
        }),
      );
      sentenceEvent.setArticle(
        file,
        Array.from({ length: count }, (_, i) => (encSentenceEvent[i]! >= 0 ? own[encSentenceEvent[i]!]!.id : undefined)),
      );
      articles.push(article);
      events.push(...own);
    }
  if (blobIndex !== blobs.lengths.length) throw new Error("fewer articles than sentence ranges");
  const persons: Person[] = encPersons.map(([id, name, aliases, titles, country, files]) => ({ id, name, aliases, titles, country: und(country), files: files.map((f) => (typeof f === "number" ? articles[f]!.file : f)) }));
  let problems: Corpus["problems"] = [];
  for await (const c of chunks("problems")) problems = c[0] as Corpus["problems"];
  const terms: string[] = [];
  for await (const c of chunks("terms")) for (const t of c as string[]) terms.push(t);
  let places: string[] = [];
  for await (const c of chunks("places")) places = c[0] as string[];
  let acronyms: [string, string, string][] = [];
  for await (const c of chunks("acronyms")) acronyms = c[0] as [string, string, string][];
  if (articles.length !== h.counts.articles || events.length !== h.counts.events || persons.length !== h.counts.persons) throw new Error("counts do not match the header");
  const saved: SavedIndex = {
    search: {
      terms,
      offsets: await typed("offsets", Int32Array),
      docs: await typed("docs", Int32Array),
      tfs: await typed("tfs", Uint16Array),
      fieldLengths: await typed("fieldLengths", Uint16Array),
      avgFieldLength: h.avgFieldLength,
    },
    places,
    acronyms,
  };
  return { corpus: { articles, events, persons, problems, mentions, sentenceEvent, stamps }, saved };
}
