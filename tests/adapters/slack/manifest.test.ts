/**
 * The app manifest matches what the adapter handles: /ask, /digest, /ingest, app_mention and message.im events,
 * interactivity for the share button, the scopes they need, and /slack/events as every request URL.
 * Read as text (no YAML parser in the project); the checks are line-based.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const manifest = readFileSync(new URL("../../../adapters/slack/app.manifest.yml", import.meta.url), "utf8");
const lines = manifest.split("\n").map((l) => l.replace(/#.*$/, "").trimEnd());

describe("app.manifest.yml", () => {
  it("declares /ask, /digest, /ingest, the events, interactivity and the scopes the adapter uses", () => {
    for (const c of ["/ask", "/digest", "/ingest"]) expect(lines).toContain(`    - command: ${c}`);
    for (const e of ["app_mention", "message.im"]) expect(lines).toContain(`      - ${e}`);
    for (const s of ["commands", "app_mentions:read", "chat:write", "chat:write.public", "im:history", "im:read"]) expect(lines.map((l) => l.trim())).toContain(`- ${s}`);
    expect(lines).toContain("    is_enabled: true");
    expect(lines).toContain("  socket_mode_enabled: false");
    expect(lines).toContain("    messages_tab_enabled: true");
  });

  it("sends every request to /slack/events and holds no secrets", () => {
    const urls = lines.filter((l) => /\b(url|request_url):/.test(l));
    expect(urls).toHaveLength(5);
    for (const u of urls) expect(u).toMatch(/https:\/\/[^ ]+\/slack\/events$/);
    expect(manifest).not.toMatch(/xox[abp]-|xapp-/);
    expect(manifest).not.toMatch(/\t/);
  });
});
