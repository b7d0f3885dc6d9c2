/**
 * Sentence search: an inverted index over documents (one per sentence) that takes pre-tokenized
 * text and answers OR queries with BM25+ scores, best first. It reproduces what MiniSearch 7 computed
 * for this project (one field, no prefix or fuzzy expansion, k 1.2, b 0.7, d 0.5, score × number of
 * query terms matched, equal scores in order of the first query term matched and then corpus order),
 * but keeps postings in typed arrays: a tenth of the memory, built in one pass, saved and loaded as
 * plain buffers (snapshot.ts), and updated one document at a time (`add`, `remove`).
 *
 * Postings live in two tiers: a sealed base (compressed sparse rows: term → doc ids and term
 * frequencies, doc ids ascending) and a delta of per-term lists for documents added after sealing.
 * A removed document is only marked dead; `exportParts()` writes base + delta without dead documents.
 * Each document has an order key that places it in corpus order, so a document added later ranks
 * among equals exactly where a fresh build would put it.
 */

import { Pacer, runSync, type Steps } from "../paced.ts";

/** One search result: the document id, its score and the query terms it matched (MiniSearch's order). */
export interface SearchHit {
  id: string;
  score: number;
  terms: string[];
}

/** The sealed, serialisable form of the index (documents renumbered 0..n-1 in corpus order). */
export interface SearchParts {
  terms: string[];
  /** Per term, where its postings start in `docs`/`tfs` (length terms.length + 1). */
  offsets: Int32Array;
  docs: Int32Array;
  tfs: Uint16Array;
  /** Number of distinct terms per document (MiniSearch's field length). */
  fieldLengths: Uint16Array;
  /** Running average of field lengths, exactly as accumulated. */
  avgFieldLength: number;
}

/**
 * A term's sealed postings (doc ids ascending, and their term frequencies), as views. A snapshot's are
 * read from its file when a term is first searched (`keep`: kept for the next search; an export reads
 * every term's once and keeps none).
 */
export interface BasePostings {
  get(t: number, keep: boolean): { docs: Int32Array; tfs: Uint16Array };
}

/** Base postings held in memory: views into the whole arrays. */
function inMemory(offsets: Int32Array, docs: Int32Array, tfs: Uint16Array): BasePostings {
  return { get: (t) => ({ docs: docs.subarray(offsets[t]!, offsets[t + 1]!), tfs: tfs.subarray(offsets[t]!, offsets[t + 1]!) }) };
}

/** Names of documents 0..count-1 computed on demand (a snapshot's sentences: article file + position). */
export interface DocIds {
  readonly count: number;
  idOf(d: number): string;
  /** The document named `id`, if it is one of these. */
  docOf(id: string): number | undefined;
}

/** Documents named by a list (`ids[d]` names document d). */
export function listDocIds(ids: readonly string[]): DocIds {
  const at = new Map(ids.map((id, d) => [id, d] as const));
  return { count: ids.length, idOf: (d) => ids[d]!, docOf: (id) => at.get(id) };
}

const K = 1.2;
const B = 0.7;
const D = 0.5;

/** MiniSearch's BM25+ (same expression, so the same floating-point result). */
function bm25(tf: number, df: number, n: number, fieldLength: number, avg: number): number {
  const invDocFreq = Math.log(1 + (n - df + 0.5) / (df + 0.5));
  return invDocFreq * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * fieldLength) / avg)));
}

/**
 * Capacity for `n` documents with room for a few more: arrays sized per document (tens of MB at 100,000
 * articles) are then not copied or allocated anew on the first changes after a restore.
 */
function withRoom(n: number): number {
  return n + (n >> 6) + 1024;
}

function grow<T extends Int32Array | Uint16Array | Uint8Array | Float64Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2, 1024));
  b.set(a);
  return b;
}

/** Is `a` within one insertion, deletion or substitution of `b`? (UTF-16 units, like MiniSearch.) */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length, lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === la && i === lb) return true;
  if (la === lb) return a.slice(i + 1) === b.slice(i + 1);
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** An integer-like key ("2016"), which JavaScript objects list first, in numeric order. */
const isIndexKey = (k: string) => /^(?:0|[1-9]\d{0,9})$/.test(k) && Number(k) < 4294967295;

