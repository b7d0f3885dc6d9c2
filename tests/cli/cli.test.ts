import { spawnSync } from "node:child_process";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createConsoleAdapter } from "../../adapters/console/index.ts";
import { loadConfig } from "../../src/config.ts";
import { Core } from "../../src/core.ts";
import { createLogger } from "../../src/logger.ts";
import { judge } from "../../src/cli/eval.ts";

const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, ["--import", "tsx", "src/cli/ask.ts", ...args], { input, encoding: "utf8" });

describe("npm run ask", () => {
  it("answers questions from stdin as JSON lines, in order", () => {
    const r = run(["--json", "--data", "tests/fixtures/core"], "Where was the 9th committee meeting held?\n\nWho is Napoleon?\n");
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ question: "Where was the 9th committee meeting held?", found: true });
    expect(lines[0].answer).toContain("Almaty");
    expect(lines[0].sources[0]).toEqual(expect.objectContaining({ file: "a1.txt", quote: expect.any(String), title: expect.any(String) }));
    expect(lines[1].found).toBe(false);
    expect(lines[2].found).toBe(false);
  });

  it("answers one question given as arguments, in plain text", () => {
    const r = run(["--data", "tests/fixtures/core", "who", "co-chaired", "the", "9th", "committee", "meeting?"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Han Zheng/);
    expect(r.stdout).toMatch(/Sources:/);
  });

  it("reports a missing data folder's emptiness without crashing", () => {
    const r = run(["--json", "--data", "tests/fixtures/does-not-exist", "anything?"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).found).toBe(false);
  });
});

describe("eval scoring", () => {
  it("follows the scoring rules", () => {
    expect(judge({ id: "1", kind: "none", q: "", accept: [] }, { found: false, answer: "x" })).toBe(true);
    expect(judge({ id: "2", kind: "who", q: "", accept: [["Han"], ["Mamin", "Mammin"]] }, { found: true, answer: "han zheng and Mammin" })).toBe(true);
    expect(judge({ id: "3", kind: "who", q: "", accept: [["Han"]] }, { found: true, answer: "Han".padEnd(701, "x") })).toBe(false);
    expect(judge({ id: "4", kind: "who", q: "", accept: [["Han"]] }, { found: false, answer: "Han" })).toBe(false);
    // --strict: the bot's own words, not the sentence it quotes.
    const quoted = { found: true, answer: "Karim Massimov (Prime Minister). — “… with President Nazarbayev and Massimov …”" };
    expect(judge({ id: "5", kind: "who", q: "", accept: [["Nazarbayev"]] }, quoted)).toBe(true);
    expect(judge({ id: "5", kind: "who", q: "", accept: [["Nazarbayev"]] }, quoted, true)).toBe(false);
    expect(judge({ id: "6", kind: "who", q: "", accept: [["丁薛祥"]] }, { found: true, answer: "丁薛祥。依据:“斯克利亚尔…”" }, true)).toBe(true);
  });
});

describe("console adapter", () => {
  it("answers each piped line and ends at end of input", async () => {
    const core = await Core.load({ dataDir: "tests/fixtures/core" });
    const input = new PassThrough();
    const output = new PassThrough();
    let text = "";
    output.on("data", (c) => (text += c));
    const ended = new Promise<void>((resolve) => {
      const adapter = createConsoleAdapter({ core, config: loadConfig({}), logger: createLogger("silent"), now: () => new Date(0) }, { input, output, interactive: false, onEnd: resolve });
      void adapter.start();
    });
    input.end("Where was the 9th committee meeting held?\n能源合作分委会第七次会议在哪里举行?\n");
    await ended;
    expect(text).toContain("In Almaty");
    expect(text).toContain("西安");
    expect(text).toContain("来源:");
  });
});
