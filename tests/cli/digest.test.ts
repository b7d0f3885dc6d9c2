/**
 * `npm run digest`: a preview from the command line, over the core fixtures. Without a state file a
 * file's modification time says when it entered; with one, the registry's time does (files it does not
 * know count as entering now). Output is plain text, or the neutral Digest with --json.
 * (A future --since gives "Nothing new since …"; that wording is tested with the texts.)
 */
import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDigestArgs, parseSince } from "../../src/cli/digest.ts";
import { hashBytes } from "../../src/corpus/load.ts";
import { openSqliteStore } from "../../src/state/sqlite.ts";
import { tempDir } from "../helpers/state.ts";

const run = (args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "src/cli/digest.ts", ...args], { encoding: "utf8" });

describe("npm run digest", () => {
  it("previews every article without --since; with it, articles that entered later (state file, else modification time)", async () => {
    const data = join(tempDir(), "data");
    cpSync("tests/fixtures/core", data, { recursive: true });
    const old = new Date("2020-01-01T00:00:00Z");
    for (const f of ["a1.txt", "a2.txt"]) utimesSync(join(data, f), old, old);
    const noState = join(data, "none.db");

    const all = run(["--data", data, "--state", noState, "--json"]);
    expect(all.status).toBe(0);
    const files = (out: string) => new Set(JSON.parse(out).items.map((i: { source: { file: string } }) => i.source.file));
    expect(files(all.stdout)).toEqual(new Set(["a1.txt", "a2.txt", "a3.txt"]));

    const since = run(["--data", data, "--state", noState, "--since", "2021-01-01"]);
    expect(since.status).toBe(0);
    expect(since.stdout).toContain("New since Fri 1 Jan 2021, 00:00 (UTC)");
    expect(since.stdout).toContain("a3.txt");
    expect(since.stdout).not.toMatch(/a[12]\.txt/);

    // A state file that saw a3.txt in 2020 and nothing else: a3 is old now, a1 and a2 count as entering now.
    const db = join(tempDir(), "state.db");
    const store = openSqliteStore(db);
    await store.syncRegistry([{ file: "a3.txt", hash: hashBytes(readFileSync(join(data, "a3.txt"))) }], old.getTime());
    await store.close();
    const withState = run(["--data", data, "--state", db, "--since", "2021-01-01", "--json"]);
    expect(withState.status).toBe(0);
    expect(files(withState.stdout)).toEqual(new Set(["a1.txt", "a2.txt"]));
  });

  it("parses its options", () => {
    expect(parseSince("2024-05-01")).toBe(Date.parse("2024-05-01T00:00:00Z"));
    expect(parseSince("2024-05-01T10:00:00+05:00")).toBe(Date.parse("2024-05-01T05:00:00Z"));
    expect(parseDigestArgs(["--data=x", "--topic", "energy", "--lang", "zh", "--tz", "asia/almaty", "--json"], {})).toMatchObject({
      data: "x", topic: "energy", lang: "zh", tz: "Asia/Almaty", json: true, state: "var/state.db",
    });
    expect(() => parseDigestArgs(["--bogus"], {})).toThrow(/unknown option/);
  });
});
