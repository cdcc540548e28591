import { rawAll } from "@/lib/testing/raw";
import { firstRow } from "@/db/query";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { emailOutbox, memberships, organizations, resellerRelationships } from "@/db/schema";
import type { Actor } from "@/lib/auth/membership";
import {
  addCustomer,
  addMember,
  addPartner,
  addSubscription,
  addUser,
  codeOf,
  count,
  dumpTable,
  testContext,
} from "@/lib/testing/fixtures";
import { acceptInvitation } from "./respond";
import { createInvitation } from "./service";
import { execute } from "@/lib/operations/execute";

let t: Awaited<ReturnType<typeof testContext>>;
let northwind: string;
let agent: Actor;

beforeEach(async () => {
  t = await testContext();
  northwind = await addPartner(t.ctx.db, { name: "Northwind", domain: "northwind.example" });
  agent = await addMember(t.ctx.db, northwind, "agent@northwind.example", ["admin_agent"]);
});

async function invite(email: string, partnerId = northwind, by = agent) {
  return (await execute(createInvitation, t.ctx, by, { partnerId, email, message: null, locale: "en" })).token;
}
const existing = (token: string, customerId: string) => ({ token, target: "existing" as const, customerId, agreement: "on" as const });
const brandNew = (token: string, primaryDomain: string) => ({
  token,
  target: "new" as const,
  name: "New Co",
  primaryDomain,
  country: "DE",
  agreement: "on" as const,
});

