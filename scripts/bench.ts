/**
 * Benchmark of the query core (`npm run bench`): for the bundled corpus (data/) and for generated
 * corpora (scripts/generate-corpus.ts, cached under the OS temp folder), measures Core.load time
 * (load + extract + index), articles per second, answer latency (first ask, then p50/p90/p99 over a
 * fixed mix of who/when/where/what/how-many/list questions in English and Chinese, including
 * questions the corpus cannot answer, run several times warm) and peak memory (RSS sampled every few
 * ms from a worker thread, plus the kernel's maxRSS). Each corpus runs in a fresh child process so
 * one size's memory never pollutes another's. Then a cold run: one process that loads the 5,000-article
 * corpus and answers 20 questions from stdin (the `ask` CLI when src/cli/ask.ts exists, otherwise — or
 * when it fails, or with --cold-core as well — a child calling Core directly), timed with /usr/bin/time -v
 * when present.
 *
 *   npm run bench [-- --sizes 1000,5000] [--large] [--seed S] [--reps N] [--no-bundled] [--no-cold]
 *                    [--cold-size N] [--cold-core] [--naive | --pipelines core,naive] [--sample-ms N]
 *                    [--timeout SEC] [--cold-timeout SEC] [--out FILE]
 *
 * --large adds the 100,000-article corpus; --naive also runs the reference build of issue 6 (MiniSearch
 * over whole articles, fuzzy + prefix) on each corpus, each in its own child (--pipelines naive: only it);
 * --timeout bounds each corpus run (killed and reported as timed out), useful with --large. Prints a table and writes
 * JSON to bench/out/latest.json (plus a dated copy). Numbers only; answers are not judged here.
 */
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, extname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SELF = fileURLToPath(import.meta.url);
const OUT_DIR = join(ROOT, "bench", "out");
const CACHE_DIR = join(os.tmpdir(), "kz-cn-newsbot-bench");
const LARGE_SIZE = 100_000;
const BROKEN_FILES = 3; // empty, binary, undecodable: the loader must skip them
const MB = 1024 * 1024;

// ───────────────────────────── question mixes ─────────────────────────────

type QKind = "who" | "when" | "where" | "what" | "howmany" | "list";
interface BenchQuestion {
  q: string;
  kind: QKind;
  lang: "en" | "zh";
  /** The corpus cannot hold the answer: a correct core says "not found". */
  absent?: boolean;
}
const Q = (q: string, kind: QKind, absent = false): BenchQuestion => ({ q, kind, lang: /\p{Script=Han}/u.test(q) ? "zh" : "en", absent: absent || undefined });

/** Fixed mix for the five bundled articles (data/). */
function bundledQuestions(): BenchQuestion[] {
  return [
    Q("Who co-chaired the 11th Meeting of the China-Kazakhstan Cooperation Committee?", "who"),
    Q("Who did Li Keqiang meet in Davos?", "who"),
    Q("Who led the Kazakh delegation to the tenth meeting of the sub-committee on scientific and technological cooperation?", "who"),
    Q("谁出席了中哈合作委员会科技合作分委会第十次会议?", "who"),
    Q("who is roman sklyar", "who"),
    Q("丁薛祥和谁举行了会谈?", "who"),
    Q("When did Li Keqiang meet Karim Massimov in Davos?", "when"),
    Q("When was the 11th meeting of the China-Kazakhstan Cooperation Committee held?", "when"),
    Q("when did masimov visit beijing", "when"),
    Q("科技合作分委会第十次会议是什么时候召开的?", "when"),
    Q("when was the second regular meeting between the heads of government", "when"),
    Q("Where was the 10th meeting of the Sub-Committee on Scientific and Technological Cooperation held?", "where"),
    Q("Where did Ding Xuexiang meet Roman Sklyar?", "where"),
    Q("中哈合作委员会第十一次会议在哪里举行?", "where"),
    Q("where will the world internet conference be held", "where"),
    Q("What did China and Kazakhstan agree on aerospace cooperation?", "what"),
    Q("What was signed at the tenth meeting of the sub-committee on science and technology cooperation?", "what"),
    Q("What did Massimov say about capacity cooperation?", "what"),
    Q("双方签署了什么文件?", "what"),
    Q("What is the China-Kazakhstan capacity cooperation fund linked to?", "what"),
    Q("How many early-harvest projects are there?", "howmany"),
    Q("How long is the light railway in Astana?", "howmany"),
    Q("How many stations will the Astana light railway have?", "howmany"),
    Q("How many times did Li Keqiang meet Masimov?", "howmany"),
    Q("中哈产能合作有多少个早期收获项目?", "howmany"),
    Q("Which meetings took place in Astana?", "list"),
    Q("List the meetings between Li Keqiang and Karim Massimov", "list"),
    Q("列出在阿斯塔纳举行的会议", "list"),
    Q("What happened in 2023?", "list"),
    Q("timeline of China-Kazakhstan Cooperation Committee meetings", "list"),
    Q("Who won the 2018 FIFA World Cup?", "who", true),
    Q("When did Li Keqiang visit Brazil?", "when", true),
    Q("What was signed at the 95th meeting of the Sub-Committee on Lunar Cooperation?", "what", true),
    Q("谁是火星总统?", "who", true),
    Q("How many penguins live in Astana?", "howmany", true),
    Q("2031年在阿斯塔纳举行了什么会议?", "list", true),
  ];
}

type GenModule = typeof import("./generate-corpus.ts");

