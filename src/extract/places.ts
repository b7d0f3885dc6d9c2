/**
 * Place mentions in one sentence: takes English or Chinese text, returns the places where
 * something happens ("in Astana, Kazakhstan", "in central China's Zhengzhou City",
 * "at the Great Hall of the People in Beijing", "在重庆召开", "前往乌兹别克斯坦"), most specific first.
 * Countries count as places too but rank after cities.
 * @example findPlaces("talks in Beijing on Monday")[0].name // "Beijing"
 * @example findPlaces("第十次会议在重庆召开")[0].name // "重庆"
 */
import { fold } from "../index/tokenize.ts";
import { pinyin } from "pinyin-pro";
import { COUNTRIES, countryOf, EN_TITLES, PLACES_ZH } from "./lexicon.ts";
import { MONTH_NAMES } from "./dates.ts";

export interface PlaceMention {
  name: string;
  /** "city" for anything more specific than a country. */
  level: "city" | "country";
  start: number;
  /** The dateline's place ("ASTANA, June 26 (Xinhua) --"): where the report was filed. */
  dateline?: boolean;
  /** Said as where something happens ("in", "at", "held in"), not "to"/"from". */
  located?: boolean;
  /** Said as where someone goes ("visited Astana", "a visit to Kazakhstan", "前往乌兹别克斯坦"). */
  travel?: boolean;
}

/** Words before "to" that make it a journey's destination ("a state visit to", "his trip to"). */
const JOURNEY_BEFORE = /\b(?:visits?|trip|tour|journey|travel(?:l?ed|l?ing)?|flew|went|came|headed|arrived|arrival)\s*$/i;

const NOT_PLACE = new Set(
  [...MONTH_NAMES, "The", "A", "An", "This", "That", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "May", "Article", "Addition", "Particular", "Total", "Future", "Order", "Fact", "Terms", "Recent", "Line", "General", "Advance", "Response", "Connection", "Accordance", "Light", "View", "Spite", "Support", "Charge", "Attendance", "Front", "Time", "Return"].map((w) => w.toLowerCase()),
);
const ORG_WORDS = /\b(Committee|Sub-?Committee|Organi[sz]ation|University|Group|Company|Corporation|Bank|Fund|Ministry|Party|Council|Government|Conference|Forum|Summit|Meeting|Agency|Commission|Office|Association|Union|Center|Centre|Expo|Exhibition|Co\.?|Ltd|Road|Belt|Framework|Field|Area|Areas|Fields|Sector)\b/;

