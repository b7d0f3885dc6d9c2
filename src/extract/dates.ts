/**
 * Date mentions in English and Chinese text. Takes a sentence and an optional reference date
 * (the publish date), returns each date mention as a DateValue with precision and provenance:
 * stated ("Dec 14, 2014"), relative ("on Sunday", "last December", "今年5月", "18日") or partial
 * (a month and day whose year is neither stated nor resolvable). Never invents a year.
 *
 * chrono-node was tried first; it misreads news idioms ("in May this year" → next May,
 * "afternoon of January 21" → today), so these rules are hand-written and tested (tests/extract/dates.test.ts).
 * @example findDates("met on Sunday", { year: 2014, month: 12, day: 15 })[0].value // { year: 2014, month: 12, day: 14, precision: "day", provenance: "relative" }
 */
// Per-function entry points: the package root loads all of date-fns (~0.2 s at every start).
import { addDays } from "date-fns/addDays";
import { getDay } from "date-fns/getDay";
import type { DateValue } from "../types.ts";

export interface RefDate {
  year: number;
  month: number;
  day?: number;
  /** How the reference was found ("publish date", "latest date stated in the article"). */
  source: string;
}

export interface DateMention {
  value: DateValue;
  start: number;
  end: number;
}

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11,
  nov: 11, december: 12, dec: 12,
};
export const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS: Record<string, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };
const ZH_WEEKDAYS: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

const M = "(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
const YEAR = "((?:19|20)\\d\\d)";

function monthOf(s: string): number {
  return MONTHS[s.toLowerCase().replace(".", "")]!;
}

function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

function fromDate(d: Date, text: string, note: string): DateValue {
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), precision: "day", provenance: "relative", text, note };
}

/** Most recent given weekday on or before the reference day. */
export function weekdayOnOrBefore(ref: RefDate, weekday: number, text: string): DateValue | null {
  if (!ref.day) return null;
  const r = utc(ref.year, ref.month, ref.day);
  const back = (getDay(r) - weekday + 7) % 7;
  return fromDate(addDays(r, -back), text, `${text.trim()} before ${iso(ref)} (${ref.source})`);
}

/** Year for a month/day stated without one: the reference year, or the year before when that would be after the reference. */
function yearFor(ref: RefDate, month: number, day?: number): number {
  const refDay = ref.day ?? 28;
  if (month > ref.month + 0 || (month === ref.month && (day ?? 1) > refDay + 3)) return ref.year - 1;
  return ref.year;
}

function iso(r: { year?: number; month?: number; day?: number }): string {
  const p = (n: number) => String(n).padStart(2, "0");
  if (!r.year) return r.month ? `--${p(r.month)}${r.day ? "-" + p(r.day) : ""}` : "";
  return [String(r.year), r.month ? p(r.month) : null, r.day ? p(r.day) : null].filter(Boolean).join("-");
}
export { iso as isoDate };

function precisionOf(v: { year?: number; month?: number; day?: number }): DateValue["precision"] {
  return v.day ? "day" : v.month ? "month" : v.year ? "year" : "unknown";
}

function stated(text: string, year: number | undefined, month?: number, day?: number, endDay?: number): DateValue {
  return { year, month, day, endDay, precision: precisionOf({ year, month, day }), provenance: "stated", text };
}

/** A month/day without a year: resolved against the reference when there is one, else partial. */
function yearless(text: string, month: number, day: number | undefined, ref: RefDate | undefined, endDay?: number): DateValue {
  if (!ref) return { month, day, endDay, precision: day ? "day" : "month", provenance: "partial", text, note: "year not stated" };
  const year = yearFor(ref, month, day);
  return { year, month, day, endDay, precision: day ? "day" : "month", provenance: "relative", text, note: `year from ${ref.source} (${ref.year})` };
}

type Rule = { re: RegExp; make: (m: RegExpExecArray, ref?: RefDate) => DateValue | null };