/** Fixed mix for a generated corpus: built from the generator's invented world for the seed. */
function generatedQuestions(gen: GenModule, seed: string): BenchQuestion[] {
  const w = gen.buildWorld(seed);
  const who = (office: string, date: string) => {
    const p = gen.officeHolder(w, office, date);
    if (!p) throw new Error(`no holder for ${office}`);
    return p;
  };
  const cnPremier = who("cn-premier", "2015-06-01");
  const kzPm = who("kz-pm", "2015-06-01");
  const cnVp = who("cn-vpremier", "2019-06-01");
  const kzFdpm = who("kz-fdpm", "2019-06-01");
  const cnFm = who("cn-fm", "2012-06-01");
  const kzFm = who("kz-fm", "2012-06-01");
  const cnPres = who("cn-president", "2020-06-01");
  const kzPres = who("kz-president", "2020-06-01");
  const [absentKz, absentCn] = w.absentPeople;
  const { ordinalDigits: d, ordinalWord: word, zhNumber: zh } = gen;
  const kzPmSpelling = kzPm.enVariants[0] ?? kzPm.en;
  return [
    Q(`Who co-chaired the ${d(11)} meeting of the China-Kazakhstan Cooperation Committee?`, "who"),
    Q(`Who led the Kazakh delegation to the ${word(7)} meeting of the Sub-Committee on Transport Cooperation?`, "who"),
    Q(`谁出席了中哈合作委员会科技合作分委会第${zh(10)}次会议?`, "who"),
    Q(`Who did ${cnPremier.en} meet in Astana?`, "who"),
    Q(`who is ${kzFm.en.toLowerCase()}`, "who"),
    Q(`${cnVp.zh}和谁举行了会谈?`, "who"),
    Q(`When did ${cnPremier.en} meet ${kzPm.en}?`, "when"),
    Q(`When was the ${d(9)} meeting of the Sub-Committee on Energy Cooperation held?`, "when"),
    Q(`when did ${kzPmSpelling.toLowerCase()} visit beijing`, "when"),
    Q(`中哈合作委员会文化和人文合作分委会第${zh(13)}次会议是什么时候举行的?`, "when"),
    Q(`when was the ${word(3)} china-kazakhstan interregional cooperation forum`, "when"),
    Q(`Where was the ${d(7)} meeting of the Sub-Committee on Transport Cooperation held?`, "where"),
    Q(`Where did ${cnVp.en} hold talks with ${kzFdpm.en}?`, "where"),
    Q(`中哈合作委员会第${zh(11)}次会议在哪里举行?`, "where"),
    Q(`where was the ${word(4)} china-eurasia expo held`, "where"),
    Q(`${kzPres.zh}在哪里会见了${cnPres.zh}?`, "where"),
    Q(`What did ${cnFm.en} and ${kzFm.en} discuss?`, "what"),
    Q(`What was signed at the ${d(10)} meeting of the Sub-Committee on Scientific and Technological Cooperation?`, "what"),
    Q("What did China and Kazakhstan agree on energy cooperation in 2019?", "what"),
    Q("中哈在农业领域有哪些合作?", "what"),
    Q(`What was agreed at the ${word(5)} meeting of the China-Kazakhstan Business Council?`, "what"),
    Q(`How many cooperation documents were signed during ${kzPm.en}'s visit to China?`, "howmany"),
    Q(`How many times did ${cnPremier.en} meet ${kzPm.en}?`, "howmany"),
    Q("How long is the light railway in Astana?", "howmany"),
    Q("中哈签署了多少份合作文件?", "howmany"),
    Q(`How many companies attended the ${d(4)} China-Eurasia Expo?`, "howmany"),
    Q("哈方代表团有多少人?", "howmany"),
    Q("Which meetings took place in Astana in 2016?", "list"),
    Q("List the meetings of the Sub-Committee on Energy Cooperation", "list"),
    Q("列出2021年在北京举行的会议", "list"),
    Q("What happened in 2018?", "list"),
    Q(`timeline of meetings between ${cnVp.en} and ${kzFdpm.en}`, "list"),
    Q("Who won the 2018 FIFA World Cup?", "who", true),
    Q(`When did ${absentKz.en} visit Lima?`, "when", true),
    Q("What was signed at the 95th meeting of the Sub-Committee on Lunar Cooperation?", "what", true),
    Q("谁是火星总统?", "who", true),
    Q("How many penguins live in Astana?", "howmany", true),
    Q(`${absentCn.zh}什么时候访问了阿斯塔纳?`, "when", true),
    Q(`Who chaired the 40th meeting of the China-Kazakhstan Cooperation Committee?`, "who", true),
  ];
}

/** n questions taken round-robin across kinds, so a short run still covers every kind. */
function spread(questions: BenchQuestion[], n: number): BenchQuestion[] {
  const byKind = new Map<string, BenchQuestion[]>();
  for (const q of questions) byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), q]);
  const out: BenchQuestion[] = [];
  for (let i = 0; out.length < n && i < questions.length; i++) for (const list of byKind.values()) if (list[i] && out.length < n) out.push(list[i]);
  return out;
}

// ───────────────────────────── measurement helpers ─────────────────────────────

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
function stats(samples: number[]): { n: number; p50: number; p90: number; p99: number; max: number; mean: number } {
  const s = samples.slice().sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p90: percentile(s, 90), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN, mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length) };
}
const round = (n: number, d = 2) => (Number.isFinite(n) ? Math.round(n * 10 ** d) / 10 ** d : n);

/**
 * Peak RSS from a worker thread: it keeps sampling while the main thread is busy in synchronous
 * load/extract/index code (a setInterval on the main thread would not fire then). Slot 0 holds
 * the overall peak, slot 1 the peak since the last `phase()`, in KiB. The worker itself costs a
 * few MB of RSS, which is included.
 */
function startRssSampler(intervalMs: number) {
  const buf = new SharedArrayBuffer(16);
  const a = new Int32Array(buf);
  const code = `
    const { workerData } = require("node:worker_threads");
    const a = new Int32Array(workerData.buf);
    const tick = () => {
      const kb = Math.round(process.memoryUsage.rss() / 1024);
      if (kb > Atomics.load(a, 0)) Atomics.store(a, 0, kb);
      if (kb > Atomics.load(a, 1)) Atomics.store(a, 1, kb);
      Atomics.add(a, 3, 1);
      if (Atomics.load(a, 2)) clearInterval(timer);
    };
    const timer = setInterval(tick, workerData.ms);
    tick();`;
  let worker: Worker | undefined;
  try {
    worker = new Worker(code, { eval: true, workerData: { buf, ms: intervalMs }, execArgv: [] });
    worker.unref();
  } catch {
    worker = undefined;
  }
  const sampleNow = () => {
    const kb = Math.round(process.memoryUsage.rss() / 1024);
    if (kb > Atomics.load(a, 0)) Atomics.store(a, 0, kb);
    if (kb > Atomics.load(a, 1)) Atomics.store(a, 1, kb);
  };
  return {
    /** Start a new phase: its peak starts from the current RSS. */
    phase(): void {
      Atomics.store(a, 1, 0);
      sampleNow();
    },
    phasePeakMB(): number {
      sampleNow();
      return Atomics.load(a, 1) / 1024;
    },
    peakMB(): number {
      sampleNow();
      return Atomics.load(a, 0) / 1024;
    },
    samples: () => Atomics.load(a, 3),
    async stop(): Promise<void> {
      Atomics.store(a, 2, 1);
      await worker?.terminate();
    },
    threaded: worker !== undefined,
  };
}

