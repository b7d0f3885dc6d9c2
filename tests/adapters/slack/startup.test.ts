/**
 * Slack adapter start-up and shutdown: not configured → null; an unreachable or failing Slack API
 * never crashes start-up (auth.test and the Socket Mode connection are logged and retried in the
 * background); Socket Mode serves /healthz; stop() resolves even with open connections (the 5-second
 * bound npm start puts on stopping is tested in tests/adapters/main.test.ts).
 */
import { once } from "node:events";
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createSlackAdapter, type SlackAdapter } from "../../../adapters/slack/index.ts";
import { renderSlack, shareBlock } from "../../../adapters/slack/render.ts";
import { WebSocket, WebSocketServer } from "ws";
import { APP_TOKEN, BOT_TOKEN, closedPort, commandBody, eventBody, FakeSlack, post, SIGNING_SECRET, testContext, waitFor, type TestContext } from "./helpers.ts";

const FAST = { initialMs: 20, maxMs: 80 };
const started: SlackAdapter[] = [];
const fakes: FakeSlack[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((a) => a.stop()));
  await Promise.all(fakes.splice(0).map((f) => f.stop()));
});

async function startAdapter(ctx: TestContext): Promise<SlackAdapter> {
  const a = createSlackAdapter(ctx, { port: 0, host: "127.0.0.1", retry: FAST });
  expect(a).not.toBeNull();
  started.push(a!);
  await a!.start();
  return a!;
}

const warnings = (ctx: TestContext, msg: string) => ctx.logs.map((l) => JSON.parse(l)).filter((l) => l.level === 40 && l.msg === msg);

function expectNoSecrets(ctx: TestContext): void {
  const logs = ctx.logs.join("\n");
  for (const s of [BOT_TOKEN, SIGNING_SECRET, APP_TOKEN]) expect(logs).not.toContain(s);
}

describe("createSlackAdapter", () => {
  it("returns null unless Slack is configured", async () => {
    const ctx = await testContext({});
    expect(createSlackAdapter(ctx)).toBeNull();
    // a bot token alone is rejected by loadConfig; an adapter given such a config still declines
    expect(createSlackAdapter({ ...ctx, config: { ...ctx.config, SLACK_BOT_TOKEN: BOT_TOKEN } })).toBeNull();
    expect(createSlackAdapter({ ...ctx, config: { ...ctx.config, SLACK_SIGNING_SECRET: SIGNING_SECRET } })).toBeNull();
  });
});

