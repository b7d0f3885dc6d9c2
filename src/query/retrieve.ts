/**
 * Intent → ranked evidence. Takes a parsed question and the index; returns candidate sentences
 * (with their event) that satisfy every hard constraint the question names — people, ordinal,
 * place, year/month — ranked by term coverage and search score, and the events that match the
 * constraints (for counting and listing). Constraints are never relaxed: a missing match means
 * "not in the corpus", not a looser guess.
 */
import { datesCompatible, findDates } from "../extract/dates.ts";
import { COUNTRIES, GLOSSARY, PLACES_ZH } from "../extract/lexicon.ts";
import { refersBack, findOrdinals } from "../extract/ordinals.ts";
import { findPlaces, placeKey, samePlace } from "../extract/places.ts";
import { personsById } from "./persons.ts";
import type { CorpusIndex } from "../index/index.ts";
import { withinOneEdit } from "../index/search.ts";
import { listingOf } from "../extract/listing.ts";
import { fold, stem, tokenize } from "../index/tokenize.ts";
import { isProperNoun, words } from "../index/segment.ts";
import { pinyinKey } from "../extract/aliases.ts";
import { ABOUT_REPORT, REPORT_WORDS } from "./report.ts";
import { equivalentIn, equivalentKnown, zhEquivalents, zhGlossaryKnown, zhRowmates } from "./glossary.ts";
import { englishTermsOf, glossIn, glossTerms } from "./dictionary.ts";
import type { Article, Event, Intent, Sentence } from "../types.ts";
import { documentsIn, referenceDate, seriesAt } from "../extract/events.ts";

export interface Candidate {
  sentence: Sentence;
  event?: Event;
  score: number;
  coverage: number;
}

/** Question words and generic verbs that say nothing about the content. */
const QUESTION_TERMS = new Set(
  tokenize("who whom what when where which how many much long big large far times did happen happened take took place held hold " +
    "tell me about get give go going were was kind sort number total there 谁 什么 哪里 哪些 多少 几 何时 时候 在哪里 哪个 是 了 的 吗 呢"),
);

const EVENT_TERMS = new Set(tokenize("talks meeting meet met summit forum conference visit session signing ceremony expo exhibition 会谈 会见 会晤 会议 峰会 论坛 访问 签署 仪式 博览会"));

/** Words that ask for a signed document of any kind. */
const DOC_WORDS = new Set([...tokenize("document documents paper papers"), "文件"]);

/** Terms to look for: the question's own, their glossary equivalents, aliases of named people, acronyms spelled out. */
export function expandTerms(intent: Intent, index: CorpusIndex): string[] {
  const base = intent.terms.filter((t) => !QUESTION_TERMS.has(t));
  const out = new Set(base);
  const fq = fold(intent.question);
  for (const row of GLOSSARY) {
    if (row.some((w) => (/\p{Script=Han}/u.test(w) ? fq.includes(w) : new RegExp(`(^|[^a-z])${w.replace(/[.*+?^${}()|[\]\\&]/g, "\\$&")}($|[^a-z])`).test(fq)))) for (const w of row) for (const t of tokenize(w)) out.add(t);
  }
  // A Chinese question's words in English too (the dictionary's first glosses), to find English sentences.
  for (const run of intent.hanRuns) for (const w of words(run)) if (w.word.length >= 2 && w.tag !== "r" && w.tag !== "m") for (const toks of glossTerms(w.word).slice(0, 3)) for (const t of toks) out.add(t);
  for (const id of intent.persons) {
    const p = index.vocab.persons.find((x) => x.id === id);
    for (const al of p?.aliases ?? []) for (const t of tokenize(al)) out.add(t);
  }
  for (const pl of intent.places) {
    for (const t of tokenize(pl)) out.add(t);
    for (const [en, zh] of PLACES_ZH) if (samePlace(en, pl)) for (const t of tokenize(en + " " + zh)) out.add(t);
  }
  for (const m of intent.question.matchAll(/\b(\p{Lu}{2,6})\b/gu)) {
    const phrase = index.acronyms.get(m[1]!);
    if (phrase) for (const t of tokenize(phrase)) out.add(t);
  }
  return [...out];
}

/** The sentences just before `s` in its article, and its title: what a reader has in mind while reading it. */
function contextOf(s: Sentence, index: CorpusIndex): Sentence[] {
  const a = index.articles.get(s.file)!;
  return a.sentences.slice(Math.max(0, s.index - 2), s.index);
}

