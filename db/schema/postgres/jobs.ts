import { pgTable, text } from "drizzle-orm/pg-core";
import { timestamp } from "./columns";

export const jobLeases = pgTable("job_leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  until: timestamp("until").notNull(),
});
