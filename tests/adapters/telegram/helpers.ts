/**
 * Test helpers for the Telegram adapter: the fixture corpus loaded through the real Core, settings
 * built with the real loadConfig, and a logger that keeps its JSON lines in memory.
 * Takes extra settings; returns an AdapterContext plus the captured log lines.
 */
import { fileURLToPath } from "node:url";
import type { AdapterContext } from "../../../adapters/chat.ts";
import { loadConfig } from "../../../src/config.ts";
import { Core } from "../../../src/core.ts";
import { createLogger } from "../../../src/logger.ts";

export const FIXTURE_DIR = fileURLToPath(new URL("../../fixtures/telegram/", import.meta.url));

let corePromise: Promise<Core> | undefined;
/** The fixture corpus (two invented articles), loaded once per test file. */
export function fixtureCore(): Promise<Core> {
  corePromise ??= Core.load({ dataDir: FIXTURE_DIR });
  return corePromise;
}

export interface TestContext extends AdapterContext {
  /** Every log line written so far, raw JSON. */
  logs: string[];
}

export async function testContext(env: Record<string, string>): Promise<TestContext> {
  const logs: string[] = [];
  const logger = createLogger("debug", { write: (line: string) => void logs.push(line) });
  const config = loadConfig({ DATA_DIR: FIXTURE_DIR, LOG_LEVEL: "debug", ...env });
  return { core: await fixtureCore(), config, logger, now: () => new Date(), logs };
}