/** Does the text name the place, in any language ("Astana", "阿斯塔纳", "Chongqing" for 重庆)? */
export function textHasPlace(text: string, place: string): boolean {
  const t = fold(text);
  if (t.includes(fold(place))) return true;
  return findPlaces(text).some((p) => samePlace(p.name, place)) || PLACES_ZH.some(([en, zh]) => placeKey(en) === placeKey(place) && (t.includes(zh) || t.includes(fold(en))));
}

/** textHasPlace for a sentence of the corpus, from the index's cached folded text and place names. */
function sentenceHasPlace(s: Sentence, place: string, index: CorpusIndex): boolean {
  const t = index.folded(s.id);
  if (t.includes(fold(place))) return true;
  return index.placesIn(s.id).some((p) => samePlace(p, place)) || PLACES_ZH.some(([en, zh]) => placeKey(en) === placeKey(place) && (t.includes(zh) || t.includes(fold(en))));
}

/** Does this sentence (with its event) satisfy every constraint of the question? */
export function satisfies(intent: Intent, s: Sentence, ev: Event | undefined, index: CorpusIndex): boolean {
  const people = new Set([...index.peopleIn(s.id), ...(ev?.participants.map((p) => p.id) ?? [])]);
  if (!intent.persons.every((p) => people.has(p))) return false;
  if (intent.ordinal !== undefined) {
    const ords = findOrdinals(s.text);
    const own = ords.map((o) => o.value);
    const evOk = ev?.ordinal === intent.ordinal && !own.some((o) => o !== intent.ordinal && o > 1);
    // A sentence numbering nothing that follows one naming the session ("Kazakhstan's pavilion presented
    // 42 companies" after "the eighth China-Eurasia EXPO"), or, of no numbered event, sits under a title naming it.
    const before = index.articles.get(s.file)!.sentences[s.index - 1];
    const near = ev?.ordinal === undefined ? [...contextOf(s, index), { text: index.articles.get(s.file)!.title }] : before ? [before] : [];
    // Only for details (figures, lists, what was said): the date, place and people are the session's own event's.
    const details = intent.kind === "howmany" || intent.kind === "what" || intent.kind === "list";
    const around = !own.length && details ? near.find((c) => findOrdinals(c.text).some((o) => o.value === intent.ordinal && !refersBack(c.text, o))) : undefined;
    if (!own.includes(intent.ordinal) && !evOk && !around) return false;
    // The ordinal must count the same series: "the 11th meeting of the Cooperation Committee" is not
    // the 11th meeting of one of its sub-committees.
    const at = around ?? s;
    const mention = findOrdinals(at.text).find((o) => o.value === intent.ordinal);
    const theirs = (mention ? seriesAt(at.text, mention) : undefined) ?? ev?.series;
    if (intent.series && theirs && !sameSeries(intent.series, theirs)) return false;
    // "Since the 10th meeting …" said at the 11th: the sentence's event is another session of that series.
    if (!around && ev?.ordinal !== undefined && ev.ordinal !== intent.ordinal && (!ev.series || !theirs || sameSeries(ev.series, theirs))) return false;
  }
  // A series named without an ordinal ("the energy sub-committee") rules out the events of another one.
  else if (intent.series && ev?.series && !sameSeries(intent.series, ev.series)) return false;
  const title = index.articles.get(s.file)!.title;
  const placeOk = (pl: string) =>
    (ev?.place && samePlace(ev.place, pl)) || sentenceHasPlace(s, pl, index) || contextOf(s, index).some((c) => sentenceHasPlace(c, pl, index)) || textHasPlace(title, pl);
  if (intent.places.length && !intent.places.every(placeOk)) return false;
  if (intent.year || intent.month) {
    const want = { year: intent.year, month: intent.month, day: intent.day, precision: "day" as const, provenance: "stated" as const, text: "" };
    const art = index.articles.get(s.file)!;
    const own = findDates(s.text, referenceDate(art)).map((d) => d.value);
    const dated = [...own, ...(ev ? [ev.date] : [])].filter((d) => d.year || d.month);
    // An undated article cannot contradict a year just after the latest year it mentions: its dates
    // without a year ("9月14日") and its undated sentences are left open to it, never resolved to it.
    const time = articleTime(art);
    const open = intent.year !== undefined && !!time.minYear && intent.year >= time.minYear && intent.year <= time.minYear + OPEN_YEARS;
    const ok = dated.some((d) => (intent.year ? d.year === intent.year || (open && !d.year) : true) && datesCompatible(d, want));
    // A sentence with no date of its own belongs to its article's time.
    const byArticle = !dated.length && intent.year !== undefined && (time.year === intent.year || open) && (!intent.month || time.month === intent.month);
    if (!ok && !byArticle) return false;
  }
  return true;
}

