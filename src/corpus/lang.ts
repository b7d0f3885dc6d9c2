/**
 * Language of a piece of text: takes a string, returns "zh" when CJK characters dominate, else "en".
 * The share of Han characters decides better than general detectors for this corpus (see DESIGN.md).
 * @example detectLang("第十次会议在重庆召开") // "zh"
 * @example detectLang("Li met Massimov (李克强)") // "en"
 */
import type { Lang } from "../types.ts";

const HAN = /\p{Script=Han}/gu;
const LATIN = /[A-Za-z]/g;

export function hanCount(text: string): number {
  return text.match(HAN)?.length ?? 0;
}

export function detectLang(text: string): Lang {
  const han = hanCount(text);
  const latin = text.match(LATIN)?.length ?? 0;
  // A Han character carries roughly as much as a 3-4 letter word.
  return han * 3 >= latin && han > 0 ? "zh" : "en";
}

export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}
