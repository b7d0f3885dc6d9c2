/**
 * Synthetic news corpus for benchmarks and loader tests: writes N invented China–Kazakhstan news
 * articles that copy the *structure* of real scraped pages (navigation junk, "Related Stories" and
 * "Today's Top News" headline lists, photo captions with credits, several dateline styles or none,
 * Xinhua-style leads, relative and absolute dates, English / simplified / traditional Chinese and
 * bilingual Chinese-then-English texts, hard-wrapped lines, ordinals in words, digits and Chinese,
 * committee and sub-committee series, invented officials with titles and spelling variants, figures),
 * plus optional broken files (empty, binary, undecodable, …) to exercise the loader.
 *
 * Deterministic: the same seed gives byte-identical files, and article i does not depend on N, so a
 * 1,000-article corpus is the first 1,000 articles of the 100,000-article one. All names, officials,
 * companies and sentences are invented from pools and templates; no real article text is copied.
 *
 *   npx tsx scripts/generate-corpus.ts --out DIR --count N [--seed S] [--broken K] [--force]
 *
 * From code: `await generateCorpus(dir, count, seed, { broken })` returns the manifest it also writes
 * to DIR/.corpus.json (a dot-file, so the corpus loader ignores it).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import * as OpenCC from "opencc-js";

/** Bump when the output for a given seed changes, so cached benchmark corpora are regenerated. */
export const GENERATOR_VERSION = 1;
const MANIFEST = ".corpus.json";
const FILES_PER_FOLDER = 1000;

// ───────────────────────────── seeded PRNG ─────────────────────────────

/** 32-bit string hash (cyrb53-style mixing) used to derive independent seeds. */
export function hashString(s: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

/** mulberry32: small, fast, good enough for text generation; seeded from a number or a string. */
export class Rng {
  private state: number;
  constructor(seed: number | string) {
    this.state = typeof seed === "number" ? seed >>> 0 : hashString(seed);
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (!items.length) throw new Error("pick from empty list");
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }
  /** k distinct items (order random). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const out: T[] = [];
    while (out.length < k && copy.length) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    return out;
  }
  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = Math.max(this.next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  /** A decimal with `digits` fraction digits in [lo, hi]. */
  decimal(lo: number, hi: number, digits: number): number {
    const f = 10 ** digits;
    return Math.round((lo + this.next() * (hi - lo)) * f) / f;
  }
}

// ───────────────────────────── dates ─────────────────────────────

/** Days since 1970-01-01 (UTC). */
type Day = number;
const MS_DAY = 86_400_000;
function dayOf(y: number, m: number, d: number): Day {
  return Math.round(Date.UTC(y, m - 1, d) / MS_DAY);
}
function ymd(day: Day): { y: number; m: number; d: number; wd: number } {
  const dt = new Date(day * MS_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate(), wd: dt.getUTCDay() };
}
const FIRST_DAY = dayOf(2004, 1, 1);
const LAST_DAY = dayOf(2025, 6, 30);

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTHS_AP = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
const MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const WEEKDAYS_ZH = ["日", "一", "二", "三", "四", "五", "六"];
const pad2 = (n: number) => String(n).padStart(2, "0");
const isoDay = (day: Day) => {
  const t = ymd(day);
  return `${t.y}-${pad2(t.m)}-${pad2(t.d)}`;
};

// ───────────────────────────── numbers and ordinals ─────────────────────────────

const ORD_SMALL = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const TENS_ORD = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];
const CARD_SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/** 11 → "eleventh", 23 → "twenty-third". */
export function ordinalWord(n: number): string {
  if (n < 20) return ORD_SMALL[n];
  if (n < 100) return n % 10 === 0 ? TENS_ORD[Math.floor(n / 10)] : `${TENS[Math.floor(n / 10)]}-${ORD_SMALL[n % 10]}`;
  return ordinalDigits(n);
}
/** 1 → "1st", 12 → "12th", 23 → "23rd". */
export function ordinalDigits(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${s}`;
}
const ZH_DIGITS = "零一二三四五六七八九";
/** 10 → "十", 13 → "十三", 21 → "二十一". */
export function zhNumber(n: number): string {
  if (n < 10) return ZH_DIGITS[n];
  if (n < 20) return "十" + (n % 10 ? ZH_DIGITS[n % 10] : "");
  if (n < 100) return ZH_DIGITS[Math.floor(n / 10)] + "十" + (n % 10 ? ZH_DIGITS[n % 10] : "");
  return String(n);
}
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const capWords = (s: string) => s.split("-").map(cap).join("-");
const commas = (n: number) => n.toLocaleString("en-US");

// ───────────────────────────── names ─────────────────────────────

type Country = "CN" | "KZ" | "XX";

const CN_SURNAMES: [string, string][] = [
  ["Wang", "王"], ["Li", "李"], ["Zhang", "张"], ["Liu", "刘"], ["Chen", "陈"], ["Yang", "杨"], ["Zhao", "赵"], ["Huang", "黄"],
  ["Zhou", "周"], ["Wu", "吴"], ["Xu", "徐"], ["Sun", "孙"], ["Hu", "胡"], ["Zhu", "朱"], ["Gao", "高"], ["Lin", "林"],
  ["He", "何"], ["Guo", "郭"], ["Ma", "马"], ["Luo", "罗"], ["Liang", "梁"], ["Song", "宋"], ["Zheng", "郑"], ["Xie", "谢"],
  ["Han", "韩"], ["Tang", "唐"], ["Feng", "冯"], ["Yu", "于"], ["Dong", "董"], ["Xiao", "肖"], ["Cheng", "程"], ["Cao", "曹"],
  ["Yuan", "袁"], ["Deng", "邓"], ["Fu", "傅"], ["Shen", "沈"], ["Peng", "彭"], ["Lu", "吕"], ["Su", "苏"], ["Jiang", "蒋"],
  ["Cai", "蔡"], ["Jia", "贾"], ["Ding", "丁"], ["Wei", "魏"], ["Ye", "叶"], ["Pan", "潘"], ["Du", "杜"], ["Dai", "戴"],
  ["Xia", "夏"], ["Zhong", "钟"], ["Tian", "田"], ["Ren", "任"], ["Fan", "范"], ["Fang", "方"], ["Shi", "石"], ["Yao", "姚"],
  ["Tan", "谭"], ["Qin", "秦"], ["Kong", "孔"], ["Bai", "白"], ["Cui", "崔"], ["Kang", "康"], ["Mao", "毛"], ["Qiu", "邱"],
  ["Gu", "顾"], ["Hou", "侯"], ["Shao", "邵"], ["Meng", "孟"], ["Long", "龙"], ["Duan", "段"], ["Lei", "雷"], ["Qian", "钱"],
  ["Yin", "尹"], ["Chang", "常"], ["Qiao", "乔"], ["Lai", "赖"], ["Gong", "龚"], ["Wen", "文"], ["Niu", "牛"], ["Hao", "郝"],
];
const CN_GIVEN: [string, string][] = [
  ["ming", "明"], ["hui", "辉"], ["jian", "建"], ["guo", "国"], ["hua", "华"], ["wei", "伟"], ["jun", "军"], ["ping", "平"],
  ["hong", "红"], ["xin", "新"], ["yong", "勇"], ["qiang", "强"], ["lei", "磊"], ["tao", "涛"], ["bin", "斌"], ["chao", "超"],
  ["dong", "东"], ["feng", "峰"], ["gang", "刚"], ["hai", "海"], ["jie", "杰"], ["kai", "凯"], ["lin", "林"], ["peng", "鹏"],
  ["qing", "庆"], ["rui", "瑞"], ["shan", "山"], ["sheng", "胜"], ["tian", "天"], ["wen", "文"], ["xiang", "祥"], ["yang", "阳"],
  ["yu", "宇"], ["zhi", "志"], ["zhong", "忠"], ["an", "安"], ["bo", "波"], ["cheng", "成"], ["fang", "芳"], ["li", "丽"],
  ["jing", "静"], ["min", "敏"], ["yan", "燕"], ["xia", "霞"], ["ying", "英"], ["lan", "兰"], ["mei", "梅"], ["qiu", "秋"],
  ["shu", "书"], ["hao", "浩"], ["jia", "嘉"], ["kun", "坤"], ["liang", "亮"], ["ning", "宁"], ["song", "松"], ["xue", "学"],
  ["yi", "毅"], ["ze", "泽"], ["zhen", "振"], ["quan", "权"], ["sen", "森"], ["de", "德"], ["yuan", "远"], ["chun", "春"],
  ["guang", "光"], ["xiao", "晓"], ["yun", "云"], ["fei", "飞"], ["long", "龙"], ["bao", "宝"], ["ji", "继"], ["rong", "荣"],
];
const KZ_GIVEN_M = ["Askar", "Nurlan", "Yerlan", "Daniyar", "Bolat", "Serik", "Aidos", "Marat", "Timur", "Galym", "Dauren", "Kairat",
  "Arman", "Berik", "Yerbol", "Almas", "Azamat", "Ruslan", "Olzhas", "Aibek", "Nurbek", "Talgat", "Murat", "Zhanat", "Yermek",
  "Kanat", "Bakhyt", "Dastan", "Sanzhar", "Yerzhan", "Asylbek", "Rustem", "Baurzhan", "Kuanysh", "Samat", "Darkhan", "Erkin"];
const KZ_GIVEN_F = ["Aigerim", "Saule", "Dinara", "Gulnara", "Aliya", "Madina", "Zhanar", "Asel", "Kamila", "Aizhan", "Aruzhan", "Gaukhar"];
const KZ_STEMS = ["Abil", "Akhmet", "Baiz", "Beisen", "Yesen", "Kasym", "Kenes", "Mukhtar", "Nurgal", "Omar", "Sapar", "Seit", "Tokpan",
  "Tuleg", "Utemis", "Zhanbyr", "Zhaksyl", "Kuanysh", "Orynb", "Sarsen", "Temir", "Yerzhan", "Aman", "Bekmur", "Dosym", "Isab",
  "Kapash", "Musin", "Shaikh", "Zhumag", "Karas", "Tasbol", "Yelub", "Kydyr", "Sultang", "Bisen", "Ermag", "Nauryz", "Zhakup", "Kalm"];
const KZ_SUFFIX = ["ov", "ayev", "bekov", "uly", "imov", "enov", "aliyev", "tayev", "zhanov", "ekov", "in", "bayev"];
const OTHER_GIVEN = ["Dragan", "Milos", "Bakhodir", "Ulugbek", "Azamat", "Pavel", "Igor", "Rashid", "Emil", "Farhod", "Dmitri", "Sergei", "Anvar"];
const OTHER_SURNAME = ["Petrovac", "Jovanek", "Tursunov", "Rakhmonov", "Sidorin", "Volkovsky", "Karimbek", "Mirzoyev", "Beshimov", "Lazarin", "Nikolic"];

/** Kazakh/Russian-style Latin name → Chinese transliteration, syllable by syllable (Xinhua-like characters). */
const TRANSLIT: Record<string, string> = {
  a: "阿", e: "叶", i: "伊", o: "奥", u: "乌", y: "厄",
  ba: "巴", be: "别", bi: "比", bo: "博", bu: "布", by: "贝", da: "达", de: "杰", di: "季", do: "多", du: "杜", dy: "德",
  ga: "加", ge: "格", gi: "吉", go: "戈", gu: "古", gy: "格", ka: "卡", ke: "克", ki: "基", ko: "科", ku: "库", ky: "克",
  kha: "哈", khe: "赫", khi: "希", kho: "霍", khu: "胡", khy: "赫", ma: "马", me: "梅", mi: "米", mo: "莫", mu: "穆", my: "梅",
  na: "纳", ne: "涅", ni: "尼", no: "诺", nu: "努", ny: "内", la: "拉", le: "列", li: "利", lo: "洛", lu: "卢", ly: "雷",
  ra: "拉", re: "列", ri: "里", ro: "罗", ru: "鲁", ry: "雷", sa: "萨", se: "谢", si: "西", so: "索", su: "苏", sy: "瑟",
  sha: "沙", she: "舍", shi: "希", sho: "绍", shu: "舒", shy: "舍", zha: "扎", zhe: "热", zhi: "日", zho: "若", zhu: "朱", zhy: "热",
  ta: "塔", te: "捷", ti: "季", to: "托", tu: "图", ty: "特", ya: "亚", ye: "叶", yo: "约", yu: "尤", yi: "伊", za: "扎", ze: "泽",
  zi: "孜", zo: "佐", zu: "祖", zy: "泽", ha: "哈", he: "赫", hi: "希", ho: "霍", hu: "胡", ja: "贾", je: "杰", ji: "吉", jo: "乔",
  ju: "朱", cha: "恰", che: "切", chi: "奇", cho: "乔", chu: "丘", pa: "帕", pe: "佩", pi: "皮", po: "波", pu: "普", fa: "法",
  fe: "费", fi: "菲", fo: "福", fu: "富", va: "瓦", ve: "韦", vi: "维", vo: "沃", vu: "武", ts: "茨",
  an: "安", ban: "班", dan: "丹", gan: "甘", kan: "坎", khan: "汗", han: "汗", lan: "兰", man: "曼", nan: "南", ran: "兰",
  san: "桑", tan: "坦", zhan: "詹", yan: "扬", en: "恩", ben: "边", ken: "肯", len: "连", men: "缅", sen: "先", ten: "坚",
  zhen: "任", in: "因", bin: "宾", lin: "林", min: "明", nin: "宁", kin: "金", un: "温", nun: "农", mun: "蒙", on: "翁", bon: "邦",
};
const CODA: Record<string, string> = { n: "恩", r: "尔", l: "尔", k: "克", t: "特", s: "斯", m: "姆", b: "布", d: "德", v: "夫",
  z: "兹", g: "格", sh: "什", kh: "赫", zh: "日", p: "普", f: "夫", y: "伊", ch: "奇", ts: "茨", j: "吉", h: "赫" };

export function transliterate(latin: string): string {
  const s = latin.toLowerCase().replace(/[^a-z]/g, "");
  const isV = (c: string | undefined) => c !== undefined && "aeiouy".includes(c);
  let i = 0;
  let out = "";
  const cons = (at: number): string => {
    const two = s.slice(at, at + 2);
    if (["zh", "kh", "sh", "ch", "ts"].includes(two)) return two;
    const c = s[at];
    if (c === "y" && isV(s[at + 1])) return "y";
    return c !== undefined && !isV(c) ? c : "";
  };
  while (i < s.length) {
    let onset = cons(i);
    // a consonant cluster: all but the last consonant are codas of their own
    while (onset && !isV(s[i + onset.length]) && i + onset.length < s.length) {
      out += CODA[onset] ?? "";
      i += onset.length;
      onset = cons(i);
    }
    if (onset && i + onset.length >= s.length) {
      out += CODA[onset] ?? "";
      break;
    }
    const v = s[i + onset.length] ?? "";
    let syl = onset + v;
    let len = syl.length;
    const next = cons(i + len);
    // n-coda syllables ("lan", "men") when the n does not start the next syllable
    if (next === "n" && !isV(s[i + len + 1]) && TRANSLIT[syl + "n"]) {
      syl += "n";
      len++;
    }
    out += TRANSLIT[syl] ?? (TRANSLIT[onset + "a"] ?? "") + (onset ? "" : TRANSLIT[v] ?? "");
    i += len;
  }
  return out;
}

/** Spelling variants of a Kazakh-style name: s/ss, -yev/-ev, Zh/J, Kh/H, Ye/E. */
function spellingVariants(name: string): string[] {
  const out = new Set<string>();
  const rules: [RegExp, string][] = [
    [/([aeiouy])s([aeiouy])/, "$1ss$2"],
    [/([aeiouy])ss([aeiouy])/, "$1s$2"],
    [/ayev\b/, "aev"],
    [/iyev\b/, "iev"],
    [/\bZh/, "J"],
    [/kh/, "h"],
    [/\bKh/, "H"],
    [/\bYe/, "E"],
    [/uly\b/, "uli"],
  ];
  for (const [re, rep] of rules) {
    if (re.test(name)) out.add(name.replace(re, rep));
  }
  out.delete(name);
  return [...out];
}

export interface Person {
  id: string;
  country: Country;
  female: boolean;
  /** Canonical English spelling, given name first for Kazakh names, surname first for Chinese. */
  en: string;
  /** Other spellings of the whole name seen in print (Masimov / Massimov). */
  enVariants: string[];
  /** What a second reference uses in English ("Ding", "Sklyar"). */
  surname: string;
  /** Chinese form (张广军 / 达尔汗·阿赫迈德-扎克). */
  zh: string;
  /** What a second reference uses in Chinese (张广军 / 阿赫迈德-扎克). */
  zhShort: string;
}

function makeCnPerson(rng: Rng, id: string, used: Set<string>): Person {
  for (;;) {
    const [sur, surZh] = rng.pick(CN_SURNAMES);
    const parts = rng.chance(0.8) ? rng.sample(CN_GIVEN, 2) : rng.sample(CN_GIVEN, 1);
    let given = parts.map((p) => p[0]).join("");
    if (parts.length === 2 && /^[aeo]/.test(parts[1][0])) given = `${parts[0][0]}'${parts[1][0]}`;
    const en = `${sur} ${cap(given)}`;
    if (used.has(en)) continue;
    used.add(en);
    const zh = surZh + parts.map((p) => p[1]).join("");
    const variants = parts.length === 2 ? [`${sur} ${cap(parts[0][0])}-${parts[1][0]}`] : [];
    return { id, country: "CN", female: rng.chance(0.25), en, enVariants: variants, surname: sur, zh, zhShort: zh };
  }
}