/**
 * The time an article's undated sentences belong to: its publish date, else the latest full date it
 * states. An article with neither is open from the latest year it names (`minYear`) to `OPEN_YEARS`
 * later (news rarely looks further back than that), in the month of its year-less dates when they all
 * fall in one ("9月14日 … 9月16日" → September). An article that names no year is open to none.
 */
export function articleTime(a: Article): { year?: number; month?: number; minYear?: number } {
  const cached = timeCache.get(a);
  if (cached) return cached;
  const ref = referenceDate(a);
  let t: { year?: number; month?: number; minYear?: number };
  if (ref) t = { year: ref.year, month: ref.month };
  else {
    let minYear = 0;
    const months = new Set<number>();
    for (const s of a.sentences) {
      for (const m of s.text.matchAll(/(?<!\d)((?:19|20)\d\d)(?!\d)/g)) minYear = Math.max(minYear, Number(m[1]));
      for (const d of findDates(s.text)) if (!d.value.year && d.value.month && d.value.day) months.add(d.value.month);
    }
    t = { minYear, month: months.size === 1 ? [...months][0] : undefined };
  }
  timeCache.set(a, t);
  return t;
}
const OPEN_YEARS = 2;
const timeCache = new WeakMap<Article, { year?: number; month?: number; minYear?: number }>();

/** Sentences that answer the question, best first. */
export interface Retrieval {
  candidates: Candidate[];
  terms: string[];
  /** Proper nouns of the question the corpus never mentions. */
  unknown: string[];
  /** The question's Chinese content words in order, each marked whether the corpus has it (or an equivalent). */
  units: { text: string; known: boolean }[];
}

/**
 * At most this many sentences join the search hits because they name the asked people. A much-reported
 * person is named in 50,000 sentences of 100,000 articles, and each candidate costs its constraint check
 * and coverage; beyond the cap the ones that share the most of the question's terms are taken.
 */
export const MAX_PERSON_SENTENCES = 400;
/** At most this many Chinese sentences of a question's pool are matched word by word against an English question. */
const MAX_GLOSSED = 40;

/**
 * The sentences naming every asked person that the search did not return, in corpus order; when more
 * than MAX_PERSON_SENTENCES, those in the question's language that the search ranks best among them
 * (the ranking prefers the question's language too), then the others, then any (in corpus order again).
 */
function personSentences(intent: Intent, index: CorpusIndex, pool: Map<string, number>): string[] {
  if (!intent.persons.length) return [];
  // Walk the shortest of the asked people's lists (in corpus order, like every list) and check the others.
  const lists = intent.persons.map((p) => index.sentencesOfPerson.get(p) ?? []);
  const at = lists.reduce((best, l, i) => (l.length < lists[best]!.length ? i : best), 0);
  // A sentence names another person exactly when it is on that person's list (the lists are built from
  // the sentences' mentions): the shortest list's sentences are kept while each other list is walked
  // (a set of the short list, not of the long ones: a much-reported person is on 50,000 sentences).
  let kept = new Set(lists[at]!.filter((sid) => !pool.has(sid)));
  for (let i = 0; i < lists.length && kept.size; i++) {
    if (i === at) continue;
    const both = new Set<string>();
    for (const sid of lists[i]!) if (kept.has(sid)) both.add(sid);
    kept = both;
  }
  const named = lists[at]!.filter((sid) => kept.has(sid));
  if (named.length <= MAX_PERSON_SENTENCES) return named;
  const terms = expandTerms(intent, index);
  const best = new Set<string>();
  const own: string[] = [], foreign: string[] = [];
  const langs = index.sentences.langsOf(named);
  for (let i = 0; i < named.length; i++) (langs[i] === intent.lang ? own : foreign).push(named[i]!);
  for (const group of [own, foreign, named]) {
    if (best.size >= MAX_PERSON_SENTENCES) break;
    const ranked = group === named ? named : index.searchSentences(terms, MAX_PERSON_SENTENCES - best.size, group).map((h) => h.sentence.id);
    for (const sid of ranked) {
      if (best.size >= MAX_PERSON_SENTENCES) break;
      best.add(sid);
    }
  }
  return named.filter((sid) => best.has(sid));
}

