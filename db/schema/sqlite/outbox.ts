import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { timestamp } from "./columns";
import { OUTBOX_STATES } from "../../values/outbox";

/**
 * Email waits here, written in the same transaction as the change it reports, and is
 * delivered by the outbox worker after commit (never inside a transaction). The
 * idempotency key doubles as the SMTP Message-ID, so a resent message is recognisable.
 */
export const emailOutbox = sqliteTable(
  "email_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    organizationId: text("organization_id"),
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    state: text("state", { enum: OUTBOX_STATES }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at").notNull(),
    lastError: text("last_error"),
    relatedId: text("related_id"),
    createdAt: timestamp("created_at").notNull(),
    sentAt: timestamp("sent_at"),
  },
  (t) => [
    index("email_outbox_due_idx").on(t.state, t.nextAttemptAt),
    index("email_outbox_org_related_idx").on(t.organizationId, t.relatedId),
  ],
);
