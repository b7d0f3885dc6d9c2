/**
 * The person registry: takes person mentions from every article, returns one Person per real person
 * with every spelling seen. Spellings merge by a folded key (case, diacritics, doubled letters:
 * Masimov = Massimov), by token subsets ("Nazarbayev" ⊂ "Nursultan Nazarbayev"), by pinyin
 * (张广军 = Zhang Guangjun) and by a consonant skeleton for transliterated names
 * (纳扎尔巴耶夫 ≈ Nazarbayev, 达尔汗•阿赫迈德-扎克 ≈ Darkhan Ahmed-Zak).
 * @example nameKey("Karim Massimov") === nameKey("Karim Masimov") // true
 */
import { Pacer, runSync, type Steps } from "../paced.ts";
import { pinyin } from "pinyin-pro";
import { fold, memo } from "../index/tokenize.ts";
import { ListMap } from "../index/list-map.ts";
import type { Person } from "../types.ts";
import { SURNAMES, TRANSLIT } from "./lexicon.ts";

/** Folded name: lower case, no diacritics, letters only per token, doubled letters collapsed. The array must not be modified. */
export const nameTokens: (name: string) => string[] = memo(nameTokensOf);

function nameTokensOf(name: string): string[] {
  if (/\p{Script=Han}/u.test(name)) return [fold(name).replace(/[•·\-\s]/g, "")];
  return fold(name)
    .split(/\s+/)
    .map((t) => latinSpelling(t.replace(/[^a-z]/g, "")))
    .filter(Boolean);
}

/**
 * One spelling for the usual variants of romanised Central Asian and Russian names: zh/j, kh/h,
 * -iyev/-iev, -yev/-ev, doubled letters ("Zhumangarin" = "Jumangarin", "Kenesaliyev" = "Kenesaliev",
 * "Massimov" = "Masimov"). Hyphenated parts are one token ("Tian-bo" = "Tianbo").
 */
export const latinSpelling: (t: string) => string = memo(latinSpellingOf);

function latinSpellingOf(t: string): string {
  return t.replace(/dzh|zh/g, "j").replace(/kh/g, "h").replace(/iy(?=[aeo])/g, "i").replace(/y(?=e)/g, "").replace(/(.)\1+/g, "$1");
}

export const nameKey: (name: string) => string = memo((name) => nameTokens(name).join(" "));

/** The common Chinese surnames in pinyin ("wang", "jiang", "zhang"…): a romanised name starting with one is Chinese-style. */
let pinyinSurnames: Set<string> | undefined;
export function isPinyinSurname(token: string): boolean {
  pinyinSurnames ??= new Set([...SURNAMES].map((c) => latinSpelling(pinyin(c, { toneType: "none" }))));
  return pinyinSurnames.has(latinSpelling(token.toLowerCase()));
}

/** Pinyin of a Chinese name without spaces ("张广军" → "zhangguangjun"). */
export const pinyinKey: (zh: string) => string = memo(pinyinKeyOf);

function pinyinKeyOf(zh: string): string {
  return latinSpelling(pinyin(fold(zh).replace(/[•·\-\s]/g, ""), { toneType: "none", type: "array" }).join(""));
}

const COMPOUND_SURNAMES = new Set(["欧阳", "司马", "诸葛", "上官", "东方", "夏侯", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "令狐", "端木", "独孤", "南宫", "万俟", "闻人", "呼延"]);

/**
 * A Chinese person's name in pinyin, family name first, as English news writes it: "张广军" → "Zhang
 * Guangjun", "欧阳明" → "Ouyang Ming". Only for a Han name of two to four characters that starts with a
 * common surname; a transliterated foreign name ("托卡耶夫") gets none.
 */
