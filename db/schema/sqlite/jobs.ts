import { sqliteTable, text } from "drizzle-orm/sqlite-core";
import { timestamp } from "./columns";

/**
 * Who runs a scheduled job's current tick: with several servers on one database, each
 * tick's work happens once. A server claims the row when the last claim has run out
 * (lib/jobs/lease.ts); no advisory locks, which not every PostgreSQL-compatible engine has.
 */
export const jobLeases = sqliteTable("job_leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  until: timestamp("until").notNull(),
});
