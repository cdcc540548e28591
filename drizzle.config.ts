import { defineConfig } from "drizzle-kit";

// SQLite, the embedded default. PostgreSQL's twin: drizzle.postgres.config.ts (`npm run db:generate` runs both).
export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema/sqlite/index.ts",
  out: "./db/migrations",
});
