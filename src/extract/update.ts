/**
 * Incremental extraction: takes the corpus as it was, the articles that went (removed, or the old
 * version of a changed one) and came (added, or the new version), and the person registry; returns
 * the corpus after the change with only those articles extracted again, plus what changed (events and
 * mentions out and in) so the index can follow. `inferAfter` then runs the cross-article year
 * inference for the articles it concerns.
 *
 * Equal to a full extraction for the changed articles' own sentences and events, given the registry.
 * Not revisited (until the next full build): other articles' people — a spelling first seen in the new
 * article does not re-resolve older articles, known people keep their id and display name, spellings
 * and titles of a removed article stay with their person while the person is named elsewhere. Years
 * inferred from a removed or changed article are inferred again; articles still lacking a year that
 * share a person with the change are tried again. See DESIGN.md, "Incremental updates".
 */
import type { SentenceMap } from "../corpus/sentence-map.ts";
import { listingOf } from "./listing.ts";
import { Pacer, runSync, type Steps } from "../paced.ts";
import type { Corpus } from "../corpus/corpus.ts";
import type { IndexDelta } from "../index/index.ts";
import type { Article, Event } from "../types.ts";
import { carryPersonKeys, type PeopleChange, type PersonRegistry } from "./aliases.ts";
import { findDates } from "./dates.ts";
import { articleEvents, findArticlePeople, inferYearsIn, personKeysCache, rawPersonsOf, resolveArticle, type EventLookup } from "./events.ts";

/**
 * The change as the index needs it (IndexDelta: articles, events and mentions out and in; removed events
 * are those whose article went, changed or was extracted again) and what year inference needs.
 */
export interface ExtractionDelta extends IndexDelta {
  corpus: Corpus;
  /** Articles whose events were extracted again (year inference must look at them). */
  touched: Article[];
  /** The registry the change went through (it also keys the year-inference bookkeeping). */
  registry: PersonRegistry;
}

/**
 * Year-inference bookkeeping kept between changes (built from the events on the first change):
 * articles whose events still lack a year, and which article each inferred its year from.
 */
interface YearState {
  pending: Map<string, Event[]>;
  /**
   * For pending articles with a "last …" phrase (only those can ever infer a year): "person, month" keys
   * (person named in the phrase's sentence or in a pending event; month of the phrase, or "any" for
   * "last year"), and the articles under each key. Articles that became pending are keyed when next needed.
   */
  keysOf: Map<string, string[]>;
  byKey: Map<string, Set<string>>;
  unkeyed: Set<string>;
  /** source file → the files that took their year from it, and back. */
  dependents: Map<string, Set<string>>;
  sourceOf: Map<string, string>;
}
const yearStates = new WeakMap<PersonRegistry, YearState>();
const INFERRED = "year inferred from ";

/** The file an inferred date came from ("year inferred from <file> (“last December” = …)"). */
function sourceFile(e: Event): string | undefined {
  const note = e.date.note;
  if (e.date.provenance !== "inferred" || !note?.startsWith(INFERRED)) return undefined;
  const end = note.lastIndexOf(" (");
  return end > INFERRED.length ? note.slice(INFERRED.length, end) : undefined;
}

function yearState(registry: PersonRegistry, corpus: Pick<Corpus, "events" | "articles">): YearState {
  return runSync(yearStateSteps(registry, corpus, new Pacer()));
}

function* yearStateSteps(registry: PersonRegistry, corpus: Pick<Corpus, "events" | "articles">, pacer: Pacer): Steps<YearState> {
  const had = yearStates.get(registry);
  if (had) return had;
  const st: YearState = { pending: new Map(), keysOf: new Map(), byKey: new Map(), unkeyed: new Set(), dependents: new Map(), sourceOf: new Map() };
  for (const e of corpus.events) {
    noteEvent(st, e);
    if (pacer.tick()) yield;
  }
  // Built meanwhile by a change (a paced build was overtaken): that one is current.
  const meanwhile = yearStates.get(registry);
  if (meanwhile) return meanwhile;
  yearStates.set(registry, st);
  return st;
}

function noteEvent(st: YearState, e: Event): void {
  // The listing says it without decoding a snapshot's event; only inferred years need the date's note.
  const listed = listingOf(e);
  if (listed.month && !listed.year) {
    const l = st.pending.get(e.file);
    if (l) l.push(e);
    else st.pending.set(e.file, [e]);
    unkey(st, e.file);
    st.unkeyed.add(e.file);
  }
  const src = listed.inferred ? sourceFile(e) : undefined;
  if (src) {
    st.sourceOf.set(e.file, src);
    const d = st.dependents.get(src);
    if (d) d.add(e.file);
    else st.dependents.set(src, new Set([e.file]));
  }
}

function unkey(st: YearState, file: string): void {
  for (const k of st.keysOf.get(file) ?? []) st.byKey.get(k)?.delete(file);
  st.keysOf.delete(file);
  st.unkeyed.delete(file);
}

