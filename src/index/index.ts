/**
 * Corpus → searchable index: MiniSearch over sentences (and events), with the bilingual tokenizer.
 * Takes a Corpus, answers `searchSentences(query)` with ranked sentences.
 */
import MiniSearch from "minisearch";
import type { Corpus } from "../corpus/corpus.ts";
import type { Article, Sentence } from "../types.ts";
import { tokenize } from "./tokenize.ts";

export interface SentenceHit {
  sentence: Sentence;
  score: number;
  terms: string[];
}

export class CorpusIndex {
  readonly sentences = new Map<string, Sentence>();
  readonly articles = new Map<string, Article>();
  private readonly mini: MiniSearch<Sentence>;

  constructor(readonly corpus: Corpus) {
    this.mini = new MiniSearch<Sentence>({
      fields: ["text"],
      storeFields: [],
      tokenize,
      processTerm: (t) => t,
    });
    for (const a of corpus.articles) {
      this.articles.set(a.file, a);
      for (const s of a.sentences) this.sentences.set(s.id, s);
      this.mini.addAll(a.sentences);
    }
  }

  searchSentences(query: string | string[], limit = 20): SentenceHit[] {
    const q = Array.isArray(query) ? query.join(" ") : query;
    return this.mini
      .search(q, { tokenize, processTerm: (t) => t, combineWith: "OR" })
      .slice(0, limit)
      .map((r) => ({ sentence: this.sentences.get(String(r.id))!, score: r.score, terms: r.terms }));
  }
}
