/**
 * Words the core writes to people, in English and Chinese, and example questions built from what
 * the corpus holds (its latest numbered meetings and meetings between two people).
 */
import type { Corpus } from "../corpus/corpus.ts";
import { ordinalSuffix } from "../extract/ordinals.ts";
import { isoDate } from "../extract/dates.ts";
import { listingOf, type EventListing } from "../extract/listing.ts";
import type { DateValue, Event, Lang } from "../types.ts";

export const TEXT = {
  en: {
    notFound: "The corpus does not say.",
    help: "Ask a short question about the news in the corpus, e.g.",
    tooLong: "That question is too long; please ask in one or two sentences, e.g.",
    tryAsking: "You could ask, e.g.",
    rebuilding: "The saved index turned out to be damaged and is being rebuilt from the articles; please ask again in a few minutes.",
  },
  zh: {
    notFound: "语料中没有相关信息。",
    help: "请就语料中的新闻提一个简短的问题,例如:",
    tooLong: "问题太长了,请用一两句话提问,例如:",
    tryAsking: "可以这样提问:",
    rebuilding: "保存的索引已损坏,正在根据文章重建,请过几分钟再问。",
  },
};

const GENERIC = {
  en: ["Where was the latest meeting held?", "Who attended the meeting?", "What was signed?"],
  zh: ["最近的会议在哪里举行?", "谁出席了会议?", "签署了哪些文件?"],
};

const cache = new WeakMap<Corpus, Record<Lang, string[]>>();

/**
 * Three questions this corpus can answer, newest events first; generic ones for an empty corpus.
 * `lists` (the index's events per year and per series) lets it look at the latest years only, not
 * every event, and at the events of a series only for a numbered meeting.
 */
export function examplesFor(corpus: Corpus, lang: Lang, lists?: ExampleLists): string[] {
  let c = cache.get(corpus);
  if (!c) {
    // Year lists are read newest first, and only as far as needed.
    const byYear = lists?.eventsOfYear;
    const years = byYear ? [...byYear.keys()].sort((a, b) => b - a) : [];
    const events = byYear ? () => years.map((y) => () => byYear.get(y) ?? []) : () => [() => corpus.events];
    const inSeries = (zh: boolean) => {
      if (!lists) return undefined;
      const set = new Set<Event>();
      for (const name of lists.eventsOfSeries.keys()) if (/\p{Script=Han}/u.test(name) === zh) for (const e of lists.eventsOfSeries.get(name) ?? []) set.add(e);
      return set;
    };
    c = { en: build(events, "en", inSeries(false)), zh: build(events, "zh", inSeries(true)) };
    cache.set(corpus, c);
  }
  return c[lang];
}

/** The index's event lists examplesFor reads. */
export interface ExampleLists {
  eventsOfYear: { keys(): Iterable<number>; get(year: number): Event[] | undefined };
  eventsOfSeries: { keys(): Iterable<string>; get(name: string): Event[] | undefined };
}

/**
 * The most recent dated event that passes `ok` (the first in corpus order among equally recent ones).
 * Events are looked at latest month first, by their listing (a snapshot's events are not decoded for
 * it), and only as far as the month of the best one found: at 100,000 articles a year holds tens of
 * thousands of events, and reading each one's date decoded them all (0.2 s). No full sort by date.
 */
function newest(events: Event[], ok: Wanted): Event | undefined {
  const monthOf = (e: Event) => {
    const l = listingOf(e);
    return l.year && ok.listed(e, l) ? l.year * 100 + (l.month ?? 0) : -1;
  };
  const keyed = events.map((e, i) => ({ e, i, m: monthOf(e) })).filter((x) => x.m >= 0);
  keyed.sort((x, y) => y.m - x.m || x.i - y.i);
  let best: Event | undefined, bestMonth = -1;
  for (const { e, m } of keyed) {
    if (best && m < bestMonth) break;
    if (e.date.year && (best === undefined || later(e.date, best.date)) && ok.event(e)) {
      best = e;
      bestMonth = m;
    }
  }
  return best;
}

/** Which events an example may come from: judged by the listing first (nothing decoded), then by the event. */
interface Wanted {
  listed(e: Event, l: EventListing): boolean;
  event(e: Event): boolean;
}

/** `newest` over lists of events in descending year order (any event of a list is later than the next list's). */
function newestOf(lists: () => (() => Event[])[], ok: Wanted): Event | undefined {
  for (const l of lists()) {
    const e = newest(l(), ok);
    if (e) return e;
  }
  return undefined;
}

/** Is `a` after `b` in ISO date order ("2019" < "2019-05" < "2019-05-03")? Four-digit years compare as numbers. */
function later(a: DateValue, b: DateValue): boolean {
  const four = (y?: number) => y !== undefined && y >= 1000 && y <= 9999;
  if (!four(a.year) || !four(b.year)) return isoDate(a) > isoDate(b);
  return a.year! * 10000 + (a.month ?? 0) * 100 + (a.day ?? 0) > b.year! * 10000 + (b.month ?? 0) * 100 + (b.day ?? 0);
}

/** `series`: the events of the series named in `lang` (when known), the only ones a numbered meeting can be. */
function build(events: () => (() => Event[])[], lang: Lang, series?: Set<Event>): string[] {
  const out: string[] = [];
  const numbered = newestOf(events, { listed: (e, l) => l.place !== undefined && (!series || series.has(e)), event: (e) => !!(e.ordinal && e.series && e.place && /\p{Script=Han}/u.test(e.series) === (lang === "zh")) });
  if (numbered) out.push(lang === "zh" ? `${numbered.series}第${numbered.ordinal}次会议在哪里举行?` : `Where was the ${ordinalSuffix(numbered.ordinal!)} ${seriesName(numbered)} held?`);
  const pair = newestOf(events, { listed: (_, l) => l.people.length >= 2, event: (e) => e.participants.length >= 2 && e !== numbered });
  if (pair) {
    const [a, b] = pair.participants;
    out.push(lang === "zh" ? `${a!.name}和${b!.name}什么时候会谈?` : `When did ${a!.name} meet ${b!.name}?`);
    out.push(lang === "zh" ? `${a!.name}是谁?` : `Who is ${b!.name}?`);
  }
  for (const g of GENERIC[lang]) if (out.length < 3) out.push(g);
  return out.slice(0, 3);
}

function seriesName(e: Event): string {
  return e.series!.replace(/\s+(meeting|session)$/i, "") + " meeting";
}
