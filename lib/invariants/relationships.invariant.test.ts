import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import { isDomainError } from "@/lib/errors";
import { dumpTable } from "@/lib/testing/fixtures";
import { buildWorld, op, OP_KINDS, run, type World } from "./operations";

/**
 * The product's central promise (DOMAIN.md rules 1, 3 and 7), checked against random
 * sequences of every relationship operation: no subscription row (its owner, term,
 * channel or partner of record) ever changes, and no relationship of any kind crosses a
 * national cloud. Operations the rules refuse are part of the sequence too: a refusal must
 * be a DomainError and change nothing that matters; anything else thrown fails the property.
 *
 * `npm test` runs a fixed seed; `npm run test:invariants -- --runs 5000` runs longer.
 */
const RUNS = inject("invariantRuns");
const SEED = inject("invariantSeed");

declare module "vitest" {
  export interface ProvidedContext {
    invariantRuns: number;
    invariantSeed: number;
  }
}

/** Rows of any relationship table whose two organizations are in different clouds. */
function crossCloudRows(w: World): string[] {
  const q = (sql: string) => (w.t.ctx.db.$client.prepare(sql).all() as { id: string }[]).map((r) => r.id);
  const pair = (table: string, a: string, b: string) => q(`select x.id from ${table} x join organizations oa on oa.id = x.${a} join organizations ob on ob.id = x.${b} where oa.cloud <> ob.cloud`);
  return [
    ...pair("reseller_relationships", "partner_id", "customer_id"),
    ...pair("reseller_relationships", "partner_id", "provider_id"),
    ...pair("reseller_relationships", "partner_id", "reseller_id"),
    ...pair("admin_relationships", "partner_id", "customer_id"),
    ...pair("partnerships", "provider_id", "reseller_id"),
    ...pair("support_assignments", "partner_id", "customer_id"),
    ...pair("invitations", "partner_id", "customer_id"),
    ...pair("invitations", "partner_id", "provider_id"),
  ];
}

/** Active support assignments whose partner holds no admin roles in the tenant any more. */
function orphanedSupport(w: World): string[] {
  return (
    w.t.ctx.db.$client
      .prepare(
        `select s.id from support_assignments s where s.state = 'active' and not exists (
           select 1 from admin_relationships a where a.partner_id = s.partner_id and a.customer_id = s.customer_id and a.state in ('active', 'expiring'))`,
      )
      .all() as { id: string }[]
  ).map((r) => r.id);
}

describe("the relationship invariant", () => {
  it(`holds over random sequences of every relationship operation (${RUNS} runs, seed ${SEED})`, () => {
    let steps = 0;
    const outcomes = { done: 0, refused: 0, skipped: 0 };
    const doneByKind: Record<string, number> = {};
    fc.assert(
      fc.property(fc.array(op, { minLength: 10, maxLength: 60 }), (ops) => {
        const w = buildWorld();
        const subscriptionsAtStart = dumpTable(w.t.ctx.db, "subscriptions");
        for (const o of ops) {
          try {
            if (run(w, o)) {
              outcomes.done++;
              doneByKind[o.kind] = (doneByKind[o.kind] ?? 0) + 1;
            } else outcomes.skipped++;
          } catch (error) {
            // The rules may refuse; they must refuse with a DomainError, never crash.
            if (!isDomainError(error)) throw error;
            outcomes.refused++;
          }
          steps++;
          expect(dumpTable(w.t.ctx.db, "subscriptions"), `subscriptions changed after ${o.kind}`).toBe(subscriptionsAtStart);
          expect(crossCloudRows(w), `a relationship crossed clouds after ${o.kind}`).toEqual([]);
          expect(orphanedSupport(w), `support outlived admin roles after ${o.kind}`).toEqual([]);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // The property is only worth something if the sequences really did things: every kind of operation succeeded somewhere.
    if (RUNS >= 40 && SEED === 20261121) expect(Object.keys(doneByKind).sort()).toEqual([...OP_KINDS].sort());
    console.log(`invariant: ${RUNS} runs, ${steps} steps, ${outcomes.done} done, ${outcomes.refused} refused by the rules, ${outcomes.skipped} with nothing to act on; done by kind: ${JSON.stringify(doneByKind)}`);
  }, Math.max(600_000, RUNS * 200));
});
