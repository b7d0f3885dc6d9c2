/**
 * Digest schedules. `parseSchedule(words)` takes the words after `/digest` ("daily 09:00",
 * "weekly mon 09:00 Asia/Almaty energy") and returns a Schedule plus an optional topic, or an error;
 * `nextRun(schedule, after)` returns the first run strictly after an instant (epoch ms), computed in the
 * schedule's IANA time zone and correct across DST changes; `describeSchedule` and `formatInstant`
 * say it in words, in English or Chinese. Pure functions over Intl; no clock, no I/O.
 *
 * DST rules (the same as Temporal's "compatible" disambiguation): a local time that does not exist
 * (spring forward, e.g. 02:30 in Berlin on the last Sunday of March) runs that day at the same
 * distance after the gap (03:30); a local time that happens twice (fall back) runs once, at the first.
 */
import type { Lang } from "../types.ts";

export interface Schedule {
  kind: "daily" | "weekly";
  /** Weekly only: 0 = Sunday … 6 = Saturday. */
  weekday?: number;
  hour: number;
  minute: number;
  /** Canonical IANA zone name ("UTC", "Europe/Berlin"). */
  tz: string;
}

export type ParsedSchedule = { ok: true; schedule: Schedule; topic?: string } | { ok: false; error: string };

const DAY = 86_400_000;

const WEEKDAYS: Record<string, number> = {
  sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6,
};
const ZH_WEEKDAYS = "日一二三四五六";
const EN_DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const SHORT_DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/** "mon", "Monday", "周一", "星期一", "星期天" → 1 (Sunday = 0); undefined when it is no weekday. */
export function parseWeekday(word: string): number | undefined {
  const w = word.toLowerCase();
  if (w in WEEKDAYS) return WEEKDAYS[w];
  const zh = /^(?:周|星期|礼拜)([日天一二三四五六])$/.exec(word);
  if (zh) return zh[1] === "天" ? 0 : ZH_WEEKDAYS.indexOf(zh[1]!);
  return undefined;
}

/** "9:05", "09:05", "09：05" (full-width colon) → { hour, minute }; undefined otherwise. */
export function parseTime(word: string): { hour: number; minute: number } | undefined {
  const m = /^(\d{1,2})[:：](\d{2})$/.exec(word);
  if (!m) return undefined;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  return hour <= 23 && minute <= 59 ? { hour, minute } : undefined;
}

const zoneCache = new Map<string, string | null>();

/** The canonical name of an IANA time zone ("europe/berlin" → "Europe/Berlin", "utc" → "UTC"), or undefined. */
export function canonicalZone(name: string): string | undefined {
  if (!zoneCache.has(name)) {
    let canon: string | null = null;
    try {
      canon = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
    } catch {
      canon = null;
    }
    zoneCache.set(name, canon);
  }
  return zoneCache.get(name) ?? undefined;
}

/** Words that stand for a time zone after the time: names with a slash, or UTC/GMT. */
function looksLikeZone(word: string): boolean {
  return word.includes("/") || /^(utc|gmt|z)$/i.test(word);
}

/**
 * The words after `/digest` → schedule and topic. `daily HH:MM [TZ] [topic…]` or
 * `weekly <day> HH:MM [TZ] [topic…]`; TZ is an IANA name with a slash ("Asia/Almaty") or UTC/GMT
 * (single-word legacy zones such as "Japan" are read as topic words); the default zone is UTC.
 */
/** Topic words are matched against each event; a few words are plenty. */
export const MAX_TOPIC = 100;

export function parseSchedule(text: string): ParsedSchedule {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const kind = words.shift()?.toLowerCase();
  if (kind !== "daily" && kind !== "weekly") return { ok: false, error: "expected daily or weekly" };
  let weekday: number | undefined;
  if (kind === "weekly") {
    const w = words.shift();
    weekday = w === undefined ? undefined : parseWeekday(w);
    if (weekday === undefined) return { ok: false, error: w ? `"${w}" is not a day of the week (mon … sun)` : "weekly needs a day (mon … sun)" };
  }
  const t = words.shift();
  const time = t === undefined ? undefined : parseTime(t);
  if (!time) return { ok: false, error: t ? `"${t}" is not a time (HH:MM, 00:00 … 23:59)` : "a time is needed (HH:MM)" };
  let tz = "UTC";
  if (words.length && looksLikeZone(words[0]!)) {
    const z = canonicalZone(/^z$/i.test(words[0]!) ? "UTC" : words[0]!);
    if (!z) return { ok: false, error: `"${words[0]}" is not a known time zone (use an IANA name such as Europe/Berlin)` };
    tz = z;
    words.shift();
  }
  const topic = words.join(" ").trim();
  if ([...topic].length > MAX_TOPIC) return { ok: false, error: `the topic is too long (at most ${MAX_TOPIC} characters)` };
  const schedule: Schedule = { kind, ...(weekday !== undefined ? { weekday } : {}), hour: time.hour, minute: time.minute, tz };
  return { ok: true, schedule, ...(topic ? { topic } : {}) };
}

