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
import { closeSync, openSync, readSync, statSync, type Stats } from "node:fs";
import { crc32 } from "node:zlib";
import { mkdir, open, readFile, rename, unlink } from "node:fs/promises";
import { basename, dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { readdir } from "node:fs/promises";
import type { Corpus, FileStamp } from "../corpus/corpus.ts";
import { listCorpusFilesSync, hashBytes } from "../corpus/load.ts";
import { CleanArticle, sentenceCount } from "../corpus/clean.ts";
import type { Article, Event, Person } from "../types.ts";
import { encodeEvents, encodeMeta, encodeSentences, interner, nul, und, SnapshotDamage, StoredEvent, StoredEventGroup, StoredMeta, StoredSentences, type EventKeyTable, type StoredRanges } from "./stored.ts";
import type { SavedIndex } from "./index.ts";
import type { BasePostings } from "./search.ts";
import { listingOf } from "../extract/listing.ts";
import { ListMap, saveListsSteps, type SavedLists } from "./list-map.ts";
import { pauseOrStop, runPaced } from "../paced.ts";
import { personLookupKeys, rememberPersonKeys } from "../extract/aliases.ts";
import { SentenceMap } from "../corpus/sentence-map.ts";

/** Bump when the layout or the meaning of a field changes. */
export const SNAPSHOT_FORMAT = 11;
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
  /**
   * CRC-32 of the payload (hex) but the articles' own ranges (sentences, events, meta, links) and the
   * search postings, which are checked one by one (sections `sentencesCrc`, `eventsCrc`, `articleMetaCrc`,
   * `articleLinksCrc`; per term `docsCrc`, `tfsCrc`) when first read: a restart reads none of them.
   */
  crc32: string;
}

export type SnapshotRead =
  | { ok: true; corpus: Corpus; saved: SavedIndex; touched: string[]; blobs: BlobFile; ms: { check: number; read: number; decode: number } }
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

/** The index's per-key lists a snapshot keeps (SavedIndex.lists). */
const LISTS = ["sentencesOfPerson", "eventsOfPerson", "eventsOfPlace", "eventsOfYear", "eventsOfSeries"] as const;
const utf8 = new TextDecoder();

/**
 * An article is its file, hash, sentence count and event count (sections of their own, read at a
 * restart), and four byte ranges read when first used: its sentences, its events, its meta (title, publish date,
 * languages, paragraph kinds, credits: stored.ts) and its links — per sentence, the people it mentions
 * (indexes into the persons, or ids) and its event (index among the article's events, or -1).
 */
type EncLinks = [((number | string)[] | 0)[], number[]];
type EncPerson = [string, string, string[], string[], string | null, (number | string)[]];

/** An article's sentences as stored (copied as they are when they were never decoded). */
function sentenceBytes(a: Article): Uint8Array {
  return (a instanceof CleanArticle ? a.encodedSentences : undefined) ?? encodeSentences(a.sentences);
}

/** An article's events as stored (copied as they are when they were never decoded). */
function eventBytes(a: Article, events: Event[]): Uint8Array {
  const first = events[0];
  const group = first instanceof StoredEvent ? first.untouched : undefined;
  if (group && group.count === events.length && events.every((e) => e instanceof StoredEvent && e.untouched === group)) return group.raw;
  let texts: Map<string, string> | undefined;
  return encodeEvents(a.file, events, () => (texts ??= new Map(a.sentences.map((s) => [s.id, s.text] as const))));
}

/** An article's links as stored (a restored article's are read from the snapshot for it, not kept). */
function linkBytes(a: Article, corpus: Corpus, events: Event[], personIndex: Map<string, number>): Uint8Array {
  const count = sentenceCount(a);
  const m = corpus.mentions.peekArticle(a.file) ?? [];
  const e = corpus.sentenceEvent.peekArticle(a.file) ?? [];
  const local = new Map(events.map((x, i) => [x.id, i] as const));
  const enc: EncLinks = [[], []];
  for (let i = 0; i < count; i++) {
    const ids = m[i];
    enc[0].push(ids?.length ? ids.map((id) => personIndex.get(id) ?? id) : 0);
    const id = e[i];
    enc[1].push(id === undefined ? -1 : (local.get(id) ?? -1));
  }
  return Buffer.from(JSON.stringify(enc), "utf8");
}

