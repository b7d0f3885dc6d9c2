import { describe, expect, it } from "vitest";
import { capitaliseMonths, datesCompatible, findDates, formatDate } from "../../src/extract/dates.ts";

const ref = { year: 2019, month: 3, day: 6, source: "publish date" }; // a Wednesday

describe("findDates", () => {
  it("reads stated English dates in several styles", () => {
    const got = findDates("Talks on Nov. 3, 2018 and 12 April 2017 and 2016-05-09.").map((d) => [d.value.year, d.value.month, d.value.day, d.value.provenance]);
    expect(got).toEqual([[2018, 11, 3, "stated"], [2017, 4, 12, "stated"], [2016, 5, 9, "stated"]]);
  });
  it("resolves a weekday to the latest such day on or before the reference", () => {
    const [d] = findDates("the ministers met on Monday", ref);
    expect([d!.value.year, d!.value.month, d!.value.day, d!.value.provenance]).toEqual([2019, 3, 4, "relative"]);
    expect(findDates("said on Wednesday", ref)[0]!.value.day).toBe(6);
  });
  it("resolves last <Month>, this year and last year against the reference", () => {
    expect(findDates("during his visit last December", ref)[0]!.value).toMatchObject({ year: 2018, month: 12, precision: "month" });
    expect(findDates("a deal signed in May this year", { ...ref, month: 9 })[0]!.value).toMatchObject({ year: 2019, month: 5 });
    expect(findDates("trade grew last year", ref)[0]!.value).toMatchObject({ year: 2018, precision: "year" });
  });
  it("reads the end of the year as its December", () => {
    expect(findDates("construction will start by the year-end", ref)[0]!.value).toMatchObject({ year: 2019, month: 12, precision: "month", provenance: "relative" });
    expect(findDates("to be finished by the end of next year", ref)[0]!.value).toMatchObject({ year: 2020, month: 12 });
    expect(findDates("项目将于明年年底完工", ref)[0]!.value).toMatchObject({ year: 2020, month: 12 });
    expect(findDates("by the year-end")).toEqual([]);
  });
  it("never invents a year: a month and day alone stay partial without a reference", () => {
    const [d] = findDates("In the morning of February 2 local time, the premier met");
    expect(d!.value).toMatchObject({ month: 2, day: 2, provenance: "partial" });
    expect(d!.value.year).toBeUndefined();
    expect(formatDate(d!.value)).toBe("February 2 (year not stated)");
  });
  it("takes the year before when a year-less date would fall after the reference", () => {
    expect(findDates("on December 30", ref)[0]!.value.year).toBe(2018);
  });
  it("reads Chinese dates: full, relative and day-only", () => {
    expect(findDates("2018年7月5日在北京举行")[0]!.value).toMatchObject({ year: 2018, month: 7, day: 5, provenance: "stated" });
    expect(findDates("今年3月双方签署", { ...ref, month: 8 })[0]!.value).toMatchObject({ year: 2019, month: 3, provenance: "relative" });
    expect(findDates("去年9月", ref)[0]!.value).toMatchObject({ year: 2018, month: 9 });
    expect(findDates("5日,会议开幕", ref)[0]!.value).toMatchObject({ year: 2019, month: 3, day: 5 });
    expect(findDates("10月8日,会议在阿拉木图举行")[0]!.value).toMatchObject({ month: 10, day: 8, provenance: "partial" });
  });
  it("keeps date ranges", () => {
    expect(findDates("from Sept. 4-6", ref)[0]!.value).toMatchObject({ month: 9, day: 4, endDay: 6, year: 2018 });
  });
  it("does not take the verb 'may' or numbers for dates", () => {
    expect(findDates("The sides may sign 12 deals.")).toEqual([]);
  });
});

describe("datesCompatible", () => {
  it("treats a coarser date as compatible with a finer one", () => {
    const y = findDates("in 2017")[0]!.value;
    const d = findDates("on June 8, 2017")[0]!.value;
    expect(datesCompatible(y, d)).toBe(true);
    expect(datesCompatible(d, findDates("on June 9, 2017")[0]!.value)).toBe(false);
  });
});

describe("formatDate", () => {
  it("writes English and Chinese dates", () => {
    const d = findDates("on Oct 1, 2020")[0]!.value;
    expect(formatDate(d)).toBe("October 1, 2020");
    expect(formatDate(d, "zh")).toBe("2020年10月1日");
  });
});

describe("capitaliseMonths", () => {
  it("lets a lower-case question's month be read as a date", () => {
    expect(capitaliseMonths("where did they meet in january?")).toBe("where did they meet in January?");
    expect(findDates(capitaliseMonths("talks on dec 14 2015"))[0]!.value).toMatchObject({ year: 2015, month: 12, day: 14 });
    expect(findDates(capitaliseMonths("what happened in june 2017"))[0]!.value).toMatchObject({ year: 2017, month: 6, precision: "month" });
  });
  it("reads 'may' as the month only where it names one", () => {
    expect(capitaliseMonths("who may attend in may")).toBe("who may attend in May");
    expect(capitaliseMonths("signed may 5")).toBe("signed May 5");
  });
});

describe("year-less dates said of what is to come", () => {
  const ref = { year: 2022, month: 5, day: 4, source: "publish date" };
  it("take the coming date, not last year's", () => {
    expect(findDates("The fair will run through May 9.", ref)[0]!.value).toMatchObject({ year: 2022, month: 5, day: 9 });
    expect(findDates("He will visit Astana on January 12.", ref)[0]!.value).toMatchObject({ year: 2023, month: 1 });
    expect(findDates("会议将于6月1日举行。", ref)[0]!.value).toMatchObject({ year: 2022, month: 6, day: 1 });
  });
  it("leave past-tense dates to the most recent one", () => {
    expect(findDates("The fair opened on May 9.", ref)[0]!.value).toMatchObject({ year: 2021 });
  });
});
