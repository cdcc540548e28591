import { beforeEach, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/operations";
import { DomainError } from "@/lib/errors";
import { execute } from "@/lib/operations/execute";
import { addMember, addPartner, codeOf, DAY, testContext } from "@/lib/testing/fixtures";
import { idempotent, purgeExpiredIdempotencyKeys } from "./idempotency";

let t: Awaited<ReturnType<typeof testContext>>;
let keyId: string;

beforeEach(async () => {
  t = await testContext();
  const partner = await addPartner(t.ctx.db, { name: "Northwind", domain: "northwind.example" });
  const admin = await addMember(t.ctx.db, partner, "ada@northwind.example", ["account_admin", "sales_agent"]);
  keyId = (
    await execute(createApiKey, t.ctx, admin, { organizationId: partner, name: "PSA", expiresInDays: 30, scopes: ["invitations.write"] })
  ).id;
});

const post = (body: string, key = "retry-1") =>
  new Request("http://localhost/api/v1/invitations", { method: "POST", body, headers: { "idempotency-key": key } });

describe("Idempotency-Key", () => {
  it("runs a request once: a second one while it runs is refused, a repeat afterwards gets the first answer", async () => {
    let runs = 0;
    let finish!: () => void;
    const slow = idempotent(t.ctx, keyId, post('{"a":1}'), async () => {
      runs++;
      await new Promise<void>((r) => (finish = r));
      return Response.json({ id: "inv_1" }, { status: 201, headers: { location: "/api/v1/invitations/inv_1" } });
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(await codeOf(() => idempotent(t.ctx, keyId, post('{"a":1}'), async () => (runs++, Response.json({}))))).toBe(
      "IDEMPOTENCY_IN_PROGRESS",
    );
    finish();
    expect((await slow).status).toBe(201);
    const replay = await idempotent(t.ctx, keyId, post('{"a":1}'), async () => (runs++, Response.json({})));
    expect(runs).toBe(1);
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.headers.get("location")).toBe("/api/v1/invitations/inv_1");
    expect(await replay.json()).toEqual({ id: "inv_1" });
    expect(await codeOf(() => idempotent(t.ctx, keyId, post('{"a":2}'), async () => Response.json({})))).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("keeps no refusal (running it again changes nothing either), and forgets answers after a day", async () => {
    let runs = 0;
    const refuse = async () => {
      runs++;
      throw new DomainError("FORBIDDEN");
    };
    expect(await codeOf(() => idempotent(t.ctx, keyId, post("{}"), refuse))).toBe("FORBIDDEN");
    expect(await codeOf(() => idempotent(t.ctx, keyId, post("{}"), refuse))).toBe("FORBIDDEN");
    expect(runs).toBe(2);
    const ok = async () => (runs++, Response.json({}, { status: 201 }));
    await idempotent(t.ctx, keyId, post("{}", "retry-2"), ok);
    t.advance(DAY + 1);
    await purgeExpiredIdempotencyKeys(t.ctx.db, t.ctx.now());
    expect((await idempotent(t.ctx, keyId, post("{}", "retry-2"), ok)).headers.get("idempotent-replayed")).toBeNull();
    expect(runs).toBe(4);
    expect(await codeOf(() => idempotent(t.ctx, keyId, post("{}", "with space"), ok))).toBe("VALIDATION");
  });
});
