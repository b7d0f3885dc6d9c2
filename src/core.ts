/**
 * The one entry point adapters use. `Core.load({ dataDir })` reads and indexes a corpus;
 * `core.ask(question)` returns a neutral Answer; `core.summary()` says what the corpus holds.
 * Adapters never reach past this file into the pipeline.
 */
import type { Answer } from "./answer.ts";
import { assembleCorpus, buildCorpus, registryOf, registryOfSteps, scanCorpus, setRegistry, settleStamps, warmUpExtraction, type Corpus, type CorpusChange } from "./corpus/corpus.ts";
import { inferAfter, prepareUpdatesSteps, updateExtraction } from "./extract/update.ts";
import { Pacer, pause, runPaced, runSync, type Steps } from "./paced.ts";
import type { LoadProblem } from "./corpus/load.ts";
import { CorpusIndex } from "./index/index.ts";
import { readSnapshot, writeSnapshot, type BlobFile } from "./index/snapshot.ts";
import { SnapshotDamage } from "./index/stored.ts";
import type { Logger } from "./logger.ts";
import { answerQuestion, rebuildingAnswer, warmUp } from "./query/answer.ts";
import { examplesFor } from "./query/i18n.ts";
import type { Event, Lang } from "./types.ts";
import { isoDate } from "./extract/dates.ts";

export interface CoreOptions {
  /** Folder of articles, read recursively (.txt .md .html .htm). Required. */
  dataDir: string;
  /** Clock; default `() => new Date()`. Only digests and freshness use it. */
  now?: () => Date;
  /** Structured logger; default: none (problems are still returned in `problems`). */
  logger?: Logger;
  /** Files larger than this many bytes are skipped with a problem report; default 5,000,000. */
  maxFileBytes?: number;
  /**
   * Snapshot file (see index/snapshot.ts): loaded instead of re-reading the corpus when it matches the
   * files exactly, otherwise rebuilt (with a warning when it was stale, corrupt or from another version)
   * and written again after the load and after each refresh. Default: none.
   */
  snapshot?: string;
  /**
   * How a refresh applies a change of a few articles: "always" extracts and indexes only those articles
   * (extract/update.ts; cross-article links of other articles are not revisited), "never" rebuilds
   * everything, "auto" (default) goes incremental from 2,000 articles on, for changes of at most 2% of
   * the corpus, until 10% of it has changed that way since the last full build.
   */
  incremental?: "auto" | "always" | "never";
}

/** What the last refresh did. */
export interface RefreshReport extends CorpusChange {
  mode: "none" | "incremental" | "full";
  ms: number;
}

/** How the corpus was loaded: from the snapshot, or built (and why the snapshot was not used). */
export interface LoadReport {
  from: "snapshot" | "files";
  ms: number;
  snapshot?: { path: string; used: boolean; reason?: string; kind?: string };
}

export interface CorpusSummary {
  articles: number;
  events: number;
  languages: Lang[];
  /** Earliest and latest known event/publish dates (YYYY-MM-DD or coarser). */
  from?: string;
  to?: string;
  titles: { file: string; title: string; date?: string }[];
  problems: LoadProblem[];
}

export class Core {
  private saving: Promise<void> = Promise.resolve();
  private saveQueued = false;
  /** The snapshot write in progress (a refresh gives it up: the write after the refresh replaces it). */
  private writing: AbortController | undefined;
  /** Set while a refresh waits for writes to stop: a write queued before it is skipped (the refresh requests its own). */
  private skipQueued = false;
  /** Articles changed incrementally since the last full build. */
  private drift = 0;
  /** What the last refresh did (mode and time). */
  lastRefresh: RefreshReport | undefined;
  /** The rebuild from the files after damage was found in the snapshot, while it runs. */
  private rebuilding: Promise<void> | undefined;

  private constructor(
    readonly options: Required<Pick<CoreOptions, "dataDir" | "now">> & CoreOptions,
    private current: { corpus: Corpus; index: CorpusIndex },
    /** How the last load went (snapshot used or not, and why). */
    readonly loaded: LoadReport,
  ) {}

  get corpus(): Corpus {
    return this.current.corpus;
  }

  get index(): CorpusIndex {
    return this.current.index;
  }

  /** Files skipped at the last (re)load, with the reason. */
  get problems(): LoadProblem[] {
    return this.current.corpus.problems;
  }

