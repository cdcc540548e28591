import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import path from "node:path";
import { Pool } from "pg";
import * as schema from "./schema/postgres";

export type PostgresDb = NodePgDatabase<typeof schema> & { $client: Pool };

export const POSTGRES_MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations-postgres");

/**
 * A PostgreSQL database behind a pool of `poolSize` connections: reads outside a
 * transaction take any free connection; a transaction holds one until it ends.
 */
export function openPostgres(url: string, poolSize = 10, idleTimeoutMillis = 10_000): PostgresDb {
  return drizzle(new Pool({ connectionString: url, max: poolSize, idleTimeoutMillis }), { schema }) as PostgresDb;
}

export async function migratePostgres(db: PostgresDb): Promise<void> {
  await migrate(db, { migrationsFolder: POSTGRES_MIGRATIONS_FOLDER });
}
