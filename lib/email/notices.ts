import type { Recipient } from "@/lib/auth/recipients";
import type { Tx } from "@/db/transaction";
import { enqueueEmail } from "./outbox";
import { noticeEmail, type NoticeKind } from "./templates";

type PerRecipient<T> = T | ((to: Recipient) => T);
const each = <T>(v: PerRecipient<T>, to: Recipient): T => (typeof v === "function" ? (v as (to: Recipient) => T)(to) : v);

/**
 * One short notice to each recipient, in their own language, queued in the caller's
 * transaction (it leaves after commit). `key` makes it unique per event; with the
 * recipient's address it is the outbox's idempotency key, so queueing twice sends once.
 */
export async function enqueueNotices(
  tx: Tx,
  recipients: Recipient[],
  n: {
    kind: NoticeKind;
    outboxKind: string;
    key: string;
    vars: PerRecipient<Record<string, string>>;
    url: PerRecipient<string>;
    relatedId: string;
    now: Date;
  },
): Promise<void> {
  for (const to of recipients) {
    await enqueueEmail(
      tx,
      {
        idempotencyKey: `${n.key}.${to.email}`,
        kind: n.outboxKind,
        to: to.email,
        organizationId: to.organizationId,
        relatedId: n.relatedId,
        ...noticeEmail({ locale: to.locale, kind: n.kind, vars: each(n.vars, to), url: each(n.url, to) }),
      },
      n.now,
    );
  }
}
