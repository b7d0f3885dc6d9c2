/**
 * Files → Corpus: takes a data folder, returns cleaned articles, their extracted events, the
 * corpus-wide person registry (aliases merged across spellings and languages) and load problems.
 * `refreshCorpus` re-reads only files whose size or modification time changed and reports what
 * was added, changed and removed.
 */
import { Pacer, type Steps } from "../paced.ts";
import type { SentenceMap } from "./sentence-map.ts";
import { stat } from "node:fs/promises";
import { extname, join } from "node:path";
import type { Article, Event, Person } from "../types.ts";
import { cleanArticle } from "./clean.ts";
import { CORPUS_EXTENSIONS, listCorpusFiles, readCorpusFile, type LoadOptions, type LoadProblem, type RawDoc } from "./load.ts";
import { extractCorpus } from "../extract/events.ts";
import { PersonRegistry } from "../extract/aliases.ts";

export interface Corpus {
  articles: Article[];
  events: Event[];
  persons: Person[];
  problems: LoadProblem[];
  /** Person ids each sentence mentions or refers to (no entry when none: read with `?? []`). */
  mentions: SentenceMap<string[]>;
  /** The event each sentence belongs to. */
  sentenceEvent: SentenceMap<string>;
  /** Size, modification and change time of each file as last read (for refreshes and snapshots). */
  stamps: Map<string, FileStamp>;
}

export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

/** Same file as last read? Size, modification time and change time (which no tool can set back) all equal. */
export function sameStamp(a: FileStamp | undefined, b: FileStamp | undefined): boolean {
  return a !== undefined && b !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}

export interface CorpusChange {
  added: string[];
  changed: string[];
  removed: string[];
}

