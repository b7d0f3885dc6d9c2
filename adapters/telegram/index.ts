/**
 * The Telegram adapter (grammY). `createTelegramAdapter(ctx, opts)` takes the adapter context and
 * returns a ChatAdapter, or null when TELEGRAM_BOT_TOKEN is not set. It turns Telegram messages into
 * `ctx.core.ask` calls and sends the rendered Answer back; it holds no query logic.
 *
 * - Long polling by default (grammY's `bot.start` calls deleteWebhook first); webhook mode when
 *   TELEGRAM_WEBHOOK_URL is set: a node:http server on PORT whose requests must carry
 *   TELEGRAM_WEBHOOK_SECRET in `X-Telegram-Bot-Api-Secret-Token` (else 401).
 * - Private chats: any text is a question. Groups: `/ask …`, `/ask@bot …`, a mention of the bot,
 *   or a reply to one of its messages. Channel posts, other bots, edited messages and (in groups)
 *   everything else are ignored; a sticker or photo without text in a private chat gets a hint.
 * - "typing…" while answering, 429s retried per retry_after, a failing update is logged and
 *   answered with an apology, and the bot keeps running. At start, an unreachable Bot API is logged and
 *   getMe retried with backoff (adapters/backoff.ts); a refused token makes start() throw.
 * - `/digest …` goes to src/digest/commands.ts; `/ingest` (TELEGRAM_ADMINS only; pasted text, a reply,
 *   or a document captioned /ingest, fetched with getFile) to src/live/ingest.ts. Scheduled digests
 *   are posted through the Publisher this adapter registers with the scheduler (publisher.ts).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, BotError, GrammyError, HttpError, webhookCallback, type Context } from "grammy";
import type { Document, Message, MessageEntity, UserFromGetMe } from "grammy/types";
import { digestCommand } from "../../src/digest/commands.ts";
import { unavailableLines } from "../../src/digest/texts.ts";
import { fileRefusal, ingestArticle, ingestLines, ingestRefusedLines, isAdmin, type IngestInput } from "../../src/live/ingest.ts";
import type { Lang } from "../../src/types.ts";
import { backoffMs, Pauses, type Backoff } from "../backoff.ts";
import type { AdapterContext, ChatAdapter } from "../chat.ts";
import { errorFields, SEND_OPTIONS, telegramPublisher } from "./publisher.ts";
import { renderTelegram, toMessages } from "./render.ts";
import {
  COMMANDS, apology, helpMessages, nonTextHint, sourcesMessages, startMessages, unknownCommand, usageMessages,
} from "./texts.ts";

type AutoRetryOptions = NonNullable<Parameters<typeof autoRetry>[0]>;

export interface TelegramOptions {
  /** The bot's own user (as getMe returns it); skips the getMe call at start. */
  botInfo?: UserFromGetMe;
  /** Webhook mode: port to listen on instead of config.PORT (0 = any free port). */
  port?: number;
  /** Webhook mode: interface to listen on; default all interfaces. */
  host?: string;
  /** Long polling: seconds getUpdates waits for updates (default 30). */
  pollingTimeout?: number;
  /** Overrides for @grammyjs/auto-retry. */
  retry?: AutoRetryOptions;
  /** Backoff while the Bot API cannot be reached at start (getMe); default 1 s doubling to 60 s. */
  startRetry?: Backoff;
}

export interface TelegramAdapter extends ChatAdapter {
  readonly bot: Bot;
  readonly mode: "polling" | "webhook";
  /** Webhook mode: the port the server listens on, once started. */
  readonly port: number | undefined;
}

/** Only new messages are handled; edited messages, channel posts and the rest are not requested. */
const ALLOWED_UPDATES = ["message"] as const;
const DEFAULT_API_ROOT = "https://api.telegram.org";
/** stop() waits at most this long for each step (end polling, finish the update in hand, close the server). */
const STOP_WAIT_MS = 2000;

/** The user's interface language, for command texts (answers follow the question's language). */
function userLang(ctx: Context): Lang {
  return ctx.from?.language_code?.toLowerCase().startsWith("zh") ? "zh" : "en";
}

function isGroup(ctx: Context): boolean {
  return ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";
}

/** Resolves with `p`, or with undefined after `ms` (never rejects). */
function settleWithin<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((r) => {
    timer = setTimeout(() => r(undefined), ms);
    timer.unref();
  });
  return Promise.race([p.catch(() => undefined), timeout]).finally(() => clearTimeout(timer));
}

