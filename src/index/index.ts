/**
 * Corpus → searchable index. Takes a Corpus (and optionally the saved state of an earlier index of it,
 * from a snapshot); holds the sentence search (search.ts: one document per sentence, bilingual
 * tokenizer, BM25, no prefix or fuzzy expansion) plus the lookups the query stage needs: sentence →
 * event, sentence → people, the vocabulary, places, acronyms built from the text ("SCO" → "Shanghai
 * Cooperation Organization"), and inverted lists of events per person, place and year.
 */
import type { Corpus } from "../corpus/corpus.ts";
import { findPlaces, placeKey } from "../extract/places.ts";
import type { Article, Event, Sentence } from "../types.ts";
import { fold, tokenize } from "./tokenize.ts";
import { SentenceSearch, type SearchParts } from "./search.ts";
import type { Vocabulary } from "../query/parse.ts";

export interface SentenceHit {
  sentence: Sentence;
  score: number;
  terms: string[];
}

/** What a snapshot keeps of an index besides the corpus itself. */
export interface SavedIndex {
  search: SearchParts;
  /** Place names in first-seen order (vocab.places). */
  places: string[];
  /** Acronym → phrase. */
  acronyms: [string, string][];
}

/** Per article: the place names its sentences mention and the acronyms it spells out, in text order. */
interface ArticleExtras {
  places: string[];
  acronyms: [string, string][];
}

const ACRONYM_PHRASE = /\b(\p{Lu}[\p{L}'’-]+(?:\s+(?:of|and|for|the|on)?\s*\p{Lu}[\p{L}'’-]+){1,6})/gu;

function extrasOf(a: Article): ArticleExtras {
  const places: string[] = [];
  const acronyms: [string, string][] = [];
  for (const s of a.sentences) {
    for (const p of findPlaces(s.text)) places.push(p.name);
    for (const m of s.text.matchAll(ACRONYM_PHRASE)) {
      const words = m[1]!.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
      if (words.length >= 2) acronyms.push([words.map((w) => w[0]).join("").toUpperCase(), m[1]!]);
    }
  }
  return { places, acronyms };
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

/** Event id "file#e3" → its article file and number. */
function eventKey(e: Event): [string, number] {
  const i = e.id.lastIndexOf("#e");
  return [e.file, Number(e.id.slice(i + 2))];
}

const byFile = (a: string, b: string) => a.localeCompare(b);

/** Insert `v` into `list` (kept in corpus order by `cmp`) after every element not after it. */
function insertSorted<T>(list: T[], v: T, cmp: (a: T, b: T) => number): void {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cmp(list[mid]!, v) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, v);
}

const compareEvents = (x: Event, y: Event) => {
  const [fx, ix] = eventKey(x), [fy, iy] = eventKey(y);
  return fx === fy ? ix - iy : byFile(fx, fy);
};

/** A sentence's terms, computed on first use (the question stage looks at a few hundred per question). */
class LazyTerms extends Map<string, Set<string>> {
  constructor(private readonly sentences: Map<string, Sentence>) {
    super();
  }
  override get(id: string): Set<string> | undefined {
    let t = super.get(id);
    if (t === undefined) {
      const s = this.sentences.get(id);
      if (!s) return undefined;
      if (super.size >= 200_000) super.clear();
      t = new Set(tokenize(s.text));
      super.set(id, t);
    }
    return t;
  }
  override has(id: string): boolean {
    return this.sentences.has(id);
  }
}

export class CorpusIndex {
  readonly sentences = new Map<string, Sentence>();
  readonly articles = new Map<string, Article>();
  readonly events = new Map<string, Event>();
  /** Each sentence's search terms (computed on first use, kept in a bounded cache). */
  readonly sentenceTerms: Map<string, Set<string>>;
  readonly vocab: Vocabulary;
  /** Sentences that mention (or refer to) each person, and events each person, place key and year appear in. */
  readonly sentencesOfPerson = new Map<string, string[]>();
  readonly eventsOfPerson = new Map<string, Event[]>();
  readonly eventsOfPlace = new Map<string, Event[]>();
  readonly eventsOfYear = new Map<number, Event[]>();
  private current: Corpus;
  private readonly search: SentenceSearch;
  private readonly terms = new Set<string>();
  /** Per-article places and acronyms (filled by a fresh build, or on the first update after a snapshot load). */
  private extras: Map<string, ArticleExtras> | undefined;
  private placeList: string[] | undefined;
  private acronymMap: Map<string, string> | undefined;
  private readonly foldedText = new Map<string, string>();

  constructor(corpus: Corpus, saved?: SavedIndex) {
    this.current = corpus;
    this.sentenceTerms = new LazyTerms(this.sentences);
    for (const a of corpus.articles) {
      this.articles.set(a.file, a);
      for (const s of a.sentences) this.sentences.set(s.id, s);
    }
    if (saved) {
      const ids: string[] = [];
      for (const a of corpus.articles) for (const s of a.sentences) ids.push(s.id);
      this.search = SentenceSearch.fromParts(saved.search, ids);
      for (const t of saved.search.terms) this.terms.add(t);
      this.placeList = saved.places;
      this.acronymMap = new Map(saved.acronyms);
    } else {
      this.search = new SentenceSearch();
      this.extras = new Map();
      for (const a of corpus.articles) {
        for (const s of a.sentences) {
          const toks = tokenize(s.text);
          this.search.add(s.id, toks);
          for (const t of toks) this.terms.add(t);
        }
        this.extras.set(a.file, extrasOf(a));
      }
      this.search.seal();
    }
    for (const e of corpus.events) this.listEvent(e);
    for (const [sid, ids] of corpus.mentions) for (const id of ids) push(this.sentencesOfPerson, id, sid);
    const self = this;
    this.vocab = {
      get persons() {
        return self.current.persons;
      },
      get places() {
        return self.places();
      },
      terms: this.terms,
      get acronyms() {
        return self.acronymKeys();
      },
      hasNear: (term) => this.search.hasNear(term),
    };
  }

