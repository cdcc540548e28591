import "server-only";
import { env } from "@/lib/env";
import { serviceContext } from "@/lib/server-context";
import { deliverDueWebhooks } from "./deliver";
import { safePost } from "./outbound";
import { wakeOnQueuedWebhook } from "./queue";

type WorkerState = { running?: Promise<void>; again?: boolean; timer?: NodeJS.Timeout };
// Shared through globalThis: instrumentation and server actions are separate bundles.
const w = ((globalThis as unknown as { __prcWebhooks?: WorkerState }).__prcWebhooks ??= {});

/** Delivers what is due now; one run at a time per process, a kick during a run asks for one more. */
export function kickWebhooks(): Promise<void> {
  if (w.running) {
    w.again = true;
    return w.running;
  }
  w.running = (async () => {
    try {
      const post = safePost(env().WEBHOOK_ALLOWED_HOSTS);
      do {
        w.again = false;
        while ((await deliverDueWebhooks(serviceContext(), post)) > 0) {
          /* keep draining */
        }
      } while (w.again);
    } catch (error) {
      console.error("webhook delivery failed", error);
    } finally {
      w.running = undefined;
    }
  })();
  return w.running;
}

/** Started once per server process (instrumentation.ts): woken after each commit that queued a delivery, and polls for retries. */
export function startWebhookWorker(): void {
  if (w.timer) return;
  wakeOnQueuedWebhook(() => void kickWebhooks());
  w.timer = setInterval(() => void kickWebhooks(), env().OUTBOX_POLL_MS);
  w.timer.unref();
  void kickWebhooks();
}
