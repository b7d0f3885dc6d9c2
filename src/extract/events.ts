/**
 * Articles → events and people (the assembly of the extract stage). Takes cleaned articles, returns
 * the corpus's events — kind, date with precision and provenance, place, participants with roles,
 * series and ordinal, documents, topics, figures, evidence sentences — plus the person registry and,
 * for each sentence, the people it mentions (names, short references, pronouns resolved).
 * Years missing from an article are inferred from another article when a relative phrase
 * ("last December") points at an event found there; the date then says which article it came from.
 */
import { SentenceMap } from "../corpus/sentence-map.ts";
import { fold } from "../index/tokenize.ts";
import type { Article, DateValue, Event, EventKind, Figure, Participant, Person, Role, Sentence } from "../types.ts";
import { nameTokens, PersonRegistry, type RawPerson } from "./aliases.ts";
import { dateScore, datesCompatible, findDates, isoDate, type DateMention, type RefDate } from "./dates.ts";
import { findFigures } from "./figures.ts";
import { countryOf, EN_EVENT_WORDS, EN_TITLES, ZH_EVENT_WORDS } from "./lexicon.ts";
import { findOrdinals, refersBack } from "./ordinals.ts";
import { findPeople, type PersonMention } from "./people.ts";
import { findPlaces, happeningPlace, samePlace } from "./places.ts";

export interface Extraction {
  events: Event[];
  persons: Person[];
  /** Person ids mentioned (or referred to) in each sentence, by sentence id (no entry: nobody). */
  mentions: SentenceMap<string[]>;
  /** The event each sentence belongs to (its own, or its article's main event). */
  sentenceEvent: SentenceMap<string>;
}

/** Reference date for relative phrases: the publish date, else the latest full date the article states. */
const refCache = new WeakMap<Article, RefDate | null>();

export function referenceDate(a: Article): RefDate | undefined {
  const cached = refCache.get(a);
  if (cached !== undefined) return cached ?? undefined;
  const r = computeReferenceDate(a);
  refCache.set(a, r ?? null);
  return r;
}

function computeReferenceDate(a: Article): RefDate | undefined {
  if (a.published?.year && a.published.month) return { year: a.published.year, month: a.published.month, day: a.published.day, source: "publish date" };
  let best: DateValue | undefined;
  for (const s of a.sentences)
    for (const d of findDates(s.text))
      if (d.value.provenance === "stated" && d.value.precision === "day" && (!best || isoDate(d.value) > isoDate(best))) best = d.value;
  return best ? { year: best.year!, month: best.month!, day: best.day, source: "latest date stated in the article" } : undefined;
}

function eventKind(text: string): EventKind | undefined {
  const rules = /\p{Script=Han}/u.test(text) ? ZH_EVENT_WORDS : EN_EVENT_WORDS;
  const t = /\p{Script=Han}/u.test(text) ? fold(text) : text;
  for (const [re, kind] of rules) if (re.test(t)) return kind as EventKind;
  return undefined;
}

function roleIn(text: string, name: string, folded?: string): Role {
  const t = folded ?? fold(text);
  // Sentence-wide roles: "X co-chairs … with Y", "X and Y led delegations", "…分别率双方代表团".
  if (/co-?chair|共同主持/.test(t)) return "co-chair";
  if (/\bled (the )?delegations\b|分别率|率双方代表团/.test(t)) return "head of delegation";
  const n = fold(name);
  const i = t.indexOf(n);
  const near = i >= 0 ? t.slice(Math.max(0, i - 60), i + n.length + 120) : t;
  if (/co-?chair|共同主持/.test(near)) return "co-chair";
  if (/\bled\b.*delegation|\blead(s|ing)?\b.*delegation|heads? of (the )?delegation|率.*代表团|代表团团长/.test(near)) return "head of delegation";
  if (/witness|见证/.test(near)) return "witness";
  if (/\bhost(s|ed|ing)?\b|主持|举行的.*欢迎/.test(near)) return "host";
  if (/\b(said|says|noted|stressed|added|urged|pointed out|points out|stated|remarked|emphasi[sz]ed|told|expressed|believes|believed)\b|表示|指出|强调|认为|介绍|称/.test(near)) return "speaker";
  return "participant";
}

