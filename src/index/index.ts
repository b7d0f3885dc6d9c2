/**
 * Corpus → searchable index. Takes a Corpus (and optionally the saved state of an earlier index of it,
 * from a snapshot); holds the sentence search (search.ts: one document per sentence, bilingual
 * tokenizer, BM25, no prefix or fuzzy expansion) plus the lookups the query stage needs: sentence →
 * event, sentence → people, the vocabulary, places, acronyms built from the text ("SCO" → "Shanghai
 * Cooperation Organization"), and inverted lists of events per person, place and year.
 * `update` follows an incremental change of a few articles (extract/update.ts) without rebuilding the
 * rest: search documents, lists and vocabulary end as a fresh build would make them (equal scores rank
 * in corpus order), except that places and acronyms only an article that went spelled out stay known.
 */
import type { Corpus } from "../corpus/corpus.ts";
import { sentenceCount, splitSentenceId } from "../corpus/clean.ts";
import { findPlaces, placeKey } from "../extract/places.ts";
import type { Article, Event, Lang, Sentence } from "../types.ts";
import { fold, tokenize, tokenizeOnce } from "./tokenize.ts";
import { SentenceSearch, type BasePostings, type DocIds, type SearchParts } from "./search.ts";
import { listingOf } from "../extract/listing.ts";
import { ListMap, saveListsSteps, type SavedLists } from "./list-map.ts";
import { Pacer, pauseOrStop, runPaced, runSync, type Steps } from "../paced.ts";
import type { Vocabulary } from "../query/parse.ts";

export interface SentenceHit {
  sentence: Sentence;
  score: number;
  terms: string[];
}

/** What a snapshot keeps of an index besides the corpus itself. */
export interface SavedIndex {
  search: SearchParts;
  /** Where the search's postings are read from instead of `search.docs`/`tfs` (a snapshot's file). */
  postings?: BasePostings;
  /** Sentences per person, events per person, place key, year and series name (absent: built from the corpus). */
  lists?: { sentencesOfPerson: SavedLists<string>; eventsOfPerson: SavedLists<string>; eventsOfPlace: SavedLists<string>; eventsOfYear: SavedLists<number>; eventsOfSeries: SavedLists<string> };
  /** Place names in first-seen order (vocab.places). */
  places: string[];
  /** Acronym → phrase, and the article it was taken from (the last in corpus order that spells it out). */
  acronyms: [string, string, string][];
}

