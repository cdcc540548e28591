import { describe, expect, it } from "vitest";
import { clientKey, clientNetworkOf, domainKey, mailboxKey, mailboxOf } from "./keys";

describe("limit keys: variants of one key count as one", () => {
  it("an address counts as its mailbox: sub-addresses, case and compatibility forms fold", () => {
    for (const variant of [
      "victim@example.com",
      "Victim@Example.com",
      "victim+1@example.com",
      "VICTIM+anything+more@EXAMPLE.COM",
      " victim+x@example.com ",
    ])
      expect(mailboxOf(variant), variant).toBe("victim@example.com");
    // Full-width letters are the same address after NFKC.
    expect(mailboxOf("ｖｉｃｔｉｍ+1@example.com")).toBe("victim@example.com");
    // Another mailbox, or a local part that only starts with +, stays itself.
    expect(mailboxOf("victim2@example.com")).toBe("victim2@example.com");
    expect(mailboxOf("+victim@example.com")).toBe("+victim@example.com");
    expect(mailboxKey("sign-in-address", "victim+2@example.com")).toBe("sign-in-address:victim@example.com");
  });

  it("an IPv6 client counts by its /64; IPv4 by its address, written either way", () => {
    const network = "2001:db8:1:2::/64";
    for (const neighbour of ["2001:db8:1:2::1", "2001:db8:1:2::5", "2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:0DB8:0001:0002:0:0:0:9"])
      expect(clientNetworkOf(neighbour), neighbour).toBe(network);
    expect(clientNetworkOf("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(clientNetworkOf("::1")).toBe("::/64");
    expect(clientNetworkOf("198.51.100.7")).toBe("198.51.100.7");
    expect(clientNetworkOf("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(clientNetworkOf("198.51.100.8")).toBe("198.51.100.8");
    // Not an address (no socket, say): counted as what it is.
    expect(clientNetworkOf("unknown")).toBe("unknown");
    expect(clientKey("sign-in", "2001:db8:1:2::77")).toBe("sign-in:2001:db8:1:2::/64");
  });

  it("a company's domain counts as the registrable domain it is under", () => {
    expect(domainKey("enroll-domain", "contoso.com")).toBe("enroll-domain:contoso.com");
    expect(domainKey("enroll-domain", "mail.contoso.com")).toBe("enroll-domain:contoso.com");
    expect(domainKey("enroll-domain", "a.b.evil.co.uk")).toBe("enroll-domain:evil.co.uk");
    expect(domainKey("enroll-domain", "x.contoso.onmicrosoft.com")).toBe("enroll-domain:contoso.onmicrosoft.com");
  });
});
