import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { expiryFrom, hashToken, isWellFormedToken, newInvitationToken } from "./tokens";

describe("invitation tokens", () => {
  it("are 32 random bytes in base64url, stored only as their SHA-256", () => {
    const { token, hash } = newInvitationToken();
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(isWellFormedToken(token)).toBe(true);
    expect(hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hash).not.toContain(token);
  });

  it("never repeat", () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newInvitationToken().token));
    expect(tokens.size).toBe(1000);
  });

  it("hash deterministically and differently for different tokens", () => {
    expect(hashToken("a".repeat(43))).toBe(hashToken("a".repeat(43)));
    expect(hashToken("a".repeat(43))).not.toBe(hashToken("b".repeat(43)));
  });

  it("reject malformed tokens before any lookup", () => {
    for (const bad of ["", "short", "x".repeat(44), "a".repeat(42) + "!", "' or 1=1 --".padEnd(43, "a")]) {
      expect(isWellFormedToken(bad)).toBe(false);
    }
  });

  it("expire the configured number of days later", () => {
    const now = new Date("2026-03-01T12:00:00Z");
    expect(expiryFrom(now, 14).toISOString()).toBe("2026-03-15T12:00:00.000Z");
    expect(expiryFrom(now, 90).toISOString()).toBe("2026-05-30T12:00:00.000Z");
  });
});