function makeKzPerson(rng: Rng, id: string, used: Set<string>): Person {
  for (;;) {
    const female = rng.chance(0.2);
    const given = rng.pick(female ? KZ_GIVEN_F : KZ_GIVEN_M);
    let sur = rng.pick(KZ_STEMS) + rng.pick(KZ_SUFFIX);
    if (female) sur = sur.endsWith("uly") ? sur.replace(/uly$/, "kyzy") : /(ov|ev|in)$/.test(sur) ? sur + "a" : sur;
    if (rng.chance(0.08)) sur = `${sur}-${rng.pick(KZ_STEMS)}`; // hyphenated surname
    const en = `${given} ${sur}`;
    if (used.has(en)) continue;
    used.add(en);
    const zhSur = sur.split("-").map(transliterate).join("-");
    const zh = `${transliterate(given)}·${zhSur}`;
    const variants = [...new Set([...spellingVariants(sur).map((v) => `${given} ${v}`), ...spellingVariants(given).map((v) => `${v} ${sur}`)])];
    return { id, country: "KZ", female, en, enVariants: variants.slice(0, 2), surname: sur, zh, zhShort: zhSur };
  }
}

function makeOtherPerson(rng: Rng): Person {
  const given = rng.pick(OTHER_GIVEN);
  const sur = rng.pick(OTHER_SURNAME);
  const zh = `${transliterate(given)}·${transliterate(sur)}`;
  return { id: `xx-${given}-${sur}`, country: "XX", female: false, en: `${given} ${sur}`, enVariants: [], surname: sur, zh, zhShort: transliterate(sur) };
}

/** A fresh invented name for a reporter / photographer / editor (not a principal). */
function freshCnName(rng: Rng): { en: string; zh: string } {
  const [sur, surZh] = rng.pick(CN_SURNAMES);
  const parts = rng.sample(CN_GIVEN, rng.chance(0.3) ? 1 : 2);
  const given = parts.map((p) => p[0]).join("");
  return { en: `${sur} ${cap(given)}`, zh: surZh + parts.map((p) => p[1]).join("") };
}

// ───────────────────────────── places ─────────────────────────────

export interface Place {
  id: string;
  en: string;
  zh: string;
  country: Country;
  /** Spelling used between two days (Astana → Nur-Sultan → Astana). */
  renamed?: { from: Day; to: Day; en: string; zh: string };
  region?: { en: string; zh: string };
}
const P = (id: string, en: string, zh: string, country: Country, region?: [string, string]): Place => ({
  id, en, zh, country, region: region ? { en: region[0], zh: region[1] } : undefined,
});
const PLACES: Place[] = [
  { ...P("astana", "Astana", "阿斯塔纳", "KZ"), renamed: { from: dayOf(2019, 3, 23), to: dayOf(2022, 9, 17), en: "Nur-Sultan", zh: "努尔苏丹" } },
  P("almaty", "Almaty", "阿拉木图", "KZ"), P("shymkent", "Shymkent", "奇姆肯特", "KZ"), P("aktobe", "Aktobe", "阿克托别", "KZ"),
  P("karaganda", "Karaganda", "卡拉干达", "KZ"), P("atyrau", "Atyrau", "阿特劳", "KZ"), P("aktau", "Aktau", "阿克套", "KZ"),
  P("pavlodar", "Pavlodar", "巴甫洛达尔", "KZ"), P("kostanay", "Kostanay", "科斯塔奈", "KZ"), P("turkistan", "Turkistan", "突厥斯坦", "KZ"),
  P("taraz", "Taraz", "塔拉兹", "KZ"), P("oskemen", "Oskemen", "厄斯克门", "KZ"),
  P("beijing", "Beijing", "北京", "CN"), P("shanghai", "Shanghai", "上海", "CN"), P("chongqing", "Chongqing", "重庆", "CN"),
  P("urumqi", "Urumqi", "乌鲁木齐", "CN", ["Xinjiang Uygur Autonomous Region", "新疆维吾尔自治区"]),
  P("xian", "Xi'an", "西安", "CN", ["Shaanxi Province", "陕西省"]), P("lanzhou", "Lanzhou", "兰州", "CN", ["Gansu Province", "甘肃省"]),
  P("lianyungang", "Lianyungang", "连云港", "CN", ["Jiangsu Province", "江苏省"]),
  P("horgos", "Horgos", "霍尔果斯", "CN", ["Xinjiang Uygur Autonomous Region", "新疆维吾尔自治区"]),
  P("kashgar", "Kashgar", "喀什", "CN", ["Xinjiang Uygur Autonomous Region", "新疆维吾尔自治区"]),
  P("chengdu", "Chengdu", "成都", "CN", ["Sichuan Province", "四川省"]), P("hangzhou", "Hangzhou", "杭州", "CN", ["Zhejiang Province", "浙江省"]),
  P("zhengzhou", "Zhengzhou", "郑州", "CN", ["Henan Province", "河南省"]), P("wuhan", "Wuhan", "武汉", "CN", ["Hubei Province", "湖北省"]),
  P("qingdao", "Qingdao", "青岛", "CN", ["Shandong Province", "山东省"]), P("yinchuan", "Yinchuan", "银川", "CN", ["Ningxia Hui Autonomous Region", "宁夏回族自治区"]),
  P("harbin", "Harbin", "哈尔滨", "CN", ["Heilongjiang Province", "黑龙江省"]), P("xiamen", "Xiamen", "厦门", "CN", ["Fujian Province", "福建省"]),
  P("tashkent", "Tashkent", "塔什干", "XX"), P("bishkek", "Bishkek", "比什凯克", "XX"), P("dushanbe", "Dushanbe", "杜尚别", "XX"),
  P("davos", "Davos", "达沃斯", "XX"), P("samarkand", "Samarkand", "撒马尔罕", "XX"), P("geneva", "Geneva", "日内瓦", "XX"),
];
const placeById = (id: string) => PLACES.find((p) => p.id === id)!;
function placeEn(p: Place, day: Day): string {
  return p.renamed && day >= p.renamed.from && day < p.renamed.to ? p.renamed.en : p.en;
}
function placeZh(p: Place, day: Day): string {
  return p.renamed && day >= p.renamed.from && day < p.renamed.to ? p.renamed.zh : p.zh;
}
const THIRD_COUNTRIES: [string, string][] = [["Serbia", "塞尔维亚"], ["Uzbekistan", "乌兹别克斯坦"], ["Kyrgyzstan", "吉尔吉斯斯坦"],
  ["Pakistan", "巴基斯坦"], ["Belarus", "白俄罗斯"], ["Turkmenistan", "土库曼斯坦"], ["Mongolia", "蒙古国"], ["Hungary", "匈牙利"]];

// ───────────────────────────── offices and their holders ─────────────────────────────

