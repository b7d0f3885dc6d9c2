/**
 * The Slack adapter end to end: the real Bolt app with its HTTP receiver on 127.0.0.1, the real Core over
 * tests/fixtures/slack, requests signed exactly as Slack signs them (and forged, replayed, unsigned and
 * malformed ones), and a local Web API / response_url server recording what Slack would receive.
 * Answers are compared with renderSlack(core.ask(sameQuestion)), never with particular facts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createSlackAdapter, type SlackAdapter } from "../../../adapters/slack/index.ts";
import { labels, renderSlack, renderUsage, shareBlock } from "../../../adapters/slack/render.ts";
import { plainFromSlack } from "../../../adapters/slack/text.ts";
import {
  allText,
  BOT_TOKEN,
  buttonBody,
  commandBody,
  eventBody,
  FakeSlack,
  form,
  nowSec,
  post,
  SIGNING_SECRET,
  testContext,
  waitFor,
  type TestContext,
} from "./helpers.ts";

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

let fake: FakeSlack;
let ctx: TestContext;
let adapter: SlackAdapter;
let port: number;
let eventSeq = 0;

const ask = (text: string, id = "r1", o = {}) => post(port, "/slack/events", commandBody(text, fake.responseUrl(id)), FORM, o);
const sendEvent = (event: Record<string, unknown>, o = {}, eventId = `Ev${++eventSeq}`) => post(port, "/slack/events", eventBody(event, eventId), JSON_TYPE, o);
const mention = (text: string, ts: string, o = {}) => sendEvent({ type: "app_mention", user: "U0USER", text, ts, channel: "C0001", event_ts: ts }, o);
const dm = (text: string, ts: string, extra: Record<string, unknown> = {}) =>
  sendEvent({ type: "message", channel: "D0001", user: "U0USER", text, ts, event_ts: ts, channel_type: "im", ...extra });
const postsIn = (channel: string, threadTs: string) => fake.of("chat.postMessage").filter((c) => c.body.channel === channel && c.body.thread_ts === threadTs);

/** The messages Slack should receive for a question, built from the same core and renderer. */
function expected(question: string) {
  const answer = ctx.core.ask(question);
  return { answer, messages: renderSlack(answer) };
}

beforeAll(async () => {
  fake = await new FakeSlack().start();
  ctx = await testContext({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl });
  adapter = createSlackAdapter(ctx, { port: 0, host: "127.0.0.1", retry: { initialMs: 20, maxMs: 100 } })!;
  expect(adapter).not.toBeNull();
  expect(adapter.mode).toBe("http");
  await adapter.start();
  port = adapter.port!;
  expect(port).toBeGreaterThan(0);
  await waitFor(() => adapter.botUserId, 5000, "bot identity");
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.stop();
  // Nothing secret was ever logged.
  const logs = ctx.logs.join("\n");
  expect(logs).not.toContain(BOT_TOKEN);
  expect(logs).not.toContain(SIGNING_SECRET);
});

