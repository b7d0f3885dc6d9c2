/**
 * What the bot says besides answers, in English and Chinese: /start, /help, /sources, the usage of
 * an empty /ask, the hint for stickers/photos, the apology after a failure, and the command menu
 * for setMyCommands. Each takes the corpus summary / example questions it shows and returns
 * Telegram HTML messages (escaped and split by render.ts).
 */
import type { CorpusSummary } from "../../src/core.ts";
import type { Lang } from "../../src/types.ts";
import { MAX_TITLE, toMessages, truncate, type Line } from "./render.ts";

/** The commands shown in Telegram's menu (setMyCommands), per language. */
export const COMMANDS: Record<Lang, { command: string; description: string }[]> = {
  en: [
    { command: "ask", description: "Ask a question about the news" },
    { command: "digest", description: "Scheduled news digest for this chat" },
    { command: "sources", description: "What the news corpus holds" },
    { command: "help", description: "How to ask" },
    { command: "start", description: "What this bot knows" },
    { command: "ingest", description: "Add an article (admins only)" },
  ],
  zh: [
    { command: "ask", description: "就新闻提问" },
    { command: "digest", description: "本聊天的定时新闻摘要" },
    { command: "sources", description: "语料库包含哪些文章" },
    { command: "help", description: "使用说明" },
    { command: "start", description: "机器人简介" },
    { command: "ingest", description: "添加文章(仅限管理员)" },
  ],
};

/** At most this many article titles are listed by /sources. */
export const MAX_LISTED = 50;

const LANG_NAMES: Record<Lang, Record<Lang, string>> = {
  en: { en: "English", zh: "Chinese" },
  zh: { en: "英文", zh: "中文" },
};

function range(s: CorpusSummary, lang: Lang): string {
  if (!s.from) return "";
  if (s.from === s.to || !s.to) return lang === "zh" ? `,日期:${s.from}` : `, dated ${s.from}`;
  return lang === "zh" ? `,时间范围 ${s.from} 至 ${s.to}` : `, from ${s.from} to ${s.to}`;
}

function languages(s: CorpusSummary, lang: Lang): string {
  return s.languages.map((l) => LANG_NAMES[lang][l] ?? l).join(lang === "zh" ? "、" : " and ");
}

function exampleLines(examples: string[]): Line[] {
  return examples.map((e) => [{ text: `• ${e}` }]);
}

function groupHowTo(lang: Lang, username: string): Line[] {
  return lang === "zh"
    ? [[{ text: `在群组中:发送 /ask 问题,或 @${username} 加问题,或回复我的消息。` }]]
    : [[{ text: `In groups: send /ask followed by your question, mention @${username}, or reply to one of my messages.` }]];
}

/** /start: what the bot knows (article count, languages, date range) and example questions. */
export function startMessages(s: CorpusSummary, examples: string[], lang: Lang, username: string): string[] {
  const lines: Line[] =
    lang === "zh"
      ? [
          [{ text: "新闻问答机器人", tag: "b" }],
          [{ text: `我根据 ${s.articles} 篇新闻文章(${languages(s, lang)}${range(s, lang)})回答简短的事实性问题,并给出原文出处。` }],
          [],
          [{ text: "可以用中文或英文提问,例如:" }],
        ]
      : [
          [{ text: "News bot", tag: "b" }],
          [{ text: `I answer short factual questions about ${s.articles} news articles (${languages(s, lang)}${range(s, lang)}), quoting the source sentence.` }],
          [],
          [{ text: "Ask in English or Chinese, for example:" }],
        ];
  lines.push(...exampleLines(examples), [], ...groupHowTo(lang, username));
  lines.push([{ text: lang === "zh" ? "/sources 查看语料 · /help 使用说明" : "/sources — what the corpus holds · /help — how to ask" }]);
  return toMessages(lines);
}

/** /help: how to ask, in private chats and in groups. */
export function helpMessages(examples: string[], lang: Lang, username: string): string[] {
  const lines: Line[] =
    lang === "zh"
      ? [
          [{ text: "如何提问", tag: "b" }],
          [{ text: "私聊:直接发送问题即可。我只回答语料中有记载的内容,并附上出处;没有记载时会直接说明。" }],
          ...groupHowTo(lang, username),
          [],
          [{ text: "例如:" }],
        ]
      : [
          [{ text: "How to ask", tag: "b" }],
          [{ text: "In a private chat, just send your question. I answer only from the news corpus and quote my sources; when the corpus does not say, I tell you so." }],
          ...groupHowTo(lang, username),
          [],
          [{ text: "For example:" }],
        ];
  lines.push(...exampleLines(examples), []);
  lines.push(
    ...(lang === "zh"
      ? [[{ text: "/ask 问题 — 提问" }], [{ text: "/sources — 语料概况" }], [{ text: "/digest — 定时新闻摘要(/digest help 查看用法)" }], [{ text: "/start — 机器人简介" }]]
      : [[{ text: "/ask question — ask a question" }], [{ text: "/sources — what the corpus holds" }], [{ text: "/digest — scheduled news digests (/digest help for how)" }], [{ text: "/start — what this bot knows" }]]),
  );
  return toMessages(lines);
}

/** /sources: article count, languages, date range and the article titles with dates. */
export function sourcesMessages(s: CorpusSummary, lang: Lang): string[] {
  const lines: Line[] = [
    [{ text: lang === "zh" ? "语料概况" : "The corpus", tag: "b" }],
    [{ text: lang === "zh" ? `${s.articles} 篇文章(${languages(s, lang)}${range(s, lang)})` : `${s.articles} articles (${languages(s, lang)}${range(s, lang)})` }],
    [],
  ];
  s.titles.slice(0, MAX_LISTED).forEach((t, i) => {
    const title = truncate(t.title.replace(/\s+/g, " ").trim(), MAX_TITLE) || t.file;
    lines.push([{ text: `${i + 1}. ${title}${t.date ? ` · ${t.date}` : ""}` }]);
  });
  const more = s.titles.length - MAX_LISTED;
  if (more > 0) lines.push([{ text: lang === "zh" ? `……另有 ${more} 篇` : `… and ${more} more`, tag: "i" }]);
  return toMessages(lines);
}

/** Empty /ask: how to use it, with example questions. */
export function usageMessages(examples: string[], lang: Lang, username: string): string[] {
  const lines: Line[] =
    lang === "zh"
      ? [[{ text: "用法:" }, { text: "/ask 问题", tag: "code" }], [{ text: `也可以 @${username} 加问题。例如:` }]]
      : [[{ text: "Usage: " }, { text: "/ask <question>", tag: "code" }], [{ text: `or mention @${username} with your question. For example:` }]];
  lines.push(...examples.map((e): Line => [{ text: "/ask " + e, tag: "code" }]));
  return toMessages(lines);
}

/** Private chat, a message without text (sticker, photo, voice…). */
export function nonTextHint(lang: Lang): string[] {
  return toMessages([[{ text: lang === "zh" ? "我只能回答文字问题,请用文字提问。发送 /help 查看示例。" : "I can only answer text questions — please type your question. Send /help for examples." }]]);
}

/** Private chat, a command the bot does not have. */
export function unknownCommand(lang: Lang): string[] {
  return toMessages([[{ text: lang === "zh" ? "没有这个命令。发送 /help 查看用法。" : "I don't know that command. Send /help to see what I can do." }]]);
}

/** After a failure while handling an update. */
export function apology(lang: Lang): string {
  return lang === "zh" ? "抱歉,处理时出错了,请稍后再试。" : "Sorry, something went wrong answering that. Please try again.";
}
