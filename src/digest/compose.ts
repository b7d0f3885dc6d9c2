/**
 * Digest content. `composeDigest` takes the corpus (articles and events), the registry entries of the
 * articles that entered it in a window (since, until], an optional topic and a language, and returns
 * a neutral Digest — the window's events ordered by event date, each with date, place, who, what and
 * its source article — plus the files the registry names whose content this corpus does not hold yet
 * (`missing`: refresh and compose again). Plain data, JSON-serialisable; renderers format it.
 */
import { hasHan } from "../corpus/lang.ts";
import { isoDate } from "../extract/dates.ts";
import type { IngestEntry } from "../state/store.ts";
import type { Article, DateValue, Event, EventKind, Lang } from "../types.ts";

export interface DigestSource {
  file: string;
  title: string;
  /** Publish date, YYYY-MM-DD or coarser, when the article states one. */
  published?: string;
  /** The article changed (new content under a file seen before) rather than arrived. */
  updated: boolean;
}

export interface DigestItem {
  eventId: string;
  kind: EventKind;
  date: DateValue;
  place?: string;
  /** Participant names, with titles when known ("Premier Li Keqiang"). */
  who: string[];
  what: string;
  source: DigestSource;
}

export interface Digest {
  /** The window: articles that entered the corpus after `since` and at or before `until` (epoch ms). */
  since: number;
  until: number;
  lang: Lang;
  /** Time zone for showing `since` / `until`. */
  tz: string;
  topic?: string;
  items: DigestItem[];
  /** New or changed articles in the window that gave no (matching) event. */
  articles: DigestSource[];
}

export interface CorpusView {
  articles: Article[];
  events: Event[];
}

export interface ComposeInput {
  corpus: CorpusView;
  /** Registry entries whose content entered in the window (see StateStore.enteredBetween). */
  entries: IngestEntry[];
  since: number;
  until: number;
  lang: Lang;
  tz?: string;
  topic?: string;
}

/** Number of entries a digest shows; 0 means there is nothing new. */
export function digestSize(d: Digest): number {
  return d.items.length + d.articles.length;
}

/** Lower-cased topic words; an event matches when it mentions every one. */
export function topicWords(topic: string | undefined): string[] {
  return (topic ?? "").toLowerCase().split(/\s+/).filter(Boolean);
}

function matchesTopic(words: string[], haystack: string): boolean {
  return words.every((w) => haystack.includes(w));
}

/** Sort key: dated events first, by year, month, day; then undated ones. */
function dateKey(d: DateValue): [number, number, number] {
  return [d.year ?? 99999, d.month ?? 0, d.day ?? 0];
}

function compareDates(a: DateValue, b: DateValue): number {
  const ka = dateKey(a);
  const kb = dateKey(b);
  return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2];
}

function eventLang(e: Event): Lang {
  return hasHan(e.what) ? "zh" : "en";
}

/**
 * A bilingual article tells each happening twice; keep the events in the digest's language when the
 * article has events in both.
 */
function preferLanguage(events: Event[], lang: Lang): Event[] {
  const langs = new Set(events.map(eventLang));
  return langs.size > 1 ? events.filter((e) => eventLang(e) === lang) : events;
}

function personLabel(p: Event["participants"][number]): string {
  return p.title && !p.name.includes(p.title) ? `${p.title} ${p.name}` : p.name;
}

export function composeDigest(input: ComposeInput): { digest: Digest; missing: string[] } {
  const { corpus, since, until, lang } = input;
  const words = topicWords(input.topic);
  const byFile = new Map(corpus.articles.map((a) => [a.file, a]));
  const missing: string[] = [];
  const inWindow = new Map<string, { article: Article; entry: IngestEntry }>();
  for (const entry of input.entries) {
    if (entry.contentAt <= since || entry.contentAt > until) continue;
    const article = byFile.get(entry.file);
    if (entry.removedAt !== undefined && !article) continue;
    if (!article || article.hash !== entry.hash) {
      missing.push(entry.file);
      continue;
    }
    inWindow.set(entry.file, { article, entry });
  }

  const eventsByFile = new Map<string, Event[]>();
  for (const e of corpus.events) {
    if (!inWindow.has(e.file)) continue;
    eventsByFile.set(e.file, [...(eventsByFile.get(e.file) ?? []), e]);
  }

  const items: DigestItem[] = [];
  const articles: DigestSource[] = [];
  for (const [file, { article, entry }] of inWindow) {
    const source: DigestSource = {
      file,
      title: article.title,
      ...(article.published?.year ? { published: isoDate(article.published) } : {}),
      updated: entry.contentAt > entry.firstSeen,
    };
    const sentences = new Map(article.sentences.map((s) => [s.id, s.text]));
    let count = 0;
    for (const e of preferLanguage(eventsByFile.get(file) ?? [], lang)) {
      if (words.length) {
        const hay = [
          e.what, e.kind, e.place ?? "", e.series ?? "", article.title, ...e.topics, ...e.documents,
          ...e.participants.flatMap((p) => [p.name, p.title ?? "", p.country ?? ""]),
          ...e.evidence.map((id) => sentences.get(id) ?? ""),
        ].join("\n").toLowerCase();
        if (!matchesTopic(words, hay)) continue;
      }
      items.push({
        eventId: e.id,
        kind: e.kind,
        date: e.date,
        ...(e.place ? { place: e.place } : {}),
        who: e.participants.map(personLabel),
        what: e.what,
        source,
      });
      count++;
    }
    if (!count && (!words.length || matchesTopic(words, article.title.toLowerCase()))) articles.push(source);
  }
  const order = new Map(corpus.events.map((e, i) => [e.id, i]));
  items.sort((a, b) => compareDates(a.date, b.date) || (order.get(a.eventId) ?? 0) - (order.get(b.eventId) ?? 0));
  articles.sort((a, b) => a.file.localeCompare(b.file));
  const digest: Digest = { since, until, lang, tz: input.tz ?? "UTC", ...(input.topic ? { topic: input.topic } : {}), items, articles };
  return { digest, missing };
}
