/**
 * Corpus → searchable index. Takes a Corpus; holds MiniSearch over sentences (bilingual tokenizer,
 * prefix search for long terms only) plus lookups the query stage needs: sentence → event,
 * sentence → people, the vocabulary, places, and acronyms built from the text ("SCO" →
 * "Shanghai Cooperation Organization").
 */
import MiniSearch from "minisearch";
import type { Corpus } from "../corpus/corpus.ts";
import { findPlaces, placeKey } from "../extract/places.ts";
import type { Article, Event, Sentence } from "../types.ts";
import { fold, tokenize } from "./tokenize.ts";
import type { Vocabulary } from "../query/parse.ts";

export interface SentenceHit {
  sentence: Sentence;
  score: number;
  terms: string[];
}

const identity = (t: string) => t;

export class CorpusIndex {
  readonly sentences = new Map<string, Sentence>();
  readonly articles = new Map<string, Article>();
  readonly events = new Map<string, Event>();
  readonly sentenceTerms = new Map<string, Set<string>>();
  /** In how many sentences each term occurs. */
  readonly df = new Map<string, number>();
  readonly vocab: Vocabulary;
  /** Sentences that mention (or refer to) each person, and events each person, place key and year appear in. */
  readonly sentencesOfPerson = new Map<string, string[]>();
  readonly eventsOfPerson = new Map<string, Event[]>();
  readonly eventsOfPlace = new Map<string, Event[]>();
  readonly eventsOfYear = new Map<number, Event[]>();
  /** Upper-case initials → the phrase they abbreviate, collected from the corpus text. */
  readonly acronyms = new Map<string, string>();
  private readonly mini: MiniSearch<Sentence>;

  constructor(readonly corpus: Corpus) {
    this.mini = new MiniSearch<Sentence>({ fields: ["text"], storeFields: [], tokenize, processTerm: identity });
    const terms = new Set<string>();
    const places = new Set<string>();
    for (const a of corpus.articles) {
      this.articles.set(a.file, a);
      for (const s of a.sentences) {
        this.sentences.set(s.id, s);
        const t = new Set(tokenize(s.text));
        this.sentenceTerms.set(s.id, t);
        for (const x of t) {
          terms.add(x);
          this.df.set(x, (this.df.get(x) ?? 0) + 1);
        }
        for (const p of findPlaces(s.text)) places.add(p.name);
        for (const m of s.text.matchAll(/\b(\p{Lu}[\p{L}'’-]+(?:\s+(?:of|and|for|the|on)?\s*\p{Lu}[\p{L}'’-]+){1,6})/gu)) {
          const words = m[1]!.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
          if (words.length >= 2) this.acronyms.set(words.map((w) => w[0]).join("").toUpperCase(), m[1]!);
        }
      }
      this.mini.addAll(a.sentences);
    }
    const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
      const l = m.get(k);
      if (l) l.push(v);
      else m.set(k, [v]);
    };
    for (const e of corpus.events) {
      this.events.set(e.id, e);
      if (e.place) {
        places.add(e.place);
        push(this.eventsOfPlace, placeKey(e.place), e);
      }
      for (const p of e.participants) push(this.eventsOfPerson, p.id, e);
      if (e.date.year) push(this.eventsOfYear, e.date.year, e);
    }
    for (const [sid, ids] of corpus.mentions) for (const id of ids) push(this.sentencesOfPerson, id, sid);
    this.vocab = {
      persons: corpus.persons,
      places: [...places],
      terms,
      acronyms: new Set(this.acronyms.keys()),
      hasNear: (term) => this.mini.search(term, { tokenize: (x) => [x], processTerm: identity, fuzzy: 1, prefix: false }).length > 0,
    };
  }

  /** Ranked sentences for a bag of terms (OR), best first. */
  searchSentences(query: string | string[], limit = 40): SentenceHit[] {
    // Terms found in a large share of all sentences ("meeting", "会议") rank almost nothing but cost the
    // most to search: they are left out of the query (the ranking stage still sees them), unless only
    // such terms were asked for.
    const all = [...new Set(Array.isArray(query) ? query.flatMap((x) => tokenize(x)) : tokenize(query))];
    const common = Math.max(50, this.sentences.size * 0.02);
    const rare = all.filter((t) => (this.df.get(t) ?? 0) <= common);
    const q = (rare.length ? rare : all.sort((a, b) => (this.df.get(a) ?? 0) - (this.df.get(b) ?? 0)).slice(0, 3)).join(" ");
    return this.mini
      .search(q, { tokenize, processTerm: identity, combineWith: "OR" })
      .slice(0, limit)
      .map((r) => ({ sentence: this.sentences.get(String(r.id))!, score: r.score, terms: r.terms }));
  }

  private readonly foldedText = new Map<string, string>();
  /** A sentence's text folded (lower case, simplified Chinese), computed on first use and kept. */
  folded(sentenceId: string): string {
    let t = this.foldedText.get(sentenceId);
    if (t === undefined) {
      t = fold(this.sentences.get(sentenceId)!.text);
      this.foldedText.set(sentenceId, t);
    }
    return t;
  }

  eventOf(sentenceId: string): Event | undefined {
    const id = this.corpus.sentenceEvent.get(sentenceId);
    return id ? this.events.get(id) : undefined;
  }

  peopleIn(sentenceId: string): string[] {
    return this.corpus.mentions.get(sentenceId) ?? [];
  }
}
