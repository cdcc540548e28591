import { defineConfig } from "drizzle-kit";

// PostgreSQL, selected by DATABASE_URL. SQLite's: drizzle.config.ts.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/postgres/index.ts",
  out: "./db/migrations-postgres",
});