/** The command a document's caption starts with ("ingest" for "/ingest" or "/ingest@thisbot"), if any. */
function captionCommand(m: Message, me: UserFromGetMe): string | undefined {
  const e = m.caption_entities?.find((x) => x.type === "bot_command" && x.offset === 0);
  if (!e || !m.caption) return undefined;
  const [cmd, at] = m.caption.slice(1, e.length).split("@");
  return at === undefined || at.toLowerCase() === me.username.toLowerCase() ? cmd : undefined;
}

/** Whether a message entity points at this bot (`@username` or a text mention of its user). */
function mentionsMe(text: string, e: MessageEntity, me: UserFromGetMe): boolean {
  if (e.type === "mention") return text.slice(e.offset, e.offset + e.length).toLowerCase() === `@${me.username.toLowerCase()}`;
  if (e.type === "text_mention") return e.user.id === me.id;
  return false;
}

/** The question in a message that addresses the bot: its text without the leading command and the mentions of the bot. */
function questionOf(text: string, entities: MessageEntity[], me: UserFromGetMe): string {
  const drop = entities.filter((e) => mentionsMe(text, e, me) || (e.type === "bot_command" && e.offset === 0));
  let out = text;
  for (const e of drop.sort((a, b) => b.offset - a.offset)) {
    out = out.slice(0, e.offset) + " " + out.slice(e.offset + e.length);
  }
  return out.replace(/\s+/g, " ").replace(/^[\s,.:;!?,。:;!?、]+/u, "").trim();
}

