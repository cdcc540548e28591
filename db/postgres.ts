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

/**
 * Applies the pending migrations. Servers starting at once on a database behind its
 * migrations each try to apply them: the first commits, the others fail on what it made (a
 * schema or table that now exists). Run again, they find nothing left to apply. No advisory
 * lock: not every PostgreSQL-compatible engine has them (docs/scaling.md).
 */
export async function migratePostgres(db: PostgresDb): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await migrate(db, { migrationsFolder: POSTGRES_MIGRATIONS_FOLDER });
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}
