/**
 * What the bot says about digests, in English and Chinese, as neutral rich lines: a Line is a list of
 * Segments (raw text, optionally bold / italic / code). Takes a Digest, a Subscription or a command's
 * outcome; returns Lines that each platform escapes and marks up (Telegram HTML, Slack mrkdwn, plain
 * text for the console and CLI). No markup and no escaping here.
 */
import { formatDate } from "../extract/dates.ts";
import type { Subscription } from "../state/store.ts";
import type { Lang } from "../types.ts";
import type { Digest, DigestItem, DigestSource } from "./compose.ts";
import { describeSchedule, formatInstant } from "./schedule.ts";

export interface Segment {
  text: string;
  tag?: "b" | "i" | "code";
}
export type Line = Segment[];

/** Event descriptions and titles are cut to these many characters (code points). */
export const MAX_WHAT = 320;
export const MAX_TITLE = 150;

/** Lines as plain text (console, CLI, logs). */
export function linesToPlain(lines: Line[]): string {
  return lines.map((l) => l.map((s) => s.text).join("")).join("\n");
}

function cut(s: string, max: number): string {
  const cps = [...s.replace(/\s+/g, " ").trim()];
  return cps.length <= max ? cps.join("") : cps.slice(0, max - 1).join("").trimEnd() + "…";
}

const L = {
  en: {
    title: "News digest",
    count: (events: number, articles: number) => `${events} event${events === 1 ? "" : "s"} from ${articles} new article${articles === 1 ? "" : "s"}`,
    window: (since: string) => `New since ${since}`,
    topic: (t: string) => `topic: ${t}`,
    undated: "Date not stated",
    where: "Where",
    who: "Who",
    source: "Source",
    updated: "updated",
    alsoNew: "Also new (no event found)",
  },
  zh: {
    title: "新闻摘要",
    count: (events: number, articles: number) => `${articles} 篇新文章中的 ${events} 个事件`,
    window: (since: string) => `自 ${since} 以来的新内容`,
    topic: (t: string) => `主题:${t}`,
    undated: "日期未说明",
    where: "地点",
    who: "人物",
    source: "来源",
    updated: "已更新",
    alsoNew: "其他新文章(未提取到事件)",
  },
} as const;

function sourceLine(s: DigestSource, lang: Lang): Line {
  const T = L[lang];
  const meta = [s.published, s.file, s.updated ? T.updated : ""].filter(Boolean).join(" · ");
  return [{ text: `   ${T.source}: ` }, { text: cut(s.title || s.file, MAX_TITLE), tag: "i" }, { text: meta ? ` (${meta})` : "" }];
}

function itemLines(it: DigestItem, lang: Lang): Line[] {
  const T = L[lang];
  const lines: Line[] = [[{ text: `• ${cut(it.what, MAX_WHAT)}` }]];
  const facts = [it.place ? `${T.where}: ${it.place}` : "", it.who.length ? `${T.who}: ${it.who.join(", ")}` : ""].filter(Boolean);
  if (facts.length) lines.push([{ text: `   ${facts.join(" · ")}` }]);
  lines.push(sourceLine(it.source, lang));
  return lines;
}

/** The digest: a heading with counts and window, then events grouped under their date, then eventless new articles. */
export function digestLines(d: Digest): Line[] {
  const lang = d.lang;
  const T = L[lang];
  const files = new Set([...d.items.map((i) => i.source.file), ...d.articles.map((a) => a.file)]);
  const lines: Line[] = [
    [{ text: `${T.title} · ${T.count(d.items.length, files.size)}`, tag: "b" }],
    [{ text: [T.window(formatInstant(d.since, d.tz, lang)), d.topic ? T.topic(d.topic) : ""].filter(Boolean).join(" · "), tag: "i" }],
  ];
  let group: string | undefined;
  for (const it of d.items) {
    const label = it.date.year || it.date.month ? formatDate(it.date, lang) : T.undated;
    if (label !== group) {
      lines.push([], [{ text: label, tag: "b" }]);
      group = label;
    }
    lines.push(...itemLines(it, lang));
  }
  if (d.articles.length) {
    lines.push([], [{ text: T.alsoNew, tag: "b" }]);
    for (const a of d.articles) lines.push([{ text: "• " }, ...sourceLine(a, lang).slice(1)]);
  }
  return lines;
}

const USAGE: Record<Lang, string[]> = {
  en: [
    "/digest daily HH:MM [time zone] [topic] — a digest every day",
    "/digest weekly mon HH:MM [time zone] [topic] — every week (mon … sun)",
    "/digest — show this chat's subscription",
    "/digest now — post the digest now",
    "/digest off — stop",
  ],
  zh: [
    "/digest daily HH:MM [时区] [主题] — 每天推送摘要",
    "/digest weekly mon HH:MM [时区] [主题] — 每周推送(mon … sun)",
    "/digest — 查看本聊天的订阅",
    "/digest now — 立即推送摘要",
    "/digest off — 取消订阅",
  ],
};

