/**
 * Person mentions in one sentence: takes English or Chinese text, returns names with the title and
 * country written next to them. English uses title patterns ("Kazakh Prime Minister Karim Masimov",
 * "Zhang Guangjun, Vice Minister of … of China", "Prime Minister Aleksandar Vučić of Serbia") and
 * speech verbs ("…, said Sklyar"); Chinese uses title-then-name ("副部长张广军") with a transliteration
 * character set for foreign names ("总统纳扎尔巴耶夫"). No list of people is involved.
 * @example findPeople("Chinese Premier Li Keqiang met Kazakh Prime Minister Karim Masimov.")
 *   // [{ name: "Li Keqiang", title: "Premier", country: "China" }, { name: "Karim Masimov", title: "Prime Minister", country: "Kazakhstan" }]
 */
import { fold } from "../index/tokenize.ts";
import { COUNTRIES, countryOf, EN_TITLES, SURNAMES, TRANSLIT, ZH_NAME_STOP, ZH_TITLES } from "./lexicon.ts";
import { MONTH_NAMES } from "./dates.ts";

export interface PersonMention {
  name: string;
  title?: string;
  country?: string;
  start: number;
  end: number;
}

/** Capitalised words that are never part of a personal name. */
const NOT_NAME = new Set(
  [
    ...MONTH_NAMES, "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "The", "A", "An", "He", "She", "His", "Her", "They", "It", "In", "On", "At", "Of", "And", "During", "After", "Before",
    "Committee", "Sub-Committee", "Subcommittee", "Organization", "Organisation", "Cooperation", "University", "Group", "Company",
    "Corporation", "Port", "Center", "Centre", "Bank", "Fund", "Ministry", "Party", "Council", "Government", "Republic", "Zone",
    "Region", "Province", "City", "Conference", "Expo", "Forum", "Summit", "Meeting", "Agency", "Commission", "Office", "State",
    "National", "Central", "Communist", "People's", "Great", "Hall", "Road", "Belt", "Silk", "Union", "Association", "Co", "Ltd",
    "Development", "Reform", "News", "Daily", "Xinhua", "Premier", "President", "Minister", "Prime", "Vice", "Deputy", "Chairman",
    "Secretary", "First", "Second", "Third", "Foreign", "Affairs", "Energy", "Trade", "Science", "Technology", "Culture", "Sports",
    "Economic", "Economy", "Integration", "Education", "Higher", "Mineral", "Resources", "Autonomous", "Standing", "Political",
    "Bureau", "Eurasia", "Asia", "Europe", "Internet", "World", "International", "Innovation", "Railway", "Shipping", "Photo",
    "Administration", "Authority", "Service", "Institute", "Academy", "Department", "Chamber", "Railways", "Airlines", "Holding",
  ].map((w) => w.toLowerCase()),
);

const CAP = "\\p{Lu}[\\p{Ll}\\p{M}'’]+(?:-\\p{Lu}?[\\p{Ll}\\p{M}]+)?";
const NAME = `(${CAP}(?:\\s+${CAP}){0,2})`;
/** Titles match in either case ("Vice Premier", "vice premier"); names must be capitalised. */
const TITLE_ALT = EN_TITLES.map((t) =>
  t.replace(/[.]/g, "\\.").split(" ").map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join("\\s+"),
).join("|");
const ADJ = `(?:(\\p{Lu}[\\p{L}]+(?:['’]s)?)\\s+)??`;