const SERIES_NOUN = /(?:委员会|分委会|理事会|论坛|峰会|博览会|会晤|会议|合作|机制|对话|大会|会|展|节|赛)$|[a-z]$/u;

/** Series name around an ordinal ("11th Meeting of the X Committee" → "X Committee"; "X分委会第十次会议" → "X分委会"). */
export function seriesAt(text: string, ord: { start: number; end: number }): string | undefined {
  if (/\p{Script=Han}/u.test(text.slice(ord.start, ord.end))) {
    const before = fold(text.slice(0, ord.start));
    const m = before.match(/([\p{Script=Han}\-—–a-z]{2,40})$/u);
    // From the last clause word on ("丁薛祥在阿斯塔纳与谁共同主持了中哈合作委员会" → "中哈合作委员会").
    const s = m?.[1]?.replace(/^.*(?:日|,|，|、|了|的|在|自|以来)/u, "");
    // A series is named by what it is ("…委员会", "…论坛"); "我即将第三次访问" numbers a visit, not a series.
    if (s && s.length >= 2 && SERIES_NOUN.test(s)) return s;
    // "中哈总理第二次定期会晤": the name around the ordinal, "中哈总理定期会晤".
    const after = fold(text.slice(ord.end)).match(/^(?:次|届|轮)?([\p{Script=Han}]{0,4}?(?:会晤|会议|论坛|峰会|对话|博览会))/u)?.[1];
    return s && s.length >= 2 && after ? s + after : undefined;
  }
  const after = text.slice(ord.end);
  // "… of the Sub-Committee on Energy Cooperation of the X Committee in Almaty on Monday": "on" belongs to
  // the name unless a day or date follows it.
  const m = after.match(
    /^\s*(?:regular\s+)?([\w'’-]+(?:\s+[\w'’-]+){0,3}?)\s+(?:of|between)\s+(?:the\s+)?([^,.;()?]+?)(?=\s+(?:was|were|is|are|will|with|in|at|which|that|held|opened|take|took|and the|on\s+(?:[A-Z][a-z]+day|January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?|\d))\b|[,.;()?]|$)/,
  );
  if (m) return `${m[2]!.trim()} ${m[1]!.trim()}`.replace(/\s+/g, " ");
  const m2 = after.match(/^\s*([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,5})/);
  return m2?.[1];
}

const DOC_EN = /\b(joint (?:communique|communiqué|statement|declaration)|protocol|memorand(?:um|a) of understanding|memorand(?:um|a)|mou|agreements?|contracts?|deals?|documents?|treaty|accord|roadmap|action plan|plan)\b/gi;
/** The documents a sentence records as signed or issued ("签署了联合声明", "signed a protocol on …"). */
export function documentsIn(text: string): string[] {
  const out: string[] = [];
  const t = fold(text);
  if (/\p{Script=Han}/u.test(text)) {
    for (const m of t.matchAll(/(?:签署|签订|发表|通过)了?([^,，。;；]{2,40})/gu)) out.push(m[1]!);
    return out;
  }
  if (!/\b(sign|signed|signing|inked|issued|adopted|ink|concluded|came into force|entered into force)\b/i.test(text) && !/\bjoint (communique|statement)\b/i.test(text)) return out;
  for (const m of text.matchAll(DOC_EN)) {
    const tail = text.slice(m.index!).match(/^[^,.;]{0,90}/)?.[0] ?? m[0];
    out.push(tail.trim());
  }
  return out;
}

function topicsIn(text: string): string[] {
  const m = text.match(/\b(?:cooperation|co-operation|fields?|areas?|sectors?|sphere|spheres)\s+(?:such as|including|in|of|like)\s+(?:such\s+(?:areas|fields)\s+as\s+|the fields? of\s+|areas such as\s+)?([^.;]+)/i);
  if (!m) return [];
  return m[1]!
    .split(/,\s*|\s+and\s+|\s+as well as\s+/)
    .map((s) => s.replace(/^(?:and|the|such as|in)\s+/i, "").trim())
    .filter((s) => s && s.split(/\s+/).length <= 5)
    .slice(0, 12);
}