const PLACE = "(\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,2})";
const EN_PLACE = new RegExp(
  `\\b(?:in|at|to|from|near|visit(?:ed|ing)?|arrived in|held in|opened in)\\s+(?:the\\s+)?(?:(?:central|east|eastern|west|western|north|northern|south|southern|northwest|northeastern|northwestern|southwest|southeast|southwestern|capital)\\s+)*(?:(\\p{Lu}[\\p{L}]+)['’]s\\s+)?${PLACE}(?:,\\s+(\\p{Lu}[\\p{L}]+))?`,
  "gu",
);
const DATELINE = /^([A-Z][A-Z'’\- ]{2,30}?)(?:,\s+[A-Z][a-z]{2,4}\.?\s+\d{1,2})?\s*(?:\([^)]*\))?\s*(?:[-–—]{1,2}|—)/;

function cleanPlace(raw: string): string | null {
  let p = raw.replace(/\s+(City|Province|Region|Prefecture|Oblast|County)$/, "");
  if (ORG_WORDS.test(raw)) return null;
  const first = p.split(/\s+/)[0]!.toLowerCase();
  if (NOT_PLACE.has(first)) return null;
  if (countryOf(p) && !COUNTRIES.some((c) => c.name.toLowerCase() === p.toLowerCase())) return null; // "Kazakh", "Chinese": adjectives
  p = p.replace(/['’]s$/, "");
  // "to Kazakhstan Huang Quansong": a country name, then a run that is not part of it (a name).
  const words = p.split(/\s+/);
  if (words.length > 1 && COUNTRIES.some((c) => c.name === words[0]) && !COUNTRIES.some((c) => c.name === p)) return words[0]!;
  return p.length >= 2 ? p : null;
}

/**
 * After a word in -an/-ese, a lower-case word that is not a preposition, article or time word: the word
 * is an adjective ("Central Asian country", "Chinese firms"), not a city in -an ("in Wuhan on Monday").
 */
const ADJECTIVE_TAIL = /^\s+(?!(?:on|in|at|with|to|for|from|of|by|as|the|a|an|this|last|next|early|late|earlier|later|recently|during|since|until|after|before|between|where|which|when|while|that|was|were|is|are|has|have|had|will)\b)[a-z]/;

/** "Ambassador to", "Consul General in", "Minister in": the place after it belongs to an office, not to an event. */
const OFFICE_BEFORE = new RegExp(`\\b(?:${EN_TITLES.filter((t) => !t.endsWith(".")).map((t) => t.replace(/\s+/g, "\\s+")).join("|")})\\s*$`, "iu");

export function findPlacesEn(text: string): PlaceMention[] {
  const out: PlaceMention[] = [];
  const dl = text.match(DATELINE);
  if (dl) {
    const name = dl[1]!.trim().toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
    out.push({ name, level: countryOf(name) ? "country" : "city", start: 0, dateline: true });
  }
  for (const m of text.matchAll(EN_PLACE)) {
    const name = cleanPlace(m[2]!);
    if (!name) continue;
    if (/^(?:to|in)\b/.test(m[0]) && OFFICE_BEFORE.test(text.slice(Math.max(0, m.index! - 40), m.index!))) continue;
    const tail = text.slice(m.index! + m[0].length);
    if (/^\s+of\s/.test(tail) || (/(an|ese)$/.test(name) && !COUNTRIES.some((c) => c.name === name) && ADJECTIVE_TAIL.test(tail))) continue; // "Great Hall of …", "Central Asian country"
    // A person's name after "to"/"from"/"with" is not a place: require the capitalised run not to be followed by a verb-like lowercase name part.
    const level = countryOf(name) || COUNTRIES.some((c) => c.name === name) ? "country" : "city";
    const start = m.index! + m[0].indexOf(m[2]!);
    const travel = /^(?:visit|arrived in)/.test(m[0]) || (/^to\b/.test(m[0]) && JOURNEY_BEFORE.test(text.slice(Math.max(0, m.index! - 30), m.index!)));
    if (!out.some((o) => o.name === name)) out.push({ name, level, start, ...(/^(?:in|at|held in|opened in)\b/.test(m[0]) ? { located: true } : {}), ...(travel ? { travel: true } : {}) });
    const country = m[3] ? countryOf(m[3]) : m[1] ? countryOf(m[1]) : undefined; // "Tashkent, Uzbekistan", "China's Lanzhou"
    if (country && !out.some((o) => o.name === country)) out.push({ name: country, level: "country", start: start + 1 });
  }
  return out;
}

const ZH_VERB = "(?:召开|举行|举办|会见|会谈|会晤|出席|开幕|签署|访问|进行|同|与|和|主持|视察|考察|开工|启动|落成)";
const ZH_PLACE = new RegExp(`在([\\p{Script=Han}]{2,8}?)${ZH_VERB}`, "gu");
const ZH_TRAVEL = /(?:访问|前往|抵达|到访|赴|飞抵|来到)([\p{Script=Han}]{2,7}?)(?=[,，。、进出参举会并同与和的]|$)/gu;

export function findPlacesZh(raw: string): PlaceMention[] {
  const text = fold(raw);
  const out: PlaceMention[] = [];
  for (const re of [ZH_PLACE, ZH_TRAVEL]) {
    for (const m of text.matchAll(re)) {
      let name = m[1]!.replace(/^(中国|哈萨克斯坦)(?=..)/, (c) => (text.includes(c + "共和国") ? c : "")).replace(/(市|省)$/, "");
      if (/[的了是在会议举行后前时中上夕]$/.test(name) || /^[对了时将于向]/.test(name) || /(投资|宣布|进行|期间)/.test(name)) continue;
      if (!name || /^(本次|此次|会上|会后|期间|框架|这|那)/.test(name)) continue;
      name = name.replace(/^(中国|中方)(?=.{2,})/, "");
      const level = COUNTRIES.some((c) => c.zh.includes(name)) ? "country" : "city";
      if (!out.some((o) => o.name === name)) out.push({ name, level, start: m.index!, ...(re === ZH_PLACE ? { located: true } : { travel: true }) });
    }
  }
  return out;
}

/**
 * Where a sentence puts its happening, of the places it mentions (cities first): the dateline's place
 * gives way to a city the sentence says something happens in ("ASTANA — … at a forum in Urumqi" → Urumqi).
 */
export function happeningPlace(places: PlaceMention[]): PlaceMention | undefined {
  return places[0]?.dateline ? (places.find((p) => p.located && p.level === "city") ?? places[0]) : places[0];
}

/** Places in a sentence, cities before countries, in reading order. */
export function findPlaces(text: string): PlaceMention[] {
  const all = /\p{Script=Han}/u.test(text) ? [...findPlacesZh(text), ...findPlacesEn(text)] : findPlacesEn(text);
  return all.sort((a, b) => (a.level === b.level ? a.start - b.start : a.level === "city" ? -1 : 1));
}

/** Keys already computed: the question stage compares the same few hundred place names over and over. */
const placeKeys = new Map<string, string>();

/** Latin key of a place name: pinyin for Chinese names (重庆 → "chongqing"), folded letters otherwise. */
export function placeKey(name: string): string {
  let k = placeKeys.get(name);
  if (k === undefined) {
    if (placeKeys.size >= 100_000) placeKeys.clear();
    k = computePlaceKey(name);
    placeKeys.set(name, k);
  }
  return k;
}

function computePlaceKey(name: string): string {
  const f = fold(name).replace(/(市|省|city|province)$/u, "").trim();
  if (/\p{Script=Han}/u.test(f)) {
    const known = PLACES_ZH.find(([, zh]) => zh === f);
    if (known) return fold(known[0]).replace(/[^a-z]/g, "");
    return pinyin(f, { toneType: "none", type: "array" }).join("");
  }
  return f.replace(/[^a-z]/g, "");
}

/** Do two place names (any language) name the same place? */
export function samePlace(a: string, b: string): boolean {
  return placeKey(a) === placeKey(b);
}
