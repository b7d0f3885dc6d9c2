/**
 * Question → Intent. Takes a question (English or Chinese, terse, lower-case or misspelt) and the
 * index's vocabulary; returns what is asked (who/when/where/what/how many/list/timeline) and the
 * constraints it names: people (matched to the registry by any spelling, pinyin or a near miss),
 * places, ordinal, year/month/day, side ("the Kazakh delegation"), and the content terms.
 * @example parseQuestion("who co-chaired the 11th committee meeting?", idx).ordinal // 11
 */
import { detectLang } from "../corpus/lang.ts";
import { officeHolder } from "./offices.ts";
import { personsById } from "./persons.ts";
import { deletions, isPinyinSurname, latinSpelling, nameTokens, personLookupKeys as personKeys, pinyinKey, skeleton, soundsLikeHan, hanSoundKey, wordSoundKey } from "../extract/aliases.ts";
import { capitaliseMonths, findDates } from "../extract/dates.ts";
import { COUNTRIES, countryOf, PLACES_ZH, TRANSLIT } from "../extract/lexicon.ts";
import { findOrdinals } from "../extract/ordinals.ts";
import { seriesAt } from "../extract/events.ts";
import { placeKey } from "../extract/places.ts";
import { fold, memo, stem, tokenize } from "../index/tokenize.ts";
import { words as zhWords } from "../index/segment.ts";
import { equivalentKnown, inGlossary } from "./glossary.ts";
import { seriesWords } from "./retrieve.ts";
import { isEnglishWord } from "./dictionary.ts";
import type { Intent, Person, QuestionKind } from "../types.ts";

export interface Vocabulary {
  persons: Person[];
  /** Place names seen in the corpus (any language). */
  places: string[];
  /** Folded tokens of every sentence. */
  terms: Set<string>;
  /** Acronyms the corpus spells out somewhere ("SCO"). */
  acronyms: Set<string>;
  /** Is there a corpus term within one edit of `term`? */
  hasNear: (term: string) => boolean;
  /** The most frequent corpus term within one edit of `term`, if any. */
  nearest: (term: string) => string | undefined;
}

const KIND_RULES: [RegExp, QuestionKind][] = [
  [/\bhow many times\b|多少次|(?<!第)几次|几回/i, "howmany"],
  [/^\s*(what happened|timeline)\b|发生了什么|有什么(事|活动)/i, "timeline"],
  [/\b(which|what) (meetings|events|visits|talks|agreements|deals|documents|activities)\b|^\s*list\b|^\s*(列出|列举)|有哪些(会议|活动)/i, "list"],
  // "date + place?", "when and where", "时间地点": the date, with the place the event has.
  [/\b(dates?|days?)\b[^?]*\b(places?|venues?|locations?)\b|\bwhen and where\b|\bwhere and when\b|时间(和|与|及|、)?地点|何时何地/i, "when"],
  // "Where does China rank among investors?": a rank, not a place.
  [/\bwhere\s+(?:does|did|do|is|was|will)\b[^?]*\brank(?:s|ed|ing)?\b|\brank(?:s|ed)?\s+where\b|排名第几|排第几|位居第几/i, "howmany"],
  // The leading question word decides over a clause inside ("who was PM when Xi visited?" asks who).
  [/^\s*(?:who|whom|whose)\b/i, "who"],
  [/^\s*where\b/i, "where"],
  [/\bwhen\b|what (?:exact |precise |specific )?(date|day|time|year|month)\b|\b(?:opening|closing|start|starting|end|signing|launch|meeting|visit)\s+dates?\b|\bdates?\s*[?？]?\s*$|\bwhich (date|day|year|month)\b|何时|什么时候|哪天|哪一天|哪一年|几月|何日|日期/i, "when"],
  [/\bwhere\b|which (?:[a-z]+ )?(city|place|venue|country|location)\b|在哪(?![些家位种份])|哪里|何地|什么地方|哪个城市|地点/i, "where"],
  [/^\s*(who|whom|whose)\b|\bwho\b|\bwhich (\w+ )?(company|companies|person|people|official|officials|minister|ministers|leader|leaders|side|firm|firms|organi[sz]ation|delegation|diplomat|president|premier|envoy|ambassador)\b|谁|哪位|什么人|哪家|叫什么/i, "who"],
  [/\bhow (many|much|long|big|large|far|often|old|high)\b|\bwhat (%|percent\b|share\b|proportion\b|percentage\b)|\b(number|amount|total|value) of\b|多少|多大|多长|多远|多久|几个|几天|几份|百分之|多高|第几/i, "howmany"],
  [/\b(which|what)\b.*\b(areas|fields|projects|sectors|activities|places|regions|countries)\b|哪些/i, "list"],
];