/** What an incremental change removed and added (extract/update.ts's ExtractionDelta). */
export interface IndexDelta {
  removedArticles: Article[];
  addedArticles: Article[];
  removedEvents: Event[];
  addedEvents: Event[];
  removedMentions: [string, string[]][];
  addedMentions: [string, string[]][];
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

function push<K, V>(m: ListMap<K, V>, k: K, v: V): void {
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

/**
 * Sentence id → sentence, read through its article: no table of its own, so a snapshot's sentences stay
 * encoded until something reads them (clean.ts CleanArticle). `size` counts the articles' sentences.
 */
export class SentenceTable {
  size = 0;
  constructor(private readonly articles: Map<string, Article>) {}
  get(id: string): Sentence | undefined {
    const at = splitSentenceId(id);
    const a = at && this.articles.get(at[0]);
    if (!a || at[1] >= sentenceCount(a)) return undefined;
    return a.sentences[at[1]];
  }
  has(id: string): boolean {
    const at = splitSentenceId(id);
    const a = at && this.articles.get(at[0]);
    return !!a && at[1] < sentenceCount(a);
  }
  /**
   * Each sentence's language (as langOf), for many ids at once: a run of ids of one article (a list in
   * corpus order) looks the article up once.
   */
  langsOf(ids: readonly string[]): (Lang | undefined)[] {
    const out: (Lang | undefined)[] = new Array(ids.length);
    let file: string | undefined, a: Article | undefined, count = 0, single: Lang | undefined;
    for (let k = 0; k < ids.length; k++) {
      const at = splitSentenceId(ids[k]!);
      if (!at) {
        out[k] = undefined;
        continue;
      }
      if (at[0] !== file) {
        file = at[0];
        a = this.articles.get(file);
        count = a ? sentenceCount(a) : 0;
        single = a && a.langs.length === 1 ? a.langs[0] : undefined;
      }
      out[k] = !a || at[1] >= count ? undefined : (single ?? a.sentences[at[1]]!.lang);
    }
    return out;
  }
  /** A sentence's language, from its article when the article has one language (no sentence read). */
  langOf(id: string): Lang | undefined {
    const at = splitSentenceId(id);
    const a = at && this.articles.get(at[0]);
    if (!a || at[1] >= sentenceCount(a)) return undefined;
    return a.langs.length === 1 ? a.langs[0] : a.sentences[at[1]]!.lang;
  }
}

/** Documents 0..n-1 as the sentences of `articles` in order (how a snapshot numbers them). */
export function articleDocIds(articles: Article[]): DocIds {
  const files = articles.map((a) => a.file);
  const starts = new Int32Array(files.length + 1);
  const at = new Map<string, number>();
  articles.forEach((a, k) => {
    starts[k + 1] = starts[k]! + sentenceCount(a);
    at.set(a.file, k);
  });
  return {
    count: starts[files.length]!,
    idOf(d) {
      let lo = 0, hi = files.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= d) lo = mid;
        else hi = mid - 1;
      }
      return `${files[lo]}#${d - starts[lo]!}`;
    },
    docOf(id) {
      const p = splitSentenceId(id);
      const k = p && at.get(p[0]);
      if (k === undefined || p![1] >= starts[k + 1]! - starts[k]!) return undefined;
      return starts[k]! + p![1];
    },
  };
}

/**
 * Event id ("file#e3") → event, kept as each article's list of events: no map entry (or id string
 * built) per event, of which a snapshot restores hundreds of thousands.
 */
export class EventTable {
  private readonly byFile = new Map<string, Event[]>();

  /** Every event of `events` (in corpus order: an article's events together, in their order). */
  static of(events: Event[]): EventTable {
    const t = new EventTable();
    let file: string | undefined, list: Event[] = [];
    for (const e of events) {
      if (e.file !== file) t.byFile.set((file = e.file), (list = []));
      list.push(e);
    }
    return t;
  }

  get(id: string): Event | undefined {
    const i = id.lastIndexOf("#e");
    return i < 0 ? undefined : this.byFile.get(id.slice(0, i))?.[Number(id.slice(i + 2))];
  }

  set(e: Event): void {
    const [file, i] = eventKey(e);
    let l = this.byFile.get(file);
    if (!l) this.byFile.set(file, (l = []));
    while (l.length < i) l.push(undefined as unknown as Event);
    l[i] = e;
  }

  delete(e: Event): void {
    const [file, i] = eventKey(e);
    const l = this.byFile.get(file);
    if (l?.[i] !== e) return;
    l[i] = undefined as unknown as Event;
    while (l.length && l[l.length - 1] === undefined) l.pop();
    if (!l.length) this.byFile.delete(file);
  }

  /** An article's events, in their order. */
  ofFile(file: string): Event[] {
    return (this.byFile.get(file) ?? []).filter((e) => e !== undefined);
  }
}

/** A sentence's terms, computed on first use (the question stage looks at a few hundred per question). */
class LazyTerms extends Map<string, Set<string>> {
  constructor(private readonly sentences: SentenceTable) {
    super();
  }
  override get(id: string): Set<string> | undefined {
    let t = super.get(id);
    if (t === undefined) {
      const s = this.sentences.get(id);
      if (!s) return undefined;
      if (super.size >= 200_000) super.clear();
      t = new Set(tokenizeOnce(s.text));
      super.set(id, t);
    }
    return t;
  }
  override has(id: string): boolean {
    return this.sentences.has(id);
  }
}