export interface Office {
  id: string;
  country: Country;
  en: string;
  zh: string;
  /** Second-reference phrase ("the vice premier", "the Kazakh prime minister"). */
  shortEn: string;
  /** Counterpart class: offices with the same rank on both sides are "counterparts". */
  rank: string;
  tenure: [number, number];
  holders: { person: Person; from: Day; to: Day }[];
}
type OfficeDef = [id: string, country: Country, en: string, zh: string, shortEn: string, rank: string, tenure: [number, number]];
const OFFICE_DEFS: OfficeDef[] = [
  ["cn-president", "CN", "President", "国家主席", "the Chinese president", "head", [9, 10]],
  ["cn-premier", "CN", "Premier", "国务院总理", "the premier", "gov", [9, 10]],
  ["cn-vpremier", "CN", "Vice Premier", "国务院副总理", "the vice premier", "vgov", [4, 6]],
  ["cn-fm", "CN", "Foreign Minister", "外交部长", "the Chinese foreign minister", "fm", [4, 9]],
  ["cn-commerce", "CN", "Minister of Commerce", "商务部部长", "the commerce minister", "trade", [3, 7]],
  ["cn-vcommerce", "CN", "Vice Minister of Commerce", "商务部副部长", "the vice minister", "vtrade", [3, 6]],
  ["cn-vtransport", "CN", "Vice Minister of Transport", "交通运输部副部长", "the vice minister", "vtransport", [3, 6]],
  ["cn-vmost", "CN", "Vice Minister of Science and Technology", "科技部副部长", "the vice minister", "vscience", [3, 6]],
  ["cn-nea", "CN", "Administrator of the National Energy Administration", "国家能源局局长", "the energy administrator", "energy", [3, 6]],
  ["cn-vnea", "CN", "Deputy Administrator of the National Energy Administration", "国家能源局副局长", "the deputy administrator", "venergy", [3, 6]],
  ["cn-vculture", "CN", "Vice Minister of Culture and Tourism", "文化和旅游部副部长", "the vice minister", "vculture", [3, 6]],
  ["cn-vcustoms", "CN", "Deputy Minister of the General Administration of Customs", "海关总署副署长", "the deputy minister", "vcustoms", [3, 6]],
  ["cn-vsecurity", "CN", "Vice Minister of Public Security", "公安部副部长", "the vice minister", "vsecurity", [3, 6]],
  ["cn-vpbc", "CN", "Deputy Governor of the People's Bank of China", "中国人民银行副行长", "the deputy governor", "vfinance", [3, 6]],
  ["cn-vagri", "CN", "Vice Minister of Agriculture and Rural Affairs", "农业农村部副部长", "the vice minister", "vagri", [3, 6]],
  ["cn-vecology", "CN", "Vice Minister of Ecology and Environment", "生态环境部副部长", "the vice minister", "vecology", [3, 6]],
  ["cn-vhealth", "CN", "Vice Minister of the National Health Commission", "国家卫生健康委员会副主任", "the vice minister", "vhealth", [3, 6]],
  ["cn-vgeology", "CN", "Vice Minister of Natural Resources", "自然资源部副部长", "the vice minister", "vgeology", [3, 6]],
  ["cn-vndrc", "CN", "Vice Chairman of the National Development and Reform Commission", "国家发展改革委副主任", "the vice chairman", "plan", [3, 6]],
  ["cn-ambassador", "CN", "Chinese Ambassador to Kazakhstan", "中国驻哈萨克斯坦大使", "the ambassador", "amb", [3, 5]],
  ["cn-xinjiang", "CN", "Chairman of the Xinjiang Uygur Autonomous Region", "新疆维吾尔自治区主席", "the regional chairman", "region", [4, 7]],
  ["kz-president", "KZ", "President", "总统", "the Kazakh president", "head", [8, 15]],
  ["kz-pm", "KZ", "Prime Minister", "总理", "the Kazakh prime minister", "gov", [2, 6]],
  ["kz-fdpm", "KZ", "First Deputy Prime Minister", "第一副总理", "the first deputy prime minister", "vgov", [2, 5]],
  ["kz-dpm", "KZ", "Deputy Prime Minister", "副总理", "the deputy prime minister", "plan", [2, 5]],
  ["kz-fm", "KZ", "Foreign Minister", "外交部长", "the Kazakh foreign minister", "fm", [2, 6]],
  ["kz-trade", "KZ", "Minister of Trade and Integration", "贸易和一体化部长", "the trade minister", "trade", [2, 5]],
  ["kz-vtrade", "KZ", "Vice Minister of Trade and Integration", "贸易和一体化部副部长", "the vice minister", "vtrade", [2, 5]],
  ["kz-vindustry", "KZ", "Vice Minister of Industry and Infrastructure Development", "工业和基础设施发展部副部长", "the vice minister", "vtransport", [2, 5]],
  ["kz-vscience", "KZ", "Vice Minister of Science and Higher Education", "科学与高等教育部副部长", "the vice minister", "vscience", [2, 5]],
  ["kz-energy", "KZ", "Minister of Energy", "能源部长", "the energy minister", "energy", [2, 5]],
  ["kz-venergy", "KZ", "Vice Minister of Energy", "能源部副部长", "the vice minister", "venergy", [2, 5]],
  ["kz-vculture", "KZ", "Vice Minister of Culture and Sports", "文化和体育部副部长", "the vice minister", "vculture", [2, 5]],
  ["kz-vrevenue", "KZ", "Deputy Chairman of the State Revenue Committee", "国家收入委员会副主席", "the deputy chairman", "vcustoms", [2, 5]],
  ["kz-vinterior", "KZ", "Deputy Minister of Internal Affairs", "内务部副部长", "the deputy minister", "vsecurity", [2, 5]],
  ["kz-vbank", "KZ", "Deputy Chairman of the National Bank of Kazakhstan", "国家银行副行长", "the deputy chairman", "vfinance", [2, 5]],
  ["kz-vagri", "KZ", "Vice Minister of Agriculture", "农业部副部长", "the vice minister", "vagri", [2, 5]],
  ["kz-vecology", "KZ", "Vice Minister of Ecology and Natural Resources", "生态和自然资源部副部长", "the vice minister", "vecology", [2, 5]],
  ["kz-vhealth", "KZ", "Vice Minister of Healthcare", "卫生部副部长", "the vice minister", "vhealth", [2, 5]],
  ["kz-vgeology", "KZ", "Vice Minister of Industry and Construction", "工业和建设部副部长", "the vice minister", "vgeology", [2, 5]],
  ["kz-ambassador", "KZ", "Kazakh Ambassador to China", "哈萨克斯坦驻华大使", "the ambassador", "amb", [3, 5]],
  ["kz-akim", "KZ", "Mayor of Almaty", "阿拉木图市市长", "the mayor", "region", [2, 5]],
];

// ───────────────────────────── meeting series ─────────────────────────────

export interface Series {
  id: string;
  kind: "committee" | "subcommittee" | "council" | "forum" | "expo" | "hog";
  /** Canonical English name; `enAlt` are other renderings seen in print. */
  en: string;
  enAlt: string[];
  zh: string;
  cnOffice: string;
  kzOffice: string;
  cnCities: string[];
  kzCities: string[];
  start: number;
  /** Years between sessions. */
  every: number;
  sessions: Session[];
}
export interface Session {
  series: Series;
  ordinal: number;
  day: Day;
  place: Place;
  cn: Person;
  kz: Person;
  documents: number;
}
type SeriesDef = [id: string, kind: Series["kind"], en: string, enAlt: string[], zh: string, cn: string, kz: string, cnCities: string[], kzCities: string[], start: number, every: number];
const SUB = (field: string, alt: string, zh: string, cn: string, kz: string, cnCities: string[], start: number): SeriesDef =>
  [`sub-${cn}`, "subcommittee", `Sub-Committee on ${field} Cooperation`, [`Subcommittee on ${alt} Cooperation`], zh, cn, kz, cnCities, ["astana", "almaty"], start, 1];
const SERIES_DEFS: SeriesDef[] = [
  ["committee", "committee", "China-Kazakhstan Cooperation Committee", ["Kazakhstan-China Cooperation Committee", "China-Kazakhstan Committee for Cooperation"], "中国-哈萨克斯坦合作委员会", "cn-vpremier", "kz-fdpm", ["beijing"], ["astana"], 2004, 1],
  SUB("Trade and Economic", "Economic and Trade", "经贸合作分委会", "cn-vcommerce", "kz-vtrade", ["beijing", "urumqi", "xian"], 2004),
  SUB("Transport", "Transportation", "交通运输合作分委会", "cn-vtransport", "kz-vindustry", ["beijing", "lianyungang", "lanzhou"], 2005),
  SUB("Scientific and Technological", "Science and Technology", "科技合作分委会", "cn-vmost", "kz-vscience", ["beijing", "chongqing", "hangzhou"], 2004),
  SUB("Energy", "Energy", "能源合作分委会", "cn-vnea", "kz-venergy", ["beijing", "urumqi", "chengdu"], 2005),
  SUB("Cultural and Humanitarian", "Culture and People-to-People", "文化和人文合作分委会", "cn-vculture", "kz-vculture", ["beijing", "xian", "shanghai"], 2005),
  SUB("Port and Customs", "Customs and Border Port", "口岸和海关合作分委会", "cn-vcustoms", "kz-vrevenue", ["horgos", "urumqi", "beijing"], 2006),
  SUB("Security", "Security", "安全合作分委会", "cn-vsecurity", "kz-vinterior", ["beijing", "kashgar"], 2006),
  SUB("Financial", "Finance", "金融合作分委会", "cn-vpbc", "kz-vbank", ["beijing", "shanghai"], 2007),
  SUB("Agricultural", "Agriculture", "农业合作分委会", "cn-vagri", "kz-vagri", ["beijing", "yinchuan", "harbin"], 2009),
  SUB("Environmental Protection", "Ecology and Environmental Protection", "环保合作分委会", "cn-vecology", "kz-vecology", ["beijing", "wuhan"], 2011),
  SUB("Health", "Healthcare", "卫生合作分委会", "cn-vhealth", "kz-vhealth", ["beijing", "qingdao"], 2012),
  SUB("Geology and Mineral Resources", "Geological and Mining", "地质矿产合作分委会", "cn-vgeology", "kz-vgeology", ["beijing", "lanzhou"], 2008),
  ["business-council", "council", "China-Kazakhstan Business Council", ["China-Kazakhstan Entrepreneurs Committee"], "中哈企业家委员会", "cn-vcommerce", "kz-trade", ["beijing", "shanghai", "xiamen"], ["astana", "almaty"], 2005, 1],
  ["interregional", "forum", "China-Kazakhstan Interregional Cooperation Forum", ["Interregional Cooperation Forum"], "中哈地方合作论坛", "cn-xinjiang", "kz-dpm", ["urumqi", "xian", "lanzhou"], ["almaty", "shymkent", "aktobe"], 2018, 1],
  ["expo", "expo", "China-Eurasia Expo", ["China-Eurasia Commodity and Trade Expo"], "中国—亚欧博览会", "cn-xinjiang", "kz-dpm", ["urumqi"], ["urumqi"], 2011, 2],
  ["hog", "hog", "regular meeting between the China-Kazakhstan heads of government", ["prime ministers' regular meeting of China and Kazakhstan"], "中哈总理定期会晤", "cn-premier", "kz-pm", ["beijing"], ["astana"], 2013, 2],
];

// ───────────────────────────── the world: people, offices, sessions ─────────────────────────────

export interface World {
  seed: string;
  offices: Map<string, Office>;
  persons: Person[];
  series: Series[];
  sessions: Session[];
  companies: { en: string; zh: string; country: Country }[];
  /** Invented people who appear in no article (for not-found questions). */
  absentPeople: Person[];
}

const COMPANY_PARTS: [string, string][] = [["Tianshan", "天山"], ["Great Steppe", "大草原"], ["Silk Bridge", "丝桥"], ["Altyn Dala", "金色草原"],
  ["Eastern Gate", "东门"], ["Jade Road", "玉路"], ["Karatau", "卡拉套"], ["Yellow River", "黄河"], ["Caspian Star", "里海之星"], ["Golden Horde", "金帐"]];
const COMPANY_KINDS: [string, string][] = [["Rail Group", "铁路集团"], ["Energy Corporation", "能源公司"], ["Logistics Co.", "物流公司"],
  ["Grain Holding", "粮食控股公司"], ["Investment Fund", "投资基金"], ["Copper Company", "铜业公司"], ["Wind Power Co.", "风电公司"], ["Construction Group", "建设集团"]];

/** Everything that is fixed for a seed: people, who held which office when, every session of every series. */
export function buildWorld(seed: number | string = 1): World {
  const key = String(seed);
  const rng = new Rng(`${key}/world`);
  const used = new Set<string>();
  const persons: Person[] = [];
  const offices = new Map<string, Office>();
  for (const [id, country, en, zh, shortEn, rank, tenure] of OFFICE_DEFS) {
    const holders: Office["holders"] = [];
    let from = FIRST_DAY - rng.int(0, 3 * 365);
    while (from <= LAST_DAY) {
      const to = from + rng.int(tenure[0] * 365, tenure[1] * 365);
      const person = country === "CN" ? makeCnPerson(rng, `p${persons.length}`, used) : makeKzPerson(rng, `p${persons.length}`, used);
      persons.push(person);
      holders.push({ person, from, to });
      from = to;
    }
    offices.set(id, { id, country, en, zh, shortEn, rank, tenure, holders });
  }
  const series: Series[] = [];
  const sessions: Session[] = [];
  for (const [id, kind, en, enAlt, zh, cnOffice, kzOffice, cnCities, kzCities, start, every] of SERIES_DEFS) {
    const s: Series = { id, kind, en, enAlt, zh, cnOffice, kzOffice, cnCities, kzCities, start, every, sessions: [] };
    let ordinal = 1;
    let inChina = rng.chance(0.5);
    for (let y = start; y <= 2025; y += every) {
      if (ordinal > 1 && rng.chance(0.12)) continue; // a skipped year
      const day = dayOf(y, rng.int(1, 12), rng.int(1, 28));
      if (day > LAST_DAY) break;
      const place = placeById(rng.pick(inChina ? cnCities : kzCities));
      const cn = holderAt(offices.get(cnOffice)!, day);
      const kz = holderAt(offices.get(kzOffice)!, day);
      const session: Session = { series: s, ordinal, day, place, cn, kz, documents: rng.int(2, 30) };
      s.sessions.push(session);
      sessions.push(session);
      ordinal++;
      inChina = !inChina;
    }
    series.push(s);
  }
  const companies = COMPANY_PARTS.flatMap(([a, az], i) => {
    const [k, kzh] = COMPANY_KINDS[(i * 3 + hashString(key)) % COMPANY_KINDS.length];
    return [{ en: `${a} ${k}`, zh: `${az}${kzh}`, country: (i % 2 ? "KZ" : "CN") as Country }];
  });
  const absentPeople = [makeKzPerson(rng, "absent-kz", used), makeCnPerson(rng, "absent-cn", used)];
  return { seed: key, offices, persons, series, sessions, companies, absentPeople };
}

function holderAt(office: Office, day: Day): Person {
  const h = office.holders.find((t) => day >= t.from && day < t.to) ?? office.holders[office.holders.length - 1];
  return h.person;
}
/** Who held an office on a date (YYYY-MM-DD); for building benchmark questions. */
export function officeHolder(world: World, officeId: string, isoDate: string): Person | undefined {
  const office = world.offices.get(officeId);
  if (!office) return undefined;
  const [y, m, d] = isoDate.split("-").map(Number);
  return holderAt(office, dayOf(y, m, d));
}

// ───────────────────────────── bilingual building blocks ─────────────────────────────