export function chineseNameInLatin(zh: string, foreign = false): string | undefined {
  const name = fold(zh).trim();
  if (foreign || !/^\p{Script=Han}{2,4}$/u.test(name)) return undefined;
  const sur = COMPOUND_SURNAMES.has(name.slice(0, 2)) && name.length >= 3 ? 2 : SURNAMES.has(name[0]!) ? 1 : 0;
  // Transliterated foreign names read as a surname plus sounds: "马西莫夫" (Masimov) is no "Ma Ximofu".
  const rest = name.slice(sur);
  if (/[夫娃耶斯尔奇娅莫索]/u.test(rest) || (name.length >= 4 && [...rest].every((c) => TRANSLIT.has(c)))) return undefined;
  const cap = (syl: string[]) => syl.join("").replace(/^\w/, (c) => c.toUpperCase());
  const syl = pinyin(name, { toneType: "none", type: "array", surname: "head" }).map((x) => x.replace(/ü/g, "u").replace(/v/g, "u"));
  return `${cap(syl.slice(0, sur))} ${cap(syl.slice(sur))}`;
}

/** Consonant skeleton for comparing transliterations across scripts. */
export const skeleton: (name: string) => string = memo(skeletonOf);

function skeletonOf(name: string): string {
  // Pinyin finals -ng render a foreign -n ("马明" = Mamin); 乌 (wu) renders a vowel ("达乌耶绍夫" = Dauyeshov).
  const latin = /\p{Script=Han}/u.test(name)
    ? pinyin(fold(name).replace(/[•·\-\s]/g, ""), { toneType: "none", type: "array" }).map((sy) => sy.replace(/ng$/, "n").replace(/^wu$/, "u")).join(" ")
    : fold(name);
  return latin
    .replace(/[^a-z]/g, "")
    .replace(/zh|ch|sh|ts|j|x|z|c|s/g, "s")
    .replace(/kh|gh|q|g|k/g, "k")
    .replace(/ph|v|w|f/g, "f")
    .replace(/[dt]/g, "d")
    .replace(/[bp]/g, "b")
    .replace(/[lr]/g, "r")
    .replace(/[aeiouyh]/g, "")
    .replace(/(.)\1+/g, "$1");
}

