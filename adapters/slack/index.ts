/**
 * The Slack adapter (Bolt). Takes an AdapterContext; returns a ChatAdapter, or null when Slack is not
 * configured (SLACK_BOT_TOKEN plus SLACK_SIGNING_SECRET for HTTP mode, or SLACK_APP_TOKEN for Socket Mode).
 * Answers `/ask <question>` ephemerally with a "Share in channel" button, and @mentions and direct
 * messages in a thread, all through `ctx.core.ask` and `renderSlack`. HTTP mode serves `/slack/events`
 * and `GET /healthz` on SLACK_PORT; Socket Mode serves only `/healthz` there. Start-up never waits on
 * the Slack API: the bot identity (auth.test) and the Socket Mode connection are retried in the background.
 * `/digest …` (src/digest/commands.ts) and admin-only `/ingest <text>` (SLACK_ADMINS, src/live/ingest.ts)
 * are slash commands too; scheduled digests go out through the Publisher it registers (publisher.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { App, defaultBodyLimit, HTTPModuleFunctions, HTTPReceiver, isRawBodyError, LogLevel, webApi, type Logger as BoltLogger, type RespondFn } from "@slack/bolt";
import type { Answer } from "../../src/answer.ts";
import { digestCommand } from "../../src/digest/commands.ts";
import { unavailableLines } from "../../src/digest/texts.ts";
import { ingestArticle, ingestLines, ingestRefusedLines, isAdmin } from "../../src/live/ingest.ts";
import type { Logger } from "../../src/logger.ts";
import type { Lang } from "../../src/types.ts";
import { backoffMs, Pauses, type Backoff } from "../backoff.ts";
import type { AdapterContext, ChatAdapter } from "../chat.ts";
import { errInfo, renderLines, slackPublisher } from "./publisher.ts";
import { apology, limitMessages, renderSlack, renderUsage, shareBlock, SHARE_ACTION, type SlackMessage } from "./render.ts";
import { plainFromSlack, stripBotMention } from "./text.ts";

export interface SlackOptions {
  /** Port for the HTTP receiver (HTTP mode) or the health server (Socket Mode); default config.SLACK_PORT; 0 picks a free one. */
  port?: number;
  /** Listen address; default all interfaces. */
  host?: string;
  /** Backoff for auth.test and Socket Mode connection retries; default 1 s doubling to 60 s. */
  retry?: Backoff;
}

export interface SlackAdapter extends ChatAdapter {
  readonly mode: "http" | "socket";
  /** The bound port once started (useful with port 0). */
  readonly port: number | undefined;
  /** The bot's user id once auth.test has answered. */
  readonly botUserId: string | undefined;
}

/** response_url accepts five posts; the acknowledgement itself does not count. */
const MAX_RESPONDS = 5;
/** Messages per answer in a thread (chat.postMessage allows about one per second per channel, with bursts). */
const MAX_THREAD_MESSAGES = 6;
const STOP_GRACE_MS = 2000;

