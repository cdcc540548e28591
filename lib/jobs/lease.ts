import { lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobLeases } from "@/db/schema";
import { transaction } from "@/db/transaction";

/**
 * Claims the current tick of a scheduled job for `holder`, one conditional upsert: true
 * when no other server holds it, and the claim then lasts `forMs`. With several servers on
 * one database, the one whose tick comes first runs it and the others skip until the claim
 * runs out, so each period's work happens once (it would be correct twice: every step of
 * the job is a conditional transition; once is cheaper and sends nothing twice).
 */
export async function claimTick(db: Db, job: string, holder: string, now: Date, forMs: number): Promise<boolean> {
  const until = new Date(now.getTime() + forMs);
  const claimed = await transaction(
    db,
    async (tx) =>
      await tx
        .insert(jobLeases)
        .values({ name: job, holder, until })
        .onConflictDoUpdate({ target: jobLeases.name, set: { holder, until }, setWhere: lte(jobLeases.until, now) })
        .returning({ holder: jobLeases.holder }),
    // The conditional upsert decides alone: nothing to gain from serializable retries.
    { isolation: "read committed" },
  );
  return claimed.length === 1;
}