/** One piece of content in both languages; articles render .en, .zh or both. */
interface Bi {
  en: string;
  zh: string;
}
const TOPICS: Bi[] = [
  ["trade", "经贸"], ["energy", "能源"], ["agriculture", "农业"], ["transport", "交通运输"], ["logistics", "物流"], ["finance", "金融"],
  ["digital economy", "数字经济"], ["artificial intelligence", "人工智能"], ["tourism", "旅游"], ["education", "教育"], ["healthcare", "卫生"],
  ["aerospace", "航天"], ["new energy", "新能源"], ["e-commerce", "电子商务"], ["customs", "海关"], ["water resources", "水资源"],
  ["environmental protection", "环境保护"], ["culture", "文化"], ["people-to-people exchanges", "人文交流"], ["production capacity", "产能"],
  ["infrastructure", "基础设施"], ["mining", "矿业"], ["nuclear power", "核电"], ["green development", "绿色发展"],
  ["cross-border railways", "跨境铁路"], ["science and technology innovation", "科技创新"], ["security", "安全"], ["investment", "投资"],
  ["big data", "大数据"], ["modern agriculture", "现代农业"], ["interconnectivity", "互联互通"],
].map(([en, zh]) => ({ en, zh }));

function listEn(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
function listZh(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join("、")}和${items[items.length - 1]}`;
}

/** How a person is written in one article: spelling chosen once, first and later mentions. */
interface Ref {
  person: Person;
  office: Office;
  spelling: string;
  /** Spelling used in the photo caption (sometimes another variant, as in real pages). */
  captionSpelling: string;
  mentioned: boolean;
}
function makeRef(rng: Rng, person: Person, office: Office): Ref {
  const variants = person.enVariants;
  const spelling = variants.length && rng.chance(person.country === "KZ" ? 0.2 : 0.04) ? rng.pick(variants) : person.en;
  const captionSpelling = variants.length && rng.chance(person.country === "KZ" ? 0.15 : 0.02) ? rng.pick([person.en, ...variants]) : spelling;
  return { person, office, spelling, captionSpelling, mentioned: false };
}
const surnameOf = (r: Ref) => (r.person.country === "CN" ? r.spelling.split(" ")[0] : r.spelling.split(" ").slice(1).join(" "));

/** First mention: "Chinese Vice Premier Ding Xuexiang" / "Kazakhstan's First Deputy Prime Minister Roman Sklyar" / "哈萨克斯坦总理卡里姆·马西莫夫". */
function fullEn(rng: Rng, r: Ref, counterpartOf?: Ref): string {
  const o = r.office;
  if (counterpartOf?.mentioned && counterpartOf.office.rank === o.rank && o.rank !== "amb" && rng.chance(0.35))
    return `his ${r.person.country === "KZ" ? "Kazakh" : "Chinese"} counterpart ${r.spelling}`;
  if (o.id.endsWith("ambassador") || o.en.includes("Kazakhstan")) return `${o.en} ${r.spelling}`;
  const adj = r.person.country === "CN" ? "Chinese" : rng.chance(0.5) ? "Kazakh" : "Kazakhstan's";
  const form = rng.int(0, 3);
  if (form === 0 && r.person.country === "KZ") return `${o.en} ${r.spelling} of Kazakhstan`;
  if (form === 1 && /Minister of|Chairman of|Administrator|Governor/.test(o.en))
    return `${r.spelling}, ${r.person.country === "CN" ? "China's" : "Kazakhstan's"} ${o.en},`;
  return `${adj} ${o.en} ${r.spelling}`;
}
function laterEn(rng: Rng, r: Ref): string {
  const f = rng.int(0, 5);
  if (f === 0) return r.office.shortEn;
  if (f === 1 && r.person.country === "CN") return r.spelling;
  return surnameOf(r);
}
/** A later reference as a sentence subject: also "He"/"She". */
function subjectEn(rng: Rng, r: Ref): string {
  return rng.chance(0.15) ? (r.person.female ? "she" : "he") : laterEn(rng, r);
}
function mentionEn(rng: Rng, r: Ref, counterpartOf?: Ref): string {
  if (r.mentioned) return laterEn(rng, r);
  r.mentioned = true;
  return fullEn(rng, r, counterpartOf);
}
function fullZh(r: Ref): string {
  const o = r.office;
  if (r.person.country === "CN") return `${o.id === "cn-president" ? "国家主席" : o.zh}${r.person.zh}`;
  if (o.id === "kz-ambassador") return `${o.zh}${r.person.zh}`;
  return `哈萨克斯坦${o.zh}${r.person.zh}`;
}
const shortZh = (r: Ref) => r.person.zhShort;

// ───────────────────────────── events ─────────────────────────────

type EventKind = "talks" | "committee" | "visit" | "signing" | "forum" | "opening" | "video" | "phone";
interface Ev {
  kind: EventKind;
  day: Day;
  place: Place;
  cn: Ref;
  kz: Ref;
  session?: Session;
  topics: Bi[];
  documents: number;
  worth?: number; // US$ million
  /** The side that hosts (the event is in its country). */
  host: Country;
}

const PAIRS: [string, string, number][] = [
  ["cn-president", "kz-president", 9], ["cn-premier", "kz-pm", 10], ["cn-vpremier", "kz-fdpm", 6], ["cn-fm", "kz-fm", 8],
  ["cn-commerce", "kz-trade", 6], ["cn-vndrc", "kz-dpm", 4], ["cn-ambassador", "kz-akim", 3], ["cn-xinjiang", "kz-dpm", 3],
  ["cn-nea", "kz-energy", 4], ["cn-premier", "kz-fdpm", 2], ["cn-vpremier", "kz-pm", 2], ["cn-commerce", "kz-vtrade", 2],
  ["cn-ambassador", "kz-fm", 2], ["cn-president", "kz-pm", 2],
];

function pickDay(rng: Rng): Day {
  // more articles in recent years, as in any news archive
  const year = rng.weighted(Array.from({ length: 22 }, (_, i) => [2004 + i, 4 + i] as const));
  const start = Math.max(dayOf(year, 1, 1), FIRST_DAY);
  const end = Math.min(dayOf(year, 12, 31), LAST_DAY - 12);
  return rng.int(start, end);
}

function makeEvent(rng: Rng, world: World, near?: Day): Ev {
  if (near === undefined && rng.chance(0.33)) {
    // a session of a series: several articles in the corpus may report the same one
    const s = rng.weighted(world.sessions.map((x) => [x, x.series.kind === "subcommittee" ? 1 : 2] as const));
    const cn = makeRef(rng, s.cn, world.offices.get(s.series.cnOffice)!);
    const kz = makeRef(rng, s.kz, world.offices.get(s.series.kzOffice)!);
    const kind: EventKind = s.series.kind === "forum" || s.series.kind === "expo" ? "forum" : "committee";
    const topics = rng.sample(TOPICS, rng.int(2, 4));
    return { kind, day: s.day, place: s.place, cn, kz, session: s, topics, documents: s.documents, host: s.place.country === "KZ" ? "KZ" : "CN" };
  }
  const day = near === undefined ? pickDay(rng) : Math.max(FIRST_DAY, near - rng.int(0, 4));
  const [co, ko] = rng.weighted(PAIRS.map(([a, b, w]) => [[a, b], w] as const));
  const cnOffice = world.offices.get(co)!;
  const kzOffice = world.offices.get(ko)!;
  const cn = makeRef(rng, holderAt(cnOffice, day), cnOffice);
  const kz = makeRef(rng, holderAt(kzOffice, day), kzOffice);
  const pandemic = day >= dayOf(2020, 3, 1) && day < dayOf(2022, 6, 1);
  const kind = rng.weighted<EventKind>([["talks", 10], ["visit", 5], ["signing", 5], ["opening", 3], ["video", pandemic ? 8 : 0], ["phone", 2]]);
  const host: Country = rng.chance(0.5) ? "CN" : "KZ";
  const place = rng.chance(0.07)
    ? placeById(rng.pick(["davos", "tashkent", "bishkek", "samarkand", "dushanbe", "geneva"]))
    : host === "CN"
      ? placeById(rng.weighted([["beijing", 8], ["shanghai", 2], ["urumqi", 2], ["xian", 1], ["chengdu", 1], ["hangzhou", 1], ["zhengzhou", 1], ["qingdao", 1]]))
      : placeById(rng.weighted([["astana", 8], ["almaty", 3], ["shymkent", 1], ["aktobe", 1], ["atyrau", 1], ["karaganda", 1], ["turkistan", 1]]));
  const documents = kind === "signing" || rng.chance(0.4) ? rng.int(2, 60) : 0;
  const worth = documents && rng.chance(0.6) ? rng.pick([rng.int(50, 990), rng.int(1, 40) * 500]) : undefined;
  return { kind, day, place, cn, kz, topics: rng.sample(TOPICS, rng.int(2, 5)), documents, worth, host: place.country === "XX" ? host : (place.country as Country) };
}

/** "the 11th Meeting of the China-Kazakhstan Cooperation Committee" / "中哈合作委员会科技合作分委会第十次会议". */
function sessionName(rng: Rng, s: Session, style: "words" | "digits" | "any" = "any"): Bi {
  const st = style === "any" ? (rng.chance(0.5) ? "words" : "digits") : style;
  const ordEn = st === "words" ? capWords(ordinalWord(s.ordinal)) : ordinalDigits(s.ordinal);
  const name = rng.chance(0.8) ? s.series.en : rng.pick(s.series.enAlt);
  const n = zhNumber(s.ordinal);
  const committeeZh = rng.chance(0.5) ? "中哈合作委员会" : "中国-哈萨克斯坦合作委员会";
  switch (s.series.kind) {
    case "committee":
      return { en: `the ${ordEn} Meeting of the ${name}`, zh: `${rng.chance(0.5) ? "中哈合作委员会" : s.series.zh}第${n}次会议` };
    case "subcommittee": {
      const low = rng.chance(0.3);
      return {
        en: low ? `the ${ordEn.toLowerCase()} meeting of the ${name.replace("Sub-Committee", "sub-committee")} of the China-Kazakhstan Cooperation Committee` : `the ${ordEn} Meeting of the ${name} of the China-Kazakhstan Cooperation Committee`,
        zh: `${committeeZh}${s.series.zh}第${n}次会议`,
      };
    }
    case "council":
      return { en: `the ${st === "words" ? ordinalWord(s.ordinal) : ordinalDigits(s.ordinal)} meeting of the ${name}`, zh: `${s.series.zh}第${n}次会议` };
    case "forum":
    case "expo":
      return { en: `the ${st === "words" ? ordinalWord(s.ordinal) : ordinalDigits(s.ordinal)} ${name}`, zh: `第${n}届${s.series.zh}` };
    case "hog":
      return { en: `the ${ordinalWord(s.ordinal)} ${name}`, zh: `${s.series.zh.replace("定期会晤", "")}第${n}次定期会晤` };
  }
}

// ───────────────────────────── date phrases ─────────────────────────────

/** How an article refers to the event date, given its publish date (relative phrases only make sense with a dateline). */
function datePhrase(rng: Rng, event: Day, publish: Day, hasDateline: boolean, opts: { allowYear?: boolean } = {}): Bi {
  const e = ymd(event);
  const p = ymd(publish);
  const diff = publish - event;
  const abs: Bi = {
    en: rng.pick([`on ${MONTHS_AP[e.m - 1]} ${e.d}`, `on ${MONTHS[e.m - 1]} ${e.d}`, `on ${e.d} ${MONTHS[e.m - 1]}`]) + (opts.allowYear && rng.chance(0.3) ? `, ${e.y}` : ""),
    zh: (opts.allowYear && rng.chance(0.3) ? `${e.y}年` : "") + `${e.m}月${e.d}日`,
  };
  if (!hasDateline && rng.chance(0.6)) return abs;
  if (diff <= 6 && rng.chance(0.7)) {
    const wd = WEEKDAYS[e.wd];
    return {
      en: diff === 0 && rng.chance(0.3) ? "today" : `on ${wd}`,
      zh: rng.weighted([[`${e.d}日`, 4], [`${e.m}月${e.d}日`, 3], [`周${WEEKDAYS_ZH[e.wd]}`, 2], ["日前", 1]] as const),
    };
  }
  if (e.y === p.y && e.m === p.m) return rng.chance(0.5) ? abs : { en: "earlier this month", zh: "本月初" };
  if (e.y === p.y) return rng.chance(0.5) ? abs : { en: `in ${MONTHS[e.m - 1]} this year`, zh: `今年${e.m}月` };
  if (e.y === p.y - 1) return { en: `last ${MONTHS[e.m - 1]}`, zh: `去年${e.m}月` };
  return { en: `in ${MONTHS[e.m - 1]} ${e.y}`, zh: `${e.y}年${e.m}月` };
}

// ───────────────────────────── paragraphs ─────────────────────────────

const GOALS: Bi[] = [
  { en: "tap into the potential of {t} cooperation", zh: "挖掘{t}合作潜力" },
  { en: "step up cooperation in {t}", zh: "加强{t}领域合作" },
  { en: "push forward practical cooperation in {t}", zh: "推进{t}务实合作" },
  { en: "further align their development strategies", zh: "进一步加强发展战略对接" },
  { en: "deepen the comprehensive strategic partnership", zh: "深化全面战略伙伴关系" },
  { en: "expand bilateral trade and investment", zh: "扩大双边贸易和投资" },
];
const STATEMENTS: Bi[] = [
  { en: "the two countries are good neighbors and partners linked by mountains and rivers", zh: "中哈是山水相连的好邻居、好伙伴" },
  { en: "bilateral relations have maintained a high level of development", zh: "两国关系保持高水平发展" },
  { en: "the two sides should make full use of existing mechanisms to promote {t} cooperation", zh: "双方应充分利用现有机制,推动{t}合作" },
  { en: "{his} country is willing to work with the other side to implement the consensus reached by the two heads of state", zh: "愿同对方一道,落实好两国元首达成的重要共识" },
  { en: "cooperation in {t} has yielded fruitful results in recent years", zh: "近年来双方在{t}领域合作取得丰硕成果" },
  { en: "both sides should create favorable conditions for enterprises to invest", zh: "双方应为企业投资创造良好条件" },
  { en: "the two sides should speed up priority projects in {t}", zh: "双方应加快推进{t}领域重点项目" },
  { en: "the relationship has entered a new stage of development", zh: "两国关系进入新的发展阶段" },
  { en: "{his} side highly values its partnership with the other side and stands ready to deepen {t} cooperation", zh: "高度重视双方伙伴关系,愿深化{t}合作" },
  { en: "the two countries should firmly support each other on issues concerning their core interests", zh: "两国应在涉及彼此核心利益的问题上坚定相互支持" },
  { en: "it is necessary to improve customs clearance at border crossings and ease congestion at ports", zh: "有必要提高边境口岸通关效率,缓解口岸拥堵" },
  { en: "the two sides should expand cooperation in emerging fields such as {t}", zh: "双方应拓展{t}等新兴领域合作" },
];
const QUOTES: Bi[] = [
  { en: "All conditions have been created for intensive interaction between our two countries", zh: "两国之间开展密切互动的条件已经具备" },
  { en: "There are great opportunities for new investment partnerships", zh: "新的投资合作伙伴关系面临巨大机遇" },
  { en: "We are ready to open a new page in our cooperation", zh: "我们愿意翻开合作新篇章" },
  { en: "Our cooperation has a solid foundation and broad prospects", zh: "我们的合作基础牢固、前景广阔" },
];
const SAID: [string, string][] = [["said", "表示"], ["noted", "指出"], ["stressed", "强调"], ["pointed out", "指出"], ["added", "还表示"], ["said", "说"]];
const fill = (tpl: string, t: Bi, lang: "en" | "zh", speaker?: Ref) =>
  tpl.replace("{t}", lang === "en" ? t.en : t.zh).replace(/\{his\}/g, speaker?.person.female ? "her" : "his");

/** A sentence with a figure and what it measures (trade volume, km, stations, projects, tonnes …). */
function figureParagraph(rng: Rng, world: World, ev: Ev, which?: number): Bi {
  const e = ymd(ev.day);
  const cityEn = placeEn(ev.place, ev.day);
  const cityZh = placeZh(ev.place, ev.day);
  const company = rng.pick(world.companies);
  switch (which ?? rng.int(0, 8)) {
    case 0: {
      const bn = rng.decimal(5, 45, 2);
      const pct = rng.decimal(1, 35, 1);
      const y = e.m > 3 ? e.y - 1 : e.y - 1;
      return {
        en: `Bilateral trade reached ${rng.chance(0.5) ? "US$" : "$"}${bn} billion in ${y}, up ${pct} percent year-on-year.`,
        zh: `${y}年,中哈双边贸易额达${Math.round(bn * 10 * 10) / 10}亿美元,同比增长${pct}%。`,
      };
    }
    case 1: {
      const n = rng.int(20, 80);
      const k = rng.int(3, Math.min(15, n - 1));
      return {
        en: `Among the ${n} bilateral "early-harvest projects," ${k} had already been launched, while a dozen more are expected to kick off next year.`,
        zh: `在${n}个中哈产能合作“早期收获”项目中,已有${k}个项目启动,另有十余个项目预计明年开工。`,
      };
    }
    case 2: {
      const km = rng.decimal(8, 60, 1);
      const st = rng.int(6, 30);
      return {
        en: `${company.en} will help build the ${km} km light railway in ${cityEn}, which will have ${st} stations and one depot.`,
        zh: `${company.zh}将协助建设${cityZh}全长${km}公里的轻轨线路,共设${st}座车站和一个车辆段。`,
      };
    }
    case 3: {
      const mw = rng.int(5, 60) * 10;
      const kwh = rng.int(3, 25);
      return {
        en: `The ${mw}-megawatt wind farm built by ${company.en} is expected to generate ${kwh / 10} billion kWh of electricity a year.`,
        zh: `由${company.zh}建设的${mw}兆瓦风电项目预计年发电量${kwh}亿千瓦时。`,
      };
    }
    case 4: {
      const n = rng.int(40, 120);
      const c = rng.int(2000, 9000);
      return {
        en: `Currently, about ${n} trains carrying a total of ${commas(c)} standard containers pass the dry port every month.`,
        zh: `目前,每月约有${n}列货运班列经过该无水港,共运送${c}个标准集装箱。`,
      };
    }
    case 5: {
      const sq = rng.decimal(1.5, 9.5, 2);
      const inv = rng.decimal(2, 30, 1);
      return {
        en: `The cooperation center covers ${sq} square kilometers, with accumulated investment of ${inv} billion yuan.`,
        zh: `合作中心总面积${sq}平方公里,累计完成投资${inv}亿元。`,
      };
    }
    case 6: {
      const t = rng.decimal(0.2, 3, 1);
      return {
        en: `Kazakhstan exported ${t} million tonnes of wheat to China last year, and the two sides plan to expand purchases of agricultural products.`,
        zh: `去年哈萨克斯坦向中国出口小麦${Math.round(t * 100)}万吨,双方计划扩大农产品贸易。`,
      };
    }
    case 7: {
      const n = rng.int(15, 120);
      const r = rng.int(3, 17);
      return {
        en: `The Kazakh delegation of ${n} people included representatives of ${r} regions, large companies and businesses.`,
        zh: `哈方代表团共${n}人,包括${r}个州的代表以及大型企业代表。`,
      };
    }
    default: {
      const km = rng.int(300, 2000);
      const mi = Math.round(km * 0.621);
      const bcm = rng.int(5, 40);
      return {
        en: `Kazakhstan hosts ${commas(km)} kilometers (${commas(mi)} miles) of the pipeline, which will deliver ${bcm} billion cubic meters of gas a year.`,
        zh: `该管道哈萨克斯坦境内段长${km}公里,年输气量将达${bcm}0亿立方米。`,
      };
    }
  }
}

/** Lead, facts and filler for one event, each in both languages. */
function bodyParagraphs(rng: Rng, world: World, ev: Ev, publish: Day, hasDateline: boolean, xinhuaLead: boolean): { lead: Bi; facts: Bi[]; extras: Bi[] } {
  const when = datePhrase(rng, ev.day, publish, hasDateline);
  const cityEn = placeEn(ev.place, ev.day);
  const cityZh = placeZh(ev.place, ev.day);
  const cnFull = fullZh(ev.cn);
  const kzFull = fullZh(ev.kz);
  const t = ev.topics;
  const topicsEn = listEn(t.map((x) => x.en));
  const topicsZh = listZh(t.map((x) => x.zh));
  const e = ymd(ev.day);
  const facts: Bi[] = [];
  const extras: Bi[] = [];
  let lead: Bi;
  const docsEn = (n: number) => (n <= 12 && rng.chance(0.3) ? CARD_SMALL[n] : String(n));
  const mkLead = (en: string, zh: string): Bi => {
    if (!xinhuaLead) return { en: cap(en), zh };
    const dl = `${placeEn(ev.place, ev.day).toUpperCase()}, ${MONTHS_AP[e.m - 1]} ${e.d} (Xinhua) -- `;
    return { en: dl + cap(en), zh: `新华社${cityZh}${e.m}月${e.d}日电 ${zh}` };
  };

  if (ev.session) {
    const s = ev.session;
    const name = sessionName(rng, s);
    if (s.series.kind === "forum" || s.series.kind === "expo") {
      const kzRef = mentionEn(rng, ev.kz);
      const cnRef = mentionEn(rng, ev.cn);
      const firms = rng.int(200, 2500);
      const countries = rng.int(20, 60);
      lead = mkLead(
        `${name.en} opened in ${cityEn} ${when.en}, attracting ${commas(firms)} companies and organizations from ${countries} countries and regions.`,
        `${name.zh}${when.zh}在${cityZh}开幕,来自${countries}个国家和地区的${firms}家企业和机构参会。`,
      );
      facts.push({
        en: `${cap(kzRef)} led Kazakhstan's delegation, while ${cnRef} addressed the opening ceremony.`,
        zh: `${kzFull}率哈方代表团出席,${cnFull}在开幕式上致辞。`,
      });
      if (s.documents)
        facts.push({
          en: `During the event, the sides signed ${docsEn(s.documents)} cooperation documents${ev.worth ? ` worth $${ev.worth} million` : ""} covering ${topicsEn}.`,
          zh: `活动期间,双方签署了${s.documents}份合作文件,涉及${topicsZh}等领域。`,
        });
    } else {
      const coChair = rng.chance(0.5);
      const vague = when.zh === "日前" || rng.chance(0.3);
      lead = rng.chance(0.6)
        ? mkLead(
            vague ? `recently, ${name.en} was held in ${cityEn}.` : `${name.en} was held in ${cityEn} ${when.en}.`,
            `${vague ? (when.zh === "日前" ? "日前" : "近日") : when.zh},${name.zh}在${cityZh}${rng.pick(["召开", "举行"])}。`,
          )
        : mkLead(
            `China stands ready to work with Kazakhstan to enhance the role of the institutional platform of their cooperation committee, said ${mentionEn(rng, ev.cn)} ${when.en}.`,
            `${cnFull}${when.zh}在${cityZh}表示,中方愿同哈方一道,发挥好合作委员会机制平台作用。`,
          );
      facts.push(
        coChair
          ? {
              en: `${cap(mentionEn(rng, ev.cn))} and ${mentionEn(rng, ev.kz, ev.cn)} co-chaired the meeting in ${cityEn}.`,
              zh: `${s.series.kind === "subcommittee" ? "分委会中方主席、" : ""}${cnFull}和${s.series.kind === "subcommittee" ? "分委会哈方主席、" : ""}${kzFull}共同主持会议。`,
            }
          : {
              en: `${cap(mentionEn(rng, ev.cn))} and ${mentionEn(rng, ev.kz)} led delegations from both sides to attend the meeting.`,
              zh: `${cnFull}、${kzFull}分别率双方代表团出席会议。`,
            },
      );
      if (s.ordinal > 1) {
        const prev = s.series.sessions[s.ordinal - 2];
        const prevName = sessionName(rng, prev, "digits");
        const py = ymd(prev.day);
        facts.push({
          en: `${cap(laterEn(rng, ev.cn))} spoke highly of the new achievements made in ${topicsEn} since ${prevName.en.replace(/^the /, "the ")}${rng.chance(0.5) ? ` in ${MONTHS[py.m - 1]} ${py.y}` : ""}.`,
          zh: `双方互相通报了自${py.y}年${py.m}月${s.series.kind === "subcommittee" ? "分委会" : "委员会"}第${zhNumber(prev.ordinal)}次会议召开以来两国在${topicsZh}等领域的最新合作成果。`,
        });
      }
      facts.push({
        en: `At the end of the meeting, the two sides signed the protocol of ${sessionName(rng, s).en}.`,
        zh: `会议结束时,双方签署了${name.zh}纪要。`,
      });
      const reps = rng.int(2, 6) * 10;
      extras.push({
        en: `Representatives of more than ${reps} member units of the ${s.series.kind === "subcommittee" ? "sub-committee" : "committee"} from both sides attended the meeting.`,
        zh: `${s.series.kind === "subcommittee" ? "分委会" : "委员会"}双方成员单位代表${reps}余人出席会议。`,
      });
    }
  } else {
    const cnRef = mentionEn(rng, ev.cn);
    const kzRef = mentionEn(rng, ev.kz, ev.kind === "visit" ? undefined : ev.cn);
    const goal = rng.pick(GOALS);
    const partOfDay = rng.pick(["afternoon", "morning"]);
    switch (ev.kind) {
      case "talks":
      case "signing":
        lead = rng.weighted([
          [mkLead(`${cnRef} held talks with ${kzRef} in ${cityEn} ${when.en}, vowing to ${fill(goal.en, t[0], "en")}.`,
            `${when.zh},${cnFull}在${cityZh}同${kzFull}举行会谈,双方表示将${fill(goal.zh, t[0], "zh")}。`), 5],
          [mkLead(`In the ${partOfDay} of ${MONTHS[e.m - 1]} ${e.d} local time, ${cnRef} met with ${kzRef} in ${cityEn}.`,
            `${e.m}月${e.d}日${partOfDay === "afternoon" ? "下午" : "上午"},${cnFull}在${cityZh}会见${kzFull}。`), 3],
          [mkLead(`China and Kazakhstan agreed ${when.en} to ${fill(goal.en, t[0], "en")}, as ${cnRef} held talks with ${kzRef} in ${cityEn}.`,
            `中哈双方${when.zh}同意${fill(goal.zh, t[0], "zh")}。当天,${cnFull}在${cityZh}同${kzFull}举行会谈。`), 2],
        ] as const);
        if (ev.documents)
          facts.push({
            en: `After their talks, ${laterEn(rng, ev.cn)} and ${laterEn(rng, ev.kz)} witnessed the signing of ${docsEn(ev.documents)} cooperation documents${ev.worth ? ` worth ${rng.chance(0.5) ? "US$" : "$"}${ev.worth >= 1000 ? `${ev.worth / 1000} billion` : `${ev.worth} million`}` : ""} covering ${topicsEn}.`,
            zh: `会谈后,双方共同见证签署了${ev.documents}份合作文件${ev.worth ? `,总金额约${ev.worth >= 100 ? `${ev.worth / 100}亿` : `${ev.worth * 100}万`}美元` : ""},涵盖${topicsZh}等领域。`,
          });
        break;
      case "visit": {
        const guest = ev.host === "KZ" ? ev.cn : ev.kz;
        const guestEn = ev.host === "KZ" ? cnRef : kzRef;
        const hostCountry = ev.host === "KZ" ? { en: "Kazakhstan", zh: "哈萨克斯坦" } : { en: "China", zh: "中国" };
        lead = mkLead(
          `${guestEn} arrived in ${cityEn} ${when.en} for an official visit to ${hostCountry.en}${rng.chance(0.4) ? ", the first by a senior official since the two countries upgraded their ties" : ""}.`,
          `${fullZh(guest)}${when.zh}抵达${cityZh},开始对${hostCountry.zh}进行正式访问。`,
        );
        facts.push({
          en: `During the visit, ${subjectEn(rng, guest)} will hold talks with ${ev.host === "KZ" ? kzRef : cnRef} on ${topicsEn}.`,
          zh: `访问期间,${shortZh(guest)}将同${ev.host === "KZ" ? kzFull : cnFull}就${topicsZh}等领域合作举行会谈。`,
        });
        break;
      }
      case "opening": {
        const proj = rng.pick([
          { en: `the ${rng.pick(["Khorgos", "Altynkol", "Saryagash"])}-${rng.pick(["Zhetygen", "Almaty", "Shymkent"])} railway section`, zh: "跨境铁路段" },
          { en: `a ${rng.int(5, 60) * 10}-megawatt wind farm in the ${rng.pick(["Zhambyl", "Turkistan", "Akmola"])} region`, zh: "风电项目" },
          { en: `the grain terminal of the Lianyungang logistics base`, zh: "连云港物流基地粮食码头" },
          { en: `a copper processing plant in ${rng.pick(["Pavlodar", "Aktobe", "Karaganda"])}`, zh: "铜加工厂" },
        ]);
        lead = mkLead(
          `${cnRef} and ${kzRef} attended the ${rng.pick(["opening", "launch", "groundbreaking"])} ceremony of ${proj.en} in ${cityEn} ${when.en}.`,
          `${when.zh},${cnFull}和${kzFull}在${cityZh}出席${proj.zh}${rng.pick(["开工", "投产", "启动"])}仪式。`,
        );
        facts.push(figureParagraph(rng, world, ev));
        break;
      }
      case "video":
      case "phone":
        lead = mkLead(
          `${cnRef} held a ${ev.kind === "video" ? "video meeting" : "phone conversation"} with ${kzRef} ${when.en} to exchange views on deepening practical cooperation.`,
          `${when.zh}${rng.chance(0.5) ? partOfDay === "afternoon" ? "下午" : "上午" : ""},${cnFull}与${kzFull}举行${ev.kind === "video" ? "视频会见" : "电话会谈"},就深化双边务实合作交换意见。`,
        );
        break;
      default:
        lead = { en: "", zh: "" };
    }
  }

  // statements, quotes, figures, background, distractors: the filler real stories are made of
  const speakers = [ev.cn, ev.kz];
  const statements = rng.sample(STATEMENTS, rng.int(3, 6));
  for (const st of statements) {
    const sp = rng.pick(speakers);
    const tp = rng.pick(t);
    const [vEn, vZh] = rng.pick(SAID);
    extras.push({
      en: `${cap(subjectEn(rng, sp))} ${vEn} that ${fill(st.en, tp, "en", sp)}.`,
      zh: `${shortZh(sp)}${vZh},${fill(st.zh, tp, "zh", sp)}。`,
    });
  }
  const areas = rng.sample(TOPICS, 4);
  extras.push({
    en: `${cap(subjectEn(rng, ev.kz))} called for stronger cooperation in such areas as ${listEn(areas.map((x) => x.en))}.`,
    zh: `${shortZh(ev.kz)}呼吁双方加强${listZh(areas.map((x) => x.zh))}等领域合作。`,
  });
  const q = rng.pick(QUOTES);
  extras.push(rng.chance(0.5)
    ? { en: `"${q.en}," said ${laterEn(rng, ev.kz)}.`, zh: `${shortZh(ev.kz)}说:“${q.zh}。”` }
    : { en: `"${q.en}," ${laterEn(rng, ev.cn)} told reporters after the ${ev.kind === "committee" ? "meeting" : "talks"}.`, zh: `${shortZh(ev.cn)}在会后对记者说:“${q.zh}。”` });
  for (const k of rng.sample([0, 1, 2, 3, 4, 5, 6, 7, 8], rng.int(1, 3))) extras.push(figureParagraph(rng, world, ev, k));
  // background: an earlier visit, referred to relatively ("last December", "去年12月")
  const earlier = ev.day - rng.int(60, 500);
  const bg = datePhrase(rng, earlier, publish, true);
  const bgTopic = rng.pick(t);
  extras.push({
    en: `${cap(subjectEn(rng, ev.cn))} recalled the visit to Kazakhstan ${bg.en}, during which the two sides reached consensus on ${bgTopic.en} cooperation.`,
    zh: `${shortZh(ev.cn)}回顾了${bg.zh}访问哈萨克斯坦期间双方就${bgTopic.zh}合作达成的共识。`,
  });
  extras.push(rng.pick([
    { en: "China and Kazakhstan established diplomatic relations in January 1992, and the two countries share a border of more than 1,700 kilometers.", zh: "中哈两国于1992年1月建交,两国边界线长1700多公里。" },
    { en: "The two sides also exchanged views on international and regional issues of common concern, including cooperation within the Shanghai Cooperation Organization.", zh: "双方还就上海合作组织框架内合作等共同关心的国际和地区问题交换了意见。" },
    { en: "Central Asia and western China have long been linked by trade routes, and freight trains now cross the border every day.", zh: "中亚与中国西部自古以来就有商路相连,如今每天都有货运班列跨境往来。" },
  ]));
  const expert = freshCnName(rng);
  const inst = rng.pick([["China Institute of Contemporary International Relations", "中国现代国际关系研究院"], ["Chinese Academy of Social Sciences", "中国社会科学院"], ["Shanghai Institutes for International Studies", "上海国际问题研究院"]]);
  const exTopic = rng.pick(t);
  extras.push({
    en: `${rng.pick(["Closer", "Deeper", "Steady"])} cooperation in ${exTopic.en} serves the interests of both peoples, ${inst[0]} researcher ${expert.en} said.`,
    zh: `${inst[1]}研究员${expert.zh}表示,深化${exTopic.zh}合作符合两国人民的利益。`,
  });
  if (rng.chance(0.5)) {
    const city2 = placeById(rng.pick(ev.host === "KZ" ? ["almaty", "shymkent", "karaganda"] : ["xian", "chongqing", "lianyungang", "horgos"]));
    const d1 = ymd(ev.day + rng.int(2, 40));
    const start = Math.min(d1.d, 26);
    const end = start + rng.int(1, 2);
    extras.push({
      en: `${cap(subjectEn(rng, ev.host === "KZ" ? ev.cn : ev.kz))} will also attend a business forum in ${placeEn(city2, ev.day)} on ${MONTHS_AP[d1.m - 1]} ${start}-${end}.`,
      zh: `${shortZh(ev.host === "KZ" ? ev.cn : ev.kz)}还将于${d1.m}月${start}日至${end}日出席在${placeZh(city2, ev.day)}举行的商务论坛。`,
    });
  }
  if (ev.session) {
    const s = ev.session;
    extras.push({
      en: `The ${s.series.kind === "subcommittee" ? "sub-committee" : s.series.kind === "committee" ? "committee" : "mechanism"} was set up in ${s.series.start} and ${s.ordinal > 1 ? `has met ${s.ordinal} times since then` : "met for the first time this year"}.`,
      zh: `该${s.series.kind === "subcommittee" ? "分委会" : "机制"}成立于${s.series.start}年${s.ordinal > 1 ? `,迄今已举行${s.ordinal}次会议` : ""}。`,
    });
    const toured = rng.int(2, 9);
    extras.push({
      en: `During the visit, the delegation also toured ${toured} enterprises, laboratories and innovation centers in ${placeEn(s.place, s.day)}.`,
      zh: `访问期间,代表团还参观了${placeZh(s.place, s.day)}的${toured}家企业、实验室和创新中心。`,
    });
  }
  if (rng.chance(0.3)) {
    const [cEn, cZh] = rng.pick(THIRD_COUNTRIES);
    const other = makeOtherPerson(rng);
    extras.push({
      en: `On the same day, ${laterEn(rng, ev.cn)} also met with Prime Minister ${other.en} of ${cEn}, exchanging views on bilateral relations and topics of common interest.`,
      zh: `同日,${shortZh(ev.cn)}还会见了${cZh}总理${other.zh},就双边关系和共同关心的问题交换意见。`,
    });
  }
  return { lead, facts, extras };
}