export function createSlackAdapter(ctx: AdapterContext, opts: SlackOptions = {}): SlackAdapter | null {
  const { SLACK_BOT_TOKEN: token, SLACK_SIGNING_SECRET: signingSecret, SLACK_APP_TOKEN: appToken, SLACK_API_URL: apiUrl } = ctx.config;
  if (!token || (!signingSecret && !appToken)) return null;
  const mode: "http" | "socket" = appToken ? "socket" : "http";
  const log = ctx.logger.child({ adapter: "slack", mode });
  const listenPort = opts.port ?? ctx.config.SLACK_PORT;
  const clientOptions = apiUrl ? { slackApiUrl: apiUrl } : {};

  let identity: { userId?: string; botId?: string } | undefined;
  let socketConnected = false;
  let stopping = false;
  let server: Server | undefined;
  let healthServer: Server | undefined;
  const pauses = new Pauses();
  const seenEvents = new Set<string>();

  const health = () => ({ ok: true, mode, botReady: identity !== undefined, ...(mode === "socket" ? { connected: socketConnected } : {}) });
  const healthRoute = (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(health()));
  };

  const boltLog = boltLogger(log.child({ component: "bolt" }));
  const app = new App({
    ...(mode === "socket"
      ? { socketMode: true, appToken }
      : { receiver: httpReceiver(signingSecret!, listenPort, healthRoute, boltLog) }),
    // An authorize function instead of `token`: Bolt then never calls auth.test itself (which would crash start-up
    // when Slack is unreachable); the identity comes from our own retried auth.test.
    authorize: async () => ({ botToken: token, botId: identity?.botId, botUserId: identity?.userId }),
    logger: boltLog,
    clientOptions,
    convoStore: false,
  });

  // Scheduled digests and /digest now are posted with chat.postMessage (the client waits out 429s by Retry-After).
  ctx.digests?.scheduler.register(
    slackPublisher(new webApi.WebClient(token, { ...clientOptions, retryConfig: { retries: 5 }, logger: boltLogger(log.child({ component: "web-api" })) })),
  );

  app.error(async (error) => {
    log.error({ err: errInfo(error) }, "slack handler error");
  });

  // /ask <question>: answered in the acknowledgement itself (core.ask is synchronous), ephemeral, with a share button.
  app.command("/ask", async ({ command, ack, respond }) => {
    let acked = false;
    try {
      const question = plainFromSlack(command.text ?? "");
      if (!question) {
        await ack({ response_type: "ephemeral", ...renderUsage(ctx.core.examples("en"), ctx.core.examples("zh")) });
        return;
      }
      const answer = ctx.core.ask(question);
      const messages = withShareButton(limitMessages(renderSlack(answer), 1 + MAX_RESPONDS, answer.lang), answer);
      const [first, ...rest] = messages;
      await ack({ response_type: "ephemeral", text: first!.text, blocks: first!.blocks });
      acked = true;
      await sendAll(respond, rest, { response_type: "ephemeral", replace_original: false });
    } catch (err) {
      log.error({ err: errInfo(err), command: "/ask", channel: command.channel_id, user: command.user_id }, "slash command failed");
      const sorry = apology();
      if (!acked) await ack({ response_type: "ephemeral", text: sorry.text, blocks: sorry.blocks });
      else await respond({ response_type: "ephemeral", replace_original: false, ...sorry }).catch((e) => log.warn({ err: errInfo(e) }, "apology failed"));
    }
  });

  // /digest …: the chat's subscription. Changes are shown to the channel, everything else only to the sender.
  app.command("/digest", async ({ command, ack, respond }) => {
    const args = plainFromSlack(command.text ?? "");
    const lang = langOf(args);
    let acked = false;
    try {
      if (!ctx.digests) return await ack({ response_type: "ephemeral", ...renderLines(unavailableLines(lang), lang)[0]! });
      const input = { platform: "slack", chatId: command.channel_id, userId: command.user_id, args, lang, now: ctx.now() };
      log.info({ command: "/digest", channel: command.channel_id, user: command.user_id, args: args.split(/\s+/)[0] }, "digest command");
      if (/^now\b/i.test(args)) {
        // Posting may take longer than Slack's 3 seconds: acknowledge first, report only problems.
        await ack();
        acked = true;
        const reply = await digestCommand(ctx.digests, input);
        await sendAll(respond, renderLines(reply.lines, lang), { response_type: "ephemeral", replace_original: false });
        return;
      }
      const reply = await digestCommand(ctx.digests, input);
      const [first, ...rest] = renderLines(reply.lines, lang);
      const response_type = reply.public ? "in_channel" : "ephemeral";
      await ack({ response_type, text: first!.text, blocks: first!.blocks });
      acked = true;
      await sendAll(respond, rest, { response_type, replace_original: false });
    } catch (err) {
      log.error({ err: errInfo(err), command: "/digest", channel: command.channel_id, user: command.user_id }, "slash command failed");
      const sorry = apology(lang);
      if (!acked) await ack({ response_type: "ephemeral", text: sorry.text, blocks: sorry.blocks });
      else await respond({ response_type: "ephemeral", replace_original: false, ...sorry }).catch((e) => log.warn({ err: errInfo(e) }, "apology failed"));
    }
  });

  // /ingest <article text>: admins (SLACK_ADMINS) add an article to the corpus.
  app.command("/ingest", async ({ command, ack, respond }) => {
    const text = plainFromSlack(command.text ?? "");
    const lang = langOf(text);
    const reply = (lines: ReturnType<typeof ingestLines>) => ({ response_type: "ephemeral" as const, ...renderLines(lines, lang)[0]! });
    if (!isAdmin(ctx.config.SLACK_ADMINS, command.user_id)) {
      log.info({ command: "/ingest", channel: command.channel_id, user: command.user_id }, "ingest refused: not an admin");
      return ack(reply(ingestRefusedLines(lang)));
    }
    if (!ctx.live) return ack(reply(ingestLines({ ok: false, reason: "disabled" }, lang)));
    if (!text) return ack(reply(ingestLines({ ok: false, reason: "empty" }, lang)));
    await ack({ response_type: "ephemeral", text: lang === "zh" ? "正在读取文章……" : "Reading the article…" });
    try {
      const outcome = await ingestArticle(ctx.live, { text, now: ctx.now() });
      log.info({ command: "/ingest", user: command.user_id, ok: outcome.ok, ...(outcome.ok ? { file: outcome.file, events: outcome.events } : { reason: outcome.reason }) }, "ingest");
      await respond({ replace_original: false, ...reply(ingestLines(outcome, lang)) });
    } catch (err) {
      log.error({ err: errInfo(err), command: "/ingest", user: command.user_id }, "slash command failed");
      await respond({ response_type: "ephemeral", replace_original: false, ...apology(lang) }).catch((e) => log.warn({ err: errInfo(e) }, "apology failed"));
    }
  });

  // "Share in channel": re-ask the question carried in the button and post the answer publicly, then drop the ephemeral copy.
  app.action(SHARE_ACTION, async ({ ack, action, respond, body }) => {
    await ack();
    try {
      const question = action.type === "button" ? (action.value ?? "") : "";
      const answer = ctx.core.ask(question);
      // response_url's five posts: the public messages, then the deletion of the ephemeral one.
      await sendAll(respond, limitMessages(renderSlack(answer), MAX_RESPONDS - 1, answer.lang), { response_type: "in_channel", replace_original: false });
      await respond({ delete_original: true });
    } catch (err) {
      log.error({ err: errInfo(err), action: SHARE_ACTION, user: body.user?.id }, "share failed");
      await respond({ response_type: "ephemeral", replace_original: false, ...apology() }).catch((e) => log.warn({ err: errInfo(e) }, "apology failed"));
    }
  });

  // @bot question, in channels and group DMs; one-to-one DMs are answered by the message listener below.
  app.event("app_mention", async ({ event, body, client }) => {
    // Other bots' mentions are ignored too, so two bots cannot keep answering each other.
    if (event.channel.startsWith("D") || event.bot_id || event.subtype || !firstSeen(body.event_id)) return;
    await answerInThread(client, event.channel, event.thread_ts ?? event.ts, event.text, event.user);
  });

  app.event("message", async ({ event, body, client }) => {
    if (event.subtype !== undefined || event.channel_type !== "im" || event.bot_id) return;
    if (identity?.userId && event.user === identity.userId) return;
    if (!firstSeen(body.event_id)) return;
    await answerInThread(client, event.channel, event.thread_ts ?? event.ts, event.text ?? "", event.user);
  });

  /** Slack may deliver an event twice (retries); answer each event id once. */
  function firstSeen(eventId: string | undefined): boolean {
    if (!eventId) return true;
    if (seenEvents.has(eventId)) return false;
    seenEvents.add(eventId);
    if (seenEvents.size > 1000) seenEvents.delete(seenEvents.values().next().value!);
    return true;
  }

  async function answerInThread(client: webApi.WebClient, channel: string, threadTs: string, text: string, user?: string): Promise<void> {
    try {
      const question = plainFromSlack(stripBotMention(text, identity?.userId));
      const answer = ctx.core.ask(question);
      for (const m of limitMessages(renderSlack(answer), MAX_THREAD_MESSAGES, answer.lang)) {
        await client.chat.postMessage({ channel, thread_ts: threadTs, text: m.text, blocks: m.blocks, unfurl_links: false, unfurl_media: false });
      }
    } catch (err) {
      log.error({ err: errInfo(err), channel, user }, "answering a message failed");
      const sorry = apology();
      await client.chat
        .postMessage({ channel, thread_ts: threadTs, text: sorry.text, blocks: sorry.blocks })
        .catch((e) => log.warn({ err: errInfo(e), channel }, "apology failed"));
    }
  }


  /** auth.test with our own logged retries (the Web API client's own retries are off for this call). */
  async function fetchIdentity(): Promise<void> {
    const client = new webApi.WebClient(token, { ...clientOptions, retryConfig: { retries: 0 }, timeout: 10_000, logger: boltLogger(log.child({ component: "web-api" })) });
    for (let attempt = 1; !stopping; attempt++) {
      try {
        const r = await client.auth.test();
        identity = { userId: r.user_id, botId: r.bot_id };
        log.info({ botUserId: r.user_id, team: r.team, attempt }, "slack bot identity known");
        return;
      } catch (err) {
        if (stopping) return;
        const delayMs = backoffMs(attempt, opts.retry);
        log.warn({ err: errInfo(err), attempt, retryInMs: delayMs }, "slack auth.test failed; retrying");
        await pauses.wait(delayMs);
      }
    }
  }

  /** Socket Mode: connect in the background, retrying with backoff; the client reconnects by itself once connected. */
  async function connectSocket(): Promise<void> {
    for (let attempt = 1; !stopping; attempt++) {
      try {
        await app.start();
        if (stopping) return;
        socketConnected = true;
        log.info({ attempt }, "slack socket mode connected");
        return;
      } catch (err) {
        if (stopping) return;
        const delayMs = backoffMs(attempt, opts.retry);
        log.warn({ err: errInfo(err), attempt, retryInMs: delayMs }, "slack socket mode connection failed; retrying");
        await pauses.wait(delayMs);
      }
    }
  }

  return {
    name: "slack",
    mode,
    get port() {
      const s = server ?? healthServer;
      const a = s?.address();
      return a && typeof a === "object" ? (a as AddressInfo).port : undefined;
    },
    get botUserId() {
      return identity?.userId;
    },
    async start() {
      stopping = false;
      if (mode === "http") {
        server = await app.start(opts.host ? { port: listenPort, host: opts.host } : listenPort);
      } else {
        healthServer = createServer((req, res) => {
          const path = new URL(req.url ?? "/", "http://localhost").pathname;
          if (path === "/healthz" && (req.method === "GET" || req.method === "HEAD")) return healthRoute(req, res);
          res.writeHead(404);
          res.end();
        });
        await new Promise<void>((resolve, reject) => {
          healthServer!.once("error", reject);
          healthServer!.listen(listenPort, opts.host, () => resolve());
        });
        void connectSocket();
      }
      void fetchIdentity();
      log.info({ port: this.port, apiUrl: apiUrl ? "custom" : "default" }, "slack adapter listening");
    },
    async stop() {
      stopping = true;
      pauses.cancel();
      const closing: Promise<unknown>[] = [];
      if (mode === "http" && server) {
        closing.push(app.stop().catch((err: unknown) => log.warn({ err: errInfo(err) }, "slack receiver stop failed")));
        server.closeIdleConnections();
      } else if (mode === "socket") {
        closing.push(app.stop().catch((err: unknown) => log.warn({ err: errInfo(err) }, "slack socket stop failed")));
        if (healthServer) {
          const hs = healthServer;
          closing.push(new Promise<void>((resolve) => hs.close(() => resolve())));
          hs.closeIdleConnections();
        }
      }
      await Promise.race([Promise.allSettled(closing), new Promise((r) => setTimeout(r, STOP_GRACE_MS).unref())]);
      server?.closeAllConnections();
      healthServer?.closeAllConnections();
      server = undefined;
      healthServer = undefined;
      socketConnected = false;
      log.info("slack adapter stopped");
    },
  };
}

