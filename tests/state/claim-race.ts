/**
 * Child process for the two-process claim test: opens the state file given as argv[2], waits until
 * the wall clock reaches argv[3] (ms) so both processes start together, then tries to claim the
 * digest of subscription test:race due at argv[4]. Prints {"claimed": true|false, "reason"?}.
 */
import { openSqliteStore } from "../../src/state/sqlite.ts";

const [path, startAt, due] = process.argv.slice(2).map((v, i) => (i === 0 ? v : Number(v))) as [string, number, number];
const store = openSqliteStore(path);
while (Date.now() < startAt) {
  /* spin until the shared start time */
}
const r = await store.claimDigest({
  platform: "test", chatId: "race", reason: "scheduled", key: `test:race:scheduled:${due}`, expectNextRun: due, newNextRun: due + 86_400_000,
  since: 0, until: due, payload: "{}", items: 1, owner: `pid-${process.pid}`, leaseUntil: due + 60_000, now: due,
});
await store.close();
process.stdout.write(JSON.stringify(r.ok ? { claimed: true } : { claimed: false, reason: r.reason }) + "\n");
