/**
 * `npm run seed:large [-- --file data/large.db] [--scale 1]`: a fresh database filled with a
 * large distributor's world (see db/seed-large.ts), then ANALYZE so the query planner knows
 * its shape. Prints the counts and the time taken.
 */
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { migrateDatabase, openDatabase } from "../db/client";
import { seedLarge } from "../db/seed-large";

const { values } = parseArgs({ options: { file: { type: "string", default: "data/large.db" }, scale: { type: "string", default: "1" } } });
const file = values.file!;
const scale = Number(values.scale);
if (!(scale > 0 && scale <= 1)) throw new Error(`--scale must be in (0, 1], not ${values.scale}`);

const started = performance.now();
for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
const db = openDatabase(file);
migrateDatabase(db);
// Bulk loading: nothing is acknowledged to anyone until the end, so durability can wait.
db.$client.pragma("synchronous = OFF");
const counts = seedLarge(db.$client, { scale });
db.$client.exec("ANALYZE");
db.$client.pragma("wal_checkpoint(TRUNCATE)");
db.$client.close();
const seconds = (performance.now() - started) / 1000;
console.table(counts);
console.log(`seed:large wrote ${file} in ${seconds.toFixed(1)} s`);