/**
 * What CorpusIndex needs from a text search: documents added and removed one by one, OR queries of
 * terms ranked best first, document frequencies and a near-term test. SentenceSearch implements it in
 * memory; an external engine (OpenSearch, Meilisearch, Postgres full-text) would be another implementation
 * (with an asynchronous query path, see DESIGN.md "Growing past one machine").
 */
export interface TextSearch {
  readonly size: number;
  add(id: string, tokens: readonly string[], order?: number): void;
  remove(id: string, tokens: readonly string[]): void;
  /** `within`: only these documents are candidates (a filter, as an engine's ids filter). */
  search(terms: readonly string[], limit?: number, within?: Iterable<string>): SearchHit[];
  docFrequency(term: string): number;
  hasNear(term: string): boolean;
  /** The most frequent term within one edit of `term`, if any. */
  nearest(term: string): string | undefined;
}

export class SentenceSearch implements TextSearch {
  private readonly termIds = new Map<string, number>();
  private readonly termText: string[] = [];
  /** Live documents containing each term. */
  private df: Int32Array = new Int32Array(0);
  // Sealed base postings.
  private baseTerms = 0;
  private offsets: Int32Array = new Int32Array(1);
  private basePostings: BasePostings = inMemory(new Int32Array(1), new Int32Array(0), new Uint16Array(0));
  // Postings of documents added after sealing, per term (doc ids ascending).
  private readonly deltaDocs = new Map<number, number[]>();
  private readonly deltaTfs = new Map<number, number[]>();
  // Per document: documents loaded from parts are named by `base` (no string kept per document);
  // documents added one by one after them by `ids` (document baseCount + i) and `docOf`.
  private base: DocIds | undefined;
  private baseCount = 0;
  private readonly ids: string[] = [];
  private readonly docOf = new Map<string, number>();
  private fieldLengths: Uint16Array = new Uint16Array(0);
  private alive: Uint8Array = new Uint8Array(0);
  private order: Float64Array = new Float64Array(0);
  private count = 0;
  private avg = 0;
  private sealed = 0;
  // Forward lists of documents not yet sealed (a fresh build): term ids and frequencies.
  private fwdTerms: Int32Array = new Int32Array(0);
  private fwdTfs: Uint16Array = new Uint16Array(0);
  private fwdStart: number[] = [0];
  // Scratch for queries.
  private scratchAllowed: Uint8Array | undefined;
  private byLength: Map<number, number[]> | undefined;

  /** Live documents. */
  get size(): number {
    return this.count;
  }

  /** In how many live documents a term occurs (0 when none). */
  docFrequency(term: string): number {
    const t = this.termIds.get(term);
    return t === undefined ? 0 : this.df[t]!;
  }

  has(id: string): boolean {
    return this.liveDoc(id) !== undefined;
  }

  /** Documents so far, dead ones included. */
  private get docCount(): number {
    return this.baseCount + this.ids.length;
  }

  private idOf(d: number): string {
    return d < this.baseCount ? this.base!.idOf(d) : this.ids[d - this.baseCount]!;
  }

  /** The number of the live document `id`, if any. */
  private liveDoc(id: string): number | undefined {
    const d = this.docOf.get(id) ?? this.base?.docOf(id);
    return d !== undefined && this.alive[d] === 1 ? d : undefined;
  }

  private termIdOf(term: string): number {
    let t = this.termIds.get(term);
    if (t === undefined) {
      t = this.termText.length;
      this.termIds.set(term, t);
      this.termText.push(term);
      this.df = grow(this.df, t + 1);
      this.byLength?.get(term.length)?.push(t) ?? this.byLength?.set(term.length, [t]);
    }
    return t;
  }

