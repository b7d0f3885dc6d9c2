/**
 * The Telegram adapter over long polling: the real grammY Bot talks to a local fake Bot API; updates
 * go in through getUpdates, replies are read back from the recorded sendMessage calls and compared
 * with core.ask + renderTelegram for the same question (never with particular facts).
 */
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Chat } from "grammy/types";
import { createTelegramAdapter, type TelegramAdapter } from "../../../adapters/telegram/index.ts";
import { escapeHtml, renderTelegram } from "../../../adapters/telegram/render.ts";
import { COMMANDS, apology } from "../../../adapters/telegram/texts.ts";
import { BOT_INFO, FakeBotApi, TOKEN } from "./fake-bot-api.ts";
import { testContext, type TestContext } from "./helpers.ts";

let api: FakeBotApi;
let ctx: TestContext;
let adapter: TelegramAdapter;
let nextChat = 1000;

const privateChat = (): Chat => ({ id: ++nextChat, type: "private", first_name: "Ann" }) as Chat;
const groupChat = (): Chat => ({ id: -++nextChat, type: "supergroup", title: "Test <group> & co" }) as Chat;
const rendered = (q: string) => renderTelegram(ctx.core.ask(q));

/** Waits until `n` messages were sent to the chat and returns their texts. */
const repliesIn = (chatId: number, n = 1) => api.waitFor(() => (api.sentTo(chatId).length >= n ? api.sentTo(chatId) : null), 5000, `${n} replies in ${chatId}`);

/**
 * Sends a sentinel /ask to a group after the updates under test and waits for its reply; grammY handles
 * updates in order, so by then every earlier update was handled. Returns what was sent to the chat before it.
 */
async function beforeSentinel(chat: Chat): Promise<string[]> {
  const s = api.say(chat, "/ask sentinel question");
  const inChat = () => api.callsOf("sendMessage").filter((c) => c.payload.chat_id === chat.id && !c.failed);
  const i = await api.waitFor(() => inChat().findIndex((c) => c.payload.reply_parameters?.message_id === s.message_id) + 1, 5000, "the sentinel's reply");
  return inChat().slice(0, i - 1).map((c) => c.payload.text as string);
}

beforeAll(async () => {
  api = await FakeBotApi.start();
  ctx = await testContext({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.url + "/" });
  adapter = createTelegramAdapter(ctx, { botInfo: BOT_INFO })!;
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await api?.close();
});

