/**
 * Test helpers for the Slack adapter: the fixture corpus through the real Core, settings through the real
 * loadConfig, a logger that keeps its JSON lines in memory, request signing exactly as Slack signs,
 * and a local stand-in for the Slack Web API and response_url that records every call.
 */
import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { fixtureCore as sharedFixtureCore, makeTestContext, type TestContext } from "../../helpers/context.ts";

export const FIXTURE_DIR = fileURLToPath(new URL("../../fixtures/slack/", import.meta.url));
export const BOT_TOKEN = "xoxb-test-0000-bot-token-never-logged";
export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const APP_TOKEN = "xapp-1-test-app-token-never-logged";

/** The fixture corpus (two invented articles), loaded once per test file. */
export const fixtureCore = () => sharedFixtureCore(FIXTURE_DIR);

export type { TestContext };

export function testContext(env: Record<string, string>): Promise<TestContext> {
  return makeTestContext(FIXTURE_DIR, env);
}

/** Slack's request signature: v0= HMAC-SHA256(secret, "v0:{timestamp}:{raw body}"). */
export function signature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return "v0=" + createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex");
}

export const nowSec = () => Math.floor(Date.now() / 1000);

export interface SendOptions {
  /** Content type; default by body kind. */
  contentType?: string;
  /** Sign with this secret (default the test secret); false sends no signature headers. */
  sign?: string | false;
  /** Request timestamp in seconds; default now. */
  timestamp?: number;
  /** Sign this text instead of the body (forged signature). */
  signBody?: string;
  headers?: Record<string, string>;
}

export interface SlackResponse {
  status: number;
  text: string;
  json: () => any;
}

/** POST a raw body to the adapter, signed as Slack signs it unless told otherwise. */
export async function post(port: number, path: string, body: string, contentType: string, o: SendOptions = {}): Promise<SlackResponse> {
  const ts = o.timestamp ?? nowSec();
  let headers: Record<string, string> = { "content-type": o.contentType ?? contentType };
  if (o.sign !== false) {
    headers["x-slack-request-timestamp"] = String(ts);
    headers["x-slack-signature"] = signature(o.signBody ?? body, ts, o.sign ?? SIGNING_SECRET);
  }
  headers = { ...headers, ...o.headers };
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { method: "POST", headers, body });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) };
}

export function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** A slash command body as Slack sends it; `extra` overrides fields (user_id, channel_id …). */
export function commandBody(text: string, responseUrl: string, command = "/ask", extra: Record<string, string> = {}): string {
  return form({
    token: "legacy-verification-token",
    team_id: "T0001",
    team_domain: "example",
    channel_id: "C0001",
    channel_name: "general",
    user_id: "U0USER",
    user_name: "ada",
    command,
    text,
    api_app_id: "A0001",
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: "1.2.3",
    ...extra,
  });
}

/** An Events API envelope. */
export function eventBody(event: Record<string, unknown>, eventId: string): string {
  return JSON.stringify({
    token: "legacy-verification-token",
    team_id: "T0001",
    api_app_id: "A0001",
    event,
    type: "event_callback",
    event_id: eventId,
    event_time: nowSec(),
    authorizations: [{ enterprise_id: null, team_id: "T0001", user_id: "UBOT", is_bot: true, is_enterprise_install: false }],
  });
}

/** A block_actions interaction (button click) as a payload=… form. */
export function buttonBody(actionId: string, value: string, responseUrl: string): string {
  const payload = {
    type: "block_actions",
    user: { id: "U0USER", username: "ada", team_id: "T0001" },
    api_app_id: "A0001",
    token: "legacy-verification-token",
    container: { type: "message", message_ts: "1700000000.000100", channel_id: "C0001", is_ephemeral: true },
    trigger_id: "1.2.4",
    team: { id: "T0001", domain: "example" },
    channel: { id: "C0001", name: "general" },
    response_url: responseUrl,
    actions: [{ type: "button", action_id: actionId, block_id: "share", value, text: { type: "plain_text", text: "Share" }, action_ts: "1700000001.000200" }],
  };
  return form({ payload: JSON.stringify(payload) });
}

export interface ApiCall {
  /** Web API method ("chat.postMessage") or "respond". */
  method: string;
  path: string;
  authorization?: string;
  /** Form fields (JSON-valued ones such as blocks parsed) or the JSON body of a response_url post. */
  body: Record<string, any>;
}

type Reply = { status?: number; headers?: Record<string, string>; body: unknown };

/**
 * A local Slack Web API (`/api/{method}`) and response_url (`/respond/{id}`) that records calls.
 * Replies ok to auth.test and chat.postMessage unless `reply` overrides a method.
 */
export class FakeSlack {
  readonly calls: ApiCall[] = [];
  private server?: Server;
  private overrides = new Map<string, (call: ApiCall) => Reply>();
  port = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then((r) => {
        res.writeHead(r.status ?? 200, { "content-type": "application/json", ...r.headers });
        res.end(JSON.stringify(r.body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.port = (this.server!.address() as AddressInfo).port;
    return this;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  reply(method: string, fn: (call: ApiCall) => Reply): void {
    this.overrides.set(method, fn);
  }

  of(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage): Promise<Reply> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const path = new URL(req.url ?? "/", "http://x").pathname;
    let method = "unknown";
    let body: Record<string, any> = {};
    if (path.startsWith("/api/")) {
      method = path.slice("/api/".length);
      for (const [k, v] of new URLSearchParams(raw)) body[k] = k === "blocks" ? JSON.parse(v) : v;
    } else if (path.startsWith("/respond/")) {
      method = "respond";
      body = raw ? JSON.parse(raw) : {};
    }
    const call: ApiCall = { method, path, authorization: req.headers.authorization, body };
    this.calls.push(call);
    const o = this.overrides.get(method);
    if (o) return o(call);
    if (method === "auth.test") return { body: { ok: true, url: "https://example.invalid/", team: "Test", user: "newsbot", team_id: "T0001", user_id: "UBOT", bot_id: "BBOT" } };
    if (method === "chat.postMessage") return { body: { ok: true, channel: body.channel, ts: `${Date.now() / 1000}` } };
    if (method === "respond") return { body: { ok: true } };
    return { body: { ok: false, error: "unknown_method" } };
  }
}

/** Poll until `check` returns a truthy value (short intervals, bounded wait). */
export async function waitFor<T>(check: () => T | undefined | false | null, timeoutMs = 5000, label = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

/** A port with nothing listening on it. */
export async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** Every mrkdwn/plain text string in a list of blocks, plus the fallback text. */
export function allText(message: { text?: string; blocks?: any[] }): string[] {
  const out: string[] = [];
  if (message.text) out.push(message.text);
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (k === "text" && typeof x === "string") out.push(x);
        else walk(x);
      }
    }
  };
  walk(message.blocks ?? []);
  return out;
}