  /**
   * Add a document: `tokens` are its terms in text order (repeats count as term frequency).
   * `order` places it in corpus order among the others (default: after every document so far).
   */
  add(id: string, tokens: readonly string[], order?: number): void {
    if (this.liveDoc(id) !== undefined) throw new Error(`duplicate document ${id}`);
    const d = this.docCount;
    this.ids.push(id);
    this.docOf.set(id, d);
    this.fieldLengths = grow(this.fieldLengths, d + 1);
    this.alive = grow(this.alive, d + 1);
    this.order = grow(this.order, d + 1);
    this.alive[d] = 1;
    this.order[d] = order ?? d;
    const tf = new Map<number, number>();
    for (const term of tokens) {
      if (!term) continue;
      const t = this.termIdOf(term);
      tf.set(t, (tf.get(t) ?? 0) + 1);
    }
    const unique = new Set(tokens).size;
    this.fieldLengths[d] = unique;
    this.avg = (this.avg * this.count + unique) / (this.count + 1);
    this.count++;
    const sealedNow = this.sealed > 0 || this.baseTerms > 0;
    if (!sealedNow) {
      // Fresh build: keep a forward list; `seal()` turns the lot into base postings.
      const at = this.fwdStart[this.fwdStart.length - 1]!;
      this.fwdTerms = grow(this.fwdTerms, at + tf.size);
      this.fwdTfs = grow(this.fwdTfs, at + tf.size);
      let i = at;
      for (const [t, n] of tf) {
        this.fwdTerms[i] = t;
        this.fwdTfs[i++] = Math.min(n, 65535);
        this.df[t]!++;
      }
      this.fwdStart.push(i);
      return;
    }
    for (const [t, n] of tf) {
      let docs = this.deltaDocs.get(t);
      if (!docs) {
        this.deltaDocs.set(t, (docs = []));
        this.deltaTfs.set(t, []);
      }
      docs.push(d);
      this.deltaTfs.get(t)!.push(Math.min(n, 65535));
      this.df[t]!++;
    }
  }

  /** Turn the documents added so far into base postings (once, after a fresh build). */
  seal(): void {
    if (this.sealed > 0 || this.baseTerms > 0) return;
    const nTerms = this.termText.length;
    const counts = new Int32Array(nTerms + 1);
    const total = this.fwdStart[this.fwdStart.length - 1]!;
    for (let i = 0; i < total; i++) counts[this.fwdTerms[i]! + 1]!++;
    for (let t = 0; t < nTerms; t++) counts[t + 1]! += counts[t]!;
    const offsets = counts;
    const fill = offsets.slice(0, nTerms);
    const docs = new Int32Array(total);
    const tfs = new Uint16Array(total);
    const nDocs = this.fwdStart.length - 1;
    for (let d = 0; d < nDocs; d++)
      for (let i = this.fwdStart[d]!; i < this.fwdStart[d + 1]!; i++) {
        const t = this.fwdTerms[i]!;
        const at = fill[t]!++;
        docs[at] = d;
        tfs[at] = this.fwdTfs[i]!;
      }
    this.offsets = offsets;
    this.basePostings = inMemory(offsets, docs, tfs);
    this.baseTerms = nTerms;
    this.sealed = Math.max(nDocs, 1);
    this.fwdTerms = new Int32Array(0);
    this.fwdTfs = new Uint16Array(0);
    this.fwdStart = [0];
  }

  /** Remove a document; `tokens` are its terms, as given to `add`. Its postings are skipped from now on. */
  remove(id: string, tokens: readonly string[]): void {
    const d = this.liveDoc(id);
    if (d === undefined) return;
    this.seal();
    this.alive[d] = 0;
    this.docOf.delete(id);
    const unique = this.fieldLengths[d]!;
    if (this.count === 1) this.avg = 0;
    else this.avg = (this.avg * this.count - unique) / (this.count - 1);
    this.count--;
    // The document's terms, as `add` counted them: each is in its postings, without looking (a snapshot's
    // postings are read from the file, and the common terms' run to megabytes). Tokens that do not fit
    // the document are checked against the postings one by one.
    const terms = new Set(tokens);
    const fits = terms.size === unique && [...terms].every((term) => !term || this.termIds.has(term));
    for (const term of terms) {
      const t = this.termIds.get(term);
      if (t !== undefined && this.df[t]! > 0 && (fits || this.postingTf(t, d) > 0)) this.df[t]!--;
    }
  }

