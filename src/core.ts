/**
 * The one entry point adapters use. `Core.load({ dataDir })` reads and indexes a corpus;
 * `core.ask(question)` returns a neutral Answer; `core.summary()` says what the corpus holds.
 * Adapters never reach past this file into the pipeline.
 */
import type { Answer } from "./answer.ts";
import { buildCorpus, refreshCorpus, type Corpus, type CorpusChange } from "./corpus/corpus.ts";
import type { LoadProblem } from "./corpus/load.ts";
import { CorpusIndex } from "./index/index.ts";
import type { Logger } from "./logger.ts";
import { answerQuestion } from "./query/answer.ts";
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
  private constructor(
    readonly options: Required<Pick<CoreOptions, "dataDir" | "now">> & CoreOptions,
    private current: { corpus: Corpus; index: CorpusIndex },
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
    const corpus = await buildCorpus(opts.dataDir, { maxBytes: opts.maxFileBytes });
    for (const p of corpus.problems) opts.logger?.warn({ file: p.file, reason: p.reason }, "skipped corpus file");
    const index = new CorpusIndex(corpus);
    opts.logger?.info({ articles: corpus.articles.length, events: corpus.events.length }, "corpus loaded");
    return new Core(opts, { corpus, index });
  }

  /**
   * Re-scan the data folder: new, changed and removed files are picked up without a restart
   * (unchanged files are not re-read). Questions asked meanwhile see the old corpus until the new one is ready.
   */
  async refresh(): Promise<CorpusChange> {
    const { corpus, change } = await refreshCorpus(this.options.dataDir, this.corpus, { maxBytes: this.options.maxFileBytes });
    if (corpus !== this.corpus) {
      const known = new Set(this.corpus.problems.map((p) => p.file));
      for (const p of corpus.problems) if (!known.has(p.file)) this.options.logger?.warn({ file: p.file, reason: p.reason }, "skipped corpus file");
      this.current = { corpus, index: new CorpusIndex(corpus) };
      this.options.logger?.info({ ...change, articles: corpus.articles.length }, "corpus refreshed");
    }
    return change;
  }

  /** Answer one question (English or Chinese). Never throws on user input. */
  ask(question: string): Answer {
    return answerQuestion(this.index, question);
  }

  /** Every extracted event, in corpus order. */
  events(): Event[] {
    return this.corpus.events;
  }

  /** What the corpus holds: article count, languages, date range, titles, skipped files. */
  summary(): CorpusSummary {
    const dates = [
      ...this.corpus.events.map((e) => e.date),
      ...this.corpus.articles.map((a) => a.published).filter((d) => d !== undefined),
    ]
      .filter((d) => d.year)
      .map((d) => isoDate(d))
      .sort();
    return {
      articles: this.corpus.articles.length,
      events: this.corpus.events.length,
      languages: [...new Set(this.corpus.articles.flatMap((a) => a.langs))],
      from: dates[0],
      to: dates[dates.length - 1],
      titles: this.corpus.articles.map((a) => ({ file: a.file, title: a.title, date: a.published ? isoDate(a.published) : undefined })),
      problems: this.problems,
    };
  }

  /** Three example questions built from what this corpus actually holds. */
  examples(lang: Lang = "en"): string[] {
    return examplesFor(this.corpus, lang);
  }
}
