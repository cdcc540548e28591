import { rawValue } from "@/lib/testing/raw";
import { describe, expect, it } from "vitest";
import { testContext, codeOf, count } from "@/lib/testing/fixtures";
import { getMember } from "@/lib/auth/membership";
import { addOperator, operatorOrganization } from "./bootstrap";

describe("npm run operator:add", () => {
  it("creates the operator organization, the person and their operator admin role, once", async () => {
    const { ctx } = await testContext();
    const at = new Date("2026-12-01T10:00:00Z");
    const first = await addOperator(ctx.db, " Ops@Program.Example ", at);
    expect(first).toMatchObject({ organization: "created", user: "created", membership: "created", email: "ops@program.example" });
    const org = (await operatorOrganization(ctx.db))!;
    expect(org.kind).toBe("operator");
    const audit = await count(ctx.db, "audit_events");
    const again = await addOperator(ctx.db, "ops@program.example", at);
    expect(again).toMatchObject({ organization: "existing", user: "existing", membership: "existing" });
    expect(await count(ctx.db, "audit_events")).toBe(audit);
    expect(await count(ctx.db, "organizations")).toBe(1);
  });

  it("a second operator joins the same organization; an address that is not one changes nothing", async () => {
    const { ctx } = await testContext();
    await addOperator(ctx.db, "ops@program.example", new Date());
    const second = await addOperator(ctx.db, "second@program.example", new Date());
    expect(second).toMatchObject({ organization: "existing", user: "created", membership: "created" });
    expect(
      (
        await getMember(
          ctx.db,
          {
            userId: (await rawValue(ctx.db, "select id from users where email = 'second@program.example'")) as string,
            email: "second@program.example",
          },
          second.organizationId,
        )
      )?.roles,
    ).toEqual(["operator_admin"]);
    expect(await codeOf(async () => await addOperator(ctx.db, "a@x.com,b@y.com", new Date()))).toBe("VALIDATION");
    expect(await codeOf(async () => await addOperator(ctx.db, "not-an-address", new Date()))).toBe("VALIDATION");
    expect(await count(ctx.db, "users")).toBe(2);
  });
});
