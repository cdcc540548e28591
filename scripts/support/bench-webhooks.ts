/**
 * Webhook delivery figures for `npm run bench`, in this process on the bench's database: a
 * loopback receiver, one endpoint, and the real sender (deliverDueWebhooks with the checked
 * outbound client), woken after each commit as the server's is.
 *   - deliveries per second: 2,000 events queued, then drained;
 *   - p95 from commit to receipt: events committed one at a time at a steady rate.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { webhookEndpoints } from "../../db/schema";
import { transaction } from "../../db/transaction";
import { systemClock } from "../../lib/clock";
import { execute } from "../../lib/operations/execute";
import { startReceiver } from "../../lib/testing/webhook-receiver";
import { deliverDueWebhooks } from "../../lib/webhooks/deliver";
import { createWebhookEndpoint } from "../../lib/webhooks/operations";
import { safePost } from "../../lib/webhooks/outbound";
import { queueWebhookEvent } from "../../lib/webhooks/queue";

const p95 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.max(0, Math.ceil(samples.length * 0.95) - 1)] ?? 0;

export async function webhookFigures(db: Db, organizationId: string, maker: { userId: string; email: string }) {
  const arrived = new Map<number, number>();
  const receiver = await startReceiver((_n, r) => {
    arrived.set((JSON.parse(r.body) as { data: { seq: number } }).data.seq, performance.now());
    return { status: 204 };
  });
  const ctx = { db, now: systemClock, config: { invitationTtlDays: 14, publicBaseUrl: "", webhookAllowedHosts: ["127.0.0.1"] } };
  const endpoint = await execute(createWebhookEndpoint, ctx, maker, {
    organizationId,
    url: receiver.url,
    description: "bench",
    eventTypes: ["partner-suspended"],
  });
  const post = safePost(["127.0.0.1"]);
  let running: Promise<void> | undefined;
  let again = false;
  const kick = () => {
    if (running) return void (again = true);
    running = (async () => {
      do {
        again = false;
        while ((await deliverDueWebhooks(ctx, post, 100)) > 0) {
          /* drain */
        }
      } while (again);
      running = undefined;
    })();
  };
  const queue = async (seqs: number[]) =>
    await transaction(db, async (tx) => {
      for (const seq of seqs)
        await queueWebhookEvent(tx, { organizationId, type: "partner-suspended", data: { seq }, at: new Date() }, endpoint.id);
    });
  const until = async (n: number) => {
    while (arrived.size < n) await new Promise((r) => setTimeout(r, 5));
  };
  try {
    // Throughput: a backlog of 2,000, drained.
    const backlog = 2_000;
    for (let i = 0; i < backlog; i += 200) await queue(Array.from({ length: 200 }, (_, k) => i + k));
    const started = performance.now();
    kick();
    await until(backlog);
    const perSecond = backlog / ((performance.now() - started) / 1000);
    await running;
    // Latency: one event a commit, 100 a second for 5 s, each waking the sender after its commit.
    arrived.clear();
    const committed = new Map<number, number>();
    const steady = 500;
    for (let seq = 0; seq < steady; seq++) {
      await queue([seq]);
      committed.set(seq, performance.now());
      kick();
      await new Promise((r) => setTimeout(r, 10));
    }
    await until(steady);
    const latencies = [...committed].map(([seq, at]) => arrived.get(seq)! - at);
    return { perSecond, p95Ms: p95(latencies) };
  } finally {
    await running;
    await transaction(db, async (tx) => await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)));
    await receiver.close();
  }
}
