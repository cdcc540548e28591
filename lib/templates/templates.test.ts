import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { accessAssignments, adminRelationships, adminTemplateVersions } from "@/db/schema";
import { approveAdminRelationship } from "@/lib/admin-relationships/service";
import type { Actor } from "@/lib/auth/membership";
import { execute } from "@/lib/operations/execute";
import { addMember, addPartner, codeOf, groupsOf, relatedPartnerAndCustomer, testContext } from "@/lib/testing/fixtures";
import { createAdminTemplate, deleteAdminTemplate, updateAdminTemplate } from "./operations";
import { requestFromTemplate } from "./request";
import { createTemplateSchema, updateTemplateSchema } from "./schemas";

let t: Awaited<ReturnType<typeof testContext>>;
let partner: string;
let customer: string;
let agent: Actor;
let helpdesk: Actor;
let ga: Actor;
let groups: Record<string, string>;

beforeEach(async () => {
  t = await testContext();
  ({ partner, agent, customer, ga } = await relatedPartnerAndCustomer(t.ctx));
  helpdesk = await addMember(t.ctx.db, partner, "helpdesk@northwind.example", ["helpdesk_agent"]);
  groups = await groupsOf(t.ctx.db, partner);
});

/** The template form as a page sends it: one box per role, one per group's role. */
const serviceDesk = (extra: Record<string, unknown> = {}) =>
  createTemplateSchema.parse({
    partnerId: partner,
    name: "Service desk",
    durationDays: "365",
    roles: ["helpdesk_administrator", "global_reader"],
    autoExtend: "on",
    [`group_${groups["Helpdesk Agents"]}`]: "helpdesk_administrator",
    [`group_${groups["Admin Agents"]}`]: ["helpdesk_administrator", "global_reader"],
    ...extra,
  });
const edit = (templateId: string, version: number | undefined, roles: string[]) =>
  updateTemplateSchema.parse({
    partnerId: partner,
    templateId,
    version,
    name: "Service desk",
    durationDays: "180",
    roles,
    [`group_${groups["Helpdesk Agents"]}`]: roles[0],
  });
const request = (templateId: string, name: string, by = agent) =>
  execute(requestFromTemplate, t.ctx, by, { partnerId: partner, customerId: customer, templateId, name });
const relationship = async (id: string) => (await t.ctx.db.select().from(adminRelationships).where(eq(adminRelationships.id, id)))[0]!;
const assignmentsOf = async (id: string) =>
  (
    await t.ctx.db
      .select()
      .from(accessAssignments)
      .where(and(eq(accessAssignments.adminRelationshipId, id)))
  )
    .map((a) => ({ group: Object.entries(groups).find(([, g]) => g === a.groupId)![0], roles: a.roles, state: a.state }))
    .sort((a, b) => a.group.localeCompare(b.group));

describe("admin relationship templates", () => {
  it("an approval gives the template's groups their roles in its own transaction: no mapping step", async () => {
    const template = await execute(createAdminTemplate, t.ctx, agent, serviceDesk());
    const { id } = await request(template.id, "Service desk for Adventure Works");
    const requested = await relationship(id);
    expect(requested).toMatchObject({ roles: ["helpdesk_administrator", "global_reader"], durationDays: 365, autoExtend: true });
    expect(await assignmentsOf(id)).toEqual([]);
    await execute(approveAdminRelationship, t.ctx, ga, { organizationId: customer, relationshipId: id });
    expect(await assignmentsOf(id)).toEqual([
      { group: "Admin Agents", roles: ["helpdesk_administrator", "global_reader"], state: "active" },
      { group: "Helpdesk Agents", roles: ["helpdesk_administrator"], state: "active" },
    ]);
  });

  it("are versioned: an edit adds a version that later requests use, and earlier relationships keep theirs", async () => {
    const template = await execute(createAdminTemplate, t.ctx, agent, serviceDesk());
    const first = await request(template.id, "First");
    const changed = await execute(updateAdminTemplate, t.ctx, agent, edit(template.id, 1, ["global_reader"]));
    expect(changed.version).toBe(2);
    expect(await codeOf(() => execute(updateAdminTemplate, t.ctx, agent, edit(template.id, 1, ["global_reader"])))).toBe(
      "PRECONDITION_FAILED",
    );
    const second = await request(template.id, "Second");
    const versions = await t.ctx.db.select().from(adminTemplateVersions).where(eq(adminTemplateVersions.templateId, template.id));
    const idOf = (n: number) => versions.find((v) => v.version === n)!.id;
    expect((await relationship(first.id)).templateVersionId).toBe(idOf(1));
    expect(await relationship(second.id)).toMatchObject({ templateVersionId: idOf(2), roles: ["global_reader"], durationDays: 180 });
    // Version 1 is as it was written.
    expect(versions.find((v) => v.version === 1)).toMatchObject({ roles: ["helpdesk_administrator", "global_reader"], durationDays: 365 });
  });

  it("refuse what no request could be: a group role the template does not ask, Global Administrator auto-extending, a name in use", async () => {
    const fieldOf = async (input: unknown) => {
      try {
        await execute(createAdminTemplate, t.ctx, agent, input as never);
        return "ok";
      } catch (e) {
        return Object.values((e as { fieldErrors?: Record<string, string[]> }).fieldErrors ?? {})[0]?.[0];
      }
    };
    expect(await fieldOf(serviceDesk({ [`group_${groups["Helpdesk Agents"]}`]: "user_administrator" }))).toBe("groupRoleNotInTemplate");
    expect(
      await fieldOf(serviceDesk({ roles: ["global_administrator"], [`group_${groups["Admin Agents"]}`]: "global_administrator" })),
    ).toBe("autoExtendGlobalAdmin");
    expect(await fieldOf(serviceDesk())).toBe("ok");
    expect(await fieldOf(serviceDesk({ name: "SERVICE DESK" }))).toBe("templateNameTaken");
  });

  it("which tenant, privilege and moment: another partner's template or group is not found, a Helpdesk agent may not, a deleted one gives nothing", async () => {
    expect(await codeOf(() => execute(createAdminTemplate, t.ctx, helpdesk, serviceDesk()))).toBe("FORBIDDEN");
    const template = await execute(createAdminTemplate, t.ctx, agent, serviceDesk());
    const other = await addPartner(t.ctx.db, { name: "Fabrikam", domain: "fabrikam.example" });
    const otherAgent = await addMember(t.ctx.db, other, "agent@fabrikam.example", ["admin_agent"]);
    expect(await codeOf(() => execute(deleteAdminTemplate, t.ctx, otherAgent, { partnerId: other, templateId: template.id }))).toBe(
      "NOT_FOUND",
    );
    const foreignGroup = createTemplateSchema.parse({
      partnerId: other,
      name: "Borrowed",
      durationDays: "30",
      roles: ["global_reader"],
      [`group_${groups["Admin Agents"]}`]: "global_reader",
    });
    expect(await codeOf(() => execute(createAdminTemplate, t.ctx, otherAgent, foreignGroup))).toBe("NOT_FOUND");
    await execute(deleteAdminTemplate, t.ctx, agent, { partnerId: partner, templateId: template.id });
    expect(await codeOf(() => request(template.id, "Too late"))).toBe("NOT_FOUND");
    expect(await codeOf(() => execute(updateAdminTemplate, t.ctx, agent, edit(template.id, undefined, ["global_reader"])))).toBe(
      "NOT_FOUND",
    );
  });
});
