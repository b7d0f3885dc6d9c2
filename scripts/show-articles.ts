import { loadRawDocs } from "../src/corpus/load.ts";
import { cleanArticle } from "../src/corpus/clean.ts";
const dir = process.argv[2] ?? "/work/main/data";
const { docs, problems } = await loadRawDocs(dir);
for (const d of docs) {
  const a = cleanArticle(d.file, d.text, d.hash);
  console.log("=====", a.file, "|", a.title, "|", JSON.stringify(a.published), a.langs);
  for (const s of a.sentences) console.log(`  [${s.lang}${s.caption ? ",cap" : ""}] ${s.text}`);
}
console.log(problems);
