import { describe, expect, it } from "vitest";
import { newId } from "./ids";

describe("newId", () => {
  it("gives the prefix and 12 random bytes in base64url, never the same twice across many pools", () => {
    // 2,000 ids draw the byte pool (256 ids) about eight times over.
    const ids = Array.from({ length: 2000 }, () => newId("inv"));
    for (const id of ids) expect(id).toMatch(/^inv_[A-Za-z0-9_-]{16}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