// ───────────────────────────── page clutter ─────────────────────────────

const HEADLINE_EN = [
  "Storm leaves {n} dead in {region}", "Hostages freed after {city} cafe standoff", "{n} officials demoted for misconduct",
  "Panda cub makes public debut at {city} zoo", "Heat wave grips {region}", "New subway line opens in {city}",
  "Carmaker recalls {n},000 vehicles", "Museum returns {n} relics to owners", "Tourists fined for littering at scenic spot",
  "Stocks close higher on tech rally", "Marathon draws {n},000 runners", "Scientists discover new species of frog",
  "Family of wrongly convicted man may get ${n},000: media", "Emission rules get tougher", "Lunar probe sends back images",
  "Growth forecast trimmed amid weak demand", "Blue skies ready to greet summit guests", "Rescue teams reach flooded villages",
];
const HEADLINE_ZH = [
  "{city}地铁{n}号线开通运营", "多地遭遇强降雨 {n}人受灾", "国家统计局:上月CPI同比上涨{n}%", "{city}马拉松鸣枪开跑",
  "外交部发言人答记者问", "秋粮收购进度过半", "新能源汽车销量创新高", "{city}博物馆推出夜游活动", "高校毕业生就业形势总体稳定",
  "国产大飞机完成试飞", "春运首日发送旅客{n}万人次", "全国秋播进展顺利",
];
function headlines(rng: Rng, world: World, lang: "en" | "zh", k: number): string[] {
  const out: string[] = [];
  const cities = lang === "en" ? ["Sydney", "Nanjing", "Chengdu", "Hangzhou", "Lisbon", "Wuhan"] : ["南京", "成都", "杭州", "武汉", "长沙"];
  const regions = ["southern China", "Europe", "the Midwest", "Sichuan"];
  for (let tries = 0; out.length < k && tries < 4 * k; tries++) {
    const before = out.length;
    if (rng.chance(0.3)) {
      // a related headline about the same two countries, sometimes with a name: no event of this article
      const p = rng.pick(world.persons);
      const tp = rng.pick(TOPICS);
      out.push(
        lang === "en"
          ? rng.pick([`China, Kazakhstan to promote ${tp.en} cooperation`, `${p.en} meets foreign guests`, `Silk Road ${rng.pick(["gets closer to reality", "deal fosters trade", "trains run faster"])}`, `Kazakh ${rng.pick(["wheat", "honey", "camel milk"])} finds buyers in China`])
          : rng.pick([`中哈${tp.zh}合作迈上新台阶`, `${p.zh}会见外宾`, `中欧班列开行数量再创新高`, `哈萨克斯坦${rng.pick(["小麦", "蜂蜜", "驼奶"])}走俏中国市场`]),
      );
    } else {
      const tpl = rng.pick(lang === "en" ? HEADLINE_EN : HEADLINE_ZH);
      out.push(tpl.replace("{n}", String(rng.int(2, 99))).replace("{city}", rng.pick(cities)).replace("{region}", rng.pick(regions)));
    }
    if (out.length > before && out.indexOf(out[out.length - 1]) < out.length - 1) out.pop();
  }
  return out;
}

