import { applyMigrations, closeDatabase, openAppDatabase } from "../db/connect";

/**
 * Applies the committed drizzle-kit migrations: to PostgreSQL when DATABASE_URL names it,
 * otherwise to the given (or configured) SQLite file.
 */
async function main() {
  const url = process.env.DATABASE_URL || undefined;
  const file = process.argv[2] ?? process.env.DATABASE_PATH ?? "data/demo.db";
  const db = openAppDatabase({ url, path: file });
  await applyMigrations(db);
  await closeDatabase(db);
  console.log(`Migrated ${url ? "the PostgreSQL database" : file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