/** Key the articles that became pending since the last call. */
function keyPending(st: YearState, article: (file: string) => Article | undefined, mentions: SentenceMap<string[]>): void {
  runSync(keyPendingSteps(st, article, mentions, new Pacer()));
}

function* keyPendingSteps(st: YearState, article: (file: string) => Article | undefined, mentions: SentenceMap<string[]>, pacer: Pacer): Steps<void> {
  for (const file of [...st.unkeyed]) {
    if (pacer.tick()) yield;
    // Keyed (or forgotten) meanwhile by a change, when paced; each file is keyed between two pauses.
    if (!st.unkeyed.has(file)) continue;
    st.unkeyed.delete(file);
    const a = article(file);
    const probes = a ? probesOf(a) : [];
    if (!probes.length) continue;
    const own = (st.pending.get(file) ?? []).flatMap((e) => e.participants.map((p) => p.id));
    const keys = new Set<string>();
    for (const { sentence, month } of probes) for (const id of [...(mentions.get(sentence) ?? []), ...own]) keys.add(`${id}\u0000${month ?? "any"}`);
    st.keysOf.set(file, [...keys]);
    for (const k of keys) {
      const s = st.byKey.get(k);
      if (s) s.add(file);
      else st.byKey.set(k, new Set([file]));
    }
  }
}

function forgetFile(st: YearState, file: string): void {
  st.pending.delete(file);
  unkey(st, file);
  const src = st.sourceOf.get(file);
  if (src !== undefined) {
    st.sourceOf.delete(file);
    st.dependents.get(src)?.delete(file);
  }
}

const byFile = (a: string, b: string) => a.localeCompare(b);