function levenshtein(a: string, b: string): number {
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * Is a Latin word the sound of a transliterated Chinese name's last part ("Tokayev" of 卡西姆若马尔特·托卡耶夫)?
 * Same consonant skeleton, for words of five letters or more.
 * @example soundsLikeHan("tokayev", "托卡耶夫") // true
 */
export function soundsLikeHan(word: string, han: string): boolean {
  const sk = hanSoundKey(han);
  return sk !== "" && wordSoundKey(word) === sk;
}

/**
 * The consonant skeleton a Latin word must have to sound like a Chinese transliteration, by the Chinese
 * (of its last part; "" when too short to tell): what soundsLikeHan compares, kept per name.
 * @example hanSoundKey("努尔苏丹·纳扎尔巴耶夫") === skeleton("纳扎尔巴耶夫")
 */
export const hanSoundKey: (han: string) => string = memo((han) => {
  const last = fold(han).split(/[•·-]/).pop()!;
  const sk = skeleton(last);
  return last.length >= 3 && sk.length >= 3 ? sk : "";
});

/** A Latin word's skeleton for soundsLikeHan ("" when it is too short or not plain letters). */
export function wordSoundKey(word: string): string {
  return word.length >= 5 && /^[a-z]+$/.test(word) ? skeleton(word) : "";
}

export function skeletonSimilarity(a: string, b: string): number {
  return similarity(skeleton(a), skeleton(b));
}

/** skeletonSimilarity of two skeletons. */
function similarity(sa: string, sb: string): number {
  if (!sa || !sb) return 0;
  if (Math.min(sa.length, sb.length) <= 4) return sa === sb ? 1 : 0;
  return 1 - levenshtein(sa, sb) / Math.max(sa.length, sb.length);
}

/**
 * similarity(sa, sb) >= min, without the edit distance when the lengths already rule it out (the distance
 * is at least the difference of the lengths, so the similarity is at most 1 - difference / longer).
 */
function similarEnough(sa: string, sb: string, min: number): boolean {
  if (sa.length > 4 && sb.length > 4 && 1 - Math.abs(sa.length - sb.length) / Math.max(sa.length, sb.length) < min) return false;
  return similarity(sa, sb) >= min;
}

export interface RawPerson {
  name: string;
  title?: string;
  country?: string;
  file: string;
}

/**
 * What `sameName` compares of one spelling, worked out once: its folded tokens and key, and for a
 * Chinese spelling its pinyin and consonant skeletons (the registry keeps these per spelling, so
 * comparing a new spelling with thousands of candidates computes nothing twice).
 */
export interface NameForms {
  han: boolean;
  /** nameKey: the folded tokens joined by spaces. */
  key: string;
  /** nameTokens. */
  tokens: string[];
  /** The tokens joined without spaces (what a pinyin key is compared with). */
  joined: string;
  /** Skeleton of the whole spelling without separators. */
  whole: string;
  /** Chinese: the pinyin key; whether it is one part (no "•"); the skeleton of its last part. */
  pinyin: string;
  single: boolean;
  lastSkeleton: string;
  /** Latin: the skeleton of each token. */
  tokenSkeletons: string[];
}

/** The forms `sameName` compares, per spelling. */
export const nameForms: (name: string) => NameForms = memo(nameFormsOf);

function nameFormsOf(name: string): NameForms {
  const han = /\p{Script=Han}/u.test(name);
  const tokens = nameTokens(name);
  const f: NameForms = { han, key: nameKey(name), tokens, joined: tokens.join(""), whole: "", pinyin: "", single: false, lastSkeleton: "", tokenSkeletons: [] };
  if (han) {
    const parts = fold(name).split(/[•·\-]/).filter(Boolean);
    f.pinyin = pinyinKey(name);
    f.single = parts.length === 1;
    f.lastSkeleton = skeleton(parts[parts.length - 1]!);
    f.whole = skeleton(name.replace(/[•·\-]/g, ""));
  } else {
    f.tokenSkeletons = tokens.map((t) => skeleton(t));
    f.whole = skeleton(name.replace(/[\s\-]/g, ""));
  }
  return f;
}

/** Do two spellings name the same person? `sameArticle` allows looser transliteration matching. */
export function sameName(a: string, b: string, sameArticle = false): boolean {
  return sameForms(nameForms(a), nameForms(b), sameArticle);
}

/** sameName over the spellings' forms. */
export function sameForms(a: NameForms, b: NameForms, sameArticle = false): boolean {
  if (a.han && b.han) {
    const ka = a.key, kb = b.key;
    return ka === kb || (ka.length >= 3 && (ka.endsWith(kb) || kb.endsWith(ka)) && Math.min(ka.length, kb.length) >= 3);
  }
  if (a.han !== b.han) {
    const [zh, en] = a.han ? [a, b] : [b, a];
    if (zh.pinyin === en.joined) return true;
    // Transliterated foreign names: compare each English token and the whole name by skeleton.
    if (similarEnough(zh.whole, en.whole, sameArticle ? 0.7 : 0.85)) return true;
    const last = zh.lastSkeleton;
    return zh.single && en.tokenSkeletons.some((t) => t.length >= 3 && t === last) && last.length >= 3;
  }
  const ta = a.tokens, tb = b.tokens;
  if (a.key === b.key) return true;
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  if (short.length === long.length) return false;
  // A family name alone names the person: the last name ("Nazarbayev" ⊂ "Nursultan Nazarbayev"), or the
  // first of a two-part Chinese-style name ("Ding" ⊂ "Ding Xuexiang"). A given name alone ("Azamat") does
  // not, and "Li" alone is too short to merge across articles.
  if (short.length === 1) {
    const t = short[0]!;
    const chineseStyle = long.length === 2 && isPinyinSurname(long[0]!);
    const family = chineseStyle ? long[0] === t : t === long[long.length - 1];
    return family && (t.length >= 4 || chineseStyle);
  }
  return short.every((t) => long.includes(t)) && short.join("").length >= 4;
}

/**
 * Blocking keys: two spellings can only name the same person (per `sameName`) if they share one,
 * so each name is compared with a handful of candidates instead of every person in the corpus.
 */
export const blockKeys: (name: string) => string[] = memo(blockKeysOf);

function blockKeysOf(name: string): string[] {
  const keys: string[] = [];
  if (/\p{Script=Han}/u.test(name)) {
    const key = nameKey(name);
    const segs = fold(name).split(/[•·\-\s]/).filter(Boolean);
    const last = segs[segs.length - 1] ?? key;
    keys.push(`h:${key}`, `h:${last}`, `j:${pinyinKey(name)}`, `s:${skeleton(last)}`, `w:${skeleton(name).slice(0, 3)}`);
    for (let i = 1; i < key.length - 2; i++) keys.push(`h:${key.slice(i)}`); // "卡西姆若马尔特•托卡耶夫" ends with "托卡耶夫"
  } else {
    const toks = nameTokens(name);
    keys.push(`j:${toks.join("")}`, `w:${skeleton(name.replace(/[\s-]/g, "")).slice(0, 3)}`);
    for (const t of toks) keys.push(`t:${t}`, `s:${skeleton(t)}`, `h:${t}`);
    for (const part of fold(name).split(/[\s-]+/)) keys.push(`s:${skeleton(part)}`); // "Ahmed-Zak": "Zak" alone too
  }
  return keys;
}

/** Build the registry from raw mentions; returns persons and a lookup from (file, spelling) to person id. */
export function buildRegistry(raw: RawPerson[]): { persons: Person[]; idOf: (name: string, file?: string) => string | undefined } {
  const r = PersonRegistry.build(raw);
  return { persons: r.persons, idOf: (name, file) => r.idOf(name, file) };
}

/** What the registry keeps per person: sets mirroring its `files`, `aliases` and `titles` (the arrays keep their order; the sets answer "has"), its spellings' forms, its blocking keys. */
interface Entry {
  p: Person;
  /** Place in registry order (a counter taken when the person was tracked). */
  rank: number;
  files: Set<string>;
  aliases: Set<string>;
  titles: Set<string>;
  /** Tokens of its Latin spellings. */
  tokens: Set<string>;
  /** nameForms of each spelling, in `aliases` order. */
  forms: NameForms[];
  /** The blocks it is in. */
  keys: Set<string>;
}

/**
 * The registry with its lookups kept: built from every raw mention at once (`build`), or from the
 * persons of a snapshot (`fromPersons`), then changed one article at a time (`removeFile`, `addFile`).
 * A change keeps the ids and display names of people already known and merges new spellings with the
 * same rules; it does not revisit other articles (see DESIGN.md, "Incremental updates").
 */
export class PersonRegistry {
  readonly persons: Person[] = [];
  /** Person by id. */
  readonly byId = new Map<string, Person>();
  /** The people under each blocking key (their ranks), in the order they joined it. */
  private readonly blocks = new Map<string, number[]>();
  private readonly entries = new Map<Person, Entry>();
  /** Entry by rank (undefined once removed), and per rank: has a Chinese spelling, last visit, last marked as sharing a token. */
  private readonly byRank: (Entry | undefined)[] = [];
  private hanOf = new Uint8Array(1024);
  private seenAt = new Int32Array(1024);
  private sharesAt = new Int32Array(1024);
  private readonly byAlias = new Map<string, Person[]>();
  private readonly used = new Set<string>();
  // The people of each file, and each person's place in registry order (people are only appended or removed,
  // so a counter taken when a person is tracked orders them as `persons` does).
  private readonly peopleOf = new Map<string, Set<Person>>();
  private tracked = 0;
  /** Numbers each candidate search, to mark whom it visited (`seenAt`) and who shares a token (`sharesAt`). */
  private visit = 0;

  static build(raw: RawPerson[]): PersonRegistry {
    const reg = new PersonRegistry();
    // One entry per distinct (spelling, file, title, country): articles repeat names many times.
    for (const r of distinctSorted(raw)) reg.merge(r);
    const count = new Map<string, number>();
    for (const r of raw) count.set(r.name, (count.get(r.name) ?? 0) + 1);
    for (const p of reg.persons) reg.name(p, count);
    for (const p of reg.persons) for (const a of p.aliases) reg.listAlias(p, a);
    return reg;
  }

  static fromPersons(persons: Person[]): PersonRegistry {
    return runSync(PersonRegistry.fromPersonsSteps(persons));
  }

  /** fromPersons as a job that yields between slices (100,000 people take seconds). */
  static *fromPersonsSteps(persons: Person[], pacer = new Pacer()): Steps<PersonRegistry> {
    const reg = new PersonRegistry();
    for (const p of persons) {
      const e = reg.track(p);
      for (const a of p.aliases) reg.indexAlias(e, a);
      for (const t of p.titles) e.titles.add(t);
      for (const f of p.files) reg.addToFile(e, f);
      reg.used.add(p.id);
      reg.byId.set(p.id, p);
      if (pacer.tick()) yield;
    }
    for (const p of persons) {
      for (const a of p.aliases) reg.listAlias(p, a);
      if (pacer.tick()) yield;
    }
    return reg;
  }

  private track(p: Person): Entry {
    this.persons.push(p);
    const e: Entry = { p, rank: this.tracked++, files: new Set(), aliases: new Set(), titles: new Set(), tokens: new Set(), forms: [], keys: new Set() };
    this.entries.set(p, e);
    this.byRank.push(e);
    if (e.rank >= this.seenAt.length) {
      const grow = <A extends Uint8Array | Int32Array>(a: A): A => {
        const b = new (a.constructor as new (n: number) => A)(a.length * 2);
        b.set(a);
        return b;
      };
      this.hanOf = grow(this.hanOf);
      this.seenAt = grow(this.seenAt);
      this.sharesAt = grow(this.sharesAt);
    }
    return e;
  }

  /** A new spelling of the entry's person: its forms, tokens and blocking keys (`p.aliases` is the caller's). */
  private indexAlias(e: Entry, name: string): void {
    e.aliases.add(name);
    const f = nameForms(name);
    e.forms.push(f);
    if (f.han) this.hanOf[e.rank] = 1;
    else for (const t of f.tokens) e.tokens.add(t);
    for (const k of blockKeys(name)) {
      if (e.keys.has(k)) continue;
      e.keys.add(k);
      const block = this.blocks.get(k);
      if (block) block.push(e.rank);
      else this.blocks.set(k, [e.rank]);
    }
  }

  private listAlias(p: Person, name: string): void {
    const list = this.byAlias.get(nameKey(name));
    if (list) list.push(p);
    else this.byAlias.set(nameKey(name), [p]);
  }

  private addToFile(e: Entry, file: string): void {
    e.files.add(file);
    const s = this.peopleOf.get(file);
    if (s) s.add(e.p);
    else this.peopleOf.set(file, new Set([e.p]));
  }

  private inFile(p: Person, file: string): boolean {
    return this.entries.get(p)!.files.has(file);
  }

  /** Does one of the entry's spellings name the same person as `forms` (spelled in `file`)? */
  private names(e: Entry, forms: NameForms, file: string | undefined): boolean {
    // The same article only loosens the test of a spelling in the other script: asked only then.
    let cross = false;
    for (const f of e.forms) {
      if (sameForms(f, forms, false)) return true;
      if (f.han !== forms.han) cross = true;
    }
    if (!cross || file === undefined || !e.files.has(file)) return false;
    for (const f of e.forms) if (f.han !== forms.han && sameForms(f, forms, true)) return true;
    return false;
  }

  /** Everyone under the name's blocking keys, each once, in block order. */
  private candidatesFor(name: string): Entry[] {
    const out: Entry[] = [];
    const mark = ++this.visit;
    for (const k of blockKeys(name))
      for (const rank of this.blocks.get(k) ?? []) {
        if (this.seenAt[rank] === mark) continue;
        this.seenAt[rank] = mark;
        out.push(this.byRank[rank]!);
      }
    return out;
  }

  /**
   * The first person (block by block, in the order each block was joined) one of whose spellings names
   * the same person as `forms` spelled in `file`. Blocks of common sounds hold thousands of people, so a
   * visit is a few array reads: a Latin spelling can only match someone with a Chinese spelling or a Latin
   * one sharing a token (see sameName); once a search gets long, those sharing one are marked from the
   * "t:" blocks of its tokens.
   */
  private firstMatch(name: string, forms: NameForms, file: string): Entry | undefined {
    const mark = ++this.visit;
    const toks = forms.han ? [] : forms.tokens;
    const seenAt = this.seenAt, hanOf = this.hanOf, sharesAt = this.sharesAt;
    let marked = !toks.length, latinVisits = 0;
    for (const k of blockKeys(name)) {
      const block = this.blocks.get(k);
      if (!block) continue;
      for (let i = 0; i < block.length; i++) {
        const rank = block[i]!;
        if (seenAt[rank] === mark) continue;
        seenAt[rank] = mark;
        if (toks.length && hanOf[rank] === 0) {
          if (!marked && ++latinVisits > 64) {
            for (const t of toks) for (const r of this.blocks.get(`t:${t}`) ?? []) sharesAt[r] = mark;
            marked = true;
          }
          if (marked ? sharesAt[rank] !== mark : !toks.some((t) => this.byRank[rank]!.tokens.has(t))) continue;
        }
        const e = this.byRank[rank]!;
        if (this.names(e, forms, file)) return e;
      }
    }
    return undefined;
  }

  /** One distinct mention: merged into the first person it names, or a new person. Returns the person and whether it is new. */
  private merge(r: RawPerson): { p: Person; created: boolean; newAlias: boolean } {
    let e = this.firstMatch(r.name, nameForms(r.name), r.file);
    const created = !e;
    if (!e) e = this.track({ id: "", name: r.name, aliases: [], titles: [], country: r.country, files: [] });
    const p = e.p;
    const newAlias = !e.aliases.has(r.name);
    if (newAlias) {
      p.aliases.push(r.name);
      this.indexAlias(e, r.name);
    }
    if (r.title && !e.titles.has(r.title)) {
      p.titles.push(r.title);
      e.titles.add(r.title);
    }
    if (!p.country && r.country) p.country = r.country;
    if (!e.files.has(r.file)) {
      p.files.push(r.file);
      this.addToFile(e, r.file);
    }
    return { p, created, newAlias };
  }

  /** Display name (the fullest Latin spelling, the most frequent among equals) and a unique id. */
  private name(p: Person, count: Map<string, number>): void {
    const latin = p.aliases.filter((a) => !/\p{Script=Han}/u.test(a));
    p.name = (latin.length ? latin : p.aliases).reduce((x, y) => {
      const dx = nameTokens(x).length, dy = nameTokens(y).length;
      return dy > dx || (dy === dx && (count.get(y) ?? 0) > (count.get(x) ?? 0)) ? y : x;
    });
    let id = "p:" + (nameKey(p.name) || p.name).replace(/\s+/g, "-");
    while (this.used.has(id)) id += "'";
    this.used.add(id);
    p.id = id;
    this.byId.set(id, p);
  }

  /** The person a spelling names, preferring one already seen in `file`. */
  idOf(name: string, file?: string): string | undefined {
    const forms = nameForms(name);
    const cands = this.byAlias.get(nameKey(name)) ?? this.candidatesFor(name).filter((e) => this.names(e, forms, file)).map((e) => e.p);
    const inThisFile = file ? cands.filter((p) => this.inFile(p, file)) : [];
    return (inThisFile[0] ?? cands[0])?.id;
  }

  /** The people named in `file`, in registry order. */
  personsIn(file: string): Person[] {
    return [...(this.peopleOf.get(file) ?? [])].sort((a, b) => this.entries.get(a)!.rank - this.entries.get(b)!.rank);
  }

  /** Forget an article: it leaves its people's files; people named nowhere else leave the registry. Returns those removed. */
  removeFile(file: string): Person[] {
    const gone: Person[] = [];
    const owners = this.personsIn(file);
    this.peopleOf.delete(file);
    for (const p of owners) {
      this.entries.get(p)!.files.delete(file);
      p.files.splice(p.files.indexOf(file), 1);
      if (!p.files.length) gone.push(p);
    }
    if (gone.length) {
      const out = new Set(gone);
      for (const p of gone) {
        const e = this.entries.get(p)!;
        for (const k of e.keys) {
          const block = this.blocks.get(k)!;
          block.splice(block.indexOf(e.rank), 1);
          if (!block.length) this.blocks.delete(k);
        }
        this.byRank[e.rank] = undefined;
        for (const a of p.aliases) {
          const list = this.byAlias.get(nameKey(a));
          if (list) {
            const kept = list.filter((x) => x !== p);
            if (kept.length) this.byAlias.set(nameKey(a), kept);
            else this.byAlias.delete(nameKey(a));
          }
        }
        this.entries.delete(p);
        this.used.delete(p.id);
        this.byId.delete(p.id);
      }
      const keep = this.persons.filter((p) => !out.has(p));
      this.persons.length = 0;
      this.persons.push(...keep);
    }
    return gone;
  }

  /**
   * Add one article's mentions with the same merge rules; new people get a display name and id. Returns
   * the new people and the known people who got a new spelling (with how many spellings they had before).
   */
  addFile(raw: RawPerson[]): { created: Person[]; extended: Map<Person, number> } {
    const created: Person[] = [];
    const extended = new Map<Person, number>();
    for (const r of distinctSorted(raw)) {
      const m = this.merge(r);
      if (m.created) created.push(m.p);
      else if (m.newAlias && !created.includes(m.p)) {
        this.listAlias(m.p, r.name);
        if (!extended.has(m.p)) extended.set(m.p, m.p.aliases.length - 1);
      }
    }
    const count = new Map<string, number>();
    for (const r of raw) count.set(r.name, (count.get(r.name) ?? 0) + 1);
    for (const p of created) {
      this.name(p, count);
      for (const a of p.aliases) this.listAlias(p, a);
    }
    return { created, extended };
  }

  /** A person's place in registry order (the order of `persons`). */
  position(p: Person): number {
    return this.entries.get(p)?.rank ?? -1;
  }
}

function distinctSorted(raw: RawPerson[]): RawPerson[] {
  const distinct = new Map<string, RawPerson>();
  for (const r of raw) distinct.set(`${r.name}\u0000${r.file}\u0000${r.title ?? ""}\u0000${r.country ?? ""}`, r);
  return [...distinct.values()].sort((a, b) => nameTokens(b.name).length - nameTokens(a.name).length || b.name.length - a.name.length);
}

/** One-edit variants of a word (deletions), so near misses meet in a map ("symmetric delete"). */
export function deletions(w: string): string[] {
  const out = [w];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

/**
 * The lookup keys of a registry's people, by which a question's words find candidates: pinyin and
 * consonant skeletons of Chinese aliases, joined spellings, skeletons of last names and one-edit variants
 * of name tokens. `byKey` reads like a Map (a snapshot's keys become lists when first asked for).
 */
export interface PersonKeys {
  byKey: ListMap<string, Person>;
  /** How many people share each first name token ("wang" → 2). */
  firstCount: Map<string, number>;
}
const personKeyCache = new WeakMap<Person[], PersonKeys>();

/** The lookup keys of a person's spellings `aliases` (all of them, or those it had before a change), and its first name tokens. */
function keysOfPerson(aliases: string[]): { keys: Set<string>; firsts: Set<string> } {
  const keys = new Set<string>();
  const firsts = new Set<string>();
  for (const al of aliases) {
    if (/\p{Script=Han}/u.test(al)) {
      const f = fold(al).replace(/[•·]/g, "");
      if (f.length >= 2) keys.add(`hb:${f.slice(0, 2)}`);
      keys.add(`j:${pinyinKey(al)}`);
      keys.add(`sk:${skeleton(fold(al).split(/[•·-]/).pop()!)}`);
      continue;
    }
    const at = nameTokens(al);
    firsts.add(at[0]!);
    keys.add(`j:${latinSpelling(at.join(""))}`);
    keys.add(`sk:${skeleton(at[at.length - 1]!)}`);
    for (const t of at) for (const d of t.length >= 6 ? deletions(t) : [t]) keys.add(`t:${d}`);
  }
  return { keys, firsts };
}

/** The keys of `persons`, built once per registry (or as a snapshot saved them, see `rememberPersonKeys`). */
export function personLookupKeys(persons: Person[]): PersonKeys {
  let k = personKeyCache.get(persons);
  if (k) return k;
  const byKey = new ListMap<string, Person>();
  k = { byKey, firstCount: new Map() };
  for (const p of persons) {
    const { keys, firsts } = keysOfPerson(p.aliases);
    for (const key of keys) {
      const l = byKey.get(key);
      if (l) l.push(p);
      else byKey.set(key, [p]);
    }
    for (const f of firsts) k.firstCount.set(f, (k.firstCount.get(f) ?? 0) + 1);
  }
  personKeyCache.set(persons, k);
  return k;
}

/** What one change of a registry did to its people: who left, who came, who got new spellings (and how many they had). */
export interface PeopleChange {
  gone: Person[];
  created: Person[];
  extended: Map<Person, number>;
}

/**
 * Carry the lookup keys of `from` (the persons before a change) over to `to` (after it), changing only
 * the lists of the people concerned, so that the first question after an article arrives does not build
 * every person's keys again. `position` orders people as the registry does. The keys of `from` are taken
 * over (they are not valid for it afterwards); nothing happens if they were never built.
 */
export function carryPersonKeys(from: Person[], to: Person[], change: PeopleChange, position: (p: Person) => number): void {
  const k = personKeyCache.get(from);
  if (!k) return;
  personKeyCache.delete(from);
  const { byKey, firstCount } = k;
  for (const p of change.gone) {
    const { keys, firsts } = keysOfPerson(p.aliases);
    for (const key of keys) {
      const l = byKey.get(key);
      const i = l ? l.indexOf(p) : -1;
      if (i < 0) continue;
      l!.splice(i, 1);
      if (!l!.length) byKey.delete(key);
    }
    for (const f of firsts) {
      const n = (firstCount.get(f) ?? 1) - 1;
      if (n > 0) firstCount.set(f, n);
      else firstCount.delete(f);
    }
  }
  const add = (p: Person, before: string[]) => {
    const had = keysOfPerson(before);
    const now = keysOfPerson(p.aliases);
    const at = position(p);
    for (const key of now.keys) {
      if (had.keys.has(key)) continue;
      const l = byKey.get(key);
      if (!l) {
        byKey.set(key, [p]);
        continue;
      }
      // In registry order (a new person is last; a known one goes among the others).
      let lo = 0, hi = l.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (position(l[mid]!) < at) lo = mid + 1;
        else hi = mid;
      }
      l.splice(lo, 0, p);
    }
    for (const f of now.firsts) if (!had.firsts.has(f)) firstCount.set(f, (firstCount.get(f) ?? 0) + 1);
  };
  for (const [p, n] of change.extended) add(p, p.aliases.slice(0, n));
  for (const p of change.created) add(p, []);
  personKeyCache.set(to, k);
}

/** Keys of `persons` read back from a snapshot: used instead of building them again. */
export function rememberPersonKeys(persons: Person[], keys: PersonKeys): void {
  personKeyCache.set(persons, keys);
}
