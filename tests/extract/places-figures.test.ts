import { describe, expect, it } from "vitest";
import { findFigures } from "../../src/extract/figures.ts";
import { findPlaces, samePlace } from "../../src/extract/places.ts";

describe("findPlaces", () => {
  it("finds cities before countries, with regional qualifiers stripped", () => {
    expect(findPlaces("The forum opened in northwest China's Lanzhou City on Friday.").map((p) => p.name)).toEqual(["Lanzhou", "China"]);
    expect(findPlaces("talks in Tashkent, Uzbekistan, on May 3").map((p) => [p.name, p.level])).toEqual([["Tashkent", "city"], ["Uzbekistan", "country"]]);
  });
  it("marks the dateline's place and the places said as where something happens", () => {
    const ps = findPlaces("ASTANA, June 26 (Xinhua) -- Leaders signed 17 documents at a forum in Urumqi.");
    expect(ps.map((p) => [p.name, !!p.dateline, !!p.located])).toEqual([["Astana", true, false], ["Urumqi", false, true]]);
  });
  it("leaves out the place of an office and names run on after a country", () => {
    expect(findPlaces("Uzbek Ambassador to Mongolia Rustam Karimov held talks in Choibalsan.").map((p) => p.name)).toEqual(["Choibalsan"]);
    expect(findPlaces("a delegation traveled to Mongolia Rustam Karimov said").map((p) => p.name)).toEqual(["Mongolia"]);
  });
  it("reads datelines and Chinese locatives", () => {
    expect(findPlaces("AKTAU, March 2 (Xinhua) -- The port said")[0]!.name).toBe("Aktau");
    expect(findPlaces("第五次会议在兰州举行。")[0]!.name).toBe("兰州");
    expect(findPlaces("随后前往乌兹别克斯坦,出席峰会")[0]!.name).toBe("乌兹别克斯坦");
    expect(findPlaces("XI'AN, May 11 (Xinhua) -- The talks began.")[0]).toMatchObject({ name: "Xi'an", dateline: true });
  });
  it("takes cities in -an for places, adjectives in -an not", () => {
    expect(findPlaces("Zhang met Bozumbayev in Xi'an on Thursday.")[0]!.name).toBe("Xi'an");
    expect(findPlaces("The forum opened in Wuhan last week.")[0]!.name).toBe("Wuhan");
    expect(findPlaces("Trade with the Central Asian country grew.").map((p) => p.name)).toEqual([]);
    expect(findPlaces("Investment in Central Asian countries grew.").map((p) => p.name)).toEqual([]);
  });
  it("does not take adjectives, buildings or months for places", () => {
    expect(findPlaces("the Kazakh delegation arrived in May").map((p) => p.name)).toEqual([]);
    expect(findPlaces("met at the Great Hall of the People").map((p) => p.name)).toEqual([]);
  });
  it("matches a place across scripts", () => {
    expect(samePlace("兰州", "Lanzhou")).toBe(true);
    expect(samePlace("阿拉木图", "Almaty")).toBe(true);
    expect(samePlace("Lanzhou", "Almaty")).toBe(false);
  });
});

describe("findFigures", () => {
  it("reads a range as one figure, its number the upper end", () => {
    expect(findFigures("arrive in Europe in around nine to ten days.").map((f) => [f.value, f.number])).toEqual([["nine to ten days", 10]]);
    expect(findFigures("It takes 5-6 hours.").map((f) => [f.value, f.number])).toEqual([["5-6 hours", 6]]);
  });
  it("counts nothing in 'on one hand', 'one of them'", () => {
    expect(findFigures("Exports on one hand meet demand, and one of them grew.")).toEqual([]);
  });
  it("ends what a figure measures where the words about it begin", () => {
    expect(findFigures("They signed 14 trade agreements covering grain and oil.")[0]!.measures).toBe("trade agreements");
    expect(findFigures("It will ship 5 billion cubic meters of gas a year.")[0]!.measures).toBe("of gas a year");
    expect(findFigures("They launched 30 projects worth $2 billion.")[0]!.measures).toBe("projects");
  });
  it("finds figures with units and what they measure", () => {
    const f = findFigures("The 310 km highway will cost US$1.2 billion and employ 4,000 workers.");
    expect(f.map((x) => [x.value, x.number])).toEqual([["310 km", 310], ["US$1.2 billion", 1.2e9], ["4,000", 4000]]);
    expect(f[2]!.measures).toBe("workers");
  });
  it("skips dates, years and ordinals", () => {
    expect(findFigures("On June 3, 2021, the 5th round began in 2019.")).toEqual([]);
  });
  it("reads Chinese figures", () => {
    const f = findFigures("项目总投资12亿元,全长56公里,同比增长8%。");
    expect(f.map((x) => x.value)).toEqual(["12亿元", "56公里", "8%"]);
    expect(f[0]!.number).toBe(1.2e9);
  });
});
