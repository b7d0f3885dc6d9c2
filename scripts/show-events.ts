/** Debug aid: print the events and people extracted from a folder (default data/). */
import { buildCorpus } from "../src/corpus/corpus.ts";
const c = await buildCorpus(process.argv[2] ?? "data");
for (const e of c.events) {
  console.log(`${e.id} [${e.kind}] ${JSON.stringify(e.date.year ? [e.date.year, e.date.month, e.date.day, e.date.provenance] : e.date.text || e.date.precision)} @${e.place ?? "-"} ord=${e.ordinal ?? "-"} series=${e.series ?? "-"}`);
  console.log(`   who: ${e.participants.map((p) => `${p.name}(${p.role}${p.country ? "," + p.country : ""})`).join("; ")}`);
  if (e.documents.length) console.log(`   docs: ${e.documents.join(" | ")}`);
  if (e.topics.length) console.log(`   topics: ${e.topics.join(" | ")}`);
  if (e.date.note) console.log(`   date note: ${e.date.note}`);
}
for (const p of c.persons) console.log("PERSON", p.id, p.aliases.join(" / "), "|", p.country, "|", p.titles.slice(0, 2).join(" / "));