  /** Term frequency of term `t` in document `d` (0 when absent). Postings are sorted by doc id. */
  private postingTf(t: number, d: number): number {
    if (t < this.baseTerms) {
      const { docs: bd, tfs: bt } = this.basePostings.get(t, true);
      let lo = 0, hi = bd.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const v = bd[mid]!;
        if (v === d) return bt[mid]!;
        if (v < d) lo = mid + 1;
        else hi = mid - 1;
      }
    }
    const docs = this.deltaDocs.get(t);
    if (docs) {
      let lo = 0, hi = docs.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const v = docs[mid]!;
        if (v === d) return this.deltaTfs.get(t)![mid]!;
        if (v < d) lo = mid + 1;
        else hi = mid - 1;
      }
    }
    return 0;
  }

  /**
   * Documents matching any of `terms` (in query order; a repeated term counts twice in the score, once
   * in the number matched), best first, at most `limit`; with `within`, only among those documents.
   */
  search(terms: readonly string[], limit = Infinity, within?: Iterable<string>): SearchHit[] {
    this.seal();
    const n = this.docCount;
    // With `within`, its documents are marked for the walk (and unmarked after it).
    const marked: number[] = [];
    let allowed: Uint8Array | undefined;
    if (within) {
      if (!this.scratchAllowed || this.scratchAllowed.length < n) this.scratchAllowed = new Uint8Array(withRoom(n));
      allowed = this.scratchAllowed;
      for (const id of within) {
        const d = this.liveDoc(id);
        if (d !== undefined && !allowed[d]) {
          allowed[d] = 1;
          marked.push(d);
        }
      }
    }
    // The postings to walk, in query order (a term's base postings, then those added since).
    const walks: Walk[] = [];
    const seen = new Set<string>();
    const N = this.count;
    for (let qi = 0; qi < terms.length; qi++) {
      const term = terms[qi]!;
      const t = this.termIds.get(term);
      if (t === undefined || !this.df[t]) continue;
      const df = this.df[t]!;
      const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
      const fresh = !seen.has(term);
      seen.add(term);
      if (t < this.baseTerms) {
        const { docs, tfs } = this.basePostings.get(t, true);
        if (docs.length) walks.push({ docs, tfs, idf, qi, fresh, at: 0 });
      }
      const docs = this.deltaDocs.get(t);
      if (docs?.length) walks.push({ docs, tfs: this.deltaTfs.get(t)!, idf, qi, fresh, at: 0 });
    }
    // Documents are scored a block at a time: every walk's postings in the block, in query order, into
    // scratch arrays of one block (small enough to stay in the processor's cache; per document the
    // same additions in the same order as a whole-corpus pass, so the same scores). Final score = sum ×
    // number of distinct terms matched; ties by first term matched, then corpus order.
    const top = new TopK(limit, this.order);
    for (let from = 0; from < n && walks.some((w) => w.at < w.docs.length); from += BLOCK) {
      const count = this.scoreBlock(walks, from, Math.min(n, from + BLOCK), allowed);
      const { blockTouched, blockScore, blockQuality, blockFirst } = this;
      for (let j = 0; j < count; j++) {
        const b = blockTouched[j]!;
        top.offer(from + b, blockScore[b]! * blockQuality[b]!, blockFirst[b]!);
        blockScore[b] = 0;
        blockQuality[b] = 0;
      }
    }
    const unique = [...seen];
    const hits = top.best().map(([d, score]) => {
      const matched = unique.filter((term) => this.postingTf(this.termIds.get(term)!, d) > 0);
      const keys = [...matched.filter(isIndexKey).sort((a, b) => Number(a) - Number(b)), ...matched.filter((k) => !isIndexKey(k))];
      return { id: this.idOf(d), score, terms: keys };
    });
    if (allowed) for (const d of marked) allowed[d] = 0;
    return hits;
  }

  private readonly blockScore = new Float64Array(BLOCK);
  private readonly blockQuality = new Uint16Array(BLOCK);
  private readonly blockFirst = new Int32Array(BLOCK);
  private readonly blockTouched = new Int32Array(BLOCK);

  /**
   * Add the postings of documents `from` ≤ d < `to` of each walk (advancing it) to the block's scratch
   * scores: bm25() inlined with the term's idf computed once (the same arithmetic, so the same scores).
   * Returns how many documents of the block matched (listed in `blockTouched`, relative to `from`).
   */
  private scoreBlock(walks: Walk[], from: number, to: number, allowed: Uint8Array | undefined): number {
    const score = this.blockScore, quality = this.blockQuality, first = this.blockFirst, touched = this.blockTouched;
    const alive = this.alive, lengths = this.fieldLengths, avg = this.avg;
    const K1 = K + 1;
    let n = 0;
    for (const w of walks) {
      const { docs, tfs, idf, qi, fresh } = w;
      let i = w.at;
      for (; i < docs.length; i++) {
        const d = docs[i]!;
        if (d >= to) break;
        if (alive[d] !== 1 || (allowed !== undefined && allowed[d] !== 1)) continue;
        const tf = tfs[i]!;
        const s = idf * (D + (tf * K1) / (tf + K * (1 - B + (B * lengths[d]!) / avg)));
        const b = d - from;
        if (quality[b] === 0) {
          touched[n++] = b;
          first[b] = qi;
          score[b] = s;
          quality[b] = 1;
        } else {
          score[b] = score[b]! + s;
          if (fresh) quality[b]!++;
        }
      }
      w.at = i;
    }
    return n;
  }

  /** Is there a live term within one edit of `term` (MiniSearch's fuzzy: 1)? */
  hasNear(term: string): boolean {
    return this.closest(term, true) !== undefined;
  }

  /** The most frequent live term within one edit of `term` (itself excluded), if any: "comitte" → "committe". */
  nearest(term: string): string | undefined {
    return this.closest(term, false);
  }

  private closest(term: string, self: boolean): string | undefined {
    if (!term) return undefined;
    if (!this.byLength) {
      this.byLength = new Map();
      this.termText.forEach((x, t) => {
        const l = this.byLength!.get(x.length);
        if (l) l.push(t);
        else this.byLength!.set(x.length, [t]);
      });
    }
    let best: number | undefined;
    for (const len of [term.length, term.length - 1, term.length + 1])
      for (const t of this.byLength.get(len) ?? []) if (this.df[t]! > 0 && (best === undefined || this.df[t]! > this.df[best]!) && (self || this.termText[t] !== term) && withinOneEdit(term, this.termText[t]!)) {
          if (self) return this.termText[t]; // any one will do
          best = t;
        }
    return best === undefined ? undefined : this.termText[best];
  }

  /**
   * The index without dead documents, renumbered in order-key order (corpus order), as plain arrays.
   * `ids[i]` is the id of document i.
   */
  exportParts(): SearchParts & { ids: string[] } {
    return runSync(this.exportSteps());
  }

  /** exportParts as a job that yields between slices of terms (a snapshot write in the background). */
  *exportSteps(pacer = new Pacer()): Steps<SearchParts & { ids: string[] }> {
    this.seal();
    const n = this.docCount;
    // Sealed documents (0..B-1) are in corpus order already (their order key is their number); only those
    // added later are sorted into place, then merged: no sort of millions of documents per snapshot write.
    const B = Math.min(this.sealed, n);
    let baseOrdered = true;
    for (let d = 1; d < B && baseOrdered; d++) if (this.order[d]! < this.order[d - 1]!) baseOrdered = false;
    const byOrder = (a: number, b: number) => this.order[a]! - this.order[b]!;
    let live: number[] = [];
    if (baseOrdered) {
      const later: number[] = [];
      for (let d = B; d < n; d++) if (this.alive[d]) later.push(d);
      later.sort(byOrder);
      let j = 0;
      for (let d = 0; d < B; d++) {
        if (!this.alive[d]) continue;
        while (j < later.length && this.order[later[j]!]! < this.order[d]!) live.push(later[j++]!);
        live.push(d);
      }
      while (j < later.length) live.push(later[j++]!);
    } else {
      for (let d = 0; d < n; d++) if (this.alive[d]) live.push(d);
      live = live.sort(byOrder);
    }
    const renum = new Int32Array(n).fill(-1);
    live.forEach((d, i) => (renum[d] = i));
    const keep: number[] = [];
    for (let t = 0; t < this.termText.length; t++) if (this.df[t]! > 0) keep.push(t);
    const offsets = new Int32Array(keep.length + 1);
    let total = 0;
    keep.forEach((t, i) => {
      total += this.df[t]!;
      offsets[i + 1] = total;
    });
    const docs = new Int32Array(total);
    const tfs = new Uint16Array(total);
    for (let i = 0; i < keep.length; i++) {
      const t = keep[i]!;
      if (pacer.tick(this.df[t]!)) yield;
      let at = offsets[i]!;
      const dd = this.deltaDocs.get(t);
      if (baseOrdered) {
        // Base postings stay ascending when renumbered; the few of later documents are merged in.
        const extra: [number, number][] = [];
        if (dd) dd.forEach((d, j) => this.alive[d] && extra.push([renum[d]!, this.deltaTfs.get(t)![j]!]));
        extra.sort((x, y) => x[0] - y[0]);
        let k = 0;
        if (t < this.baseTerms) {
          const base = this.basePostings.get(t, false);
          for (let j = 0; j < base.docs.length; j++) {
            const d = base.docs[j]!;
            if (!this.alive[d]) continue;
            const r = renum[d]!;
            while (k < extra.length && extra[k]![0] < r) {
              docs[at] = extra[k]![0];
              tfs[at++] = extra[k++]![1];
            }
            docs[at] = r;
            tfs[at++] = base.tfs[j]!;
          }
        }
        for (; k < extra.length; k++) {
          docs[at] = extra[k]![0];
          tfs[at++] = extra[k]![1];
        }
        continue;
      }
      const pairs: [number, number][] = [];
      if (t < this.baseTerms) {
        const base = this.basePostings.get(t, false);
        for (let j = 0; j < base.docs.length; j++) if (this.alive[base.docs[j]!]) pairs.push([renum[base.docs[j]!]!, base.tfs[j]!]);
      }
      if (dd) dd.forEach((d, j) => this.alive[d] && pairs.push([renum[d]!, this.deltaTfs.get(t)![j]!]));
      pairs.sort((a, b) => a[0] - b[0]);
      for (const [d, tf] of pairs) {
        docs[at] = d;
        tfs[at++] = tf;
      }
    }
    const fieldLengths = new Uint16Array(live.length);
    live.forEach((d, i) => (fieldLengths[i] = this.fieldLengths[d]!));
    const idOf = (d: number) => this.idOf(d);
    return {
      terms: keep.map((t) => this.termText[t]!),
      offsets,
      docs,
      tfs,
      fieldLengths,
      avgFieldLength: this.avg,
      // Named only when asked: a snapshot names documents by their articles, and millions of id strings cost seconds.
      get ids() {
        return live.map(idOf);
      },
    };
  }

  /**
   * An index from exported parts; `ids` names document i (corpus order) without a string per document.
   * With `postings`, the terms' postings come from there (a snapshot's file) and `parts.docs`/`tfs` are unused.
   */
  static fromParts(parts: SearchParts, ids: DocIds, postings?: BasePostings): SentenceSearch {
    const s = new SentenceSearch();
    const n = ids.count;
    if (n !== parts.fieldLengths.length || parts.offsets.length !== parts.terms.length + 1) throw new Error("search index parts do not fit together");
    parts.terms.forEach((t, i) => {
      s.termIds.set(t, i);
      s.termText.push(t);
    });
    s.df = new Int32Array(parts.terms.length);
    for (let t = 0; t < parts.terms.length; t++) s.df[t] = parts.offsets[t + 1]! - parts.offsets[t]!;
    s.offsets = parts.offsets;
    s.basePostings = postings ?? inMemory(parts.offsets, parts.docs, parts.tfs);
    s.baseTerms = parts.terms.length;
    s.base = ids;
    s.baseCount = n;
    // Room for the documents of the first changes, so that adding one article does not copy these arrays
    // (tens of MB at 100,000 articles); later growth doubles them as usual.
    const room = withRoom(n);
    s.fieldLengths = new Uint16Array(room);
    s.fieldLengths.set(parts.fieldLengths);
    s.alive = new Uint8Array(room);
    s.alive.fill(1, 0, n);
    s.order = new Float64Array(room);
    for (let d = 0; d < n; d++) s.order[d] = d;
    s.count = n;
    s.avg = parts.avgFieldLength;
    s.sealed = Math.max(n, 1);
    return s;
  }

  /** The order key of a live document (its place in corpus order), or undefined. */
  orderOf(id: string): number | undefined {
    const d = this.liveDoc(id);
    return d === undefined ? undefined : this.order[d];
  }

  /** Give documents new order keys (after documents were added between others). */
  reorder(keys: Map<string, number>): void {
    for (const [id, k] of keys) {
      const d = this.liveDoc(id);
      if (d !== undefined) this.order[d] = k;
    }
  }
}

