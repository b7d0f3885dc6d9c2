/**
 * Ordinals and Chinese numerals: takes text, returns ordinal mentions ("11th", "eleventh",
 * "Tenth", "第十次", "第13届", "首届") with their value, and converts Chinese numerals to numbers.
 * @example findOrdinals("the 11th Meeting")[0].value // 11
 * @example findOrdinals("第十三次会议")[0].value // 13
 * @example cnNumber("二十三") // 23
 */

const WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** Chinese numeral (or Arabic digits) → number; NaN when it is not one. */
export function cnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0, section = 0, digit = -1;
  for (const ch of s) {
    if (ch in CN_DIGIT) digit = CN_DIGIT[ch]!;
    else if (ch in CN_UNIT) {
      const unit = CN_UNIT[ch]!;
      if (unit === 10000) {
        total += (section + Math.max(digit, 0)) * unit;
        section = 0;
      } else section += (digit < 0 ? 1 : digit) * unit;
      digit = -1;
    } else return NaN;
  }
  return total + section + Math.max(digit, 0);
}

export interface OrdinalMention {
  value: number;
  text: string;
  start: number;
  end: number;
}

const EN = new RegExp(
  `\\b(?:(\\d{1,3})(?:st|nd|rd|th)|((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))|(${Object.keys(WORDS).join("|")}))\\b`,
  "gi",
);
const ZH = /第\s*([0-9〇零一二两三四五六七八九十百]+)\s*(次|届|轮|个|期|号|阶段|座)?|(首)(次|届|轮)/g;

export function findOrdinals(text: string): OrdinalMention[] {
  const out: OrdinalMention[] = [];
  for (const m of text.matchAll(EN)) {
    let value: number;
    if (m[1]) value = Number(m[1]);
    else if (m[2]) {
      const [t, u] = m[2].toLowerCase().split(/[- ]/);
      value = TENS[t!]! + WORDS[u!]!;
    } else value = WORDS[m[3]!.toLowerCase()]!;
    out.push({ value, text: m[0], start: m.index!, end: m.index! + m[0].length });
  }
  for (const m of text.matchAll(ZH)) {
    const value = m[3] ? 1 : cnNumber(m[1]!);
    if (Number.isFinite(value) && value > 0) out.push({ value, text: m[0], start: m.index!, end: m.index! + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** English ordinal words for a number (1 → "first"), used when answering. */
export function ordinalSuffix(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : ["th", "st", "nd", "rd"][n % 10] ?? "th";
  return `${n}${s}`;
}

/**
 * Does the text refer back to the numbered session rather than report it ("since the 10th meeting", "自第十次会议以来")?
 * @example refersBack("progress since the 10th meeting", findOrdinals("progress since the 10th meeting")[0]) // true
 */
export function refersBack(text: string, o: OrdinalMention): boolean {
  return /(\bsince (the )?|自)$/.test(text.slice(Math.max(0, o.start - 12), o.start)) || /^[^。.;；]{0,20}?以来/.test(text.slice(o.end));
}
