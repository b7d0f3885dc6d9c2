/**
 * Chinese ↔ English word glosses from CC-CEDICT (the data the `cc-cedict` package ships), so that a
 * question in one language can be matched against sentences in the other ("轻轨" → light rail; a
 * Chinese sentence's words → the English terms it says). Takes simplified Chinese words or text;
 * returns short English glosses as search-term lists, and whether a word is ordinary English.
 *
 * The package's own lookup class builds typed arrays for every entry (seconds and hundreds of MB), so
 * its data file is read directly on first use and reduced to short glosses of words of two or more
 * characters (~1.5 s, once per machine: the result is cached as a small file in the temp folder and
 * read in ~0.1 s afterwards): `glossTerms("轻轨")` → `[["light", "rail"], …]`. What is derived from the
 * glosses for every start-up (the ordinary English words, the place names) is cached beside it too.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { tokenize } from "../index/tokenize.ts";
import { latinSpelling, pinyinKey, skeletonSimilarity } from "../extract/aliases.ts";
import { words } from "../index/segment.ts";

/** One CC-CEDICT row as the package stores it: traditional, simplified, pinyin, English (one or many). */
type Row = [string, string, string, string | string[], ...unknown[]];

let glosses: Map<string, string> | undefined;
let failed = false;
/** The cache files' common path (without extension), once the package's version is known. */
let cacheBase: string | undefined;
const termCache = new Map<string, string[][]>();

/** Short English phrases of one dictionary sense: "to leave for; to proceed towards" → ["leave for", "proceed towards"]. */
export function shortGlosses(sense: string): string[] {
  if (/^(variant of|old variant|see |surname |abbr\. for|used in|CL:|erhua variant|also written|\(old\))/i.test(sense)) return [];
  return sense
    .replace(/\([^)]*\)/g, " ")
    .split(/[;,]/)
    .map((p) => p.replace(/\b(sth|sb|one's|oneself)\b/g, " ").replace(/^\s*to\s+/i, "").replace(/\s+/g, " ").trim())
    .filter((p) => p.length >= 2 && p.split(" ").length <= 4 && !/[\p{Script=Han}|[\]]/u.test(p));
}

/** The reduced dictionary is kept as a small file next to other caches, so only the first process pays for the reduction. */
const CACHE_VERSION = 1;

function load(): Map<string, string> | undefined {
  if (glosses || failed) return glosses;
  try {
    const pkg = fileURLToPath(new URL("../package.json", import.meta.resolve("cc-cedict")));
    const version = (JSON.parse(readFileSync(pkg, "utf8")) as { version: string }).version;
    cacheBase = join(tmpdir(), "kz-cn-newsbot", `cedict-${version}-v${CACHE_VERSION}`);
    const cache = `${cacheBase}.tsv`;
    glosses = existsSync(cache) ? readCache(cache) : reduce(fileURLToPath(new URL("../data/all.js", import.meta.resolve("cc-cedict"))), cache);
  } catch {
    failed = true; // without the dictionary, the hand-written glossary still serves
  }
  return glosses;
}

function readCache(file: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const tab = line.indexOf("\t");
    if (tab > 0) out.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return out;
}

/** Short glosses of every word of two or more characters, written to `cache` (atomically) for the next process. */
function reduce(dataFile: string, cache: string): Map<string, string> {
  const text = readFileSync(dataFile, "utf8");
  const data = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as { all: Row[] };
  const out = new Map<string, string>();
  for (const row of data.all) {
    const zh = row[1];
    if (typeof zh !== "string" || zh.length < 2 || !/^\p{Script=Han}+$/u.test(zh)) continue;
    const senses = Array.isArray(row[3]) ? row[3] : [row[3]];
    const short = senses.flatMap((s) => (typeof s === "string" ? shortGlosses(s) : [])).slice(0, 10);
    if (!short.length) continue;
    const prev = out.get(zh);
    out.set(zh, prev ? `${prev}|${short.join("|")}` : short.join("|"));
  }
  writeCache(cache, [...out].map(([k, v]) => `${k}\t${v}`));
  return out;
}

/** Write `lines` to `file` atomically; a read-only temp folder only costs the next process the same work. */
function writeCache(file: string, lines: string[]): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, lines.join("\n"));
    renameSync(tmp, file);
  } catch {
    /* not kept */
  }
}

/** Bump when what `derived` builds from the glosses changes. */
const DERIVED_VERSION = 1;

/**
 * Lines derived from the glosses (`build`), kept in a file beside the reduced dictionary: built once per
 * machine, read in a few ms afterwards (building them took 0.1–0.2 s of every start-up).
 */
