/**
 * Page metadata: takes the raw lines of a file, returns its publish date (from a dateline such as
 * "Updated: 2014-12-15 09:37", "date 2023-11-28 <title>", "09:09, November 28, 2023",
 * "2017-04-20 05:52 来源:…"), a title when the dateline carries one, and the lines with the
 * dateline lines removed.
 * @example findPublishDate(["Updated: 2014-12-15 09:37", "Text."]).published // { year: 2014, month: 12, day: 15, … }
 */
import type { DateValue } from "../types.ts";
import { findDates } from "../extract/dates.ts";

export interface PageMeta {
  published?: DateValue;
  title?: string;
  lines: string[];
}

const STAMP = /^(?:updated|published|posted|release[d]?|date|time|发布时间|發佈時間|发布日期|时间|時間|日期)?\s*[:：]?\s*/i;
const TIME = /\b\d{1,2}:\d{2}(?::\d{2})?\b/;

/** A line that is only a date stamp (plus a time, a source label or a title after an explicit "date"). */
function datelineOf(line: string): { date: DateValue; title?: string } | null {
  if (line.length > 160) return null;
  const explicit = /^(updated|published|posted|date|发布时间|發佈時間|发布日期|日期)\b\s*[:：]?/i.test(line);
  const dates = findDates(line).filter((d) => d.value.provenance === "stated" && d.value.precision === "day");
  if (dates.length !== 1) return null;
  const d = dates[0]!;
  const rest = (line.slice(0, d.start) + " " + line.slice(d.end)).replace(STAMP, "").replace(TIME, "").replace(/^[\s,|:：-]+|[\s,|]+$/g, "").trim();
  // "date 2023-11-28 China vows …": the rest after an explicit "date" stamp is the title.
  if (explicit && /^\s*date\b/i.test(line) && rest.split(/\s+/).length >= 3 && !/^(来源|來源|source)/i.test(rest)) return { date: d.value, title: rest };
  if (explicit || TIME.test(line) || rest === "" || /^(来源|來源|source|by)\b/i.test(rest) || rest.length <= 12) return { date: d.value };
  return null;
}

export function findPublishDate(lines: string[]): PageMeta {
  const out: string[] = [];
  let published: DateValue | undefined;
  let title: string | undefined;
  const head = 12;
  let nonEmpty = 0;
  for (const line of lines) {
    if (line) nonEmpty++;
    if (!published && line && nonEmpty <= head) {
      const dl = datelineOf(line);
      if (dl) {
        published = { ...dl.date, note: "publish date from the page's dateline" };
        title = dl.title;
        continue;
      }
    }
    out.push(line);
  }
  return { published, title, lines: out };
}
