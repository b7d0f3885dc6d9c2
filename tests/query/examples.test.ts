/**
 * Example questions come from the newest events the corpus holds: the latest numbered meeting (the
 * later day wins within a month) and the latest meeting of two people — the same from a fresh build
 * and from a snapshot, where events are picked by their listing without decoding every one.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Core } from "../../src/core.ts";

const root = mkdtempSync(join(tmpdir(), "kz-examples-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("example questions", () => {
  it("ask about the newest numbered meeting and the newest meeting of two people", async () => {
    const data = join(root, "data");
    cpSync("tests/fixtures/examples", data, { recursive: true });
    const snapshot = join(root, "snap", "examples.snap");
    const fresh = await Core.load({ dataDir: data, snapshot });
    await fresh.whenSaved();
    const restored = await Core.load({ dataDir: data, snapshot });
    expect(restored.loaded.from).toBe("snapshot");
    for (const core of [fresh, restored]) {
      expect(core.examples("en")).toEqual([
        "Where was the 10th China-Kazakhstan Energy Cooperation Sub-Committee meeting held?",
        "When did Wang Yi meet Mukhtar Tileuberdi?",
        "Who is Mukhtar Tileuberdi?",
      ]);
      // No numbered meeting has a Chinese series name here: the Chinese examples start from the pair.
      expect(core.examples("zh")[0]).toBe("Wang Yi和Mukhtar Tileuberdi什么时候会谈?");
      expect(core.ask(core.examples("en")[0]!).answer).toMatch(/Beijing/);
    }
  });
});
