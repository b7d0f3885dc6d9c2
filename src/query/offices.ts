/**
 * Offices: which office a text names, synonyms written the same way ("premier" = "prime minister" =
 * 总理), and the person a question names by office alone ("the Kazakh PM", "哈萨克斯坦总统").
 */
import { fold } from "../index/tokenize.ts";
import { EN_TITLES, ZH_TITLES } from "../extract/lexicon.ts";

/** Synonymous offices, written the same way. */
const SAME_OFFICE: Record<string, string> = {
  premier: "prime minister", 总理: "prime minister", 国务院总理: "prime minister", 首相: "prime minister",
  "vice premier": "deputy prime minister", "vice prime minister": "deputy prime minister", 副总理: "deputy prime minister", 国务院副总理: "deputy prime minister",
  第一副总理: "first deputy prime minister", 国家主席: "president", 总统: "president", 主席: "chairman",
  部长: "minister", 副部长: "vice minister", "deputy minister": "vice minister", 外长: "foreign minister", 外交部长: "foreign minister",
  大使: "ambassador", 市长: "mayor", 书记: "secretary", 主任: "director", 副主任: "deputy director",
};

/** The office a text names, most specific first ("first deputy prime minister", "副总理"), or undefined. */
export function coreTitle(text: string): string | undefined {
  const t = fold(text);
  const zh = ZH_TITLES.find((x) => t.includes(x));
  const en = [...EN_TITLES].filter((x) => x.length > 3 && !/^(mr|mrs|ms|dr|h\.e)\.$/.test(x) && !["counterpart", "head", "chief", "chair", "co-chair"].includes(x))
    .sort((a, b) => b.length - a.length)
    .find((x) => new RegExp(`\\b${x.replace(/[.]/g, "\\.")}\\b`).test(t));
  const found = zh ?? en;
  return found ? SAME_OFFICE[found] ?? found : undefined;
}

/**
 * The office a question asks to pick someone by ("which Kazakh president …", "哪位…总统"), as coreTitle writes it.
 * @example officeAskedFor("which kazakh president did Li meet?") // "president"
 */
export function officeAskedFor(question: string): string | undefined {
  const words =
    question.match(/\bwhich\s+(?:[a-z]+\s+)?((?:vice |deputy |first deputy |prime |foreign )?(?:president|premier|prime minister|minister|ambassador|governor|mayor|chairman|secretary))\b/i)?.[1] ??
    fold(question).match(/哪位(?:[\p{Script=Han}]{0,6}?)(总统|总理|副总理|部长|副部长|大使|主席|省长|市长)/u)?.[1];
  return words ? coreTitle(words) : undefined;
}

const SIDE_OF: [RegExp, string][] = [
  [/\b(?:kazakh|kazakhstan['’]?s?|kazakhstani|kz)$/i, "Kazakhstan"],
  [/\b(?:chinese|china['’]?s?|prc)$/i, "China"],
];
const ZH_SIDE: Record<string, string> = { 哈萨克斯坦: "Kazakhstan", 哈方: "Kazakhstan", 中国: "China", 中方: "China" };
const ABBREVIATED: [RegExp, string][] = [[/\bpm\b/gi, "prime minister"], [/\bfm\b/gi, "foreign minister"], [/\bvp\b/gi, "vice president"]];
const EN_OFFICE = /\b(?:the\s+)?([a-z'’]+)\s+((?:first deputy |deputy |vice |foreign |prime )?(?:prime minister|premier|president|foreign minister|minister|ambassador))\b/gi;

/**
 * The one person the corpus knows in the office a question names with its country instead of a name
 * ("kz pm", "the Kazakh president", "哈萨克斯坦总统"); undefined when there is no such phrase, or when
 * the corpus knows none or several holders (then the question is not narrowed to anyone).
 * @example officeHolder("when did the kz pm visit beijing?", persons) // "p:karim-masimov" when he is the only Kazakh PM known
 */
export function officeHolder(question: string, persons: { id: string; titles: string[]; country?: string }[]): string | undefined {
  let q = question;
  for (const [re, full] of ABBREVIATED) q = q.replace(re, full);
  const asked: [string, string][] = [];
  for (const m of q.matchAll(EN_OFFICE)) {
    const side = SIDE_OF.find(([re]) => re.test(m[1]!))?.[1];
    const office = coreTitle(m[2]!);
    if (side && office) asked.push([side, office]);
  }
  for (const m of fold(q).matchAll(/(哈萨克斯坦|哈方|中国|中方)(?:国家|国务院)?(总统|总理|副总理|第一副总理|外长|外交部长|主席|大使)/gu)) asked.push([ZH_SIDE[m[1]!]!, coreTitle(m[2]!)!]);
  if (asked.length !== 1) return undefined;
  const [side, office] = asked[0]!;
  const holders = persons.filter((p) => p.country === side && p.titles.some((t) => coreTitle(t) === office));
  return holders.length === 1 ? holders[0]!.id : undefined;
}

/** Offices as Chinese news writes them, by the English office (coreTitle) and, where it differs, the country. */
const ZH_OFFICE: Record<string, string> = {
  "prime minister": "总理", "deputy prime minister": "副总理", "first deputy prime minister": "第一副总理",
  "foreign minister": "外交部长", minister: "部长", "vice minister": "副部长", ambassador: "大使", mayor: "市长",
  chairman: "主席", "vice president": "副总统", secretary: "书记",
};

/**
 * A title in Chinese for a Chinese answer when it is just an office ("Vice Premier" → 副总理, "President" →
 * 国家主席 for China, 总统 elsewhere); undefined for a title that says more ("Minister of Energy").
 * @example zhOffice("First Deputy Prime Minister", "Kazakhstan") // "第一副总理"
 */
export function zhOffice(title: string, country?: string): string | undefined {
  const office = coreTitle(title);
  if (!office || fold(title).replace(/\s+/g, " ").trim() !== office && SAME_OFFICE[fold(title).trim()] !== office) return undefined;
  if (office === "president") return country === "China" ? "国家主席" : "总统";
  return ZH_OFFICE[office];
}