const EN_RULES: Rule[] = [
  // 2023-11-28
  { re: new RegExp(`\\b${YEAR}-(\\d{1,2})-(\\d{1,2})\\b`, "g"), make: (m) => stated(m[0], +m[1]!, +m[2]!, +m[3]!) },
  // Dec 14, 2014 / Dec. 16-18, 2015 / December 14 2015
  {
    re: new RegExp(`\\b${M}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*[-–]\\s*(\\d{1,2}))?(?:,?\\s+${YEAR})?\\b`, "gi"),
    make: (m, ref) => {
      const month = monthOf(m[1]!), day = +m[2]!, end = m[3] ? +m[3] : undefined;
      if (day < 1 || day > 31) return null;
      return m[4] ? stated(m[0], +m[4], month, day, end) : yearless(m[0], month, day, ref, end);
    },
  },
  // 27 November 2023
  {
    re: new RegExp(`\\b(\\d{1,2})\\s+${M}(?:,?\\s+${YEAR})?\\b`, "gi"),
    make: (m, ref) => (m[3] ? stated(m[0], +m[3], monthOf(m[2]!), +m[1]!) : yearless(m[0], monthOf(m[2]!), +m[1]!, ref)),
  },
  // September 2004 / in May this year / last December / next March
  {
    re: new RegExp(`\\b(?:(last|this|next|early|late|mid-?)\\s+)?${M}(?:\\s+(?:of\\s+)?(${YEAR.slice(1, -1)}|this year|last year|next year))?\\b`, "gi"),
    make: (m, ref) => {
      const month = monthOf(m[2]!);
      const mod = m[1]?.toLowerCase();
      const y = m[3]?.toLowerCase();
      if (m[2]![0] !== m[2]![0]!.toUpperCase()) return null; // "may", "march" as words
      // "May" alone is a date only after a preposition ("in May"), not the verb at a sentence start.
      if (/^may$/i.test(m[2]!) && !mod && !y && !/\b(in|of|since|until|from|by|early|late|mid|last|this|next)\s+$/i.test(m.input.slice(0, m.index))) return null;
      if (y && /^\d{4}$/.test(y)) return stated(m[0], +y, month);
      if (!ref) return mod === "last" || y ? { month, precision: "month", provenance: "partial", text: m[0], note: "relative to an unknown date" } : yearless(m[0], month, undefined, undefined);
      let year: number;
      if (y === "this year" || mod === "this") year = ref.year;
      else if (y === "last year") year = ref.year - 1;
      else if (y === "next year" || mod === "next") year = month > ref.month ? ref.year : ref.year + 1;
      else if (mod === "last") year = month < ref.month ? ref.year : ref.year - 1;
      else year = yearFor(ref, month);
      return { year, month, precision: "month", provenance: "relative", text: m[0], note: `relative to ${iso(ref)} (${ref.source})` };
    },
  },
  // on Sunday / earlier on Monday / Tuesday's
  {
    re: /\b(?:on|earlier on|later on|last|this|since)?\s*(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g,
    make: (m, ref) => (ref ? weekdayOnOrBefore(ref, WEEKDAYS[m[1]!.toLowerCase()]!, m[0]) : { precision: "unknown", provenance: "partial", text: m[0].trim(), note: "weekday without a reference date" }),
  },
  // by the year-end / by the end of this year / end of next year: December of that year
  {
    re: /\b(?:(?:by|before|at|until|towards?)\s+)?(?:the\s+)?(?:year-end|year end|end of (?:the|this|next) year)\b/gi,
    make: (m, ref) => (ref ? { year: ref.year + (/next/i.test(m[0]) ? 1 : 0), month: 12, precision: "month", provenance: "relative", text: m[0], note: `end of the year of ${iso(ref)} (${ref.source})` } : null),
  },
  // last year / this year / next year / yesterday / today
  {
    re: /\b(last year|this year|next year|a year ago|yesterday|today)\b/gi,
    make: (m, ref) => {
      if (!ref) return null;
      const w = m[1]!.toLowerCase();
      const note = `relative to ${iso(ref)} (${ref.source})`;
      if (w === "yesterday" && ref.day) return fromDate(addDays(utc(ref.year, ref.month, ref.day), -1), m[0], note);
      if (w === "today" && ref.day) return fromDate(utc(ref.year, ref.month, ref.day), m[0], note);
      const year = w === "this year" ? ref.year : w === "next year" ? ref.year + 1 : w === "last year" || w === "a year ago" ? ref.year - 1 : undefined;
      return year ? { year, precision: "year", provenance: "relative", text: m[0], note } : null;
    },
  },
  // in 2010 / since 2007 / by 2013 / 2013's
  {
    re: new RegExp(`\\b(?:in|since|by|until|from|of|before|after|through|to|year)\\s+${YEAR}\\b(?![-./]\\d)`, "gi"),
    make: (m) => stated(m[0], +m[1]!),
  },
];

const ZH_RULES: Rule[] = [
  // 2014年12月14日 / 2017年4月 / 2007年
  {
    re: /((?:19|20)\d\d)\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?)?/g,
    make: (m) => stated(m[0], +m[1]!, m[2] ? +m[2] : undefined, m[3] ? +m[3] : undefined),
  },
  // 年底 / 今年年底 / 明年年末: December of that year
  {
    re: /(今年|明年|去年)?(?:年底|年末)/g,
    make: (m, ref) => {
      if (!ref) return null;
      const year = ref.year + ({ 今年: 0, 明年: 1, 去年: -1 }[m[1] as "今年"] ?? 0);
      return { year, month: 12, precision: "month", provenance: "relative", text: m[0], note: `end of the year of ${iso(ref)} (${ref.source})` };
    },
  },
  // 今年5月 / 去年12月 / 明年
  {
    re: /(今年|去年|明年|前年)(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?)?/g,
    make: (m, ref) => {
      const off = { 今年: 0, 去年: -1, 明年: 1, 前年: -2 }[m[1] as "今年"];
      const month = m[2] ? +m[2] : undefined, day = m[3] ? +m[3] : undefined;
      if (!ref) return { month, day, precision: "unknown", provenance: "partial", text: m[0], note: "relative to an unknown date" };
      const year = ref.year + off;
      return { year, month, day, precision: precisionOf({ year, month, day }), provenance: "relative", text: m[0], note: `relative to ${iso(ref)} (${ref.source})` };
    },
  },
  // 12月14日 / 6月8日 / 12月16日至18日
  {
    re: /(?<![年\d])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号](?:\s*[至到\-–]\s*(\d{1,2})\s*[日号])?/g,
    make: (m, ref) => yearless(m[0], +m[1]!, +m[2]!, ref, m[3] ? +m[3] : undefined),
  },
  // 9月 (month alone)
  { re: /(?<![年\d])(\d{1,2})\s*月(?![\d日号份])/g, make: (m, ref) => (+m[1]! >= 1 && +m[1]! <= 12 ? yearless(m[0], +m[1]!, undefined, ref) : null) },
  // 18日 (day of the reference month)
  {
    re: /(?<![月\d])(\d{1,2})\s*日(?![本元])/g,
    make: (m, ref) => {
      const day = +m[1]!;
      if (!ref || day > 31) return null;
      const month = ref.day && day > ref.day + 3 ? (ref.month === 1 ? 12 : ref.month - 1) : ref.month;
      const year = month > ref.month ? ref.year - 1 : ref.year;
      return { year, month, day, precision: "day", provenance: "relative", text: m[0], note: `day of the month of ${iso(ref)} (${ref.source})` };
    },
  },
  // 周一 / 星期日
  {
    re: /(?:周|星期|礼拜)([一二三四五六日天])/g,
    make: (m, ref) => (ref ? weekdayOnOrBefore(ref, ZH_WEEKDAYS[m[1]!]!, m[0]) : null),
  },
];