// ───────────────────────────── engines (what is measured) ─────────────────────────────

interface Engine {
  articles: number;
  events?: number;
  problems: number;
  problemFiles: string[];
  ask(q: string): { found: boolean };
  /** What the bot builds after loading and before answering anyone (Core.warmUp). */
  warmUp?(): number;
  core?: import("../src/core.ts").Core;
}

async function loadCoreEngine(dataDir: string, snapshot?: string): Promise<Engine> {
  const { Core } = await importCore;
  const core = await Core.load({ dataDir, snapshot, incremental: "always" });
  if (snapshot && core.loaded.from !== "snapshot") throw new Error(`snapshot not used: ${core.loaded.snapshot?.reason}`);
  // Counts only: `summary()` lists every article's title (after a restart it would read them all).
  const problems = core.problems;
  return { articles: core.corpus.articles.length, events: core.corpus.events.length, problems: problems.length, problemFiles: problems.map((p) => p.file), ask: (q) => core.ask(q), warmUp: () => core.warmUp(), core };
}

/** The core's modules, imported when a child starts (timed apart from the load: *import ms*). */
let importCore: Promise<typeof import("../src/core.ts")>;

/** Leftovers of an interrupted incremental measurement (see measureIncremental). */
const INCREMENTAL_DIR = "zz-bench-incremental";

/**
 * Add one article to the corpus folder, change it, remove it, each followed by `core.refresh()`:
 * the update itself (extraction + index, `lastRefresh.ms`) and the whole refresh (with the folder scan).
 * The article is a copy of one of the corpus's own (with its names and dates), so it links to the rest.
 */
async function measureIncremental(engine: Engine, dataDir: string): Promise<RunResult["incremental"]> {
  const core = engine.core!;
  const { mkdirSync: mk, copyFileSync, appendFileSync, rmSync: rm } = await import("node:fs");
  const src = core.corpus.articles[Math.floor(core.corpus.articles.length / 2)]!.file;
  const dir = join(dataDir, INCREMENTAL_DIR);
  const file = join(dir, `added-${process.pid}${extname(src)}`);
  const rel = relative(dataDir, file).split("\\").join("/");
  // Told which file changed, as a file watcher would be (the folder is not listed again).
  const step = async (what: () => void) => {
    what();
    const t = performance.now();
    const change = await core.refresh({ files: [rel] });
    return { updateMs: round(core.lastRefresh!.ms, 2), refreshMs: round(performance.now() - t, 1), mode: core.lastRefresh!.mode, files: change.added.length + change.changed.length + change.removed.length };
  };
  try {
    mk(dir, { recursive: true });
    // What the live corpus does when it starts watching: the first change then costs what later ones do.
    const prepareMs = round(core.prepareUpdates(), 1);
    const add = await step(() => copyFileSync(join(dataDir, src), file));
    const change = await step(() => appendFileSync(file, "\nThe two sides also signed an agreement on logistics cooperation, officials said.\n"));
    const remove = await step(() => rm(file));
    // A refresh that lists and stats the whole folder (nothing changed).
    const t = performance.now();
    await core.refresh();
    return { article: src, prepareMs, add, change, remove, fullScanMs: round(performance.now() - t, 1) };
  } finally {
    rm(dir, { recursive: true, force: true });
  }
}

const CORPUS_EXT = new Set([".txt", ".md", ".html", ".htm"]);
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith(".")) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && CORPUS_EXT.has(extname(e.name).toLowerCase())) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** Issue 6's reference build: MiniSearch over whole article texts, fuzzy + prefix search. */
async function loadNaiveEngine(dataDir: string): Promise<Engine> {
  const { default: MiniSearch } = await import("minisearch");
  const ms = new MiniSearch<{ id: number; text: string }>({ fields: ["text"], searchOptions: { fuzzy: 0.2, prefix: true } });
  const docs: { id: number; text: string }[] = [];
  const problemFiles: string[] = [];
  for (const f of listFiles(dataDir)) {
    const bytes = readFileSync(f);
    if (!bytes.length || bytes.length > 5_000_000 || bytes.includes(0)) {
      problemFiles.push(relative(dataDir, f));
      continue;
    }
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      try {
        text = new TextDecoder("gb18030", { fatal: true }).decode(bytes);
      } catch {
        problemFiles.push(relative(dataDir, f));
        continue;
      }
    }
    if (!text.trim()) problemFiles.push(relative(dataDir, f));
    else docs.push({ id: docs.length, text });
  }
  ms.addAll(docs);
  return { articles: docs.length, problems: problemFiles.length, problemFiles, ask: (q) => ({ found: ms.search(q).length > 0 }) };
}

// ───────────────────────────── child: one corpus, one pipeline ─────────────────────────────

type Pipeline = "core" | "naive" | "restart";
interface ChildSpec {
  label: string;
  pipeline: Pipeline;
  dataDir: string;
  questions: BenchQuestion[];
  reps: number;
  sampleMs: number;
  resultFile: string;
  /** core: write the snapshot here after the questions (timed); restart: load from it. */
  snapshotFile?: string;
  /** core and restart: also time an incremental add/change/remove of one article. */
  incremental?: boolean;
}

interface RunResult {
  label: string;
  pipeline: Pipeline;
  dataDir: string;
  corpus: { files: number; bytes: number; generated?: { count: number; seed: string; broken: number } };
  ok: boolean;
  error?: string;
  load?: { ms: number; importMs?: number; warmMs?: number; articles: number; events?: number; problems: number; articlesPerSec: number; mbPerSec: number };
  latency?: {
    questions: number;
    reps: number;
    firstAskMs: number;
    /** The first full pass (includes first-call costs), not part of the warm numbers. */
    firstPass: ReturnType<typeof stats>;
    warm: ReturnType<typeof stats>;
    byKind: Record<string, { n: number; p50: number; p99: number }>;
    byLang: Record<string, { n: number; p50: number; p99: number }>;
    /** Each question's warm median and worst time, and whether the first warm pass found an answer. */
    perQuestion: { q: string; kind: QKind; lang: "en" | "zh"; absent?: boolean; found: boolean; p50: number; max: number }[];
  };
  answers?: { found: number; notFound: number; absentQuestionsAnsweredFound: number; errors: number; firstError?: string };
  memory?: {
    baselineRssMB: number;
    rssAfterLoadMB: number;
    peakRssLoadMB: number;
    peakRssQueryMB: number;
    peakRssSampledMB: number;
    maxRssMB: number;
    heapUsedAfterLoadMB: number;
    heapUsedAfterGcMB?: number;
    sampler: { intervalMs: number; threaded: boolean; samples: number };
  };
  wallMs?: number;
  snapshot?: { writeMs: number; bytes: number };
  incremental?: { article: string; prepareMs: number; add: IncrementalStep; change: IncrementalStep; remove: IncrementalStep; fullScanMs: number };
}