/** One decoded file → Article, or the reason it has no story. */
export function articleFrom(d: RawDoc): Article | LoadProblem {
  try {
    const a = cleanArticle(d.file, d.text, d.hash);
    return a.sentences.length ? a : { file: d.file, reason: "no story text found after removing page clutter" };
  } catch (err) {
    return { file: d.file, reason: `could not be parsed: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/**
 * An invented article in both languages (no corpus facts) that goes through every extraction step: its
 * extraction compiles the regular expressions and the collator the first change would otherwise pay for.
 */
const WARM_UP_TEXT = [
  "Officials hold talks on trade",
  "Updated: 2020-01-02 10:00",
  "CAPITAL CITY, Jan. 1 (Xinhua) -- Chinese Vice Premier Wang Ming met Kazakh First Deputy Prime Minister Aidar Bekov in Astana on Monday, and the two sides signed 3 cooperation documents worth 2 billion U.S. dollars.",
  '"Our cooperation has broad prospects," said Bekov, adding that the 5th meeting of the Sub-Committee on Energy Cooperation will be held in Beijing last December.',
  "1月1日,国务院副总理王明在北京会见了哈萨克斯坦第一副总理艾达尔·别科夫。双方签署了3份合作文件。",
].join("\n");

/** Extract the warm-up article once, in a corpus of its own (nothing is kept). Returns the milliseconds it took. */
export function warmUpExtraction(): number {
  const t0 = performance.now();
  const a = articleFrom({ file: "warm-up.txt", text: WARM_UP_TEXT, hash: "warm-up", html: false });
  if (!("reason" in a)) assembleCorpus([a], [], new Map());
  return performance.now() - t0;
}

/** Articles → Corpus (the extract stage over all of them). */
export function assembleCorpus(articles: Article[], problems: LoadProblem[], stamps: Corpus["stamps"]): Corpus {
  const sorted = [...articles].sort((a, b) => a.file.localeCompare(b.file));
  const { events, persons, mentions, sentenceEvent, registry } = extractCorpus(sorted);
  const corpus = { articles: sorted, events, persons, problems, mentions, sentenceEvent, stamps };
  registries.set(corpus, registry);
  return corpus;
}

async function stampOf(dir: string, file: string): Promise<FileStamp | undefined> {
  try {
    const s = await stat(join(dir, file));
    return { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs };
  } catch {
    return undefined;
  }
}

export async function buildCorpus(dir: string, opts: LoadOptions = {}): Promise<Corpus> {
  return (await refreshCorpus(dir, undefined, opts)).corpus;
}

/** Files are stat'ed and read this many at a time (the cleaning itself is synchronous). */
const IO_WINDOW = 64;

/** What a re-scan found: the articles now (corpus order not yet applied), and what went and came. */
export interface Scan {
  articles: Article[];
  problems: LoadProblem[];
  /**
   * The files' stamps after the scan. A scan of named files returns the previous corpus's map itself and
   * what to change in it (`stampChanges`, undefined for a file gone): copying 100,000 stamps per change
   * costs more than the change. `settleStamps` applies them once the new corpus is taken.
   */
  stamps: Corpus["stamps"];
  stampChanges?: Map<string, FileStamp | undefined>;
  change: CorpusChange;
  /** New articles and new versions of changed ones. */
  added: Article[];
  /** Old versions of removed and changed articles. */
  removed: Article[];
  /** Nothing to extract again (the same articles and the same number of skipped files). */
  unchanged: boolean;
}

/**
 * Re-scan `dir` against `prev`: unchanged files keep their parsed article, the rest are read again.
 * With `only` (paths relative to `dir`, e.g. from a file watcher), just those files are looked at;
 * every other file is taken as unchanged without a stat.
 */
export async function scanCorpus(dir: string, prev: Corpus | undefined, opts: LoadOptions = {}, only?: string[]): Promise<Scan> {
  if (only && prev) return scanOnly(dir, prev, opts, only);
  const files = await listCorpusFiles(dir);
  const old = new Map((prev?.articles ?? []).map((a) => [a.file, a]));
  const oldProblems = new Map((prev?.problems ?? []).map((p) => [p.file, p]));
  const articles: Article[] = [];
  const problems: LoadProblem[] = [];
  const stamps: Corpus["stamps"] = new Map();
  const change: CorpusChange = { added: [], changed: [], removed: [] };
  const added: Article[] = [];
  const removed: Article[] = [];
  // A window of files is stat'ed and read concurrently, then handled in file order.
  for (let w = 0; w < files.length; w += IO_WINDOW) {
    const window = files.slice(w, w + IO_WINDOW);
    const stats = await Promise.all(window.map((f) => stampOf(dir, f)));
    const reads = await Promise.all(
      window.map((f, i) => {
        const st = stats[i];
        return sameStamp(st, prev?.stamps.get(f)) ? undefined : readCorpusFile(dir, f, opts);
      }),
    );
    window.forEach((f, i) => {
      const st = stats[i];
      if (st) stamps.set(f, st);
      const r = reads[i];
      if (!r) {
        const a = old.get(f);
        if (a) articles.push(a);
        else if (oldProblems.has(f)) problems.push(oldProblems.get(f)!);
        return;
      }
      // Same bytes as before (only the file's times changed): the article as it was.
      if (!("reason" in r) && old.get(f)?.hash === r.hash) {
        articles.push(old.get(f)!);
        return;
      }
      const parsed = "reason" in r ? r : articleFrom(r);
      if ("reason" in parsed) problems.push(parsed);
      else {
        articles.push(parsed);
        added.push(parsed);
        if (old.has(f)) {
          change.changed.push(f);
          removed.push(old.get(f)!);
        } else change.added.push(f);
      }
    });
  }
  const present = new Set(articles.map((a) => a.file));
  for (const [f, a] of old)
    if (!present.has(f)) {
      change.removed.push(f);
      removed.push(a);
    }
  const unchanged = prev !== undefined && !change.added.length && !change.changed.length && !change.removed.length && problems.length === prev.problems.length;
  return { articles, problems, stamps, change, added, removed, unchanged };
}

/** A corpus file's path as listCorpusFiles writes it, or undefined for a path it would not list. */
function corpusPath(raw: string): string | undefined {
  const f = raw.split("\\").join("/").replace(/^\.\//, "");
  if (!f || f.split("/").some((part) => !part || part.startsWith(".") || part === "..")) return undefined;
  return CORPUS_EXTENSIONS.includes(extname(f).toLowerCase()) ? f : undefined;
}

/** scanCorpus for the named files only: the cost is theirs, not the folder's. */
async function scanOnly(dir: string, prev: Corpus, opts: LoadOptions, only: string[]): Promise<Scan> {
  const files = [...new Set(only.map(corpusPath).filter((f): f is string => f !== undefined))].sort();
  const stampChanges = new Map<string, FileStamp | undefined>();
  const change: CorpusChange = { added: [], changed: [], removed: [] };
  const added: Article[] = [];
  const removed: Article[] = [];
  const old = new Map<string, Article>();
  for (const f of files) {
    const i = lowerBoundFile(prev.articles, f);
    if (prev.articles[i]?.file === f) old.set(f, prev.articles[i]!);
  }
  const problems = prev.problems.filter((p) => !files.includes(p.file));
  const stats = await Promise.all(files.map((f) => stampOf(dir, f)));
  const reads = await Promise.all(files.map((f, i) => (stats[i] === undefined || sameStamp(stats[i], prev.stamps.get(f)) ? undefined : readCorpusFile(dir, f, opts))));
  files.forEach((f, i) => {
    const st = stats[i];
    const was = old.get(f);
    if (!st) {
      // Gone.
      if (prev.stamps.has(f)) stampChanges.set(f, undefined);
      if (was) {
        change.removed.push(f);
        removed.push(was);
      }
      return;
    }
    if (!sameStamp(st, prev.stamps.get(f))) stampChanges.set(f, st);
    const r = reads[i];
    if (!r) {
      const p = prev.problems.find((x) => x.file === f);
      if (p) problems.push(p);
      return;
    }
    if (!("reason" in r) && was?.hash === r.hash) return;
    const parsed = "reason" in r ? r : articleFrom(r);
    if ("reason" in parsed) {
      problems.push(parsed);
      if (was) {
        change.removed.push(f);
        removed.push(was);
      }
      return;
    }
    added.push(parsed);
    if (was) {
      change.changed.push(f);
      removed.push(was);
    } else change.added.push(f);
  });
  problems.sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0));
  const gone = new Set(removed.map((a) => a.file));
  const articles = [...prev.articles.filter((a) => !gone.has(a.file)), ...added];
  const unchanged = !change.added.length && !change.changed.length && !change.removed.length && problems.length === prev.problems.length;
  return { articles, problems, stamps: prev.stamps, stampChanges, change, added, removed, unchanged };
}

/**
 * Apply a scan's stamp changes to its stamps (a scan of named files changes the previous corpus's map in
 * place: call it when the corpus the scan describes replaces the previous one). Returns whether any
 * file's stamp changed.
 */
export function settleStamps(scan: Scan, prev: Corpus["stamps"]): boolean {
  if (!scan.stampChanges) {
    if (scan.stamps.size !== prev.size) return true;
    for (const [f, st] of scan.stamps) if (!sameStamp(st, prev.get(f))) return true;
    return false;
  }
  for (const [f, st] of scan.stampChanges) {
    if (st) scan.stamps.set(f, st);
    else scan.stamps.delete(f);
  }
  return scan.stampChanges.size > 0;
}

function lowerBoundFile(articles: Article[], file: string): number {
  let lo = 0, hi = articles.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (articles[mid]!.file.localeCompare(file) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Re-scan `dir`: unchanged files keep their parsed article, the rest are read again; everything is extracted again. */
export async function refreshCorpus(dir: string, prev: Corpus | undefined, opts: LoadOptions = {}): Promise<{ corpus: Corpus; change: CorpusChange }> {
  const s = await scanCorpus(dir, prev, opts);
  return { corpus: s.unchanged && prev ? { ...prev, stamps: s.stamps } : assembleCorpus(s.articles, s.problems, s.stamps), change: s.change };
}

const registries = new WeakMap<Corpus, PersonRegistry>();

/** The person registry behind a corpus (kept from its extraction, or rebuilt from its persons after a snapshot load). */
export function registryOf(corpus: Corpus): PersonRegistry {
  let r = registries.get(corpus);
  if (!r) registries.set(corpus, (r = PersonRegistry.fromPersons(corpus.persons)));
  return r;
}

/** registryOf as a job that yields between slices (a snapshot's 100,000 people take seconds to index). */
export function* registryOfSteps(corpus: Corpus, pacer = new Pacer()): Steps<PersonRegistry> {
  const had = registries.get(corpus);
  if (had) return had;
  const built = yield* PersonRegistry.fromPersonsSteps(corpus.persons, pacer);
  // Built meanwhile by a change (this job was overtaken): that one is the corpus's.
  const meanwhile = registries.get(corpus);
  if (meanwhile) return meanwhile;
  registries.set(corpus, built);
  return built;
}

/** Remember the registry a corpus was updated with (incremental updates). */
export function setRegistry(corpus: Corpus, registry: PersonRegistry): void {
  registries.set(corpus, registry);
}
