import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDatabase, openServerDatabase, writerOf } from "@/db/client";
import { transaction } from "@/db/transaction";
import { transactionalAdapter } from "./adapter";

const dir = mkdtempSync(path.join(tmpdir(), "prc-adapter-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("Auth.js's adapter on a server's database", () => {
  it("makes its writes in transactions of their own: a sign-in survives another request's rollback", async () => {
    const db = openServerDatabase(path.join(dir, "auth.db"));
    migrateDatabase(db);
    const adapter = transactionalAdapter(db);
    const expires = new Date(Date.now() + 60_000);

    const user = await adapter.createUser!({ id: "ignored", email: "a@example.com", emailVerified: null });
    await adapter.createVerificationToken!({ identifier: "a@example.com", token: "t1", expires });

    // Another request's transaction is open and awaiting when the sign-in writes, then fails.
    let fail!: () => void;
    const failing = transaction(db, async () => {
      await new Promise<void>((resolve) => (fail = resolve));
      throw new Error("refused");
    });
    const signedIn = adapter.createSession!({ sessionToken: "s1", userId: user.id, expires });
    fail();
    await expect(failing).rejects.toThrow("refused");
    await signedIn;

    expect(await adapter.getSessionAndUser!("s1")).toMatchObject({ user: { email: "a@example.com" } });
    expect(await adapter.useVerificationToken!({ identifier: "a@example.com", token: "t1" })).toMatchObject({ token: "t1" });
    expect(await adapter.useVerificationToken!({ identifier: "a@example.com", token: "t1" })).toBeNull();
    await adapter.deleteSession!("s1");
    expect(await adapter.getSessionAndUser!("s1")).toBeNull();
    db.$client.close();
    writerOf(db).$client.close();
  });
});
