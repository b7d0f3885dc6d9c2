/**
 * Digest schedules: parsing the words after /digest, the next run in the schedule's own time zone
 * (including the days clocks change in Berlin and New York), and the schedule in words.
 */
import { describe, expect, it } from "vitest";
import {
  canonicalZone, describeSchedule, formatInstant, nextRun, parseSchedule, scheduleSpec, zonedInstant, type Schedule,
} from "../../src/digest/schedule.ts";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

function schedule(text: string): Schedule {
  const p = parseSchedule(text);
  if (!p.ok) throw new Error(p.error);
  return p.schedule;
}

/** The next `n` runs after an instant, as ISO strings. */
function runs(s: Schedule, from: string, n: number): string[] {
  const out: string[] = [];
  let t = at(from);
  for (let i = 0; i < n; i++) out.push(iso((t = nextRun(s, t))));
  return out;
}

describe("parseSchedule", () => {
  it("reads daily and weekly schedules, a zone and topic words; UTC by default", () => {
    expect(parseSchedule("daily 09:00")).toEqual({ ok: true, schedule: { kind: "daily", hour: 9, minute: 0, tz: "UTC" } });
    expect(parseSchedule("weekly mon 09:00 Asia/Almaty energy")).toEqual({
      ok: true,
      schedule: { kind: "weekly", weekday: 1, hour: 9, minute: 0, tz: "Asia/Almaty" },
      topic: "energy",
    });
    expect(parseSchedule("  WEEKLY  Sunday 7:05  europe/berlin  oil and gas ")).toEqual({
      ok: true,
      schedule: { kind: "weekly", weekday: 0, hour: 7, minute: 5, tz: "Europe/Berlin" },
      topic: "oil and gas",
    });
    expect(parseSchedule("weekly 周五 18：30 utc")).toMatchObject({ ok: true, schedule: { weekday: 5, hour: 18, minute: 30, tz: "UTC" } });
    expect(parseSchedule("daily 23:59 America/New_York")).toMatchObject({ ok: true, schedule: { hour: 23, minute: 59, tz: "America/New_York" } });
  });

  it("reads a word without a slash after the time as a topic, not a zone", () => {
    expect(parseSchedule("daily 08:00 Japan")).toMatchObject({ ok: true, schedule: { tz: "UTC" }, topic: "Japan" });
  });

  it("explains what is wrong", () => {
    for (const [text, why] of [
      ["", /daily or weekly/],
      ["monthly 09:00", /daily or weekly/],
      ["weekly 09:00", /not a day/],
      ["weekly someday 09:00", /"someday" is not a day/],
      ["daily", /time is needed/],
      ["daily 24:00", /"24:00" is not a time/],
      ["daily 9am", /not a time/],
      ["daily 09:00 Mars/Olympus", /not a known time zone/],
      [`daily 09:00 UTC ${"energy ".repeat(20)}`, /topic is too long \(at most 100 characters\)/],
    ] as const) {
      const p = parseSchedule(text);
      expect(p.ok, text).toBe(false);
      if (!p.ok) expect(p.error).toMatch(why);
    }
  });

  it("round-trips through the canonical spec", () => {
    for (const text of ["daily 00:00", "weekly sat 23:59 Asia/Tokyo", "weekly sun 07:05 America/New_York"]) {
      const s = schedule(text);
      expect(schedule(`${scheduleSpec(s)} ${s.tz}`)).toEqual(s);
    }
    expect(canonicalZone("asia/tokyo")).toBe("Asia/Tokyo");
    expect(canonicalZone("Nowhere/Else")).toBeUndefined();
  });
});