/**
 * Month names as a terse, lower-case question writes them, capitalised so `findDates` sees them:
 * "met in january" → "met in January", "dec 14 2015" → "Dec 14 2015". "may" only where it names the month
 * ("in may", "may 5", "may 2015"), never the verb ("who may attend").
 */
export function capitaliseMonths(text: string): string {
  return text
    .replace(/\b(january|february|march|april|june|july|august|september|october|november|december)\b/gi, (w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase())
    .replace(/\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)(\.?)(?=\s*\d)/gi, (_w, m: string, dot: string) => m[0]!.toUpperCase() + m.slice(1).toLowerCase() + dot)
    .replace(/\b(?<=(?:in|of|since|early|late|mid|last)\s+)may\b|\bmay(?=\s+\d)/gi, "May");
}

/** Every date mention in `text`, left to right, longest match first where they overlap. */
export function findDates(text: string, ref?: RefDate): DateMention[] {
  const found: DateMention[] = [];
  const rules = /\p{Script=Han}/u.test(text) ? [...ZH_RULES, ...EN_RULES] : EN_RULES;
  for (const rule of rules) {
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(text))) {
      const start = m.index + (m[0].length - m[0].trimStart().length);
      const end = m.index + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      const value = rule.make(m, ref);
      if (value) found.push({ value: { ...value, text: value.text.trim() }, start, end });
    }
  }
  // "The fair will run through May 9" in a report of May 4: a year-less date said in the future tense is
  // the coming one, not last year's.
  if (ref && FUTURE.test(text))
    for (const f of found) {
      const v = f.value;
      if (v.provenance !== "relative" || !v.month || !v.note?.startsWith("year from")) continue;
      // The first such date on or after the reference (a few days' slack for a late report).
      const before = v.month < ref.month || (v.month === ref.month && (v.day ?? 31) < (ref.day ?? 1) - 3);
      const year = before ? ref.year + 1 : ref.year;
      if (year !== v.year) f.value = { ...v, year, note: `${v.note}, said of what is to come` };
    }
  return found.sort((a, b) => a.start - b.start);
}