export function createTelegramAdapter(actx: AdapterContext, opts: TelegramOptions = {}): TelegramAdapter | null {
  const { config, core } = actx;
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) return null;
  const secrets = [token, config.TELEGRAM_WEBHOOK_SECRET ?? ""];
  const log = actx.logger.child({ adapter: "telegram" });
  const apiRoot = config.TELEGRAM_API_ROOT?.replace(/\/+$/, "");
  const webhookUrl = config.TELEGRAM_WEBHOOK_URL;
  const mode = webhookUrl ? "webhook" : "polling";

  const bot = new Bot(token, { client: apiRoot ? { apiRoot } : undefined, botInfo: opts.botInfo });
  // 429 → wait retry_after and retry; 5xx → a few retries with backoff; network errors surface.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60, rethrowHttpErrors: true, ...opts.retry }));
  // Scheduled digests and /digest now go out through the same bot (and its retries).
  actx.digests?.scheduler.register(telegramPublisher(bot.api, secrets));

  async function send(ctx: Context, messages: string[]): Promise<void> {
    const replyTo = isGroup(ctx) && ctx.msg ? { message_id: ctx.msg.message_id, allow_sending_without_reply: true } : undefined;
    for (const [i, text] of messages.entries()) {
      await ctx.reply(text, { ...SEND_OPTIONS, ...(i === 0 && replyTo ? { reply_parameters: replyTo } : {}) });
    }
  }

  async function answer(ctx: Context, question: string): Promise<void> {
    const started = Date.now();
    // Show "typing…" first; a failure here must not cost the answer.
    await ctx.replyWithChatAction("typing").catch((err: unknown) => log.warn({ err: errorFields(err, secrets) }, "sendChatAction failed"));
    const a = core.ask(question);
    await send(ctx, renderTelegram(a));
    log.info({ update: ctx.update.update_id, chat: ctx.chat?.id, chatType: ctx.chat?.type, chars: question.length, found: a.found, ms: Date.now() - started }, "answered");
  }

  async function onError(err: BotError, ctx: Context): Promise<void> {
    log.error({ update: ctx.update.update_id, chat: ctx.chat?.id, err: errorFields(err.error, secrets) }, "telegram update failed");
    if (!ctx.chat) return;
    try {
      await ctx.reply(apology(userLang(ctx)));
    } catch (e) {
      log.warn({ update: ctx.update.update_id, err: errorFields(e, secrets) }, "could not send the apology");
    }
  }

  // Every handler runs inside this boundary (works for polling and webhooks alike).
  const guarded = bot.errorBoundary((err) => onError(err, err.ctx));
  bot.catch((err) => onError(err, err.ctx));

  const messages = guarded.on("message");
  // Ignore other bots and messages sent on behalf of a channel (anonymous group admins still count).
  messages.use(async (ctx, next) => {
    const m = ctx.message;
    if (m.sender_chat && m.sender_chat.id !== m.chat.id) return;
    if (m.from?.is_bot && !m.sender_chat) return;
    await next();
  });
  messages.command("start", (ctx) => send(ctx, startMessages(core.summary(), core.examples(userLang(ctx)), userLang(ctx), ctx.me.username)));
  messages.command("help", (ctx) => send(ctx, helpMessages(core.examples(userLang(ctx)), userLang(ctx), ctx.me.username)));
  messages.command("sources", (ctx) => send(ctx, sourcesMessages(core.summary(), userLang(ctx))));
  messages.command("ask", async (ctx) => {
    const m = ctx.message;
    const q = questionOf(m.text ?? m.caption ?? "", m.entities ?? m.caption_entities ?? [], ctx.me);
    if (!q) return send(ctx, usageMessages(core.examples(userLang(ctx)), userLang(ctx), ctx.me.username));
    return answer(ctx, q);
  });
  messages.command("digest", async (ctx) => {
    const lang = userLang(ctx);
    if (!actx.digests) return send(ctx, toMessages(unavailableLines(lang)));
    const reply = await digestCommand(actx.digests, {
      platform: "telegram", chatId: String(ctx.chat.id), userId: ctx.from ? String(ctx.from.id) : undefined, args: ctx.match, lang, now: actx.now(),
    });
    log.info({ update: ctx.update.update_id, chat: ctx.chat.id, command: "digest", args: ctx.match.split(/\s+/)[0] }, "digest command");
    if (reply.lines.length) await send(ctx, toMessages(reply.lines));
  });
  // /ingest with pasted text, or as a reply to a document or a text message.
  messages.command("ingest", (ctx) => {
    const replied = ctx.message.reply_to_message;
    return ingest(ctx, replied?.document, ctx.match || replied?.text || "");
  });
  // A .txt/.html document with /ingest as its caption (grammY matches commands in text only).
  messages.on(":document").filter(
    (ctx) => captionCommand(ctx.message, ctx.me) === "ingest",
    (ctx) => ingest(ctx, ctx.message.document, undefined),
  );
  messages.use(async (ctx) => {
    const m: Message = ctx.message;
    const text = m.text ?? m.caption;
    const entities = m.entities ?? m.caption_entities ?? [];
    const isCommand = entities.some((e) => e.type === "bot_command" && e.offset === 0);
    if (m.chat.type === "private") {
      if (text === undefined || !text.trim()) return send(ctx, nonTextHint(userLang(ctx)));
      if (isCommand) return send(ctx, unknownCommand(userLang(ctx)));
      return answer(ctx, text);
    }
    if (!isGroup(ctx) || text === undefined || isCommand) return;
    const reply = m.reply_to_message;
    const repliesToMe = reply?.from?.id === ctx.me.id && !reply.forum_topic_created;
    const mentioned = entities.some((e) => mentionsMe(text, e, ctx.me));
    if (!repliesToMe && !mentioned) return;
    const q = questionOf(text, entities, ctx.me);
    if (!q) return send(ctx, usageMessages(core.examples(userLang(ctx)), userLang(ctx), ctx.me.username));
    return answer(ctx, q);
  });

  async function ingest(ctx: Context, doc: Document | undefined, text: string | undefined): Promise<void> {
    const lang = userLang(ctx);
    const fields = { update: ctx.update.update_id, chat: ctx.chat?.id, user: ctx.from?.id };
    if (!isAdmin(config.TELEGRAM_ADMINS, ctx.from?.id)) {
      log.info(fields, "ingest refused: not an admin");
      return send(ctx, toMessages(ingestRefusedLines(lang)));
    }
    if (!actx.live) return send(ctx, toMessages(ingestLines({ ok: false, reason: "disabled" }, lang)));
    await ctx.replyWithChatAction("typing").catch(() => undefined);
    let input: IngestInput = { text, now: actx.now() };
    if (doc) {
      // Refused by its name or announced size before anything is downloaded.
      const refused = fileRefusal(doc.file_name, doc.file_size);
      if (refused) return send(ctx, toMessages(ingestLines(refused, lang)));
      input = { bytes: await download(doc), filename: doc.file_name, now: actx.now() };
    }
    const outcome = await ingestArticle(actx.live, input);
    log.info({ ...fields, ok: outcome.ok, ...(outcome.ok ? { file: outcome.file, events: outcome.events } : { reason: outcome.reason }) }, "ingest");
    return send(ctx, toMessages(ingestLines(outcome, lang)));
  }

  /** A document's bytes, through getFile and the Bot API's file download path (the URL holds the token: never logged). */
  async function download(doc: Document): Promise<Buffer> {
    const f = await bot.api.getFile(doc.file_id);
    if (!f.file_path) throw new Error("getFile returned no file path");
    const res = await fetch(`${apiRoot ?? DEFAULT_API_ROOT}/file/bot${token}/${f.file_path}`);
    if (!res.ok) throw new Error(`file download failed: HTTP ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  }

  let server: Server | undefined;
  let polling: Promise<void> | undefined;
  let stopped = false;
  /** The waits between getMe attempts, ended by stop(). */
  const pauses = new Pauses();

  /**
   * The bot's identity (getMe). While the Bot API cannot be reached (network errors, 5xx, 429) this is
   * logged and retried with backoff, so a Telegram outage at start is visible and never blocks stop().
   * A refusal (401 bad token, 404) is thrown. Resolves undefined when stopped meanwhile.
   */
  async function getMe(): Promise<UserFromGetMe | undefined> {
    for (let attempt = 1; !stopped; attempt++) {
      try {
        return await bot.api.getMe();
      } catch (err) {
        const passing = err instanceof HttpError || (err instanceof GrammyError && (err.error_code >= 500 || err.error_code === 429));
        if (!passing || stopped) throw err;
        const retryInMs = backoffMs(attempt, opts.startRetry);
        log.warn({ err: errorFields(err, secrets), attempt, retryInMs }, "telegram getMe failed; retrying");
        await pauses.wait(retryInMs);
      }
    }
    return undefined;
  }

  async function registerCommands(): Promise<void> {
    try {
      await bot.api.setMyCommands(COMMANDS.en);
      await bot.api.setMyCommands(COMMANDS.zh, { language_code: "zh" });
    } catch (err) {
      log.warn({ err: errorFields(err, secrets) }, "setMyCommands failed; the command menu may be out of date");
    }
  }

  async function startWebhook(url: string): Promise<void> {
    const handle = webhookCallback(bot, "http", { secretToken: config.TELEGRAM_WEBHOOK_SECRET, onTimeout: "return", timeoutMilliseconds: 9000 });
    const srv = createServer((req, res) => {
      if (req.method === "GET" && req.url === "/healthz") return void res.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
      if (req.method !== "POST") return void res.writeHead(405, { Allow: "POST" }).end();
      handle(req, res).catch((err: unknown) => {
        log.warn({ err: errorFields(err, secrets) }, "bad webhook request");
        if (!res.headersSent) res.writeHead(400).end();
      });
    });
    server = srv;
    await new Promise<void>((resolve, reject) => {
      srv.once("error", reject);
      srv.listen(opts.port ?? config.PORT, opts.host, () => {
        srv.off("error", reject);
        resolve();
      });
    });
    srv.on("error", (err) => log.error({ err: errorFields(err, secrets) }, "webhook server error"));
    try {
      await bot.api.setWebhook(url, { secret_token: config.TELEGRAM_WEBHOOK_SECRET, allowed_updates: [...ALLOWED_UPDATES] });
    } catch (err) {
      await closeServer();
      throw err;
    }
    log.info({ port: (srv.address() as AddressInfo).port }, "telegram webhook listening");
  }

  async function startPolling(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      let started = false;
      polling = bot
        .start({
          allowed_updates: [...ALLOWED_UPDATES],
          timeout: opts.pollingTimeout,
          onStart: (me) => {
            started = true;
            log.info({ bot: me.username }, "telegram long polling started");
            resolve();
          },
        })
        .catch((err: unknown) => {
          if (!started) return reject(err);
          log.error({ err: errorFields(err, secrets) }, "telegram long polling stopped");
        });
    });
  }

  async function closeServer(): Promise<void> {
    const srv = server;
    server = undefined;
    if (!srv) return;
    const closed = new Promise<void>((r) => srv.close(() => r()));
    srv.closeAllConnections();
    await settleWithin(closed, STOP_WAIT_MS);
  }

  return {
    name: "telegram",
    bot,
    mode,
    get port() {
      const addr = server?.address();
      return addr && typeof addr === "object" ? addr.port : undefined;
    },
    async start() {
      stopped = false;
      try {
        if (!bot.isInited()) {
          const me = await getMe();
          if (!me) return;
          bot.botInfo = me;
        }
        await registerCommands();
        if (webhookUrl) await startWebhook(webhookUrl);
        else await startPolling();
      } catch (err) {
        // Rethrow without the original error: its nested fetch error names the URL, token included.
        const fields = errorFields(err, secrets);
        log.error({ err: fields }, "telegram adapter could not start");
        throw new Error(`Telegram adapter could not start: ${String(fields.description ?? fields.message ?? "unknown error")}`);
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      pauses.cancel();
      if (mode === "webhook") await closeServer();
      else {
        if (bot.isRunning()) await settleWithin(bot.stop(), STOP_WAIT_MS);
        // Let the update being handled finish, but not for long.
        if (polling) await settleWithin(polling, STOP_WAIT_MS);
      }
      log.info("telegram stopped");
    },
  };
}