export class CorpusIndex {
  readonly articles = new Map<string, Article>();
  readonly sentences = new SentenceTable(this.articles);
  private events = new EventTable();
  /** Each sentence's search terms (computed on first use, kept in a bounded cache). */
  readonly sentenceTerms: Map<string, Set<string>>;
  readonly vocab: Vocabulary;
  /** Sentences that mention (or refer to) each person, and events each person, place key and year appear in. */
  readonly sentencesOfPerson: ListMap<string, string>;
  readonly eventsOfPerson: ListMap<string, Event>;
  readonly eventsOfPlace: ListMap<string, Event>;
  readonly eventsOfYear: ListMap<number, Event>;
  /** Events by their series name as extracted ("the 11th meeting of the … Committee" → its series), in corpus order. */
  readonly eventsOfSeries: ListMap<string, Event>;
  private current: Corpus;
  private readonly search: SentenceSearch;
  private readonly terms = new Set<string>();
  /** Place names in first-seen order (sentences in corpus order, then event places), and as a set. */
  private readonly placeList: string[] = [];
  private readonly placeSet = new Set<string>();
  /** Upper-case initials → the phrase they abbreviate, and the article it came from. */
  readonly acronyms = new Map<string, string>();
  private readonly acronymFile = new Map<string, string>();
  private readonly foldedText = new Map<string, string>();

  constructor(corpus: Corpus, saved?: SavedIndex) {
    this.current = corpus;
    this.sentenceTerms = new LazyTerms(this.sentences);
    for (const a of corpus.articles) {
      this.articles.set(a.file, a);
      this.sentences.size += sentenceCount(a);
    }
    // Sentence positions in corpus order: how a snapshot numbers search documents and sentences in lists.
    const docs = saved ? articleDocIds(corpus.articles) : undefined;
    if (saved) {
      this.search = SentenceSearch.fromParts(saved.search, docs!, saved.postings);
      for (const t of saved.search.terms) this.terms.add(t);
      for (const p of saved.places) this.addPlace(p);
      for (const [k, v, f] of saved.acronyms) {
        this.acronyms.set(k, v);
        this.acronymFile.set(k, f);
      }
    } else {
      this.search = new SentenceSearch();
      for (const a of corpus.articles) {
        for (const s of a.sentences) {
          const toks = tokenizeOnce(s.text);
          this.search.add(s.id, toks);
          for (const t of toks) this.terms.add(t);
        }
        this.addExtras(a);
      }
      this.search.seal();
      for (const e of corpus.events) if (e.place) this.addPlace(e.place);
    }
    const lists = saved?.lists;
    const event = (n: number) => corpus.events[n]!;
    this.sentencesOfPerson = new ListMap(lists?.sentencesOfPerson, (n) => docs!.idOf(n));
    this.eventsOfPerson = new ListMap(lists?.eventsOfPerson, event);
    this.eventsOfPlace = new ListMap(lists?.eventsOfPlace, event);
    this.eventsOfYear = new ListMap(lists?.eventsOfYear, event);
    this.eventsOfSeries = new ListMap(lists?.eventsOfSeries, event);
    if (lists) this.events = EventTable.of(corpus.events);
    else {
      for (const e of corpus.events) this.listEvent(e);
      for (const [sid, ids] of corpus.mentions) for (const id of ids) push(this.sentencesOfPerson, id, sid);
    }
    const self = this;
    this.vocab = {
      get persons() {
        return self.current.persons;
      },
      get places() {
        return self.placeList;
      },
      terms: this.terms,
      get acronyms() {
        return self.acronymKeys();
      },
      hasNear: (term) => this.search.hasNear(term),
      nearest: (term) => this.search.nearest(term),
    };
  }

  get corpus(): Corpus {
    return this.current;
  }

  /** Corpus order of two events (the order of every event list here): article, then the event's number in it. */
  compareEvents(x: Event, y: Event): number {
    return compareEvents(x, y);
  }

  private acronymKeySet: Set<string> | undefined;
  private acronymKeys(): Set<string> {
    this.acronymKeySet ??= new Set(this.acronyms.keys());
    return this.acronymKeySet;
  }

  private addPlace(p: string): void {
    if (this.placeSet.has(p)) return;
    this.placeSet.add(p);
    this.placeList.push(p);
  }