  /** Load, clean, extract and index every article under `dataDir`. Bad files are reported, never fatal. */
  static async load(options: CoreOptions): Promise<Core> {
    const opts = { now: () => new Date(), ...options };
    const t0 = performance.now();
    const log = opts.logger;
    let why: { reason: string; kind: string } | undefined;
    if (opts.snapshot) {
      const r = await readSnapshot(opts.snapshot, opts.dataDir);
      if (r.ok) {
        const index = new CorpusIndex(r.corpus, r.saved);
        const ms = performance.now() - t0;
        log?.info({ snapshot: opts.snapshot, articles: r.corpus.articles.length, events: r.corpus.events.length, ms: Math.round(ms), ...Object.fromEntries(Object.entries(r.ms).map(([k, v]) => [`${k}Ms`, Math.round(v)])) }, "corpus loaded from snapshot");
        const core = new Core(opts, { corpus: r.corpus, index }, { from: "snapshot", ms, snapshot: { path: opts.snapshot, used: true } });
        core.rebuildOnDamage(r.blobs);
        // Files copied or touched without a change: same content, new times; the snapshot records the new ones.
        if (r.touched.length) core.save();
        return core;
      }
      why = { reason: r.reason, kind: r.kind };
      if (r.kind === "missing") log?.info({ snapshot: opts.snapshot }, "no corpus snapshot yet: building it");
      else log?.warn({ snapshot: opts.snapshot, reason: r.reason, kind: r.kind }, "corpus snapshot not used: rebuilding it");
    }
    const { corpus, index } = await Core.fromFiles(opts);
    const ms = performance.now() - t0;
    log?.info({ articles: corpus.articles.length, events: corpus.events.length, ms: Math.round(ms) }, "corpus loaded");
    const core = new Core(opts, { corpus, index }, { from: "files", ms, snapshot: opts.snapshot ? { path: opts.snapshot, used: false, ...why } : undefined });
    if (opts.snapshot) core.save();
    return core;
  }

  /** Read, clean, extract and index every file (skipped ones are logged). */
  private static async fromFiles(opts: CoreOptions): Promise<{ corpus: Corpus; index: CorpusIndex }> {
    const corpus = await buildCorpus(opts.dataDir, { maxBytes: opts.maxFileBytes });
    for (const p of corpus.problems) opts.logger?.warn({ file: p.file, reason: p.reason }, "skipped corpus file");
    return { corpus, index: new CorpusIndex(corpus) };
  }

  /**
   * A snapshot article's sentences, events, meta and links are checked range by range when first read:
   * damage found there (the file changed after it was written) rebuilds the corpus from the files, in the
   * background, and writes the snapshot again. Questions meanwhile are told so (`ask`); nothing decoded from damaged bytes
   * is ever used.
   */
  private rebuildOnDamage(blobs: BlobFile): void {
    blobs.onDamage = (reason) => {
      if (this.rebuilding) return;
      this.options.logger?.warn({ snapshot: this.options.snapshot, reason, kind: "corrupt" }, "corpus snapshot damaged: rebuilding it from the files");
      const t0 = performance.now();
      this.rebuilding = (async () => {
        try {
          this.current = await Core.fromFiles(this.options);
          const { corpus } = this.current;
          this.drift = 0;
          const ms = performance.now() - t0;
          this.lastRefresh = { added: [], changed: [], removed: [], mode: "full", ms };
          this.options.logger?.info({ articles: corpus.articles.length, events: corpus.events.length, ms: Math.round(ms) }, "corpus rebuilt from the files");
          this.save();
        } catch (err) {
          this.options.logger?.error({ err: err instanceof Error ? err.message : String(err) }, "corpus rebuild failed");
        } finally {
          this.rebuilding = undefined;
        }
      })();
    };
  }

  /** Resolves when a rebuild after snapshot damage (if one runs) has finished. */
  async whenRebuilt(): Promise<void> {
    await this.rebuilding;
  }

  /**
   * Write the snapshot of the current corpus in the background (one write at a time; a request made
   * while one runs writes once more afterwards). A refresh gives up the write in progress (seconds at
   * 100,000 articles) instead of waiting for it, and requests a new one. Failures are logged, never thrown.
   */
  private save(): void {
    const path = this.options.snapshot;
    // Nothing to keep for a folder without files (or one that does not exist).
    if (!path || this.saveQueued || !this.current.corpus.stamps.size) return;
    this.saveQueued = true;
    this.saving = this.saving.then(async () => {
      this.saveQueued = false;
      if (this.skipQueued) return;
      const { corpus, index } = this.current;
      const t0 = performance.now();
      const writing = (this.writing = new AbortController());
      const { signal } = writing;
      try {
        const bytes = await writeSnapshot(path, corpus, await index.savePaced(signal), { dataDir: this.options.dataDir, signal });
        this.options.logger?.info({ snapshot: path, bytes, ms: Math.round(performance.now() - t0) }, "corpus snapshot written");
      } catch (err) {
        if (signal.aborted) this.options.logger?.info({ snapshot: path, ms: Math.round(performance.now() - t0) }, "corpus snapshot write given up for a newer change");
        else this.options.logger?.warn({ snapshot: path, err: err instanceof Error ? err.message : String(err) }, "corpus snapshot not written");
      } finally {
        if (this.writing === writing) this.writing = undefined;
      }
    });
  }