/** First index in `list` (sorted by `key` in corpus order) whose key is not before `file`. */
function lowerBound<T>(list: T[], file: string, key: (x: T) => string): number {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byFile(key(list[mid]!), file) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The events of `file` in `events` (contiguous, in corpus order): [start, end). */
function rangeOf(events: Event[], file: string): [number, number] {
  const start = lowerBound(events, file, (e) => e.file);
  let end = start;
  while (end < events.length && events[end]!.file === file) end++;
  return [start, end];
}

/**
 * Apply a change of a few articles. `prev.mentions` and `prev.sentenceEvent` are updated in place (the
 * returned corpus shares them); articles, events and persons are new arrays.
 */
export function updateExtraction(prev: Corpus, removed: Article[], added: Article[], registry: PersonRegistry, rest: Pick<Corpus, "problems" | "stamps">): ExtractionDelta {
  const { mentions, sentenceEvent } = prev;
  const years = yearState(registry, prev);
  const goneFiles = new Set(removed.map((a) => a.file));
  const newFiles = new Set(added.map((a) => a.file));
  // Articles whose years were inferred from an article that goes: their events are extracted again.
  const dependents = new Set<string>();
  for (const f of goneFiles) for (const d of years.dependents.get(f) ?? []) if (!goneFiles.has(d)) dependents.add(d);
  for (const f of [...goneFiles, ...dependents]) forgetFile(years, f);

  // Articles: out and in, kept in corpus order.
  const articles = prev.articles.slice();
  for (const f of goneFiles) {
    const i = lowerBound(articles, f, (a) => a.file);
    if (articles[i]?.file === f) articles.splice(i, 1);
  }
  for (const a of [...added].sort((x, y) => byFile(x.file, y.file))) articles.splice(lowerBound(articles, a.file, (x) => x.file), 0, a);
  const articleOf = new Map([...dependents].map((f) => [f, articles[lowerBound(articles, f, (a) => a.file)]!] as const));

  // Mentions and sentence → event of what goes.
  const removedMentions: [string, string[]][] = [];
  for (const a of removed)
    for (const s of a.sentences) {
      removedMentions.push([s.id, mentions.get(s.id) ?? []]);
      mentions.delete(s.id);
      sentenceEvent.delete(s.id);
    }
  for (const f of dependents) for (const s of articleOf.get(f)!.sentences) sentenceEvent.delete(s.id);

  // The registry: removed articles leave; added ones come in (their new people get ids).
  const people: PeopleChange = { gone: [], created: [], extended: new Map() };
  for (const f of goneFiles) people.gone.push(...registry.removeFile(f));
  const found = new Map(added.map((a) => [a, findArticlePeople(a)] as const));
  for (const a of [...added].sort((x, y) => byFile(x.file, y.file))) {
    const { created, extended } = registry.addFile(rawPersonsOf(a, found.get(a)!));
    people.created.push(...created);
    for (const [p, n] of extended) if (!people.extended.has(p) && !people.created.includes(p)) people.extended.set(p, n);
  }
  const persons = registry.persons.slice();
  carryPersonKeys(prev.persons, persons, people, (p) => registry.position(p));
  const byId = registry.byId;

  // Extract the added articles; extract the dependents' events again (their people are unchanged).
  const keysOf = personKeysCache();
  const idOf = (name: string, file?: string) => registry.idOf(name, file);
  const addedMentions: [string, string[]][] = [];
  const fresh = new Map<string, Event[]>();
  for (const a of added) {
    resolveArticle(a, found.get(a)!, registry.personsIn(a.file), idOf, keysOf, mentions);
    for (const s of a.sentences) addedMentions.push([s.id, mentions.get(s.id) ?? []]);
  }
  for (const a of added) fresh.set(a.file, articleEvents(a, mentions, byId, sentenceEvent));
  for (const f of dependents) fresh.set(f, articleEvents(articleOf.get(f)!, mentions, byId, sentenceEvent));

  // Events: the ranges of every touched file replaced, in corpus order.
  const events = prev.events.slice();
  const removedEvents: Event[] = [];
  for (const f of new Set([...goneFiles, ...dependents])) {
    const [start, end] = rangeOf(events, f);
    removedEvents.push(...events.splice(start, end - start));
  }
  const addedEvents: Event[] = [];
  for (const f of [...fresh.keys()].sort(byFile)) {
    const evs = fresh.get(f)!;
    events.splice(lowerBound(events, f, (e) => e.file), 0, ...evs);
    addedEvents.push(...evs);
    for (const e of evs) noteEvent(years, e);
  }
  const touched = articles.filter((a) => newFiles.has(a.file) || dependents.has(a.file));
  return {
    corpus: { articles, events, persons, problems: rest.problems, mentions, sentenceEvent, stamps: rest.stamps },
    removedArticles: removed,
    addedArticles: added,
    removedEvents,
    addedEvents,
    removedMentions,
    addedMentions,
    touched,
    registry,
  };
}

/** A "last …" phrase: its sentence and the month it points at (undefined: "last year"). */
interface Probe {
  sentence: string;
  month: number | undefined;
}
const probeCache = new WeakMap<Article, Probe[]>();
const LAST = /\blast (January|February|March|April|May|June|July|August|September|October|November|December|year)\b|去年(\d{1,2})月?/;
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

function probesOf(a: Article): Probe[] {
  let p = probeCache.get(a);
  if (!p) {
    p = [];
    for (const s of a.sentences) {
      const m = s.text.match(LAST);
      if (!m) continue;
      // As inferYearsIn reads it (a month name, or 去年N月; "last year" has none).
      const month = m[1] && m[1] !== "year" ? (findDates(m[1])[0]?.value.month ?? MONTHS.indexOf(m[1].toLowerCase()) + 1) : m[2] ? Number(m[2]) : undefined;
      p.push({ sentence: s.id, month });
    }
    probeCache.set(a, p);
  }
  return p;
}

/**
 * Build the year-inference bookkeeping now (pending articles, keyed by person and month) rather than on
 * the first change, which then costs what later changes do; a job that yields between slices (Core.prepareUpdates runs it at once, Core.prepareUpdatesPaced in slices).
 */
export function* prepareUpdatesSteps(corpus: Corpus, registry: PersonRegistry, article: (file: string) => Article | undefined, pacer = new Pacer()): Steps<void> {
  const st = yield* yearStateSteps(registry, corpus, pacer);
  yield* keyPendingSteps(st, article, corpus.mentions, pacer);
}

/**
 * Year inference after a change: for the touched articles, and for articles still missing a year whose
 * "last <month>" names a person of a changed dated event of that month (a new event may now decide it,
 * a removed one may have blocked it). `look` must see the corpus after the change. Returns the events
 * whose date was set.
 */
export function inferAfter(delta: ExtractionDelta, look: EventLookup & { article(file: string): Article | undefined }): Event[] {
  const { corpus } = delta;
  const retry = new Set(delta.touched.map((a) => a.file));
  // (person, month) of every dated event that went or came; "any" for "last year".
  const pairs = new Set<string>();
  for (const e of [...delta.removedEvents, ...delta.addedEvents]) {
    if (!e.date.year) continue;
    for (const p of e.participants) {
      pairs.add(`${p.id}\u0000any`);
      if (e.date.month) pairs.add(`${p.id}\u0000${e.date.month}`);
    }
  }
  const years = yearState(delta.registry, corpus);
  const byFile = new Map(delta.touched.map((a) => [a.file, a] as const));
  if (pairs.size) {
    keyPending(years, look.article, corpus.mentions);
    for (const k of pairs)
      for (const file of years.byKey.get(k) ?? []) {
        const a = byFile.has(file) ? undefined : look.article(file);
        if (a) byFile.set(file, a);
      }
  }
  // In corpus order, as a full extraction would try them.
  const articles = [...byFile.values()].sort((x, y) => byFile_(x.file, y.file));
  const changed = inferYearsIn(articles, look, corpus.mentions);
  // Keep the bookkeeping: these events have a year now, and say where it came from.
  for (const e of changed) {
    const l = years.pending.get(e.file);
    if (l) {
      const kept = l.filter((x) => x !== e);
      if (kept.length) years.pending.set(e.file, kept);
      else {
        years.pending.delete(e.file);
        unkey(years, e.file);
      }
    }
    noteEvent(years, e);
  }
  return changed;
}

const byFile_ = (a: string, b: string) => a.localeCompare(b);