interface IncrementalStep {
  updateMs: number;
  refreshMs: number;
  mode: string;
  files: number;
}

async function childMain(specFile: string): Promise<void> {
  const spec = JSON.parse(readFileSync(specFile, "utf8")) as ChildSpec;
  const gc = (globalThis as { gc?: () => void }).gc;
  const result: RunResult = { label: spec.label, pipeline: spec.pipeline, dataDir: spec.dataDir, corpus: { files: 0, bytes: 0 }, ok: false };
  const sampler = startRssSampler(spec.sampleMs);
  try {
    gc?.();
    const baseline = process.memoryUsage().rss / MB;
    sampler.phase();
    // The modules first, timed on their own (tsx compiles them; the load time is the bot's work).
    const ti = performance.now();
    if (spec.pipeline !== "naive") await (importCore = import("../src/core.ts"));
    const importMs = performance.now() - ti;
    const t0 = performance.now();
    const engine =
      spec.pipeline === "naive" ? await loadNaiveEngine(spec.dataDir) : await loadCoreEngine(spec.dataDir, spec.pipeline === "restart" ? spec.snapshotFile : undefined);
    // Load time is the time until the bot is ready to answer: it warms up before it answers anyone.
    const warmMs = engine.warmUp?.();
    const loadMs = performance.now() - t0;
    const peakLoad = sampler.phasePeakMB();
    const mem = process.memoryUsage();
    const rssAfterLoad = mem.rss / MB;
    const heapAfterLoad = mem.heapUsed / MB;
    gc?.();
    const heapAfterGc = gc ? process.memoryUsage().heapUsed / MB : undefined;
    const bytes = corpusBytes(spec.dataDir);
    result.load = {
      ms: round(loadMs, 1),
      importMs: spec.pipeline === "naive" ? undefined : round(importMs, 1),
      warmMs: warmMs === undefined ? undefined : round(warmMs, 1),
      articles: engine.articles,
      events: engine.events,
      problems: engine.problems,
      articlesPerSec: round(engine.articles / (loadMs / 1000), 0),
      mbPerSec: round(bytes / MB / (loadMs / 1000), 2),
    };

    sampler.phase();
    let errors = 0;
    let firstError: string | undefined;
    const ask = (q: BenchQuestion): { ms: number; found: boolean } => {
      const t = performance.now();
      try {
        const a = engine.ask(q.q);
        return { ms: performance.now() - t, found: a.found === true };
      } catch (err) {
        errors++;
        firstError ??= `${q.q}: ${err instanceof Error ? err.message : String(err)}`;
        return { ms: performance.now() - t, found: false };
      }
    };
    const first = ask(spec.questions[0]);
    const firstPass = spec.questions.map((q) => ask(q).ms);
    const warm: number[] = [];
    const perQ: number[][] = spec.questions.map(() => []);
    const foundQ: boolean[] = spec.questions.map(() => false);
    const byKind: Record<string, number[]> = {};
    const byLang: Record<string, number[]> = {};
    let found = 0;
    let absentFound = 0;
    for (let r = 0; r < spec.reps; r++) {
      for (const [i, q] of spec.questions.entries()) {
        const a = ask(q);
        warm.push(a.ms);
        perQ[i].push(a.ms);
        (byKind[q.kind] ??= []).push(a.ms);
        (byLang[q.lang] ??= []).push(a.ms);
        if (r === 0) {
          foundQ[i] = a.found;
          if (a.found) found++;
          if (a.found && q.absent) absentFound++;
        }
      }
    }
    const peakQuery = sampler.phasePeakMB();
    const summarize = (m: Record<string, number[]>) =>
      Object.fromEntries(Object.entries(m).map(([k, v]) => { const s = stats(v); return [k, { n: s.n, p50: round(s.p50, 3), p99: round(s.p99, 3) }]; }));
    const roundStats = (s: ReturnType<typeof stats>) => ({ n: s.n, p50: round(s.p50, 3), p90: round(s.p90, 3), p99: round(s.p99, 3), max: round(s.max, 3), mean: round(s.mean, 3) });
    result.latency = {
      questions: spec.questions.length,
      reps: spec.reps,
      firstAskMs: round(first.ms, 2),
      firstPass: roundStats(stats(firstPass)),
      warm: roundStats(stats(warm)),
      byKind: summarize(byKind),
      byLang: summarize(byLang),
      perQuestion: spec.questions.map((q, i) => {
        const st = stats(perQ[i]);
        return { q: q.q, kind: q.kind, lang: q.lang, absent: q.absent, found: foundQ[i], p50: round(st.p50, 3), max: round(st.max, 3) };
      }),
    };
    result.answers = { found, notFound: spec.questions.length - found, absentQuestionsAnsweredFound: absentFound, errors, firstError };
    result.memory = {
      baselineRssMB: round(baseline, 1),
      rssAfterLoadMB: round(rssAfterLoad, 1),
      peakRssLoadMB: round(peakLoad, 1),
      peakRssQueryMB: round(peakQuery, 1),
      peakRssSampledMB: round(sampler.peakMB(), 1),
      maxRssMB: round(process.resourceUsage().maxRSS / 1024, 1),
      heapUsedAfterLoadMB: round(heapAfterLoad, 1),
      heapUsedAfterGcMB: heapAfterGc === undefined ? undefined : round(heapAfterGc, 1),
      sampler: { intervalMs: spec.sampleMs, threaded: sampler.threaded, samples: sampler.samples() },
    };
    if (spec.pipeline === "core" && spec.snapshotFile && engine.core) {
      const { writeSnapshot } = await import("../src/index/snapshot.ts");
      const t = performance.now();
      const bytes = await writeSnapshot(spec.snapshotFile, engine.core.corpus, engine.core.index.save(), { dataDir: spec.dataDir });
      result.snapshot = { writeMs: round(performance.now() - t, 0), bytes };
    }
    // After a build (core) and after a restart from the snapshot (what a running bot usually is).
    if (spec.pipeline !== "naive" && spec.incremental && engine.core) result.incremental = await measureIncremental(engine, spec.dataDir);
    result.ok = true;
  } catch (err) {
    result.error = err instanceof Error ? (err.stack ?? err.message) : String(err);
  }
  await sampler.stop();
  writeFileSync(spec.resultFile, JSON.stringify(result, null, 2));
}

