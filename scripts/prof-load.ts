/** Debug aid: time Core.load over a folder and a few questions (npx tsx scripts/prof-load.ts DIR). */
import { Core } from "../src/core.ts";
const t0 = performance.now();
const core = await Core.load({ dataDir: process.argv[2]! });
const t1 = performance.now();
console.log(`load ${((t1 - t0) / 1000).toFixed(2)} s, ${core.corpus.articles.length} articles, ${core.corpus.events.length} events, ${core.corpus.persons.length} persons, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
const qs = ["Who co-chaired the 11th committee meeting?", "where was the 5th meeting of the energy sub-committee held?", "How many times did the premiers meet?", "第十次会议在哪里召开?", "What happened in 2019?", "When did the president visit Almaty?", "谁率中方代表团出席了会议?", "How long is the railway?"];
const t2 = performance.now();
for (let i = 0; i < 3; i++) for (const q of qs) core.ask(q);
console.log(`ask ${((performance.now() - t2) / (3 * qs.length)).toFixed(1)} ms/question, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