// ───────────────────────────── page layouts ─────────────────────────────

type Outlet = "cdaily" | "xinhua" | "gov" | "portal" | "agency" | "zhMinistry" | "zhXinhua" | "zhPortal" | "zhTrad" | "zhAgency" | "bilingual";
const OUTLETS: [Outlet, number][] = [
  ["cdaily", 16], ["xinhua", 14], ["gov", 7], ["portal", 6], ["agency", 10], ["zhMinistry", 9], ["zhXinhua", 10], ["zhPortal", 7],
  ["zhTrad", 6], ["zhAgency", 4], ["bilingual", 11],
];

export interface ArticleMeta {
  index: number;
  file: string;
  outlet: Outlet;
  /** en, zh (simplified), zh-Hant, or bilingual (zh then en). */
  lang: "en" | "zh" | "zh-Hant" | "bilingual" | "bilingual-Hant";
  html: boolean;
  encoding: "utf-8" | "gb18030";
  dateline: boolean;
  captions: number;
  clutter: boolean;
  wrapped: boolean;
  chars: number;
  bytes: number;
  /** Event date (ISO) and kind, for reference. */
  eventDate: string;
  eventKind: EventKind;
  session?: string;
}

function wrapLines(text: string, width: number): string {
  const out: string[] = [];
  let line = "";
  for (const w of text.split(" ")) {
    if (line && line.length + 1 + w.length > width) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out.join("\n");
}

let toTraditional: ((s: string) => string) | undefined;
function traditional(s: string): string {
  const convert = (toTraditional ??= OpenCC.Converter({ from: "cn", to: "tw" }));
  return convert(s);
}

let gbMap: Map<string, number> | undefined;
/** Encode as GB18030 (two-byte GBK range only); null if a character is outside it. */
function encodeGb18030(text: string): Buffer | null {
  if (!gbMap) {
    gbMap = new Map();
    const pairs: number[] = [];
    for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) pairs.push(a, b);
    const decoded = new TextDecoder("gb18030").decode(Uint8Array.from(pairs));
    const chars = [...decoded];
    if (chars.length === pairs.length / 2) for (let i = 0; i < chars.length; i++) if (!gbMap.has(chars[i])) gbMap.set(chars[i], (pairs[2 * i] << 8) | pairs[2 * i + 1]);
  }
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else {
      const v = gbMap.get(ch);
      if (v === undefined) return null;
      out.push(v >> 8, v & 0xff);
    }
  }
  return Buffer.from(out);
}