export function retrieve(intent: Intent, index: CorpusIndex): Retrieval {
  const terms = expandTerms(intent, index);
  // Coverage is measured over the question's terms the corpus knows at all: slang and filler
  // ("kz", "how's", "w/") cannot be matched anywhere and say nothing about relevance. When most of
  // the question is unknown to the corpus, nothing can answer it.
  const hits = index.searchSentences(terms, 60);
  const pool = new Map(hits.map((h) => [h.sentence.id, h.score]));
  // Sentences of events that match named people, so a question by name alone still finds them.
  for (const sid of personSentences(intent, index, pool)) pool.set(sid, 0.1);
  // Chinese is matched by words, not bigrams: the question's Chinese is cut into the longest pieces
  // that the retrieved sentences contain ("哈萨克斯坦/代表团/参观了"), so a long name does not outweigh a verb.
  const poolText = [...pool.keys()].map((sid) => index.folded(sid)).join("\n");
  const aboutReport = ABOUT_REPORT.test(intent.question);
  const hanUnits = intent.hanRuns.flatMap((r) => chineseUnits(r, poolText)).filter((u) => !(aboutReport && REPORT_WORDS.has(u.text)));
  const latin = intent.terms.filter((t) => !/\p{Script=Han}/u.test(t) && !QUESTION_TERMS.has(t) && !(aboutReport && REPORT_WORDS.has(t)));
  const content = [...latin, ...hanUnits.map((u) => u.text)];
  // A place the question names in characters but the corpus spells in pinyin ("北京" = Beijing) is a constraint, known.
  const askedPlace = (u: { text: string }) => intent.places.some((pl) => placeKey(pl) === placeKey(u.text));
  // A country is known when the corpus names it in some form ("哈方" for Kazakhstan), not merely because it is a country (美国).
  const countryKnown = (u: { text: string }) => COUNTRIES.some((c) => c.zh.includes(u.text) && (c.forms.some((f) => index.vocab.terms.has(stem(f))) || c.zh.some((z) => z.length >= 2 && index.vocab.terms.has(z))));
  const hanKnown = hanUnits.filter((u) => u.found || askedPlace(u) || zhGlossaryKnown(u.text, index.vocab.terms) || countryKnown(u)).map((u) => u.text);
  // An English word is known too when a Chinese sentence found says it (through the dictionary).
  const zhSaid = (sid: string) => englishTermsOf(sid, index.folded(sid));
  // Only the best-scored Chinese sentences are read through the dictionary (segmenting costs ~50 µs a sentence).
  const zhPool = latin.length ? [...pool].filter(([sid]) => index.sentences.langOf(sid) === "zh").sort((a, b) => b[1] - a[1]).slice(0, MAX_GLOSSED).map(([sid]) => sid) : [];
  const glossed = new Set(zhPool);
  const known = [...latin.filter((t) => index.vocab.terms.has(t) || equivalentKnown(t, index.vocab.terms) || zhPool.some((sid) => zhSaid(sid).has(t))), ...hanKnown];
  // A Chinese proper noun the corpus never mentions ("东京" in "东京的会议在哪里召开") is what English
  // marks with a capital: the question is about something the corpus does not cover.
  const unknown = hanUnits
    .filter((u) => u.proper && !u.found && !askedPlace(u) && !intent.focus.includes(u.text) && !countryKnown(u) && !zhGlossaryKnown(u.text, index.vocab.terms) && !PLACES_ZH.some(([, zh]) => zh === u.text))
    .filter((u) => !(u.text.match(/\p{Script=Han}{2}/gu) ?? []).every((b) => index.vocab.terms.has(b)))
    .map((u) => u.text);
  const units = hanUnits.map((u) => ({ text: u.text, known: hanKnown.includes(u.text) }));
  if (unknown.length) return { candidates: [], terms, unknown, units };
  // A place or year the question names is a constraint, checked on its own: it does not make the rest known.
  const placeToks = new Set([...tokenize([...intent.places, intent.year ?? ""].join(" ")), ...intent.places.map(fold)]);
  const ask = content.filter((t) => !placeToks.has(t));
  const knownAsk = known.filter((t) => !placeToks.has(t));
  if (ask.length && knownAsk.length / ask.length < 0.5) return { candidates: [], terms, unknown, units };
  // Words that only restate a constraint (a place, a year, a month) are checked by `satisfies`, not ranked.
  // Names stay: a sentence that names the people is better evidence than one that only inherits them.
  const constraintTerms = new Set([...tokenize([...intent.places, intent.year ?? "", intent.yearTo ?? "", ...dateWords(intent.question)].join(" ")), ...intent.places.map(fold), ...hanUnits.filter(askedPlace).map((u) => u.text)]);
  // Chinese words count even when the corpus lacks them: unlike English filler ("kz", "how's"), a
  // word the segmenter recognises is part of what is asked.
  const own = new Set([...known, ...hanUnits.map((u) => u.text)].filter((t) => !constraintTerms.has(t) || known.length <= 2));
  const maxScore = Math.max(1e-9, ...pool.values());
  const headEvent = intent.terms.find((t) => EVENT_TERMS.has(t));
  const out: Candidate[] = [];
  // The question's terms as coverage weighs them (the same for every sentence).
  const weighed = [...own].map((t) => {
    const han = /\p{Script=Han}/u.test(t);
    return { t, han, w: (headEvent && (t === headEvent || (han && t.includes(headEvent)))) || intent.focus.includes(t) ? 2 : 1 };
  });
  for (const [sid, score] of pool) {
    const s = index.sentences.get(sid)!;
    const ev = index.eventOf(sid);
    if (!satisfies(intent, s, ev, index)) continue;
    const st = index.sentenceTerms.get(sid)!;
    const evTerms = ev ? new Set(tokenize(`${ev.series ?? ""} ${ev.place ?? ""}`)) : new Set<string>();
    // The terms of the sentences just before it and of the title, gathered only when a term is not in the sentence.
    let context: Set<string> | undefined;
    const ctxTerms = () => (context ??= new Set(contextOf(s, index).flatMap((c) => [...index.sentenceTerms.get(c.id)!]).concat(tokenize(index.articles.get(s.file)!.title))));
    // Coverage counts the question's own terms (or a glossary/alias equivalent) found in the sentence;
    // a term found only in the sentences just before it, or the title, counts for a little more than half.
    // Coverage: the share of the question's words the sentence holds. The first word naming a kind of
    // event ("when were the talks … during the visit") counts double: it says which happening is asked about.
    let covered = 0;
    let total = 0;
    for (const { t, han, w } of weighed) {
      total += w;
      if (han ? unitIn(t, index.folded(sid), st) : st.has(t) || evTerms.has(t) || equivalentIn(t, st) || (glossed.has(sid) && zhSaid(sid).has(t))) {
        covered += w;
      } else if (DOC_WORDS.has(t) && documentsIn(s.text).length) {
        // "签署了什么文件" / "which documents": a sentence that records a signing names one.
        covered += w;
      } else if (han ? contextOf(s, index).some((c) => unitIn(t, index.folded(c.id), index.sentenceTerms.get(c.id)!)) : ctxTerms().has(t) || equivalentIn(t, ctxTerms())) covered += 0.6 * w;
    }
    const coverage = total ? covered / total : 1;
    const langBonus = s.lang === intent.lang ? 0.15 : 0;
    out.push({ sentence: s, event: ev, score: coverage + 0.2 * (score / maxScore) + langBonus + (s.caption ? 0.02 : 0), coverage });
  }
  out.sort((a, b) => b.score - a.score);
  return { candidates: out, terms, unknown, units };
}