const FUTURE = /\b(?:will|shall|(?:is|are) (?:scheduled|expected|due|set|slated) to|to be held)\b|将于|将在|拟于|计划于|预计/;

/** Is `a` compatible with `b` (one refines the other, nothing contradicts)? */
export function datesCompatible(a: DateValue, b: DateValue): boolean {
  if (a.year && b.year && a.year !== b.year) return false;
  if (a.month && b.month && a.month !== b.month) return false;
  if (a.day && b.day && a.day !== b.day) return false;
  return true;
}

/** How specific a date is: day 3, month 2, year 1, none 0 (a stated year adds weight). */
export function dateScore(d: DateValue): number {
  return (d.day ? 3 : d.month ? 2 : d.year ? 1 : 0) + (d.year ? 1 : 0);
}

/**
 * A date for people: "December 14, 2014", "January 21 (year not stated)", "December 2014";
 * in Chinese "2014年12月14日", "1月21日(年份未说明)".
 */
export function formatDate(d: DateValue, lang: "en" | "zh" = "en"): string {
  if (lang === "zh") {
    const y = d.year ? `${d.year}年` : "";
    const m = d.month ? `${d.month}月` : "";
    const day = d.day ? `${d.day}日${d.endDay ? `至${d.endDay}日` : ""}` : "";
    const core = `${y}${m}${day}` || d.text;
    return d.year || !d.month ? core : `${core}(年份未说明)`;
  }
  const mName = d.month ? MONTH_NAMES[d.month - 1] : "";
  let core: string;
  if (d.day) core = `${mName} ${d.day}${d.endDay ? `-${d.endDay}` : ""}${d.year ? `, ${d.year}` : ""}`;
  else if (d.month) core = `${mName}${d.year ? ` ${d.year}` : ""}`;
  else if (d.year) core = String(d.year);
  else core = d.text;
  return d.year || !d.month ? core : `${core} (year not stated)`;
}
