/**
 * Evidence → neutral Answer. Takes the parsed question and ranked candidates; returns one direct
 * sentence that states the fact (a date, a place, names, a figure, a count, a list of events or the
 * supporting clause) followed by the quoted evidence, with sources. When nothing passes, returns
 * found: false and what the corpus does hold nearby.
 */
import { pinyin } from "pinyin-pro";
import { personsById } from "./persons.ts";
import type { Answer, Source } from "../answer.ts";
import { chineseNameInLatin, soundsLikeHan } from "../extract/aliases.ts";
import { COUNTRIES, countryOf, PLACES_ZH } from "../extract/lexicon.ts";
import { dateScore, findDates, formatDate, isoDate } from "../extract/dates.ts";
import { documentsIn, referenceDate } from "../extract/events.ts";
import { findFigures } from "../extract/figures.ts";
import { ordinalSuffix } from "../extract/ordinals.ts";
import { findPlaces, happeningPlace, placeKey, samePlace } from "../extract/places.ts";
import type { CorpusIndex } from "../index/index.ts";
import { fold, tokenize } from "../index/tokenize.ts";
import type { DateValue, Event, Intent, Participant, Person, Sentence } from "../types.ts";
import { examplesFor, TEXT } from "./i18n.ts";
import { ABOUT_REPORT } from "./report.ts";
import { coreTitle, officeAskedFor, zhOffice } from "./offices.ts";
import { glossTerms, hanziOf } from "./dictionary.ts";
import { equivalentIn } from "./glossary.ts";
import { distinctEvents, expandTerms, matchingEvents, rarestTerm, saysTerm, textHasPlace, type Candidate } from "./retrieve.ts";

const MIN_COVERAGE = 0.5;

/** Events in chronological order (a stable sort); events whose year is unknown come last. */
function byDate(events: Event[]): Event[] {
  // ISO dates are digits and hyphens: code-unit order is date order (and what localeCompare gave). When
  // every year has four digits, yyyymmdd as a number orders the same ("2019" < "2019-05" < "2019-05-03")
  // without building a string per event (a year's list holds tens of thousands at 100,000 articles).
  const dates = events.map((e) => e.date);
  const numeric = dates.every((d) => d.year !== undefined && d.year >= 1000 && d.year <= 9999);
  const keyed = events.map((e, i) => {
    const d = dates[i]!;
    // (A day without a month is written "yyyy-dd" by isoDate: it sorts as that month would.)
    const md = d.month ? d.month * 100 + (d.day ?? 0) : (d.day ?? 0) * 100;
    return { e, k: numeric ? d.year! * 10000 + md : d.year ? isoDate(d) : `9999${isoDate(d)}` };
  });
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  return keyed.map((x) => x.e);
}

function trim(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1).replace(/\s+\S*$/, "") + "…";
}

/**
 * `xs` written out and joined by `sep`, only until the text passes `limit` characters: what `trim` to
 * that length keeps of the whole join is the same (a count answer can list thousands of meetings).
 */
function joinUpTo<T>(xs: T[], show: (x: T) => string, sep: string, limit: number): string {
  let out = "";
  for (let i = 0; i < xs.length && out.length <= limit; i++) out += (i ? sep : "") + show(xs[i]!);
  return out;
}

export function sourceOf(s: Sentence, index: CorpusIndex): Source {
  const a = index.articles.get(s.file)!;
  return { file: s.file, title: a.title, date: a.published ? isoDate(a.published) : undefined, quote: trim(s.text, 300) };
}

function dateText(d: DateValue, lang: "en" | "zh"): string {
  const base = d.precision === "unknown" && !d.year && !d.month ? (lang === "zh" ? "日期未说明" : "date not stated") : formatDate(d, lang);
  if (d.provenance === "inferred") return lang === "zh" ? `${base}(年份据另一篇文章推断)` : `${base} (year inferred from another article)`;
  return base;
}

