/** Debug aid: show how a question is parsed and which candidates pass (npx tsx scripts/why.ts DIR "question"). */
import { Core } from "../src/core.ts";
import { parseQuestion } from "../src/query/parse.ts";
import { retrieve } from "../src/query/retrieve.ts";
const core = await Core.load({ dataDir: process.argv[2]! });
const q = process.argv[3]!;
const intent = parseQuestion(q, core.index.vocab);
console.log(JSON.stringify({ ...intent, terms: intent.terms.join(" ") }));
const { candidates, terms } = retrieve(intent, core.index);
console.log("expanded:", terms.join(" "));
for (const c of candidates.slice(0, 5)) console.log(c.score.toFixed(2), c.coverage.toFixed(2), c.sentence.id, c.sentence.text.slice(0, 120));
console.log(core.ask(q).answer);
