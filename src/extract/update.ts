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
import type { Corpus } from "../corpus/corpus.ts";
import type { Article, Event } from "../types.ts";
import type { PersonRegistry } from "./aliases.ts";
import { articleEvents, findArticlePeople, inferYearsIn, personKeysCache, rawPersonsOf, resolveArticle, type EventLookup } from "./events.ts";

export interface ExtractionDelta {
  corpus: Corpus;
  removedArticles: Article[];
  addedArticles: Article[];
  /** Events no longer in the corpus (their articles went, changed or were extracted again). */
  removedEvents: Event[];
  /** Their replacements and the new articles' events, in corpus order. */
  addedEvents: Event[];
  /** Sentence → people before and after, for every sentence whose mentions were set again. */
  removedMentions: [string, string[]][];
  addedMentions: [string, string[]][];
  /** Articles whose events were extracted again (year inference must look at them). */
  touched: Article[];
  /** People of the removed and added events (year inference retries articles that share one). */
  people: Set<string>;
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
  const goneFiles = new Set(removed.map((a) => a.file));
  const newFiles = new Set(added.map((a) => a.file));
  // Articles whose years were inferred from an article that goes: their events are extracted again.
  const dependents = new Set<string>();
  for (const e of prev.events)
    if (e.date.provenance === "inferred" && e.date.note)
      for (const f of goneFiles) if (e.file !== f && !goneFiles.has(e.file) && e.date.note.startsWith(`year inferred from ${f} (`)) dependents.add(e.file);

  // Articles: out and in, kept in corpus order.
  const articles = prev.articles.slice();
  for (const f of goneFiles) {
    const i = lowerBound(articles, f, (a) => a.file);
    if (articles[i]?.file === f) articles.splice(i, 1);
  }
  for (const a of [...added].sort((x, y) => byFile(x.file, y.file))) articles.splice(lowerBound(articles, a.file, (x) => x.file), 0, a);
  const articleOf = new Map(articles.filter((a) => dependents.has(a.file)).map((a) => [a.file, a] as const));

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
  for (const f of goneFiles) registry.removeFile(f, registry.persons);
  const found = new Map(added.map((a) => [a, findArticlePeople(a)] as const));
  for (const a of [...added].sort((x, y) => byFile(x.file, y.file))) registry.addFile(rawPersonsOf(a, found.get(a)!));
  const persons = registry.persons.slice();
  const byId = new Map(persons.map((p) => [p.id, p] as const));

  // Extract the added articles; extract the dependents' events again (their people are unchanged).
  const keysOf = personKeysCache();
  const idOf = (name: string, file?: string) => registry.idOf(name, file);
  const addedMentions: [string, string[]][] = [];
  const fresh = new Map<string, Event[]>();
  for (const a of added) {
    resolveArticle(a, found.get(a)!, registry.personsIn(a.file), idOf, keysOf, mentions);
    for (const s of a.sentences) addedMentions.push([s.id, mentions.get(s.id)!]);
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
  }
  const people = new Set<string>();
  for (const e of [...removedEvents, ...addedEvents]) for (const p of e.participants) people.add(p.id);
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
    people,
  };
}

/**
 * Year inference after a change: for the touched articles, and for articles still missing a year that
 * share a person with the change (a new event may now decide it, a removed one may have blocked it).
 * `look` must see the corpus after the change. Returns the events whose date was set.
 */
export function inferAfter(delta: ExtractionDelta, look: EventLookup): Event[] {
  const { corpus, people } = delta;
  const retry = new Set(delta.touched.map((a) => a.file));
  for (const e of corpus.events) {
    if (!e.date.month || e.date.year || retry.has(e.file)) continue;
    if (e.participants.some((p) => people.has(p.id))) retry.add(e.file);
  }
  // Also articles whose "last December" sentence names one of these people without an event of theirs.
  const pending = new Set<string>();
  for (const e of corpus.events) if (e.date.month && !e.date.year && !retry.has(e.file)) pending.add(e.file);
  const articles = corpus.articles.filter((a) => {
    if (retry.has(a.file)) return true;
    if (!pending.has(a.file)) return false;
    return a.sentences.some((s) => (corpus.mentions.get(s.id) ?? []).some((id) => people.has(id)));
  });
  return inferYearsIn(articles, look, corpus.mentions);
}