/** Where Slack sends slash commands, events and interactions. */
const EVENTS_PATH = "/slack/events";

/**
 * Bolt's HTTP receiver (signature check, 3-second acknowledgement, `customRoutes` for /healthz), with one
 * guard in front: a correctly signed body that is not a JSON object (`null`, an array, a number) gets 400.
 * Bolt itself would read a property of it outside any try and crash the process with an unhandled rejection
 * (and an `event` that is not an object would fail inside Bolt with a 500).
 */
function httpReceiver(signingSecret: string, port: number, health: (req: IncomingMessage, res: ServerResponse) => void, logger: BoltLogger): HTTPReceiver {
  const receiver = new HTTPReceiver({ signingSecret, port, logger, customRoutes: [{ path: "/healthz", method: ["GET", "HEAD"], handler: health }] });
  const bolt = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    if (req.method !== "POST" || new URL(req.url ?? "/", "http://localhost").pathname !== EVENTS_PATH) return bolt(req, res);
    void (async () => {
      try {
        // Buffers the body on the request (Bolt reuses it) and checks the signature.
        const buffered = await HTTPModuleFunctions.parseAndVerifyHTTPRequest({ signingSecret, bodyLimit: defaultBodyLimit }, req, res);
        const body: unknown = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
        const event = isObject(body) ? body.event : undefined;
        if (!isObject(body) || (event !== undefined && !isObject(event))) {
          logger.warn("Malformed request body: not a JSON object, or an event that is not one");
          return HTTPModuleFunctions.buildNoBodyResponse(res, 400);
        }
      } catch (err) {
        if (isRawBodyError(err)) {
          // Unreadable or over Bolt's size limit: the body is gone, so answer here.
          logger.warn(`Request body could not be read: ${err.message}`);
          return HTTPModuleFunctions.buildNoBodyResponse(res, err.type === "entity.too.large" ? 413 : 400);
        }
        // Unsigned, stale or unparsable: Bolt answers 401 or 400 from the buffered body.
      }
      bolt(req, res);
    })().catch(() => {
      if (!res.headersSent) HTTPModuleFunctions.buildNoBodyResponse(res, 500);
    });
  };
  return receiver;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function withShareButton(messages: SlackMessage[], answer: Answer): SlackMessage[] {
  const button = shareBlock(answer);
  if (!button || !messages.length) return messages;
  const last = messages[messages.length - 1]!;
  return [...messages.slice(0, -1), { ...last, blocks: [...last.blocks, button] }];
}

