import { and, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { z } from "zod";
import { dialect } from "@/db/dialect";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { transaction } from "@/db/transaction";
import type { ServiceContext } from "@/lib/context";
import { execute } from "@/lib/operations/execute";
import { defineOperation } from "@/lib/operations/define";
import { disableEndpoint } from "./disable";
import type { PostFn } from "./outbound";
import { signedHeaders } from "./signature";

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * The wait after each failed attempt, as Svix's schedule: at once, then 5 s, 5 min, 30 min,
 * 2 h, 5 h, 10 h and 10 h, eight attempts over about a day and a quarter; then it has failed.
 */
export const RETRY_DELAYS_MS = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** An endpoint whose every delivery has failed for this long is switched off, and its admins are told. */
export const FAILING_DISABLE_MS = 5 * 24 * HOUR;
/** How long a claimed delivery is left to its sender before another server may take it (more than the 10 s timeout). */
export const LEASE_MS = 60 * SECOND;

type Claimed = typeof webhookDeliveries.$inferSelect;

/**
 * Claims due deliveries of enabled endpoints with one conditional UPDATE, so two servers
 * never send the same one (the email outbox's way), then posts them side by side and
 * records each outcome. Returns how many were claimed.
 */
export async function deliverDueWebhooks(ctx: ServiceContext, post: PostFn, batch = 50): Promise<number> {
  const claimedAt = ctx.now();
  const enabled = ctx.db.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(isNull(webhookEndpoints.disabledAt));
  const claimed: Claimed[] = await transaction(
    ctx.db,
    async (tx) => {
      const due = (
        await dialect.skippingLocked(
          tx
            .select({ id: webhookDeliveries.id })
            .from(webhookDeliveries)
            .where(
              and(
                inArray(webhookDeliveries.state, ["pending", "sending"]),
                lte(webhookDeliveries.nextAttemptAt, claimedAt),
                inArray(webhookDeliveries.endpointId, enabled),
              ),
            )
            .orderBy(webhookDeliveries.nextAttemptAt)
            .limit(batch),
        )
      ).map((r) => r.id);
      if (due.length === 0) return [];
      return await tx
        .update(webhookDeliveries)
        .set({
          state: "sending",
          attempts: sql`${webhookDeliveries.attempts} + 1`,
          nextAttemptAt: new Date(claimedAt.getTime() + LEASE_MS),
        })
        .where(
          and(
            inArray(webhookDeliveries.id, due),
            or(eq(webhookDeliveries.state, "pending"), eq(webhookDeliveries.state, "sending")),
            lte(webhookDeliveries.nextAttemptAt, claimedAt),
          ),
        )
        .returning();
    },
    // As the email outbox: skip what another server is claiming; the conditional update decides.
    { isolation: "read committed" },
  );
  if (claimed.length === 0) return 0;
  const endpoints = new Map(
    (
      await ctx.db
        .select()
        .from(webhookEndpoints)
        .where(
          inArray(
            webhookEndpoints.id,
            claimed.map((d) => d.endpointId),
          ),
        )
    ).map((e) => [e.id, e]),
  );
  await Promise.all(
    claimed.map(async (d) => {
      const endpoint = endpoints.get(d.endpointId);
      if (!endpoint) return;
      const at = ctx.now();
      const secrets = [endpoint.secret];
      if (endpoint.previousSecret && endpoint.previousSecretUntil && endpoint.previousSecretUntil > at)
        secrets.push(endpoint.previousSecret);
      let outcome: AttemptOutcome;
      try {
        const answer = await post(endpoint.url, signedHeaders(secrets, d.id, at, d.body), d.body);
        outcome = { status: answer.status, durationMs: answer.durationMs, response: answer.response, error: null };
      } catch (error) {
        outcome = {
          status: null,
          durationMs: null,
          response: null,
          error: (error instanceof Error ? error.message : String(error)).slice(0, 500),
        };
      }
      await execute(recordWebhookAttempt, ctx, "system", { deliveryId: d.id, attempts: d.attempts, ...outcome });
    }),
  );
  return claimed.length;
}

const attemptOutcome = z.object({
  status: z.number().nullable(),
  durationMs: z.number().nullable(),
  response: z.string().nullable(),
  error: z.string().nullable(),
});
type AttemptOutcome = z.infer<typeof attemptOutcome>;

/**
 * One attempt's outcome: 2xx delivered; 410 Gone switches the endpoint off at once; anything
 * else (another status, no answer, a refused address) waits for the next attempt, or has
 * failed after the last. An endpoint failing for five days is switched off.
 */
export const recordWebhookAttempt = defineOperation({
  name: "webhook.delivery.record_attempt",
  input: attemptOutcome.extend({ deliveryId: z.string(), attempts: z.number().int() }),
  authorize: { system: true },
  async run(ctx, input) {
    const { tx } = ctx;
    const now = ctx.now();
    const delivered = input.status !== null && input.status >= 200 && input.status < 300;
    const last = input.attempts >= MAX_ATTEMPTS;
    const [delivery] = await tx
      .update(webhookDeliveries)
      .set({
        state: delivered ? "delivered" : last || input.status === 410 ? "failed" : "pending",
        deliveredAt: delivered ? now : null,
        nextAttemptAt: new Date(now.getTime() + (RETRY_DELAYS_MS[input.attempts - 1] ?? 0)),
        lastStatus: input.status,
        lastDurationMs: input.durationMs,
        lastResponse: input.response,
        lastError: input.error,
      })
      // Only the claim this attempt made: a redelivery started meanwhile is left alone.
      .where(
        and(
          eq(webhookDeliveries.id, input.deliveryId),
          eq(webhookDeliveries.state, "sending"),
          eq(webhookDeliveries.attempts, input.attempts),
        ),
      )
      .returning({ endpointId: webhookDeliveries.endpointId });
    if (!delivery) return;
    const [endpoint] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, delivery.endpointId));
    if (!endpoint) return;
    if (delivered) {
      if (endpoint.failingSince) await tx.update(webhookEndpoints).set({ failingSince: null }).where(eq(webhookEndpoints.id, endpoint.id));
      return;
    }
    if (input.status === 410) return await disableEndpoint(ctx, endpoint, "gone");
    const failingSince = endpoint.failingSince ?? now;
    if (now.getTime() - failingSince.getTime() >= FAILING_DISABLE_MS) return await disableEndpoint(ctx, endpoint, "failing");
    if (!endpoint.failingSince) await tx.update(webhookEndpoints).set({ failingSince: now }).where(eq(webhookEndpoints.id, endpoint.id));
  },
});