  /**
   * An article's places and acronyms. In a fresh build articles come in corpus order, so the last article
   * spelling an acronym out gives its phrase; an article added later gives it only if it sorts after that one.
   */
  private addExtras(a: Article): void {
    const x = extrasOf(a);
    for (const p of x.places) this.addPlace(p);
    for (const [k, v] of x.acronyms) {
      const from = this.acronymFile.get(k);
      if (from !== undefined && from !== a.file && byFile(a.file, from) < 0) continue;
      this.acronyms.set(k, v);
      this.acronymFile.set(k, a.file);
      this.acronymKeySet?.add(k);
    }
  }

  private listEvent(e: Event, sorted = false): void {
    this.events.set(e);
    const add = <K>(m: ListMap<K, Event>, k: K) => {
      const l = m.get(k);
      if (!l) m.set(k, [e]);
      else if (sorted) insertSorted(l, e, compareEvents);
      else l.push(e);
    };
    const l = listingOf(e);
    if (l.place) add(this.eventsOfPlace, this.placeKeyOf(l.place));
    for (const id of l.people) add(this.eventsOfPerson, id);
    if (l.year) add(this.eventsOfYear, l.year);
    // Listed events are new ones (a fresh build, an added article): reading the series decodes nothing.
    if (e.series) add(this.eventsOfSeries, e.series);
  }

  private readonly placeKeys = new Map<string, string>();
  /** placeKey, once per place name (a few hundred names for hundreds of thousands of events). */
  private placeKeyOf(place: string): string {
    let k = this.placeKeys.get(place);
    if (k === undefined) this.placeKeys.set(place, (k = placeKey(place)));
    return k;
  }

  private unlistEvent(e: Event): void {
    this.events.delete(e);
    const drop = <K>(m: ListMap<K, Event>, k: K) => {
      const l = m.get(k);
      if (!l) return;
      const i = l.indexOf(e);
      if (i >= 0) l.splice(i, 1);
      if (!l.length) m.delete(k);
    };
    const l = listingOf(e);
    if (l.place) drop(this.eventsOfPlace, this.placeKeyOf(l.place));
    for (const id of l.people) drop(this.eventsOfPerson, id);
    if (l.year) drop(this.eventsOfYear, l.year);
    if (e.series) drop(this.eventsOfSeries, e.series);
  }

  /**
   * Follow an incremental change (extract/update.ts): search documents of removed and added articles,
   * then the events and mentions that went and came. `corpus` is the corpus after the change.
   */
  update(corpus: Corpus, delta: IndexDelta): void {
    for (const e of delta.removedEvents) this.unlistEvent(e);
    for (const [sid, ids] of delta.removedMentions)
      for (const id of ids) {
        const l = this.sentencesOfPerson.get(id);
        const i = l ? l.indexOf(sid) : -1;
        if (i >= 0) l!.splice(i, 1);
        if (l && !l.length) this.sentencesOfPerson.delete(id);
      }
    const gone = new Set<string>();
    for (const a of delta.removedArticles) {
      this.articles.delete(a.file);
      this.sentences.size -= sentenceCount(a);
      for (const s of a.sentences) {
        const toks = tokenizeOnce(s.text);
        this.search.remove(s.id, toks);
        for (const t of toks) gone.add(t);
        this.foldedText.delete(s.id);
        this.placeNames.delete(s.id);
        this.sentenceTerms.delete(s.id);
      }
    }
    for (const t of gone) if (!this.search.docFrequency(t)) this.terms.delete(t);
    this.current = corpus;
    if (delta.addedArticles.length) this.addArticles(corpus, delta.addedArticles);
    for (const e of delta.addedEvents) {
      this.listEvent(e, true);
      if (e.place) this.addPlace(e.place);
    }
    for (const [sid, ids] of delta.addedMentions)
      for (const id of ids) {
        const l = this.sentencesOfPerson.get(id);
        if (!l) this.sentencesOfPerson.set(id, [sid]);
        else insertSorted(l, sid, this.sentenceOrder);
      }
  }