/** Documents scored a block at a time (search): 32,768 documents' scratch scores are under 0.5 MB. */
const BLOCK = 32_768;

/** One term's postings (base or added since) in a search, with where the walk is. */
interface Walk {
  docs: ArrayLike<number>;
  tfs: ArrayLike<number>;
  idf: number;
  qi: number;
  fresh: boolean;
  at: number;
}

/**
 * The `limit` best documents offered (higher score first; ties by first query term matched, then corpus
 * `order`), kept in a heap whose root is the worst of the best so far; unlimited, all of them.
 */
class TopK {
  private readonly docs: number[] = [];
  private readonly scores: number[] = [];
  private readonly firsts: number[] = [];
  constructor(
    private readonly limit: number,
    private readonly order: Float64Array,
  ) {}

  /** Is entry i better than entry j? */
  private better(i: number, j: number): boolean {
    const si = this.scores[i]!, sj = this.scores[j]!;
    if (si !== sj) return si > sj;
    if (this.firsts[i] !== this.firsts[j]) return this.firsts[i]! < this.firsts[j]!;
    return this.order[this.docs[i]!]! < this.order[this.docs[j]!]!;
  }

  private swap(i: number, j: number): void {
    const { docs, scores, firsts } = this;
    const d = docs[i]!, s = scores[i]!, f = firsts[i]!;
    docs[i] = docs[j]!;
    scores[i] = scores[j]!;
    firsts[i] = firsts[j]!;
    docs[j] = d;
    scores[j] = s;
    firsts[j] = f;
  }