function lengthTarget(rng: Rng, lang: ArticleMeta["lang"]): number {
  const mu = lang === "en" ? Math.log(1700) : lang.startsWith("bilingual") ? Math.log(2600) : Math.log(650);
  return Math.round(Math.min(5000, Math.max(300, Math.exp(mu + 0.55 * rng.normal()))));
}

/** Build one article: text plus a description of what it contains. */
export function generateArticle(world: World, index: number): { text: string; meta: Omit<ArticleMeta, "file" | "bytes" | "encoding"> & { encodeGb: boolean } } {
  const rng = new Rng(`${world.seed}/article/${index}`);
  const outlet = rng.weighted(OUTLETS);
  const ev = makeEvent(rng, world);
  const lagged = outlet === "zhMinistry" ? rng.int(1, 8) : rng.weighted([[0, 3], [1, 5], [2, 2], [3, 1], [rng.int(4, 10), 0.5]] as const);
  const publish = Math.min(ev.day + lagged, LAST_DAY);
  const pub = ymd(publish);
  const e = ymd(ev.day);
  const lang: ArticleMeta["lang"] =
    outlet === "bilingual" ? (rng.chance(0.2) ? "bilingual-Hant" : "bilingual")
    : outlet === "zhTrad" ? "zh-Hant"
    : outlet.startsWith("zh") ? "zh"
    : "en";
  const zhOnly = lang === "zh" || lang === "zh-Hant";
  const dateline = ({ cdaily: 0.97, xinhua: 0.95, gov: 0.1, portal: 0.15, agency: 0.5, zhMinistry: 0.4, zhXinhua: 0.9, zhPortal: 0.9, zhTrad: 0.7, zhAgency: 0.3, bilingual: 0.5 } as Record<Outlet, number>)[outlet] > rng.next();
  const xinhuaLead = outlet === "xinhua" || (outlet === "zhXinhua" && rng.chance(0.7));
  const { lead, facts, extras } = bodyParagraphs(rng, world, ev, publish, dateline, xinhuaLead && outlet === "xinhua");
  const target = lengthTarget(rng, lang);
  const title = articleTitle(rng, ev);
  const city = placeEn(ev.place, ev.day).toUpperCase();

  // caption: full absolute date with year, credit in the outlet's style
  const captions: string[] = [];
  const addCaption = (langC: "en" | "zh") => {
    const pos = rng.pick(["(L)", "(R)", "(front-L)", "(C)", ""]);
    const posOther = pos === "(L)" ? "(R)" : pos === "(R)" ? "(L)" : "";
    const cnName = ev.cn.captionSpelling;
    const kzName = ev.kz.captionSpelling;
    const dateEn = rng.pick([`${MONTHS_SHORT[e.m - 1]} ${e.d}, ${e.y}`, `${MONTHS[e.m - 1]} ${e.d}, ${e.y}`, `${MONTHS_AP[e.m - 1]} ${e.d}, ${e.y}`]);
    const country = ev.place.country === "KZ" ? "Kazakhstan" : ev.place.country === "CN" ? "China" : "";
    const where = `${placeEn(ev.place, ev.day)}${country && rng.chance(0.6) ? `, ${country}` : ""}`;
    const what = ev.session ? sessionName(rng, ev.session).en : rng.pick(["their talks", "a welcoming ceremony", "the signing ceremony", "their meeting"]);
    const photographer = freshCnName(rng);
    if (langC === "en") {
      const verb = rng.pick(["attend", "shake hands before", "hold"]);
      const credit = rng.pick(["[Photo/Xinhua]", "[Photo: Xinhua]", `(Xinhua/${photographer.en})`, "[Photo/Agencies]", "[Photo/IC]"]);
      captions.push(`${ev.cn.office.country === "CN" ? "Chinese" : ""} ${ev.cn.office.en} ${cnName} ${pos} and ${ev.kz.office.id === "kz-ambassador" ? "" : "Kazakh "}${ev.kz.office.en} ${kzName} ${posOther} ${verb} ${what} in ${where}, ${dateEn}. ${credit}${outlet === "cdaily" && rng.chance(0.5) ? " |" : ""}`.replace(/\s+/g, " ").trim());
    } else {
      captions.push(`${e.m}月${e.d}日,${fullZh(ev.cn)}在${placeZh(ev.place, ev.day)}同${fullZh(ev.kz)}举行会谈。${rng.pick([`[新华社 ${photographer.zh} 摄]`, `(新华社记者 ${photographer.zh}摄)`, `[图/新华社]`])}`);
    }
  };
  const wantCaption = rng.chance(outlet === "gov" || outlet === "zhMinistry" ? 0.15 : 0.6);
  if (wantCaption) addCaption(zhOnly ? "zh" : lang.startsWith("bilingual") ? rng.pick(["zh", "en"] as const) : "en");
  if (wantCaption && rng.chance(0.15)) addCaption(zhOnly ? "zh" : "en");

  // body: lead + facts + as many extras as the target length needs
  const body: Bi[] = [lead, ...facts];
  const pool = extras.slice();
  const bodyLen = () => body.reduce((s, b) => s + (zhOnly ? b.zh.length : lang === "en" ? b.en.length : b.en.length + b.zh.length), 0);
  while (pool.length && bodyLen() < target * 0.8) body.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]);
  // long pages report several related events, each under its own subhead
  for (let section = 0; section < 3 && bodyLen() < target * 0.8; section++) {
    const ev2 = makeEvent(rng, world, ev.day);
    const more = bodyParagraphs(rng, world, ev2, publish, dateline, false);
    const tp = ev2.topics[0];
    body.push(rng.pick([{ en: `${cap(tp.en)} cooperation promoted`, zh: `${tp.zh}合作稳步推进` }, { en: `Talks with ${ev2.kz.office.en.toLowerCase()}`, zh: `会见哈萨克斯坦${ev2.kz.office.zh}` }]));
    body.push(more.lead, ...more.facts);
    const pool2 = more.extras;
    while (pool2.length && bodyLen() < target * 0.8) body.push(pool2.splice(rng.int(0, pool2.length - 1), 1)[0]);
  }

  const clutter = rng.chance(({ cdaily: 0.9, xinhua: 0.3, gov: 0.8, portal: 0.9, agency: 0.7, zhMinistry: 0.6, zhXinhua: 0.6, zhPortal: 0.9, zhTrad: 0.5, zhAgency: 0.8, bilingual: 0.3 } as Record<Outlet, number>)[outlet]);
  const wrapped = (lang === "en" && rng.chance(0.08)) || (lang.startsWith("bilingual") && rng.chance(0.5));
  const wrapWidth = rng.int(72, 80);
  const enPara = (b: Bi) => (wrapped ? wrapLines(b.en, wrapWidth) : b.en);
  const lines: string[] = [];
  const push = (...ls: string[]) => lines.push(...ls);
  const hhmm = `${pad2(rng.int(0, 23))}:${pad2(rng.int(0, 59))}`;
  const pubIso = `${pub.y}-${pad2(pub.m)}-${pad2(pub.d)}`;
  const reporter = freshCnName(rng);
  const reporter2 = freshCnName(rng);
  const sep = rng.chance(0.5) ? "\n" : "";
  const paras = (ps: string[]) => ps.flatMap((p) => (sep ? [p, ""] : [p]));

  switch (outlet) {
    case "cdaily": {
      push(title.en);
      if (dateline) push(`Updated: ${pubIso} ${hhmm}`);
      push(rng.chance(0.6) ? "(Xinhua)" : `By ${reporter.en} in ${placeEn(ev.place, ev.day)} (China Daily)`);
      if (rng.chance(0.6)) push("|", "|||||||||||");
      else push("", "  Print Mail Large  Medium  Small    ", "");
      push(...captions);
      const [first, ...rest] = body;
      push(...paras([`${city} - ${first.en.replace(/^[A-Z-]+, [^-]+ -- /, "")}`, ...rest.map(enPara)]));
      if (clutter) cdailyClutter(rng, world, lines, publish);
      break;
    }
    case "xinhua": {
      if (dateline) push(` date ${pubIso} ${title.en}`, "", `${hhmm}, ${MONTHS[pub.m - 1]} ${pub.d}, ${pub.y}`, "");
      else push(title.en, "");
      push(...paras([...captions, ...body.map(enPara)]));
      if (clutter) push("", rng.pick(["Related News", "Most Viewed", "Top Stories"]), ...headlines(rng, world, "en", rng.int(3, 6)));
      break;
    }
    case "gov": {
      push(rng.pick(["Home > China News", "Home > Premier > Activities", "Home > News > Bilateral Relations"]), title.en, "");
      if (dateline) push(`${pub.y}/${pad2(pub.m)}/${pad2(pub.d)}`, "");
      push(...paras([...captions, ...body.map(enPara)]));
      if (clutter) push(rng.pick(["Suggest to a friend:", "Print", "Suggest to a friend: Print"]));
      break;
    }
    case "portal": {
      push(`Trade Resources Business Cooperation Project ${title.en}`, "", title.en, "", title.en, "");
      if (dateline) push(`Published: ${pub.d} ${MONTHS[pub.m - 1]} ${pub.y}`, "");
      push(...paras([...captions, ...body.map(enPara)]).flatMap((p) => [p, ""]).filter((p, i, a) => !(p === "" && a[i - 1] === "")));
      if (clutter) push("Contribute Copyright Policy");
      break;
    }
    case "agency": {
      push(title.en, "");
      if (dateline) push(rng.pick([`${pub.d} ${MONTHS[pub.m - 1]} ${pub.y}`, `${MONTHS_SHORT[pub.m - 1]} ${pub.d}, ${pub.y} ${hhmm}`]), "");
      const [first, ...rest] = body;
      const curly = (s: string) => s.replace(/"([^"]*)"/g, "“$1”").replace(/'/g, "’");
      push(...paras([`${city}—${first.en}`, ...rest.map(enPara)].map(curly)));
      if (rest.length > 3 && rng.chance(0.5)) lines.splice(lines.length - 2, 0, `${cap(rng.pick(TOPICS).en)} cooperation promoted`);
      if (clutter) push(`Follow ${rng.pick(["Steppe Daily", "Qazaq Wire", "Astana Courier"])}'s official Instagram and Twitter pages to keep current on world news.`, `Comments (${rng.int(0, 12)})`);
      break;
    }
    case "zhMinistry":
    case "zhXinhua":
    case "zhPortal":
    case "zhTrad":
    case "zhAgency": {
      const src = rng.pick(["新华网", "人民网", "中国新闻网", "央视网"]);
      if (outlet === "zhPortal") {
        push(title.zh, "");
        if (dateline) push(`${pub.y}年${pad2(pub.m)}月${pad2(pub.d)}日${hhmm}  来源:${src}`, "");
        if (clutter) push("分享到:", "");
      } else if (outlet === "zhXinhua") {
        push(title.zh);
        if (dateline) push(`${pubIso} ${hhmm} 来源:${src}`);
        push("");
      } else if (outlet === "zhTrad") {
        push(title.zh, "");
        if (dateline) push(`發布時間:${pubIso} ${hhmm}`, "");
      } else if (outlet === "zhAgency") {
        push(title.zh, "", rng.pick(["Sputnik", "卫星通讯社"]));
        if (dateline) push(`${pubIso}`);
      } else {
        push(title.zh, "");
        if (dateline) push(`发布时间:${pub.y}年${pub.m}月${pub.d}日`, "");
      }
      const texts = body.map((b) => b.zh);
      if (outlet === "zhXinhua" && xinhuaLead) texts[0] = `新华社${placeZh(ev.place, ev.day)}${e.m}月${e.d}日电(记者 ${reporter.zh}${rng.chance(0.5) ? `、${reporter2.zh}` : ""})${texts[0]}`;
      push(...paras([...captions, ...texts]));
      if (outlet === "zhAgency" && clutter) lines.splice(Math.min(lines.length, 6), 0, "多媒体", headlines(rng, world, "zh", 1)[0]);
      if (clutter) {
        if (outlet === "zhMinistry") push(`资料来源:中华人民共和国${rng.pick(["科学技术部", "商务部", "外交部", "交通运输部", "国家发展和改革委员会"])}`);
        else if (outlet === "zhXinhua") push("【纠错】", `责任编辑:${freshCnName(rng).zh}`);
        else push("", rng.pick(["相关新闻", "相关阅读", "热点新闻"]), ...headlines(rng, world, "zh", rng.int(3, 6)));
      }
      break;
    }
    case "bilingual": {
      push(title.zh, title.en, "");
      if (dateline) push(rng.pick([`${pubIso} ${hhmm} 来源:${rng.pick(["新华网", "人民网"])}`, `Updated: ${pubIso} ${hhmm}`]), "");
      push(...captions);
      const mode = rng.weighted([["blocks", 6], ["interleaved", 3], ["sameLine", 1]] as const);
      if (mode === "blocks") {
        push(...body.map((b) => b.zh));
        // a translation whose first line breaks oddly before a long title ("Recently, the\nTenth Meeting of …")
        push(...body.map((b, i) => (i === 0 && /^The [A-Z]/.test(b.en) && rng.chance(0.5) ? `Recently, the\n${enPara({ en: b.en.slice(4), zh: b.zh })}` : enPara(b))));
      } else if (mode === "interleaved") push(...body.flatMap((b) => [b.zh, enPara(b), ""]));
      else push(...body.map((b) => `${b.zh}${b.en}`));
      if (clutter) push(`资料来源:${rng.pick(["中华人民共和国科学技术部", "中国驻哈萨克斯坦大使馆", "新华网"])}`);
      break;
    }
  }

  let text = lines.join("\n").replace(/\n{3,}/g, "\n\n");
  if (lang === "zh-Hant" || lang === "bilingual-Hant") text = traditional(text);
  // some scrapers cut pages at a fixed size, mid-word; everything is capped at 5,000 characters
  if (rng.chance(0.06) && text.length > 2100) text = text.slice(0, 2000);
  if (text.length > 5000) text = text.slice(0, text.lastIndexOf("\n", 5000) > 3000 ? text.lastIndexOf("\n", 5000) : 5000);
  if (text.length < 300) {
    const extra = pool.concat(extras).map((b) => (zhOnly ? b.zh : b.en));
    let i = 0;
    while (text.length < 300 && i < extra.length) text += "\n" + extra[i++];
    if (lang === "zh-Hant" || lang === "bilingual-Hant") text = traditional(text);
  }
  text += "\n";
  return {
    text,
    meta: {
      index,
      outlet,
      lang,
      html: false,
      dateline,
      captions: captions.length,
      clutter,
      wrapped,
      chars: text.length,
      eventDate: isoDay(ev.day),
      eventKind: ev.kind,
      session: ev.session ? `${ev.session.series.id}#${ev.session.ordinal}` : undefined,
      encodeGb: lang === "zh" && rng.chance(0.08),
    },
  };
}

