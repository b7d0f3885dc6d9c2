/**
 * Digests and /ingest on Slack, end to end: the real Bolt app's HTTP receiver on 127.0.0.1 with signed
 * slash commands, the local Web API / response_url stand-in recording chat.postMessage, a real Core
 * over a temporary copy of the fixture corpus, a real SQLite state file and an injected clock.
 * Subscribe, add an article, /digest now, restart on the same state file, then a scheduled digest.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackAdapter, type SlackAdapter } from "../../../adapters/slack/index.ts";
import { renderSlackDigest } from "../../../adapters/slack/publisher.ts";
import { MAX_BLOCKS, MESSAGE_BUDGET, SECTION_MAX } from "../../../adapters/slack/render.ts";
import { loadConfig } from "../../../src/config.ts";
import { Core } from "../../../src/core.ts";
import type { Digest } from "../../../src/digest/compose.ts";
import { openDigestRuntime, type DigestRuntime } from "../../../src/digest/runtime.ts";
import { createLogger } from "../../../src/logger.ts";
import { openSqliteStore } from "../../../src/state/sqlite.ts";
import { article, clock, copyFixture, put, tempDir } from "../../helpers/state.ts";
import { allText, BOT_TOKEN, commandBody, FakeSlack, post, SIGNING_SECRET, waitFor } from "./helpers.ts";
import { FIXTURE_DIR } from "./helpers.ts";

const FORM = "application/x-www-form-urlencoded";
const CHANNEL = "C0DIGEST";

let fake: FakeSlack;
let dir: string;
let core: Core;
let dbPath: string;
const c = clock("2024-05-10T10:00:00Z");
const logs: string[] = [];
let seq = 0;

interface App extends DigestRuntime {
  adapter: SlackAdapter;
}
let app: App;

async function boot(): Promise<App> {
  const store = openSqliteStore(dbPath);
  const logger = createLogger("debug", { write: (l: string) => void logs.push(l) });
  const runtime = await openDigestRuntime({ core, store, now: c.now, logger });
  const config = loadConfig({ DATA_DIR: dir, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, SLACK_ADMINS: "U0ADMIN" });
  const adapter = createSlackAdapter({ core, config, logger, now: c.now, digests: runtime.services, live: runtime.live }, { port: 0, host: "127.0.0.1", retry: { initialMs: 20, maxMs: 100 } })!;
  await adapter.start();
  return { ...runtime, adapter };
}

async function shutdown(a: App): Promise<void> {
  await a.adapter.stop();
  await a.close();
}

/** A signed slash command; returns the acknowledgement's JSON (or {} when empty) and its response_url id. */
async function command(cmd: string, text: string, user = "U0ADMIN") {
  const id = `r${++seq}`;
  const res = await post(app.adapter.port!, "/slack/events", commandBody(text, fake.responseUrl(id), cmd, { channel_id: CHANNEL, user_id: user }), FORM);
  expect(res.status).toBe(200);
  return { ack: res.text ? res.json() : {}, id };
}

const responds = (id: string) => fake.calls.filter((x) => x.method === "respond" && x.path.endsWith(`/${id}`));
const posts = () => fake.of("chat.postMessage").filter((x) => x.body.channel === CHANNEL);
const textOf = (m: { text?: string; blocks?: unknown[] }) => allText(m as never).join("\n");

beforeAll(async () => {
  fake = await new FakeSlack().start();
  dir = copyFixture(FIXTURE_DIR);
  core = await Core.load({ dataDir: dir, now: c.now });
  dbPath = join(tempDir(), "state.db");
  app = await boot();
});

afterAll(async () => {
  if (app) await shutdown(app);
  await fake?.stop();
  const all = logs.join("\n");
  expect(all).not.toContain(BOT_TOKEN);
  expect(all).not.toContain(SIGNING_SECRET);
});