  /** Resolves when every snapshot write requested so far has finished (tests, clean shutdown). */
  async whenSaved(): Promise<void> {
    let last;
    do {
      last = this.saving;
      await last;
    } while (last !== this.saving);
  }

  /**
   * Re-scan the data folder: new, changed and removed files are picked up without a restart
   * (unchanged files are not re-read). Questions asked meanwhile see the old corpus until the new one is ready.
   * A change of a few articles is applied incrementally (see `incremental`), a larger one by a full rebuild.
   * `files` (paths relative to the data folder, as a file watcher reports them) limits the scan to those
   * files; without it every file is listed and stat'ed (about a second at 100,000 files).
   */
  async refresh(opts: { files?: string[] } = {}): Promise<CorpusChange> {
    // A rebuild after snapshot damage reads every file: the change is seen against its result.
    await this.rebuilding;
    // A snapshot being written reads the current corpus: give it up (the refresh writes a new one) and let it stop.
    const wanted = this.writing !== undefined || this.saveQueued;
    this.writing?.abort(new Error("a newer change"));
    this.skipQueued = true;
    try {
      await this.whenSaved();
    } finally {
      this.skipQueued = false;
    }
    const prev = this.corpus;
    const scan = await scanCorpus(this.options.dataDir, prev, { maxBytes: this.options.maxFileBytes }, opts.files);
    const change = scan.change;
    if (scan.unchanged) {
      const touched = settleStamps(scan, prev.stamps);
      prev.stamps = scan.stamps;
      this.lastRefresh = { ...change, mode: "none", ms: 0 };
      if (touched || wanted) this.save();
      return change;
    }
    const known = new Set(prev.problems.map((p) => p.file));
    for (const p of scan.problems) if (!known.has(p.file)) this.options.logger?.warn({ file: p.file, reason: p.reason }, "skipped corpus file");
    const t0 = performance.now();
    const size = scan.added.length + scan.removed.length;
    const n = prev.articles.length;
    const mode = this.options.incremental ?? "auto";
    const incremental = mode === "always" || (mode === "auto" && n >= 2000 && size <= Math.max(1, n * 0.02) && this.drift + size <= n * 0.1);
    if (incremental) {
      const registry = registryOf(prev);
      const delta = updateExtraction(prev, scan.removed, scan.added, registry, { problems: scan.problems, stamps: scan.stamps });
      setRegistry(delta.corpus, registry);
      const index = this.index;
      index.update(delta.corpus, delta);
      index.yearsSet(inferAfter(delta, index.eventLookup()));
      settleStamps(scan, prev.stamps);
      this.current = { corpus: delta.corpus, index };
      this.drift += size;
    } else {
      const corpus = assembleCorpus(scan.articles, scan.problems, scan.stamps);
      const index = new CorpusIndex(corpus);
      settleStamps(scan, prev.stamps);
      this.current = { corpus, index };
      this.drift = 0;
    }
    const ms = performance.now() - t0;
    this.lastRefresh = { ...change, mode: incremental ? "incremental" : "full", ms };
    this.options.logger?.info({ ...change, articles: this.corpus.articles.length, mode: this.lastRefresh.mode, ms: Math.round(ms) }, "corpus refreshed");
    this.save();
    return change;
  }

  /**
   * Build now what the first incremental change would otherwise build: the person registry of a corpus
   * loaded from a snapshot, the year-inference bookkeeping (about a second at 100,000 articles) and the
   * extraction's compiled regular expressions (an invented article is extracted once), so that the first
   * change costs what the later ones do. Does nothing when refreshes rebuild everything.
   * The live corpus calls it when it starts watching. Returns the milliseconds it took.
   */
  prepareUpdates(): number {
    const t0 = performance.now();
    const job = this.prepareJob();
    if (!job) return 0;
    runSync(job);
    return performance.now() - t0;
  }

