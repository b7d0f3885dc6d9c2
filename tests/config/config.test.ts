/**
 * Settings: .env.example documents every setting and parses as it stands; the digest and live-corpus
 * settings have their defaults, and admin lists and flags are validated.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, SETTING_NAMES } from "../../src/config.ts";

const example = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
const documented = Object.fromEntries([...example.matchAll(/^([A-Z_]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));

describe("settings", () => {
  it(".env.example names every setting, with a comment above it, and parses", () => {
    expect(Object.keys(documented).sort()).toEqual([...SETTING_NAMES].sort());
    const lines = example.split("\n");
    for (const name of SETTING_NAMES) expect(lines[lines.findIndex((l) => l.startsWith(`${name}=`)) - 1], name).toMatch(/^#/);
    expect(() => loadConfig(documented)).not.toThrow();
  });

  it("defaults: state under var/, live corpus on, checks every 30 s, no admins", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ STATE_DB: "var/state.db", LIVE_CORPUS: true, DIGEST_CHECK_SECONDS: 30 });
    expect([c.TELEGRAM_ADMINS, c.SLACK_ADMINS]).toEqual([undefined, undefined]);
    expect(loadConfig({ LIVE_CORPUS: "off", DIGEST_CHECK_SECONDS: "5" })).toMatchObject({ LIVE_CORPUS: false, DIGEST_CHECK_SECONDS: 5 });
  });

  it("refuses malformed admin lists and flags, naming each", () => {
    expect(loadConfig({ TELEGRAM_ADMINS: " 123, 456 ", SLACK_ADMINS: "U0ABC,W123" })).toMatchObject({ TELEGRAM_ADMINS: "123, 456", SLACK_ADMINS: "U0ABC,W123" });
    const err = (() => {
      try {
        loadConfig({ TELEGRAM_ADMINS: "@ann", SLACK_ADMINS: "ann", LIVE_CORPUS: "maybe", DIGEST_CHECK_SECONDS: "0" });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    for (const name of ["TELEGRAM_ADMINS", "SLACK_ADMINS", "LIVE_CORPUS", "DIGEST_CHECK_SECONDS"]) expect((err as Error).message).toContain(name);
  });
});