/** The key table of all events in corpus order (what the index lists them under), and its typed sections. */
function eventKeys(events: Event[], persons: Person[]): { json: { places: string[]; ids: string[] }; typed: [string, "i32" | "u16", Int32Array | Uint16Array][] } {
  const n = events.length;
  const year = new Int32Array(n), month = new Uint16Array(n), inferred = new Uint16Array(n), place = new Int32Array(n);
  const peopleAt = new Int32Array(n + 1);
  const people: number[] = [];
  const places: string[] = [], placeAt = new Map<string, number>();
  const ids = persons.map((p) => p.id), idAt = new Map(ids.map((id, i) => [id, i] as const));
  events.forEach((e, i) => {
    const l = listingOf(e);
    year[i] = l.year ?? 0;
    month[i] = l.month ?? 0;
    inferred[i] = l.inferred ? 1 : 0;
    if (l.place === undefined) place[i] = -1;
    else {
      let k = placeAt.get(l.place);
      if (k === undefined) placeAt.set(l.place, (k = places.push(l.place) - 1));
      place[i] = k;
    }
    for (const id of l.people) {
      let k = idAt.get(id);
      if (k === undefined) idAt.set(id, (k = ids.push(id) - 1));
      people.push(k);
    }
    peopleAt[i + 1] = people.length;
  });
  return {
    json: { places, ids },
    typed: [["eventYear", "i32", year], ["eventMonth", "u16", month], ["eventInferred", "u16", inferred], ["eventPlace", "i32", place], ["eventPeopleAt", "i32", peopleAt], ["eventPeople", "i32", Int32Array.from(people)]],
  };
}

// ───────────────────────────── writing ─────────────────────────────

/**
 * Write the snapshot of `corpus` + its index state to `path` (atomically). Returns the size in bytes.
 * The write pauses between chunks (a bot keeps answering meanwhile); with `signal`, it gives up at the next
 * pause once aborted (the temporary file is removed, the previous snapshot stays) and rejects.
 */
