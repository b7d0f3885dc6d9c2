/**
 * Answer → Telegram HTML messages. `renderTelegram(answer)` takes a neutral Answer and returns the
 * messages to send (each ≤ 4,096 characters, `parse_mode: "HTML"`): the direct answer first, then
 * compact sources (title, date, short quote), with Chinese labels when the answer is Chinese.
 * Every piece of user or corpus text is escaped here; nothing else in the adapter writes markup.
 * The building blocks (`Line`, `toMessages`, `escapeHtml`) are shared with the command texts.
 */
import type { Answer } from "../../src/answer.ts";
import type { Lang } from "../../src/types.ts";

/** Telegram's limit for one message's text. */
export const MAX_MESSAGE = 4096;
/** Quotes and titles are cut to these many characters (code points) in source lists. */
export const MAX_QUOTE = 200;
export const MAX_TITLE = 150;

/** A run of plain text, optionally wrapped in one formatting tag. Text is raw; it is escaped when rendered. */
export interface Segment {
  text: string;
  tag?: "b" | "i" | "code";
}
/** One output line: its segments are rendered side by side; every tag opens and closes within the line. */
export type Line = Segment[];

const LABELS: Record<Lang, { sources: string; related: string }> = {
  en: { sources: "Sources", related: "What the corpus does know" },
  zh: { sources: "来源", related: "语料中相关的内容" },
};

/** Escapes the three characters Telegram HTML reserves outside tags. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Drops control characters (keeps tab and newline) that would only confuse clients. */
export function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
}

/** Cuts `s` to at most `max` code points, at a space when one is near the end, adding "…". */
export function truncate(s: string, max: number): string {
  const cps = [...s];
  if (cps.length <= max) return s;
  let cut = max - 1;
  const space = cps.lastIndexOf(" ", cut);
  if (space > max * 0.75) cut = space;
  return cps.slice(0, cut).join("").trimEnd() + "…";
}

/** Plain segment(s) for a piece of text that may hold newlines: one Line per text line. */
export function textLines(text: string, tag?: Segment["tag"]): Line[] {
  return clean(text)
    .split("\n")
    .map((t) => (t ? [{ text: t, tag }] : []));
}

function segmentHtml(s: Segment): string {
  const e = escapeHtml(s.text);
  return s.tag && e ? `<${s.tag}>${e}</${s.tag}>` : e;
}

export function lineHtml(line: Line): string {
  return line.map(segmentHtml).join("");
}

/** Hard-splits one line that is too long into pieces ≤ limit, never inside an entity, a tag or a code point. */
function splitLine(line: Line, limit: number): string[] {
  const out: string[] = [];
  let cur = "";
  for (const seg of line) {
    const overhead = seg.tag ? 2 * seg.tag.length + 5 : 0;
    const cps = [...seg.text];
    let i = 0;
    while (i < cps.length) {
      const room = limit - cur.length - overhead;
      let n = 0;
      let len = 0;
      while (i + n < cps.length) {
        const l = escapeHtml(cps[i + n]!).length;
        if (len + l > room) break;
        len += l;
        n++;
      }
      if (n === 0) {
        // Not even one character fits after what this piece already holds: start a new piece.
        if (!cur) throw new Error("message limit too small");
        out.push(cur);
        cur = "";
        continue;
      }
      if (i + n < cps.length) {
        // Prefer to break after a space near the end of the piece.
        for (let k = n - 1; k > n * 0.8; k--) {
          if (/\s/.test(cps[i + k]!)) {
            n = k + 1;
            break;
          }
        }
      }
      cur += segmentHtml({ text: cps.slice(i, i + n).join(""), tag: seg.tag });
      i += n;
      if (i < cps.length) {
        out.push(cur);
        cur = "";
      }
    }
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * Lines → messages of at most `limit` characters, split on line boundaries (a single over-long line
 * is hard-split without breaking a tag or an entity). Blank lines at a message's start or end are
 * dropped, and no message is empty.
 */
export function toMessages(lines: Line[], limit = MAX_MESSAGE): string[] {
  const messages: string[] = [];
  let cur: string[] = [];
  let size = 0;
  const flush = () => {
    while (cur.length && !cur[cur.length - 1]!.trim()) cur.pop();
    if (cur.length) messages.push(cur.join("\n"));
    cur = [];
    size = 0;
  };
  for (const line of lines) {
    const html = lineHtml(line);
    const pieces = html.length <= limit ? [html] : splitLine(line, limit);
    for (const p of pieces) {
      if (!cur.length && !p.trim()) continue; // no blank line at the start of a message
      const added = cur.length ? size + 1 + p.length : p.length;
      if (added > limit) {
        flush();
        if (!p.trim()) continue;
        cur.push(p);
        size = p.length;
      } else {
        cur.push(p);
        size = added;
      }
    }
  }
  flush();
  return messages;
}

/** The answer as Lines (before splitting into messages). */
export function answerLines(a: Answer): Line[] {
  const L = LABELS[a.lang] ?? LABELS.en;
  const lines: Line[] = textLines(a.answer.trim() || "…", a.found && !a.help ? "b" : undefined);
  if (a.related?.length) {
    lines.push([], [{ text: `${L.related}:`, tag: "i" }]);
    for (const r of a.related) lines.push([{ text: `• ${clean(r).replace(/\n+/g, " ")}` }]);
  }
  if (a.sources.length) {
    lines.push([], [{ text: L.sources, tag: "b" }]);
    a.sources.forEach((s, i) => {
      const title = truncate(clean(s.title).replace(/\s+/g, " ").trim(), MAX_TITLE) || s.file;
      lines.push([{ text: `${i + 1}. ${title}${s.date ? ` · ${s.date}` : ""}` }]);
      const quote = truncate(clean(s.quote).replace(/\s+/g, " ").trim(), MAX_QUOTE);
      if (quote) lines.push([{ text: `“${quote}”`, tag: "i" }]);
    });
  }
  return lines;
}

/** Renders a neutral Answer as Telegram HTML messages, each ≤ 4,096 characters. */
export function renderTelegram(answer: Answer): string[] {
  return toMessages(answerLines(answer));
}
