import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("is the socket's address with no trusted proxy, whatever the client wrote", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.7", 0)).toBe("198.51.100.7");
    expect(clientAddress(undefined, "::ffff:198.51.100.7", 0)).toBe("198.51.100.7");
  });

  it("is the entry the trusted proxy appended, not the ones the client wrote before it", () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; the one proxy appended the real client.
    expect(clientAddress("6.6.6.6, 203.0.113.9", "10.0.0.2", 1)).toBe("203.0.113.9");
    // Two proxies: the outer appended the client, the inner appended the outer.
    expect(clientAddress("6.6.6.6, 203.0.113.9, 10.0.0.1", "10.0.0.2", 2)).toBe("203.0.113.9");
    expect(clientAddress(["6.6.6.6", "203.0.113.9"], "10.0.0.2", 1)).toBe("203.0.113.9");
  });

  it("falls back to the leftmost entry when a request came through fewer proxies than trusted", () => {
    expect(clientAddress(undefined, "10.0.0.2", 1)).toBe("10.0.0.2");
    expect(clientAddress("203.0.113.9", "10.0.0.2", 3)).toBe("203.0.113.9");
  });

  it("ignores empty entries and caps what it returns", () => {
    expect(clientAddress(" , 203.0.113.9 ,", "10.0.0.2", 1)).toBe("203.0.113.9");
    expect(clientAddress(`${"a".repeat(200)}`, "10.0.0.2", 1)).toHaveLength(64);
  });
});