describe("telegram adapter (long polling)", () => {
  it("is not created without a token", async () => {
    const c = await testContext({});
    expect(createTelegramAdapter(c)).toBeNull();
  });

  it("fails to start with a clear error when the token is refused, without logging the token", async () => {
    const refusing = await FakeBotApi.start();
    refusing.failNext("getMe", { error_code: 401, description: "Unauthorized" });
    const c = await testContext({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: refusing.url });
    const err = await createTelegramAdapter(c)!.start().then(() => null, (e: unknown) => e);
    await refusing.close();
    expect((err as Error).message).toMatch(/could not start.*Unauthorized/);
    expect(inspect(err, { depth: 10 })).not.toContain(TOKEN.split(":")[1]);
    expect(c.logs.join("\n")).toContain("could not start");
    expect(c.logs.join("\n")).not.toContain(TOKEN.split(":")[1]);
  });

  it("starts: deleteWebhook, both command menus, then getUpdates; no getMe when botInfo is given", async () => {
    expect(adapter.mode).toBe("polling");
    await api.waitFor(() => api.callsOf("getUpdates").length > 0);
    expect(api.callsOf("getMe")).toHaveLength(0);
    expect(api.callsOf("deleteWebhook")).toHaveLength(1);
    const menus = api.callsOf("setMyCommands");
    expect(menus).toHaveLength(2);
    expect(menus[0]!.payload.commands).toEqual(COMMANDS.en);
    expect(menus[0]!.payload.language_code).toBeUndefined();
    expect(menus[1]!.payload).toMatchObject({ language_code: "zh", commands: COMMANDS.zh });
    const names = menus.flatMap((m) => m.payload.commands.map((c: { command: string }) => c.command));
    expect(names).toEqual(expect.arrayContaining(["ask", "digest", "ingest"]));
    expect(api.callsOf("getUpdates")[0]!.payload.allowed_updates).toEqual(["message"]);
  });

  it("answers any text in a private chat with the rendered core answer, typing first, HTML, no previews", async () => {
    const chat = privateChat();
    const q = "Who signed the water agreement?";
    api.say(chat, q);
    const texts = await repliesIn(chat.id, rendered(q).length);
    expect(texts).toEqual(rendered(q));
    const send = api.callsOf("sendMessage").find((c) => c.payload.chat_id === chat.id)!;
    expect(send.payload.parse_mode).toBe("HTML");
    expect(send.payload.link_preview_options).toEqual({ is_disabled: true });
    const typing = api.calls.findIndex((c) => c.method === "sendChatAction" && c.payload.chat_id === chat.id);
    expect(typing).toBeGreaterThanOrEqual(0);
    expect(api.calls[typing]!.payload.action).toBe("typing");
    expect(typing).toBeLessThan(api.calls.indexOf(send));
  });

  it("answers a Chinese question with the rendered (Chinese-labelled) answer", async () => {
    const chat = privateChat();
    const q = "谁出席了会议?";
    api.say(chat, q);
    expect(await repliesIn(chat.id)).toEqual(rendered(q));
  });

  it("passes HTML, Markdown and emoji in questions through safely", async () => {
    const chat = privateChat();
    const q = "<b>who</b> & *signed* </i><script>alert(1)</script> 🤔 the pact?";
    api.say(chat, q);
    const texts = await repliesIn(chat.id);
    expect(texts).toEqual(rendered(q));
    expect(texts.join("\n")).not.toContain("<script>");
  });

  it("sends a 4,000-character question to the core too", async () => {
    const chat = privateChat();
    const q = ("Who signed the water agreement? " + "very ".repeat(800)).slice(0, 4000);
    api.say(chat, q);
    const texts = await repliesIn(chat.id, rendered(q).length);
    expect(texts).toEqual(rendered(q));
  });

  it("answers /ask, /ask@botname, a mention and a reply to the bot in a group, replying to the question", async () => {
    const chat = groupChat();
    const q = "Who signed the water agreement?";
    const m1 = api.say(chat, `/ask ${q}`);
    expect(await repliesIn(chat.id, 1)).toEqual(rendered(q));
    const m2 = api.say(chat, `/ask@${BOT_INFO.username} ${q}`);
    expect((await repliesIn(chat.id, 2))[1]).toEqual(rendered(q)[0]);
    const m3 = api.say(chat, `@${BOT_INFO.username} ${q}`);
    expect((await repliesIn(chat.id, 3))[2]).toEqual(rendered(q)[0]);
    const bots = api.callsOf("sendMessage").filter((c) => c.payload.chat_id === chat.id && !c.failed);
    expect(bots.map((c) => c.payload.reply_parameters?.message_id)).toEqual([m1.message_id, m2.message_id, m3.message_id]);

    const botMessage = bots[0]!.result as never;
    const q2 = "谁出席了会议?";
    api.say(chat, q2, { reply_to_message: botMessage });
    expect((await repliesIn(chat.id, 4))[3]).toEqual(rendered(q2)[0]);
  });

  it("ignores group messages that do not address the bot, other bots' commands, other bots, edits and channel posts", async () => {
    const chat = groupChat();
    const q = "Who signed the water agreement?";
    api.say(chat, q);
    api.say(chat, `/ask@some_other_bot ${q}`);
    api.say(chat, `@someone_else ${q}`);
    api.say(chat, `/ask ${q}`, {}, { id: 99, is_bot: true, first_name: "Other bot" });
    api.say(chat, undefined, { sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } } as never);
    api.push({ edited_message: { ...api.message(chat, `/ask ${q}`), edit_date: 1 } } as never);
    api.push({ channel_post: api.message({ id: -100777, type: "channel", title: "News" } as Chat, `/ask ${q}`, {}, undefined as never) } as never);
    api.say(chat, `/ask ${q}`, { sender_chat: { id: -100777, type: "channel", title: "News" } } as never);
    expect(await beforeSentinel(chat)).toEqual([]);
    expect(api.sentTo(-100777)).toEqual([]);
  });

  it("answers an empty /ask (and a bare mention) with usage and the core's example questions", async () => {
    const chat = groupChat();
    api.say(chat, "/ask");
    api.say(chat, `@${BOT_INFO.username}`);
    const [usage, mention] = await repliesIn(chat.id, 2);
    for (const text of [usage!, mention!]) {
      expect(text).toContain("/ask");
      for (const e of ctx.core.examples("en")) expect(text).toContain(escapeHtml(e));
    }
  });

  it("gives a hint for a sticker in a private chat without asking the core", async () => {
    const chat = privateChat();
    api.say(chat, undefined, { sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } } as never);
    const [hint] = await repliesIn(chat.id);
    expect(hint).toMatch(/text/i);
    expect(api.calls.some((c) => c.method === "sendChatAction" && c.payload.chat_id === chat.id)).toBe(false);
  });

  it("/start tells what the corpus holds and gives examples; /sources lists the escaped titles; /help explains", async () => {
    const chat = privateChat();
    const s = ctx.core.summary();
    api.say(chat, "/start");
    const [start] = await repliesIn(chat.id, 1);
    expect(start).toContain(String(s.articles));
    for (const d of [s.from, s.to]) if (d) expect(start).toContain(d);
    for (const e of ctx.core.examples("en")) expect(start).toContain(escapeHtml(e));

    api.say(chat, "/sources");
    const [, sources] = await repliesIn(chat.id, 2);
    for (const t of s.titles) expect(sources).toContain(escapeHtml(t.title));
    expect(sources).not.toMatch(/<water>/);

    api.say(chat, "/help");
    const [, , help] = await repliesIn(chat.id, 3);
    expect(help).toContain("/ask");

    api.say(chat, "/start", {}, { id: 5151, is_bot: false, first_name: "Li", language_code: "zh-hans" } as never);
    const [, , , zhStart] = await repliesIn(chat.id, 4);
    for (const e of ctx.core.examples("zh")) expect(zhStart).toContain(escapeHtml(e));

    api.say(chat, "/nosuchcommand");
    const [, , , , unknown] = await repliesIn(chat.id, 5);
    expect(unknown).toContain("/help");

    // Without the state and scheduler (not wired in this context), /digest says digests are off.
    api.say(chat, "/digest");
    const [, , , , , off] = await repliesIn(chat.id, 6);
    expect(off).toContain("not enabled");
  });

  it("retries a 429 after retry_after", async () => {
    const chat = privateChat();
    const q = "谁出席了会议?";
    api.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 0", parameters: { retry_after: 0 } });
    api.say(chat, q);
    expect(await repliesIn(chat.id)).toEqual(rendered(q));
    expect(api.callsOf("sendMessage").filter((c) => c.payload.chat_id === chat.id && c.failed)).toHaveLength(1);
  });

  it("logs a failing update (without the token), apologises, and keeps running", async () => {
    const chat = privateChat();
    const q = "Who signed the water agreement?";
    api.failNext("sendMessage", { error_code: 400, description: "Bad Request: simulated failure" });
    api.say(chat, q);
    expect(await repliesIn(chat.id)).toEqual([apology("en")]);
    const line = await api.waitFor(() => ctx.logs.find((l) => l.includes("telegram update failed")));
    expect(JSON.parse(line)).toMatchObject({ level: 50, err: { code: 400, description: "Bad Request: simulated failure" } });

    api.say(chat, q);
    expect((await repliesIn(chat.id, 2))[1]).toEqual(rendered(q)[0]);
    expect(adapter.bot.isRunning()).toBe(true);
    expect(ctx.logs.join("\n")).not.toContain(TOKEN);
    expect(ctx.logs.join("\n")).not.toContain(TOKEN.split(":")[1]);
  });

  it("stop() ends long polling: no getUpdates after it", async () => {
    await adapter.stop();
    expect(adapter.bot.isRunning()).toBe(false);
    const polls = api.callsOf("getUpdates").length;
    await new Promise((r) => setTimeout(r, 100));
    expect(api.callsOf("getUpdates").length).toBe(polls);
  });
});