const TITLE_FIRST = new RegExp(`${ADJ}\\b(${TITLE_ALT})\\s+${NAME}(?:\\s+of\\s+(?:the\\s+)?(\\p{Lu}[\\p{L}]+(?:\\s+\\p{Lu}[\\p{L}]+)?))?`, "gu");
const APPOSITIVE = new RegExp(`${NAME}(?:\\s*\\([^)]{1,20}\\))?,\\s+(?:the\\s+|a\\s+|also\\s+)?([^,;]{0,120}?\\b(?:${TITLE_ALT})\\b[^,;]{0,120}?)(?=,|;|\\.|$)`, "gu");
/** A capitalised organisation name right before a title ("… International Relations researcher", "Astana City Hall spokesman"). */
const ORG_BEFORE = /((?:\p{Lu}[\p{L}'’&-]*\s+(?:(?:of|for|and|on|the)\s+)*){0,7}(?:Institute|University|Academy|Ministry|Commission|Committee|Center|Centre|Bank|Agency|Company|Corporation|Group|Council|Office|Hall|Relations|Studies|Association)['’]?(?:\s+\p{Lu}[\p{L}'’&-]*)*(?:\s+(?:studies|affairs|research|department|division|programme|program))?)\s+$/u;
/** "Secretary of the X Regional Committee Ma Xingrui": a title, its organisation, then the name. */
const TITLE_OF_ORG = new RegExp(`\\b(${TITLE_ALT})\\s+of\\s+(?:the\\s+)?([^,;.]{3,90}?\\b(?:Party|Committee|Commission|Ministry|Region|Province|Company|Corporation|Bank|Agency|Government|Council|Office|Department|Bureau|Administration|Group))(?:\\s*\\([A-Z]{2,8}\\))?\\s+(\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+){1,2})(?=\\s+\\p{Ll}|[,.;]|$)`, "gu");
/**
 * "Mayor of Almaty Azamat Utemisov", "President of Kazakhstan Kassym-Jomart Tokayev": title of one place, then the name;
 * "Chinese Ambassador to Kazakhstan Zhang Xiao": title to (or in) a place, the person's country from the adjective before it.
 */
const TITLE_OF_PLACE = new RegExp(`${ADJ}\\b(${TITLE_ALT})\\s+(of|to|in)\\s+(\\p{Lu}[\\p{L}'’-]+)\\s+(${CAP}(?:\\s+${CAP}){1,2})`, "gu");
const SPEAKER = new RegExp(`(?:^|[,"”]\\s*)(?:said|says|according to)\\s+${NAME}|${NAME}\\s+(?:said|says|stressed|noted|added|emphasized|emphasised|urged|hailed|recalled|pointed out|expressed|introduced|called)\\b`, "gu");
/** Cheap pre-checks: a sentence without any title word (or speech verb, or parenthesis) cannot match the patterns above. */
const ANY_TITLE = new RegExp(`\\b(?:${TITLE_ALT})`, "u");
const ANY_SPEECH = /said|says|according to|stressed|noted|added|emphasized|emphasised|urged|hailed|recalled|pointed out|expressed|introduced|called/;
const POSITION = new RegExp(`${NAME}\\s*\\((?:L|R|C|left|right|center|centre|front-?[LR]|back-?[LR]|\\d(?:st|nd|rd|th)\\s+[LR])\\)`, "gu");

function cleanName(raw: string): string | null {
  const tokens = raw.replace(/['’]s$/, "").split(/\s+/).filter(Boolean);
  // Trim non-name words from the end ("Li Keqiang Meets" is not a name).
  while (tokens.length && NOT_NAME.has(tokens[tokens.length - 1]!.toLowerCase())) tokens.pop();
  while (tokens.length && NOT_NAME.has(tokens[0]!.toLowerCase())) tokens.shift();
  if (!tokens.length) return null;
  if (tokens.some((t) => countryOf(t) || NOT_NAME.has(t.toLowerCase()))) return null;
  return tokens.join(" ");
}

function countryIn(phrase: string | undefined): string | undefined {
  if (!phrase) return undefined;
  const m = phrase.match(/\b(?:of|in)\s+(?:the\s+)?([\p{Lu}][\p{L}'’ ]+)$/u);
  for (const cand of [m?.[1], ...phrase.split(/[\s,]+/)]) {
    if (!cand) continue;
    const c = countryOf(cand.replace(/['’]s$/, "")) ?? (/people's republic of china/i.test(cand) ? "China" : undefined);
    if (c) return c;
  }
  if (/people['’]s republic of china/i.test(phrase)) return "China";
  return undefined;
}

function titleCase(t: string): string {
  return t.replace(/\s+/g, " ").trim();
}

/** English person mentions. */
export function findPeopleEn(text: string): PersonMention[] {
  const out: PersonMention[] = [];
  const push = (m: PersonMention) => {
    if (out.some((o) => o.start < m.end && m.start < o.end && o.name.includes(m.name))) return;
    const i = out.findIndex((o) => o.start < m.end && m.start < o.end);
    if (i >= 0) {
      const o = out[i]!;
      if (m.name.length > o.name.length) out[i] = { ...m, title: m.title ?? o.title, country: m.country ?? o.country };
      else out[i] = { ...o, title: o.title ?? m.title, country: o.country ?? m.country };
      return;
    }
    out.push(m);
  };
  const titled = ANY_TITLE.test(text);
  for (const m of titled ? text.matchAll(TITLE_FIRST) : []) {
    const name = cleanName(m[3]!);
    if (!name) continue;
    const adj = m[1];
    // "China Institute of Contemporary International Relations researcher Wang Lijiu": the body the title is held in.
    const adjCountry = adj ? countryOf(adj.replace(/['’]s$/, "")) : undefined;
    const at = m.index! + m[0].indexOf(m[2]!);
    const body = adjCountry ? undefined : text.slice(Math.max(0, at - 120), at).match(ORG_BEFORE)?.[1];
    const title = titleCase(body ? `${body} ${m[2]!}` : m[2]!);
    const country = adjCountry || (m[4] ? countryOf(m[4]) : undefined) || (body ? countryOf(body.split(/\s+/)[0]!.replace(/['’]s$/, "")) : undefined);
    const start = m.index! + m[0].indexOf(m[3]!);
    push({ name, title: /^counterpart$/i.test(title) ? undefined : title, country, start, end: start + m[3]!.length });
  }
  for (const m of titled ? text.matchAll(APPOSITIVE) : []) {
    const name = cleanName(m[1]!);
    if (!name || name.split(" ").length < 2) continue;
    const title = titleCase(m[2]!).replace(/^(?:the|a)\s+/i, "");
    push({ name, title, country: countryIn(m[2]), start: m.index!, end: m.index! + m[1]!.length });
  }
  for (const m of titled ? text.matchAll(TITLE_OF_PLACE) : []) {
    const name = cleanName(m[5]!);
    if (!name || name.split(" ").length < 2) continue;
    const start = m.index! + m[0].lastIndexOf(m[5]!);
    const adj = m[1] ? countryOf(m[1].replace(/['’]s$/, "")) : undefined;
    // An ambassador to a country serves another one: only "of" says whose the office is.
    const country = m[3] === "of" ? countryOf(m[4]!) : adj;
    push({ name, title: `${titleCase(m[2]!)} ${m[3]} ${m[4]}`, country, start, end: start + m[5]!.length });
  }
  for (const m of titled ? text.matchAll(TITLE_OF_ORG) : []) {
    const name = cleanName(m[3]!);
    if (!name || name.split(" ").length < 2) continue;
    const start = m.index! + m[0].lastIndexOf(m[3]!);
    push({ name, title: `${titleCase(m[1]!)} of ${m[2]!.trim()}`, country: countryIn(m[2]), start, end: start + m[3]!.length });
  }
  for (const re of [SPEAKER, POSITION]) {
    if (re === SPEAKER ? !ANY_SPEECH.test(text) : !text.includes("(")) continue;
    for (const m of text.matchAll(re)) {
      const raw = m[1] ?? m[2];
      if (!raw) continue;
      const name = cleanName(raw);
      if (!name || name.split(" ").length < 2) continue;
      const start = m.index! + m[0].indexOf(raw);
      push({ name, start, end: start + raw.length });
    }
  }
  // "Mayor of Almaty Azamat Utemisov": after "of", a three-word run starts with the place or body the
  // title belongs to, not with the person.
  for (const m of out) {
    const toks = m.name.split(" ");
    if (toks.length >= 3 && /\bof\s+$/i.test(text.slice(Math.max(0, m.start - 4), m.start))) {
      const cut = toks[0]!.length + 1;
      m.title = m.title ? `${m.title} of ${toks[0]}` : undefined;
      m.name = toks.slice(1).join(" ");
      m.start += cut;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const ZH_COUNTRIES = COUNTRIES.flatMap((c) => c.zh.filter((z) => z.length > 1).map((z) => [z, c.name] as const)).sort((a, b) => b[0].length - a[0].length);


/** A Chinese name starting at `i`: a run of transliteration characters (foreign) or 2–3 characters after a common surname. */
function zhNameAt(text: string, i: number): string | null {
  let j = i;
  while (j < text.length && (TRANSLIT.has(text[j]!) || /[•\-]/.test(text[j]!))) j++;
  const translit = text.slice(i, j).replace(/[•\-]+$/, "");
  if (translit.length >= 3 && !/[•\-]/.test(translit[0]!) && (translit.length >= 4 || !SURNAMES.has(translit[0]!))) return translit;
  if (!SURNAMES.has(text[i] ?? "")) return translit.length >= 3 ? translit : null;
  const two = text.slice(i, i + 2), third = text[i + 2];
  if (!/^\p{Script=Han}{2}$/u.test(two)) return null;
  if (third === undefined || ZH_NAME_STOP.has(third) || !/\p{Script=Han}/u.test(third) || ZH_TITLES.some((t) => text.startsWith(t, i + 2))) return two;
  return text.slice(i, i + 3);
}

/** Chinese person mentions (text is folded to simplified first; names are returned simplified). */
/** Verbs one person does to another, which no title contains. */
const ZH_ACT = /(?:会见|会晤|接见|拜会|看望|会谈|陪同|出席|主持|率领|邀请|欢迎|致电|致函|祝贺|感谢|表示|宴请|听取)了?/gu;

export function findPeopleZh(raw: string): PersonMention[] {
  const text = fold(raw).replace(/[\u00b7\u2022\u2027]/g, "•");
  // Every title occurrence, longest title first where they overlap, then in reading order.
  const hits: { at: number; title: string }[] = [];
  for (const title of ZH_TITLES) {
    for (let at = text.indexOf(title); at >= 0; at = text.indexOf(title, at + 1)) {
      if (!hits.some((h) => at < h.at + h.title.length && h.at < at + title.length)) hits.push({ at, title });
    }
  }
  hits.sort((a, b) => a.at - b.at);
  const out: PersonMention[] = [];
  let prevEnd = 0;
  for (const { at, title } of hits) {
    const after = at + title.length;
    let name = ZH_TITLES.some((t) => text.startsWith(t, after)) ? null : zhNameAt(text, after);
    let start = after;
    if (!name) {
      // Name before the title ("托卡耶夫总统"): transliterated names only, read backwards.
      let k = at;
      while (k > prevEnd && (TRANSLIT.has(text[k - 1]!) || text[k - 1] === "•")) k--;
      const before = text.slice(k, at);
      if (before.length >= 3 && !out.some((o) => o.name === before)) {
        name = before;
        start = k;
      }
    }
    if (!name || ZH_COUNTRIES.some(([z]) => name!.startsWith(z))) continue;
    // The title's own words: back to the clause start, the previous person, or a linking word.
    let from = Math.max(prevEnd, 0);
    for (let k = at - 1; k >= from; k--) {
      if (/[、,，。;；同与在及并应]/.test(text[k]!)) {
        from = k + 1;
        break;
      }
    }
    // A verb before the title ends the clause of the one who acts ("在北京会见了哈萨克斯坦…副部长X": the title starts after 会见了).
    const verb = [...text.slice(from, at).matchAll(ZH_ACT)].pop();
    if (verb) from += verb.index! + verb[0].length;
    // Right after the previous person, a linking word joins the two ("阿斯卡罗夫和中国国家主席刘洋").
    while (from < at && /[和与同及并]/.test(text[from]!)) from++;
    const fullTitle = start < at ? title : text.slice(from, after);
    let clause = prevEnd;
    for (let k = at - 1; k >= prevEnd; k--) if (/[、,，。;；]/.test(text[k]!)) { clause = k + 1; break; }
    const country = start < at ? undefined : (ZH_COUNTRIES.find(([z]) => text.slice(clause, after).includes(z))?.[1] ?? (name.length <= 3 && SURNAMES.has(name[0]!) ? "China" : undefined));
    out.push({ name, title: fullTitle, country, start, end: start + name.length });
    prevEnd = Math.max(after, start + name.length);
  }
  return out;
}

export function findPeople(text: string): PersonMention[] {
  return /\p{Script=Han}/u.test(text) ? [...findPeopleZh(text), ...findPeopleEn(text.replace(/\p{Script=Han}/gu, " "))] : findPeopleEn(text);
}
