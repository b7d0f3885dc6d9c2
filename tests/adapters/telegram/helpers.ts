/**
 * Test helpers for the Telegram adapter: the fixture corpus loaded through the real Core, settings
 * built with the real loadConfig, and a logger that keeps its JSON lines in memory.
 * Takes extra settings; returns an AdapterContext plus the captured log lines.
 */
import { fileURLToPath } from "node:url";
import { fixtureCore as sharedFixtureCore, makeTestContext, type TestContext } from "../../helpers/context.ts";

export const FIXTURE_DIR = fileURLToPath(new URL("../../fixtures/telegram/", import.meta.url));

/** The fixture corpus (two invented articles), loaded once per test file. */
export const fixtureCore = () => sharedFixtureCore(FIXTURE_DIR);

export type { TestContext };

export function testContext(env: Record<string, string>): Promise<TestContext> {
  return makeTestContext(FIXTURE_DIR, env);
}
