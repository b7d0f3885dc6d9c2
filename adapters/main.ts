/**
 * `npm start`: load settings and the corpus, open the state file (STATE_DB), watch the data folder
 * (LIVE_CORPUS), then run every configured chat platform (Telegram when TELEGRAM_BOT_TOKEN is set,
 * Slack when SLACK_* is set) with the digest scheduler, or the local console chat when none is.
 * SIGTERM/SIGINT stop everything cleanly.
 */
import "dotenv/config";
import { ConfigError, loadConfig } from "../src/config.ts";
import { Core } from "../src/core.ts";
import { openDigestRuntime } from "../src/digest/runtime.ts";
import { snapshotPathFor } from "../src/index/snapshot.ts";
import { createLogger } from "../src/logger.ts";
import { openSqliteStore } from "../src/state/sqlite.ts";
import type { AdapterContext, ChatAdapter } from "./chat.ts";
import { PLATFORMS } from "./platforms.ts";
import { createConsoleAdapter } from "./console/index.ts";

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(err.message + "\n");
      process.exit(2);
    }
    throw err;
  }
  const argData = process.argv.indexOf("--data");
  if (argData > 0 && process.argv[argData + 1]) config.DATA_DIR = process.argv[argData + 1]!;
  // The console chat shares the terminal with its user: unless LOG_LEVEL is set, only warnings (such as
  // skipped corpus files) are logged there.
  const consoleOnly = !config.TELEGRAM_BOT_TOKEN && !config.SLACK_BOT_TOKEN;
  const logger = createLogger(consoleOnly && !process.env.LOG_LEVEL ? "warn" : config.LOG_LEVEL);
  const now = () => new Date();
  const snapshot = config.SNAPSHOT_DIR ? snapshotPathFor(config.SNAPSHOT_DIR, config.DATA_DIR) : undefined;
  const core = await Core.load({ dataDir: config.DATA_DIR, logger, now, snapshot });
  // Before anyone asks: the first question would otherwise wait for the dictionaries and name keys.
  logger.info({ ms: Math.round(core.warmUp()) }, "query stage warmed up");
  // What /start and /sources show, built in slices meanwhile (after a restart it reads every article's title).
  void core.prepareSummary().catch((err: unknown) => logger.warn({ err: err instanceof Error ? err.message : String(err) }, "corpus summary not prepared"));
  const store = openSqliteStore(config.STATE_DB);
  logger.info({ stateDb: config.STATE_DB }, "state opened");
  const digest = await openDigestRuntime({ core, store, now, logger });
  const { live, scheduler } = digest;
  if (config.LIVE_CORPUS) live.start();
  const ctx: AdapterContext = { core, config, logger, now, digests: digest.services, live };

  const adapters: ChatAdapter[] = [];
  for (const f of PLATFORMS) {
    const a = await f(ctx);
    if (a) adapters.push(a);
  }
  if (!adapters.length) adapters.push(createConsoleAdapter(ctx, { onEnd: () => void shutdown("end of input") }));

  let stopping = false;
  async function shutdown(reason: string, code = 0): Promise<void> {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, "stopping");
    const timer = setTimeout(() => process.exit(1), 5000);
    timer.unref();
    await scheduler.stop();
    await Promise.allSettled(adapters.map((a) => a.stop()));
    await digest.close();
    await core.whenSaved();
    process.exit(code);
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
  // The platforms start side by side: one that waits for its API (Telegram retrying getMe during an outage)
  // does not hold up the others. One that cannot start at all (a refused token) stops the bot.
  const starting = adapters.map(async (a) => {
    try {
      await a.start();
      logger.info({ adapter: a.name }, "adapter started");
    } catch (err) {
      logger.fatal({ adapter: a.name, err: err instanceof Error ? err.message : String(err) }, "adapter could not start");
      await shutdown(`${a.name} could not start`, 1);
    }
  });
  // Digests go out through each platform's API client, which needs no started adapter. The first tick runs
  // now: digests missed while the bot was down go out once (catch-up).
  if (scheduler.platforms.length) {
    scheduler.start(config.DIGEST_CHECK_SECONDS * 1000);
    logger.info({ platforms: scheduler.platforms, everySeconds: config.DIGEST_CHECK_SECONDS }, "digest scheduler started");
  }
  await Promise.all(starting);
}

await main();
