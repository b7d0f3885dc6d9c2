/**
 * Chinese word segmentation (jieba, dictionary loaded once on first use): takes Chinese text,
 * returns its words with part-of-speech tags. Questions are matched word by word, and proper nouns
 * (people, places, organisations) the corpus never mentions make a question unanswerable.
 * @example words("谁是美国总统") // [{ word: "谁", tag: "r" }, { word: "是", tag: "v" }, { word: "美国", tag: "ns" }, { word: "总统", tag: "n" }]
 */
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";

let jieba: Jieba | undefined;

export interface Word {
  word: string;
  tag: string;
}

export function words(text: string): Word[] {
  jieba ??= Jieba.withDict(dict);
  return jieba.tag(text, true);
}

/** Tags of proper nouns: person (nr…), place (ns), organisation (nt), other proper (nz). */
export function isProperNoun(tag: string): boolean {
  return /^(nr|ns|nt|nz)/.test(tag);
}
