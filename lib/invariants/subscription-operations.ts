import { subscriptions } from "@/db/schema";
import { changeSeats, SUBSCRIPTION_STATE_CHANGES } from "@/lib/subscriptions/changes";
import { createSubscription, recordSubscription } from "@/lib/subscriptions/service";
import { DAY } from "@/lib/testing/fixtures";
import { choose, pick, type Op } from "./operations";
import { activeRelationshipPairs, customerOf, inOrder, partnerOf, type World } from "./world";
import { execute } from "@/lib/operations/execute";

/*
 * The subscription operations of the invariant test: the only operations allowed to change a
 * subscription. Each notes whose behalf it acted on (w.subscriptionActor), so the test can
 * check it changed only one of that organization's own.
 */
type SubscriptionOp = Extract<Op, { kind: "sell" | "record" | "changeSubscription" }>;

const activeRelationships = async (w: World) => await activeRelationshipPairs(w.t.ctx.db);

export async function runSubscriptionOp(w: World, o: SubscriptionOp): Promise<boolean> {
  const ctx = w.t.ctx;
  const db = ctx.db;
  switch (o.kind) {
    case "sell": {
      const everyPair = w.partners.flatMap((p) => w.customers.map((c) => ({ partnerId: p.id, customerId: c.id })));
      const pair = choose(await activeRelationships(w), everyPair, o.i, o.wild)!;
      const p = partnerOf(w, pair.partnerId);
      const product = choose(
        w.products.filter((x) => x.cloud === p.cloud),
        w.products,
        o.product,
        o.wild,
      )!;
      w.subscriptionActor = { side: "partner", id: p.id };
      await execute(createSubscription, ctx, p.admin, {
        partnerId: p.id,
        customerId: pair.customerId,
        productId: product.id,
        seats: o.seats,
        term: "P1Y",
      });
      return true;
    }
    case "record": {
      const c = pick(w.customers, o.c)!;
      const product = choose(
        w.products.filter((x) => x.cloud === c.cloud),
        w.products,
        o.product,
        o.wild,
      )!;
      w.subscriptionActor = { side: "customer", id: c.id };
      await execute(recordSubscription, ctx, c.ga, {
        customerId: c.id,
        productId: product.id,
        seats: 10,
        channel: "direct",
        termEndsAt: new Date(ctx.now().getTime() + 365 * DAY),
      });
      return true;
    }
    case "changeSubscription": {
      const subs = await db.select().from(subscriptions).orderBy(inOrder);
      const mine = subs.filter((x) => (o.byCustomer ? x.partnerOfRecordId === null : x.partnerOfRecordId !== null));
      const sub = choose(mine, subs, o.i, o.wild);
      if (!sub) return false;
      // The acting side: the customer for what it recorded, else the partner of record (or, wild, any partner).
      const c = customerOf(w, sub.customerId);
      const partner = sub.partnerOfRecordId && !o.wild ? partnerOf(w, sub.partnerOfRecordId) : pick(w.partners, o.i)!;
      const [actor, organizationId, side] =
        o.byCustomer && c ? [c.ga, c.id, "customer" as const] : [partner.admin, partner.id, "partner" as const];
      w.subscriptionActor = { side, id: organizationId };
      const ref = { organizationId, subscriptionId: sub.id };
      if (o.change === "seats") await execute(changeSeats, ctx, actor, { ...ref, seats: o.seats });
      else await execute(SUBSCRIPTION_STATE_CHANGES[o.change], ctx, actor, ref);
      return true;
    }
  }
}