describe("accepting an invitation", () => {
  it("with a new organization makes the person its Global administrator, in the partner's cloud", async () => {
    const grace = await addUser(t.ctx.db, "grace@newco.example");
    const { customerId } = await execute(acceptInvitation, t.ctx, grace, brandNew(await invite("grace@newco.example"), "NewCo.Example"));
    const org = (await firstRow(t.ctx.db.select().from(organizations).where(eq(organizations.id, customerId))))!;
    expect(org).toMatchObject({ kind: "customer", cloud: "global", primaryDomain: "newco.example", country: "DE" });
    expect((await firstRow(t.ctx.db.select().from(memberships).where(eq(memberships.organizationId, customerId))))!.roles).toEqual([
      "global_admin",
    ]);
    const notice = (await firstRow(t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "invitation.accepted"))))!;
    expect(notice.toAddress).toBe("agent@northwind.example");
    expect(notice.subject).toBe("New Co accepted your invitation");
  });

  it("keeps every other partner (rule 1) and leaves every subscription row byte-identical (rule 3)", async () => {
    const fabrikam = await addPartner(t.ctx.db, { name: "Fabrikam", domain: "fabrikam.example" });
    const fabAgent = await addMember(t.ctx.db, fabrikam, "agent@fabrikam.example", ["admin_agent"]);
    const customer = await addCustomer(t.ctx.db, { name: "Adventure Works", domain: "adventure.example" });
    const olivia = await addMember(t.ctx.db, customer, "olivia@adventure.example", ["global_admin"]);
    await execute(acceptInvitation, t.ctx, olivia, existing(await invite("olivia@adventure.example", fabrikam, fabAgent), customer));
    await addSubscription(t.ctx.db, customer, "Microsoft 365 E3", fabrikam);
    await addSubscription(t.ctx.db, customer, "Azure plan", null);
    const before = await dumpTable(t.ctx.db, "subscriptions");

    await execute(acceptInvitation, t.ctx, olivia, existing(await invite("olivia@adventure.example"), customer));

    expect(await dumpTable(t.ctx.db, "subscriptions")).toBe(before);
    const active = await t.ctx.db.select().from(resellerRelationships).where(eq(resellerRelationships.customerId, customer));
    expect(active.map((r) => r.partnerId).sort()).toEqual([fabrikam, northwind].sort());
    expect(active.every((r) => r.state === "active")).toBe(true);
  });

  it("refuses a customer in another cloud", async () => {
    const customer = await addCustomer(t.ctx.db, { name: "Proseware", domain: "proseware.example", cloud: "germany" });
    const klara = await addMember(t.ctx.db, customer, "klara@proseware.example", ["global_admin"]);
    expect(
      await codeOf(async () => await execute(acceptInvitation, t.ctx, klara, existing(await invite("klara@proseware.example"), customer))),
    ).toBe("CLOUD_MISMATCH");
    expect(await count(t.ctx.db, "reseller_relationships")).toBe(0);
  });

  it("refuses a partner's CSP transaction tenant, whether chosen or claimed by domain (rule 4)", async () => {
    const litware = await addPartner(t.ctx.db, { name: "Litware", domain: "litware.example", csp: true });
    const lena = await addMember(t.ctx.db, litware, "lena@litware.example", ["account_admin"]);
    expect(
      await codeOf(async () => await execute(acceptInvitation, t.ctx, lena, existing(await invite("lena@litware.example"), litware))),
    ).toBe("CSP_TRANSACTION_TENANT");
    const other = await addUser(t.ctx.db, "it@litware.example");
    expect(
      await codeOf(
        async () => await execute(acceptInvitation, t.ctx, other, brandNew(await invite("it@litware.example"), "litware.example")),
      ),
    ).toBe("CSP_TRANSACTION_TENANT");
    expect(await count(t.ctx.db, "reseller_relationships")).toBe(0);
  });

  it("lets a partner's separate non-CSP corporate tenant become another partner's customer (rule 4)", async () => {
    const litware = await addPartner(t.ctx.db, { name: "Litware", domain: "litware.example" });
    const corp = await addCustomer(t.ctx.db, { name: "Litware Corporate", domain: "corp.litware.example", corporateOf: litware });
    const lena = await addMember(t.ctx.db, corp, "lena@litware.example", ["global_admin"]);
    expect(
      await codeOf(async () => await execute(acceptInvitation, t.ctx, lena, existing(await invite("lena@litware.example"), corp))),
    ).toBe("no error");
  });

  it("refuses a partner becoming its own customer, through its corporate tenant too", async () => {
    const corp = await addCustomer(t.ctx.db, { name: "Northwind Corporate", domain: "corp.northwind.example", corporateOf: northwind });
    const it1 = await addMember(t.ctx.db, corp, "it@corp.northwind.example", ["global_admin"]);
    expect(
      await codeOf(async () => await execute(acceptInvitation, t.ctx, it1, existing(await invite("it@corp.northwind.example"), corp))),
    ).toBe("SELF_INVITE");
    const token = await invite("outsider@example.org");
    const outsider = await addUser(t.ctx.db, "outsider@example.org");
    expect(await codeOf(async () => await execute(acceptInvitation, t.ctx, outsider, brandNew(token, "northwind.example")))).toBe(
      "SELF_INVITE",
    );
  });

  it("does not duplicate an active relationship with the same partner", async () => {
    const customer = await addCustomer(t.ctx.db, { name: "Adventure Works", domain: "adventure.example" });
    const olivia = await addMember(t.ctx.db, customer, "olivia@adventure.example", ["global_admin"]);
    await execute(acceptInvitation, t.ctx, olivia, existing(await invite("olivia@adventure.example"), customer));
    const second = await invite("olivia@adventure.example");
    expect(await codeOf(async () => await execute(acceptInvitation, t.ctx, olivia, existing(second, customer)))).toBe("ALREADY_RELATED");
    expect(await count(t.ctx.db, "reseller_relationships")).toBe(1);
  });

  it("refuses a domain another organization already uses", async () => {
    await addCustomer(t.ctx.db, { name: "Adventure Works", domain: "adventure.example" });
    const someone = await addUser(t.ctx.db, "someone@adventure.example");
    expect(
      await codeOf(
        async () =>
          await execute(acceptInvitation, t.ctx, someone, brandNew(await invite("someone@adventure.example"), "adventure.example")),
      ),
    ).toBe("DOMAIN_TAKEN");
  });

  it("only a Global administrator may accept for an existing organization", async () => {
    const customer = await addCustomer(t.ctx.db, { name: "Adventure Works", domain: "adventure.example" });
    const ben = await addMember(t.ctx.db, customer, "ben@adventure.example", ["billing_administrator"]);
    expect(
      await codeOf(async () => await execute(acceptInvitation, t.ctx, ben, existing(await invite("ben@adventure.example"), customer))),
    ).toBe("FORBIDDEN");
    const stranger = await addUser(t.ctx.db, "x@adventure.example");
    expect(
      await codeOf(async () => await execute(acceptInvitation, t.ctx, stranger, existing(await invite("x@adventure.example"), customer))),
    ).toBe("NOT_FOUND");
  });

  it("creates no new customer in a cloud that accepts none (Germany)", async () => {
    const tailspin = await addPartner(t.ctx.db, { name: "Tailspin", domain: "tailspin.example", cloud: "germany" });
    const jonas = await addMember(t.ctx.db, tailspin, "jonas@tailspin.example", ["admin_agent"]);
    const token = (
      await execute(createInvitation, t.ctx, jonas, {
        partnerId: tailspin,
        email: "new@proseware.example",
        message: null,
        locale: "de",
      })
    ).token;
    const someone = await addUser(t.ctx.db, "new@proseware.example");
    expect(await codeOf(async () => await execute(acceptInvitation, t.ctx, someone, brandNew(token, "proseware.example")))).toBe(
      "NEW_CUSTOMERS_CLOSED",
    );
  });

  it("writes the relationship, the accepted invitation and their audit rows together", async () => {
    const grace = await addUser(t.ctx.db, "grace@newco.example");
    const { relationshipId } = await execute(
      acceptInvitation,
      t.ctx,
      grace,
      brandNew(await invite("grace@newco.example"), "newco.example"),
    );
    const actions = (await rawAll(t.ctx.db, "select action, target_id from audit_events order by id")) as {
      action: string;
      target_id: string;
    }[];
    expect(actions.map((a) => a.action)).toEqual([
      "invitation.sent",
      "customer.created",
      "invitation.accepted",
      "reseller_relationship.created",
    ]);
    expect(actions[3].target_id).toBe(relationshipId);
  });
});
