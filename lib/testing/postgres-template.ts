/** The database every PostgreSQL test database is copied from: migrated once per run (lib/testing/postgres-setup.ts). */
export const TEMPLATE_DATABASE = "prc_template";
