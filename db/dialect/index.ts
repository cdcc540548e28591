import { ENGINE } from "../engine";
import { postgresDialect } from "./postgres";
import { sqliteDialect } from "./sqlite";

/**
 * SQL that only one engine understands, one small module per dialect, chosen with the
 * process's engine like the tables (db/schema). Shared code writes none of its own: it asks
 * for these. (`holdsGlobalAdministrator` is the schema's, since a partial index uses it.)
 */
export const dialect: typeof sqliteDialect = ENGINE === "postgres" ? (postgresDialect as unknown as typeof sqliteDialect) : sqliteDialect;