describe("slack digests and /ingest", () => {
  it("subscribes the channel, telling everyone the schedule in words and the next run", async () => {
    const { ack } = await command("/digest", "weekly mon 09:00 Asia/Almaty energy");
    expect(ack.response_type).toBe("in_channel");
    const text = textOf(ack);
    expect(text).toContain("every Monday at 09:00 (Asia/Almaty)");
    expect(text).toMatch(/Mon 13 May 2024, 09:00 \(Asia\/Almaty\)/);
    expect(text).toContain("energy");
    const shown = await command("/digest", "");
    expect(shown.ack.response_type).toBe("ephemeral");
    expect(textOf(shown.ack)).toContain("This chat's digest");
  });

  it("answers bad input with usage, privately", async () => {
    const { ack } = await command("/digest", "daily 9am");
    expect(ack.response_type).toBe("ephemeral");
    expect(textOf(ack)).toContain("not a time");
    expect(textOf(ack)).toContain("/digest off");
  });

  it("refuses /ingest from a non-admin and adds pasted text for an admin", async () => {
    const refused = await command("/ingest", article("Brightwater"), "U0OTHER");
    expect(textOf(refused.ack)).toContain("only the bot's admins");
    c.advance(60_000);
    // Slack sends a typed "&" as "&amp;".
    const { ack, id } = await command("/ingest", article("Brightwater").replace("trade agreement on", "energy &amp; trade agreement on"));
    expect(textOf(ack)).toContain("Reading the article");
    const [done] = await waitFor(() => (responds(id).length ? responds(id) : null), 5000, "ingest result");
    expect(textOf(done!.body)).toContain("Added to the corpus");
    expect(core.ask("Who signed the brightwater trade agreement?").sources[0]?.file).toMatch(/^ingested\//);
  });

  it("/digest now posts the topic's new events to the channel with chat.postMessage", async () => {
    c.advance(60_000);
    put(dir, "drop/millbrook.txt", article("Millbrook", "Coldwater", 20));
    await app.live.sync();
    c.advance(60_000);
    const before = posts().length;
    const { ack, id } = await command("/digest", "now");
    expect(ack).toEqual({});
    await waitFor(() => posts().length > before, 5000, "digest post");
    const text = posts().slice(before).map((p) => textOf(p.body)).join("\n");
    expect(text).toContain("News digest");
    expect(text).toContain("signed a brightwater energy &amp; trade agreement"); // "&" escaped once
    expect(text).not.toContain("millbrook"); // not about energy
    expect(posts().at(-1)!.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(responds(id)).toEqual([]);
    const again = await command("/digest", "now");
    const [nothing] = await waitFor(() => (responds(again.id).length ? responds(again.id) : null), 5000, "nothing new");
    expect(textOf(nothing!.body)).toContain("Nothing new since");
    expect(nothing!.body.response_type).toBe("ephemeral");
  });

  it("waits out a 429 from chat.postMessage (Retry-After) and posts the digest once", async () => {
    c.advance(60_000);
    put(dir, "drop/eastwick.txt", article("Eastwick", "Stonebridge", 8).replace("trade agreement on", "energy storage agreement on"));
    await app.live.sync();
    c.advance(60_000);
    let limited = 1;
    fake.reply("chat.postMessage", (call) =>
      limited-- > 0
        ? { status: 429, headers: { "retry-after": "0" }, body: { ok: false, error: "ratelimited" } }
        : { body: { ok: true, channel: call.body.channel, ts: `${Date.now() / 1000}` } },
    );
    try {
      const before = fake.of("chat.postMessage").length;
      const { id } = await command("/digest", "now");
      await waitFor(() => posts().length > before + 1, 5000, "the digest after the 429");
      const tries = fake.of("chat.postMessage").slice(before);
      expect(tries).toHaveLength(2);
      expect(tries[1]!.body).toEqual(tries[0]!.body);
      expect(textOf(tries[1]!.body)).toContain("eastwick energy storage agreement");
      expect(responds(id)).toEqual([]);
    } finally {
      fake.reply("chat.postMessage", (call) => ({ body: { ok: true, channel: call.body.channel, ts: `${Date.now() / 1000}` } }));
    }
  });

  it("keeps the subscription across a restart and posts the scheduled digest on Monday 09:00 Almaty time", async () => {
    await shutdown(app);
    app = await boot();
    expect(textOf((await command("/digest", "")).ack)).toContain("every Monday at 09:00 (Asia/Almaty)");
    c.advance(60_000);
    put(dir, "drop/fairhaven.txt", article("Fairhaven", "Harrowgate", 14).replace("trade agreement on", "energy grid agreement on"));
    await app.live.sync();
    // Count only the digest that carries the new article: other posts of the restart may still arrive.
    const digests = () => posts().filter((p) => textOf(p.body).includes("fairhaven energy grid agreement")).length;
    const next = (await app.services.store.getSubscription("slack", CHANNEL))!.nextRun;
    c.t = next - 1;
    await app.scheduler.tick();
    expect(digests()).toBe(0);
    c.t = next;
    await app.scheduler.tick();
    expect(digests()).toBe(1);
    const { ack } = await command("/digest", "off");
    expect(textOf(ack)).toContain("Digest stopped");
  });

  it("splits a long digest within Slack's limits", () => {
    const item = (i: number) => ({
      eventId: `e${i}`, kind: "meeting" as const, date: { year: 2024, month: 1, day: (i % 28) + 1, precision: "day" as const, provenance: "stated" as const, text: "" },
      who: ["Someone <@U123> & co"], what: `Event ${i}: ${"long words ".repeat(40)}`, source: { file: `f${i}.txt`, title: `Title ${i} <b>`, updated: false },
    });
    const d: Digest = { since: 0, until: 1, lang: "en", tz: "UTC", items: Array.from({ length: 120 }, (_, i) => item(i)), articles: [] };
    const messages = renderSlackDigest(d);
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
      const sizes = m.blocks.map((b) => ("text" in b && b.text && typeof b.text === "object" ? b.text.text.length : 0));
      expect(Math.max(...sizes)).toBeLessThanOrEqual(SECTION_MAX);
      expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(MESSAGE_BUDGET + SECTION_MAX);
      expect(m.text.length).toBeGreaterThan(0);
    }
    const all = messages.map(textOf).join("\n");
    expect(all).not.toContain("<@U123>");
    expect(all).toContain("&lt;@U123&gt;");
    expect(all).toContain("Event 119");
  });
});