function corpusBytes(dir: string): number {
  return listFiles(dir).reduce((s, f) => s + statSync(f).size, 0);
}

// ───────────────────────────── cold run: one process, 20 questions from stdin ─────────────────────────────

/** `--cold-core --data DIR --result FILE`: load with Core, answer each stdin line as a JSON line, like `ask --json`. */
async function coldCoreMain(dataDir: string, resultFile: string): Promise<void> {
  const t0 = performance.now();
  const { Core } = await import("../src/core.ts");
  const core = await Core.load({ dataDir });
  const loadMs = performance.now() - t0;
  const { createInterface } = await import("node:readline");
  let answered = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    let out: unknown;
    try {
      const a = core.ask(line);
      out = { question: line, found: a.found, answer: a.answer, sources: a.sources };
    } catch (err) {
      out = { question: line, error: err instanceof Error ? err.message : String(err) };
    }
    process.stdout.write(JSON.stringify(out) + "\n");
    answered++;
  }
  writeFileSync(resultFile, JSON.stringify({ loadMs, answered, maxRssKB: process.resourceUsage().maxRSS, totalMs: performance.now() - t0 }));
}

interface ColdResult {
  mode: "cli" | "core";
  /** The CLI started without a snapshot (build) or from the one the build run wrote (snapshot). */
  start?: "build" | "snapshot";
  command: string;
  corpusArticles: number;
  questions: number;
  answers: number;
  ok: boolean;
  wallSec: number;
  /** From the parent's clock: spawn → first JSON answer line on stdout. */
  firstAnswerSec?: number;
  maxRssMB?: number;
  measuredBy: string;
  loadSec?: number;
  note?: string;
  stderrTail?: string;
}

function timeAvailable(): boolean {
  try {
    execFileSync("/usr/bin/time", ["-v", "true"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

async function runCold(mode: "cli" | "core", dataDir: string, articles: number, questions: BenchQuestion[], tmp: string, timeoutMs: number, snapshotDir = "off"): Promise<ColdResult> {
  const resultFile = join(tmp, `cold-${mode}.json`);
  const timeFile = join(tmp, `cold-${mode}.time`);
  rmSync(resultFile, { force: true });
  rmSync(timeFile, { force: true });
  const nodeArgs =
    mode === "cli"
      ? ["--import", "tsx", join(ROOT, "src", "cli", "ask.ts"), "--data", dataDir, "--json"]
      : ["--import", "tsx", SELF, "--cold-core", "--data", dataDir, "--result", resultFile];
  const useTime = timeAvailable();
  const [cmd, args] = useTime ? ["/usr/bin/time", ["-v", "-o", timeFile, process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  const shown = `node ${nodeArgs.map((a) => (a.startsWith(ROOT) ? relative(ROOT, a) : a)).join(" ")} < 20 questions`;
  const t0 = performance.now();
  let firstAnswer: number | undefined;
  let stdout = "";
  let stderr = "";
  const code = await new Promise<number | null>((done) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? "warn", SNAPSHOT_DIR: snapshotDir } });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
      if (firstAnswer === undefined && /^\s*\{.*"question"/m.test(stdout)) firstAnswer = performance.now() - t0;
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      if (stderr.length > 20_000) stderr = stderr.slice(-10_000);
    });
    child.on("close", (c) => {
      clearTimeout(timer);
      done(c);
    });
    child.stdin.end(questions.map((q) => q.q).join("\n") + "\n");
  });
  const wallSec = (performance.now() - t0) / 1000;
  const answers = stdout.split("\n").filter((l) => {
    try {
      return typeof (JSON.parse(l) as { question?: unknown }).question === "string";
    } catch {
      return false;
    }
  }).length;
  let maxRssMB: number | undefined;
  let measuredBy = "parent clock";
  if (useTime && existsSync(timeFile)) {
    const t = readFileSync(timeFile, "utf8");
    const rss = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(t);
    if (rss) maxRssMB = Number(rss[1]) / 1024;
    measuredBy = "/usr/bin/time -v (maxRSS) + parent clock (wall)";
  }
  let loadSec: number | undefined;
  if (mode === "core" && existsSync(resultFile)) {
    const r = JSON.parse(readFileSync(resultFile, "utf8")) as { loadMs: number; maxRssKB: number };
    loadSec = r.loadMs / 1000;
    if (maxRssMB === undefined) {
      maxRssMB = r.maxRssKB / 1024;
      measuredBy = "child's process.resourceUsage().maxRSS + parent clock (wall)";
    }
  }
  const ok = code === 0 && answers === questions.length;
  return {
    mode,
    command: shown,
    corpusArticles: articles,
    questions: questions.length,
    answers,
    ok,
    wallSec: round(wallSec, 2),
    firstAnswerSec: firstAnswer === undefined ? undefined : round(firstAnswer / 1000, 2),
    maxRssMB: maxRssMB === undefined ? undefined : round(maxRssMB, 1),
    measuredBy,
    loadSec: loadSec === undefined ? undefined : round(loadSec, 2),
    note: ok ? undefined : `exit code ${code}, ${answers}/${questions.length} JSON answers`,
    stderrTail: ok ? undefined : stderr.trim().split("\n").slice(-8).join("\n"),
  };
}

// ───────────────────────────── parent ─────────────────────────────

interface Options {
  sizes: number[];
  bundled: boolean;
  seed: string;
  reps: number;
  cold: boolean;
  coldSize: number;
  pipelines: Pipeline[];
  coldCore: boolean;
  sampleMs: number;
  out: string;
  coldTimeoutMs: number;
  timeoutMs: number;
  /** Snapshot restart and incremental update measured after each core run. */
  restart: boolean;
  incremental: boolean;
}

function pipelinesOf(arg: string | undefined, naive: boolean): Pipeline[] {
  const list = (arg ?? "core").split(",").map((s) => s.trim()).filter(Boolean);
  if (naive) list.push("naive");
  for (const p of list) if (p !== "core" && p !== "naive") throw new Error(`unknown pipeline ${p} (core, naive)`);
  return [...new Set(list)] as Pipeline[];
}

/** Sizes of the side-by-side comparison (--compare): 1k and 10k, plus 100k with --large. */
const COMPARE_SIZES = [1000, 10_000];

function parseOptions(argv: string[]): Options {
  const get = (name: string): string | undefined => {
    const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    if (i < 0) return undefined;
    const a = argv[i];
    return a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[i + 1];
  };
  const has = (name: string) => argv.includes(`--${name}`);
  const num = (s: string) => Number(s.trim().replace(/[_,]/g, "").replace(/k$/i, "000"));
  const unknown = argv.filter((a) => a.startsWith("--") && !/^--(sizes|large|seed|reps|no-bundled|no-cold|cold-size|cold-core|naive|pipelines|timeout|sample-ms|out|cold-timeout|compare|no-restart|no-incremental|help)(=|$)/.test(a));
  if (has("help") || unknown.length) {
    console.log("usage: npm run bench [-- --sizes 1000,5000] [--large] [--compare] [--seed S] [--reps N] [--no-bundled] [--no-cold] [--cold-size N] [--cold-core] [--naive | --pipelines core,naive] [--no-restart] [--no-incremental] [--sample-ms N] [--timeout SEC] [--cold-timeout SEC] [--out FILE]");
    if (unknown.length) console.error(`unknown option(s): ${unknown.join(" ")}`);
    process.exit(unknown.length ? 2 : 0);
  }
  const sizesArg = get("sizes");
  const compare = has("compare");
  const sizes = (sizesArg ? sizesArg.split(",").filter((s) => s.trim() && s.trim() !== "bundled").map(num) : compare ? COMPARE_SIZES : [5000]).concat(has("large") ? [LARGE_SIZE] : []);
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`--sizes wants positive integers, got ${sizesArg}`);
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    bundled: !has("no-bundled") && !compare,
    seed: get("seed") ?? "1",
    reps: Number(get("reps") ?? 5),
    cold: !has("no-cold") && !compare,
    coldSize: num(get("cold-size") ?? "5000"),
    pipelines: pipelinesOf(get("pipelines"), has("naive") || compare),
    coldCore: has("cold-core"),
    sampleMs: Number(get("sample-ms") ?? 10),
    out: resolve(get("out") ?? join(OUT_DIR, "latest.json")),
    coldTimeoutMs: Number(get("cold-timeout") ?? 1800) * 1000,
    timeoutMs: Number(get("timeout") ?? 0) * 1000,
    restart: !has("no-restart"),
    incremental: !has("no-incremental"),
  };
}