  /**
   * The first `limit` events in corpus order that name any of `persons` or happen at any of `places`
   * (place keys), each once: read from the per-person and per-place lists, not from the whole corpus.
   */
  eventsNaming(persons: string[], places: string[], limit: number): Event[] {
    const lists = [...persons.map((p) => this.eventsOfPerson.get(p)), ...places.map((k) => this.eventsOfPlace.get(k))];
    // The first `limit` of the union are among the first `limit` distinct events of each list.
    const picked = new Set<Event>();
    for (const l of lists) {
      const own = new Set<Event>();
      for (const e of l ?? []) {
        if (own.size >= limit) break;
        own.add(e);
        picked.add(e);
      }
    }
    return [...picked].sort(compareEvents).slice(0, limit);
  }

  /** Events whose year was filled in after they were listed (year inference after a change). */
  yearsSet(events: Event[]): void {
    for (const e of events) if (e.date.year) insertSorted(this.eventsOfYear.get(e.date.year) ?? (this.eventsOfYear.set(e.date.year, []).get(e.date.year)!), e, compareEvents);
  }

  /** Year inference's view of the corpus: an article's events, a person's events (all, or of one month). */
  eventLookup(): { article(file: string): Article | undefined; ofFile(file: string): Event[]; ofPerson(id: string): Event[] | undefined; ofPersonMonth(id: string, month: number): Iterable<Event> | undefined } {
    return {
      article: (file) => this.articles.get(file),
      ofFile: (file) => this.events.ofFile(file),
      ofPerson: (id) => this.eventsOfPerson.get(id),
      // By the listing (a snapshot's events of a much-met person are not decoded for it: 12,000 at 100k), and
      // lazily: year inference stops at the second year it finds, most often after a few events.
      ofPersonMonth: (id, month) => {
        const list = this.eventsOfPerson.get(id);
        return list && (function* () {
          for (const e of list) if (listingOf(e).month === month) yield e;
        })();
      },
    };
  }

  /** Corpus order of two sentence ids, read from the ids (a snapshot's sentences are not decoded for it). */
  private readonly sentenceOrder = (x: string, y: string): number => {
    const [fx, ix] = splitSentenceId(x)!, [fy, iy] = splitSentenceId(y)!;
    return fx === fy ? ix - iy : byFile(fx, fy);
  };