function eventLabel(e: Event, lang: "en" | "zh"): string {
  if (e.ordinal && e.series) return lang === "zh" && /\p{Script=Han}/u.test(e.series) ? `${e.series}第${e.ordinal}次会议` : /\p{Script=Han}/u.test(e.series) ? `the ${ordinalSuffix(e.ordinal)} meeting of ${e.series}` : `the ${ordinalSuffix(e.ordinal)} ${e.series}`;
  const names = e.participants.map((p) => p.name);
  const kind = lang === "zh" ? { talks: "会谈", meeting: "会见", visit: "访问", signing: "签约" }[e.kind as "talks"] ?? "活动" : e.kind;
  if (names.length >= 2) return lang === "zh" ? `${names.join("与")}${kind}` : `${kind} of ${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return lang === "zh" ? kind : trim(e.what, 120);
}

/** A person in an answer: the name as the answer's language writes it, with title and country. `han`: the person's name in characters, if the corpus has one. */
function personText(p: Participant, lang: "en" | "zh", han?: string): string {
  // A Chinese answer names a person the corpus also writes in characters by those ("马西莫夫(Karim Massimov)").
  if (lang === "zh" && han && !/\p{Script=Han}/u.test(p.name)) {
    const inner = personText(p, lang);
    return `${han}(${inner.replace(/^(.*?) \((.*)\)$/, "$1, $2")})`;
  }
  // An English answer names a Chinese official the way English news does, with the source's characters.
  const latin = lang === "en" ? chineseNameInLatin(p.name, !!p.country && p.country !== "China") : undefined;
  // A Chinese answer gives a plain office in Chinese ("Vice Premier" → 副总理) and the country as Chinese writes it.
  const title = lang === "zh" && p.title ? (zhOffice(p.title, p.country) ?? p.title) : p.title;
  const country = lang === "zh" && p.country ? (COUNTRIES.find((c) => c.name === p.country)?.zh[0] ?? p.country) : p.country;
  const extra = [latin ? p.name : undefined, title && title.length <= 70 ? title : undefined, country && !(title ?? "").includes(country) && !(p.title ?? "").includes(p.country!) ? country : undefined].filter(Boolean);
  return extra.length ? `${latin ?? p.name} (${extra.join(", ")})` : p.name;
}

/** People in an answer, each by personText with the registry's name in characters when it has one. */
function peopleText(people: Participant[], lang: "en" | "zh", byId: Map<string, Person>): string {
  return list(people.map((p) => personText(p, lang, byId.get(p.id)?.aliases.find((a) => /\p{Script=Han}/u.test(a)))), lang);
}

function list(items: string[], lang: "en" | "zh"): string {
  if (lang === "zh") return items.join("、");
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function withQuote(direct: string, s: Sentence, lang: "en" | "zh", room = 400): string {
  const left = room - direct.length - 6;
  if (left < 60) return trim(direct, room);
  return lang === "zh" ? `${direct}依据:“${trim(s.text, left)}”` : `${direct} — “${trim(s.text, left)}”`;
}

/** An answer lists at most this many events (a list or count answer at 100,000 articles can match 30,000). */
export const MAX_ANSWER_EVENTS = 50;

/** The main sentence of each event, in order, read only as far as the answer's sources need. */
function* mainSentences(events: Event[], index: CorpusIndex): Generator<Sentence> {
  for (const e of events) {
    const s = index.sentences.get(e.evidence[0]!);
    if (s) yield s;
  }
}

function answer(intent: Intent, found: boolean, text: string, sentences: Iterable<Sentence>, events: Event[], index: CorpusIndex): Answer {
  const seen = new Set<string>();
  const sources: Source[] = [];
  for (const s of sentences) {
    if (sources.length >= 3) break;
    if (!seen.has(s.id) && seen.add(s.id)) sources.push(sourceOf(s, index));
  }
  return { question: intent.question, found, answer: text, lang: intent.lang, sources, events: events.slice(0, MAX_ANSWER_EVENTS) };
}

/** Not in the corpus: say so, and offer what is known about the people/places/terms named. */
export function notFound(intent: Intent, index: CorpusIndex, near: Candidate[], unknown: string[] = []): Answer {
  const L = TEXT[intent.lang];
  const related: string[] = [];
  const evs = index.eventsNaming(intent.persons, intent.places.map(placeKey), 3);
  for (const e of evs) related.push(`${dateText(e.date, intent.lang)}${e.place ? `, ${e.place}` : ""}: ${trim(eventLabel(e, intent.lang), 120)}`);
  if (!related.length) for (const c of near.slice(0, 2)) related.push(trim(c.sentence.text, 160));
  let text = L.notFound;
  if (unknown.length) text = intent.lang === "zh" ? `语料中没有关于“${unknown.join("、")}”的内容。` : `The corpus has nothing about ${unknown.map((u) => `“${u}”`).join(", ")}.`;
  else if (related.length) text += intent.lang === "zh" ? " 相关的已知内容见下。" : " Here is what it does say nearby.";
  else text += ` ${L.tryAsking} ${examplesFor(index.corpus, intent.lang, index).map((e) => `“${e}”`).join(intent.lang === "zh" ? "、" : ", ")}`;
  return { question: intent.question, found: false, answer: text, lang: intent.lang, sources: [], events: evs, related };
}

/**
 * The date a sentence gives for what the question asks: of several dates, the one nearest to the
 * question's words ("自2007年开工建设" for "什么时候开工建设"); with none, its event's date.
 */
function bestDate(s: Sentence, ev: Event | undefined, index: CorpusIndex, intent: Intent): DateValue | undefined {
  const ref = referenceDate(index.articles.get(s.file)!);
  const text = s.lang === "zh" ? fold(s.text) : s.text.toLowerCase();
  const anchors = [...intent.terms, ...intent.hanRuns.flatMap((r) => r.match(/\p{Script=Han}{2}/gu) ?? [])].flatMap((t) => {
    const out: number[] = [];
    for (let i = text.indexOf(t); i >= 0; i = text.indexOf(t, i + 1)) out.push(i);
    return out;
  });
  const distance = (m: { start: number; end: number }) => (anchors.length ? Math.min(...anchors.map((a) => (a < m.start ? m.start - a : a >= m.end ? a - m.end : 0))) : 0);
  const own = findDates(s.text, ref).filter((d) => d.value.month || d.value.year);
  own.sort((a, b) => distance(a) - distance(b) || dateScore(b.value) - dateScore(a.value));
  let d = own[0]?.value;
  if (d && !d.year && ev?.date.year && ev.date.month === d.month) d = { ...d, year: ev.date.year, provenance: ev.date.provenance, note: ev.date.note };
  if (!d || (own.length === 1 && ev && ev.evidence.includes(s.id) && datesCompatibleLoose(ev.date, d) && dateScore(ev.date) > dateScore(d))) d = ev?.date.month || ev?.date.year ? ev.date : d;
  return d;
}

function datesCompatibleLoose(a: DateValue, b: DateValue): boolean {
  return (!a.year || !b.year || a.year === b.year) && (!a.month || !b.month || a.month === b.month);
}

/** "When was the article about X published?": the report's own date, not the event's. */
function composeReportDate(intent: Intent, cands: Candidate[], index: CorpusIndex): Answer | null {
  // The report words ("published", "发布") are not in the story: named people or an ordinal identify it too.
  const relevant = cands.filter((x) => x.coverage >= MIN_COVERAGE);
  const pool = relevant.length ? relevant : intent.persons.length || intent.ordinal !== undefined ? cands : [];
  const seen = new Set<string>();
  const picked = pool.filter((c) => !seen.has(c.sentence.file) && seen.add(c.sentence.file)).slice(0, 3);
  if (!picked.length) return null;
  const zh = intent.lang === "zh";
  const line = (c: Candidate) => {
    const a = index.articles.get(c.sentence.file)!;
    const title = trim(a.title, 100);
    if (!a.published) return zh ? `“${title}”没有写明发布日期` : `“${title}” gives no publish date`;
    return zh ? `“${title}”发布于${dateText(a.published, "zh")}` : `“${title}” was published ${dateText(a.published, "en")}`;
  };
  const dated = picked.some((c) => index.articles.get(c.sentence.file)!.published);
  const text = picked.length === 1 ? `${line(picked[0]!)}${zh ? "。" : "."}` : zh ? `${picked.length}篇报道:${picked.map(line).join(";")}。` : `${picked.length} reports: ${picked.map(line).join("; ")}.`;
  return answer(intent, dated, text, picked.map((c) => c.sentence), [], index);
}

const END_ASKED = /\b(?:until|till|through) when\b|\bwhen (?:does|did|will|do) [^?]*\b(?:end|ends|close|closes|finish|conclude|run (?:through|until|till))\b|\bhow long (?:does|did|will) [^?]*\b(?:run|last)\b|\bend date\b|结束|闭幕|截止|持续到|到什么时候|到何时/i;
const END_SAID = /\b(?:through|until|till|ending|ends|closes|concludes)\s+(?:on\s+)?(?:\p{Lu}[a-z]+\.?\s+\d|\d)|(?:至|到|截至|截止)\d{1,2}月|结束|闭幕/u;
const YEAR_ASKED = /\b(?:what|which) year\b|\bin what year\b|哪一年|哪年|何年|什么年份/i;
const SIGNED = /\bsign(?:ed|s|ing)?\b|签署|签订|签约|签了|簽署|簽訂|簽了/i;
const IN_FORCE = /\b(?:came|come|comes|coming|entered|enter|enters|entry) into (?:force|effect)\b|\btook effect\b|\btakes effect\b|\bin force\b|生效/i;

function composeWhen(intent: Intent, cands: Candidate[], index: CorpusIndex): Answer | null {
  if (ABOUT_REPORT.test(intent.question)) return composeReportDate(intent, cands, index);
  const all = composeAllMeetings(intent, index);
  if (all) return all;
  // "When was it signed?" is not answered by the day it came into force (nor the other way round).
  const askedSigned = SIGNED.test(intent.question), askedInForce = IN_FORCE.test(intent.question);
  // The date of another thing is no answer: the sentence (or its event) must name what the question's rarest word names.
  const rare = rarestTerm(intent, index);
  // "Until when does the expo run?": the sentence that gives an end ("will run through June 30") comes first.
  const ends = END_ASKED.test(intent.question) ? cands.slice(0, 6).filter((c) => END_SAID.test(c.sentence.text)) : [];
  for (const c of [...ends, ...cands.slice(0, 6).filter((x) => !ends.includes(x))]) {
    if (c.coverage < MIN_COVERAGE) continue;
    if (rare && c.sentence.lang === intent.lang && !saysTerm(c, rare, index)) continue;
    const d = bestDate(c.sentence, c.event, index, intent);
    if (!d || !(d.month || d.year)) continue;
    // "What year …?" is not answered by a day without its year.
    if (YEAR_ASKED.test(intent.question) && !d.year) continue;
    // The event's place, only when this sentence is part of that event's own evidence.
    const place = c.event?.place && !intent.places.length && c.event.evidence.includes(c.sentence.id) ? c.event.place : undefined;
    const direct = intent.lang === "zh" ? `时间:${dateText(d, "zh")}${place ? `,地点:${zhPlace(place)}` : ""}。` : `${dateText(d, "en")}${place ? `, in ${latinPlace(place)}` : ""}.`;
    // When the date is the event's (the sentence gives none), quote the sentence that states it too.
    const ref = referenceDate(index.articles.get(c.sentence.file)!);
    const own = findDates(c.sentence.text, ref).some((m) => m.value.month === d.month && (!d.year || !m.value.year || m.value.year === d.year));
    const dated = own ? undefined : c.event?.evidence.map((id) => index.sentences.get(id)!).find((x) => x && findDates(x.text, ref).some((m) => m.value.month === d.month));
    const quote = dated ?? c.sentence;
    if (askedSigned && IN_FORCE.test(quote.text) && !SIGNED.test(quote.text)) continue;
    if (askedInForce && SIGNED.test(quote.text) && !IN_FORCE.test(quote.text)) continue;
    return answer(intent, true, withQuote(direct, quote, intent.lang), dated ? [dated, c.sentence] : [c.sentence], c.event ? [c.event] : [], index);
  }
  return null;
}

/** A Chinese place name for an English answer: its known English name or pinyin, with the original ("Chongqing (重庆)"). */
function latinPlace(place: string): string {
  if (!/\p{Script=Han}/u.test(place)) return place;
  const known = PLACES_ZH.find(([, zh]) => zh === fold(place))?.[0];
  const latin = known ?? pinyin(fold(place), { toneType: "none", type: "array" }).join("").replace(/^./, (c) => c.toUpperCase());
  return `${latin} (${place})`;
}

/** A Latin place name for a Chinese answer: its Chinese name when known ("阿斯塔纳(Astana)"). */
function zhPlace(place: string): string {
  if (/\p{Script=Han}/u.test(place)) return place;
  const zh = PLACES_ZH.find(([en]) => samePlace(en, place))?.[1] ?? hanziOf(place);
  return zh ? `${zh}(${place})` : place;
}

function placeFor(place: string, lang: "en" | "zh"): string {
  return lang === "zh" ? zhPlace(place) : latinPlace(place);
}

/**
 * "Where/when did X meet Y?" with no date or place to pick one meeting: all of them, each with its
 * date and place, rather than whichever sentence ranked first.
 */
function composeAllMeetings(intent: Intent, index: CorpusIndex): Answer | null {
  if (intent.persons.length < 2 || intent.ordinal !== undefined) return null;
  const groups = distinctEvents(matchingEvents(intent, index).filter((e) => e.date.month || e.date.year));
  if (groups.length < 2) return null;
  const evs = byDate(groups.map((g) => g.reduce((a, b) => (dateScore(b.date) > dateScore(a.date) ? b : a))));
  const item = (e: Event) => (intent.lang === "zh" ? `${dateText(e.date, "zh")}${e.place ? `,${zhPlace(e.place)}` : ""}` : `${dateText(e.date, "en")}${e.place ? ` in ${latinPlace(e.place)}` : ""}`);
  // Many meetings: the count, and the most recent ones whose year is known (only those are written out).
  const dated = evs.filter((e) => e.date.year);
  const shown = (evs.length > 8 ? (dated.length ? dated : evs).slice(-6) : evs).map(item);
  const more = evs.length > 8 ? (intent.lang === "zh" ? `最近${shown.length}次:` : `the latest ${shown.length}: `) : "";
  const text = intent.lang === "zh" ? `语料记载了${evs.length}次,${more}${shown.join(";")}。` : `${evs.length} times in the corpus${more ? `; ${more}` : ": "}${shown.join("; ")}.`;
  return answer(intent, true, trim(text, 600), mainSentences(evs, index), evs, index);
}

/** The corpus reports the event but not the asked detail (no date, no place): say so, with the source. */
function reportedWithout(intent: Intent, cands: Candidate[], index: CorpusIndex, what: "date" | "year" | "place"): Answer | null {
  const c = cands[0];
  if (!c || c.coverage < MIN_COVERAGE) return null;
  // Only a report of the thing asked about (see composeWhen).
  const rare = rarestTerm(intent, index);
  if (rare && c.sentence.lang === intent.lang && !saysTerm(c, rare, index)) return null;
  const a = index.articles.get(c.sentence.file)!;
  const text =
    intent.lang === "zh"
      ? `语料报道了此事,但没有写明${what === "date" ? "具体日期" : what === "year" ? "年份" : "地点"}${a.published ? `(报道发布于${isoDate(a.published)})` : ""}:“${trim(c.sentence.text, 200)}”`
      : `The corpus reports this but does not give the ${what}${a.published ? ` (the report is dated ${isoDate(a.published)})` : ""}: “${trim(c.sentence.text, 200)}”`;
  return { ...answer(intent, false, text, [c.sentence], c.event ? [c.event] : [], index) };
}

/**
 * The name of the kind of place a question asks for ("哪所大学", "which university"): a capitalised
 * name ending in that noun ("the Nazarbayev University" → "Nazarbayev University"), or a Chinese one
 * ending in it ("纳扎尔巴耶夫大学").
 */
export function namedOfKind(text: string, focus: string[]): string | undefined {
  for (const f of focus) {
    if (/\p{Script=Han}/u.test(f)) {
      const zh = fold(text).match(new RegExp(`([\\p{Script=Han}]{2,12}${f})`, "u"))?.[1]?.replace(/^.*[在于到的了和与]/u, "");
      if (zh && zh.length > f.length + 1) return zh;
    }
    const nouns = new Set([f, ...(/\p{Script=Han}/u.test(f) ? glossTerms(f).filter((t) => t.length === 1).map((t) => t[0]!) : [])]);
    for (const m of text.matchAll(/((?:\p{Lu}[\p{L}'’.-]*\s+){1,4})(\p{Lu}\p{Ll}+)/gu))
      if (nouns.has(tokenize(m[2]!)[0] ?? "")) return `${m[1]}${m[2]}`.trim();
  }
  return undefined;
}

function composeWhere(intent: Intent, cands: Candidate[], index: CorpusIndex): Answer | null {
  const all = composeAllMeetings(intent, index);
  if (all) return all;
  for (const c of cands.slice(0, 6)) {
    if (c.coverage < MIN_COVERAGE) continue;
    // Never the place the question itself names ("where did Xi go after Kazakhstan?").
    const named = (p: string) => intent.places.some((q) => samePlace(q, p)) || textHasPlace(intent.question, p);
    // Only a place said as where something happens or where someone went: "exports to China" is not where they met.
    const places = findPlaces(c.sentence.text).filter((p) => !named(p.name) && (p.located || p.dateline || p.travel));
    const place = namedOfKind(c.sentence.text, intent.focus) ?? happeningPlace(places)?.name ?? (c.event?.place && !named(c.event.place) ? c.event.place : undefined);
    if (!place) continue;
    const direct = intent.lang === "zh" ? `地点:${placeFor(place, "zh")}。` : `In ${latinPlace(place)}.`;
    return answer(intent, true, withQuote(direct, c.sentence, intent.lang), [c.sentence], c.event ? [c.event] : [], index);
  }
  return null;
}

const ROLE_WORDS: [RegExp, string][] = [
  [/co-?chair|共同主持|主持|双方主席|chair/i, "co-chair"],
  [/\b(led|lead|leads|head|headed|heads)\b|率|团长/i, "head of delegation"],
  [/witness|见证/i, "witness"],
  [/host|主办|举行.*欢迎/i, "host"],
];

const ORG_QUESTION = /\b(which|what) (company|companies|firms?|organi[sz]ations?|enterprises?|banks?|groups?|corporations?|institutions?|businesses)\b|哪家|哪些(公司|企业|机构)|哪个(公司|企业|机构)/i;
const ORG_NAME = /((?:\p{Lu}[\p{L}&'’.-]*\s+){0,5}(?:Group|Company|Corporation|Corp\.?|Co\.|Bank|Fund|Port Co\.|Holding|Holdings|Railways?|Airlines?|Agency|University|Institute|Center|Centre)(?:\s*\([A-Z]{2,6}\))?)/gu;

/** "Which company …": organisations named in the best sentence, with the sentence as evidence. */
function composeOrg(intent: Intent, cands: Candidate[], index: CorpusIndex): Answer | null {
  for (const c of cands.slice(0, 4)) {
    if (c.coverage < MIN_COVERAGE) continue;
    const orgs = [...new Set([...c.sentence.text.matchAll(ORG_NAME)].map((m) => m[1]!.trim()))].filter((o) => o.split(/\s+/).length >= 2);
    if (!orgs.length) continue;
    return answer(intent, true, withQuote(`${list(orgs, intent.lang)}.`, c.sentence, intent.lang), [c.sentence], c.event ? [c.event] : [], index);
  }
  return null;
}

const WHO_IS = /^\s*(who\s+(is|was|are|were)\b|tell me about\b)|^\s*谁是|是谁|是什么人|什么人|何许人/i;
/** "What is X's title?", "张广军是什么职务?": the office, which "who is" also answers. */
const TITLE_OF = /\b(what|which)(?:'s| is| was)?\s+(?:the\s+)?(title|position|post|job|office|rank)\b|['’]s\s+(title|position|post|job|office|rank)\b|\b(title|position|post|job|office|rank)\s+(?:does|did|do|is|was)\b|\bhold(?:s|ing)?\s+(?:the\s+)?(office|post|position)\b|\bwhat does\b.*\bdo\b|\bwork(?:s|ed)? for\b|\b(?:which|what) (?:ministry|organi[sz]ation|institute|institution|agency|department|body)\b[^?]*\b(?:does|did|is|was)\b|职务|职位|头衔|身份|官职|担任什么|任什么职|什么官|(?:哪个|什么|哪家)(?:单位|部门|机构)/i;
const TITLE_WORDS = new Set(tokenize("what whats which s is was title position post job office rank does do hold holds held has have his her their 's work works worked for ministry organization organisation institute institution agency department body"));

/** "Who is X?": the person's titles and country, and the events the corpus has them in. */
function composeWhoIs(intent: Intent, index: CorpusIndex): Answer | null {
  const rest = tokenize(intent.question).filter((t) => !/^(who|is|was|are|were|tell|about)$/.test(t) && !(TITLE_OF.test(intent.question) && TITLE_WORDS.has(t)));
  const p = index.vocab.persons.find((x) => x.id === intent.persons[0]);
  if (!p || intent.persons.length !== 1) return null;
  const nameTerms = new Set(p.aliases.flatMap((a) => tokenize(a)));
  const ofName = (t: string) => nameTerms.has(t) || p.aliases.some((al) => /\p{Script=Han}/u.test(al) && soundsLikeHan(t, al));
  if (rest.some((t) => !ofName(t) && !/\p{Script=Han}/u.test(t))) return null; // more is asked than who they are
  const titles = p.titles.filter((t) => t.length <= 90).slice(0, 2);
  const evs = [...new Set(index.eventsOfPerson.get(p.id))].filter((e) => e.participants.some((q) => q.id === p.id && q.role !== "speaker"));
  const groups = byDate(distinctEvents(evs).map((g) => g[0]!)).slice(0, 3);
  const role = [titles.join("; "), p.country && !titles.join(" ").includes(p.country) ? p.country : ""].filter(Boolean).join(", ");
  const seen = groups.map((e) => {
    const when = [e.date.month || e.date.year ? dateText(e.date, intent.lang) : "", e.place ?? ""].filter(Boolean).join(", ");
    return `${trim(eventLabel(e, intent.lang), 90)}${when ? ` (${when})` : ""}`;
  });
  const text =
    intent.lang === "zh"
      ? `${p.name}${p.aliases.find((a) => /\p{Script=Han}/u.test(a)) && !/\p{Script=Han}/u.test(p.name) ? `(${p.aliases.find((a) => /\p{Script=Han}/u.test(a))})` : ""}:${role || "语料中未写明职务"}。${seen.length ? `见于:${seen.join(";")}。` : ""}`
      : `${p.name}: ${role || "no title given in the corpus"}.${seen.length ? ` Appears in: ${seen.join("; ")}.` : ""}`;
  const sentences = mainSentences(groups, index);
  return answer(intent, true, trim(text, 600), sentences, groups, index);
}

/** Does the text name an organisation or a group the question does not ("Silk Freight Group", "国家电网公司")? */
function namesSomeone(text: string, question: string): boolean {
  const q = fold(question);
  const en = [...text.matchAll(/\b\p{Lu}[\p{L}&'’-]+(?:\s+(?:of|and|for|the)?\s*\p{Lu}[\p{L}&'’-]+)+/gu)].some((m) => !q.includes(fold(m[0])) && !m[0].split(/\s+/).every((w) => countryOf(w) || /^(The|A|An|In|On|At|Of|And|For)$/.test(w)));
  const zh = /[\p{Script=Han}]{2,}(?:公司|集团|银行|大学|学院|部|委员会|政府|协会|中心|研究院|基金|组织)/u.test(fold(text));
  return en || zh;
}

function composeWho(intent: Intent, cands: Candidate[], index: CorpusIndex): Answer | null {
  if (WHO_IS.test(intent.question) && intent.persons.length === 1) {
    const a = composeWhoIs(intent, index);
    if (a) return a;
  }
  if (ORG_QUESTION.test(intent.question)) return composeOrg(intent, cands, index) ?? composeWhat(intent, cands, index);
  const byId = personsById(index.vocab.persons);
  const role = ROLE_WORDS.find(([re]) => re.test(intent.question))?.[1];
  const qTerms = new Set(tokenize(intent.question));
  const asked = new Set(expandTerms(intent, index));
  const askedTitle = coreTitle(intent.question);
  const officeAsked = officeAskedFor(intent.question);
  const wantsElse = /\b(else|other|besides|also|apart from|aside from|except)\b|还|另外|其他|除了/i.test(intent.question);
  // People answer "who"; a sentence naming someone wins over a slightly better one naming no one.
  // As for dates: the people of another thing are no answer (the Kazakh section's ceremony for the Uzbek one).
  const rare = rarestTerm(intent, index);
  const top = cands.slice(0, 6).filter((c) => c.coverage >= MIN_COVERAGE && (!rare || c.sentence.lang !== intent.lang || saysTerm(c, rare, index)));
  const ordered = [...top.filter((c) => index.peopleIn(c.sentence.id).length || c.event?.participants.length), ...top];
  for (const c of ordered) {
    // The session asked for, with no one extracted for it: those the sentence names speak of it
    // ("Ding spoke highly of … since the 10th meeting"), they did not attend it.
    const spokenOf = intent.ordinal !== undefined && c.event?.ordinal === intent.ordinal && !c.event.participants.length;
    if (spokenOf) continue;
    const inSentence = index.peopleIn(c.sentence.id);
    let people: Participant[] = [
      ...(c.event?.participants.filter((p) => inSentence.includes(p.id) || c.event!.evidence.includes(c.sentence.id)) ?? []),
      ...inSentence.filter((id) => !c.event?.participants.some((p) => p.id === id)).map((id) => ({ id, name: byId.get(id)!.name, title: byId.get(id)!.titles[0], country: byId.get(id)!.country, role: "participant" as const })),
    ];
    people = people.filter((p) => !intent.persons.includes(p.id) && !intent.excluded?.includes(p.id));
    // "Which Kazakh president did Li reach consensus with?": the office asked for picks among those present
    // (before the side: a president named without his country is still the one).
    if (officeAsked) {
      const holders = people.filter((p) => byId.get(p.id)!.titles.some((t) => coreTitle(t) === officeAsked));
      if (holders.length) people = holders;
    }
    if (intent.side) people = people.filter((p) => p.country === intent.side || (officeAsked !== undefined && p.country === undefined));
    if (role && people.some((p) => p.role === role)) people = people.filter((p) => p.role === role);
    // A title named in the question ("Kazakhstan's First Deputy Prime Minister", "第一副总理") picks its
    // holder: the person whose title shares the most words with it (glossary equivalents included).
    const overlap = (p: Participant) => Math.max(0, ...byId.get(p.id)!.titles.map((t) => tokenize(t).filter((x) => qTerms.has(x) || asked.has(x)).length));
    const best = Math.max(0, ...people.map(overlap));
    if (best >= 2) people = people.filter((p) => overlap(p) === best);
    // "Who is the Chinese prime minister?": the named office must be the person's office, not a lesser
    // one that shares a word ("Vice Premier" is not "Premier").
    if (askedTitle && !intent.persons.length && !role && WHO_IS.test(intent.question)) people = people.filter((p) => byId.get(p.id)!.titles.some((t) => coreTitle(t) === askedTitle));
    // "Who did X meet in Davos?": everyone X met there, from every matching event, not one sentence's cast.
    const metWith = /\b(meet|met|meets|talks?|hold|held)\b|会见|会谈|会晤/i.test(intent.question);
    let quote = c.sentence;
    if ((wantsElse || metWith) && intent.persons.length) {
      const evs = matchingEvents(intent, index);
      const others = evs.flatMap((e) => e.participants).filter((p) => !intent.persons.includes(p.id) && !intent.excluded?.includes(p.id));
      // Each person once, at their first appearance (thousands of events for a much-reported person).
      const seen = new Set<string>();
      const uniq = others.filter((p) => !seen.has(p.id) && !!seen.add(p.id));
      if (uniq.length) {
        people = uniq;
        // Quote the sentence that names the first of them, when the best one does not.
        if (!index.peopleIn(c.sentence.id).includes(uniq[0]!.id))
          for (const e of evs) {
            const naming = e.evidence.find((sid) => index.peopleIn(sid).includes(uniq[0]!.id));
            if (naming) {
              quote = index.sentences.get(naming) ?? quote;
              break;
            }
          }
      }
    }
    if (!people.length) {
      // Organisations and other non-person answers: the clause itself is the answer, unless a
      // sentence further down does name someone.
      const later = ordered.slice(ordered.indexOf(c) + 1).some((x) => index.peopleIn(x.sentence.id).some((id) => !intent.persons.includes(id)));
      // "Who is the Chinese ambassador?" is not answered by a sentence that names no ambassador.
      const officeNamed = !askedTitle || fold(c.sentence.text).includes(askedTitle) || coreTitle(c.sentence.text) === askedTitle;
      if (c.coverage >= 0.6 && !later && officeNamed && namesSomeone(c.sentence.text, intent.question)) return answer(intent, true, trim(c.sentence.text, 400), [c.sentence], c.event ? [c.event] : [], index);
      continue;
    }
    const names = peopleText(people.slice(0, 6), intent.lang, byId);
    const direct = intent.lang === "zh" ? `${names}。` : `${names}.`;
    return answer(intent, true, withQuote(direct, quote, intent.lang), [quote], c.event ? [c.event] : [], index);
  }
  return null;
}

const UNIT_HINTS: [RegExp, RegExp][] = [
  [/how many days|how long.*\b(stay|last|take|takes|wait|valid)|几天|多少天|停留|多久/i, /day|week|month|year|hour|minute|天|周|月|年|小时|分钟/i],
  [/how far|多远|公里|km|kilomet/i, /km|kilomet|mile|meter|metre|公里|千米|米/i],
  // "how long": a length or a duration, whichever the sentence gives.
  [/how long|多长/i, /km|kilomet|mile|meter|metre|公里|千米|米|day|week|month|year|hour|minute|天|周|月|年|小时|分钟/i],
  [/how big|how large|area|面积|多大/i, /hectare|square|sq|平方公里|公顷|km/i],
  // "How much did X pay for its stake?": money, not the stake's percent.
  [/\bhow much\b[^?]*\b(pay|paid|cost|costs|spend|spent|invest|invested|charge|charged)\b|\b(price|cost) of\b|花了多少钱|多少钱|价格|造价|花费/i, /\$|€|£|yuan|dollar|tenge|ruble|rouble|美元|元|坚戈|卢布/i],
  [/percent|%|share|stake|百分之|增长多少/i, /percent|%|％/i],
  [/how much|worth|value|cost|\$|billion|million|亿|万|美元|元|价值|金额|总额|多少钱/i, /\$|€|yuan|dollar|billion|million|亿|万|美元|元/i],
];

/** The noun a figure counts, without what follows it ("trains carrying a total of" → "trains"). */
function shortMeasure(m: string): string {
  const words = m.split(/\s+/);
  const stop = words.findIndex((w, i) => i > 0 && /^(carrying|of|in|within|while|during|per|after|before|to|for|from|with|that|which|and|will|would|is|are|was|were|had|has|have|on|at|by|a|an|the|pass(?:es|ed)?|run|runs|ran|go|goes|went|arrive[sd]?|reach(?:es|ed)?|connect(?:s|ed)?|cross(?:es|ed)?|travel(?:s|l?ed)?|operate[sd]?|leave[s]?|left|enter(?:s|ed)?|take[sn]?|took|make[s]?|made|become[s]?|became|attend(?:s|ed)?|join(?:s|ed)?)$/i.test(w));
  return words.slice(0, stop > 0 ? Math.min(stop, 3) : 3).join(" ");
}

/** "How many meetings has the culture sub-committee held?": at least the highest session number the corpus reports. */
function composeSessionCount(intent: Intent, index: CorpusIndex): Answer | null {
  if (!intent.countEvents || intent.persons.length || intent.ordinal !== undefined) return null;
  // The series the question names after "the"/"has" ("… has the Sub-Committee on Transport Cooperation held").
  const series =
    intent.series ??
    intent.question.match(/\b(?:the|has|have|had)\s+((?:(?!the\b|has\b|have\b)[\p{L}&-]+\s+){0,5}(?:committee|sub-?committee|subcommittee|commission|council|forum|dialogue|expo)(?:\s+(?:on|for)\s+(?:(?!held\b|so\b|met\b)[\p{L}&-]+\s*){1,5})?)/iu)?.[1]?.trim();
  if (series) {
    // Every word of the series asked is in the event's series (or an equivalent): a generic name
    // ("the China-Kazakhstan Cooperation Committee") must not pick up every numbered meeting.
    // (A Chinese series name is compared as retrieval does; words the corpus never uses, "kz", say nothing.)
    const words = tokenize(series).filter((t) => !/^(the|of|and|on|for)$/.test(t) && !countryOf(t) && index.vocab.terms.has(t));
    const covers = (e: Event) => {
      if (/\p{Script=Han}/u.test(e.series ?? "")) return true;
      const st = new Set(tokenize(e.series ?? ""));
      return words.every((t) => st.has(t) || equivalentIn(t, st));
    };
    const numbered = matchingEvents({ ...intent, series }, index).filter((e) => e.ordinal !== undefined && covers(e));
    if (numbered.length) {
      const last = numbered.reduce((a, b) => (b.ordinal! > a.ordinal! || (b.ordinal === a.ordinal && dateScore(b.date) > dateScore(a.date)) ? b : a));
      const n = last.ordinal!;
      const at = [last.date.month || last.date.year ? dateText(last.date, intent.lang) : "", last.place ? placeFor(last.place, intent.lang) : ""].filter(Boolean).join(intent.lang === "zh" ? "," : ", ");
      const text = intent.lang === "zh" ? `至少${n}次:语料报道了第${n}次会议${at ? `(${at})` : ""}。` : `At least ${n}: the corpus reports the ${ordinalSuffix(n)} meeting${at ? ` (${at})` : ""}.`;
      return answer(intent, true, text, mainSentences([last], index), [last], index);
    }
  }
  return null;
}

/** "How many prime ministers did Li meet in Davos?": the distinct people of that office the matching events name. */
function composePeopleCount(intent: Intent, index: CorpusIndex): Answer | null {
  const asked = intent.question.replace(/\bPMs\b/g, "prime ministers").match(/\bhow many\s+((?:vice |deputy |first deputy |foreign )?(?:prime ministers|premiers|presidents|ministers|ambassadors|governors|mayors|officials|leaders|people))\s+(?:did|does|has|have|had)\b/i)?.[1];
  if (!asked || !intent.persons.length || !/\b(meet|met|hold|held|talks?|receive[sd]?)\b/i.test(intent.question)) return null;
  const office = /^(officials|leaders|people)$/i.test(asked) ? undefined : coreTitle(asked.replace(/s$/i, "").replace(/ministers$/i, "minister"));
  const byId = personsById(index.vocab.persons);
  const evs = matchingEvents(intent, index);
  const met = new Map<string, Participant>();
  for (const e of evs)
    for (const p of e.participants)
      if (!intent.persons.includes(p.id) && !met.has(p.id) && (!office || byId.get(p.id)?.titles.some((t) => coreTitle(t) === office))) met.set(p.id, p);
  if (!met.size) return null;
  const people = [...met.values()];
  const names = peopleText(people.slice(0, 8), intent.lang, byId);
  const text = intent.lang === "zh" ? `${people.length}位:${names}。` : `${people.length}: ${names}.`;
  const shown = evs.filter((e) => e.participants.some((p) => met.has(p.id))).slice(0, 5);
  return answer(intent, true, trim(text, 600), mainSentences(shown, index), shown, index);
}

function composeHowMany(intent: Intent, cands: Candidate[], index: CorpusIndex): Answer | null {
  const sessions = composeSessionCount(intent, index);
  if (sessions) return sessions;
  const people = composePeopleCount(intent, index);
  if (people) return people;
  if (intent.countEvents && intent.persons.length) {
    const groups = distinctEvents(matchingEvents(intent, index).filter((e) => e.participants.length >= 2 && e.kind !== "visit" || intent.persons.length === 1));
    if (!groups.length) return null;
    const dates = byDate(groups.map((g) => g.reduce((a, b) => (dateScore(b.date) > dateScore(a.date) ? b : a))));
    const item = (e: Event) => `${dateText(e.date, intent.lang)}${e.place ? (intent.lang === "zh" ? `,${zhPlace(e.place)}` : ` in ${latinPlace(e.place)}`) : ""}`;
    const n = groups.length;
    const words = ["zero", "once", "twice", "three times", "four times", "five times", "six times"];
    const direct = intent.lang === "zh" ? `${n}次:${joinUpTo(dates, item, ";", 600)}。` : `${n} (${words[n] ?? `${n} times`}): ${joinUpTo(dates, item, "; ", 600)}.`;
    const evs = groups.map((g) => g[0]!);
    const sentences = mainSentences(evs, index);
    return answer(intent, true, trim(direct, 600), sentences, evs, index);
  }
  const hint = UNIT_HINTS.find(([q]) => q.test(intent.question))?.[1];
  const qTerms = new Set(tokenize(intent.question));
  const askedTerms = new Set(expandTerms(intent, index));
  for (const c of cands.slice(0, 8)) {
    if (c.coverage < MIN_COVERAGE) continue;
    const text = c.sentence.lang === "zh" ? fold(c.sentence.text) : c.sentence.text;
    let figs = findFigures(text);
    if (/第几|排名|\b(which|what) (time|visit|place|position|rank)\b|\brank/i.test(intent.question)) {
      // "the 3rd visit", "第二次", "ranks fourth", "排名第四".
      const ord = text.match(/(排名|位居|居)?第[一二三四五六七八九十\d]+(次|位|名)?|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(st|nd|rd|th)) (visit|time)\b|\brank(s|ed)? (first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(st|nd|rd|th))\b/i);
      if (ord) return answer(intent, true, withQuote(intent.lang === "zh" ? `${ord[0]}。` : `${ord[0]}.`, c.sentence, intent.lang), [c.sentence], [], index);
    }
    // "How many docs signed and total value?": the count the question names as well as the measure.
    const all = figs;
    // A question that names a kind of measure ("how long", "面积多大") wants a figure of that kind.
    if (hint) figs = figs.filter((f) => hint.test(`${f.value} ${f.unit ?? ""} ${f.unit ? "" : shortMeasure(f.measures).split(" ").slice(0, 2).join(" ")}`));
    figs = figs.filter((f) => !/^(one|two)$/i.test(f.value) || figs.length === 1);
    // The counted noun sits right after the number: its first two words decide which figure is asked for.
    const scored = figs.map((f) => {
      const noun = tokenize(`${shortMeasure(f.measures).split(" ").slice(0, 2).join(" ")} ${f.unit ?? ""}`);
      // Across languages the question's words are known by their glossary equivalents ("协议" = agreement).
      for (const t of noun) if (askedTerms.has(t) && !qTerms.has(t)) qTerms.add(t);
      // The noun right after "how many" ("how many stations") counts double.
      return { f, s: noun.filter((t) => qTerms.has(t)).length + noun.filter((t) => intent.focus.includes(t)).length };
    });
    // Without a unit to go by, the figure must count something the question names ("52 … projects").
    if (!figs.length || (!hint && c.sentence.lang === "en" && !scored.some((x) => x.s > 0))) continue;
    // "How many sessions/times …" counts happenings: a figure answers only when it counts those ("three times").
    if (intent.countEvents && !figs.some((f) => /\b(times?|sessions?|meetings?|rounds?|visits?)\b|次|届|轮/.test(`${f.value} ${shortMeasure(f.measures)}`))) continue;
    // Two things counted ("how many companies from how many countries"): the sentence counts both.
    const counted = intent.focus.filter((t) => !/\p{Script=Han}/u.test(t));
    const nouns = figs.map((f) => new Set(tokenize(`${shortMeasure(f.measures)} ${f.unit ?? ""}`)));
    if (counted.length >= 2 && c.sentence.lang === "en" && !counted.every((t) => nouns.some((n) => n.has(t) || equivalentIn(t, n)))) continue;
    const top = Math.max(...scored.map((x) => x.s));
    let chosen = scored.filter((x) => (top > 0 ? x.s === top : scored.length <= 3)).map((x) => x.f);
    // Figures of the same kind ("in five days … in around nine to ten days"): the one whose stretch of the
    // sentence (from the figure before it) says more of the question's words ("… to Lianyungang …").
    const kindOf = (f: (typeof figs)[number]) => f.unit ?? shortMeasure(f.measures);
    if (chosen.length > 1 && new Set(chosen.map(kindOf)).size === 1) {
      const stretch = (f: (typeof figs)[number]) => {
        const i = figs.indexOf(f);
        const from = i > 0 ? figs[i - 1]!.start + figs[i - 1]!.value.length : 0;
        // Rare words weigh more: "Europe" tells the legs of a trip apart, "train" does not.
        const n = index.sentences.size;
        return [...new Set(tokenize(text.slice(from, f.start + f.value.length)))].reduce((sum, t) => (qTerms.has(t) || askedTerms.has(t) ? sum + Math.log(1 + n / (1 + index.docFrequency(t))) : sum), 0);
      };
      const best = Math.max(...chosen.map(stretch));
      if (chosen.some((f) => stretch(f) < best)) chosen = chosen.filter((f) => stretch(f) === best);
    }
    const countNoun = hint && /\bhow many\b/i.test(intent.question) ? intent.focus.find((t) => !/\p{Script=Han}/u.test(t)) : undefined;
    const count = countNoun ? all.find((f) => !chosen.includes(f) && !f.unit && tokenize(shortMeasure(f.measures)).some((t) => t.startsWith(countNoun) || equivalentIn(countNoun, new Set([t])))) : undefined;
    if (count) chosen.unshift(count);
    const direct = intent.lang === "zh" ? `${chosen.map((f) => f.value).join("、")}。` : `${list(chosen.map((f) => `${f.value}${f.measures && (!hint || !f.unit) ? ` ${shortMeasure(f.measures)}` : ""}`), "en")}.`;
    return answer(intent, true, withQuote(direct, c.sentence, intent.lang), [c.sentence], c.event ? [c.event] : [], index);
  }
  return null;
}

/** "Which meetings/talks …" asks for gatherings, not for signings, agreements or other happenings. */
const MEETINGS_ASKED = /\b(meetings|talks|sessions)\b|(会议|会谈|会见|会晤)/i;
const GATHERINGS = new Set<Event["kind"]>(["talks", "meeting", "committee session", "summit", "conference", "forum", "visit"]);

function composeEvents(intent: Intent, index: CorpusIndex): Answer | null {
  const gatherings = MEETINGS_ASKED.test(intent.question);
  const evs = matchingEvents(intent, index).filter((e) => (e.date.precision !== "unknown" || intent.places.length || intent.series) && (!gatherings || GATHERINGS.has(e.kind)));
  if (!evs.length) return null;
  const groups = byDate(distinctEvents(evs).map((g) => g.reduce((a, b) => (dateScore(b.date) > dateScore(a.date) ? b : a))));
  const items = groups.slice(0, 8).map((e) => `${dateText(e.date, intent.lang)}${e.place && !intent.places.length ? `, ${e.place}` : ""}: ${trim(eventLabel(e, intent.lang), 110)}`);
  const lead = intent.lang === "zh" ? `共${groups.length}项:` : `${groups.length} event${groups.length === 1 ? "" : "s"}: `;
  const sentences = mainSentences(groups, index);
  return answer(intent, true, trim(lead + items.join(intent.lang === "zh" ? ";" : "; ") + (intent.lang === "zh" ? "。" : "."), 650), sentences, groups, index);
}

function composeWhat(intent: Intent, cands: Candidate[], index: CorpusIndex): Answer | null {
  // "What did they sign?": a sentence that records no signing is no answer, however close its words.
  const signing = SIGNED.test(intent.question) ? cands.slice(0, 3).filter((x) => SIGNED.test(x.sentence.text) || documentsIn(x.sentence.text).length) : undefined;
  const c = signing ? signing[0] : cands[0];
  if (!c || c.coverage < MIN_COVERAGE) return null;
  return answer(intent, true, trim(c.sentence.text, 400), [c.sentence], c.event ? [c.event] : [], index);
}

const CREDIT_ASKED = /\bwho (?:took|shot|snapped) (?:the |this |that )?(?:photos?|pictures?|images?)\b|\bphotographer\b|\bphoto credit\b|\bwho (?:wrote|authored|reported|filed)\b|\b(?:author|reporters?|byline)\b|谁拍|拍摄者|摄影(?:师|记者)?是谁|记者是谁|哪位记者|哪些记者|作者|谁写/i;
const PHOTO_ASKED = /photo|picture|image|拍|摄影/i;

/** "Who took the photo of …?", "who wrote the story on …?": the page's photo credit or byline, for the article the question is about. */
function composeCredit(intent: Intent, cands: Candidate[], index: CorpusIndex): Answer | null {
  const role = PHOTO_ASKED.test(intent.question) ? "photographer" : "author";
  for (const c of cands.slice(0, 5)) {
    if (c.coverage < 0.3) continue;
    const a = index.articles.get(c.sentence.file)!;
    const all = (a.credits ?? []).filter((x) => x.role === role).map((x) => x.name);
    // A bilingual page credits the same person twice: the answer's script when it has it.
    const own = all.filter((n) => /\p{Script=Han}/u.test(n) === (intent.lang === "zh"));
    const names = own.length ? own : all;
    if (!names.length) continue;
    // The photo's caption (or the story's first sentence) as the source, in the answer's language when there is one.
    const captions = role === "photographer" ? a.sentences.filter((s) => s.caption) : [];
    const quote = captions.find((s) => s.lang === intent.lang) ?? captions[0] ?? c.sentence;
    const direct = intent.lang === "zh" ? `${list(names, "zh")}(${role === "photographer" ? "摄影" : "记者/作者"})。` : `${list(names, "en")} (${role === "photographer" ? "photo credit" : "byline"}).`;
    return answer(intent, true, withQuote(direct, quote, intent.lang), [quote], [], index);
  }
  return null;
}

export function compose(intent: Intent, cands: Candidate[], index: CorpusIndex): Answer {
  let a: Answer | null = null;
  // A photo's people are not its photographer; a story's author may be named in it ("X's signed article").
  if (CREDIT_ASKED.test(intent.question)) {
    const credit = composeCredit(intent, cands, index);
    if (credit || PHOTO_ASKED.test(intent.question)) return credit ?? notFound(intent, index, cands);
  }
  // A list of events is asked for only when events are the object ("which meetings…", "what happened…").
  const eventish = /\b(which|what) (meetings|events|talks|visits|activities|sessions)\b|\blist\b.*\b(meetings|events|talks|visits|sessions)\b|\bwhat happened\b|\btook place\b|哪些(会议|活动|会谈|会见|访问)|(会议|活动)有哪些|(列出|列举).*(会议|会谈|会见|活动|访问)|发生了什么|举行了哪些/i.test(intent.question);
  if (TITLE_OF.test(intent.question) && intent.persons.length === 1 && intent.kind !== "when" && intent.kind !== "where") a = composeWhoIs(intent, index);
  if (a) return a;
  switch (intent.kind) {
    case "when": a = composeWhen(intent, cands, index) ?? reportedWithout(intent, cands, index, YEAR_ASKED.test(intent.question) ? "year" : "date"); break;
    case "where": a = composeWhere(intent, cands, index) ?? reportedWithout(intent, cands, index, "place"); break;
    case "who": a = composeWho(intent, cands, index); break;
    case "howmany": a = composeHowMany(intent, cands, index); break;
    case "timeline": a = composeEvents(intent, index); break;
    case "list": a = eventish && (intent.places.length || intent.year || intent.persons.length || intent.series) ? composeEvents(intent, index) ?? composeWhat(intent, cands, index) : composeWhat(intent, cands, index); break;
    default: a = composeWhat(intent, cands, index);
  }
  return a ?? notFound(intent, index, cands);
}