function machine() {
  const git = (args: string[]) => {
    try {
      return execFileSync("git", args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      return undefined;
    }
  };
  return {
    cpu: os.cpus()[0]?.model ?? "unknown",
    nproc: os.availableParallelism(),
    memoryGB: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    timeV: timeAvailable(),
    git: { commit: git(["rev-parse", "--short", "HEAD"]), uncommittedSrc: (git(["status", "--porcelain", "--", "src"]) ?? "") !== "" },
  };
}

async function ensureCorpus(gen: GenModule, count: number, seed: string): Promise<{ dir: string; generatedSec?: number }> {
  const dir = join(CACHE_DIR, `gen-v${gen.GENERATOR_VERSION}-seed-${seed.replace(/[^\w.-]/g, "_")}-n${count}`);
  const m = gen.readManifest(dir);
  if (m && m.count === count && m.seed === seed && m.version === gen.GENERATOR_VERSION && m.broken.length === BROKEN_FILES) return { dir };
  process.stdout.write(`  generating ${count.toLocaleString("en-US")} articles into ${dir} … `);
  const t0 = performance.now();
  await gen.generateCorpus(dir, count, seed, { broken: BROKEN_FILES });
  const sec = (performance.now() - t0) / 1000;
  console.log(`${sec.toFixed(1)} s`);
  return { dir, generatedSec: round(sec, 1) };
}

async function runChild(spec: ChildSpec, timeoutMs: number): Promise<RunResult> {
  const specFile = spec.resultFile.replace(/\.json$/, ".spec.json");
  writeFileSync(specFile, JSON.stringify(spec));
  rmSync(spec.resultFile, { force: true });
  const t0 = performance.now();
  let timedOut = false;
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((done) => {
    let err = "";
    const child = spawn(process.execPath, ["--import", "tsx", "--expose-gc", SELF, "--child", specFile], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    const timer = timeoutMs > 0 ? setTimeout(() => { timedOut = true; child.kill("SIGKILL"); }, timeoutMs) : undefined;
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
      if (err.length > 20_000) err = err.slice(-10_000);
    });
    child.on("close", (c) => {
      clearTimeout(timer);
      done({ code: c, stderr: err });
    });
  });
  const wallMs = performance.now() - t0;
  if (existsSync(spec.resultFile)) {
    const r = JSON.parse(readFileSync(spec.resultFile, "utf8")) as RunResult;
    r.wallMs = round(wallMs, 0);
    return r;
  }
  const error = timedOut ? `timed out after ${Math.round(timeoutMs / 1000)} s (--timeout) and was killed` : `child exited with ${code}: ${stderr.trim().split("\n").slice(-12).join("\n")}`;
  return { label: spec.label, pipeline: spec.pipeline, dataDir: spec.dataDir, corpus: { files: 0, bytes: 0 }, ok: false, error, wallMs: round(wallMs, 0) };
}

function table(headers: string[], rows: (string | number | undefined)[][]): string {
  const cells = rows.map((r) => r.map((c) => (c === undefined || (typeof c === "number" && !Number.isFinite(c)) ? "–" : String(c))));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]?.length ?? 0)));
  const line = (r: string[]) => "| " + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ") + " |";
  return [line(headers), "|" + widths.map((w, i) => (i === 0 ? ":" : "-") + "-".repeat(w) + (i === 0 ? "-" : ":")).join("|") + "|", ...cells.map(line)].join("\n");
}

