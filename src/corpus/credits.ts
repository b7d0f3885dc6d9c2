/**
 * Bylines and photo credits: takes the lines of a page, returns who wrote the story and who took its
 * photos, as the page credits them ("By Wu Jiao in Astana and Zhang Yunbi in Beijing", "(记者 卜多门、赵春晖)",
 * "(Xinhua/Lan Hongguang)", "[新华社 兰红光 摄]"). The cleaner drops these from the story; they answer
 * "who wrote…" and "who took the photo…".
 * @example creditsIn(["(Xinhua/Yan Yan)"]) // [{ role: "photographer", name: "Yan Yan" }]
 */
import type { Credit } from "../types.ts";
import { simplified } from "../index/tokenize.ts";

const LATIN_NAME = String.raw`\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){0,2}`;
const PHOTO_EN = new RegExp(String.raw`\((?:Xinhua|Reuters|AP|AFP|CFP|VCG|IC|China Daily|Photo)\s*\/\s*(${LATIN_NAME}(?:\s*(?:,|and)\s*${LATIN_NAME})*)\)`, "gu");
const PHOTO_BY = new RegExp(String.raw`\b(?:photo|photos|photograph)\s+(?:by|:)\s+(${LATIN_NAME})`, "giu");
const PHOTO_ZH = /[[［(（]\s*(?:新华社|新華社|人民网|中新社|中新網)?\s*(?:记者|記者)?\s*([\p{Script=Han}·•]{2,6}(?:[、\s][\p{Script=Han}·•]{2,6})*)\s*(?:摄|攝)\s*[\]］)）]/gu;
const BYLINE_EN = new RegExp(String.raw`^\s*By\s+(${LATIN_NAME})(?:\s+in\s+[\p{Lu}][\p{L}, ]*?)?(?:\s+and\s+(${LATIN_NAME})(?:\s+in\s+[\p{Lu}][\p{L}, ]*?)?)?\s*(?:\(|$)`, "u");
const REPORTER_ZH = /[(（]\s*(?:记者|記者)\s*([\p{Script=Han}·•、\s]{2,30}?)\s*[)）]/gu;

const split = (names: string) => names.split(/\s*(?:,|、|\band\b|\s)\s*/u).filter((n) => n.length >= 2);

export function creditsIn(lines: string[]): Credit[] {
  const out: Credit[] = [];
  const add = (role: Credit["role"], name: string) => {
    const n = simplified(name.trim());
    if (n && !out.some((c) => c.role === role && c.name === n)) out.push({ role, name: n });
  };
  for (const line of lines) {
    for (const m of line.matchAll(PHOTO_EN)) for (const n of m[1]!.split(/\s*(?:,|\band\b)\s*/)) add("photographer", n);
    for (const m of line.matchAll(PHOTO_BY)) add("photographer", m[1]!);
    for (const m of line.matchAll(PHOTO_ZH)) for (const n of split(m[1]!)) add("photographer", n);
    for (const m of line.matchAll(REPORTER_ZH)) for (const n of split(m[1]!)) add("author", n);
    const by = line.match(BYLINE_EN);
    if (by) for (const n of [by[1], by[2]]) if (n) add("author", n);
  }
  return out;
}
