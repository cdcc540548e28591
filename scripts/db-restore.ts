/**
 * `npm run db:restore FILE [-- --db TARGET]`: puts a backup's content into the database
 * (DATABASE_PATH by default). Stop the server first: a running server keeps its own view.
 */
import { parseArgs } from "node:util";
import { restoreDatabase } from "../db/backup";

const { values, positionals } = parseArgs({ options: { db: { type: "string" } }, allowPositionals: true });
const backup = positionals[0];
if (!backup) {
  console.error("usage: npm run db:restore BACKUP_FILE [-- --db TARGET]");
  process.exit(2);
}
const target = values.db ?? process.env.DATABASE_PATH ?? "data/demo.db";
restoreDatabase(backup, target).then(
  ({ pages }) => console.log(`restored ${target} from ${backup} (${pages} pages, integrity ok)`),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
