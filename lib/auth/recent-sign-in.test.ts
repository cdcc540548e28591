import { firstRow } from "@/db/query";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { adminRelationships, resellerRelationships } from "@/db/schema";
import { requestAdminRelationshipSchema } from "@/lib/admin-relationships/schemas";
import { approveAdminRelationship, requestAdminRelationship } from "@/lib/admin-relationships/service";
import { acceptInvitation } from "@/lib/invitations/respond";
import { inviteCustomerSchema } from "@/lib/invitations/schemas";
import { createInvitation } from "@/lib/invitations/service";
import { addMember, addPartner, addUser, codeOf, relatedPartnerAndCustomer, signedInAt, testContext } from "@/lib/testing/fixtures";
import { RECENT_SIGN_IN_MS } from "./recent-sign-in";
import { execute } from "@/lib/operations/execute";

/*
 * The moment of the most powerful step: Global Administrator is given only by someone who
 * used an emailed link in the last 15 minutes (issue 16). A session's age comes from its row
 * (sessions.signed_in_at, read by getActor); here the actor carries it as getActor returns it.
 */
let t: Awaited<ReturnType<typeof testContext>>;
let world: Awaited<ReturnType<typeof relatedPartnerAndCustomer>>;

beforeEach(async () => {
  t = await testContext();
  world = await relatedPartnerAndCustomer(t.ctx);
});

const ask = async (name: string, roles: string[]) =>
  (
    await execute(
      requestAdminRelationship,
      t.ctx,
      world.agent,
      requestAdminRelationshipSchema.parse({ partnerId: world.partner, customerId: world.customer, name, durationDays: "90", roles }),
    )
  ).id;
const approve = async (actor: typeof world.ga, id: string) =>
  await execute(approveAdminRelationship, t.ctx, actor, { organizationId: world.customer, relationshipId: id });
const stateOf = async (id: string) =>
  (await firstRow(t.ctx.db.select({ state: adminRelationships.state }).from(adminRelationships).where(eq(adminRelationships.id, id))))!
    .state;

describe("approving Global Administrator needs a recent sign-in", () => {
  it("a session of unknown age, or older than 15 minutes, is refused and nothing changes", async () => {
    const id = await ask("Tenant rebuild", ["global_administrator"]);
    expect(await codeOf(async () => await approve(world.ga, id))).toBe("REAUTH_REQUIRED");
    const signedIn = t.ctx.now();
    t.advance(RECENT_SIGN_IN_MS + 1);
    expect(await codeOf(async () => await approve(signedInAt(world.ga, signedIn), id))).toBe("REAUTH_REQUIRED");
    expect(await stateOf(id)).toBe("approvalPending");
  });

  it("a sign-in within the window approves it", async () => {
    const id = await ask("Tenant rebuild", ["global_administrator", "global_reader"]);
    const signedIn = t.ctx.now();
    t.advance(RECENT_SIGN_IN_MS);
    await approve(signedInAt(world.ga, signedIn), id);
    expect(await stateOf(id)).toBe("active");
  });

  it("other roles need no fresh sign-in", async () => {
    const id = await ask("Helpdesk", ["helpdesk_administrator"]);
    await approve(world.ga, id);
    expect(await stateOf(id)).toBe("active");
  });

  it("accepting an invitation that carries Global Administrator asks the same", async () => {
    const partner = await addPartner(t.ctx.db, { name: "Contoso", domain: "contoso.example" });
    const agent = await addMember(t.ctx.db, partner, "agent@contoso.example", ["admin_agent"]);
    const { token } = await execute(
      createInvitation,
      t.ctx,
      agent,
      inviteCustomerSchema.parse({
        partnerId: partner,
        email: "grace@newco.example",
        locale: "en",
        includeAdmin: "on",
        name: "NewCo rebuild",
        durationDays: "90",
        roles: ["global_administrator"],
      }),
    );
    const grace = await addUser(t.ctx.db, "grace@newco.example");
    const input = { token, target: "new" as const, name: "NewCo", primaryDomain: "newco.example", country: "US", agreement: "on" as const };
    expect(await codeOf(async () => await execute(acceptInvitation, t.ctx, grace, input))).toBe("REAUTH_REQUIRED");
    expect(await t.ctx.db.select().from(resellerRelationships).where(eq(resellerRelationships.partnerId, partner))).toHaveLength(0);
    await execute(acceptInvitation, t.ctx, signedInAt(grace, t.ctx.now()), input);
    expect(await t.ctx.db.select().from(resellerRelationships).where(eq(resellerRelationships.partnerId, partner))).toHaveLength(1);
  });
});
