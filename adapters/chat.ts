/**
 * The small interface every chat platform implements (console, Telegram, Slack).
 * An adapter takes platform input, calls the Core, renders the neutral Answer with its own
 * renderer and sends it; it holds no query logic. `startAdapters` runs every configured one.
 */
import type { Config } from "../src/config.ts";
import type { Core } from "../src/core.ts";
import type { DigestServices } from "../src/digest/commands.ts";
import type { LiveCorpus } from "../src/live/watch.ts";
import type { Logger } from "../src/logger.ts";

export interface ChatAdapter {
  /** "console", "telegram", "slack". */
  readonly name: string;
  /** Connect and begin answering. Resolves once it is listening. */
  start(): Promise<void>;
  /** Stop cleanly (SIGTERM); resolves within a few seconds. */
  stop(): Promise<void>;
}

export interface AdapterContext {
  core: Core;
  config: Config;
  logger: Logger;
  now: () => Date;
  /** Subscriptions and the scheduler; without them /digest says digests are off. Adapters register their Publisher here. */
  digests?: DigestServices;
  /** The watched corpus; without it /ingest says adding articles is off. */
  live?: LiveCorpus;
}

/** Returns an adapter when the platform is configured in `ctx.config`, else null. */
export type AdapterFactory = (ctx: AdapterContext) => ChatAdapter | null | Promise<ChatAdapter | null>;