describe("start-up", () => {
  it("fetched the bot identity with auth.test using the bot token", () => {
    const calls = fake.of("auth.test");
    expect(calls.length).toBeGreaterThanOrEqual(1);
    expect(calls[0]!.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(adapter.botUserId).toBe("UBOT");
  });

  it("answers GET /healthz", async () => {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, mode: "http", botReady: true });
  });

  it("answers Slack's url_verification challenge", async () => {
    const body = JSON.stringify({ token: "t", challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", type: "url_verification" });
    const res = await post(port, "/slack/events", body, JSON_TYPE);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
  });
});

describe("/ask", () => {
  it("answers in the acknowledgement, ephemeral, with a Share in channel button", async () => {
    const q = "Who opened the ferry line?";
    // The answer is in the acknowledgement itself (Bolt answers 404 after 3 seconds without one).
    const res = await ask(q);
    expect(res.status).toBe(200);
    const body = res.json();
    const { answer, messages } = expected(q);
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toBe(messages[0]!.text);
    expect(body.blocks).toEqual([...messages[0]!.blocks, shareBlock(answer)]);
    const button = body.blocks.at(-1).elements[0];
    expect(button).toMatchObject({ type: "button", action_id: "share_answer", value: q });
    expect(button.text.text).toBe(labels(answer.lang).share);
  });

  it("answers a Chinese question with Chinese labels", async () => {
    const q = "谁签署了果园合作协议?";
    const res = await ask(q);
    const body = res.json();
    const { answer, messages } = expected(q);
    expect(answer.lang).toBe("zh");
    expect(body.blocks).toEqual([...messages[0]!.blocks, ...(shareBlock(answer) ? [shareBlock(answer)] : [])]);
    expect(allText(body).join("\n")).toContain(labels("zh").question);
  });

  it("gives usage help with the corpus's examples for an empty /ask", async () => {
    const res = await ask("   ");
    expect(res.status).toBe(200);
    const body = res.json();
    const usage = renderUsage(ctx.core.examples("en"), ctx.core.examples("zh"));
    expect(body.response_type).toBe("ephemeral");
    expect(body.blocks).toEqual(usage.blocks);
    expect(body.text).toBe(usage.text);
    expect(body.blocks.some((b: any) => b.type === "actions")).toBe(false);
  });

  it("answers questions full of mentions, links and mrkdwn with everything escaped", async () => {
    const text = "<!channel> who opened the &lt;ferry&gt; line? <@U999|bob> <http://evil.example|click here> *bold* &amp; <!here>";
    const res = await ask(text);
    expect(res.status).toBe(200);
    const body = res.json();
    const q = plainFromSlack(text);
    const { answer, messages } = expected(q);
    expect(body.blocks.slice(0, messages[0]!.blocks.length)).toEqual(messages[0]!.blocks);
    for (const t of allText({ text: body.text, blocks: body.blocks.filter((b: any) => b.type !== "actions") })) {
      expect(t).not.toMatch(/<[!@#]|<http/);
      expect(t).not.toMatch(/[<>]/);
    }
    expect(shareBlock(answer)).not.toBeNull();
    expect(body.blocks.at(-1).elements[0].value).toBe(q);
  });

  it("answers a 4,000-character question, escaped and within limits", async () => {
    const text = ("ferry &lt;line&gt; " + "x".repeat(40) + " ").repeat(70).slice(0, 4000);
    const respondsBefore = fake.of("respond").length;
    const res = await ask(text, "long");
    expect(res.status).toBe(200);
    const body = res.json();
    const { answer, messages } = expected(plainFromSlack(text));
    expect(body.text).toBe(messages[0]!.text);
    expect(body.blocks.slice(0, messages[0]!.blocks.length)).toEqual(messages[0]!.blocks);
    expect(JSON.stringify(body).length).toBeLessThan(10_000);
    // a question too long for a button value gets no share button
    if (answer.question.length > 2000) expect(body.blocks.some((b: any) => b.type === "actions")).toBe(false);
    for (const t of allText(body)) expect(t).not.toMatch(/[<>]/);
    // any further parts went through response_url, ephemeral
    const rest = messages.slice(1);
    if (rest.length) {
      const posts = await waitFor(() => (fake.of("respond").filter((c) => c.path.endsWith("/long")).length >= rest.length ? fake.of("respond").filter((c) => c.path.endsWith("/long")) : null));
      expect(posts.map((p) => p.body.blocks)).toEqual(rest.map((m, i) => (i === rest.length - 1 && shareBlock(answer) ? [...m.blocks, shareBlock(answer)] : m.blocks)));
    } else expect(fake.of("respond").length).toBe(respondsBefore);
  });
});

describe("Share in channel", () => {
  it("re-asks the question from the button and posts the answer publicly, then removes the ephemeral copy", async () => {
    const q = "How many crossings a day?";
    const ack = (await ask(q)).json();
    const value = ack.blocks.at(-1).elements[0].value as string;
    expect(value).toBe(q);
    const res = await post(port, "/slack/events", buttonBody("share_answer", value, fake.responseUrl("share1")), FORM);
    expect(res.status).toBe(200);
    const { messages } = expected(q);
    const posts = await waitFor(() => {
      const p = fake.of("respond").filter((c) => c.path.endsWith("/share1"));
      return p.length >= messages.length + 1 ? p : null;
    });
    const shared = posts.slice(0, messages.length);
    for (const [i, p] of shared.entries()) {
      expect(p.body).toMatchObject({ response_type: "in_channel", replace_original: false, text: messages[i]!.text });
      expect(p.body.blocks).toEqual(messages[i]!.blocks);
    }
    expect(posts.at(-1)!.body).toEqual({ delete_original: true });
  });

  it("apologises when the response_url refuses the shared answer", async () => {
    let failures = 1;
    fake.reply("respond", () => (failures-- > 0 ? { status: 500, body: { ok: false } } : { body: { ok: true } }));
    try {
      const res = await post(port, "/slack/events", buttonBody("share_answer", "How many crossings a day?", fake.responseUrl("share3")), FORM);
      expect(res.status).toBe(200);
      const posts = await waitFor(() => {
        const p = fake.of("respond").filter((c) => c.path.endsWith("/share3"));
        return p.length >= 2 ? p : null;
      });
      expect(posts[1]!.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
      expect(posts[1]!.body.text).toMatch(/sorry/i);
      expect(ctx.logs.some((l) => l.includes("share failed"))).toBe(true);
    } finally {
      fake.reply("respond", () => ({ body: { ok: true } }));
    }
  });

  it("shares a hostile question escaped", async () => {
    const q = "<!channel> & <@U1> who opened the ferry?";
    const res = await post(port, "/slack/events", buttonBody("share_answer", q, fake.responseUrl("share2")), FORM);
    expect(res.status).toBe(200);
    const { messages } = expected(q);
    const posts = await waitFor(() => {
      const p = fake.of("respond").filter((c) => c.path.endsWith("/share2"));
      return p.length >= messages.length + 1 ? p : null;
    });
    expect(posts[0]!.body.blocks).toEqual(messages[0]!.blocks);
    for (const t of allText(posts[0]!.body)) expect(t).not.toMatch(/[<>]/);
  });
});

describe("mentions and direct messages", () => {
  it("answers an @mention in a thread with chat.postMessage, without the bot mention", async () => {
    const res = await mention("<@UBOT> Who opened the ferry line?", "1700000100.000100");
    expect(res.status).toBe(200);
    const posts = await waitFor(() => (postsIn("C0001", "1700000100.000100").length ? postsIn("C0001", "1700000100.000100") : null));
    const { messages } = expected("Who opened the ferry line?");
    expect(posts).toHaveLength(messages.length);
    expect(posts[0]!.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(posts[0]!.body.text).toBe(messages[0]!.text);
    expect(posts[0]!.body.blocks).toEqual(messages[0]!.blocks);
  });

  it("replies inside an existing thread when mentioned there", async () => {
    await sendEvent({ type: "app_mention", user: "U0USER", text: "<@UBOT> 谁签署了果园合作协议?", ts: "1700000200.000300", thread_ts: "1700000200.000100", channel: "C0002", event_ts: "1700000200.000300" });
    const posts = await waitFor(() => (postsIn("C0002", "1700000200.000100").length ? postsIn("C0002", "1700000200.000100") : null));
    expect(posts[0]!.body.blocks).toEqual(expected("谁签署了果园合作协议?").messages[0]!.blocks);
  });

  it("answers a direct message in a thread, and ignores bot messages, subtypes and repeated events", async () => {
    const before = fake.of("chat.postMessage").length;
    await dm("from a bot", "1700000300.000001", { bot_id: "B0OTHER" });
    await dm("edited", "1700000300.000002", { subtype: "message_changed" });
    await sendEvent({ type: "message", channel: "C0001", user: "U0USER", text: "channel chatter", ts: "1700000300.000003", channel_type: "channel" });
    await dm("my own echo", "1700000300.000004", { user: "UBOT" });
    await sendEvent({ type: "app_mention", user: "U0USER", text: "<@UBOT> in a DM", ts: "1700000300.000005", channel: "D0001" });
    await sendEvent({ type: "app_mention", user: "U0OTHERBOT", bot_id: "B0OTHER", text: "<@UBOT> from another bot", ts: "1700000300.000008", channel: "C0001" });
    // the same event delivered twice (a Slack retry) is answered once
    const dup = eventBody({ type: "message", channel: "D0001", user: "U0USER", text: "What was signed?", ts: "1700000300.000006", event_ts: "1700000300.000006", channel_type: "im" }, "EvDup");
    await post(port, "/slack/events", dup, JSON_TYPE);
    await post(port, "/slack/events", dup, JSON_TYPE, { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } });
    const res = await dm("Who opened the ferry line?", "1700000300.000007");
    expect(res.status).toBe(200);
    await waitFor(() => postsIn("D0001", "1700000300.000007").length > 0, 5000, "DM answer");
    // the DM answer arrived; of everything above, only the first copy of the duplicate was answered
    const { messages } = expected("Who opened the ferry line?");
    expect(postsIn("D0001", "1700000300.000007")[0]!.body.blocks).toEqual(messages[0]!.blocks);
    await waitFor(() => postsIn("D0001", "1700000300.000006").length > 0, 5000, "duplicate answered once");
    const after = fake.calls.slice(0).filter((c) => c.method === "chat.postMessage").slice(before);
    const threads = after.map((c) => c.body.thread_ts as string);
    expect(new Set(threads)).toEqual(new Set(["1700000300.000006", "1700000300.000007"]));
    expect(threads.filter((t) => t === "1700000300.000006")).toHaveLength(expected("What was signed?").messages.length);
  });

  it("apologises in the thread when posting the answer fails, and keeps running", async () => {
    let failures = 1;
    fake.reply("chat.postMessage", (c) => (failures-- > 0 ? { body: { ok: false, error: "internal_error" } } : { body: { ok: true, channel: c.body.channel, ts: "1.2" } }));
    try {
      const q = "Who opened the ferry line?";
      await mention(`<@UBOT> ${q}`, "1700000400.000100");
      const posts = await waitFor(() => (postsIn("C0001", "1700000400.000100").length >= 2 ? postsIn("C0001", "1700000400.000100") : null));
      expect(posts[0]!.body.blocks).toEqual(expected(q).messages[0]!.blocks); // the attempt Slack refused
      expect(posts[1]!.body.text).toMatch(/sorry/i);
      expect(ctx.logs.some((l) => l.includes("answering a message failed") && l.includes("internal_error"))).toBe(true);
    } finally {
      fake.reply("chat.postMessage", (c) => ({ body: { ok: true, channel: c.body.channel, ts: `${Date.now() / 1000}` } }));
    }
    await mention("<@UBOT> What was signed?", "1700000400.000200");
    await waitFor(() => postsIn("C0001", "1700000400.000200").length > 0, 5000, "the next answer");
  });

  it("logs and survives a Slack API error when posting", async () => {
    fake.reply("chat.postMessage", (c) => (c.body.channel === "C0BAD" ? { body: { ok: false, error: "not_in_channel" } } : { body: { ok: true, ts: "1.1" } }));
    try {
      await sendEvent({ type: "app_mention", user: "U0USER", text: "<@UBOT> Who opened the ferry line?", ts: "1700000500.000100", channel: "C0BAD", event_ts: "1700000500.000100" });
      await waitFor(() => ctx.logs.some((l) => l.includes("answering a message failed") && l.includes("not_in_channel")), 5000, "error log");
    } finally {
      fake.reply("chat.postMessage", (c) => ({ body: { ok: true, channel: c.body.channel, ts: `${Date.now() / 1000}` } }));
    }
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });
});

describe("request verification", () => {
  it("rejects forged, replayed, unsigned and tampered requests with 401, and runs nothing", async () => {
    const spy = vi.spyOn(ctx.core, "ask");
    const postsBefore = fake.of("chat.postMessage").length;
    const respondsBefore = fake.of("respond").length;
    try {
      const cmd = commandBody("Who opened the ferry line?", fake.responseUrl("forged"));
      const ev = eventBody({ type: "app_mention", user: "U0USER", text: "<@UBOT> Who opened the ferry line?", ts: "1700000600.000100", channel: "C0001", event_ts: "1700000600.000100" }, "EvForged");
      const btn = buttonBody("share_answer", "Who opened the ferry line?", fake.responseUrl("forged"));
      const cases: [string, string, Parameters<typeof post>[4]][] = [];
      for (const [body, type] of [[cmd, FORM], [ev, JSON_TYPE], [btn, FORM]] as const) {
        cases.push([body, type, { sign: "wrong-secret" }]);
        cases.push([body, type, { timestamp: nowSec() - 6 * 60 }]); // correctly signed, but replayed after 5 minutes
        cases.push([body, type, { sign: false }]);
        cases.push([body, type, { signBody: body.replace("ferry", "ferries") }]);
        cases.push([body, type, { headers: { "x-slack-signature": "v0=deadbeef" } }]);
      }
      for (const [body, type, o] of cases) {
        const res = await post(port, "/slack/events", body, type, o);
        expect(res.status, JSON.stringify(o)).toBe(401);
        expect(res.text).toBe("");
      }
      // a signed request afterwards still works, and is the only thing that ran
      const ok = await mention("<@UBOT> What was signed?", "1700000600.000200");
      expect(ok.status).toBe(200);
      await waitFor(() => postsIn("C0001", "1700000600.000200").length > 0, 5000, "signed mention");
      expect(spy).toHaveBeenCalledTimes(1);
      expect(fake.of("chat.postMessage").slice(postsBefore).every((c) => c.body.thread_ts === "1700000600.000200")).toBe(true);
      expect(fake.of("respond").length).toBe(respondsBefore);
    } finally {
      spy.mockRestore();
    }
  });

  it("answers malformed bodies with 4xx and keeps running", async () => {
    const spy = vi.spyOn(ctx.core, "ask");
    try {
      expect((await post(port, "/slack/events", "{not json", JSON_TYPE)).status).toBe(400);
      expect((await post(port, "/slack/events", form({ payload: "{broken" }), FORM)).status).toBe(400);
      expect((await post(port, "/slack/events", "command=/ask&text=hi", "text/plain")).status).toBe(400);
      expect((await post(port, "/slack/events", "", JSON_TYPE)).status).toBe(400);
      // Correctly signed, valid JSON, but not an object: Bolt alone would crash the process on these.
      for (const body of ["null", "[]", "42", '"text"']) expect((await post(port, "/slack/events", body, JSON_TYPE)).status, body).toBe(400);
      for (const event of ["null", '"x"', "[]"]) {
        const body = `{"type":"event_callback","event_id":"EvBad","team_id":"T0001","event":${event}}`;
        expect((await post(port, "/slack/events", body, JSON_TYPE)).status, body).toBe(400);
      }
      for (const payload of ["null", "[1]", "7"]) expect((await post(port, "/slack/events", form({ payload }), FORM)).status, payload).toBe(400);
      // … and unsigned they are still refused as unsigned.
      expect((await post(port, "/slack/events", "null", JSON_TYPE, { sign: false })).status).toBe(401);
      expect((await post(port, "/nowhere", "{}", JSON_TYPE)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${port}/slack/events`)).status).toBe(404);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect((await ask("Who opened the ferry line?")).status).toBe(200);
  });
});