describe("nextRun", () => {
  it("runs at the local time of the schedule's zone, strictly after the given instant", () => {
    expect(runs(schedule("daily 09:00"), "2024-05-10T08:59:59Z", 2)).toEqual(["2024-05-10T09:00:00.000Z", "2024-05-11T09:00:00.000Z"]);
    expect(runs(schedule("daily 09:00"), "2024-05-10T09:00:00Z", 1)).toEqual(["2024-05-11T09:00:00.000Z"]);
    // Tokyo is UTC+9 all year: 09:00 there is midnight UTC.
    expect(runs(schedule("daily 09:00 Asia/Tokyo"), "2024-05-10T12:00:00Z", 2)).toEqual(["2024-05-11T00:00:00.000Z", "2024-05-12T00:00:00.000Z"]);
    // Midnight UTC on 1 July is 20:00 on 30 June in New York; 22:30 there is 02:30Z the next UTC day.
    expect(runs(schedule("daily 22:30 America/New_York"), "2024-07-01T00:00:00Z", 1)).toEqual(["2024-07-01T02:30:00.000Z"]);
  });

  it("keeps 09:00 Berlin time across the March and October clock changes", () => {
    const s = schedule("daily 09:00 Europe/Berlin");
    // Clocks go forward on Sunday 31 March 2024: 09:00 is 08:00Z before and 07:00Z after.
    expect(runs(s, "2024-03-29T12:00:00Z", 4)).toEqual(["2024-03-30T08:00:00.000Z", "2024-03-31T07:00:00.000Z", "2024-04-01T07:00:00.000Z", "2024-04-02T07:00:00.000Z"]);
    // And back on Sunday 27 October 2024.
    expect(runs(s, "2024-10-25T12:00:00Z", 3)).toEqual(["2024-10-26T07:00:00.000Z", "2024-10-27T08:00:00.000Z", "2024-10-28T08:00:00.000Z"]);
  });

  it("runs a time inside the spring-forward gap after the gap, and a repeated autumn time once", () => {
    const s = schedule("daily 02:30 Europe/Berlin");
    // 02:30 does not exist on 31 March 2024 in Berlin: it runs at 03:30 CEST (01:30Z).
    expect(runs(s, "2024-03-30T12:00:00Z", 2)).toEqual(["2024-03-31T01:30:00.000Z", "2024-04-01T00:30:00.000Z"]);
    expect(formatInstant(at("2024-03-31T01:30:00Z"), "Europe/Berlin", "en")).toBe("Sun 31 Mar 2024, 03:30 (Europe/Berlin)");
    // 02:30 happens twice on 27 October 2024: only the first (CEST, 00:30Z) runs.
    expect(runs(s, "2024-10-26T12:00:00Z", 2)).toEqual(["2024-10-27T00:30:00.000Z", "2024-10-28T01:30:00.000Z"]);
    expect(zonedInstant(2024, 10, 27, 2, 30, "Europe/Berlin")).toBe(at("2024-10-27T00:30:00Z"));
  });

  it("keeps 09:00 New York time across the US clock changes", () => {
    const s = schedule("daily 09:00 America/New_York");
    // Forward on Sunday 10 March 2024 (EST −5 → EDT −4), back on Sunday 3 November 2024.
    expect(runs(s, "2024-03-09T00:00:00Z", 3)).toEqual(["2024-03-09T14:00:00.000Z", "2024-03-10T13:00:00.000Z", "2024-03-11T13:00:00.000Z"]);
    expect(runs(s, "2024-11-02T00:00:00Z", 3)).toEqual(["2024-11-02T13:00:00.000Z", "2024-11-03T14:00:00.000Z", "2024-11-04T14:00:00.000Z"]);
  });

  it("runs weekly schedules on their weekday in their zone", () => {
    const s = schedule("weekly mon 09:00 Asia/Tokyo");
    // Wednesday 8 May 2024 → Monday 13 May 09:00 JST = 00:00Z.
    expect(runs(s, "2024-05-08T12:00:00Z", 2)).toEqual(["2024-05-13T00:00:00.000Z", "2024-05-20T00:00:00.000Z"]);
    // Sunday 23:59Z is already Monday 08:59 in Tokyo: the run is a minute away.
    expect(runs(s, "2024-05-12T23:59:00Z", 1)).toEqual(["2024-05-13T00:00:00.000Z"]);
    // A weekly Sunday schedule in Berlin on the day the clocks change.
    expect(runs(schedule("weekly sun 09:00 Europe/Berlin"), "2024-03-25T00:00:00Z", 2)).toEqual(["2024-03-31T07:00:00.000Z", "2024-04-07T07:00:00.000Z"]);
  });
});

describe("describeSchedule and formatInstant", () => {
  it("say the schedule in English and Chinese", () => {
    expect(describeSchedule(schedule("daily 09:00"), "en")).toBe("every day at 09:00 (UTC)");
    expect(describeSchedule(schedule("weekly mon 09:00 Asia/Almaty"), "en")).toBe("every Monday at 09:00 (Asia/Almaty)");
    expect(describeSchedule(schedule("daily 18:05 Europe/Berlin"), "zh")).toBe("每天 18:05(Europe/Berlin 时间)");
    expect(describeSchedule(schedule("weekly sun 07:00"), "zh")).toBe("每周日 07:00(UTC 时间)");
  });

  it("show an instant in the schedule's zone", () => {
    const t = at("2024-05-13T00:00:00Z");
    expect(formatInstant(t, "Asia/Tokyo", "en")).toBe("Mon 13 May 2024, 09:00 (Asia/Tokyo)");
    expect(formatInstant(t, "Asia/Tokyo", "zh")).toBe("2024年5月13日(周一)09:00(Asia/Tokyo)");
    expect(formatInstant(t, "America/New_York", "en")).toBe("Sun 12 May 2024, 20:00 (America/New_York)");
  });
});