/** Usage, after an optional reason the input was refused. */
export function usageLines(lang: Lang, problem?: string): Line[] {
  const lines: Line[] = [];
  if (problem) lines.push([{ text: lang === "zh" ? `无法理解:${problem}` : `I could not read that: ${problem}.` }], []);
  lines.push([{ text: lang === "zh" ? "新闻摘要订阅" : "News digests", tag: "b" }]);
  for (const u of USAGE[lang]) {
    const [cmd, what] = u.split(" — ");
    lines.push([{ text: cmd!, tag: "code" }, { text: ` — ${what}` }]);
  }
  lines.push([
    { text: lang === "zh" ? "时区使用 IANA 名称,默认 UTC。例如:" : "Time zones are IANA names; the default is UTC. Example: " },
    { text: "/digest weekly mon 09:00 Asia/Almaty energy", tag: "code" },
  ]);
  return lines;
}

function subscriptionFacts(s: Subscription, lang: Lang): Line[] {
  const lines: Line[] = [
    [{ text: lang === "zh" ? "时间:" : "When: " }, { text: describeSchedule(s.schedule, lang), tag: "b" }],
    [{ text: lang === "zh" ? "下次推送:" : "Next digest: " }, { text: formatInstant(s.nextRun, s.schedule.tz, lang) }],
  ];
  if (s.topic) lines.push([{ text: lang === "zh" ? "主题:" : "Topic: " }, { text: s.topic, tag: "i" }]);
  return lines;
}

/** After `/digest daily|weekly …`: the schedule in words and the next run. */
export function subscribedLines(s: Subscription, replaced: boolean, lang: Lang): Line[] {
  const head = lang === "zh"
    ? replaced ? "已更新本聊天的摘要订阅。" : "已订阅新闻摘要。"
    : replaced ? "Updated this chat's digest." : "Subscribed: this chat will get a news digest.";
  const tail = lang === "zh" ? "摘要只包含订阅之后进入语料库的文章。" : "Each digest holds the articles that entered the corpus since the previous one.";
  return [[{ text: head, tag: "b" }], ...subscriptionFacts(s, lang), [{ text: tail, tag: "i" }]];
}

/** `/digest`: the subscription, or that there is none. */
export function showLines(s: Subscription | undefined, lang: Lang): Line[] {
  if (!s) {
    return [
      [{ text: lang === "zh" ? "本聊天没有订阅摘要。" : "This chat has no digest subscription." }],
      [{ text: lang === "zh" ? "订阅:" : "Subscribe with " }, { text: "/digest daily 09:00 Europe/Berlin", tag: "code" }],
    ];
  }
  return [
    [{ text: lang === "zh" ? "本聊天的摘要订阅" : "This chat's digest", tag: "b" }],
    ...subscriptionFacts(s, lang),
    // The cursor: the subscription's start until a first digest, then the end of the last one.
    [{ text: lang === "zh" ? "下次摘要包含此后新增的文章:" : "The next digest holds articles added since: " }, { text: formatInstant(s.cursor, s.schedule.tz, lang) }],
  ];
}

export function offLines(removed: boolean, lang: Lang): Line[] {
  if (lang === "zh") return [[{ text: removed ? "已取消本聊天的摘要订阅。" : "本聊天没有订阅摘要。" }]];
  return [[{ text: removed ? "Digest stopped for this chat." : "This chat has no digest subscription." }]];
}

export function nothingNewLines(since: number, tz: string, lang: Lang): Line[] {
  const when = formatInstant(since, tz, lang);
  return [[{ text: lang === "zh" ? `自 ${when} 以来没有新内容。` : `Nothing new since ${when}.` }]];
}

export function noSubscriptionForNowLines(lang: Lang): Line[] {
  return [
    [{ text: lang === "zh" ? "本聊天没有订阅摘要,请先订阅:" : "This chat has no digest subscription yet. Subscribe first: " }, { text: "/digest daily 09:00", tag: "code" }],
  ];
}

export function busyLines(lang: Lang): Line[] {
  return [[{ text: lang === "zh" ? "正在推送本聊天的摘要,请稍候。" : "A digest for this chat is being posted right now." }]];
}

export function failedLines(lang: Lang, retrying: boolean): Line[] {
  const en = retrying ? "Posting the digest failed; I will try again shortly." : "Posting the digest failed. Check that I may post in this chat.";
  const zh = retrying ? "摘要推送失败,稍后会重试。" : "摘要推送失败,请确认我有权限在此聊天中发言。";
  return [[{ text: lang === "zh" ? zh : en }]];
}

export function unavailableLines(lang: Lang): Line[] {
  return [[{ text: lang === "zh" ? "此机器人未启用摘要功能。" : "Digests are not enabled for this bot." }]];
}
