/**
 * The live corpus. `new LiveCorpus({ core, store, now })` keeps a running Core and the ingest registry
 * in step with the data folder: `sync()` re-scans (core.refresh) and records in the registry when each
 * new or changed article entered the corpus; `sync(files)` looks at those files only. `start()` watches
 * the folder recursively (fs.watch) and syncs ~500 ms after the last change (debounce; the timer
 * functions are injectable and `flush()` syncs at once, so tests never sleep), telling the refresh which
 * files the watcher named — or re-scanning the whole folder when it named a folder or nothing. Syncs
 * never overlap; a change during one triggers another.
 * Returns what changed ({ corpus, registry }); errors are logged, never thrown out of the watcher.
 */
import { watch, type FSWatcher } from "node:fs";
import { extname } from "node:path";
import type { Core } from "../core.ts";
import { CORPUS_EXTENSIONS } from "../corpus/load.ts";
import type { CorpusChange } from "../corpus/corpus.ts";
import type { Logger } from "../logger.ts";
import type { RegistryChange, StateStore } from "../state/store.ts";

export interface Timers {
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export interface LiveOptions {
  core: Core;
  /** Where first-seen times are kept; without one only the corpus is refreshed. */
  store?: StateStore;
  now: () => Date;
  logger?: Logger;
  /** Quiet time after the last file event before a sync; default 500 ms. */
  debounceMs?: number;
  /** setTimeout/clearTimeout (tests pass fakes); default the global ones, unref'd. */
  timers?: Timers;
}

export interface SyncResult {
  corpus: CorpusChange;
  registry: RegistryChange;
  /** The files the sync looked at, or undefined when it re-scanned the whole folder. */
  files?: string[];
}

const NO_CHANGE: RegistryChange = { added: [], changed: [], removed: [] };

const realTimers: Timers = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** Whether a file event can matter: corpus files, and folders (no extension) that may hold some. */
export function relevantPath(name: string | null | undefined): boolean {
  if (!name) return true;
  const base = name.split(/[\\/]/).pop() ?? name;
  if (base.startsWith(".") || base.endsWith("~")) return false;
  const ext = extname(base).toLowerCase();
  return !ext || CORPUS_EXTENSIONS.includes(ext);
}

/** Whether a file event names one corpus file (rather than a folder, or nothing). */
function namesFile(name: string | null | undefined): name is string {
  return !!name && CORPUS_EXTENSIONS.includes(extname(name).toLowerCase());
}

export class LiveCorpus {
  private watcher: FSWatcher | undefined;
  private pending: unknown;
  private chain: Promise<unknown> = Promise.resolve();
  /** Files named by the events since the last debounced sync; undefined once one of them was not a file. */
  private named: Set<string> | undefined = new Set();
  private readonly timers: Timers;
  private readonly debounceMs: number;
  /** Syncs finished so far (for tests and health). */
  syncs = 0;
  /** What the last finished sync did. */
  lastSync: SyncResult | undefined;

  constructor(private readonly o: LiveOptions) {
    this.timers = o.timers ?? realTimers;
    this.debounceMs = o.debounceMs ?? 500;
  }

  get core(): Core {
    return this.o.core;
  }

  get dataDir(): string {
    return this.o.core.options.dataDir;
  }

  /** Record the articles the core holds now in the registry, without re-scanning (at start-up, after Core.load). */
  async record(): Promise<RegistryChange> {
    if (!this.o.store) return NO_CHANGE;
    const files = this.o.core.corpus.articles.map((a) => ({ file: a.file, hash: a.hash }));
    const change = await this.o.store.syncRegistry(files, this.o.now().getTime());
    if (change.added.length || change.changed.length || change.removed.length) this.o.logger?.info({ ...count(change) }, "ingest registry updated");
    return change;
  }

  /**
   * Re-scan the data folder (or only `files`, paths relative to it) and record what entered.
   * Calls queue behind each other.
   */
  sync(files?: string[]): Promise<SyncResult> {
    const run = this.chain.then(async () => {
      const corpus = await this.o.core.refresh(files ? { files } : {});
      const registry = await this.record();
      this.syncs++;
      this.lastSync = { corpus, registry, ...(files ? { files } : {}) };
      return this.lastSync;
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Start watching the data folder. A missing folder is logged (nothing to watch until a restart). */
  start(): void {
    if (this.watcher) return;
    // The first change then costs what later ones do (in slices: questions keep being answered meanwhile).
    this.o.core.prepareUpdatesPaced().catch((err: unknown) => this.o.logger?.warn({ err: err instanceof Error ? err.message : String(err) }, "incremental updates not prepared"));
    try {
      this.watcher = watch(this.dataDir, { recursive: true, persistent: false }, (_event, name) => {
        if (relevantPath(name)) this.schedule(name);
      });
      this.watcher.on("error", (err) => this.o.logger?.warn({ err: err.message }, "watching the data folder failed"));
      this.o.logger?.info({ dir: this.dataDir }, "watching the data folder");
    } catch (err) {
      this.o.logger?.warn({ dir: this.dataDir, err: err instanceof Error ? err.message : String(err) }, "cannot watch the data folder; new articles need a restart");
    }
  }

  /**
   * Something changed — the corpus file `name` (relative to the data folder), or, without a file name, a
   * folder or anything: sync once things have been quiet for the debounce time.
   */
  schedule(name?: string | null): void {
    if (namesFile(name)) this.named?.add(name.split("\\").join("/"));
    else this.named = undefined;
    if (this.pending !== undefined) this.timers.clearTimeout(this.pending);
    this.pending = this.timers.setTimeout(() => void this.syncScheduled(), this.debounceMs);
  }

  /** The debounced sync: the files named since the last one, or the whole folder. */
  private syncScheduled(): Promise<void> {
    this.pending = undefined;
    const files = this.named ? [...this.named] : undefined;
    this.named = new Set();
    return this.sync(files).then(
      () => undefined,
      (err: unknown) => void this.o.logger?.error({ err: err instanceof Error ? err.message : String(err) }, "refreshing the corpus failed"),
    );
  }

  /** Whether a debounced sync is waiting. */
  get scheduled(): boolean {
    return this.pending !== undefined;
  }

  /** Run a waiting sync now (or wait for the one in progress); resolves when the corpus is up to date. */
  async flush(): Promise<void> {
    if (this.pending !== undefined) {
      this.timers.clearTimeout(this.pending);
      await this.syncScheduled();
    } else await this.chain;
  }

  async stop(): Promise<void> {
    this.watcher?.close();
    this.watcher = undefined;
    if (this.pending !== undefined) this.timers.clearTimeout(this.pending);
    this.pending = undefined;
    this.named = new Set();
    await this.chain;
  }
}

function count(c: RegistryChange): Record<string, number> {
  return { added: c.added.length, changed: c.changed.length, removed: c.removed.length };
}
