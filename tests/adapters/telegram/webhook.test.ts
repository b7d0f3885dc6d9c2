/**
 * The Telegram adapter in webhook mode: setWebhook with the secret, then updates POSTed to the
 * adapter's own node:http server (port 0) with and without `X-Telegram-Bot-Api-Secret-Token`.
 * Replies go to the local fake Bot API and are compared with core.ask + renderTelegram.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Chat, Update } from "grammy/types";
import { createTelegramAdapter, type TelegramAdapter } from "../../../adapters/telegram/index.ts";
import { renderTelegram } from "../../../adapters/telegram/render.ts";
import { BOT_INFO, FakeBotApi, TOKEN } from "./fake-bot-api.ts";
import { testContext, type TestContext } from "./helpers.ts";

const SECRET = "test_Secret-123";
const WEBHOOK_URL = "https://bot.example.invalid/telegram";

let api: FakeBotApi;
let ctx: TestContext;
let adapter: TelegramAdapter;
const chat = { id: 31337, type: "private", first_name: "Ann" } as Chat;

async function post(body: unknown, secret?: string): Promise<Response> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (secret !== undefined) headers["X-Telegram-Bot-Api-Secret-Token"] = secret;
  return fetch(`http://127.0.0.1:${adapter.port}/telegram`, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
}

let nextId = 900;
const update = (text: string): Update => ({ update_id: ++nextId, message: api.message(chat, text) as NonNullable<Update["message"]> });

beforeAll(async () => {
  api = await FakeBotApi.start();
  ctx = await testContext({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.url, TELEGRAM_WEBHOOK_URL: WEBHOOK_URL, TELEGRAM_WEBHOOK_SECRET: SECRET });
  adapter = createTelegramAdapter(ctx, { botInfo: BOT_INFO, port: 0, host: "127.0.0.1" })!;
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await api?.close();
});

describe("telegram adapter (webhook)", () => {
  it("listens on a port and sets the webhook with the secret; no polling", () => {
    expect(adapter.mode).toBe("webhook");
    expect(adapter.port).toBeGreaterThan(0);
    const set = api.callsOf("setWebhook");
    expect(set).toHaveLength(1);
    expect(set[0]!.payload).toMatchObject({ url: WEBHOOK_URL, secret_token: SECRET, allowed_updates: ["message"] });
    expect(api.callsOf("getUpdates")).toHaveLength(0);
    expect(api.callsOf("setMyCommands")).toHaveLength(2);
  });

  it("rejects requests without the right secret with 401 and does not answer them", async () => {
    expect((await post(update("Who signed the water agreement?"))).status).toBe(401);
    expect((await post(update("Who signed the water agreement?"), "wrong")).status).toBe(401);
    expect((await post(update("Who signed the water agreement?"), SECRET + "x")).status).toBe(401);
    expect(api.sentTo(chat.id)).toEqual([]);
  });

  it("answers an update that carries the secret", async () => {
    const q = "谁出席了会议?";
    const res = await post(update(q), SECRET);
    expect(res.status).toBe(200);
    expect(api.sentTo(chat.id)).toEqual(renderTelegram(ctx.core.ask(q)));
  });

  it("survives a malformed body and a failing update", async () => {
    expect((await post("{not json", SECRET)).status).toBe(400);
    api.failNext("sendMessage", { error_code: 400, description: "Bad Request: simulated failure" });
    const before = api.sentTo(chat.id).length;
    expect((await post(update("Who signed the water agreement?"), SECRET)).status).toBe(200);
    expect(api.sentTo(chat.id).length).toBe(before + 1); // the apology
    expect(ctx.logs.some((l) => l.includes("telegram update failed"))).toBe(true);
    const q = "Who signed the water agreement?";
    expect((await post(update(q), SECRET)).status).toBe(200);
    expect(api.sentTo(chat.id).slice(-1)).toEqual(renderTelegram(ctx.core.ask(q)).slice(-1));
    expect(ctx.logs.join("\n")).not.toContain(TOKEN);
    expect(ctx.logs.join("\n")).not.toContain(SECRET);
  });

  it("answers GET /healthz", async () => {
    const res = await fetch(`http://127.0.0.1:${adapter.port}/healthz`);
    expect(res.status).toBe(200);
  });

  it("fails to start, without revealing the token, when setWebhook cannot reach the Bot API", async () => {
    const gone = createServer();
    await new Promise<void>((r) => gone.listen(0, "127.0.0.1", r));
    const port = (gone.address() as AddressInfo).port;
    await new Promise((r) => gone.close(r));
    const c = await testContext({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`, TELEGRAM_WEBHOOK_URL: WEBHOOK_URL, TELEGRAM_WEBHOOK_SECRET: SECRET });
    const a = createTelegramAdapter(c, { botInfo: BOT_INFO, port: 0, host: "127.0.0.1" })!;
    const err = await a.start().then(() => null, (e: unknown) => e);
    expect((err as Error).message).toMatch(/could not start/);
    expect(a.port).toBeUndefined(); // the server was closed again
    for (const text of [inspect(err, { depth: 10 }), c.logs.join("\n")]) {
      expect(text).not.toContain(TOKEN.split(":")[1]);
      expect(text).not.toContain(SECRET);
    }
    expect(c.logs.join("\n")).toContain("ECONNREFUSED");
  });

  it("stop() closes the server", async () => {
    const port = adapter.port;
    await adapter.stop();
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
