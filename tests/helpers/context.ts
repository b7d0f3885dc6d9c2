/**
 * Shared test helpers for adapters: a fixture corpus loaded once through the real Core, settings
 * through the real loadConfig, and a logger that keeps its JSON lines in memory.
 * Takes a fixture folder and extra settings; returns an AdapterContext plus the captured log lines.
 */
import type { AdapterContext } from "../../adapters/chat.ts";
import { loadConfig } from "../../src/config.ts";
import { Core } from "../../src/core.ts";
import { createLogger } from "../../src/logger.ts";

export interface TestContext extends AdapterContext {
  /** Every log line written so far, raw JSON. */
  logs: string[];
}

const cores = new Map<string, Promise<Core>>();

/** The corpus in `dir`, loaded once per test file. */
export function fixtureCore(dir: string): Promise<Core> {
  if (!cores.has(dir)) cores.set(dir, Core.load({ dataDir: dir }));
  return cores.get(dir)!;
}

export async function makeTestContext(dir: string, env: Record<string, string>): Promise<TestContext> {
  const logs: string[] = [];
  const logger = createLogger("debug", { write: (line: string) => void logs.push(line) });
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: "debug", ...env });
  return { core: await fixtureCore(dir), config, logger, now: () => new Date(), logs };
}
