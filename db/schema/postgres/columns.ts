import { timestamp as pgTimestamp } from "drizzle-orm/pg-core";

/** Every time column is a timestamptz, read back as a Date (SQLite's are integer milliseconds). */
export const timestamp = (name: string) => pgTimestamp(name, { withTimezone: true, mode: "date" });
