import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import { ENGINE } from "@/db/engine";
import { isDomainError } from "@/lib/errors";
import { rawAll } from "@/lib/testing/raw";
import { op, OP_KINDS, run, SUBSCRIPTION_OPS } from "./operations";
import { buildWorld, type World } from "./world";

/**
 * The product's central promise (multi-partner changes nothing else; national clouds never mix), checked against random
 * sequences of every relationship operation and every subscription operation: no
 * relationship operation changes a subscription row (its owner, term, channel or partner of
 * record); a subscription operation changes or adds at most one row, and only one of its
 * actor's own (one it is partner of record of, or a customer's own with no partner of
 * record); and no relationship of any kind crosses a national cloud. Operations the rules refuse are part of the sequence too: a refusal must
 * be a DomainError and change nothing that matters; anything else thrown fails the property.
 *
 * `npm test` runs a fixed seed; `npm run test:invariants -- --runs 5000` runs longer.
 */
const RUNS = inject("invariantRuns");
const PER_RUN_MS = { sqlite: 300, postgres: 2_000 } as const;
const SEED = inject("invariantSeed");

declare module "vitest" {
  export interface ProvidedContext {
    invariantRuns: number;
    invariantSeed: number;
  }
}

/** Rows of any relationship table whose two organizations are in different clouds. */
async function ids(w: World, sql: string): Promise<string[]> {
  return (await rawAll<{ id: string }>(w.t.ctx.db, sql)).map((r) => r.id);
}

async function crossCloudRows(w: World): Promise<string[]> {
  const q = async (sql: string) => await ids(w, sql);
  const pair = (table: string, a: string, b: string) =>
    q(
      `select x.id from ${table} x join organizations oa on oa.id = x.${a} join organizations ob on ob.id = x.${b} where oa.cloud <> ob.cloud`,
    );
  const found = await Promise.all([
    pair("reseller_relationships", "partner_id", "customer_id"),
    pair("reseller_relationships", "partner_id", "provider_id"),
    pair("reseller_relationships", "partner_id", "reseller_id"),
    pair("admin_relationships", "partner_id", "customer_id"),
    pair("partnerships", "provider_id", "reseller_id"),
    pair("support_assignments", "partner_id", "customer_id"),
    pair("invitations", "partner_id", "customer_id"),
    pair("invitations", "partner_id", "provider_id"),
  ]);
  return found.flat();
}

/** Active support assignments whose partner holds no admin roles in the tenant any more. */
async function orphanedSupport(w: World): Promise<string[]> {
  return await ids(
    w,
    `select s.id from support_assignments s where s.state = 'active' and not exists (
       select 1 from admin_relationships a where a.partner_id = s.partner_id and a.customer_id = s.customer_id and a.state in ('active', 'expiring'))`,
  );
}

/** Rule 9 over time: admin roles in force only with an active reseller relationship; access assignments in force only with an admin relationship in force. */
async function rightsOutlivingTheirGround(w: World): Promise<string[]> {
  const q = async (sql: string) => await ids(w, sql);
  return [
    ...(await q(`select a.id from admin_relationships a where a.state in ('active', 'expiring') and not exists (
            select 1 from reseller_relationships r where r.partner_id = a.partner_id and r.customer_id = a.customer_id and r.state = 'active')`)),
    ...(await q(
      `select x.id from access_assignments x join admin_relationships a on a.id = x.admin_relationship_id where x.state <> 'deleted' and a.state not in ('active', 'expiring')`,
    )),
  ];
}

type SubscriptionRow = { id: string; customer_id: string; partner_of_record_id: string | null };

async function subscriptionRows(w: World): Promise<Map<string, { json: string; row: SubscriptionRow }>> {
  const rows = await rawAll<SubscriptionRow>(w.t.ctx.db, "select * from subscriptions");
  return new Map(rows.map((r) => [r.id, { json: JSON.stringify(r), row: r }]));
}

/** What a step did to the subscriptions: the rows it added or changed, and any it removed. */
function subscriptionChanges(before: Awaited<ReturnType<typeof subscriptionRows>>, after: Awaited<ReturnType<typeof subscriptionRows>>) {
  const touched = [...after.values()].filter((a) => before.get(a.row.id)?.json !== a.json).map((a) => a.row);
  const removed = [...before.keys()].filter((id) => !after.has(id));
  return { touched, removed };
}

describe("the relationship invariant", () => {
  it(
    `holds over random sequences of every relationship operation (${RUNS} runs, seed ${SEED})`,
    async () => {
      let steps = 0;
      const outcomes = { done: 0, refused: 0, skipped: 0 };
      const doneByKind: Record<string, number> = {};
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 10, maxLength: 60 }), async (ops) => {
          const w = await buildWorld();
          for (const o of ops) {
            const before = await subscriptionRows(w);
            w.subscriptionActor = null;
            try {
              if (await run(w, o)) {
                outcomes.done++;
                doneByKind[o.kind] = (doneByKind[o.kind] ?? 0) + 1;
              } else outcomes.skipped++;
            } catch (error) {
              // The rules may refuse; they must refuse with a DomainError, never crash.
              if (!isDomainError(error)) throw error;
              outcomes.refused++;
            }
            steps++;
            const { touched, removed } = subscriptionChanges(before, await subscriptionRows(w));
            expect(removed, `a subscription disappeared after ${o.kind}`).toEqual([]);
            if (!SUBSCRIPTION_OPS.has(o.kind)) {
              expect(touched, `subscriptions changed after ${o.kind}`).toEqual([]);
            } else {
              expect(touched.length, `${o.kind} changed more than one subscription`).toBeLessThanOrEqual(1);
              const by = w.subscriptionActor!;
              for (const r of touched) {
                const own =
                  by.side === "partner" ? r.partner_of_record_id === by.id : r.customer_id === by.id && r.partner_of_record_id === null;
                expect(own, `${o.kind} by ${by.side} ${by.id} changed a subscription not its own: ${JSON.stringify(r)}`).toBe(true);
              }
            }
            expect(await crossCloudRows(w), `a relationship crossed clouds after ${o.kind}`).toEqual([]);
            expect(await orphanedSupport(w), `support outlived admin roles after ${o.kind}`).toEqual([]);
            expect(await rightsOutlivingTheirGround(w), `admin roles or access outlived what grants them after ${o.kind}`).toEqual([]);
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
      // The property is only worth something if the sequences really did things: every kind of
      // operation succeeded somewhere (the default seed was chosen so that each does, on
      // SQLite, whose rowid order replays a seed exactly: see inOrder).
      if (RUNS >= 40 && SEED === 20261201 && ENGINE === "sqlite") expect(Object.keys(doneByKind).sort()).toEqual([...OP_KINDS].sort());
      console.log(
        `invariant (${ENGINE}): ${RUNS} runs, ${steps} steps, ${outcomes.done} done, ${outcomes.refused} refused by the rules, ${outcomes.skipped} with nothing to act on; done by kind: ${JSON.stringify(doneByKind)}`,
      );
    },
    // A long run must finish on either engine: the budget follows the number of runs, with about
    // three times what a run took here in a run of 3,000 (SQLite 90 ms, PostgreSQL 590 ms).
    Math.max(600_000, RUNS * PER_RUN_MS[ENGINE]),
  );
});
