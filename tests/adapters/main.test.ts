/**
 * `npm start` as a user runs it: adapters/main.ts in its own process, configured only through the
 * environment, with Telegram (webhook mode, then long polling) and Slack (HTTP mode) pointed at the local
 * stand-ins for their APIs, a temporary data folder and a real SQLite state file. Checks what reaches the
 * platforms, that an article dropped into the folder is answered, that the subscription survives a
 * restart, that SIGTERM ends the process cleanly (exit code 0; main.ts exits with 1 when stopping takes
 * over 5 seconds), and that no token or secret is ever logged.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Chat, Update } from "grammy/types";
import { renderTelegram } from "../../adapters/telegram/render.ts";
import { renderSlack, shareBlock } from "../../adapters/slack/render.ts";
import { Core } from "../../src/core.ts";
import { article, copyFixture, put, tempDir } from "../helpers/state.ts";
import { BOT_TOKEN, closedPort, commandBody, FakeSlack, post, SIGNING_SECRET } from "./slack/helpers.ts";
import { FakeBotApi, TOKEN } from "./telegram/fake-bot-api.ts";
import { FIXTURE_DIR } from "./telegram/helpers.ts";

const SECRET = "main_test-Secret42";
const FORM = "application/x-www-form-urlencoded";
const SECRETS = [TOKEN, TOKEN.split(":")[1]!, SECRET, BOT_TOKEN, SIGNING_SECRET];

interface Running {
  child: ChildProcess;
  /** Log lines (stderr) so far. */
  logs: string[];
  exited: Promise<number | null>;
}