const SIDES: [RegExp, string][] = [
  [/\b(kazakh|kazakhstan'?s?|kazakhstani)\s+(?:(?:vice|deputy|first|foreign|prime|chief|head|trade|energy)\s+){0,2}(side|delegation|co-?chair|chair|party|team|minister|ministers|delegates?|officials?|leaders?|representatives?|diplomats?|premier|president|prime minister|counterpart)\b|\b(represent(?:ed|s|ing)?|on behalf of|spoke for)\s+(kazakhstan|the kazakh side)\b|哈方|哈萨克斯坦方面|哈萨克斯坦代表团|代表哈萨克斯坦|代表哈方/i, "Kazakhstan"],
  [/\b(chinese|china'?s?)\s+(?:(?:vice|deputy|first|foreign|prime|chief|head|trade|energy)\s+){0,2}(side|delegation|co-?chair|chair|party|team|minister|ministers|delegates?|officials?|leaders?|representatives?|diplomats?|premier|president|prime minister|counterpart)\b|\b(represent(?:ed|s|ing)?|on behalf of|spoke for)\s+(china|the chinese side)\b|中方|中国代表团|中国方面|代表中国|代表中方/i, "China"],
];

const EVENT_WORDS = /\b(meet|met|meeting|meetings|talks|visit|visits|summit|forum|conference|session|signing|events?)\b|会议|会见|会谈|访问|峰会|论坛/i;

/** Words that may follow a bare family name in a question ("xi and nazarbayev", "li visited"). */
const STOPWORDS_AFTER_NAME = new Set(["and", "with", "met", "meet", "meets", "said", "visited", "visit", "held", "told", "vowed", "signed", "also", "during", "when", "where", "who", "what", "from", "into", "the", "for", "that", "this", "was", "were", "has", "have", "had", "did", "does", "will", "would", "could", "should", "about", "over", "after", "before", "attend", "attended", "attending", "get", "got", "say", "says", "s",
  "go", "goes", "went", "going", "head", "headed", "heading", "travel", "traveled", "travelled", "arrive", "arrived", "arrives", "leave", "left",
  "speak", "spoke", "talk", "talked", "propose", "proposed", "call", "called", "urge", "urged", "stress", "stressed", "note", "noted",
  "deliver", "delivered", "write", "wrote", "publish", "published", "receive", "received", "host", "hosted", "chair", "chaired", "lead", "led",
  "sign", "signs", "agree", "agreed", "discuss", "discussed", "announce", "announced", "join", "joined", "open", "opened", "is", "in", "at", "on", "to"]);

/** Build the person lookup keys of a registry ahead of the first question (query/answer.ts's warmUp). */
export function preparePersonKeys(persons: Person[]): void {
  personKeys(persons);
}

/** What findPersonsIn compares of one alias, worked out once per alias (a question checks thousands). */
type AliasInfo =
  /** Chinese: folded as written and without its name dots; with its dots as "•"; its pinyin; its sound (hanSoundKey). */
  | { han: true; forms: string[]; dotted: string; pinyin: string; sound: string }
  /** Latin: its name tokens, their letters, their spelling joined, the last one's skeleton, whether it starts with a Chinese family name. */
  | { han: false; at: string[]; letters: number; joined: string; lastSkeleton: string; surnameFirst: boolean };
const aliasInfo = memo((al: string): AliasInfo => {
  if (/\p{Script=Han}/u.test(al)) {
    const f = fold(al);
    return { han: true, forms: [f, f.replace(/[•·]/g, "")], dotted: f.replace(/[·•‧・]/g, "•"), pinyin: pinyinKey(al), sound: hanSoundKey(al) };
  }
  const at = nameTokens(al);
  return { han: false, at, letters: at.join("").length, joined: latinSpelling(at.join("")), lastSkeleton: skeleton(at[at.length - 1] ?? ""), surnameFirst: at.length > 0 && isPinyinSurname(at[0]!) };
});

/** People named in the question: any alias, a first/last name, pinyin of a Chinese name, or a near miss. */
export function findPersonsIn(q: string, persons: Person[], terms?: Set<string>, spans: string[] = []): string[] {
  const folded = fold(q).replace(/[·•‧・]/g, "•");
  const keys = personKeys(persons);
  // Chinese text in the question, as pinyin (李克强 → "likeqiang") and as transliteration runs (马西莫夫).
  const hanRuns = folded.match(/\p{Script=Han}+/gu) ?? [];
  // Maximal runs of transliteration characters ("马明" in "韩正和马明在哪里").
  const wholeRuns = new Set(hanRuns.flatMap((r) => r.match(new RegExp(`[${[...TRANSLIT].join("")}]+`, "gu")) ?? []));
  // Han substrings of the question by their pinyin and by their consonant skeleton (transliterations only).
  const byPinyin = new Map<string, string>();
  const bySkeleton = new Map<string, string>();
  for (const r of hanRuns)
    for (let i = 0; i < r.length; i++)
      for (let n = 2; n <= 7 && i + n <= r.length; n++) {
        const sub = r.slice(i, i + n);
        if (n <= 4) byPinyin.set(pinyinKey(sub), sub);
        if ([...sub].every((c) => TRANSLIT.has(c)) && skeleton(sub).length >= 2) bySkeleton.set(skeleton(sub), sub);
      }
  // A word with an apostrophe inside is one word, as names are keyed ("Xi'an" is not "Xi"; "O'Brien"), a possessive is not.
  const rawToks = folded.replace(/['’]s\b/g, "").replace(/(\p{L})['’](?=\p{L})/gu, "$1").split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const toks = rawToks.map((t) => latinSpelling(t));
  // Ordinary corpus words ("committee", "energy") are not taken for transliterated names.
  const ordinary = new Set(rawToks.filter((t) => terms?.has(stem(t))).map((t) => latinSpelling(t)));
  // Joined words spelt as one ("zhang guobao" = "janguobao", the key of 张国宝: letters doubled across the join fold too).
  const joined2 = toks.map((t, i) => latinSpelling(t + (toks[i + 1] ?? ""))).concat(toks.map((t, i) => latinSpelling(t + (toks[i + 1] ?? "") + (toks[i + 2] ?? ""))));
  // Candidates: people sharing a key with the question; the checks below decide.
  const qKeys = [
    ...toks.flatMap((t) => (t.length >= 6 ? deletions(t) : [t]).map((d) => `t:${d}`)),
    ...toks.filter((t) => t.length >= 5).map((t) => `sk:${skeleton(t)}`),
    ...hanRuns.flatMap((r) => [...r].map((_, i) => `hb:${r.slice(i, i + 2)}`)),
    ...[...byPinyin.keys()].map((x) => `j:${x}`),
    ...joined2.map((x) => `j:${x}`),
    ...[...bySkeleton.keys()].map((x) => `sk:${x}`),
  ];
  const candidates = new Set<Person>();
  for (const key of qKeys) for (const p of keys.byKey.get(key) ?? []) candidates.add(p);
  // Chinese names written out in full in the question: a sound-alike inside one of them is not another person.
  const exact: string[] = [];
  for (const p of candidates)
    for (const al of p.aliases) {
      const info = aliasInfo(al);
      if (info.han && info.dotted.length >= 3 && folded.includes(info.dotted)) exact.push(info.dotted);
    }
  // The question's words that could be a transliterated name in Latin letters, by their sound (soundsLikeHan).
  const sounds = new Set(toks.filter((q) => !ordinary.has(q)).map(wordSoundKey).filter(Boolean));
  const out: string[] = [];
  for (const p of candidates) {
    const hit = p.aliases.some((al) => {
      const info = aliasInfo(al);
      if (info.han) {
        // Written out in the question: those characters are the name, not words to search or segment.
        for (const form of info.forms) if (folded.includes(form)) return spans.push(form), true;
        // Written in pinyin ("liu yang" for 刘洋): those words are the name, not search words.
        const pos = joined2.indexOf(info.pinyin);
        if (pos >= 0) {
          const [i, n] = pos < toks.length ? [pos, 2] : [pos - toks.length, 3];
          spans.push(rawToks.slice(i, i + n).join(" "));
          return true;
        }
        // A transliterated name written in Latin letters ("Tokaev" for 托卡耶夫), only for words that are
        // not ordinary corpus words ("energy", "Committee" are not names).
        return info.sound !== "" && sounds.has(info.sound);
      }
      const { at } = info;
      if (at.length > 1 && at.every((t) => toks.includes(t))) return true;
      // A one-word alias counts only if it is the family name of one of the person's full names
      // ("Massimov" of Karim Massimov), never a given name ("Kun" of Pan Kun, "Long" of Jiang Long).
      if (at.length === 1) {
        const fulls = p.aliases.flatMap((x) => {
          const i = aliasInfo(x);
          return !i.han && i.at.length >= 2 ? [i.at] : [];
        });
        const family = fulls.some((f) => (f.length === 2 && isPinyinSurname(f[0]!) ? f[0] : f[f.length - 1]) === at[0]);
        if (fulls.length && !family) return false;
        // A Chinese family name alone ("Fang") is ambiguous when the question goes on with another given name.
        if (info.surnameFirst) {
          const i = toks.indexOf(at[0]!);
          const next = rawToks[i + 1];
          const unique = keys.firstCount.get(at[0]!) === 1;
          return i >= 0 && unique && !(next !== undefined && /^[a-z]{3,}$/.test(next) && !STOPWORDS_AFTER_NAME.has(next));
        }
      }
      const py = byPinyin.get(info.joined);
      if (at.length > 1 && info.letters >= 6 && py) return spans.push(py), true;
      // By sound only for foreign names (a Chinese name is matched by its pinyin above), and a two-consonant
      // match (马明 = Mamin) only for a whole run of transliteration characters.
      const lastSk = info.lastSkeleton;
      const tr = bySkeleton.get(lastSk);
      // "Pan Kun": a Chinese-style name's family name comes first; its last part is a given name.
      const chineseStyle = at.length === 2 && info.surnameFirst;
      const foreign = !chineseStyle;
      if (foreign && tr && at[at.length - 1]!.length >= 5 && (lastSk.length >= 3 || wholeRuns.has(tr)) && !exact.some((x) => x.includes(tr))) return spans.push(tr), true;
      // One letter off is allowed only for long family names (Nazarbaev/Nazarbayev), not for short
      // Chinese given names (Tianbo/Jianbo).
      // The family name alone ("Massimov", "Nazarbayev") names the person; a given or clan name alone
      // ("Wang" of Wang Lijiu in "Wang Wentao") does not, unless the rest of the name follows it.
      const last = at[at.length - 1]!, first = at[0]!;
      if (!chineseStyle && last.length >= 3 && toks.some((q) => q === last || (last.length >= 7 && near(q, last)))) return true;
      const i = toks.indexOf(first);
      if (chineseStyle && i >= 0) {
        const next = toks[i + 1];
        if (next === at[1] || `${next}${toks[i + 2] ?? ""}` === at[1]) return true;
        // A bare family name ("xi and nazarbayev", "ding encouraged") names this person when no one else
        // in the corpus shares it and the next word is not an unknown given name ("wang wentao").
        const unique = keys.firstCount.get(first) === 1;
        // The word as written: the spelling keys fold letters ("attending" → "atending").
        const raw = rawToks[i + 1];
        const givenName = next !== undefined && /^[a-z]{3,}$/.test(next) && !STOPWORDS_AFTER_NAME.has(raw ?? next) && !(terms?.has(stem(raw ?? next)) ?? false);
        return unique && !givenName;
      }
      return false;
    });
    if (hit) out.push(p.id);
  }
  return out;
}

function near(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0, j = 0, edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** Chinese interrogatives, removed before the question is split into search bigrams ("面积多大" → "面积"). */
const ZH_QUESTION_WORDS = /(是)?(多少|多大|多长|多久|多远|多高|哪里|哪儿|哪些|哪个|哪位|哪天|哪一|什么时候|什么|为什么|怎么样|怎样|如何|谁|几|吗|呢|是否|叫)/gu;

/** Place names of the corpus named in the question, also when misspelt by a letter ("Khorgas"). */
function placesIn(q: string, folded: string, vocab: Vocabulary): string[] {
  const places: string[] = [];
  const words = folded.split(/[^\p{L}]+/u).filter(Boolean);
  const keys = new Set([...words, ...words.map((w, i) => w + (words[i + 1] ?? ""))]);
  // An English-spelt Chinese place asked in characters ("北京" for Beijing, "郑州" for Zhengzhou): the place key
  // (plain pinyin) of every short Han run.
  const hanKeys = new Map<string, string>();
  for (const r of folded.match(/\p{Script=Han}+/gu) ?? [])
    for (let i = 0; i < r.length; i++) for (let n = 2; n <= 4 && i + n <= r.length; n++) hanKeys.set(placeKey(r.slice(i, i + n)), r.slice(i, i + n));
  for (const p of vocab.places) {
    const key = placeKey(p);
    const han = /\p{Script=Han}/u.test(p);
    // A Chinese place asked in pinyin ("beijing" for 北京, "chongqing" for 重庆).
    const hit = han
      ? folded.includes(fold(p)) || (p.length >= 2 && keys.has(pinyinKey(p)))
      : key.length >= 3 && (keys.has(key) || hanKeys.has(key) || (key.length >= 6 && [...keys].some((w) => near(w, key))));
    if (hit && !places.some((x) => placeKey(x) === key)) places.push(p);
  }
  for (const [en, zh] of PLACES_ZH) if ((folded.includes(zh) || keys.has(placeKey(en))) && !places.some((x) => placeKey(x) === placeKey(en))) places.push(en);
  // A country is a place constraint only as a location ("in Kazakhstan", "在哈萨克斯坦"), not as a party
  // ("invite Kazakhstan", "China-Kazakhstan ties").
  return places.filter((p) => {
    if (!COUNTRIES.some((c) => c.name === p || c.zh.includes(p))) return true;
    const c = COUNTRIES.find((x) => x.name === p || x.zh.includes(p))!;
    return [c.name.toLowerCase(), ...c.zh].some((n) => new RegExp(`(\\b(in|to|at|inside|across)\\s+${n}\\b|(在|到|赴|访问)${n}|(去过|到过|来过)(?:几次|多少次|几回)?${n})`, "i").test(folded));
  });
}

const EVENT_NOUN = "(?:meeting|session|forum|conference|expo|summit|round|plenary)";
const SERIES_END = String.raw`(?=\s+(?:was|were|is|are|will|with|in|at|take|takes|took|held|hold|happen\w*|open\w*|co-?chair\w*|led|on\s+(?:[A-Z][a-z]+day|January|February|March|April|May|June|July|August|September|October|November|December|\d))\b|\s*[?？,.;()]|$)`;

/**
 * The series an ordinal in a question counts: "the 11th committee meeting" → "committee";
 * "the 7th meeting of the Sub-Committee on Transport Cooperation held" → "Sub-Committee on Transport
 * Cooperation"; "中哈合作委员会第十一次会议" → "中哈合作委员会".
 */
const SERIES_STOP = /^(the|a|an|of|did|does|do|who|whom|which|what|when|where|how|was|were|is|are|at|in|by|to|from|with|and|chaired|co-?chaired|led|attended|held|meet|met)$/i;

/**
 * A committee or sub-committee a question names without an ordinal, when it names its subject:
 * "who co-chaired the china-kazakhstan energy sub-committee meeting?" → "china-kazakhstan energy
 * sub-committee"; "sub-committee on transport cooperation" → itself; "中哈能源合作分委会" → "中哈能源合作分委会".
 * "the committee" alone names no particular series.
 */
export function seriesNamed(q: string): string | undefined {
  const zh = q.match(/([\p{Script=Han}-]{2,12}?(?:分委会|分委員會|委员会|委員會))/u)?.[1]?.replace(/^.*[了的在是和与由]/u, "");
  if (zh && seriesWords(zh).length) return zh;
  const m = q.match(/\b(sub-?\s?committee|subcommittee|committee|commission)\b((?:\s+(?:on|for)\s+(?:[a-z&'’-]+\s*){1,5}?)(?=\s+(?:meeting|session|was|were|is|are|in|at|held|take|took|co-?chair\w*|led)\b|\s*[?？,.;]|$))?/i);
  if (!m) return undefined;
  const before = q.slice(0, m.index).trim().split(/\s+/).filter(Boolean);
  let i = before.length;
  while (i > 0 && before.length - i < 3 && !SERIES_STOP.test(before[i - 1]!) && !/\d|[:;,.?!—–]$/.test(before[i - 1]!)) i--;
  const name = [...before.slice(i), m[1]!, (m[2] ?? "").trim()].join(" ").trim();
  return seriesWords(name).length ? name : undefined;
}

export function questionSeries(q: string, ord: { start: number; end: number }): string | undefined {
  if (/\p{Script=Han}/u.test(q.slice(ord.start, ord.end))) return seriesAt(q, ord);
  const after = q.slice(ord.end);
  const before = after.match(new RegExp(`^\\s*([\\w&'’ -]{2,60}?)\\s+${EVENT_NOUN}\\b`, "i"));
  // "the second regular meeting of …": an adjective alone is no series name.
  if (before && !/^(?:regular|annual|joint|plenary|ordinary|extraordinary|official|formal|informal|bilateral|ministerial)$/i.test(before[1]!.trim())) return before[1]!.trim();
  const of = after.match(new RegExp(`^\\s*(?:(?:regular|annual|joint|plenary|ordinary|official|bilateral|ministerial)\\s+)?${EVENT_NOUN}\\s+(?:of|between)\\s+(?:the\\s+)?(.+?)${SERIES_END}`, "i"));
  return of?.[1]?.trim();
}

export function parseQuestion(question: string, vocab: Vocabulary): Intent {
  const q = question.trim();
  const lang = detectLang(q);
  const folded = fold(q);
  let kind: QuestionKind = "what";
  for (const [re, k] of KIND_RULES) if (re.test(q) || re.test(folded)) { kind = k; break; }
  const countEvents = /\bhow many times\b|多少次|(?<!第)几次|几回/i.test(folded) || /\bhow many (?:(?:more|other|official|state|bilateral|separate|rounds of|face-to-face)\s+)?(meetings|talks|visits|times|sessions|trips|summits|rounds)\b/i.test(folded);

  // Ordinals only where they number an event ("11th meeting"), not "First Deputy Prime Minister".
  const ordMention = findOrdinals(q).find((o) => {
    const after = q.slice(o.end, o.end + 60).toLowerCase();
    return /^\s*(次|届|轮)|^[^.?!]*?\b(meeting|session|forum|summit|conference|expo|round|committee|sub-?committee|visit|edition|exhibition)\b|会议|分委会|委员会|会晤|论坛|峰会|博览会|对话/.test(after) && !/^\s*(deputy|vice|half|quarter|secretary|lady)/.test(after);
  });
  const ordinal = ordMention?.value;
  // The series named with an ordinal, or without one ("list the meetings of the Energy Sub-Committee").
  const series = ordMention
    ? questionSeries(q, ordMention)
    : q.match(new RegExp(`\\b${EVENT_NOUN}s?\\s+of\\s+(?:the\\s+)?(.+?(?:committee|commission|council|forum)\\b.*?)${SERIES_END}`, "i"))?.[1]?.trim();

  // A series named by its subject alone ("the energy sub-committee meeting", "能源分委会"): only its
  // distinguishing words make it a constraint.
  const named = ordMention || series ? undefined : seriesNamed(q);
  const dates = findDates(capitaliseMonths(q));
  const d = dates.find((x) => x.value.year || x.value.month);
  let year = d?.value.year ?? (q.match(/\b((?:19|20)\d\d)\b/) ? Number(RegExp.$1) : undefined);
  // A span of years: "between 2014 and 2016", "from 2014 to 2016", "2014-2016", "2014年至2016年", "since 2019".
  let yearTo: number | undefined;
  const span = q.match(/((?:19|20)\d\d)\s*(?:年)?\s*(?:-|–|to|and|至|到)\s*((?:19|20)\d\d)/i);
  if (span && /between|from|\d\s*[-–]\s*\d|至|到|to/i.test(q)) {
    year = Math.min(+span[1]!, +span[2]!);
    yearTo = Math.max(+span[1]!, +span[2]!);
  } else if (year && new RegExp(`\\b(since|after)\\s+${year}\\b|${year}\\s*年(以来|之后)`, "i").test(q)) yearTo = 9999;

  const places = placesIn(q, folded, vocab);

  const side = SIDES.find(([re]) => re.test(q) || re.test(folded))?.[1];
  const nameSpans: string[] = [];
  const mentioned = findPersonsIn(q, vocab.persons, vocab.terms, nameSpans);
  // "who else did Li meet besides Massimov?", "除了马西莫夫,李克强还会见了谁?": set aside, not asked about.
  const asideMatch = q.match(/\b(?:besides|apart from|other than|aside from|except(?: for)?|not counting)\s+(.+?)(?=[,?;:？，]|\s+(?:who|whom|what|did|does|do|was|were|in|at|on|during)\b|$)/i) ?? q.match(/除了(.+?)(?:以外|之外|外|[,，]|还|$)/u);
  const aside = asideMatch?.[1];
  const excluded = aside ? findPersonsIn(aside, vocab.persons, vocab.terms) : [];
  const asked = mentioned.filter((id) => !excluded.includes(id));
  // "When did the kz pm visit Beijing?": the office and its country name the person (when one holds it).
  // Not when the office is what is asked ("who is Kazakhstan's first deputy prime minister?", "谁是哈萨克斯坦总统").
  const officeAsked = /^\s*(?:who|which official)\s+(?:is|was|are|were)\b|^\s*谁是|是谁\s*[?？]?\s*$/i.test(q);
  const holder = asked.length || officeAsked ? undefined : officeHolder(q, vocab.persons);
  const persons = holder ? [holder] : asked;

  // Part of a person the question names ("Wentao's" in "Wang Wentao's" = 王文涛, "liu" of "liu yang" = 刘洋).
  const partOfNamed = (w: string) => {
    const wf = fold(w).replace(/['’]s$/, "").replace(/[^a-z]/g, "");
    // …or its sound: "Tokayev" for 托卡耶夫, the way findPersonsIn matched it.
    return persons.some((id) =>
      personsById(vocab.persons).get(id)?.aliases.some((al) => (/\p{Script=Han}/u.test(al) ? pinyinKey(al).includes(wf) || soundsLikeHan(latinSpelling(wf), al) : nameTokens(al).join("").includes(wf))),
    );
  };
  // Capitalised words the corpus has never seen (not even nearly): the question is about something else.
  const unknownNames: string[] = [];
  const words = q.match(/(?<![.?!]\s|^)\b\p{Lu}[\p{Script=Latin}'’-]{2,}/gu) ?? [];
  for (const w of words) {
    // Office abbreviations ("PMs", "FM") are no names.
    if (/^(?:PMs?|FMs?|VPs?|MPs?|CEOs?|DPMs?)$/.test(w)) continue;
    const t = tokenize(w);
    if (!t.length || countryOf(w) || vocab.acronyms.has(w) || t.every((x) => equivalentKnown(x, vocab.terms)) || inGlossary(w)) continue;
    if (partOfNamed(w)) continue;
    if (t.every((x) => vocab.terms.has(x) || (x.length >= 5 && vocab.hasNear(x)))) continue;
    unknownNames.push(w);
  }
  // A terse question writes names in lower case ("when did putin visit astana"): the subject after
  // "did/was/is…" that the corpus has never seen and that is no English word is a name it lacks.
  for (const m of q.matchAll(/\b(?:did|does|do|has|have|had|was|were|is|will|would)\s+([a-z][a-z'’-]{2,})\b/g)) {
    const w = m[1]!;
    const t = tokenize(w);
    if (!t.length || countryOf(w) || inGlossary(w) || t.some((x) => vocab.terms.has(x) || equivalentKnown(x, vocab.terms) || (x.length >= 5 && vocab.hasNear(x)))) continue;
    if (partOfNamed(w) || findPersonsIn(w, vocab.persons, vocab.terms).length) continue;
    if (!isEnglishWord(w)) unknownNames.push(w);
  }

  // The noun right after "which/what" or "什么/哪些" names the kind of thing the answer is.
  const focusMatch = q.match(/\b(?:which|what|how many|how much)\s+(?:(?:two|three|four|kind of|sort of|type of|other)\s+)?([a-z][a-z-]+)(?:\s+and\s+([a-z][a-z-]+))?/i);
  const enFocus = focusMatch?.[1];
  // "How many trains and containers …": both nouns are asked for (not "how many times and where").
  // …and "how many companies from how many countries": each noun counted is asked for.
  const enFocus2 = focusMatch?.[2] && !/^(where|when|who|what|which|how|why|in|at|on)$/i.test(focusMatch[2]) ? focusMatch[2] : [...q.matchAll(/\bhow many\s+([a-z][a-z-]+)/gi)][1]?.[1];
  const zhFocus = folded.match(/(?:什么|哪些|哪个|哪家|哪种|哪类|哪所|哪座|哪国|哪项|哪条|多少|几)(?:个|份|项|家|名|座)?(\p{Script=Han}{2,4})/u)?.[1];
  const focus = [
    ...(enFocus && !/^(is|are|was|were|did|do|does|will|has|have|had|can|could|should|would|happened|the|a|an)$/i.test(enFocus) ? tokenize(enFocus) : []),
    ...(enFocus2 ? tokenize(enFocus2) : []),
    ...(zhFocus ? [zhWords(zhFocus)[0]?.word ?? zhFocus] : []),
  ];
  // What the question sets aside is not searched for ("apart from the bilateral talks, which events…").
  const content = [...nameSpans, ...(asideMatch ? [fold(asideMatch[0])] : [])].reduce((t, sp) => t.split(sp).join(" "), fold(q)).replace(ZH_QUESTION_WORDS, " ");
  // The question's ordinary English words, as the search's terms (stems) they become.
  const spelledWords = new Set((content.toLowerCase().match(/[a-z]{5,}/g) ?? []).filter((w) => isEnglishWord(w)).flatMap((w) => tokenize(w)));
  return {
    question: q,
    lang,
    kind,
    countEvents,
    persons,
    places,
    ordinal,
    series: series ?? named,
    year,
    yearTo,
    month: yearTo ? undefined : d?.value.month,
    day: d?.value.day,
    // The country of an office that named the person ("the Kazakh PM") is not a side asked for.
    side: holder ? undefined : side,
    eventKinds: EVENT_WORDS.test(q) ? ["meeting"] : [],
    // Chinese renderings of names found by sound are names, not search words.
    // A misspelt word ("comittee") is read as the corpus word one letter away from it; an English word
    // the corpus lacks ("yield") is not a misspelling of one it has ("field").
    terms: tokenize(content).map((t) => (t.length >= 5 && /^[a-z]+$/.test(t) && !vocab.terms.has(t) && !equivalentKnown(t, vocab.terms) && !spelledWords.has(t) ? vocab.nearest(t) ?? t : t)),
    hanRuns: content.match(/\p{Script=Han}{2,}/gu) ?? [],
    focus,
    unknownNames,
    excluded,
  };
}