  /** Index the sentences of newly added articles, each placed in corpus order among the others. */
  private addArticles(corpus: Corpus, added: Article[]): void {
    const files = corpus.articles;
    const isNew = new Set(added.map((a) => a.file));
    const pos = new Map<string, number>();
    for (const a of added) {
      // Position of the article in corpus order (binary search: articles are sorted by file).
      let lo = 0, hi = files.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (byFile(files[mid]!.file, a.file) < 0) lo = mid + 1;
        else hi = mid;
      }
      pos.set(a.file, lo);
    }
    // Order keys: a new article's documents go between those of its indexed neighbours.
    const keyOf = (i: number, last: boolean): number | undefined => {
      const a = files[i];
      const n = a ? sentenceCount(a) : 0;
      if (!a || isNew.has(a.file) || !n) return undefined;
      return this.search.orderOf(`${a.file}#${last ? n - 1 : 0}`);
    };
    for (const a of [...added].sort((x, y) => pos.get(x.file)! - pos.get(y.file)!)) {
      this.articles.set(a.file, a);
      this.sentences.size += a.sentences.length;
      const i = pos.get(a.file)!;
      let lo: number | undefined, hi: number | undefined;
      for (let j = i - 1; j >= 0 && lo === undefined; j--) lo = keyOf(j, true);
      for (let j = i + 1; j < files.length && hi === undefined; j++) hi = keyOf(j, false);
      const from = lo ?? (hi !== undefined ? hi - 1 : 0);
      const to = hi ?? from + 1;
      a.sentences.forEach((s, k) => {
        const toks = tokenizeOnce(s.text);
        this.search.add(s.id, toks, from + ((to - from) * (k + 1)) / (a.sentences.length + 1));
        for (const t of toks) this.terms.add(t);
      });
      this.addExtras(a);
      isNew.delete(a.file);
    }
  }

  /** The index's state for a snapshot (search postings compacted, places, acronyms). */
  save(): SavedIndex {
    return runSync(this.saveSteps());
  }

  /**
   * save() in slices of ~10 ms with pauses between them, so that questions asked while a snapshot is
   * written after a change wait for a slice, not for the whole export (seconds at 100,000 articles).
   * The index must not change meanwhile (Core.refresh waits for the write).
   */
  savePaced(signal?: AbortSignal): Promise<SavedIndex> {
    return runPaced(this.saveSteps(), pauseOrStop(signal));
  }

  private *saveSteps(): Steps<SavedIndex> {
    const pacer = new Pacer();
    const { terms, offsets, docs: postings, tfs, fieldLengths, avgFieldLength } = yield* this.search.exportSteps(pacer);
    const search = { terms, offsets, docs: postings, tfs, fieldLengths, avgFieldLength };
    const docs = articleDocIds(this.current.articles);
    const eventAt = new Map<Event, number>();
    const events = this.current.events;
    for (let i = 0; i < events.length; i++) {
      eventAt.set(events[i]!, i);
      if (pacer.tick()) yield;
    }
    const event = (e: Event) => eventAt.get(e)!;
    const lists = {
      sentencesOfPerson: yield* saveListsSteps(this.sentencesOfPerson, (sid) => docs.docOf(sid)!, pacer),
      eventsOfPerson: yield* saveListsSteps(this.eventsOfPerson, event, pacer),
      eventsOfPlace: yield* saveListsSteps(this.eventsOfPlace, event, pacer),
      eventsOfYear: yield* saveListsSteps(this.eventsOfYear, event, pacer),
      eventsOfSeries: yield* saveListsSteps(this.eventsOfSeries, event, pacer),
    };
    return { search, lists, places: this.placeList, acronyms: [...this.acronyms].map(([k, v]) => [k, v, this.acronymFile.get(k)!]) };
  }

  /** In how many sentences a term occurs. */
  docFrequency(term: string): number {
    return this.search.docFrequency(term);
  }

  /** Ranked sentences for a bag of terms (OR), best first; with `within`, only among those sentence ids. */
  searchSentences(query: string | string[], limit = 40, within?: Iterable<string>): SentenceHit[] {
    // Terms found in a large share of all sentences ("meeting", "会议") rank almost nothing but cost the
    // most to search: they are left out of the query (the ranking stage still sees them), unless only
    // such terms were asked for.
    const all = [...new Set(Array.isArray(query) ? query.flatMap((x) => tokenize(x)) : tokenize(query))];
    const common = Math.max(50, this.sentences.size * 0.02);
    const df = (t: string) => this.search.docFrequency(t);
    const rare = all.filter((t) => df(t) <= common);
    const q = (rare.length ? rare : all.sort((a, b) => df(a) - df(b)).slice(0, 3)).join(" ");
    return this.search.search(tokenize(q), limit, within).map((r) => ({ sentence: this.sentences.get(r.id)!, score: r.score, terms: r.terms }));
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

  private readonly placeNames = new Map<string, string[]>();
  /** The place names a sentence mentions (extract/places.ts), computed on first use and kept (bounded). */
  placesIn(sentenceId: string): string[] {
    let p = this.placeNames.get(sentenceId);
    if (p === undefined) {
      p = findPlaces(this.sentences.get(sentenceId)!.text).map((m) => m.name);
      if (this.placeNames.size >= 200_000) this.placeNames.clear();
      this.placeNames.set(sentenceId, p);
    }
    return p;
  }

  eventOf(sentenceId: string): Event | undefined {
    const id = this.current.sentenceEvent.get(sentenceId);
    return id ? this.events.get(id) : undefined;
  }

  peopleIn(sentenceId: string): string[] {
    return this.current.mentions.get(sentenceId) ?? [];
  }
}
