/**
 * Words the core writes to people, in English and Chinese, and example questions built from what
 * the corpus holds (its latest numbered meetings and meetings between two people).
 */
import type { Corpus } from "../corpus/corpus.ts";
import { ordinalSuffix } from "../extract/ordinals.ts";
import { isoDate } from "../extract/dates.ts";
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
 * `byYear` (the index's events per year) lets it look at the latest years only, not every event.
 */
export function examplesFor(corpus: Corpus, lang: Lang, byYear?: { keys(): Iterable<number>; get(year: number): Event[] | undefined }): string[] {
  let c = cache.get(corpus);
  if (!c) {
    // Year lists are read newest first, and only as far as needed.
    const years = byYear ? [...byYear.keys()].sort((a, b) => b - a) : [];
    const lists = byYear ? () => years.map((y) => () => byYear.get(y) ?? []) : () => [() => corpus.events];
    c = { en: build(lists, "en"), zh: build(lists, "zh") };
    cache.set(corpus, c);
  }
  return c[lang];
}

/**
 * The most recent dated event that passes `ok` (the first in corpus order among equally recent ones): one
 * pass over the events, no sort (sorting 440,000 events took seconds at 100,000 articles).
 */
function newest(events: Event[], ok: (e: Event) => boolean): Event | undefined {
  let best: Event | undefined;
  for (const e of events) if (e.date.year && (best === undefined || later(e.date, best.date)) && ok(e)) best = e;
  return best;
}

/** `newest` over lists of events in descending year order (any event of a list is later than the next list's). */
function newestOf(lists: () => (() => Event[])[], ok: (e: Event) => boolean): Event | undefined {
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

function build(events: () => (() => Event[])[], lang: Lang): string[] {
  const out: string[] = [];
  const numbered = newestOf(events, (e) => !!(e.ordinal && e.series && e.place && /\p{Script=Han}/u.test(e.series) === (lang === "zh")));
  if (numbered) out.push(lang === "zh" ? `${numbered.series}第${numbered.ordinal}次会议在哪里举行?` : `Where was the ${ordinalSuffix(numbered.ordinal!)} ${seriesName(numbered)} held?`);
  const pair = newestOf(events, (e) => e.participants.length >= 2 && e !== numbered);
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
