/**
 * `npm run eval -- FILE.jsonl [--data DIR] [--verbose] [--strict]`: score a question file exactly as
 * ../shared/eval/README.md says (`--strict`: the accept strings must be in the bot's own words, not
 * only in the sentence it quotes — the stricter reading a user makes). Questions go through the CLI contract (`ask --json`, stdin → one
 * JSON line each); a `none` question passes when found is false; any other passes when found is true,
 * the answer is ≤ 700 characters and every accept group matches inside the answer (case-insensitive).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface EvalQuestion {
  id: string;
  kind: string;
  q: string;
  accept: string[][];
}

export interface EvalResult {
  id: string;
  kind: string;
  pass: boolean;
  answer: string;
  found: boolean;
}

/** The bot's own words: the answer without the sentence it quotes ("X. — “…”", "X。依据:“…”"). */
export function directPart(answer: string): string {
  const i = answer.search(/ — “|。依据:“/);
  return i >= 0 ? answer.slice(0, i) : answer;
}

/** Does one CLI answer pass one question? */
export function judge(q: EvalQuestion, a: { found: boolean; answer: string }, strict = false): boolean {
  if (q.kind === "none") return a.found === false;
  if (!a.found || a.answer.length > 700) return false;
  const text = (strict ? directPart(a.answer) : a.answer).toLowerCase();
  return q.accept.every((group) => group.some((s) => text.includes(s.toLowerCase())));
}

export function summarize(results: EvalResult[]): string {
  const kinds = [...new Set(results.map((r) => r.kind))];
  const lines = kinds.map((k) => {
    const rs = results.filter((r) => r.kind === k);
    return `  ${k.padEnd(8)} ${rs.filter((r) => r.pass).length}/${rs.length}`;
  });
  return [...lines, `Score: ${results.filter((r) => r.pass).length}/${results.length}`].join("\n");
}

function main(): void {
  const argv = process.argv.slice(2);
  const file = argv.find((a) => !a.startsWith("--") && argv[argv.indexOf(a) - 1] !== "--data");
  if (!file) {
    process.stderr.write("usage: npm run eval -- FILE.jsonl [--data DIR] [--verbose] [--strict]\n");
    process.exit(2);
  }
  const di = argv.indexOf("--data");
  const data = di >= 0 ? argv[di + 1] : undefined;
  const verbose = argv.includes("--verbose");
  const strict = argv.includes("--strict");
  const questions: EvalQuestion[] = readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
  const askScript = fileURLToPath(new URL("./ask.ts", import.meta.url));
  const run = spawnSync(process.execPath, ["--import", "tsx", askScript, "--json", ...(data ? ["--data", data] : [])], {
    input: questions.map((q) => q.q.replace(/\n/g, " ")).join("\n") + "\n",
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    process.stderr.write(run.stderr);
    process.exit(1);
  }
  const answers = run.stdout.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as { found: boolean; answer: string });
  const results: EvalResult[] = questions.map((q, i) => {
    const a = answers[i] ?? { found: false, answer: "" };
    return { id: q.id, kind: q.kind, pass: judge(q, a, strict), answer: a.answer, found: a.found };
  });
  for (const r of results) if (verbose || !r.pass) process.stdout.write(`${r.pass ? "PASS" : "FAIL"} ${r.id} [${r.kind}] ${questions.find((q) => q.id === r.id)!.q}\n     → ${r.found ? "" : "(not found) "}${r.answer.slice(0, 300)}\n`);
  process.stdout.write(summarize(results) + "\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
