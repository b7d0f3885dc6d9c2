import { describe, expect, it } from "vitest";
import { datesCompatible } from "../../src/extract/dates.ts";
import { samePlace } from "../../src/extract/places.ts";
import { distinctEvents } from "../../src/query/retrieve.ts";
import type { DateValue, Event } from "../../src/types.ts";

/** The grouping rule stated directly: an event joins the first group holding a member it is the same happening as. */
function reference(events: Event[]): Event[][] {
  const rank = (e: Event) => (e.date.day ? 3 : e.date.month ? 2 : e.date.year ? 1 : 0);
  const groups: Event[][] = [];
  for (const e of [...events].sort((a, b) => rank(b) - rank(a))) {
    const g = groups.find((grp) =>
      grp.some((x) => {
        if (!datesCompatible(x.date, e.date) || x.date.precision === "unknown" || e.date.precision === "unknown") return false;
        const shared = x.participants.filter((p) => e.participants.some((q) => q.id === p.id)).length;
        const placeOk = !x.place || !e.place || samePlace(x.place, e.place) || !x.date.day || !e.date.day;
        return placeOk && (shared >= 2 || (x.ordinal !== undefined && x.ordinal === e.ordinal));
      }),
    );
    if (g) g.push(e);
    else groups.push([e]);
  }
  return groups;
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function events(n: number, seed: number): Event[] {
  const r = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const year = r() < 0.9 ? pick([2018, 2019]) : undefined;
    const month = r() < 0.7 ? pick([1, 2, 3]) : undefined;
    const day = month && r() < 0.6 ? pick([1, 2, 3]) : undefined;
    const precision: DateValue["precision"] = day ? "day" : month ? "month" : year ? "year" : "unknown";
    // Now and then a person listed twice: two entries of one person count as two shared people.
    const people = Array.from({ length: Math.floor(r() * 4) }, () => pick(["a", "b", "c", "d", "e"]));
    return {
      id: `f${i}#e0`, file: `f${i}`, kind: "meeting", what: "met",
      date: { year, month, day, precision, provenance: "stated", text: "" },
      place: r() < 0.7 ? pick(["Astana", "阿斯塔纳", "Beijing", "北京", "Almaty"]) : undefined,
      participants: people.map((id) => ({ id, name: id.toUpperCase(), role: "participant" })),
      ordinal: r() < 0.3 ? pick([1, 2]) : undefined,
      documents: [], topics: [], figures: [], evidence: [],
    } as Event;
  });
}

describe("distinctEvents", () => {
  it("groups events exactly as the rule says: shared people or ordinal, compatible date and place, first group first", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const evs = events(120, seed);
      expect(distinctEvents(evs).map((g) => g.map((e) => e.id))).toEqual(reference(evs).map((g) => g.map((e) => e.id)));
    }
  });

  it("keeps events of unknown date apart, and the same happening in two languages together", () => {
    const base = events(1, 7)[0]!;
    const at = (id: string, place: string, precision: DateValue["precision"]) => ({
      ...base, id, file: id, place, ordinal: undefined,
      date: precision === "unknown" ? { precision, provenance: "partial", text: "" } : { year: 2019, month: 3, day: 5, precision, provenance: "stated", text: "" },
      participants: [{ id: "x", name: "X", role: "participant" }, { id: "y", name: "Y", role: "participant" }],
    }) as Event;
    const groups = distinctEvents([at("en", "Astana", "day"), at("zh", "阿斯塔纳", "day"), at("u1", "Astana", "unknown"), at("u2", "Astana", "unknown")]);
    expect(groups.map((g) => g.map((e) => e.id))).toEqual([["en", "zh"], ["u1"], ["u2"]]);
  });
});