function articleTitle(rng: Rng, ev: Ev): Bi {
  const t = ev.topics[0];
  if (ev.session) {
    const n = sessionName(rng, ev.session, "words");
    return rng.chance(0.5)
      ? { en: `China, Kazakhstan hold ${n.en.replace(/^the /, "")}`, zh: `${n.zh}在${placeZh(ev.session.place, ev.day)}举行` }
      : { en: `China vows to enhance ${t.en} cooperation with Kazakhstan`, zh: `${n.zh}召开` };
  }
  const cnS = ev.cn.spelling;
  const kzS = ev.kz.spelling;
  return rng.pick([
    { en: `${cnS} Meets with ${ev.kz.office.en} ${kzS} of Kazakhstan`, zh: `${ev.cn.person.zh}会见哈萨克斯坦${ev.kz.office.zh}${ev.kz.person.zhShort}` },
    { en: `China, Kazakhstan eye further ${t.en} co-op`, zh: `中哈将进一步深化${t.zh}合作` },
    { en: `China, Kazakhstan to step up ${t.en} cooperation`, zh: `中哈将加强${t.zh}领域合作` },
    { en: `${ev.cn.person.surname}, ${ev.kz.person.surname} hold talks in ${placeEn(ev.place, ev.day)}`, zh: `${ev.cn.person.zh}同${ev.kz.person.zhShort}在${placeZh(ev.place, ev.day)}举行会谈` },
  ]);
}

function cdailyClutter(rng: Rng, world: World, lines: string[], day: Day): void {
  lines.push("Related Stories:", ...headlines(rng, world, "en", rng.int(2, 5)));
  if (rng.chance(0.7)) lines.push("Today's Top News", ...headlines(rng, world, "en", rng.int(5, 8)));
  if (rng.chance(0.6)) lines.push("Hot Topics", `${headlines(rng, world, "en", 5).join(" , ")},`);
  if (rng.chance(0.6)) lines.push("Editor's Picks", ...headlines(rng, world, "en", rng.int(3, 6)).map((h) => `${h} |`));
  if (rng.chance(0.3)) lines.push(`Contact the writers at ${freshCnName(rng).en.toLowerCase().replace(/\s/g, "")}@chinadaily.com.cn`);
  if (rng.chance(0.3)) lines.push(`Copyright 1995 - ${ymd(day).y} . All rights reserved.`);
}

/** Wrap an article in an HTML page with navigation, header, footer and a script (sometimes unclosed tags). */
function toHtml(rng: Rng, text: string): string {
  const [title, ...rest] = text.split("\n");
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const broken = rng.chance(0.3);
  const body = rest.filter((l) => l.trim()).map((l) => (broken && rng.chance(0.2) ? `<p>${esc(l)}` : `<p>${esc(l)}</p>`)).join("\n");
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${esc(title)}</title>
<script>window.dataLayer=window.dataLayer||[];function track(){dataLayer.push(arguments)}</script>
<style>body{font-family:sans-serif}</style></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/business">Business</a></nav>
<header><div class="logo">News</div></header>
<div class="article"><h1>${esc(title)}</h1>
${body}
${broken ? "</div></span>" : "</div>"}
<footer>Copyright © All rights reserved. <a href="/about">About us</a></footer>
</body></html>
`;
}

// ───────────────────────────── broken files ─────────────────────────────

export type BrokenKind = "empty" | "binary" | "bad-encoding" | "whitespace" | "oversized";
const BROKEN_KINDS: BrokenKind[] = ["empty", "binary", "bad-encoding", "whitespace", "oversized"];

function brokenBytes(rng: Rng, kind: BrokenKind): Buffer {
  switch (kind) {
    case "empty":
      return Buffer.alloc(0);
    case "binary": {
      const b = Buffer.alloc(4096);
      for (let i = 0; i < b.length; i++) b[i] = rng.int(0, 255);
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]).copy(b); // a PNG header
      return b;
    }
    case "bad-encoding": {
      // text with bytes that are neither UTF-8 nor GB18030 (0xFF never starts a character in either)
      const parts: Buffer[] = [];
      for (let i = 0; i < 40; i++) parts.push(Buffer.from("China and Kazakhstan signed an agreement on cooperation. "), Buffer.from([0xff, 0xfe, 0xff]));
      return Buffer.concat(parts);
    }
    case "whitespace":
      return Buffer.from(" \n\n\t  \n".repeat(50));
    case "oversized": {
      const line = Buffer.from("The two sides agreed to deepen cooperation in trade, energy and transport.\n");
      return Buffer.concat(Array.from({ length: Math.ceil(5_200_000 / line.length) }, () => line));
    }
  }
}

// ───────────────────────────── the corpus ─────────────────────────────

export interface GenerateOptions {
  /** Number of broken files to add (cycling empty, binary, bad-encoding, whitespace, oversized). */
  broken?: number;
  /** Share of articles written as HTML pages (default 0.04). */
  htmlShare?: number;
  /** Overwrite a non-empty folder that is not a generated corpus. */
  force?: boolean;
  /** Called every 1,000 articles. */
  onProgress?: (done: number, total: number) => void;
}

export interface CorpusManifest {
  generator: "scripts/generate-corpus.ts";
  version: number;
  seed: string;
  count: number;
  files: number;
  bytes: number;
  chars: number;
  languages: Record<string, number>;
  outlets: Record<string, number>;
  html: number;
  gb18030: number;
  withDateline: number;
  withCaptions: number;
  withClutter: number;
  wrapped: number;
  /** Files the loader must report as problems, with why. */
  broken: { file: string; kind: BrokenKind }[];
  complete: boolean;
}

/** Read DIR/.corpus.json if DIR holds a complete generated corpus. */
export function readManifest(dir: string): CorpusManifest | undefined {
  try {
    const m = JSON.parse(readFileSync(join(dir, MANIFEST), "utf8")) as CorpusManifest;
    return m.complete ? m : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Write `count` articles (and `options.broken` broken files) into `dir`, in folders of 1,000.
 * Replaces a previously generated corpus in `dir`; refuses other non-empty folders unless `force`.
 */
export async function generateCorpus(dir: string, count: number, seed: number | string = 1, options: GenerateOptions = {}): Promise<CorpusManifest> {
  if (!Number.isInteger(count) || count < 0) throw new Error(`count must be a non-negative integer, got ${count}`);
  const out = resolve(dir);
  if (existsSync(out)) {
    const entries = readdirSync(out);
    const generated = existsSync(join(out, MANIFEST));
    if (entries.length && !generated && !options.force) throw new Error(`${out} is not empty and holds no generated corpus (${MANIFEST}); use --force or another folder`);
    for (const e of entries) if (generated || options.force) rmSync(join(out, e), { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
  const world = buildWorld(seed);
  const htmlShare = options.htmlShare ?? 0.04;
  const m: CorpusManifest = {
    generator: "scripts/generate-corpus.ts", version: GENERATOR_VERSION, seed: String(seed), count, files: 0, bytes: 0, chars: 0,
    languages: {}, outlets: {}, html: 0, gb18030: 0, withDateline: 0, withCaptions: 0, withClutter: 0, wrapped: 0, broken: [], complete: false,
  };
  writeFileSync(join(out, MANIFEST), JSON.stringify(m, null, 2));
  for (let i = 0; i < count; i++) {
    const { text, meta } = generateArticle(world, i);
    const rng = new Rng(`${world.seed}/file/${i}`);
    const html = rng.chance(htmlShare);
    let bytes: Buffer = Buffer.from(html ? toHtml(rng, text) : text, "utf8");
    let encoding: ArticleMeta["encoding"] = "utf-8";
    if (!html && meta.encodeGb) {
      const gb = encodeGb18030(text);
      if (gb) {
        bytes = gb;
        encoding = "gb18030";
      }
    }
    const folder = `part-${String(Math.floor(i / FILES_PER_FOLDER)).padStart(3, "0")}`;
    const name = `${String(i).padStart(6, "0")}_${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}.${html ? "html" : "txt"}`;
    if (i % FILES_PER_FOLDER === 0) mkdirSync(join(out, folder), { recursive: true });
    writeFileSync(join(out, folder, name), bytes);
    m.files++;
    m.bytes += bytes.length;
    m.chars += meta.chars;
    m.languages[meta.lang] = (m.languages[meta.lang] ?? 0) + 1;
    m.outlets[meta.outlet] = (m.outlets[meta.outlet] ?? 0) + 1;
    if (html) m.html++;
    if (encoding === "gb18030") m.gb18030++;
    if (meta.dateline) m.withDateline++;
    if (meta.captions) m.withCaptions++;
    if (meta.clutter) m.withClutter++;
    if (meta.wrapped) m.wrapped++;
    if ((i + 1) % 1000 === 0) options.onProgress?.(i + 1, count);
  }
  const brokenCount = options.broken ?? 0;
  if (brokenCount > 0) mkdirSync(join(out, "broken"), { recursive: true });
  for (let k = 0; k < brokenCount; k++) {
    const kind = BROKEN_KINDS[k % BROKEN_KINDS.length];
    const file = `broken/broken-${String(k).padStart(2, "0")}-${kind}.txt`;
    const bytes = brokenBytes(new Rng(`${world.seed}/broken/${k}`), kind);
    writeFileSync(join(out, file), bytes);
    m.broken.push({ file, kind });
    m.files++;
    m.bytes += bytes.length;
  }
  m.complete = true;
  writeFileSync(join(out, MANIFEST), JSON.stringify(m, null, 2));
  return m;
}

// ───────────────────────────── CLI ─────────────────────────────

function parseArgs(argv: string[]): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) continue;
    const [k, v] = a.slice(2).split("=", 2);
    if (v !== undefined) out[k] = v;
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith("--")) out[k] = argv[++i];
    else out[k] = true;
  }
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const usage = "usage: npx tsx scripts/generate-corpus.ts --out DIR --count N [--seed S] [--broken K] [--force]";
  if (args.help || typeof args.out !== "string" || typeof args.count !== "string") {
    console.error(usage);
    process.exit(args.help ? 0 : 2);
  }
  const count = Number(String(args.count).replace(/[_,]/g, "").replace(/k$/i, "000"));
  const seed = typeof args.seed === "string" ? args.seed : "1";
  const broken = typeof args.broken === "string" ? Number(args.broken) : 0;
  if (!Number.isInteger(count) || count < 0 || !Number.isInteger(broken) || broken < 0) {
    console.error(usage);
    process.exit(2);
  }
  const t0 = performance.now();
  const m = await generateCorpus(args.out, count, seed, {
    broken,
    force: args.force === true,
    onProgress: (d, n) => {
      if (n >= 10_000 && d % 10_000 === 0) console.error(`  ${d}/${n}`);
    },
  });
  const secs = (performance.now() - t0) / 1000;
  console.log(`wrote ${m.count} articles${m.broken.length ? ` + ${m.broken.length} broken files` : ""} to ${resolve(args.out)} in ${secs.toFixed(1)} s`);
  console.log(`  ${(m.bytes / 1e6).toFixed(1)} MB, ${Math.round(m.bytes / Math.max(1, m.files))} bytes/file on average, seed ${m.seed}`);
  console.log(`  languages: ${Object.entries(m.languages).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  console.log(`  html ${m.html}, gb18030 ${m.gb18030}, dateline ${m.withDateline}, captions ${m.withCaptions}, clutter ${m.withClutter}, hard-wrapped ${m.wrapped}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