interface Candidate extends Event {
  sentenceIndex: number;
  sameDay: boolean;
  /** Describes the event from the headline (replaced by the first body sentence merged in). */
  fromHeadline: boolean;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

/** Said of the happening just reported: the same day ("on the same day", "before the talks", "会谈前"). */
const SAME_DAY = /\b(on the same day|the same day|that day|same day|(before|after|ahead of|following) (the|their) (talks|meeting))\b|同日|当天|当日|(会谈|会见|会晤)(前|后|之前|之后)/i;
const PRONOUN_EN = /^(?:He|She)\b/;
const PRONOUN_ZH = /^(?:他|她)/;

/** What each person contributes to an article's lookups: Chinese spellings, name parts, short titles. */
export interface PersonKeys {
  han: string[];
  parts: string[];
  shorts: string[];
}

/** A cache of PersonKeys (a person's keys depend on its aliases and titles only). */
export function personKeysCache(): (p: Person) => PersonKeys {
  const cache = new Map<Person, PersonKeys>();
  return (p) => {
    let k = cache.get(p);
    if (k) return k;
    const han: string[] = [];
    const parts = new Set<string>();
    const shorts = new Set<string>();
    for (const al of p.aliases) {
      if (/\p{Script=Han}/u.test(al)) {
        han.push(fold(al).replace(/[·•]/g, "•"));
        continue;
      }
      const toks = al.split(/\s+/);
      for (const t of new Set([toks[0]!, toks[toks.length - 1]!, al])) if (t.length >= 2) parts.add(t);
    }
    for (const title of p.titles) {
      const tl = title.toLowerCase();
      const short = EN_TITLES.find((et) => tl.endsWith(et) || tl === et);
      if (short && short.length > 3) shorts.add(short);
    }
    cache.set(p, (k = { han, parts: [...parts], shorts: [...shorts] }));
    return k;
  };
}

/** Stage 1 for one article: the names each sentence states (by sentence index). */
export function findArticlePeople(a: Article): PersonMention[][] {
  return a.sentences.map((s) => findPeople(s.text));
}

/** The registry's input from one article's names. */
export function rawPersonsOf(a: Article, found: PersonMention[][]): RawPerson[] {
  const raw: RawPerson[] = [];
  for (const ms of found) for (const m of ms) raw.push({ name: m.name, title: m.title, country: m.country, file: a.file });
  return raw;
}

/**
 * Stage 2 for one article: every sentence's people — names, short references, "the vice premier",
 * pronouns — given the people of this article (`local`) and the registry's lookup. Sets `mentions`.
 */
export function resolveArticle(a: Article, found: PersonMention[][], local: Person[], idOf: (name: string, file?: string) => string | undefined, keysOf: (p: Person) => PersonKeys, mentions: SentenceMap<string[]>): void {
  // Name parts (first, last, whole) that point at exactly one person of this article; Chinese aliases;
  // and short titles ("the vice premier") held by exactly one person here.
  const parts = new Map<string, Set<string>>();
  const hanAliases: { text: string; id: string }[] = [];
  const titleOwners = new Map<string, Set<string>>();
  for (const p of local) {
    const k = keysOf(p);
    for (const text of k.han) hanAliases.push({ text, id: p.id });
    for (const t of k.parts) parts.set(t, (parts.get(t) ?? new Set()).add(p.id));
    for (const short of k.shorts) titleOwners.set(short, (titleOwners.get(short) ?? new Set()).add(p.id));
  }
  let prevSubject: string | undefined;
  let author: string | undefined; // of a signed article quoted in full ("X published a signed article …")
  let prevParagraph = -1;
  for (const s of a.sentences) {
    const ids: { id: string; at: number }[] = [];
    const add = (id: string | undefined, at: number) => {
      if (id && !ids.some((x) => x.id === id)) ids.push({ id, at });
    };
    for (const m of found[s.index] ?? []) add(idOf(m.name, a.file), m.start);
    if (s.lang === "zh" || /\p{Script=Han}/u.test(s.text)) {
      const text = fold(s.text);
      for (const h of hanAliases) {
        const at = text.indexOf(h.text);
        if (at >= 0) add(h.id, at);
      }
    }
    if (parts.size) {
      // Capitalised words and word pairs of the sentence, looked up among this article's name parts.
      const words = [...s.text.matchAll(/\p{Lu}[\p{L}\p{M}'’-]*/gu)];
      words.forEach((w, i) => {
        const next = words[i + 1];
        const cands = [w[0], next && next.index === w.index! + w[0].length + 1 ? `${w[0]} ${next[0]}` : undefined];
        for (const c of cands) {
          const owners = c ? parts.get(c) : undefined;
          if (owners?.size === 1) add([...owners][0], w.index!);
        }
      });
    }
    const lower = s.text.toLowerCase();
    for (const [short, owners] of titleOwners) {
      if (owners.size !== 1) continue;
      const at = lower.indexOf(`the ${short}`);
      if (at >= 0 && !/[a-z]/.test(lower[at + 4 + short.length] ?? "")) add([...owners][0], at);
    }
    if (/signed article|署名文章|\bop-ed\b|wrote an article/i.test(s.text) && ids.length) author = [...ids].sort((x, y) => x.at - y.at)[0]!.id;
    // "I"/"我" in a signed article is its author.
    if (author && !ids.length && (/\b(I|my|me)\b/.test(s.text) || /我(?![国们方])/.test(s.text))) add(author, 0);
    if ((PRONOUN_EN.test(s.text) || PRONOUN_ZH.test(s.text)) && prevSubject) add(prevSubject, 0);
    // A sentence naming no one, inside a paragraph that opened with someone speaking, continues
    // that person's remarks ("王文涛表示,…。中方愿…。").
    if (!ids.length && prevSubject && s.paragraph === prevParagraph && /[表示指出强调说]|said|says|added|noted|stressed/.test(a.sentences[s.index - 1]?.text ?? "")) add(prevSubject, 0);
    ids.sort((x, y) => x.at - y.at);
    // Sentences naming no one have no entry (readers use `mentions.get(id) ?? []`).
    if (ids.length) mentions.set(s.id, ids.map((x) => x.id));
    if (ids.length && !s.caption && !s.headline) {
      prevSubject = ids[0]!.id;
      prevParagraph = s.paragraph;
    }
  }
}

/** Stage 3 for one article: event candidates per sentence, merged within the article. Sets `sentenceEvent`. */
export function articleEvents(a: Article, mentions: SentenceMap<string[]>, byId: Map<string, Person>, sentenceEvent: SentenceMap<string>): Event[] {
  const ref = referenceDate(a);
  const cands: Candidate[] = [];
  for (const s of a.sentences) {
    const kind = eventKind(s.text);
    if (!kind) continue;
    cands.push(candidateFrom(a, s, kind, ref, mentions.get(s.id) ?? [], byId));
  }
  // Every article reports something: with no event word at all, its lead is the event.
  if (!cands.length && a.sentences.length) {
    const leadSentence = a.sentences.find((s) => s.caption) ?? a.sentences[0]!;
    cands.push(candidateFrom(a, leadSentence, "other", ref, mentions.get(leadSentence.id) ?? [], byId));
  }
  const merged = mergeCandidates(cands, a);
  merged.forEach((e, i) => {
    e.id = `${a.file}#e${i}`;
    for (const sid of e.evidence) if (!sentenceEvent.has(sid)) sentenceEvent.set(sid, e.id);
  });
  const main = merged[0];
  if (main) for (const s of a.sentences) if (!sentenceEvent.has(s.id)) sentenceEvent.set(s.id, main.id);
  return merged;
}

/** Extract events for every article, then infer missing years across articles. */
export function extractCorpus(articles: Article[]): Extraction & { registry: PersonRegistry } {
  // 1. Person mentions and the registry.
  const found = new Map<Article, PersonMention[][]>();
  const raw: RawPerson[] = [];
  for (const a of articles) {
    const f = findArticlePeople(a);
    found.set(a, f);
    for (const r of rawPersonsOf(a, f)) raw.push(r);
  }
  const registry = PersonRegistry.build(raw);
  const persons = registry.persons;
  const idOf = (name: string, file?: string) => registry.idOf(name, file);
  const byId = new Map(persons.map((p) => [p.id, p]));

  // 2. Resolve every sentence's people: names, short references, "the vice premier", pronouns.
  const mentions = new SentenceMap<string[]>();
  const byFile = new Map<string, Person[]>();
  for (const p of persons) for (const f of p.files) push(byFile, f, p);
  const keysOf = personKeysCache();
  for (const a of articles) resolveArticle(a, found.get(a)!, byFile.get(a.file) ?? [], idOf, keysOf, mentions);

  // 3. Event candidates per sentence, merged within the article.
  const events: Event[] = [];
  const sentenceEvent = new SentenceMap<string>();
  for (const a of articles) events.push(...articleEvents(a, mentions, byId, sentenceEvent));

  inferYears(articles, events, mentions);
  return { events, persons, mentions, sentenceEvent, registry };
}

function candidateFrom(a: Article, s: Sentence, kind: EventKind, ref: RefDate | undefined, ids: string[], byId: Map<string, Person>): Candidate {
  const dates: DateMention[] = findDates(s.text, ref);
  // The most specific date that is not a mere reference to the past ("since 2007"), nor a target: a
  // deadline ("by 2013", "before 2010") or a bare year after the article's own ("$40 billion in 2015").
  const target = (d: DateValue) => d.precision === "year" && (/^(by|before|until)\b/i.test(d.text) || (ref !== undefined && d.year! > ref.year));
  const best = dates.map((d) => d.value).filter((d) => d.precision !== "unknown" && !target(d)).sort((x, y) => dateScore(y) - dateScore(x))[0];
  const places = findPlaces(s.text);
  const ords = findOrdinals(s.text);
  // Prefer an ordinal that names a meeting/session/forum over "first half" and the like.
  const ord = ords.find((o) => /meeting|session|forum|summit|conference|expo|round|会议|届|次/i.test(s.text.slice(o.end, o.end + 60) + o.text)) ?? undefined;
  // "since the 10th meeting": a past event referred to, whose attendees this sentence does not name.
  const pastRef = ord !== undefined && refersBack(s.text, ord);
  const folded = fold(s.text);
  const participants: Participant[] = (pastRef ? [] : ids).map((id) => {
    const p = byId.get(id)!;
    return { id, name: p.name, title: p.titles[0], country: p.country, role: roleIn(s.text, p.aliases.find((al) => folded.includes(fold(al))) ?? p.name, folded) };
  });
  const figures: Figure[] = findFigures(s.lang === "zh" ? fold(s.text) : s.text).map((f) => ({ value: f.value, number: f.number, unit: f.unit, measures: f.measures, sentence: s.id }));
  return {
    id: "",
    file: a.file,
    kind,
    what: s.text.length > 200 ? s.text.slice(0, 197) + "…" : s.text,
    date: best ?? { precision: "unknown", provenance: "partial", text: "" },
    place: happeningPlace(places)?.name,
    participants,
    series: ord ? seriesAt(s.text, ord) : undefined,
    ordinal: ord?.value,
    documents: documentsIn(s.text),
    topics: topicsIn(s.text),
    figures,
    evidence: [s.id],
    sentenceIndex: s.index,
    sameDay: SAME_DAY.test(s.text),
    fromHeadline: Boolean(s.headline),
  };
}

function overlap(a: Participant[], b: Participant[]): number {
  return a.filter((p) => b.some((q) => q.id === p.id)).length;
}

/** One frozen empty list for every event without documents, topics or figures (most events; 16 bytes and more each otherwise). */
export const NONE: never[] = Object.freeze([]) as unknown as never[];

/** The event with its empty lists replaced by `NONE` (nothing changes an event's lists after merging). */
export function shareEmpty<E extends Pick<Event, "documents" | "topics" | "figures">>(e: E): E {
  if (!e.documents.length) e.documents = NONE;
  if (!e.topics.length) e.topics = NONE;
  if (!e.figures.length) e.figures = NONE;
  return e;
}

/** Merge candidates describing the same happening: the lead (captions + opening), same-day references, shared people/ordinal. */
function mergeCandidates(cands: Candidate[], a: Article): Event[] {
  const out: Candidate[] = [];
  // The lead: captions and the first two sentences of the story, and again after a switch of language (bilingual articles).
  const lead = new Set<number>();
  let run = 0;
  a.sentences.forEach((s, i) => {
    if (i > 0 && s.lang !== a.sentences[i - 1]!.lang && !s.caption && !a.sentences[i - 1]!.headline) run = 0;
    if (s.caption || s.headline) lead.add(i);
    else if (run < 2) {
      lead.add(i);
      run++;
    }
  });
  const samePlaceOk = (x?: string, y?: string) => !x || !y || samePlace(x, y) || countryOf(x) !== undefined || countryOf(y) !== undefined;
  for (const c of cands) {
    const prev = [...out].reverse().find((e) => e.date.day);
    if (c.sameDay && prev) {
      if (c.date.precision === "unknown") c.date = { ...prev.date, text: c.date.text || "the same day", note: "same day as the event before it" };
      if (!c.place) c.place = prev.place;
    }
    const target = out.find((e) => {
      if (!datesCompatible(e.date, c.date)) return false;
      if (e.ordinal && c.ordinal && e.ordinal !== c.ordinal) return false;
      if (c.sameDay && overlap(e.participants, c.participants) < 2) return false;
      const inLead = lead.has(c.sentenceIndex) && lead.has(e.sentenceIndex);
      const samePeople = overlap(e.participants, c.participants) >= 2 || (overlap(e.participants, c.participants) >= 1 && (e.participants.length === 1 || c.participants.length === 1));
      const sameSeries = e.ordinal !== undefined && e.ordinal === c.ordinal;
      // The same two people on the same day, said of the happening before it: one visit, whatever the venue.
      if (c.sameDay && e.date.day && overlap(e.participants, c.participants) >= 2) return true;
      const placeOk = samePlaceOk(e.place, c.place);
      return placeOk && (sameSeries || (samePeople && (inLead || c.date.precision === "unknown" || dateScore(c.date) <= dateScore(e.date))) || (inLead && (!c.participants.length || !e.participants.length)));
    });
    if (!target) {
      out.push(c);
      continue;
    }
    if (target.fromHeadline && !c.fromHeadline) {
      target.what = c.what;
      target.fromHeadline = false;
    }
    const better = dateScore(c.date) - dateScore(target.date);
    if (better > 0 || (better === 0 && c.date.provenance === "stated" && target.date.provenance !== "stated")) target.date = c.date;
    if (c.place && (!target.place || (countryOf(target.place) && !countryOf(c.place)))) target.place = c.place;
    for (const p of c.participants) {
      const have = target.participants.find((q) => q.id === p.id);
      if (!have) target.participants.push(p);
      else if (have.role === "participant" || have.role === "speaker") have.role = p.role;
    }
    if (!target.ordinal && c.ordinal) {
      target.ordinal = c.ordinal;
      target.series = c.series;
    } else if (target.series && c.series && c.ordinal === target.ordinal && c.series.length > target.series.length && !/\p{Script=Han}/u.test(target.series) === !/\p{Script=Han}/u.test(c.series)) target.series = c.series;
    if (target.kind === "visit" || target.kind === "meeting" || target.kind === "signing") if (c.kind === "committee session" || c.kind === "talks") target.kind = c.kind;
    target.documents.push(...c.documents.filter((d) => !target.documents.includes(d)));
    target.topics.push(...c.topics.filter((d) => !target.topics.includes(d)));
    target.figures.push(...c.figures);
    target.evidence.push(...c.evidence);
  }
  // Sentences in the lead with undated events inherit the lead's date.
  const first = out[0];
  for (const e of out) if (e !== first && e.date.precision === "unknown" && first && lead.has(e.sentenceIndex)) e.date = first.date;
  return out.map(({ sentenceIndex: _i, sameDay: _s, fromHeadline: _h, ...e }) => shareEmpty(e));
}

/**
 * Year inference across articles. For an article whose events lack a year and that says
 * "last <Month>" or "last year" about someone's visit to a place, find that visit in another
 * article; its year fixes this article's year. Dates so resolved are marked "inferred" with the source.
 */
function inferYears(articles: Article[], events: Event[], mentions: SentenceMap<string[]>): void {
  const byFile = new Map<string, Event[]>();
  const byPerson = new Map<string, Event[]>();
  // The same lists split by month (a month never changes here; only years are filled in), so a
  // "last December" looks only at December events instead of every event of the people involved.
  const byPersonMonth = new Map<string, Map<number, Event[]>>();
  for (const e of events) {
    push(byFile, e.file, e);
    for (const p of e.participants) {
      push(byPerson, p.id, e);
      if (e.date.month === undefined) continue;
      let months = byPersonMonth.get(p.id);
      if (!months) byPersonMonth.set(p.id, (months = new Map()));
      push(months, e.date.month, e);
    }
  }
  inferYearsIn(articles, { ofFile: (f) => byFile.get(f) ?? [], ofPerson: (id) => byPerson.get(id), ofPersonMonth: (id, m) => byPersonMonth.get(id)?.get(m) }, mentions);
}

/** Where year inference finds events: an article's own, and every event of a person (in corpus order), all or of one month. */
export interface EventLookup {
  ofFile(file: string): Event[];
  ofPerson(id: string): Iterable<Event> | undefined;
  ofPersonMonth(id: string, month: number): Iterable<Event> | undefined;
}

/** Year inference for `articles` (in this order) against the events `look` finds. Returns the events whose date it set. */
export function inferYearsIn(articles: Article[], look: EventLookup, mentions: SentenceMap<string[]>): Event[] {
  const changed: Event[] = [];
  for (const a of articles) {
    const own = look.ofFile(a.file);
    if (!own.some((e) => e.date.month && !e.date.year)) continue;
    for (const s of a.sentences) {
      const m = s.text.match(/\blast (January|February|March|April|May|June|July|August|September|October|November|December|year)\b|去年(\d{1,2})月?/);
      if (!m) continue;
      const month = m[1] && m[1] !== "year" ? findDates(m[1])[0]?.value.month ?? ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"].indexOf(m[1].toLowerCase()) + 1 : m[2] ? Number(m[2]) : undefined;
      const people = new Set([...(mentions.get(s.id) ?? []), ...own.flatMap((e) => e.participants.map((p) => p.id))]);
      const placeWords = findPlaces(s.text).map((p) => p.name);
      const fits = (e: Event) =>
        e.file !== a.file &&
        e.date.year &&
        (month === undefined || e.date.month === month) &&
        e.participants.some((p) => people.has(p.id)) &&
        (placeWords.length === 0 || placeWords.some((w) => e.place === w || countryOf(w) === countryOf(e.place ?? "") || fold(e.what).includes(fold(w))));
      // The events of these people (person by person, each once), in that order; a second distinct year
      // already rules the inference out, so the scan stops there.
      const seen = new Set<Event>();
      const yearsFound = new Set<number>();
      let source: Event | undefined;
      scan: for (const id of people)
        for (const e of (month === undefined ? look.ofPerson(id) : look.ofPersonMonth(id, month)) ?? []) {
          if (seen.has(e)) continue;
          seen.add(e);
          if (!fits(e)) continue;
          source ??= e;
          yearsFound.add(e.date.year!);
          if (yearsFound.size > 1) break scan;
        }
      const years = [...yearsFound];
      if (years.length !== 1 || !source) continue;
      for (const e of own) {
        if (!e.date.month || e.date.year) continue;
        const year = /\blast\b|去年/.test(e.date.text) || (month !== undefined && e.date.month > month) ? years[0]! : years[0]! + 1;
        e.date = { ...e.date, year, provenance: "inferred", note: `year inferred from ${source.file} ("${m[0]}" = ${isoDate(source.date)})` };
        changed.push(e);
      }
      break;
    }
  }
  return changed;
}

export { nameTokens };
