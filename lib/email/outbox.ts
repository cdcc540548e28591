import { dialect } from "@/db/dialect";
import { and, eq, inArray, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { placeholders, prepared } from "@/db/prepared";
import { emailOutbox } from "@/db/schema";
import { afterCommit, transaction, type Tx } from "@/db/transaction";

export type OutgoingEmail = {
  /** Unique per message; re-enqueueing the same key is a no-op, and it becomes the Message-ID. */
  idempotencyKey: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  organizationId?: string | null;
  relatedId?: string | null;
};

const insertEmail = (tx: Tx) =>
  prepared(tx, "outbox.insert", (db) =>
    db
      .insert(emailOutbox)
      .values({
        ...placeholders(
          "idempotencyKey",
          "kind",
          "toAddress",
          "subject",
          "textBody",
          "htmlBody",
          "organizationId",
          "relatedId",
          "nextAttemptAt",
          "createdAt",
        ),
        state: "pending",
      })
      .onConflictDoNothing({ target: emailOutbox.idempotencyKey })
      .prepare(),
  );

// Shared through globalThis: the sender starts in instrumentation, operations run in other bundles.
const hooks = globalThis as { __prcWakeOutbox?: () => void };

/** The server's sender (lib/email/worker.ts) asks to be woken after every commit that queued mail. */
export function wakeOnQueuedEmail(wake: (() => void) | undefined): void {
  hooks.__prcWakeOutbox = wake;
}

/**
 * Queues an email inside the caller's transaction; it is sent only if that transaction
 * commits. The sender is woken right after that commit (no caller needs to remember to), and
 * its poller picks up whatever a process without a sender (a script) queued.
 */
export async function enqueueEmail(tx: Tx, email: OutgoingEmail, now: Date): Promise<void> {
  const wake = hooks.__prcWakeOutbox;
  if (wake) afterCommit(tx, wake);
  await insertEmail(tx).execute({
    idempotencyKey: email.idempotencyKey,
    kind: email.kind,
    toAddress: email.to,
    subject: email.subject,
    textBody: email.text,
    htmlBody: email.html,
    organizationId: email.organizationId ?? null,
    relatedId: email.relatedId ?? null,
    nextAttemptAt: now,
    createdAt: now,
  });
}

export type SendFn = (message: { messageId: string; to: string; subject: string; text: string; html: string }) => Promise<void>;

export const MAX_ATTEMPTS = 8;
/** How long a claimed message is left to its sender before another worker may retry it. */
export const LEASE_MS = 60_000;

/** 5 s, 10 s, 20 s … capped at one hour: SMTP outages are retried without hammering the server. */
export function backoffMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/** SMTP 5xx replies are permanent: retrying cannot help. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/**
 * Claims due messages (pending, or "sending" whose lease ran out because a sender died)
 * with one conditional UPDATE, so two workers never send the same row, then sends them.
 * Returns how many were sent.
 */
export async function deliverDueEmails(db: Db, send: SendFn, now: () => Date, batch = 20): Promise<number> {
  const claimedAt = now();
  const claimed = await transaction(
    db,
    async (tx) => {
      const due = (
        await dialect.skippingLocked(
          tx
            .select({ id: emailOutbox.id })
            .from(emailOutbox)
            .where(and(inArray(emailOutbox.state, ["pending", "sending"]), lte(emailOutbox.nextAttemptAt, claimedAt)))
            .orderBy(emailOutbox.nextAttemptAt)
            .limit(batch),
        )
      ).map((r) => r.id);
      if (due.length === 0) return [];
      return await tx
        .update(emailOutbox)
        .set({ state: "sending", attempts: sql`${emailOutbox.attempts} + 1`, nextAttemptAt: new Date(claimedAt.getTime() + LEASE_MS) })
        .where(
          and(
            inArray(emailOutbox.id, due),
            or(eq(emailOutbox.state, "pending"), eq(emailOutbox.state, "sending")),
            lte(emailOutbox.nextAttemptAt, claimedAt),
          ),
        )
        .returning();
    },
    // Several servers drain one outbox: each skips the rows another is claiming, and the
    // conditional update decides; a serializable conflict would only make them retry.
    { isolation: "read committed" },
  );

  let sent = 0;
  for (const row of claimed) {
    try {
      await send({ messageId: row.idempotencyKey, to: row.toAddress, subject: row.subject, text: row.textBody, html: row.htmlBody });
      await transaction(
        db,
        async (tx) => await tx.update(emailOutbox).set({ state: "sent", sentAt: now(), lastError: null }).where(eq(emailOutbox.id, row.id)),
      );
      sent++;
    } catch (error) {
      const giveUp = isPermanent(error) || row.attempts >= MAX_ATTEMPTS;
      const message = error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500);
      await transaction(
        db,
        async (tx) =>
          await tx
            .update(emailOutbox)
            .set({
              state: giveUp ? "failed" : "pending",
              lastError: message,
              nextAttemptAt: new Date(now().getTime() + backoffMs(row.attempts)),
            })
            .where(eq(emailOutbox.id, row.id)),
      );
    }
  }
  return sent;
}
