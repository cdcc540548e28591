import { describe, expect, it } from "vitest";
import { codeOf } from "@/lib/testing/fixtures";
import { ADMIN_RELATIONSHIP_STATES } from "@/db/values/admin-relationships";
import { TRANSITIONS, transition, type AdminRelationshipEvent, type Side } from "./state-machine";

// Written out by hand from the program's lifecycle (created, approval pending, active, expiring, expired or terminated), not derived from the table under test.
const ALLOWED: [string, AdminRelationshipEvent, Side, string][] = [
  ["created", "request", "partner", "approvalPending"],
  ["approvalPending", "approve", "customer", "active"],
  ["approvalPending", "reject", "customer", "rejected"],
  ["approvalPending", "lapse", "system", "lapsed"],
  ["active", "markExpiring", "system", "expiring"],
  ["active", "extend", "system", "active"],
  ["expiring", "extend", "system", "active"],
  ["active", "expire", "system", "expired"],
  ["expiring", "expire", "system", "expired"],
  ["active", "requestTermination", "partner", "terminationRequested"],
  ["active", "requestTermination", "customer", "terminationRequested"],
  ["expiring", "requestTermination", "partner", "terminationRequested"],
  ["expiring", "requestTermination", "customer", "terminationRequested"],
  ["terminationRequested", "completeTermination", "system", "terminated"],
  // Offboarding a partner ends its unanswered requests too.
  ["created", "withdraw", "system", "terminated"],
  ["approvalPending", "withdraw", "system", "terminated"],
];

const SIDES: Side[] = ["partner", "customer", "system"];
const EVENTS = Object.keys(TRANSITIONS) as AdminRelationshipEvent[];

describe("admin relationship state machine", () => {
  it("allows exactly the transitions of the lifecycle, and refuses every other combination", async () => {
    let checked = 0;
    for (const state of ADMIN_RELATIONSHIP_STATES) {
      for (const event of EVENTS) {
        for (const side of SIDES) {
          const allowed = ALLOWED.find(([s, e, by]) => s === state && e === event && by === side);
          if (allowed) expect(transition(state, event, side), `${state} --${event}/${side}`).toBe(allowed[3]);
          else
            expect(await codeOf(() => transition(state, event, side)), `${state} --${event}/${side}`).toMatch(
              /^(FORBIDDEN|INVALID_TRANSITION)$/,
            );
          checked++;
        }
      }
    }
    expect(checked).toBe(ADMIN_RELATIONSHIP_STATES.length * EVENTS.length * SIDES.length);
  });

  it("terminal states go nowhere", async () => {
    for (const state of ["expired", "terminated", "rejected", "lapsed"] as const) {
      for (const event of EVENTS) for (const side of SIDES) expect(await codeOf(() => transition(state, event, side))).not.toBe("no error");
    }
  });

  it("the wrong side is refused even from the right state", async () => {
    expect(await codeOf(() => transition("approvalPending", "approve", "partner"))).toBe("FORBIDDEN");
    expect(await codeOf(() => transition("created", "request", "customer"))).toBe("FORBIDDEN");
    expect(await codeOf(() => transition("active", "expire", "customer"))).toBe("FORBIDDEN");
  });
});