function resultsTable(runs: RunResult[]): string {
  return table(
    ["corpus", "pipeline", "articles", "MB", "events", "skipped", "load s", "articles/s", "1st ask ms", "p50 ms", "p90 ms", "p99 ms", "max ms", "found", "peak RSS MB", "maxRSS MB", "heap MB"],
    runs.map((r) =>
      r.ok
        ? [r.label, r.pipeline, r.load!.articles, round(r.corpus.bytes / MB, 1), r.load!.events, r.load!.problems, round(r.load!.ms / 1000, 2), r.load!.articlesPerSec,
            r.latency!.firstAskMs, r.latency!.warm.p50, r.latency!.warm.p90, r.latency!.warm.p99, r.latency!.warm.max,
            `${r.answers!.found}/${r.latency!.questions}`, r.memory!.peakRssSampledMB, r.memory!.maxRssMB, r.memory!.heapUsedAfterGcMB ?? r.memory!.heapUsedAfterLoadMB]
        : [r.label, r.pipeline, "FAILED: " + (r.error ?? "").split("\n")[0].slice(0, 100)],
    ),
  );
}

/** Naive build vs the project's pipeline on the same corpus, with naive ÷ core ratios; and the restart from the snapshot. */
function compareTable(runs: RunResult[]): string | undefined {
  const labels = [...new Set(runs.map((r) => r.label))];
  const rows: (string | number | undefined)[][] = [];
  const ratio = (a?: number, b?: number) => (a !== undefined && b !== undefined && b > 0 ? `${(a / b).toFixed(a / b >= 10 ? 0 : 1)}×` : undefined);
  for (const l of labels) {
    const core = runs.find((r) => r.label === l && r.pipeline === "core" && r.ok);
    const naive = runs.find((r) => r.label === l && r.pipeline === "naive" && r.ok);
    const restart = runs.find((r) => r.label === l && r.pipeline === "restart" && r.ok);
    if (!core || !naive) continue;
    const s = (r: RunResult | undefined) => (r ? round(r.load!.ms / 1000, 2) : undefined);
    rows.push([
      l, s(naive), s(core), ratio(naive.load!.ms, core.load!.ms), s(restart),
      naive.latency!.warm.p50, core.latency!.warm.p50, ratio(naive.latency!.warm.p50, core.latency!.warm.p50),
      naive.latency!.warm.p99, core.latency!.warm.p99, ratio(naive.latency!.warm.p99, core.latency!.warm.p99),
      naive.memory!.peakRssSampledMB, core.memory!.peakRssSampledMB, ratio(naive.memory!.peakRssSampledMB, core.memory!.peakRssSampledMB), restart?.memory!.peakRssSampledMB,
    ]);
  }
  if (!rows.length) return undefined;
  return table(
    ["corpus", "naive load s", "core load s", "naive÷core", "restart s", "naive p50 ms", "core p50 ms", "naive÷core", "naive p99 ms", "core p99 ms", "naive÷core", "naive peak MB", "core peak MB", "naive÷core", "restart peak MB"],
    rows,
  );
}

/** One article added, changed and removed (prepare = the bookkeeping built once beforehand; update = extraction + index; refresh adds reading that file; full scan = listing the folder). */
function incrementalTable(runs: RunResult[]): string | undefined {
  const rows = runs
    .filter((r) => r.ok && r.incremental)
    .map((r) => {
      const i = r.incremental!;
      return [r.label, r.pipeline, i.add.mode, i.prepareMs, i.add.updateMs, i.change.updateMs, i.remove.updateMs, i.add.refreshMs, i.change.refreshMs, i.remove.refreshMs, i.fullScanMs, r.snapshot ? round(r.snapshot.bytes / MB, 0) : undefined, r.snapshot ? round(r.snapshot.writeMs / 1000, 1) : undefined];
    });
  if (!rows.length) return undefined;
  return table(["corpus", "after", "mode", "prepare ms", "add ms", "change ms", "remove ms", "add refresh ms", "change refresh ms", "remove refresh ms", "full scan ms", "snapshot MB", "snapshot write s"], rows);
}

function coldTable(cold: ColdResult[]): string {
  return table(
    ["cold run", "articles", "questions", "answers", "wall s", "first answer s", "load s", "maxRSS MB", "ok", "measured by"],
    cold.map((c) => [c.mode === "cli" ? `ask CLI${c.start ? ` (${c.start})` : ""}` : "Core in a child", c.corpusArticles, c.questions, c.answers, c.wallSec, c.firstAnswerSec, c.loadSec, c.maxRssMB, c.ok ? "yes" : `no (${c.note})`, c.measuredBy]),
  );
}

