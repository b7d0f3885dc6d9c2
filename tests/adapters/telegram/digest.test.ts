/**
 * Digests and /ingest on Telegram, end to end: the real grammY bot over long polling against the local
 * fake Bot API, a real Core over a temporary copy of the fixture corpus, a real SQLite state file, and
 * an injected clock. Subscribe, add articles (dropped in the folder, pasted, attached), /digest now,
 * restart on the same state file, then a scheduled digest.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Chat } from "grammy/types";
import { createTelegramAdapter, type TelegramAdapter } from "../../../adapters/telegram/index.ts";
import { renderTelegramDigest } from "../../../adapters/telegram/publisher.ts";
import { escapeHtml } from "../../../adapters/telegram/render.ts";
import { COMMANDS } from "../../../adapters/telegram/texts.ts";
import { loadConfig } from "../../../src/config.ts";
import { Core } from "../../../src/core.ts";
import { openDigestRuntime, type DigestRuntime } from "../../../src/digest/runtime.ts";
import { createLogger } from "../../../src/logger.ts";
import { openSqliteStore } from "../../../src/state/sqlite.ts";
import { article, clock, copyFixture, put, tempDir } from "../../helpers/state.ts";
import { BOT_INFO, FakeBotApi, TOKEN } from "./fake-bot-api.ts";
import { FIXTURE_DIR } from "./helpers.ts";

const ADMIN = { id: 4242, is_bot: false, first_name: "Ann", language_code: "en" };
const STRANGER = { id: 5151, is_bot: false, first_name: "Bo", language_code: "en" };
const group = { id: -100500, type: "supergroup", title: "Newsroom" } as Chat;
const adminChat = { id: 4242, type: "private", first_name: "Ann" } as Chat;
const strangerChat = { id: 5151, type: "private", first_name: "Bo" } as Chat;

let api: FakeBotApi;
let dir: string;
let core: Core;
let dbPath: string;
const c = clock("2024-05-10T10:00:00Z");
const logs: string[] = [];

interface Bot extends DigestRuntime {
  adapter: TelegramAdapter;
}
let bot: Bot;

/** One "process": its own state connection, live corpus, scheduler and adapter, over the shared corpus and state file. */
async function boot(): Promise<Bot> {
  const store = openSqliteStore(dbPath);
  const logger = createLogger("debug", { write: (l: string) => void logs.push(l) });
  const runtime = await openDigestRuntime({ core, store, now: c.now, logger });
  const config = loadConfig({ DATA_DIR: dir, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.url, TELEGRAM_ADMINS: `${ADMIN.id}, 999` });
  const adapter = createTelegramAdapter({ core, config, logger, now: c.now, digests: runtime.services, live: runtime.live }, { botInfo: BOT_INFO })!;
  await adapter.start();
  return { ...runtime, adapter };
}

async function shutdown(b: Bot): Promise<void> {
  await b.adapter.stop();
  await b.close();
}

/** Sends a message and returns the next `n` texts the bot sends to that chat. */
async function exchange(chat: Chat, text: string | undefined, extra = {}, from = ADMIN, n = 1): Promise<string[]> {
  const before = api.sentTo(chat.id).length;
  api.say(chat, text, extra, from as never);
  return api.waitFor(() => (api.sentTo(chat.id).length >= before + n ? api.sentTo(chat.id).slice(before) : null), 5000, `reply to ${text}`);
}

beforeAll(async () => {
  api = await FakeBotApi.start();
  dir = copyFixture(FIXTURE_DIR);
  core = await Core.load({ dataDir: dir, now: c.now });
  dbPath = join(tempDir(), "var", "state.db");
  bot = await boot();
});

afterAll(async () => {
  if (bot) await shutdown(bot);
  await api?.close();
  expect(logs.join("\n")).not.toContain(TOKEN.split(":")[1]);
});

