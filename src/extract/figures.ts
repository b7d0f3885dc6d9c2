/**
 * Figures in one sentence: takes English or Chinese text, returns each number with its unit and
 * what it measures ("52 … early-harvest projects", "22.4 km light railway", "$629 million",
 * "5.28平方公里", "30天", "34%"). Dates, ordinals and years are not figures.
 * @example findFigures("build the 22.4 km light railway")[0] // { value: "22.4 km", number: 22.4, unit: "km", measures: "light railway" }
 */
import { cnNumber } from "./ordinals.ts";

export interface FigureMention {
  value: string;
  number: number;
  unit?: string;
  measures: string;
  start: number;
}

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bln: 1e9, mln: 1e6, bn: 1e9, 万: 1e4, 亿: 1e8 };
const WORD_NUM: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, dozen: 12, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100 };

const EN_FIG = new RegExp(
  String.raw`(?<cur>US\$|\$|€|£|¥|RMB\s?|USD\s?)?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|a dozen)\b)` +
    String.raw`(?:\s*(?<scale>thousand|million|billion|trillion|bln|mln|bn)\b)?` +
    String.raw`(?:\s*[-‐]?\s*(?<unit>percent|per cent|%|km|kilometers?|kilometres?|miles?|meters?|metres?|hectares?|tons?|tonnes?|bcm|cubic met(?:er|re)s?|cu m|square kilomet(?:er|re)s?|sq km|days?|hours?|minutes?|years?|months?|weeks?|yuan|dollars?|tenge|rubles?|barrels?)\b)?`,
  "gi",
);

const ZH_FIG = /(?<num>\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*(?<scale>万|亿)?\s*(?<unit>平方公里|公里|千米|米|公顷|吨|立方米|天|日|小时|分钟|年|个月|周|元|美元|人民币|坚戈|卢布|%|％|个|份|项|家|人|座|列|辆|次|余人|多人)?/g;

/** Words that start what is said about the thing counted ("documents covering logistics", "projects worth $1 billion"). */
const AFTER_NOUN = /^(?:covering|including|involving|worth|valued|totaling|totalling|with|in|on|for|to|from|at|by|between|among|during|which|that|who|signed|reached|launched|built|held|was|were|are|is|has|have|and|or)$/i;

function measuresAfter(text: string, end: number): string {
  const rest = text.slice(end).replace(/^[\s"“”'’-]+/, "");
  const words = (rest.split(/[,.;:!?)]/)[0] ?? "").trim().split(/\s+/).slice(0, 5);
  const cut = words.findIndex((w, i) => i > 0 && AFTER_NOUN.test(w));
  return (cut > 0 ? words.slice(0, cut) : words).join(" ").replace(/["“”]/g, "");
}

export function findFigures(text: string): FigureMention[] {
  const out: FigureMention[] = [];
  if (/\p{Script=Han}/u.test(text)) {
    for (const m of text.matchAll(ZH_FIG)) {
      const g = m.groups!;
      const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 1);
      if (/^[年月日号]$/.test(after) || /^(年|月|日|号)$/.test(g.unit ?? "") && !/天/.test(g.unit ?? "")) continue;
      if (!g.unit && !g.scale && !/^\d/.test(g.num!)) continue;
      if (text[m.index! - 1] === "第") continue; // ordinal
      const n = /^\d/.test(g.num!) ? Number(g.num) : cnNumber(g.num!);
      if (!Number.isFinite(n) || (!g.unit && !g.scale && n >= 1900 && n <= 2100)) continue;
      const number = n * (g.scale ? SCALE[g.scale]! : 1);
      const measures = text.slice(m.index! + m[0].length, m.index! + m[0].length + 8).split(/[,，。、;；]/)[0]!;
      out.push({ value: m[0].trim(), number, unit: g.unit, measures: g.unit && /[个份项家人座列辆]/.test(g.unit) ? measures : text.slice(Math.max(0, m.index! - 8), m.index!), start: m.index! });
    }
  }
  for (const m of text.matchAll(EN_FIG)) {
    const g = m.groups!;
    const raw = g.num!.toLowerCase();
    const n = WORD_NUM[raw.replace("a ", "")] ?? Number(raw.replace(/,/g, ""));
    if (!Number.isFinite(n)) continue;
    const start = m.index!;
    const end = start + m[0].length;
    const before = text.slice(Math.max(0, start - 12), start);
    const after = text.slice(end, end + 3);
    // Skip dates ("Dec 14, 2014", "June 26"), years, ordinals ("11th"), times ("09:37"), article numbers.
    if (/^(st|nd|rd|th)\b/i.test(after) || /^:\d/.test(after) || /[:]$/.test(before)) continue;
    if (/^\s*[年月日号周%％天余多亿万个份项家人次]/.test(after) || out.some((o) => o.start <= start && start < o.start + o.value.length)) continue; // Chinese, handled above
    if (/(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s*$/i.test(before)) continue;
    if (!g.unit && !g.scale && !g.cur && n >= 1900 && n <= 2100 && Number.isInteger(n)) continue;
    if (/\b(article|no\.|number|paragraph|page)\s*$/i.test(before)) continue;
    // "on one hand", "one of them", "one another": no count.
    if (/^\d/.test(raw) === false && /^\s+(hand|another|of|side)\b/i.test(text.slice(end))) continue;
    if (/^\d/.test(raw) === false && !g.unit) {
      // number words only count when they count something ("five stages")
      if (!/^\s+[a-z]/.test(text.slice(end))) continue;
    }
    // A range ("nine to ten days", "5-6 hours") is one figure, written whole; its number is the upper end.
    const from = text.slice(Math.max(0, start - 16), start).match(/\b(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)\s*(?:to|-|–)\s*$/i);
    const begin = from ? start - from[0].length : start;
    if (from) for (let i = out.length - 1; i >= 0; i--) if (out[i]!.start >= begin) out.splice(i, 1);
    const value = text.slice(begin, end).trim();
    const scale = g.scale ? SCALE[g.scale.toLowerCase()]! : 1;
    out.push({ value, number: n * scale, unit: g.cur ? `${g.cur.trim()}` : g.unit?.toLowerCase(), measures: measuresAfter(text, end), start: begin });
  }
  return out.sort((a, b) => a.start - b.start);
}