/** The canonical text of a schedule without its zone: "daily 09:00", "weekly mon 09:00". Parses back with parseSchedule. */
export function scheduleSpec(s: Schedule): string {
  const hm = `${pad(s.hour)}:${pad(s.minute)}`;
  return s.kind === "weekly" ? `weekly ${SHORT_DAYS[s.weekday ?? 1]} ${hm}` : `daily ${hm}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

const partsCache = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(tz: string): Intl.DateTimeFormat {
  let f = partsCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
    });
    partsCache.set(tz, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a zone. */
export function localParts(ms: number, tz: string): { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number } {
  const p: Record<string, number> = {};
  for (const part of zoneFormatter(tz).formatToParts(ms)) if (part.type !== "literal") p[part.type] = Number(part.value);
  const weekday = new Date(Date.UTC(p.year!, p.month! - 1, p.day!)).getUTCDay();
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second!, weekday };
}

/** The zone's offset from UTC at an instant, in ms (Berlin in summer: +7,200,000). */
export function zoneOffset(ms: number, tz: string): number {
  const p = localParts(ms, tz);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant a wall-clock time happens in a zone. Ambiguous (fall back): the earlier one. Missing
 * (spring forward): shifted forward by the gap, i.e. read with the offset in force before it.
 */
export function zonedInstant(year: number, month: number, day: number, hour: number, minute: number, tz: string): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const before = zoneOffset(wall - DAY, tz);
  const after = zoneOffset(wall + DAY, tz);
  const valid = [...new Set([before, after])].map((o) => wall - o).filter((t) => zoneOffset(t, tz) === wall - t);
  if (valid.length) return Math.min(...valid);
  return wall - before;
}

/** The first run of the schedule strictly after `after` (epoch ms). */
export function nextRun(s: Schedule, after: number): number {
  const today = localParts(after, s.tz);
  for (let d = 0; d <= 8; d++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + d));
    if (s.kind === "weekly" && date.getUTCDay() !== s.weekday) continue;
    const t = zonedInstant(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), s.hour, s.minute, s.tz);
    if (t > after) return t;
  }
  throw new Error("no run within eight days"); // cannot happen: every day or every weekday recurs within a week
}

/** "every Monday at 09:00 (Asia/Almaty)" / "每周一 09:00(Asia/Almaty 时间)". */
export function describeSchedule(s: Schedule, lang: Lang): string {
  const hm = `${pad(s.hour)}:${pad(s.minute)}`;
  if (lang === "zh") return `${s.kind === "weekly" ? `每周${ZH_WEEKDAYS[s.weekday ?? 1]}` : "每天"} ${hm}(${s.tz} 时间)`;
  return `${s.kind === "weekly" ? `every ${EN_DAY_NAMES[s.weekday ?? 1]}` : "every day"} at ${hm} (${s.tz})`;
}

/** An instant for people, in a zone: "Mon 13 May 2024, 09:00 (Asia/Almaty)" / "2024年5月13日(周一)09:00(Asia/Almaty)". */
export function formatInstant(ms: number, tz: string, lang: Lang): string {
  const p = localParts(ms, tz);
  const hm = `${pad(p.hour)}:${pad(p.minute)}`;
  if (lang === "zh") return `${p.year}年${p.month}月${p.day}日(周${ZH_WEEKDAYS[p.weekday]})${hm}(${tz})`;
  const month = new Date(Date.UTC(2000, p.month - 1, 1)).toLocaleString("en-GB", { month: "short", timeZone: "UTC" });
  return `${EN_DAY_NAMES[p.weekday]!.slice(0, 3)} ${p.day} ${month} ${p.year}, ${hm} (${tz})`;
}