describe("start-up with an unreachable or failing Slack API", () => {
  it("starts, keeps answering /ask, and retries auth.test with backoff when the API is unreachable", async () => {
    const dead = await closedPort();
    const responses = await new FakeSlack().start();
    fakes.push(responses);
    const ctx = await testContext({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `http://127.0.0.1:${dead}/api/` });
    const adapter = await startAdapter(ctx);
    const health = await fetch(`http://127.0.0.1:${adapter.port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, botReady: false });

    const retries = await waitFor(() => {
      const w = warnings(ctx, "slack auth.test failed; retrying");
      return w.length >= 3 ? w : null;
    }, 5000, "auth.test retries");
    expect(retries.map((w) => w.attempt)).toEqual([1, 2, 3]);
    expect(retries[1].retryInMs).toBeGreaterThan(retries[0].retryInMs);
    expect(adapter.botUserId).toBeUndefined();

    // slash commands need no Web API call: still answered
    const q = "Who opened the ferry line?";
    const res = await post(adapter.port!, "/slack/events", commandBody(q, responses.responseUrl("x")), "application/x-www-form-urlencoded");
    expect(res.status).toBe(200);
    const answer = ctx.core.ask(q);
    expect(res.json().blocks).toEqual([...renderSlack(answer)[0]!.blocks, shareBlock(answer)]);
    await adapter.stop();
    const n = warnings(ctx, "slack auth.test failed; retrying").length;
    await new Promise((r) => setTimeout(r, 150));
    expect(warnings(ctx, "slack auth.test failed; retrying").length).toBe(n); // retries end with stop()
    expectNoSecrets(ctx);
  });

  it("learns the bot identity once the API recovers", async () => {
    const fake = await new FakeSlack().start();
    fakes.push(fake);
    let failures = 2;
    fake.reply("auth.test", () =>
      failures-- > 0 ? { status: 503, body: { ok: false } } : { body: { ok: true, user_id: "UBOT", bot_id: "BBOT", team: "Test" } },
    );
    const ctx = await testContext({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl });
    const adapter = await startAdapter(ctx);
    await waitFor(() => adapter.botUserId, 5000, "bot identity");
    expect(fake.of("auth.test")).toHaveLength(3);
    expect(warnings(ctx, "slack auth.test failed; retrying")).toHaveLength(2);
    expect(await (await fetch(`http://127.0.0.1:${adapter.port}/healthz`)).json()).toMatchObject({ botReady: true });
    expectNoSecrets(ctx);
  });

  it("keeps retrying an invalid token without crashing", async () => {
    const fake = await new FakeSlack().start();
    fakes.push(fake);
    fake.reply("auth.test", () => ({ body: { ok: false, error: "invalid_auth" } }));
    const ctx = await testContext({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl });
    await startAdapter(ctx);
    const w = await waitFor(() => (warnings(ctx, "slack auth.test failed; retrying").length >= 2 ? warnings(ctx, "slack auth.test failed; retrying") : null));
    expect(w[0].err.slackError).toBe("invalid_auth");
    expectNoSecrets(ctx);
  });
});

describe("Socket Mode", () => {
  it("serves /healthz, retries the connection in the background, and stops", async () => {
    const fake = await new FakeSlack().start();
    fakes.push(fake);
    fake.reply("apps.connections.open", () => ({ body: { ok: false, error: "invalid_auth" } }));
    const ctx = await testContext({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl });
    const adapter = await startAdapter(ctx);
    expect(adapter.mode).toBe("socket");
    const health = await fetch(`http://127.0.0.1:${adapter.port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, mode: "socket", connected: false });
    expect((await fetch(`http://127.0.0.1:${adapter.port}/slack/events`, { method: "POST", body: "{}" })).status).toBe(404);

    await waitFor(() => fake.of("apps.connections.open").length >= 2, 5000, "connection retries");
    expect(fake.of("apps.connections.open")[0]!.authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(warnings(ctx, "slack socket mode connection failed; retrying").length).toBeGreaterThanOrEqual(1);
    await waitFor(() => adapter.botUserId, 5000, "bot identity");
    await adapter.stop();
    const n = fake.of("apps.connections.open").length;
    await new Promise((r) => setTimeout(r, 150));
    expect(fake.of("apps.connections.open").length).toBe(n);
    expectNoSecrets(ctx);
  });

  it("answers /ask and mentions that arrive over the WebSocket", async () => {
    // Slack's side of Socket Mode: apps.connections.open hands out a WebSocket URL, which says hello and
    // then sends envelopes that the app acknowledges with their envelope_id (and the reply as payload).
    const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await once(wss, "listening");
    const sockets: WebSocket[] = [];
    const acks: { envelope_id: string; payload?: any }[] = [];
    wss.on("connection", (ws) => {
      sockets.push(ws);
      ws.on("message", (data) => acks.push(JSON.parse(String(data))));
      ws.send(JSON.stringify({ type: "hello", num_connections: 1, debug_info: { host: "test" }, connection_info: { app_id: "A0001" } }));
    });
    const fake = await new FakeSlack().start();
    fakes.push(fake);
    fake.reply("apps.connections.open", () => ({ body: { ok: true, url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link` } }));
    const ctx = await testContext({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl });
    try {
      const adapter = await startAdapter(ctx);
      await waitFor(() => ctx.logs.some((l) => l.includes("slack socket mode connected")), 5000, "the socket connection");
      expect(await (await fetch(`http://127.0.0.1:${adapter.port}/healthz`)).json()).toMatchObject({ mode: "socket", connected: true });
      await waitFor(() => adapter.botUserId, 5000, "bot identity");

      const q = "Who opened the ferry line?";
      const command = Object.fromEntries(new URLSearchParams(commandBody(q, fake.responseUrl("sock"))));
      sockets[0]!.send(JSON.stringify({ envelope_id: "env-1", type: "slash_commands", accepts_response_payload: true, payload: command }));
      const ack = await waitFor(() => acks.find((a) => a.envelope_id === "env-1"), 5000, "the slash command ack");
      const answer = ctx.core.ask(q);
      expect(ack.payload).toMatchObject({ response_type: "ephemeral", text: renderSlack(answer)[0]!.text });
      expect(ack.payload.blocks).toEqual([...renderSlack(answer)[0]!.blocks, shareBlock(answer)]);

      const event = JSON.parse(eventBody({ type: "app_mention", user: "U0USER", text: `<@UBOT> ${q}`, ts: "1700000900.000100", channel: "C0001", event_ts: "1700000900.000100" }, "EvSock"));
      sockets[0]!.send(JSON.stringify({ envelope_id: "env-2", type: "events_api", accepts_response_payload: false, payload: event }));
      const posted = await waitFor(() => fake.of("chat.postMessage").find((c) => c.body.thread_ts === "1700000900.000100"), 5000, "the threaded answer");
      expect(posted.body.blocks).toEqual(renderSlack(answer)[0]!.blocks);
      expect(acks.some((a) => a.envelope_id === "env-2")).toBe(true);
      expect(fake.of("apps.connections.open")[0]!.authorization).toBe(`Bearer ${APP_TOKEN}`);
      await adapter.stop();
      await waitFor(() => sockets[0]!.readyState === WebSocket.CLOSED, 5000, "the socket to close");
    } finally {
      for (const ws of wss.clients) ws.terminate();
      await new Promise((r) => wss.close(r));
    }
    expectNoSecrets(ctx);
  });
});

describe("stop()", () => {
  it("resolves with a keep-alive connection still open, closing it", async () => {
    const fake = await new FakeSlack().start();
    fakes.push(fake);
    const ctx = await testContext({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl });
    const adapter = await startAdapter(ctx);
    // hold a connection open: a request whose body never finishes
    const req = request({ host: "127.0.0.1", port: adapter.port, path: "/slack/events", method: "POST", headers: { "content-type": "application/json", "content-length": "1000" } });
    req.on("error", () => {});
    req.write("{");
    await once(req, "socket").then(([socket]) => once(socket, "connect"));
    await adapter.stop();
    req.destroy();
    await expect(fetch(`http://127.0.0.1:${adapter.port ?? 1}/healthz`)).rejects.toThrow();
  });
});
