import { describe, expect, it } from "vitest";
import { addressProvesDomain, isOwnableDomain, registrableDomain } from "./domains";

describe("domains a company can own (the Public Suffix List and the clouds' tenant namespaces)", () => {
  it("public suffixes and tenant namespaces are nobody's", () => {
    for (const suffix of ["com", "co.uk", "github.io", "onmicrosoft.com", "onmicrosoft.us", "onmicrosoft.de", "partner.onmschina.cn"])
      expect(isOwnableDomain(suffix), suffix).toBe(false);
    for (const owned of [
      "contoso.com",
      "evil.co.uk",
      "x.github.io",
      "contoso.onmicrosoft.com",
      "contoso.partner.onmschina.cn",
      "applicant.example",
    ])
      expect(isOwnableDomain(owned), owned).toBe(true);
    expect(registrableDomain("mail.contoso.com")).toBe("contoso.com");
    expect(registrableDomain("t.onmicrosoft.com")).toBe("t.onmicrosoft.com");
    expect(registrableDomain("a.t.onmicrosoft.com")).toBe("t.onmicrosoft.com");
  });

  it("an address proves its domain and its parents up to its registrant's, never a suffix", () => {
    expect(addressProvesDomain("alice@contoso.com", "contoso.com")).toBe(true);
    expect(addressProvesDomain("alice@mail.contoso.com", "contoso.com")).toBe(true);
    expect(addressProvesDomain("alice@mail.contoso.com", "mail.contoso.com")).toBe(true);
    expect(addressProvesDomain("alice@contoso.com", "fabrikam.com")).toBe(false);
    expect(addressProvesDomain("alice@contoso.com", "mail.contoso.com")).toBe(false);
    expect(addressProvesDomain("alice@notcontoso.com", "contoso.com")).toBe(false);
    // The attacks: a parent that is a public suffix, or a tenant namespace.
    expect(addressProvesDomain("eve@evil.co.uk", "co.uk")).toBe(false);
    expect(addressProvesDomain("eve@evil.co.uk", "evil.co.uk")).toBe(true);
    expect(addressProvesDomain("x@t.onmicrosoft.com", "onmicrosoft.com")).toBe(false);
    expect(addressProvesDomain("x@t.onmicrosoft.com", "t.onmicrosoft.com")).toBe(true);
    expect(addressProvesDomain("x@site.github.io", "github.io")).toBe(false);
    expect(addressProvesDomain("x@evil.com", "com")).toBe(false);
  });
});
