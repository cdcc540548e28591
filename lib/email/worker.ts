import "server-only";
import { env } from "@/lib/env";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { deliverDueEmails, wakeOnQueuedEmail, type SendFn } from "./outbox";
import { smtpSender } from "./transport";

type WorkerState = { send?: SendFn; running?: Promise<void>; again?: boolean; timer?: NodeJS.Timeout };
// Shared through globalThis: instrumentation and server actions are separate bundles.
const state = globalThis as unknown as { __prcOutbox?: WorkerState };
const w = (state.__prcOutbox ??= {});

function sender(): SendFn {
  const e = env();
  w.send ??= smtpSender(e.SMTP_URL, e.MAIL_FROM, new URL(e.PUBLIC_BASE_URL).hostname);
  return w.send;
}

/**
 * Delivers what is due now. Called after every commit that queued mail, and by the
 * poller. One run at a time per process; a kick during a run schedules one more run.
 */
export function kickOutbox(): Promise<void> {
  if (w.running) {
    w.again = true;
    return w.running;
  }
  w.running = (async () => {
    try {
      do {
        w.again = false;
        while ((await deliverDueEmails(db(), sender(), systemClock)) > 0) {
          /* keep draining */
        }
      } while (w.again);
    } catch (error) {
      console.error("outbox delivery failed", error);
    } finally {
      w.running = undefined;
    }
  })();
  return w.running;
}

/** Started once per server process (instrumentation.ts): picks up retries and anything a crash left. */
export function startOutboxWorker(): void {
  if (w.timer) return;
  wakeOnQueuedEmail(() => void kickOutbox());
  w.timer = setInterval(() => void kickOutbox(), env().OUTBOX_POLL_MS);
  w.timer.unref();
  void kickOutbox();
}
