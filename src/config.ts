/**
 * Settings from the environment (and an optional .env file), validated with zod.
 * Takes process.env (or any record), returns a typed Config or throws one clear error listing every bad setting.
 * Every setting is documented in .env.example.
 */
import { z } from "zod";

const optional = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));
const port = (def: number) => z.coerce.number().int().min(0).max(65535).default(def);
/** A comma-separated list of user ids matching `id`; empty means nobody. */
const idList = (id: RegExp, what: string) =>
  optional.refine((v) => !v || v.split(",").every((x) => !x.trim() || id.test(x.trim())), `comma-separated ${what}`);
const flag = (def: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", "on", "off", ""])
    .optional()
    .transform((v) => (v === undefined || v === "" ? def : ["true", "1", "yes", "on"].includes(v)));

/** Folder for corpus snapshots; "", "off", "false" or "none" turns them off (undefined). */
const snapshotDir = z
  .string()
  .optional()
  .transform((v) => (v === undefined ? "var/snapshots" : ["", "off", "false", "none", "0"].includes(v.trim().toLowerCase()) ? undefined : v.trim()));

const Schema = z.object({
  DATA_DIR: z.string().default("data"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  STATE_DB: z.string().default("var/state.db"),
  SNAPSHOT_DIR: snapshotDir,
  LIVE_CORPUS: flag(true),
  DIGEST_CHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  TELEGRAM_BOT_TOKEN: optional,
  TELEGRAM_API_ROOT: optional,
  TELEGRAM_ADMINS: idList(/^\d+$/, "numeric Telegram user ids"),
  TELEGRAM_WEBHOOK_URL: optional,
  TELEGRAM_WEBHOOK_SECRET: optional.refine((v) => !v || /^[A-Za-z0-9_-]{1,256}$/.test(v), "1-256 characters of A-Z a-z 0-9 _ -"),
  PORT: port(8080),
  SLACK_BOT_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_API_URL: optional,
  SLACK_ADMINS: idList(/^[UW][A-Z0-9]+$/, "Slack user ids (U…)"),
  SLACK_PORT: port(3000),
});

export type Config = z.infer<typeof Schema>;

/** Every setting's name (each is documented in .env.example). */
export const SETTING_NAMES = Object.keys(Schema.shape);

export class ConfigError extends Error {}

/** SNAPSHOT_DIR alone (for the command-line tools, which need no other setting): the folder, or undefined when off. */
export function snapshotDirFrom(env: Record<string, string | undefined> = process.env): string | undefined {
  return snapshotDir.parse(env.SNAPSHOT_DIR);
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const r = Schema.safeParse(env);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid settings:\n${lines.join("\n")}`);
  }
  const c = r.data;
  if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_WEBHOOK_SECRET) throw new ConfigError("Invalid settings:\n  TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_WEBHOOK_URL is set");
  if (c.SLACK_BOT_TOKEN && !c.SLACK_SIGNING_SECRET && !c.SLACK_APP_TOKEN)
    throw new ConfigError("Invalid settings:\n  SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)");
  return c;
}
