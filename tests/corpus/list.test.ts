/**
 * Listing a corpus folder: every article file below it (nested folders too), as sorted relative
 * paths; hidden names and other extensions are left out; a missing folder lists nothing. The
 * synchronous walk (the snapshot check at start-up) lists exactly what the asynchronous one does.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listCorpusFiles, listCorpusFilesSync } from "../../src/corpus/load.ts";

const root = mkdtempSync(join(tmpdir(), "kz-list-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("listCorpusFiles", () => {
  it("lists article files below the folder, sorted, the same synchronously", async () => {
    for (const f of ["b.txt", "a.md", "z/page.HTML", "z/y/deep.htm", "z/notes.pdf", ".hidden.txt", ".git/x.txt", "c/ä.txt", "c/B.txt"]) {
      mkdirSync(join(root, f, ".."), { recursive: true });
      writeFileSync(join(root, f), "x");
    }
    const expected = ["a.md", "b.txt", "c/B.txt", "c/ä.txt", "z/page.HTML", "z/y/deep.htm"];
    expect(await listCorpusFiles(root)).toEqual(expected);
    expect(listCorpusFilesSync(root)).toEqual(expected);
    expect(await listCorpusFiles(join(root, "missing"))).toEqual([]);
    expect(listCorpusFilesSync(join(root, "missing"))).toEqual([]);
  });
});