async function parentMain(argv: string[]): Promise<void> {
  const opts = parseOptions(argv);
  const started = new Date();
  const m = machine();
  console.log(`bench ${started.toISOString()} · ${m.cpu}, ${m.nproc} cpu, ${m.memoryGB} GB · node ${m.node} · commit ${m.git.commit ?? "?"}${m.git.uncommittedSrc ? " (+ uncommitted src changes)" : ""}`);
  const tmp = join(CACHE_DIR, `run-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  const gen: GenModule = await import("./generate-corpus.ts");
  const genQuestions = generatedQuestions(gen, opts.seed);
  const corpora: { label: string; dir: string; questions: BenchQuestion[]; generated?: RunResult["corpus"]["generated"]; generatedSec?: number }[] = [];
  if (opts.bundled) corpora.push({ label: "bundled (data/)", dir: join(ROOT, "data"), questions: bundledQuestions() });
  for (const n of opts.sizes) {
    const { dir, generatedSec } = await ensureCorpus(gen, n, opts.seed);
    corpora.push({ label: `generated ${n.toLocaleString("en-US")}`, dir, questions: genQuestions, generated: { count: n, seed: opts.seed, broken: BROKEN_FILES }, generatedSec });
  }
  const pipelines = opts.pipelines;
  const runs: RunResult[] = [];
  for (const c of corpora) {
    rmSync(join(c.dir, INCREMENTAL_DIR), { recursive: true, force: true });
    const snapshotFile = join(tmp, `snapshot-${runs.length}.snap`);
    // The core pipeline is followed by a restart from the snapshot it wrote (a fresh process again).
    const plan: Pipeline[] = pipelines.flatMap((p) => (p === "core" && opts.restart ? ["core", "restart"] : [p]) as Pipeline[]);
    for (const pipeline of plan) {
      if (pipeline === "restart" && !runs.at(-1)?.snapshot) continue;
      process.stdout.write(`  ${c.label} · ${pipeline} · ${c.questions.length} questions × ${opts.reps} warm passes … `);
      const r = await runChild(
        {
          label: c.label,
          pipeline,
          dataDir: c.dir,
          questions: c.questions,
          reps: opts.reps,
          sampleMs: opts.sampleMs,
          resultFile: join(tmp, `run-${runs.length}.json`),
          snapshotFile: pipeline === "naive" || (pipeline === "core" && !opts.restart) ? undefined : snapshotFile,
          incremental: pipeline !== "naive" && opts.incremental,
        },
        opts.timeoutMs,
      );
      const files = listFiles(c.dir);
      r.corpus = { files: files.length, bytes: files.reduce((s, f) => s + statSync(f).size, 0), generated: c.generated };
      runs.push(r);
      console.log(
        r.ok
          ? `load ${(r.load!.ms / 1000).toFixed(2)} s${r.load!.importMs !== undefined ? ` (+ import ${(r.load!.importMs / 1000).toFixed(2)} s; warm-up ${((r.load!.warmMs ?? 0) / 1000).toFixed(2)} s of it)` : ""}, p50 ${r.latency!.warm.p50} ms, p99 ${r.latency!.warm.p99} ms, peak ${r.memory!.peakRssSampledMB} MB` +
              (r.snapshot ? `; snapshot ${(r.snapshot.bytes / MB).toFixed(0)} MB written in ${(r.snapshot.writeMs / 1000).toFixed(1)} s` : "") +
              (r.incremental ? `; add/change/remove ${r.incremental.add.updateMs}/${r.incremental.change.updateMs}/${r.incremental.remove.updateMs} ms` : "")
          : `FAILED\n${r.error}`,
      );
    }
    rmSync(snapshotFile, { force: true });
  }

  const cold: ColdResult[] = [];
  if (opts.cold) {
    const { dir } = await ensureCorpus(gen, opts.coldSize, opts.seed);
    const articles = opts.coldSize;
    const qs = spread(genQuestions, 20);
    // the ask CLI when it exists; a child calling Core directly when it does not (or when it failed, or with --cold-core)
    const cliExists = existsSync(join(ROOT, "src", "cli", "ask.ts"));
    // The CLI with a snapshot folder of its own: the first run builds (and writes the snapshot on its way
    // out), the second starts from the snapshot.
    const snapDir = join(tmp, "cold-snapshots");
    const runOne = async (mode: "cli" | "core", why?: string, start?: "build" | "snapshot") => {
      process.stdout.write(`  cold ${mode === "cli" ? "ask CLI" : "Core child"}${start ? ` (${start})` : ""} · ${articles.toLocaleString("en-US")} articles · 20 questions … `);
      const r = await runCold(mode, dir, articles, qs, tmp, opts.coldTimeoutMs, mode === "cli" ? snapDir : "off");
      r.start = start;
      if (why) r.note = r.note ? `${why}; ${r.note}` : why;
      cold.push(r);
      console.log(`${r.wallSec} s, first answer ${r.firstAnswerSec ?? "?"} s, maxRSS ${r.maxRssMB ?? "?"} MB${r.ok ? "" : ` — ${r.note}`}`);
      return r;
    };
    if (!cliExists) await runOne("core", "src/cli/ask.ts did not exist at run time: measured through a child process that calls Core directly");
    else {
      const cli = await runOne("cli", undefined, "build");
      if (!cli.ok) await runOne("core", "the ask CLI failed: also measured through a child process that calls Core directly");
      else {
        await runOne("cli", undefined, "snapshot");
        if (opts.coldCore) await runOne("core");
      }
    }
  }

  const finished = new Date();
  const report = {
    note: "Numbers are from the query core as it was at this run (see startedAt and git); they will change as the core is rewritten.",
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    command: `npm run bench${argv.length ? ` -- ${argv.join(" ")}` : ""}`,
    machine: m,
    options: { ...opts, out: relative(ROOT, opts.out) },
    corpora: corpora.map((c) => ({ label: c.label, dir: c.dir, generated: c.generated, generatedSec: c.generatedSec, questions: c.questions })),
    runs,
    cold,
  };
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, JSON.stringify(report, null, 2));
  const dated = join(dirname(opts.out), `bench-${started.toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(dated, JSON.stringify(report, null, 2));
  rmSync(tmp, { recursive: true, force: true });

  console.log("");
  console.log(resultsTable(runs));
  const cmp = compareTable(runs);
  if (cmp) console.log("\n" + cmp);
  const inc = incrementalTable(runs);
  if (inc) console.log("\n" + inc);
  for (const r of runs) {
    if (!r.ok || !r.latency) continue;
    const slow = r.latency.perQuestion.slice().sort((a, b) => b.max - a.max).slice(0, 3);
    console.log(`  slowest (${r.label}, ${r.pipeline}): ${slow.map((s) => `${s.max} ms max / ${s.p50} ms p50 "${s.q.length > 60 ? s.q.slice(0, 57) + "…" : s.q}"`).join("; ")}`);
  }
  if (cold.length) {
    console.log("");
    console.log(coldTable(cold));
    for (const c of cold) if (c.note) console.log(`  note (${c.mode}): ${c.note}`);
    for (const c of cold) if (c.stderrTail) console.log(`  stderr (${c.mode}):\n${c.stderrTail.replace(/^/gm, "    ")}`);
  }
  console.log("");
  console.log(`latency: warm passes only (one untimed-for-p50 first pass before them); "found" counts answers with found=true in one pass (not-found questions included in the mix).`);
  console.log(`peak RSS: sampled every ${opts.sampleMs} ms from a worker thread during load and queries; maxRSS: process.resourceUsage() at the end of the child.`);
  console.log(`wrote ${relative(ROOT, opts.out)} and ${relative(ROOT, dated)}`);
  if (runs.some((r) => !r.ok) || cold.some((c) => !c.ok)) process.exitCode = 1;
}

// ───────────────────────────── entry ─────────────────────────────

const argv = process.argv.slice(2);
if (argv[0] === "--child") {
  await childMain(argv[1]);
} else if (argv[0] === "--cold-core") {
  const arg = (n: string) => argv[argv.indexOf(n) + 1];
  await coldCoreMain(arg("--data"), arg("--result"));
} else {
  await parentMain(argv);
}