function derived(name: string, build: (g: Map<string, string>) => string[]): string[] {
  const g = load();
  if (!g) return [];
  const file = cacheBase && `${cacheBase}-${name}-d${DERIVED_VERSION}.txt`;
  if (file && existsSync(file)) {
    try {
      return readFileSync(file, "utf8").split("\n").filter(Boolean);
    } catch {
      /* built again below */
    }
  }
  const lines = build(g);
  if (file) writeCache(file, lines);
  return lines;
}

/** English search terms of each short gloss of a Chinese word, or [] when the dictionary lacks it. */
export function glossTerms(zh: string): string[][] {
  let v = termCache.get(zh);
  if (!v) {
    // A two-character coordinate word reads either way ("亚欧" = "欧亚", Eurasia).
    const g = load()?.get(zh) ?? (zh.length === 2 ? load()?.get(zh[1]! + zh[0]!) : undefined);
    v = g ? [...new Set(g.split("|"))].map((p) => tokenize(p)).filter((t) => t.length > 0) : [];
    if (termCache.size > 20_000) termCache.clear();
    termCache.set(zh, v);
  }
  return v;
}

/** Does a set of sentence terms hold every term of one gloss ("rail" also as the start of "railwai")? */
export function glossIn(zh: string, st: Set<string>): boolean {
  const has = (t: string) => st.has(t) || (t.length >= 4 && [...st].some((x) => x.length > t.length && x.startsWith(t)));
  return glossTerms(zh).some((toks) => toks.every(has));
}

const sentenceCache = new Map<string, Set<string>>();
/**
 * The English terms a Chinese text says, word by word through the dictionary ("联合声明开启了两国关系" →
 * joint, declar, start, begin, open, relat, …), for matching an English question. Cached by `key`.
 */
export function englishTermsOf(key: string, zhText: string): Set<string> {
  let v = sentenceCache.get(key);
  if (!v) {
    v = new Set<string>();
    for (const w of words(zhText)) if (w.word.length >= 2) for (const toks of glossTerms(w.word)) for (const t of toks) v.add(t);
    if (sentenceCache.size > 5_000) sentenceCache.clear();
    sentenceCache.set(key, v);
  }
  return v;
}

let lowerWords: Set<string> | undefined;
/**
 * Is this an ordinary English word (one the dictionary's glosses use in lower case)? "visit" is, "putin"
 * is not: names are capitalised there. Built on first use from the glosses.
 */
export function isEnglishWord(word: string): boolean {
  lowerWords ??= new Set(
    derived("words", (glossMap) => {
      const out = new Set<string>();
      for (const g of glossMap.values()) for (const w of g.split(/[^A-Za-z'-]+/)) if (w.length > 1 && w === w.toLowerCase()) out.add(w);
      return [...out];
    }),
  );
  return lowerWords.has(word.toLowerCase());
}

let placeNames: Map<string, string[]> | undefined;
/**
 * The characters the dictionary gives for a capitalised English name as their first sense ("Beijing" → 北京,
 * "Astana" → 阿斯塔纳), or among several the one that sounds like it (same pinyin, or for a transliteration
 * the closest consonants: "中财" also glosses "Beijing" first); undefined when none (or without the
 * dictionary). For places in Chinese answers (people are not looked up: a famous namesake is not the
 * person meant).
 * @example hanziOf("Beijing") // "北京"
 */
export function hanziOf(name: string): string | undefined {
  if (!placeNames) {
    const lines = derived("places", (glossMap) => {
      const names = new Map<string, string[]>();
      for (const [zh, g] of glossMap) {
        // "Beijing municipality", "Zhengzhou prefecture-level city": the name before a kind of place.
        const first = g.slice(0, g.includes("|") ? g.indexOf("|") : undefined).replace(/ (?:municipality|city|province|prefecture(?:-level city)?|county|district|region|autonomous region)$/i, "");
        if (!/^\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?$/u.test(first)) continue;
        const l = names.get(first);
        if (l) l.push(zh);
        else names.set(first, [zh]);
      }
      return [...names].map(([name, zh]) => `${name}\t${zh.join("|")}`);
    });
    placeNames = new Map(lines.map((l) => [l.slice(0, l.indexOf("\t")), l.slice(l.indexOf("\t") + 1).split("|")] as const));
  }
  const key = latinSpelling(name.toLowerCase().replace(/[^a-z]/g, ""));
  const all = placeNames.get(name) ?? [];
  // One entry: that is the name. Several: the one that sounds like it.
  if (all.length === 1) return all[0]!.length > 2 ? all[0]!.replace(/[市省县州]$/u, "") : all[0];
  let best: string | undefined, bestScore = 0;
  for (const zh of all) {
    const bare = zh.length > 2 ? zh.replace(/[市省县州]$/u, "") : zh;
    const score = pinyinKey(bare) === key ? 2 : skeletonSimilarity(bare, name);
    if (score > bestScore || (score === bestScore && best !== undefined && bare.length < best.length)) [best, bestScore] = [bare, score];
  }
  return bestScore >= 0.6 ? best : undefined;
}
