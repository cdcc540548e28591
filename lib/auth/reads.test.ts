import { describe, expect, it } from "vitest";
import { listGroups } from "@/lib/access/queries";
import { expiryCounts, listExpiring } from "@/lib/admin-relationships/expiring";
import { listActivity } from "@/lib/audit/activity";
import { listCatalog } from "@/lib/catalog/queries";
import { readCustomerDashboard } from "@/lib/customers/dashboard";
import { listPartnerInvitations } from "@/lib/invitations/queries";
import { listCustomers, listPartners } from "@/lib/operator/queries";
import { readPartnerCustomerPage } from "@/lib/partners/customer-page";
import { listPartnerCustomers } from "@/lib/partners/queries";
import { listPartnerships } from "@/lib/partnerships/queries";
import { previewRemovalFor } from "@/lib/relationships/removal-preview";
import { removePartner } from "@/lib/relationships/removal";
import {
  addCustomer,
  addMember,
  addOperatorMember,
  addPartner,
  addProduct,
  addSubscription,
  codeOf,
  relatedPartnerAndCustomer,
  testContext,
} from "@/lib/testing/fixtures";
import { operatorOrganization } from "@/lib/operator/bootstrap";
import { partnerAbilities } from "./abilities";
import { requireMember, type Actor, type Member } from "./membership";
import { execute } from "@/lib/operations/execute";

/*
 * Pages, exports and (later) the API read through lib/: each read checks the member's
 * permission itself, so none of them can show what a page forgot to guard. The three
 * dimensions: which privilege (FORBIDDEN), which tenant (NOT_FOUND), which moment (what has
 * ended shows nothing of today).
 */
async function world() {
  const t = await testContext();
  const w = await relatedPartnerAndCustomer(t.ctx);
  const member = (actor: Actor, organizationId: string, kind: "partner" | "customer" | "operator"): Promise<Member> =>
    requireMember(t.ctx.db, actor, organizationId, kind);
  const billing = await addMember(t.ctx.db, w.partner, "bill@northwind.example", ["billing_admin"]);
  const product = await addProduct(t.ctx.db, { name: "Microsoft 365 E3" });
  await addSubscription(t.ctx.db, w.customer, product, w.partner);
  return { ...t, ...w, member, billing };
}

describe("reads through lib/ check the member's permission themselves", () => {
  it("which privilege: a partner member without the read's permission is refused by every partner read", async () => {
    const w = await world();
    const billing = await w.member(w.billing, w.partner, "partner");
    const now = w.ctx.now();
    const reads: [string, () => Promise<unknown>][] = [
      ["customers", async () => await listPartnerCustomers(w.ctx.db, billing, { page: 1 })],
      ["customer page", async () => await readPartnerCustomerPage(w.ctx.db, billing, w.customer)],
      ["expiring", async () => await listExpiring(w.ctx.db, billing, "30", { page: 1, now })],
      ["expiry counts", async () => await expiryCounts(w.ctx.db, billing, now)],
      ["invitations", async () => await listPartnerInvitations(w.ctx.db, billing, { page: 1, now })],
      ["partnerships", async () => await listPartnerships(w.ctx.db, billing, "provider")],
      ["groups", async () => await listGroups(w.ctx.db, billing)],
      ["activity", async () => await listActivity(w.ctx.db, billing, {})],
      ["removal preview", async () => await previewRemovalFor(w.ctx.db, billing, w.customer)],
    ];
    for (const [name, read] of reads) expect(await codeOf(read), name).toBe("FORBIDDEN");
    // The same reads answer the Admin agent.
    const agent = await w.member(w.agent, w.partner, "partner");
    expect((await listPartnerCustomers(w.ctx.db, agent, { page: 1 })).rows.map((r) => r.id)).toEqual([w.customer]);
    expect((await readPartnerCustomerPage(w.ctx.db, agent, w.customer)).subscriptions).toHaveLength(1);
  });

  it("which privilege: a customer read refuses a member without its permission, and a member of another kind finds nothing", async () => {
    const w = await world();
    const user = await addMember(w.ctx.db, w.customer, "user@adventure.example", ["user"]);
    expect(await codeOf(async () => await readCustomerDashboard(w.ctx.db, await w.member(user, w.customer, "customer")))).toBe("FORBIDDEN");
    // Every operator role reads the console (the viewer too); nobody else reaches it.
    const viewer = await addOperatorMember(w.ctx.db, "viewer@program.example", ["operator_viewer"]);
    const operatorId = (await operatorOrganization(w.ctx.db))!.id;
    expect((await listCatalog(w.ctx.db, await w.member(viewer, operatorId, "operator"))).length).toBe(1);
    // A partner member handed to a customer's read is "not found", not "forbidden": it says nothing of the customer.
    const agent = await w.member(w.agent, w.partner, "partner");
    expect(await codeOf(async () => await readCustomerDashboard(w.ctx.db, agent))).toBe("NOT_FOUND");
    for (const read of [
      async () => await listCatalog(w.ctx.db, agent),
      async () => await listPartners(w.ctx.db, agent, { page: 1 }),
      async () => await listCustomers(w.ctx.db, agent, { page: 1 }),
    ])
      expect(await codeOf(read)).toBe("NOT_FOUND");
  });

  it("which tenant: another partner's customer is not found on the customer page, whatever the member may", async () => {
    const w = await world();
    const other = await addCustomer(w.ctx.db, { name: "Tailspin", domain: "tailspin.example" });
    const agent = await w.member(w.agent, w.partner, "partner");
    expect(await codeOf(async () => await readPartnerCustomerPage(w.ctx.db, agent, other))).toBe("NOT_FOUND");
    const stranger = await addPartner(w.ctx.db, { name: "Fabrikam", domain: "fabrikam.example" });
    const strangerAgent = await addMember(w.ctx.db, stranger, "agent@fabrikam.example", ["admin_agent"]);
    const strangerMember = await w.member(strangerAgent, stranger, "partner");
    expect(await codeOf(async () => await readPartnerCustomerPage(w.ctx.db, strangerMember, w.customer))).toBe("NOT_FOUND");
    expect((await listPartnerCustomers(w.ctx.db, strangerMember, { page: 1 })).rows).toEqual([]);
  });

  it("which moment: once the customer removed the partner, its page shows history only: no subscriptions, support or selling", async () => {
    const w = await world();
    await execute(removePartner, w.ctx, w.ga, { customerId: w.customer, partnerId: w.partner, scope: "everything" });
    const agent = await w.member(w.agent, w.partner, "partner");
    const page = await readPartnerCustomerPage(w.ctx.db, agent, w.customer);
    expect(page.current).toBe(false);
    expect(page.subscriptions).toEqual([]);
    expect(page.supported).toEqual([]);
    expect(page.offered).toEqual([]);
    expect(page.may.sell).toBe(false);
    expect(page.may.remove).toBe(false);
    expect(page.activity.length).toBeGreaterThan(0);
  });

  it("the controls a page offers follow the permissions: a suspended partner's agent is not offered to invite", async () => {
    const w = await world();
    const agent = await w.member(w.agent, w.partner, "partner");
    expect(partnerAbilities(agent).invite).toBe(true);
    expect(partnerAbilities({ ...agent, organization: { ...agent.organization, partnerState: "suspended" } }).invite).toBe(false);
    const billing = await w.member(w.billing, w.partner, "partner");
    // A Billing admin sees subscriptions and nothing else of the partner's work.
    expect(Object.entries(partnerAbilities(billing)).filter(([, can]) => can)).toEqual([["seeSubscriptions", true]]);
  });
});
