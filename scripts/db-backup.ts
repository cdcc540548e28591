/**
 * `npm run db:backup [-- --db FILE] [--out FILE]`: a consistent copy of the database while
 * the app serves traffic (SQLite online backup API). The database defaults to DATABASE_PATH,
 * the copy to backups/<name>-<time>.db.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase } from "../db/backup";

const { values } = parseArgs({ options: { db: { type: "string" }, out: { type: "string" } } });
const source = values.db ?? process.env.DATABASE_PATH ?? "data/demo.db";
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const out = values.out ?? path.join("backups", `${path.basename(source, ".db")}-${stamp}.db`);
mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
backupDatabase(source, out).then(
  ({ pages }) => console.log(`backed up ${source} to ${out} (${pages} pages, integrity ok)`),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
