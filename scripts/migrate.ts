import { migrateDatabase, openDatabase } from "../db/client";

/** Applies the committed drizzle-kit migrations to the configured (or given) database file. */
const file = process.argv[2] ?? process.env.DATABASE_PATH ?? "data/demo.db";
const db = openDatabase(file);
migrateDatabase(db);
db.$client.close();
console.log(`Migrated ${file}`);