/** Starts `npm start`'s entry point with exactly these settings; resolves once each of `ready`'s adapters has started. */
async function start(env: Record<string, string>, ready = ["telegram", "slack"]): Promise<Running> {
  const child = spawn(process.execPath, ["--import", "tsx", "adapters/main.ts"], {
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "info", SNAPSHOT_DIR: "off", DIGEST_CHECK_SECONDS: "3600", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const logs: string[] = [];
  let rest = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    const parts = (rest + chunk).split("\n");
    rest = parts.pop()!;
    logs.push(...parts);
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const r = { child, logs, exited };
  const started = (name: string) => r.logs.some((l) => l.includes('"msg":"adapter started"') && l.includes(`"adapter":"${name}"`));
  await until(() => ready.every(started), "start-up", exited);
  return r;
}

const logged = (r: Running, msg: string) => r.logs.some((l) => l.includes(`"msg":"${msg}"`));

/** Polls `cond` every 20 ms; fails when the process exits first or after 15 s. */
async function until<T>(cond: () => T, what: string, exited?: Promise<unknown>): Promise<NonNullable<T>> {
  let gone = false;
  void exited?.then(() => (gone = true));
  const end = Date.now() + 15_000;
  for (;;) {
    const v = cond();
    if (v) return v as NonNullable<T>;
    if (gone) throw new Error(`the process exited while waiting for ${what}`);
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** SIGTERM, then the exit code. */
async function stop(r: Running): Promise<number | null> {
  r.child.kill("SIGTERM");
  return r.exited;
}

let tg: FakeBotApi;
let slack: FakeSlack;
let dir: string;
let core: Core;
let stateDb: string;
let nextUpdate = 1;
const group = { id: -100321, type: "supergroup", title: "Newsroom" } as Chat;
const privateChat = { id: 4242, type: "private", first_name: "Ann" } as Chat;

/** An update as Telegram would POST it to the webhook. */
function webhookUpdate(chat: Chat, text: string): Update {
  return { update_id: nextUpdate++, message: tg.message(chat, text) as NonNullable<Update["message"]> };
}

async function postUpdate(port: string, u: Update, secret?: string): Promise<number> {
  const headers: Record<string, string> = { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) };
  return (await fetch(`http://127.0.0.1:${port}/`, { method: "POST", headers, body: JSON.stringify(u) })).status;
}

const sentAfter = (chatId: number, n: number) => until(() => (tg.sentTo(chatId).length >= n ? tg.sentTo(chatId) : null), `${n} messages to ${chatId}`);

const dropped = "incoming/brightwater.txt";
const droppedQuestion = "Who signed the brightwater trade agreement?";

beforeAll(async () => {
  tg = await FakeBotApi.start();
  slack = await new FakeSlack().start();
  dir = copyFixture(FIXTURE_DIR);
  core = await Core.load({ dataDir: dir });
  stateDb = join(tempDir(), "var", "state.db");
});

afterAll(async () => {
  await tg?.close();
  await slack?.stop();
});

describe("npm start", () => {
  let env: Record<string, string>;
  let tgPort: string;
  let slackPort: number;

  it("runs Telegram (webhook) and Slack side by side, from settings alone", async () => {
    tgPort = String(await closedPort());
    slackPort = await closedPort();
    env = {
      DATA_DIR: dir, STATE_DB: stateDb,
      TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: tg.url, TELEGRAM_WEBHOOK_URL: "https://bot.example.invalid/hook", TELEGRAM_WEBHOOK_SECRET: SECRET, PORT: tgPort,
      SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl, SLACK_PORT: String(slackPort),
    };
    const bot = await start(env);
    try {
      expect(tg.callsOf("setWebhook").at(-1)!.payload).toMatchObject({ url: "https://bot.example.invalid/hook", secret_token: SECRET });
      expect(tg.callsOf("getUpdates")).toEqual([]);

      // Telegram: without the secret 401 and no answer; with it, the rendered core answer.
      const q = "Who signed the water agreement?";
      expect(await postUpdate(tgPort, webhookUpdate(privateChat, q))).toBe(401);
      expect(await postUpdate(tgPort, webhookUpdate(privateChat, q), "wrong")).toBe(401);
      expect(tg.sentTo(privateChat.id)).toEqual([]);
      expect(await postUpdate(tgPort, webhookUpdate(privateChat, q), SECRET)).toBe(200);
      expect(await sentAfter(privateChat.id, 1)).toEqual(renderTelegram(core.ask(q)));

      // Slack: a signed /ask is answered in the acknowledgement; unsigned and stale ones get 401.
      const body = commandBody(q, slack.responseUrl("main"));
      const ack = await post(slackPort, "/slack/events", body, FORM);
      expect(ack.status).toBe(200);
      const answer = core.ask(q);
      expect(ack.json().blocks).toEqual([...renderSlack(answer)[0]!.blocks, shareBlock(answer)]);
      expect((await post(slackPort, "/slack/events", body, FORM, { sign: false })).status).toBe(401);
      expect((await post(slackPort, "/slack/events", body, FORM, { timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(401);
      expect((await fetch(`http://127.0.0.1:${slackPort}/healthz`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${tgPort}/healthz`)).status).toBe(200);

      // A group subscribes to a digest.
      expect(await postUpdate(tgPort, webhookUpdate(group, "/digest daily 09:00 Asia/Almaty"), SECRET)).toBe(200);
      expect((await sentAfter(group.id, 1))[0]).toContain("every day at 09:00 (Asia/Almaty)");

      // An article dropped into the data folder is answered without a restart.
      put(dir, dropped, article("Brightwater"));
      await until(() => bot.logs.some((l) => l.includes('"msg":"corpus refreshed"') && l.includes(dropped)), "the live corpus to pick up the file", bot.exited);
      await core.refresh();
      const fresh = core.ask(droppedQuestion);
      expect(fresh.sources[0]?.file).toBe(dropped);
      expect(await postUpdate(tgPort, webhookUpdate(privateChat, droppedQuestion), SECRET)).toBe(200);
      expect((await sentAfter(privateChat.id, 2)).slice(1)).toEqual(renderTelegram(fresh));
    } finally {
      expect(await stop(bot)).toBe(0);
    }
    expect(logged(bot, "stopping")).toBe(true);
    await expect(fetch(`http://127.0.0.1:${tgPort}/healthz`)).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${slackPort}/healthz`)).rejects.toThrow();
    for (const s of SECRETS) expect(bot.logs.join("\n")).not.toContain(s);
  });

  it("after a restart in long-polling mode, still holds the subscription, and SIGTERM cancels a held long poll", async () => {
    // A Bot API that holds an empty getUpdates for a minute, as Telegram does for up to `timeout` seconds.
    const holding = await FakeBotApi.start(undefined, { holdMs: 60_000 });
    const { TELEGRAM_WEBHOOK_URL: _url, TELEGRAM_WEBHOOK_SECRET: _secret, ...rest } = env;
    const bot = await start({ ...rest, TELEGRAM_API_ROOT: holding.url });
    try {
      expect(holding.callsOf("deleteWebhook")).toHaveLength(1);
      holding.say(group, `/digest@${holding.botInfo.username}`);
      const [shown] = await until(() => (holding.sentTo(group.id).length ? holding.sentTo(group.id) : null), "the /digest reply", bot.exited);
      expect(shown).toContain("every day at 09:00 (Asia/Almaty)");
      // Now nothing is queued: the next getUpdates is held open.
      await until(() => holding.callsOf("getUpdates").length >= 2, "a held long poll", bot.exited);
    } finally {
      expect(await stop(bot)).toBe(0);
      await holding.close();
    }
    for (const s of SECRETS) expect(bot.logs.join("\n")).not.toContain(s);
  });

  it("keeps Slack and the digests running while the Telegram API cannot be reached, logging Telegram's retries", async () => {
    const { TELEGRAM_WEBHOOK_URL: _url, TELEGRAM_WEBHOOK_SECRET: _secret, ...rest } = env;
    const bot = await start({ ...rest, TELEGRAM_API_ROOT: `http://127.0.0.1:${await closedPort()}` }, ["slack"]);
    try {
      const q = "谁出席了会议?";
      const ack = await post(slackPort, "/slack/events", commandBody(q, slack.responseUrl("outage")), FORM);
      const answer = core.ask(q);
      expect(ack.json().blocks).toEqual([...renderSlack(answer)[0]!.blocks, ...(shareBlock(answer) ? [shareBlock(answer)] : [])]);
      expect(logged(bot, "digest scheduler started")).toBe(true);
      const retry = await until(() => bot.logs.find((l) => l.includes('"msg":"telegram getMe failed; retrying"')), "a logged Telegram retry", bot.exited);
      expect(JSON.parse(retry)).toMatchObject({ level: 40, attempt: 1 });
      expect(logged(bot, "adapter could not start")).toBe(false);
    } finally {
      expect(await stop(bot)).toBe(0);
    }
    for (const s of SECRETS) expect(bot.logs.join("\n")).not.toContain(s);
  });

  it("exits with code 1, saying why, when a platform refuses its token", async () => {
    const refusing = await FakeBotApi.start();
    refusing.failNext("getMe", { error_code: 401, description: "Unauthorized" });
    try {
      const { SLACK_BOT_TOKEN: _t, SLACK_SIGNING_SECRET: _s, ...rest } = env;
      const child = spawn(process.execPath, ["--import", "tsx", "adapters/main.ts"], {
        env: { PATH: process.env.PATH ?? "", SNAPSHOT_DIR: "off", ...rest, TELEGRAM_API_ROOT: refusing.url },
        stdio: ["ignore", "ignore", "pipe"],
      });
      let err = "";
      child.stderr!.setEncoding("utf8").on("data", (d: string) => (err += d));
      const [code] = (await once(child, "exit")) as [number | null];
      expect(code).toBe(1);
      const fatal = err.split("\n").find((l) => l.includes('"msg":"adapter could not start"'))!;
      expect(JSON.parse(fatal)).toMatchObject({ level: 60, adapter: "telegram", err: expect.stringContaining("Unauthorized") });
      for (const s of SECRETS) expect(err).not.toContain(s);
    } finally {
      await refusing.close();
    }
  });
});
