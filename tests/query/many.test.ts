/**
 * Questions over a corpus with many events (a generated one): list and count answers keep their exact
 * count but carry a bounded list of events; not-found answers name the first events of the asked people
 * and places in corpus order, as a scan of every event would. No timing assertions (`npm run bench`).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../scripts/generate-corpus.ts";
import { Core } from "../../src/core.ts";
import { samePlace } from "../../src/extract/places.ts";
import { MAX_ANSWER_EVENTS } from "../../src/query/compose.ts";

let dir: string;
let core: Core;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "many-events-"));
  await generateCorpus(dir, 400, 3, { broken: 0 });
  core = await Core.load({ dataDir: dir });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a corpus with many events", () => {
  it("counts every matching event but lists a bounded number", () => {
    const years = new Map<number, number>();
    for (const e of core.events()) if (e.date.year) years.set(e.date.year, (years.get(e.date.year) ?? 0) + 1);
    const [year] = [...years].sort((a, b) => b[1] - a[1])[0]!;
    const a = core.ask(`What happened in ${year}?`);
    expect(a.found).toBe(true);
    const n = Number(a.answer.match(/^(\d+) events?:/)?.[1]);
    expect(n).toBeGreaterThan(MAX_ANSWER_EVENTS);
    expect(a.events).toHaveLength(MAX_ANSWER_EVENTS);
    expect(a.events.every((e) => e.date.year === year)).toBe(true);
  });

  it("names, for what it cannot answer, the first events of the person or place asked about", () => {
    const events = core.events();
    const person = core.corpus.persons.find((p) => events.filter((e) => e.participants.some((q) => q.id === p.id)).length > 5)!;
    const a = core.ask(`When did ${person.name} visit Lima?`);
    expect(a.found).toBe(false);
    expect(a.events.map((e) => e.id)).toEqual(events.filter((e) => e.participants.some((q) => q.id === person.id)).slice(0, 3).map((e) => e.id));
    // A person and a place: events naming either, in corpus order.
    const place = events.filter((e) => e.place && /^[A-Z][a-z]+$/.test(e.place) && !e.participants.some((q) => q.id === person.id)).at(-1)!.place!;
    const b = core.ask(`How many penguins did ${person.name} see in ${place}?`);
    expect(b.found).toBe(false);
    const naming = events.filter((e) => e.participants.some((q) => q.id === person.id) || (e.place && samePlace(e.place, place)));
    expect(b.events.map((e) => e.id)).toEqual(naming.slice(0, 3).map((e) => e.id));
  });
});
