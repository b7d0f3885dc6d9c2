/**
 * A small stand-in for the Telegram Bot API on 127.0.0.1 (a random port), for tests: point grammY's
 * `client.apiRoot` at `api.url`. It records every call, serves queued updates through getUpdates
 * (holding an empty long poll briefly), answers sendMessage with a Message, serves uploaded documents
 * through getFile and `/file/bot<token>/<path>`, and can fail the next call of a method. Takes nothing;
 * `FakeBotApi.start(botInfo)` returns a listening server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Chat, Document, Message, MessageEntity, Update, UserFromGetMe } from "grammy/types";

export interface ApiCall {
  method: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  payload: Record<string, any>;
  /** The message this call created (sendMessage), if any. */
  result?: unknown;
  /** Set when the call was failed on purpose. */
  failed?: boolean;
}

export interface ApiFailure {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

/** How long an empty getUpdates is held before answering `[]` by default (real Telegram holds up to `timeout`). */
const HOLD_MS = 250;

export const BOT_INFO = {
  id: 777000111,
  is_bot: true,
  first_name: "News Test Bot",
  username: "news_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
} as unknown as UserFromGetMe;

export const TOKEN = "123456789:TEST-not-a-real-token_abcdefghij";

/** Entities as Telegram computes them: a leading /command and @mentions (UTF-16 offsets). */
export function entitiesOf(text: string): MessageEntity[] {
  const out: MessageEntity[] = [];
  const cmd = /^\/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?/.exec(text);
  if (cmd) out.push({ type: "bot_command", offset: 0, length: cmd[0].length });
  for (const m of text.matchAll(/(?<![A-Za-z0-9_/])@[A-Za-z0-9_]{5,32}/g)) out.push({ type: "mention", offset: m.index!, length: m[0].length });
  return out;
}

export class FakeBotApi {
  readonly calls: ApiCall[] = [];
  private queue: Update[] = [];
  private nextUpdateId = 1;
  private nextMessageId = 5000;
  private waiting = new Set<() => void>();
  private failures = new Map<string, ApiFailure[]>();
  private chats = new Map<number, Chat>();
  private files = new Map<string, { path: string; bytes: Buffer }>();
  /** Paths of files downloaded, with the token seen in the URL. */
  readonly downloads: { path: string; token: string }[] = [];
  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly botInfo: UserFromGetMe,
    private readonly holdMs: number,
  ) {}

  /** `holdMs`: how long an empty long poll is held (capped by its `timeout`, as Telegram does); default 250 ms. */
  static async start(botInfo: UserFromGetMe = BOT_INFO, o: { holdMs?: number } = {}): Promise<FakeBotApi> {
    let api: FakeBotApi | undefined;
    const server = createServer((req, res) => void api!.handle(req, res));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    api = new FakeBotApi(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, botInfo, o.holdMs ?? HOLD_MS);
    return api;
  }

  /** Queues an update (its update_id is assigned here) and wakes a waiting getUpdates. Returns the update. */
  push(update: Omit<Update, "update_id">): Update {
    const u = { ...update, update_id: this.nextUpdateId++ } as Update;
    this.queue.push(u);
    for (const wake of this.waiting) wake();
    return u;
  }

  /** A message from a user in a chat, with entities computed from its text. */
  message(chat: Chat, text: string | undefined, extra: Partial<Message> = {}, from = { id: 4242, is_bot: false, first_name: "Ann", language_code: "en" }): Message {
    this.chats.set(chat.id, chat);
    const m = { message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000), chat, from, ...extra } as Message;
    if (text !== undefined) {
      (m as { text?: string }).text = text;
      const entities = entitiesOf(text);
      if (entities.length) (m as { entities?: MessageEntity[] }).entities = entities;
    }
    return m;
  }

  /** Pushes a new message update; returns the message. */
  say(chat: Chat, text: string | undefined, extra: Partial<Message> = {}, from?: Message["from"]): Message {
    const m = this.message(chat, text, extra, from as never);
    this.push({ message: m as NonNullable<Update["message"]> });
    return m;
  }

  /** A document a user could send: its bytes are served by getFile and the file download path. */
  document(bytes: Buffer, fileName: string, mimeType = "text/plain"): Document {
    const id = `doc${this.files.size + 1}`;
    this.files.set(id, { path: `documents/file_${this.files.size + 1}${fileName.slice(fileName.lastIndexOf("."))}`, bytes });
    return { file_id: id, file_unique_id: `u${id}`, file_name: fileName, mime_type: mimeType, file_size: bytes.length };
  }

  /** Makes the next call of `method` fail with this Bot API error. */
  failNext(method: string, failure: ApiFailure): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), failure]);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Texts sent (successfully) to a chat, in order. */
  sentTo(chatId: number): string[] {
    return this.callsOf("sendMessage").filter((c) => c.payload.chat_id === chatId && !c.failed).map((c) => c.payload.text as string);
  }

  /** Polls `cond` every 10 ms until it is truthy; throws after `timeoutMs`. */
  async waitFor<T>(cond: () => T, timeoutMs = 5000, what = "condition"): Promise<NonNullable<T>> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const v = cond();
      if (v) return v as NonNullable<T>;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async close(): Promise<void> {
    for (const wake of this.waiting) wake();
    const closed = new Promise((r) => this.server.close(r));
    this.server.closeAllConnections();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(req.url ?? "");
    if (download) {
      const file = [...this.files.values()].find((f) => f.path === download[2]);
      this.downloads.push({ path: download[2]!, token: download[1]! });
      if (!file) return void res.writeHead(404).end();
      return void res.writeHead(200, { "Content-Type": "application/octet-stream" }).end(file.bytes);
    }
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? "");
    const reply = (status: number, body: unknown) => {
      if (!res.writableEnded && !res.destroyed) res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
    };
    if (!match) return reply(404, { ok: false, error_code: 404, description: "Not Found" });
    const method = match[2]!;
    const payload = raw ? JSON.parse(raw) : {};
    const call: ApiCall = { method, payload };
    this.calls.push(call);
    const failure = this.failures.get(method)?.shift();
    if (failure) {
      call.failed = true;
      return reply(failure.error_code === 429 ? 429 : failure.error_code, { ok: false, ...failure });
    }
    const ok = (result: unknown) => reply(200, { ok: true, result });
    switch (method) {
      case "getMe":
        return ok(this.botInfo);
      case "getFile": {
        const f = this.files.get(payload.file_id);
        if (!f) return reply(400, { ok: false, error_code: 400, description: "Bad Request: invalid file_id" });
        return ok({ file_id: payload.file_id, file_unique_id: `u${payload.file_id}`, file_size: f.bytes.length, file_path: f.path });
      }
      case "getUpdates":
        return ok(await this.updates(payload, res));
      case "sendMessage": {
        const chat = this.chats.get(payload.chat_id) ?? { id: payload.chat_id, type: "private", first_name: "?" };
        const m = { message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000), chat, from: this.botInfo, text: payload.text };
        call.result = m;
        return ok(m);
      }
      default:
        return ok(true);
    }
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private async updates(p: Record<string, any>, res: ServerResponse): Promise<Update[]> {
    const offset: number = p.offset ?? 0;
    this.queue = this.queue.filter((u) => u.update_id >= offset);
    if (!this.queue.length && (p.timeout ?? 0) > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiting.delete(done);
          resolve();
        };
        const timer = setTimeout(done, Math.min(this.holdMs, p.timeout * 1000));
        this.waiting.add(done);
        res.once("close", done);
      });
    }
    return this.queue.slice(0, p.limit ?? 100);
  }
}