describe("telegram digests and /ingest", () => {
  it("registers /digest and /ingest in both command menus", () => {
    for (const lang of ["en", "zh"] as const) expect(COMMANDS[lang].map((x) => x.command)).toEqual(expect.arrayContaining(["digest", "ingest"]));
    const menus = api.callsOf("setMyCommands").map((m) => m.payload.commands.map((x: { command: string }) => x.command));
    for (const m of menus) expect(m).toEqual(expect.arrayContaining(["digest", "ingest"]));
  });

  it("subscribes a group, confirming the schedule in words and the next run", async () => {
    const [reply] = await exchange(group, "/digest daily 09:00 Europe/Berlin");
    expect(reply).toContain("Subscribed");
    expect(reply).toContain("every day at 09:00 (Europe/Berlin)");
    expect(reply).toContain("Sat 11 May 2024, 09:00 (Europe/Berlin)");
    const [shown] = await exchange(group, `/digest@${BOT_INFO.username}`);
    expect(shown).toContain("This chat's digest");
    expect(shown).toContain("every day at 09:00 (Europe/Berlin)");
    // Nothing sent yet: the next digest starts from the moment of subscribing.
    expect(shown).toContain("The next digest holds articles added since: Fri 10 May 2024, 12:00 (Europe/Berlin)");
  });

  it("answers bad input with usage, and /digest in a chat without a subscription says so", async () => {
    const [bad] = await exchange(group, "/digest weekly funday 09:00");
    expect(bad).toContain('"funday" is not a day');
    expect(bad).toContain("/digest weekly mon HH:MM");
    const [none] = await exchange(strangerChat, "/digest", {}, STRANGER);
    expect(none).toContain("no digest subscription");
    const [zh] = await exchange(strangerChat, "/digest", {}, { ...STRANGER, language_code: "zh-hans" });
    expect(zh).toContain("没有订阅");
  });

  it("/digest now with nothing new says so", async () => {
    const [reply] = await exchange(group, "/digest now");
    expect(reply).toContain("Nothing new since Fri 10 May 2024, 12:00 (Europe/Berlin)");
  });

  it("refuses /ingest from someone who is not an admin", async () => {
    const [reply] = await exchange(strangerChat, `/ingest ${article("Brightwater")}`, {}, STRANGER);
    expect(reply).toContain("only the bot's admins");
    expect(core.corpus.articles.some((a) => a.title.includes("Brightwater"))).toBe(false);
  });

  it("lets an admin add pasted text and an attached file, which answer questions at once", async () => {
    c.advance(60_000);
    const [pasted] = await exchange(adminChat, `/ingest ${article("Brightwater")}`);
    expect(pasted).toContain("Added to the corpus");
    expect(pasted).toContain("Harrowgate and Brightwater sign brightwater trade pact");

    const doc = api.document(Buffer.from(article("Millbrook", "Coldwater", 20)), "millbrook.txt");
    const [attached] = await exchange(adminChat, undefined, { document: doc, caption: "/ingest", caption_entities: [{ type: "bot_command", offset: 0, length: 7 }] });
    expect(attached).toContain("Coldwater and Millbrook sign millbrook trade pact");
    expect(api.downloads).toHaveLength(1);
    const a = core.ask("Who signed the millbrook trade agreement?");
    expect(a.sources[0]?.file).toMatch(/^ingested\/.*millbrook.*\.txt$/);

    // A file over the limit is refused from its announced size, without downloading it; a PDF by its type.
    const caption = { caption: "/ingest", caption_entities: [{ type: "bot_command", offset: 0, length: 7 }] };
    const big = api.document(Buffer.alloc(2_000_001, "a"), "huge.txt");
    const [tooLarge] = await exchange(adminChat, undefined, { document: big, ...caption });
    expect(tooLarge).toContain("too large");
    expect(api.downloads).toHaveLength(1);
    const [pdf] = await exchange(adminChat, undefined, { document: api.document(Buffer.from("%PDF-1.4 not an article at all"), "report.pdf", "application/pdf"), ...caption });
    expect(pdf).toContain("not .pdf");
    expect(api.downloads).toHaveLength(1);
    expect(core.corpus.articles.some((x) => x.file.endsWith(".pdf"))).toBe(false);
  });

  it("picks up an article dropped into the folder, and /digest now posts everything new to the group", async () => {
    c.advance(60_000);
    put(dir, "drop/eastwick.txt", article("Eastwick", "Stonebridge", 8));
    await bot.live.sync();
    expect(core.ask("Who signed the eastwick trade agreement?").sources[0]?.file).toBe("drop/eastwick.txt");

    c.advance(60_000);
    const [digest] = await exchange(group, "/digest now");
    expect(digest).toContain("<b>News digest · 3 events from 3 new articles</b>");
    for (const title of ["Harrowgate and Brightwater sign brightwater trade pact", "Coldwater and Millbrook sign millbrook trade pact", "Stonebridge and Eastwick sign eastwick trade pact"]) {
      expect(digest).toContain(escapeHtml(title));
    }
    expect(digest.indexOf("June 8, 2023")).toBeLessThan(digest.indexOf("June 12, 2023"));
    const send = api.callsOf("sendMessage").filter((x) => x.payload.chat_id === group.id).at(-1)!;
    expect(send.payload.parse_mode).toBe("HTML");
    const [again] = await exchange(group, "/digest now");
    expect(again).toContain("Nothing new since");
  });

  it("keeps the subscription across a restart on the same state file, then posts the scheduled digest", async () => {
    await shutdown(bot);
    bot = await boot();
    const [shown] = await exchange(group, "/digest");
    expect(shown).toContain("every day at 09:00 (Europe/Berlin)");

    c.advance(60_000);
    put(dir, "drop/fairhaven.txt", article("Fairhaven", "Harrowgate", 14));
    await bot.live.sync();
    c.set("2024-05-11T06:59:00Z");
    await bot.scheduler.tick();
    const before = api.sentTo(group.id).length;
    const refused = api.callsOf("sendMessage").filter((x) => x.failed).length;
    // Telegram is busy: the first sendMessage gets 429, which is waited out (retry_after) and retried.
    api.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 0", parameters: { retry_after: 0 } });
    c.set("2024-05-11T07:00:00Z");
    await bot.scheduler.tick();
    expect(api.callsOf("sendMessage").filter((x) => x.failed).length).toBe(refused + 1);
    const sent = api.sentTo(group.id).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain("fairhaven trade agreement");
    expect(sent[0]).not.toContain("brightwater");
  });

  it("splits a long digest into HTML messages of at most 4,096 characters, escaping corpus text", () => {
    const items = Array.from({ length: 150 }, (_, i) => ({
      eventId: `e${i}`, kind: "meeting" as const, date: { year: 2024, month: 1 + (i % 12), day: 1 + (i % 28), precision: "day" as const, provenance: "stated" as const, text: "" },
      who: ["A <b>bold</b> & co"], what: `Event ${i}: ${"words ".repeat(50)}`, source: { file: `f${i}.txt`, title: `Title ${i} <script>`, updated: i % 2 === 0 },
    }));
    const messages = renderTelegramDigest({ since: 0, until: 1, lang: "en", tz: "UTC", items, articles: [] });
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) expect(m.length).toBeLessThanOrEqual(4096);
    const all = messages.join("\n");
    expect(all).not.toContain("<script>");
    expect(all).toContain("Title 149 &lt;script&gt;");
    expect(all).toContain("A &lt;b&gt;bold&lt;/b&gt; &amp; co");
  });

  it("/digest off stops it", async () => {
    const [off] = await exchange(group, "/digest off");
    expect(off).toContain("Digest stopped");
    expect(await bot.services.store.getSubscription("telegram", String(group.id))).toBeUndefined();
  });
});