/** Chinese when the text has Han characters (Slack does not tell the user's language). */
function langOf(text: string): Lang {
  return /\p{Script=Han}/u.test(text) ? "zh" : "en";
}

/** Post messages through response_url, in order. */
async function sendAll(respond: RespondFn, messages: SlackMessage[], extra: { response_type: "ephemeral" | "in_channel"; replace_original: boolean }): Promise<void> {
  for (const m of messages) await respond({ ...extra, text: m.text, blocks: m.blocks });
}

/** Bolt's logger interface on top of our pino logger (pino does the level filtering). */
function boltLogger(logger: Logger): BoltLogger {
  const fmt = (parts: unknown[]) =>
    parts
      .map((p) => (p instanceof Error ? p.message : typeof p === "string" ? p : (() => {
        try {
          return JSON.stringify(p);
        } catch {
          return String(p);
        }
      })()))
      .join(" ");
  const levels: Record<string, LogLevel> = { trace: LogLevel.DEBUG, debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN };
  return {
    debug: (...m: unknown[]) => logger.debug(fmt(m)),
    info: (...m: unknown[]) => logger.info(fmt(m)),
    warn: (...m: unknown[]) => logger.warn(fmt(m)),
    error: (...m: unknown[]) => logger.error(fmt(m)),
    setLevel: () => {},
    getLevel: () => levels[logger.level] ?? LogLevel.ERROR,
    setName: () => {},
  };
}
