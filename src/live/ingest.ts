/**
 * Adding an article from chat (`/ingest`). `ingestArticle(live, input)` takes pasted text or an attached
 * file's bytes (.txt/.md/.html/.htm), saves it into the data folder under a generated safe name
 * (`ingested/<UTC time>-<slug>-<random>.<ext>`; the sender's file name is never used as a path), syncs
 * the live corpus and returns what came of it: the article's title and event count, or why it was
 * refused (a file the corpus cannot read is removed again). `ingestLines` words the outcome, and
 * `isAdmin` checks a user against a comma-separated allow-list setting.
 */
import { randomBytes } from "node:crypto";
import { mkdir, unlink, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { CORPUS_EXTENSIONS } from "../corpus/load.ts";
import type { Lang } from "../types.ts";
import type { Line } from "../digest/texts.ts";
import type { LiveCorpus } from "./watch.ts";

/** Largest article accepted from chat. */
export const INGEST_MAX_BYTES = 2_000_000;
/** Shortest pasted text worth saving. */
export const INGEST_MIN_CHARS = 40;
export const INGEST_FOLDER = "ingested";

export interface IngestInput {
  /** Pasted text (plain, or HTML when it starts like a page). */
  text?: string;
  /** An attached file's content. */
  bytes?: Buffer;
  /** The attached file's name, only for its extension. */
  filename?: string;
  now: Date;
}

export type IngestOutcome =
  | { ok: true; file: string; title: string; events: number }
  | { ok: false; reason: "empty" | "too-short" | "too-large" | "type" | "unreadable" | "disabled"; detail?: string };

/** Allow-list setting ("123, 456") → set of ids. */
export function adminSet(setting: string | undefined): Set<string> {
  return new Set((setting ?? "").split(",").map((s) => s.trim()).filter(Boolean));
}

export function isAdmin(setting: string | undefined, userId: string | number | undefined): boolean {
  return userId !== undefined && adminSet(setting).has(String(userId));
}

/** A page's <title> or <h1>, else the first line of the text → ASCII slug (at most 40 characters), or "article". */
export function slugOf(text: string): string {
  const heading = /<(title|h1)[^>]*>([^<]*)</i.exec(text)?.[2];
  const first = (heading ?? "") || (text.split("\n").map((l) => l.replace(/<[^>]*>/g, " ").trim()).find(Boolean) ?? "");
  const slug = first
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return slug || "article";
}

/** The generated relative path for an ingested article. */
export function ingestPath(text: string, ext: string, now: Date): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, "Z").replace(/[-:]/g, "");
  return `${INGEST_FOLDER}/${stamp}-${slugOf(text)}-${randomBytes(3).toString("hex")}${ext}`;
}

/** Why an attached file cannot be added, judged from its name and announced size before fetching it; undefined when it may. */
export function fileRefusal(filename: string | undefined, size: number | undefined): IngestOutcome | undefined {
  const ext = extname(filename ?? "").toLowerCase() || ".txt";
  if (!CORPUS_EXTENSIONS.includes(ext)) return { ok: false, reason: "type", detail: ext };
  if ((size ?? 0) > INGEST_MAX_BYTES) return { ok: false, reason: "too-large" };
  return undefined;
}

export async function ingestArticle(live: LiveCorpus, input: IngestInput): Promise<IngestOutcome> {
  let bytes: Buffer;
  let ext: string;
  if (input.bytes) {
    const refused = fileRefusal(input.filename, 0);
    if (refused) return refused;
    ext = extname(input.filename ?? "").toLowerCase() || ".txt";
    bytes = input.bytes;
  } else {
    const text = (input.text ?? "").trim();
    if (!text) return { ok: false, reason: "empty" };
    if ([...text].length < INGEST_MIN_CHARS) return { ok: false, reason: "too-short" };
    ext = /^\s*<(!doctype|html)/i.test(text) ? ".html" : ".txt";
    bytes = Buffer.from(text + "\n", "utf8");
  }
  if (!bytes.length) return { ok: false, reason: "empty" };
  if (bytes.length > INGEST_MAX_BYTES) return { ok: false, reason: "too-large" };

  const file = ingestPath(bytes.subarray(0, 4000).toString("utf8"), ext, input.now);
  const path = join(live.dataDir, file);
  await mkdir(join(live.dataDir, INGEST_FOLDER), { recursive: true });
  await writeFile(path, bytes, { flag: "wx" });
  await live.sync([file]);
  const core = live.core;
  const article = core.corpus.articles.find((a) => a.file === file);
  if (!article) {
    const problem = core.problems.find((p) => p.file === file);
    await unlink(path).catch(() => undefined);
    await live.sync([file]);
    return { ok: false, reason: "unreadable", detail: problem?.reason };
  }
  return { ok: true, file, title: article.title, events: core.events().filter((e) => e.file === file).length };
}

/** The reply to /ingest. */
export function ingestLines(o: IngestOutcome, lang: Lang): Line[] {
  const zh = lang === "zh";
  if (o.ok) {
    return [
      [{ text: zh ? "已加入语料库:" : "Added to the corpus: ", tag: "b" }, { text: o.title, tag: "i" }],
      [{ text: zh ? `文件 ${o.file},提取到 ${o.events} 个事件。现在就可以提问。` : `File ${o.file}, ${o.events} event${o.events === 1 ? "" : "s"} found. Questions about it work now.` }],
    ];
  }
  const why: Record<typeof o.reason, [string, string]> = {
    empty: [
      "Send /ingest followed by the article's text (on Telegram you can also send a .txt or .html file with /ingest as its caption).",
      "用法:/ingest 后接文章全文(在 Telegram 中也可以发送 .txt / .html 文件,并以 /ingest 作为说明)。",
    ],
    "too-short": [`That is too short to be an article (at least ${INGEST_MIN_CHARS} characters).`, `内容太短,不像一篇文章(至少 ${INGEST_MIN_CHARS} 个字符)。`],
    "too-large": [`That file is too large (at most ${INGEST_MAX_BYTES / 1_000_000} MB).`, `文件太大(最多 ${INGEST_MAX_BYTES / 1_000_000} MB)。`],
    type: [`I can only add ${CORPUS_EXTENSIONS.join(" ")} files${o.detail ? `, not ${o.detail}` : ""}.`, `只能添加 ${CORPUS_EXTENSIONS.join(" ")} 文件${o.detail ? `,不支持 ${o.detail}` : ""}。`],
    disabled: ["Adding articles from chat is not enabled for this bot.", "此机器人未启用从聊天添加文章的功能。"],
    unreadable: [`I could not read an article in that${o.detail ? `: ${o.detail}` : ""}. Nothing was added.`, `无法从中读出文章${o.detail ? `:${o.detail}` : ""}。未添加任何内容。`],
  };
  return [[{ text: why[o.reason][zh ? 1 : 0] }]];
}

/** The reply to /ingest from someone who is not an admin. */
export function ingestRefusedLines(lang: Lang): Line[] {
  return [[{ text: lang === "zh" ? "抱歉,只有管理员可以向语料库添加文章。" : "Sorry, only the bot's admins can add articles to the corpus." }]];
}
