import { integer } from "drizzle-orm/sqlite-core";

/** Every time column is milliseconds since the epoch, read back as a Date. */
export const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });
