import { describe, expect, it } from "vitest";
import { assertAnswerable } from "@/lib/invitations/answerable";
import { codeOf } from "@/lib/testing/fixtures";
import { normalizeEmail } from "./normalize";

describe("email normalization", () => {
  it("folds case, spaces and compatibility forms (NFKC) into one form", () => {
    expect(normalizeEmail("  Olivia.IT@Adventure-Works.com ")).toBe("olivia.it@adventure-works.com");
    expect(normalizeEmail("ｏｌｉｖｉａ@ａｄｖｅｎｔｕｒｅ.example")).toBe("olivia@adventure.example");
  });

  it("a look-alike address (Cyrillic о) is another address: it cannot answer the invitation", async () => {
    const invitation = { state: "sent" as const, expiresAt: new Date("2030-01-01"), email: "olivia@adventure.example" };
    const now = new Date("2026-11-21");
    expect(await codeOf(() => assertAnswerable(invitation, { userId: "u", email: "\u043elivia@adventure.example" }, now))).toBe(
      "WRONG_ACCOUNT",
    );
    expect(await codeOf(() => assertAnswerable(invitation, { userId: "u", email: "OLIVIA@Adventure.example" }, now))).toBe("no error");
  });
});