const SUB = /\bsub-?\s?committee|\bsubcommittee|分委会|分委員會/i;
/** Words every series name shares; they do not tell one series from another. */
const GENERIC_SERIES = new Set(tokenize("china kazakhstan chinese kazakh sino meeting meetings session cooperation committee the of on and 中国 哈萨克斯坦 中哈 合作 委员会 会议"));

/** Can two series names (any language) be the same series? Sub-committee vs committee must agree; the
 * distinguishing words of the question's series (energy, transport, 科技) must all be in the other's. */
export function sameSeries(asked: string, found: string): boolean {
  // The same few hundred series names come back for every event of a list: answers are kept.
  let known = seriesMemo.get(asked);
  if (!known) {
    if (seriesMemo.size >= 1000) seriesMemo.clear();
    seriesMemo.set(asked, (known = new Map()));
  }
  let v = known.get(found);
  if (v === undefined) {
    if (known.size >= 50_000) known.clear();
    known.set(found, (v = compareSeries(asked, found)));
  }
  return v;
}

const seriesMemo = new Map<string, Map<string, boolean>>();

function compareSeries(asked: string, found: string): boolean {
  if (SUB.test(asked) !== SUB.test(found)) return false;
  const theirs = new Set(tokenize(found));
  const foundText = fold(found);
  return seriesWords(asked).every((t) => (/\p{Script=Han}/u.test(t) ? unitIn(t, foundText, theirs) : theirs.has(t) || equivalentIn(t, theirs)));
}