  get corpus(): Corpus {
    return this.current;
  }

  /** Upper-case initials → the phrase they abbreviate, collected from the corpus text (the last article in corpus order wins). */
  get acronyms(): Map<string, string> {
    if (!this.acronymMap) {
      const m = new Map<string, string>();
      for (const a of this.current.articles) for (const [k, v] of this.extrasFor(a).acronyms) m.set(k, v);
      this.acronymMap = m;
    }
    return this.acronymMap;
  }

  private acronymKeySet: Set<string> | undefined;
  private acronymKeys(): Set<string> {
    const m = this.acronyms;
    if (!this.acronymKeySet || this.acronymKeysOf !== m) {
      this.acronymKeySet = new Set(m.keys());
      this.acronymKeysOf = m;
    }
    return this.acronymKeySet;
  }
  private acronymKeysOf: Map<string, string> | undefined;

  /** Place names seen in sentences (in corpus order), then those only events name. */
  private places(): string[] {
    if (!this.placeList) {
      const set = new Set<string>();
      for (const a of this.current.articles) for (const p of this.extrasFor(a).places) set.add(p);
      for (const e of this.current.events) if (e.place) set.add(e.place);
      this.placeList = [...set];
    }
    return this.placeList;
  }

  private extrasFor(a: Article): ArticleExtras {
    this.extras ??= new Map();
    let x = this.extras.get(a.file);
    if (!x) this.extras.set(a.file, (x = extrasOf(a)));
    return x;
  }

  private listEvent(e: Event, sorted = false): void {
    this.events.set(e.id, e);
    const add = <K>(m: Map<K, Event[]>, k: K) => {
      const l = m.get(k);
      if (!l) m.set(k, [e]);
      else if (sorted) insertSorted(l, e, compareEvents);
      else l.push(e);
    };
    if (e.place) add(this.eventsOfPlace, placeKey(e.place));
    for (const p of e.participants) add(this.eventsOfPerson, p.id);
    if (e.date.year) add(this.eventsOfYear, e.date.year);
  }

  private unlistEvent(e: Event): void {
    this.events.delete(e.id);
    const drop = <K>(m: Map<K, Event[]>, k: K) => {
      const l = m.get(k);
      if (!l) return;
      const i = l.indexOf(e);
      if (i >= 0) l.splice(i, 1);
      if (!l.length) m.delete(k);
    };
    if (e.place) drop(this.eventsOfPlace, placeKey(e.place));
    for (const p of e.participants) drop(this.eventsOfPerson, p.id);
    if (e.date.year) drop(this.eventsOfYear, e.date.year);
  }

  /** The index's state for a snapshot (search postings compacted, places, acronyms). */
  save(): SavedIndex {
    const parts = this.search.exportParts();
    const { ids: _ids, ...search } = parts;
    return { search, places: this.places(), acronyms: [...this.acronyms] };
  }

  /** In how many sentences a term occurs. */
  docFrequency(term: string): number {
    return this.search.docFrequency(term);
  }

  /** Ranked sentences for a bag of terms (OR), best first. */
  searchSentences(query: string | string[], limit = 40): SentenceHit[] {
    // Terms found in a large share of all sentences ("meeting", "会议") rank almost nothing but cost the
    // most to search: they are left out of the query (the ranking stage still sees them), unless only
    // such terms were asked for.
    const all = [...new Set(Array.isArray(query) ? query.flatMap((x) => tokenize(x)) : tokenize(query))];
    const common = Math.max(50, this.sentences.size * 0.02);
    const df = (t: string) => this.search.docFrequency(t);
    const rare = all.filter((t) => df(t) <= common);
    const q = (rare.length ? rare : all.sort((a, b) => df(a) - df(b)).slice(0, 3)).join(" ");
    return this.search.search(tokenize(q), limit).map((r) => ({ sentence: this.sentences.get(r.id)!, score: r.score, terms: r.terms }));
  }

  /** A sentence's text folded (lower case, simplified Chinese), computed on first use and kept. */
  folded(sentenceId: string): string {
    let t = this.foldedText.get(sentenceId);
    if (t === undefined) {
      t = fold(this.sentences.get(sentenceId)!.text);
      if (this.foldedText.size >= 200_000) this.foldedText.clear();
      this.foldedText.set(sentenceId, t);
    }
    return t;
  }

  eventOf(sentenceId: string): Event | undefined {
    const id = this.current.sentenceEvent.get(sentenceId);
    return id ? this.events.get(id) : undefined;
  }

  peopleIn(sentenceId: string): string[] {
    return this.current.mentions.get(sentenceId) ?? [];
  }
}
