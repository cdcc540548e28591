import { describe, expect, it } from "vitest";
import { countryName } from "./countries";

describe("countryName", () => {
  it("names a country in the reader's language, each language kept apart", () => {
    expect(countryName("DE", "de")).toBe("Deutschland");
    expect(countryName("DE", "en")).toBe("Germany");
    expect(countryName("DE", "de")).toBe("Deutschland");
  });

  it("falls back to the code for a code or a language it cannot name", () => {
    expect(countryName("not a code", "en")).toBe("not a code");
    expect(countryName("US", "not a language!")).toBe("US");
  });
});