/** The words that tell a series from others: "energy" in "the China-Kazakhstan Energy Sub-Committee", "科技" in "科技合作分委会". */
export function seriesWords(series: string): string[] {
  return /\p{Script=Han}/u.test(series)
    ? words(fold(series)).map((w) => w.word).filter((w) => w.length >= 2 && !GENERIC_SERIES.has(w) && !/分委|委员|会议|合作|中哈/.test(w))
    : tokenize(series).filter((t) => !GENERIC_SERIES.has(t) && !/^sub/.test(t) && !(t.length >= 5 && [...GENERIC_SERIES].some((g) => withinOneEdit(t, g))));
}

/** Words that refer to the article or the asking itself ("那篇稿子里", "请问"), not to its content. */
const ZH_META = new Set(["关于", "有关", "稿子", "文章", "报道", "新闻", "消息", "那篇", "这篇", "里面", "提到", "请问", "告诉", "一下", "分别", "一共", "总共", "当时", "那个", "这个"]);

/** The content words of a Chinese run, each marked whether the retrieved text contains it. */
export function chineseUnits(run: string, text: string): { text: string; found: boolean; proper: boolean }[] {
  return words(run)
    .filter((w) => w.word.length >= 2 && /\p{Script=Han}/u.test(w.word) && !ZH_META.has(w.word) && w.tag !== "r" && w.tag !== "m" && !/^第/.test(w.word))
    .map((w) => ({ text: w.word, found: text.includes(w.word), proper: isProperNoun(w.tag) }));
}

function dateWords(q: string): string[] {
  return findDates(q).map((d) => d.value.text);
}

/** Is a Chinese word in the sentence (`text` already folded), itself or through a glossary equivalent? */
function unitIn(unit: string, text: string, st: Set<string>): boolean {
  if (text.includes(unit)) return true;
  // A country in any of its names: 哈萨克斯坦 = 哈方 = Kazakh(stan).
  const country = COUNTRIES.find((c) => c.zh.includes(unit));
  if (country) return country.zh.some((z) => z.length >= 2 && text.includes(z)) || country.forms.some((f) => st.has(stem(f)) || st.has(f));
  // A Chinese word of the same glossary row counts too ("表示" = "指出": said).
  if (zhRowmates(unit).some((w) => text.includes(w))) return true;
  return zhEquivalents(unit).some((toks) => toks.every((t) => st.has(t))) || glossIn(unit, st);
}
/** Events that satisfy the question's people/place/year/ordinal constraints (for counting and listing). */
export function matchingEvents(intent: Intent, index: CorpusIndex): Event[] {
  // Start from the smallest list a constraint points at (a person's, a place's or a year's events).
  const lists: Event[][] = [
    ...intent.persons.map((p) => index.eventsOfPerson.get(p) ?? []),
    ...intent.places.map((pl) => index.eventsOfPlace.get(placeKey(pl)) ?? []),
    ...(intent.year && !intent.yearTo ? [index.eventsOfYear.get(intent.year) ?? []] : []),
  ];
  let start = lists.length ? lists.reduce((a, b) => (b.length < a.length ? b : a)) : index.corpus.events;
  // A series asked for: the events of every series name that can be it, when they are fewer.
  if (intent.series) {
    const names = index.eventsOfSeries.keys().filter((name) => sameSeries(intent.series!, name));
    const size = names.reduce((n, name) => n + index.eventsOfSeries.get(name)!.length, 0);
    if (size < start.length) start = names.length === 1 ? index.eventsOfSeries.get(names[0]!)! : inCorpusOrder(names.flatMap((name) => index.eventsOfSeries.get(name)!), index);
  }
  const yearOk = (y: number | undefined) => !intent.year || (intent.yearTo ? !!y && y >= intent.year && y <= intent.yearTo : y === intent.year);
  const listed = intent.persons.length > 0 || !!intent.year || !!intent.month || intent.places.length > 0;
  return start.filter((e) => {
    // People, year, month and place through the event's listing: a snapshot's event is then decoded only if it may match.
    if (listed) {
      const l = listingOf(e);
      if (!intent.persons.every((p) => l.people.includes(p)) || !yearOk(l.year) || (intent.month && l.month !== intent.month)) return false;
      if (intent.places.length && !intent.places.every((pl) => l.place && samePlace(l.place, pl))) return false;
    }
    if (intent.ordinal !== undefined && e.ordinal !== intent.ordinal) return false;
    if (intent.series && !(e.series && sameSeries(intent.series, e.series))) return false;
    if (intent.day && !(e.date.day && e.date.day <= intent.day && intent.day <= (e.date.endDay ?? e.date.day))) return false;
    return true;
  });
}