  offer(d: number, score: number, first: number): void {
    const size = this.docs.length;
    if (size < this.limit) {
      this.docs.push(d);
      this.scores.push(score);
      this.firsts.push(first);
      if (!Number.isFinite(this.limit)) return;
      for (let i = size; i > 0; ) {
        const p = (i - 1) >> 1;
        if (!this.better(p, i)) break;
        this.swap(i, p);
        i = p;
      }
      return;
    }
    if (this.limit === 0) return;
    // Better than the root (the worst kept)? Compared as `better` does, without an entry.
    const s0 = this.scores[0]!;
    if (score < s0 || (score === s0 && (first > this.firsts[0]! || (first === this.firsts[0] && this.order[d]! >= this.order[this.docs[0]!]!)))) return;
    this.docs[0] = d;
    this.scores[0] = score;
    this.firsts[0] = first;
    for (let i = 0; ; ) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < size && this.better(m, l)) m = l;
      if (r < size && this.better(m, r)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }

  /** The kept documents and their scores, best first. */
  best(): [number, number][] {
    const idx = this.docs.map((_, i) => i).sort((i, j) => (this.better(i, j) ? -1 : this.better(j, i) ? 1 : 0));
    return idx.map((i) => [this.docs[i]!, this.scores[i]!]);
  }
}