  /** What prepareUpdates does, as a job (undefined when refreshes rebuild everything anyway). */
  private prepareJob(sliceMs = 10): Steps<void> | undefined {
    const mode = this.options.incremental ?? "auto";
    const { corpus, index } = this.current;
    if (mode === "never" || (mode === "auto" && corpus.articles.length < 2000)) return undefined;
    return (function* () {
      warmUpExtraction();
      // A person or an article is tens of µs of work here: look at the clock every few dozen.
      const pacer = new Pacer(sliceMs, 32);
      const registry = yield* registryOfSteps(corpus, pacer);
      yield* prepareUpdatesSteps(corpus, registry, (file) => index.articles.get(file), pacer);
    })();
  }

  /**
   * prepareUpdates in ~10 ms slices with pauses between them, so that questions asked meanwhile are
   * answered (after a restart at 100,000 articles it is ~5 s of work). The live corpus calls it when it
   * starts watching. A change that comes first builds what it needs itself; the job then stops. Resolves
   * with the milliseconds it took (0 when nothing was needed or a change overtook it).
   * @param options.sliceMs work between pauses, default 10 ms
   * @param options.pause what a pause waits for, default the event loop's other work (`paced.ts` `pause`)
   */
  async prepareUpdatesPaced(options: { sliceMs?: number; pause?: () => Promise<void> } = {}): Promise<number> {
    const t0 = performance.now();
    const corpus = this.current.corpus;
    const job = this.prepareJob(options.sliceMs);
    if (!job) return 0;
    const overtaken = new Error("a change came first");
    const wait = options.pause ?? pause;
    try {
      await runPaced(job, async () => {
        await wait();
        if (this.current.corpus !== corpus) throw overtaken;
      });
    } catch (err) {
      if (err === overtaken) return 0;
      throw err;
    }
    return performance.now() - t0;
  }

  /**
   * Build what the first questions would otherwise wait for (segmenter and glossary dictionaries, name
   * lookup keys). The bot calls it right after loading, before it answers anyone; `ask` works without it.
   * Returns the milliseconds it took.
   */
  warmUp(): number {
    return warmUp(this.index);
  }

  /** Answer one question (English or Chinese). Never throws on user input. */
  ask(question: string): Answer {
    try {
      return answerQuestion(this.index, question);
    } catch (err) {
      // Damage found in the snapshot while answering: the rebuild has started (rebuildOnDamage).
      if (err instanceof SnapshotDamage) return rebuildingAnswer(question);
      throw err;
    }
  }

  /** Every extracted event, in corpus order. */
  events(): Event[] {
    return this.corpus.events;
  }

  private readonly summaries = new WeakMap<Corpus, CorpusSummary>();

  /**
   * What the corpus holds: article count, languages, date range, titles, skipped files. Kept until the
   * corpus changes: it reads every article's title, date and languages (after a restart from a snapshot
   * at 100,000 articles the first call reads them from the file: ~1 s; `prepareSummary` does it in slices).
   */
  summary(): CorpusSummary {
    return this.summaries.get(this.corpus) ?? runSync(this.summarySteps(new Pacer()));
  }

  /**
   * Build the summary now in ~10 ms slices, so that the first `/start` or `/sources` after a restart
   * does not wait for it (the bot calls it after loading). Does nothing when it is built already.
   */
  async prepareSummary(): Promise<void> {
    if (!this.summaries.has(this.corpus)) await runPaced(this.summarySteps(new Pacer(10, 256)));
  }

  private *summarySteps(pacer: Pacer): Steps<CorpusSummary> {
    const { corpus, index } = this.current;
    // The earliest and latest dated events are among those of the first and last year listed.
    const years = [...index.eventsOfYear.keys()].sort((x, y) => x - y);
    const edges = [years[0], years[years.length - 1]].flatMap((y) => (y === undefined ? [] : (index.eventsOfYear.get(y) ?? [])));
    const dates = edges.map((e) => e.date).filter((d) => d.year).map((d) => isoDate(d));
    const languages = new Set<Lang>();
    const titles: CorpusSummary["titles"] = [];
    for (const a of corpus.articles) {
      for (const l of a.langs) languages.add(l);
      const date = a.published?.year ? isoDate(a.published) : undefined;
      if (date) dates.push(date);
      titles.push({ file: a.file, title: a.title, date: a.published ? isoDate(a.published) : undefined });
      if (pacer.tick()) yield;
    }
    dates.sort();
    const s: CorpusSummary = { articles: corpus.articles.length, events: corpus.events.length, languages: [...languages], from: dates[0], to: dates[dates.length - 1], titles, problems: corpus.problems };
    // A change while the slices ran: this summary is of the corpus it started from.
    this.summaries.set(corpus, s);
    return s;
  }

  /** Three example questions built from what this corpus actually holds. */
  examples(lang: Lang = "en"): string[] {
    return examplesFor(this.corpus, lang, this.index);
  }
}