/** Events in corpus order (as every index list is): by article position, then by their number in it. */
function inCorpusOrder(events: Event[], index: CorpusIndex): Event[] {
  return events.sort((x, y) => index.compareEvents(x, y));
}

/** What distinctEvents compares, read from an event once (a snapshot's event reads each field through an accessor). */
interface Member {
  e: Event;
  date: Event["date"];
  /** Participant ids as listed (a repeated one too), numbered by GroupKeys. */
  ids: number[];
  ordinal: number | undefined;
  place: string | undefined;
}

/** Events across articles that are the same happening (same people, compatible dates, same place) collapse to one. */
export function distinctEvents(events: Event[]): Event[][] {
  const keys = new GroupKeys();
  const precision = (d: Event["date"]) => (d.day ? 3 : d.month ? 2 : d.year ? 1 : 0);
  const sorted = events
    .map((e): Member => ({ e, date: e.date, ids: e.participants.map((p) => keys.person(p.id)), ordinal: e.ordinal, place: e.place }))
    .sort((a, b) => precision(b.date) - precision(a.date));
  keys.numberYears(sorted.map((m) => m.date.year));
  // An event joins the first group (in the order groups were made) holding a member that shares two of
  // its people, or its ordinal, at a compatible date and place. Groups are found through those keys
  // (with the year and month) instead of by trying every group: 30,000 events made it quadratic.
  const groups: Member[][] = [];
  const byKey = new Map<number, number[]>();
  /** The keys each group is filed under. */
  const filed: Set<number>[] = [];
  const same = (x: Member, e: Member) => {
    if (!datesCompatible(x.date, e.date)) return false;
    if (x.date.precision === "unknown" || e.date.precision === "unknown") return false;
    let shared = 0;
    for (const p of x.ids) if (e.ids.includes(p)) shared++;
    const placeOk = !x.place || !e.place || samePlace(x.place, e.place) || !x.date.day || !e.date.day;
    return placeOk && (shared >= 2 || (x.ordinal !== undefined && x.ordinal === e.ordinal));
  };
  for (const e of sorted) {
    let found = -1;
    if (e.date.precision !== "unknown") {
      for (const key of keys.lookup(e)) {
        const list = byKey.get(key);
        if (!list) continue;
        for (const g of list) {
          if (found >= 0 && g >= found) break;
          if (groups[g]!.some((x) => same(x, e))) {
            found = g;
            break;
          }
        }
      }
    }
    if (found < 0) {
      found = groups.length;
      groups.push([e]);
      filed.push(new Set());
    } else groups[found]!.push(e);
    // A member whose date is unknown never matches: it gives its group no keys.
    if (e.date.precision === "unknown") continue;
    const own = filed[found]!;
    for (const key of keys.member(e)) {
      if (own.has(key)) continue;
      own.add(key);
      const list = byKey.get(key);
      if (!list) byKey.set(key, [found]);
      else if (list[list.length - 1]! < found) list.push(found);
      else list.splice(sortedIndex(list, found), 0, found);
    }
  }
  return groups.map((g) => g.map((m) => m.e));
}

/**
 * Numeric keys for distinctEvents (string keys cost microseconds each to build and hash). A base key is a
 * pair of people (numbered as they come) or an ordinal, itself numbered as it comes; it is combined with a
 * year (numbered among the events' years; or "-" for none, "*" for any), a month and a day (likewise), so
 * that keys stay small integers (a large one is a boxed double, allocated at every map operation). Keys
 * only find candidates: the match itself is checked.
 */
class GroupKeys {
  private readonly people = new Map<string, number>();
  /** Bases (pairs of people, ordinals) numbered as they come, and the events' years: keys stay small integers (no boxed doubles). */
  private readonly bases = new Map<number, number>();
  private readonly years = new Map<number, number>();
  private yearCodes = 2;

  person(id: string): number {
    let n = this.people.get(id);
    if (n === undefined) this.people.set(id, (n = this.people.size));
    return n;
  }

