/**
 * `npm run db:copy -- --from data/demo.db --to postgres://user@host/db`: moves a SQLite
 * database into an empty PostgreSQL one, for the user who outgrows one machine
 * (docs/scaling.md). Migrates the target, refuses one that holds any row, copies every
 * table in one transaction and checks the counts. Stop the app first, or copy a backup
 * (`npm run db:backup`): writes made during the copy are not in it.
 */
import { parseArgs } from "node:util";
import { copySqliteToPostgres, CopyRefused } from "../db/copy";
import { engineOf } from "../db/engine";

function usage(problem: string): never {
  console.error(`${problem}\nusage: npm run db:copy -- --from FILE.db --to postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`);
  process.exit(2);
}

const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } }, strict: true });
if (!values.from) usage("--from names the SQLite file to copy.");
if (!values.to || engineOf(values.to) !== "postgres") usage("--to must be a postgres:// or postgresql:// URL.");

const started = Date.now();
let shown = "";
copySqliteToPostgres(values.from, values.to, (table, rows) => {
  // One line per table, rewritten in place while it grows (a large table takes a while).
  if (process.stdout.isTTY) process.stdout.write(`\r${table}: ${rows} rows`);
  shown = table;
}).then(
  (copied) => {
    if (process.stdout.isTTY && shown) process.stdout.write("\n");
    const total = Object.values(copied).reduce((a, b) => a + b, 0);
    for (const [table, rows] of Object.entries(copied)) console.log(`${table.padEnd(28)} ${rows}`);
    console.log(
      `\ncopied ${total} rows from ${values.from} in ${((Date.now() - started) / 1000).toFixed(1)} s; every table's count checked`,
    );
  },
  (error: unknown) => {
    if (process.stdout.isTTY && shown) process.stdout.write("\n");
    // A refusal is the user's to fix; anything else is a failed copy, rolled back. Drizzle
    // wraps the driver's error: the innermost one says what happened (ECONNREFUSED, a bad row).
    let cause = error;
    while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    console.error(
      error instanceof CopyRefused
        ? error.message
        : `The copy failed${shown ? ` at ${shown}` : ""} and was rolled back, so no row is in the target: ${reason}`,
    );
    process.exit(1);
  },
);