export async function writeSnapshot(path: string, corpus: Corpus, saved: SavedIndex, opts: { dataDir: string; fingerprint?: string; signal?: AbortSignal }): Promise<number> {
  const pause = pauseOrStop(opts.signal);
  const fingerprint = opts.fingerprint ?? (await pipelineFingerprint());
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
  const fh = await open(tmp, "w");
  const sum = new Checksum();
  let offset = 0;
  const sections: Section[] = [];
  /** `checked: false` for the ranges that carry a checksum of their own (not part of the payload's). */
  const write = async (buf: Uint8Array, checked = true) => {
    if (checked) sum.update(buf);
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
      await pause();
    }
    sections.push(s);
  };
  const typedSection = async (name: string, type: "i32" | "u16", a: Int32Array | Uint16Array, checked = true) => {
    await align();
    const buf = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    sections.push({ name, type, offset, lengths: [buf.length] });
    await write(buf, checked);
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
    // Sentences and events before the articles: a reader gives each article its ranges, read when first used.
    const blobSection = async (name: string, bytes: (a: Article) => Uint8Array): Promise<Int32Array> => {
      const blobs: Section = { name, type: "json", offset, lengths: [] };
      const crcs = new Int32Array(corpus.articles.length);
      for (let i = 0; i < corpus.articles.length; i += 500) {
        const parts = corpus.articles.slice(i, i + 500).map(bytes);
        parts.forEach((p, j) => {
          blobs.lengths.push(p.length);
          crcs[i + j] = crc32(p) | 0;
        });
        await write(Buffer.concat(parts), false);
        await pause();
      }
      sections.push(blobs);
      return crcs;
    };
    const sentencesCrc = await blobSection("sentences", sentenceBytes);
    const eventsCrc = await blobSection("events", (a) => eventBytes(a, eventsOf.get(a.file) ?? []));
    const metaCrc = await blobSection("articleMeta", encodeMeta);
    const linksCrc = await blobSection("articleLinks", (a) => linkBytes(a, corpus, eventsOf.get(a.file) ?? [], personIndex));
    // Each of the whole-corpus steps below runs in one go: let questions waiting meanwhile go first.
    await pause();
    const keys = eventKeys(corpus.articles.flatMap((a) => eventsOf.get(a.file) ?? []), corpus.persons);
    await pause();
    await jsonSection("eventKeys", [keys.json]);
    await jsonSection("articleFiles", corpus.articles, (x) => (x as Article).file, 20_000);
    await jsonSection("articleHashes", corpus.articles, (x) => (x as Article).hash, 20_000);
    await jsonSection("problems", [corpus.problems]);
    await jsonSection("terms", saved.search.terms, undefined, 50_000);
    await jsonSection("places", [saved.places]);
    await jsonSection("acronyms", [saved.acronyms]);
    const lists = saved.lists;
    if (!lists) throw new Error("the index gave no lists to save");
    await jsonSection("listKeys", [Object.fromEntries(LISTS.map((n) => [n, lists[n].keys]))]);
    // The people's lookup keys (query/parse.ts builds them before the first question: seconds at 100k).
    await pause();
    const pk = personLookupKeys(corpus.persons);
    const personKeys = await runPaced(saveListsSteps(pk.byKey, (p) => personIndex.get(p.id)!), pause);
    await jsonSection("personKeys", [{ keys: personKeys.keys, firstCount: [...pk.firstCount] }]);
    await typedSection("offsets", "i32", saved.search.offsets);
    // The postings are read term by term when first searched, each term's checked then (its own CRC-32s).
    const { offsets, docs, tfs } = saved.search;
    const termCrc = <T extends Int32Array | Uint16Array>(a: T) =>
      Int32Array.from({ length: offsets.length - 1 }, (_, t) => {
        const v = a.subarray(offsets[t]!, offsets[t + 1]!);
        return crc32(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) | 0;
      });
    const docsCrc = termCrc(docs), tfsCrc = termCrc(tfs);
    await pause();
    await typedSection("docs", "i32", docs, false);
    await typedSection("tfs", "u16", tfs, false);
    await typedSection("fieldLengths", "u16", saved.search.fieldLengths);
    for (const [name, type, a] of keys.typed) await typedSection(name, type, a);
    for (const n of LISTS) {
      await typedSection(`${n}At`, "i32", lists[n].at);
      await typedSection(`${n}Items`, "i32", lists[n].items);
    }
    await typedSection("personKeysAt", "i32", personKeys.at);
    await typedSection("personKeysItems", "i32", personKeys.items);
    await typedSection("articleSentences", "i32", Int32Array.from(corpus.articles, sentenceCount));
    await typedSection("articleEvents", "i32", Int32Array.from(corpus.articles, (a) => eventsOf.get(a.file)?.length ?? 0));
    await typedSection("sentencesCrc", "i32", sentencesCrc);
    await typedSection("eventsCrc", "i32", eventsCrc);
    await typedSection("articleMetaCrc", "i32", metaCrc);
    await typedSection("articleLinksCrc", "i32", linksCrc);
    await typedSection("docsCrc", "i32", docsCrc);
    await typedSection("tfsCrc", "i32", tfsCrc);
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
      crc32: sum.digest(),
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

/**
 * A snapshot's layout, for diagnostics and tests: format, when it was made, counts, and each section's
 * name, byte offset and size. Rejects when the file is not a readable snapshot of this format.
 */
export async function describeSnapshot(path: string): Promise<{ format: number; createdAt: string; counts: Header["counts"]; sections: { name: string; offset: number; bytes: number }[] }> {
  const h = await readHeader(path);
  if ("error" in h) throw new Error(h.error.reason);
  return { format: h.format, createdAt: h.createdAt, counts: h.counts, sections: h.sections.map((s) => ({ name: s.name, offset: s.offset, bytes: s.lengths.reduce((x, y) => x + y, 0) })) };
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
  // Synchronous listing and stats: this runs before the bot answers anything, and is faster so.
  const files = listCorpusFilesSync(dataDir);
  const touched: string[] = [];
  const stamps = new Map<string, FileStamp>();
  // Both lists are sorted the same way: the same files are, as a rule, the same list (no lookup per file).
  const same = files.length === header.files.length && files.every((f, i) => header.files[i]![0] === f);
  const known = same ? undefined : new Map(header.files.map((f) => [f[0], f] as const));
  if (known) {
    const added = files.filter((f) => !known.has(f));
    const present = new Set(files);
    const removed = header.files.filter((f) => !present.has(f[0]));
    if (added.length || removed.length) {
      const what = [added.length ? `${added.length} added (${added.slice(0, 3).join(", ")}${added.length > 3 ? ", …" : ""})` : "", removed.length ? `${removed.length} removed (${removed.slice(0, 3).map((f) => f[0]).join(", ")}${removed.length > 3 ? ", …" : ""})` : ""].filter(Boolean).join(", ");
      return { stale: `files ${what} since the snapshot`, touched, stamps };
    }
  }
  // The listing's paths are relative, "/"-separated and normalised: joined by hand (path.join normalises
  // each of 100,000 paths again: the check took 1.0–1.2 s at 100k, 0.66–0.81 s without).
  const base = dataDir.endsWith(sep) ? dataDir : dataDir + sep;
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!, h = known ? known.get(f)! : header.files[i]!;
    const st = statOrNot(base + f);
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

/** How many megabytes of search postings a restored index keeps after reading them (least recently searched go first). */
export const POSTINGS_CACHE_MB = 64;

/**
 * Read the snapshot at `path` for `dataDir`; never throws (a bad snapshot is a reason, not an error).
 * `postingsCacheMB` bounds the postings kept after they are read from the file (default POSTINGS_CACHE_MB).
 */
export async function readSnapshot(path: string, dataDir: string, opts: { fingerprint?: string; postingsCacheMB?: number } = {}): Promise<SnapshotRead> {
  const t0 = performance.now();
  const h = await readHeader(path);
  if ("error" in h) return h.error;
  const fingerprint = opts.fingerprint ?? (await pipelineFingerprint());
  if (h.fingerprint !== fingerprint) return { ok: false, kind: "format", reason: "made by another version of the extraction pipeline" };
  const check = await checkFiles(h, dataDir);
  if (check.stale) return { ok: false, kind: "stale", reason: check.stale };
  const t1 = performance.now();
  // Sections are read (synchronously: nothing is answered before the load) and checksummed in file
  // order, one at a time; a checksum mismatch at the end discards what was decoded. The sentences' and
  // events' ranges are not read: articles read them from the file, kept open, when first used, each
  // range checked against its own checksum then.
  let blobs: BlobFile;
  try {
    blobs = new BlobFile(openSync(path, "r"));
  } catch (err) {
    return { ok: false, kind: "corrupt", reason: `cannot read: ${err instanceof Error ? err.message : String(err)}` };
  }
  let ok = false;
  try {
    const reader = new SectionReader(blobs, h.payloadBytes);
    const { corpus, saved } = decode(h, reader, check.stamps, blobs, (opts.postingsCacheMB ?? POSTINGS_CACHE_MB) * 2 ** 20);
    if (reader.finish() !== h.crc32) return { ok: false, kind: "corrupt", reason: "checksum mismatch" };
    ok = true;
    return { ok: true, corpus, saved, touched: check.touched, blobs, ms: { check: t1 - t0, read: reader.readMs, decode: performance.now() - t1 - reader.readMs } };
  } catch (err) {
    return { ok: false, kind: "corrupt", reason: `cannot decode: ${err instanceof Error ? err.message : String(err)}` };
  } finally {
    if (!ok) blobs.close();
  }
}

/** CRC-32 over everything written or read, in order (zlib's, continued chunk by chunk). */
class Checksum {
  private value = 0;
  update(buf: Uint8Array): void {
    this.value = crc32(buf, this.value);
  }
  digest(): string {
    return (this.value >>> 0).toString(16).padStart(8, "0");
  }
}

/**
 * The snapshot file held open for the articles loaded from it: each reads its sentences' and events'
 * byte range when first used, checked against the range's checksum (a mismatch throws SnapshotDamage
 * and tells `onDamage`, once). The descriptor is closed when nothing loaded from it is left. (A newer
 * snapshot renamed over the path does not disturb it: the open file is the old one.)
 */
export class BlobFile {
  private static readonly closer = new FinalizationRegistry<number>((fd) => closeSync(fd));
  private closed = false;
  /** Called the first time a range fails its checksum (the Core rebuilds from the files). */
  onDamage: ((reason: string) => void) | undefined;
  private damaged = false;
  constructor(private readonly fd: number) {
    BlobFile.closer.register(this, fd, this);
  }

  /** Bytes read through this file so far (ranges read when first used, read again once let go). */
  bytesRead = 0;

  /** `len` bytes at `at` into a buffer of their own (typed arrays can be laid over it, aligned). */
  readRaw(at: number, len: number): Uint8Array {
    this.bytesRead += len;
    const out = new Uint8Array(new ArrayBuffer(len));
    let done = 0;
    while (done < len) {
      const n = readSync(this.fd, out, done, len - done, at + done);
      if (!n) throw new Error("snapshot: unexpected end of file");
      done += n;
    }
    return out;
  }

  /** A range stored with its CRC-32 (signed), checked. */
  read(at: number, len: number, crc: number): Uint8Array {
    const out = this.readRaw(at, len);
    if ((crc32(out) | 0) !== crc) {
      const reason = `bytes ${at}–${at + len} fail their checksum`;
      if (!this.damaged) {
        this.damaged = true;
        this.onDamage?.(reason);
      }
      throw new SnapshotDamage(`snapshot damaged: ${reason}`);
    }
    return out;
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    BlobFile.closer.unregister(this);
    closeSync(this.fd);
  }
}

/**
 * Reads byte ranges of the payload in increasing order, hashing every byte (padding included) but
 * those of the ranges skipped (they carry checksums of their own).
 */
class SectionReader {
  private pos = 0;
  private readonly sum = new Checksum();
  readMs = 0;
  constructor(
    private readonly file: BlobFile,
    private readonly end: number,
  ) {}

  private raw(at: number, len: number): Uint8Array {
    const t = performance.now();
    const out = this.file.readRaw(at, len);
    this.sum.update(out);
    this.readMs += performance.now() - t;
    return out;
  }

  /** Checksum `len` bytes from `at` without keeping them (read in pieces of 8 MB). */
  private pass(at: number, len: number): void {
    for (let done = 0; done < len; ) {
      const n = Math.min(8 << 20, len - done);
      this.raw(at + done, n);
      done += n;
    }
  }

  read(at: number, len: number): Uint8Array {
    this.seek(at, len);
    if (at > this.pos) this.pass(this.pos, at - this.pos);
    this.pos = at + len;
    return this.raw(at, len);
  }

  /** Step over a section that is checked range by range when read (not part of the payload's checksum). */
  skip(at: number, len: number): void {
    this.seek(at, len);
    if (at > this.pos) this.pass(this.pos, at - this.pos);
    this.pos = at + len;
  }

  private seek(at: number, len: number): void {
    if (at < this.pos || at + len > this.end) throw new Error("section outside the payload or out of order");
  }

  /** The payload's checksum (reading whatever was not read yet). */
  finish(): string {
    if (this.pos < this.end) this.pass(this.pos, this.end - this.pos);
    this.pos = this.end;
    return this.sum.digest();
  }
}

function decode(h: Header, reader: SectionReader, stamps: Map<string, FileStamp>, file: BlobFile, cacheBytes: number): { corpus: Corpus; saved: SavedIndex } {
  const section = (name: string) => {
    const s = h.sections.find((x) => x.name === name);
    if (!s) throw new Error(`section ${name} missing`);
    return s;
  };
  function* chunks(name: string): Generator<unknown[]> {
    const s = section(name);
    let at = s.offset;
    for (const len of s.lengths) {
      yield JSON.parse(utf8.decode(reader.read(at, len))) as unknown[];
      at += len;
    }
  }
  const all = <T>(name: string): T[] => {
    const out: T[] = [];
    for (const c of chunks(name)) for (const x of c as T[]) out.push(x);
    return out;
  };
  const only = <T>(name: string): T => {
    const c = all<T>(name);
    if (c.length !== 1) throw new Error(`section ${name} missing`);
    return c[0]!;
  };
  const typed = <T extends Int32Array | Uint16Array>(name: string, Ctor: new (b: ArrayBuffer) => T): T => {
    const s = section(name);
    return new Ctor(reader.read(s.offset, s.lengths[0]!).buffer as ArrayBuffer);
  };
  // Each article's sentences, events, meta and links stay in the file, read when first used (their
  // checksums come at the end of the file: filled in below, before any range is read).
  const blobs = (name: string) => {
    const sec = section(name);
    reader.skip(sec.offset, sec.lengths.reduce((x, y) => x + y, 0));
    const r: StoredRanges = { file, at: new Float64Array(sec.lengths.length), len: Int32Array.from(sec.lengths), crc: new Int32Array(sec.lengths.length) };
    for (let k = 0, at = sec.offset; k < r.len.length; at += r.len[k++]!) r.at[k] = at;
    return r;
  };

  // Sections in file order (the reader only goes forward).
  const encPersons = all<EncPerson>("persons");
  const sentenceBlobs = blobs("sentences");
  const eventBlobs = blobs("events");
  const metaBlobs = blobs("articleMeta");
  const linkBlobs = blobs("articleLinks");
  const keyLists = only<{ places: string[]; ids: string[] }>("eventKeys");
  const files = all<string>("articleFiles");
  const hashes = all<string>("articleHashes");
  const problems = only<Corpus["problems"]>("problems");
  const terms = all<string>("terms");
  const places = only<string[]>("places");
  const acronyms = only<[string, string, string][]>("acronyms");
  const listKeys = only<Record<(typeof LISTS)[number], (string | number)[]>>("listKeys");
  const pk = only<{ keys: string[]; firstCount: [string, number][] }>("personKeys");
  const offsets = typed("offsets", Int32Array);
  const docsSection = section("docs"), tfsSection = section("tfs");
  reader.skip(docsSection.offset, docsSection.lengths[0]!);
  reader.skip(tfsSection.offset, tfsSection.lengths[0]!);
  const search = { terms, offsets, docs: new Int32Array(0), tfs: new Uint16Array(0), fieldLengths: typed("fieldLengths", Uint16Array), avgFieldLength: h.avgFieldLength };
  const keys: EventKeyTable = {
    ...keyLists,
    year: typed("eventYear", Int32Array),
    month: typed("eventMonth", Uint16Array),
    inferred: typed("eventInferred", Uint16Array),
    place: typed("eventPlace", Int32Array),
    peopleAt: typed("eventPeopleAt", Int32Array),
    people: typed("eventPeople", Int32Array),
  };
  const lists = {} as Record<(typeof LISTS)[number], SavedLists<string | number>>;
  for (const n of LISTS) {
    lists[n] = { keys: listKeys[n], at: typed(`${n}At`, Int32Array), items: typed(`${n}Items`, Int32Array) };
    if (lists[n].at.length !== lists[n].keys.length + 1) throw new Error(`${n} does not fit together`);
  }
  const personKeysAt = typed("personKeysAt", Int32Array), personKeysItems = typed("personKeysItems", Int32Array);
  const sentenceCounts = typed("articleSentences", Int32Array), eventCounts = typed("articleEvents", Int32Array);
  const n = files.length;
  const crcs = (name: string, ranges: StoredRanges) => {
    const c = typed(name, Int32Array);
    if (c.length !== n || ranges.len.length !== n) throw new Error(`${name} does not match the articles`);
    ranges.crc = c;
  };
  crcs("sentencesCrc", sentenceBlobs);
  crcs("eventsCrc", eventBlobs);
  crcs("articleMetaCrc", metaBlobs);
  crcs("articleLinksCrc", linkBlobs);
  const docsCrc = typed("docsCrc", Int32Array), tfsCrc = typed("tfsCrc", Int32Array);
  if (docsCrc.length !== terms.length || tfsCrc.length !== terms.length || offsets.length !== terms.length + 1) throw new Error("postings do not match the terms");
  if (hashes.length !== n || sentenceCounts.length !== n || eventCounts.length !== n) throw new Error("articles do not fit together");

  const one = interner();
  const articles: Article[] = [];
  const events: Event[] = [];
  /** Per article: its position, and the number of its first event (then one past the last). */
  const articleAt = new Map<string, number>();
  const firstEvent = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) {
    const f = files[k]!, count = sentenceCounts[k]!, eventCount = eventCounts[k]!;
    const article = new CleanArticle({ file: f, hash: hashes[k]!, source: new StoredSentences(f, count, sentenceBlobs, k), meta: new StoredMeta(metaBlobs, k) });
    const group = new StoredEventGroup(f, article, eventCount, eventBlobs, k, one);
    firstEvent[k] = events.length;
    for (let i = 0; i < eventCount; i++) events.push(new StoredEvent(group, i, events.length, keys));
    articleAt.set(f, k);
    articles.push(article);
  }
  firstEvent[n] = events.length;
  if (keys.year.length !== events.length || keys.peopleAt.length !== events.length + 1) throw new Error("event keys do not match the events");
  const persons: Person[] = encPersons.map(([id, name, aliases, titles, country, pf]) => ({ id, name, aliases, titles, country: und(country), files: pf.map((x) => (typeof x === "number" ? files[x]! : x)) }));
  if (articles.length !== h.counts.articles || events.length !== h.counts.events || persons.length !== h.counts.persons) throw new Error("counts do not match the header");

  const personIds = encPersons.map((p) => p[0]);
  // An article's links, read when a sentence of it is first looked up (then kept by the maps).
  const linksOf = (f: string): EncLinks | undefined => {
    const k = articleAt.get(f);
    if (k === undefined) return undefined;
    return JSON.parse(utf8.decode(file.read(linkBlobs.at[k]!, linkBlobs.len[k]!, linkBlobs.crc[k]!))) as EncLinks;
  };
  const mentions = new SentenceMap<string[]>(undefined, {
    files: () => files,
    load(f) {
      const l = linksOf(f);
      if (!l) return undefined;
      // Sentences naming the same people share one (frozen) list.
      const shared = new Map<string, string[]>();
      return l[0].map((m) => {
        if (!m) return undefined;
        const key = m.join(",");
        let ids = shared.get(key);
        if (!ids) shared.set(key, (ids = Object.freeze(m.map((x) => (typeof x === "number" ? personIds[x]! : x))) as string[]));
        return ids;
      });
    },
  });
  const sentenceEvent = new SentenceMap<string>(undefined, {
    files: () => files,
    load(f) {
      const l = linksOf(f);
      if (!l) return undefined;
      const first = firstEvent[articleAt.get(f)!]!;
      return l[1].map((i) => (i >= 0 ? events[first + i]?.id : undefined));
    },
  });

  const byKey = new ListMap({ keys: pk.keys, at: personKeysAt, items: personKeysItems }, (i) => persons[i]!);
  rememberPersonKeys(persons, { byKey, firstCount: new Map(pk.firstCount) });
  // A term's postings, read from the file when first searched, then kept up to `cacheBytes` in all: the
  // least recently searched terms are let go first (read again if searched again); an export keeps none.
  const kept = new Map<number, { docs: Int32Array; tfs: Uint16Array }>();
  let keptBytes = 0;
  const postings: BasePostings = {
    get(t, keep) {
      let p = kept.get(t);
      if (p) {
        // Most recently used last (a Map iterates in insertion order).
        kept.delete(t);
        kept.set(t, p);
        return p;
      }
      const n = offsets[t + 1]! - offsets[t]!;
      p = {
        docs: new Int32Array(file.read(docsSection.offset + offsets[t]! * 4, n * 4, docsCrc[t]!).buffer),
        tfs: new Uint16Array(file.read(tfsSection.offset + offsets[t]! * 2, n * 2, tfsCrc[t]!).buffer),
      };
      if (keep && n * 6 <= cacheBytes) {
        kept.set(t, p);
        keptBytes += n * 6;
        for (const [old, q] of kept) {
          if (keptBytes <= cacheBytes) break;
          kept.delete(old);
          keptBytes -= q.docs.length * 6;
        }
      }
      return p;
    },
  };
  const saved: SavedIndex = { search, postings, places, acronyms, lists: lists as NonNullable<SavedIndex["lists"]> };
  return { corpus: { articles, events, persons, problems, mentions, sentenceEvent, stamps }, saved };
}