  /** Number the years of every event to be grouped (before any key is made): 0 is "any", 1 "none". */
  numberYears(years: Iterable<number | undefined>): void {
    for (const y of years) if (y && !this.years.has(y)) this.years.set(y, 2 + this.years.size);
    this.yearCodes = this.years.size + 2;
  }

  private static pair(a: number, b: number): number {
    return a <= b ? (b * (b + 1)) / 2 + a : (a * (a + 1)) / 2 + b;
  }

  private base(raw: number): number {
    let b = this.bases.get(raw);
    if (b === undefined) this.bases.set(raw, (b = this.bases.size));
    return b;
  }

  private year(y: number): number {
    const code = this.years.get(y);
    if (code === undefined) throw new Error(`year ${y} was not numbered`);
    return code;
  }

  private dated(base: number, year: number, month: number, day: number): number {
    return ((base * this.yearCodes + year) * 14 + month) * 33 + day;
  }

  /** Keys a member is found by: each pair of its participants (as listed, a repeated one too) and its ordinal, with its year, month and day, each also as "any". */
  member(x: Member): number[] {
    const ids = x.ids;
    const base: number[] = [];
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) base.push(this.base(GroupKeys.pair(ids[i]!, ids[j]!)));
    if (x.ordinal !== undefined) base.push(this.base(-1 - x.ordinal));
    const ys = [x.date.year ? this.year(x.date.year) : 1, 0];
    const ms = [x.date.month ? 1 + x.date.month : 1, 0];
    const ds = [x.date.day ? 1 + (x.date.day % 32) : 1, 0];
    const out: number[] = [];
    for (const b of base) for (const y of ys) for (const m of ms) for (const d of ds) out.push(this.dated(b, y, m, d));
    return out;
  }

  /** Keys a member that can match `e` is filed under: pairs of e's people (a person with itself too) and its ordinal, with e's year or none (any when e has none), e's month and day likewise. */
  lookup(e: Member): number[] {
    const ids = [...new Set(e.ids)];
    const base: number[] = [];
    for (let i = 0; i < ids.length; i++) for (let j = i; j < ids.length; j++) base.push(this.base(GroupKeys.pair(ids[i]!, ids[j]!)));
    if (e.ordinal !== undefined) base.push(this.base(-1 - e.ordinal));
    const ys = e.date.year ? [this.year(e.date.year), 1] : [0];
    const ms = e.date.month ? [1 + e.date.month, 1] : [0];
    const ds = e.date.day ? [1 + (e.date.day % 32), 1] : [0];
    const out: number[] = [];
    for (const b of base) for (const y of ys) for (const m of ms) for (const d of ds) out.push(this.dated(b, y, m, d));
    return out;
  }
}

function sortedIndex(list: number[], v: number): number {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const ANSWER_KINDS = new Set(tokenize("year date day month time place city country venue number many much long people person official"));

/**
 * The question's rarest English word that the corpus has (fewest sentences), leaving out question words,
 * names, places, numbers and the kind of answer asked for ("year", "city"): it names the thing asked about
 * ("visa" in "when was the visa exemption agreement signed?"). Undefined when there is no such word.
 */
export function rarestTerm(intent: Intent, index: CorpusIndex): string | undefined {
  const named = new Set([
    ...intent.persons.flatMap((id) => personsById(index.vocab.persons).get(id)?.aliases.flatMap((al) => tokenize(al)) ?? []),
    ...tokenize([...intent.places, ...dateWords(intent.question)].join(" ")),
  ]);
  let best: string | undefined, bestDf = Infinity;
  for (const t of intent.terms) {
    // The kind of answer asked for ("what year", "which city") is not the thing asked about.
    if (/\p{Script=Han}/u.test(t) || /\d/.test(t) || t.length < 3 || QUESTION_TERMS.has(t) || named.has(t) || intent.focus.includes(t) || ANSWER_KINDS.has(t)) continue;
    const df = index.docFrequency(t);
    if (df > 0 && df < bestDf) [best, bestDf] = [t, df];
  }
  return best;
}

/** Does the sentence or its event's evidence say the term (or an equivalent)? Nearby sentences do not count: they may be about the other thing. */
export function saysTerm(c: Candidate, term: string, index: CorpusIndex): boolean {
  const has = (sid: string) => {
    const st = index.sentenceTerms.get(sid);
    return !!st && (st.has(term) || equivalentIn(term, st));
  };
  return has(c.sentence.id) || (c.event?.evidence.some(has) ?? false);
}
