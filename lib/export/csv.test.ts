import { describe, expect, it } from "vitest";
import { csvLine, defuse } from "./csv";

describe("CSV", () => {
  it("quotes what needs quoting and defuses formulas", () => {
    expect(csvLine(['say "hi", then\nleave'])).toBe('"say ""hi"", then\nleave"\r\n');
    expect(csvLine(['=HYPERLINK("http://evil")'])).toBe('"\'=HYPERLINK(""http://evil"")"\r\n');
    expect(csvLine(["+1", "@SUM(A1)", null])).toBe(`"'+1","'@SUM(A1)",""\r\n`);
    // A separator that German Excel splits on, then a formula: the whole cell is defused, and quoted.
    expect(csvLine(["Acme;=1+1", "Acme, -2", "Acme\t=3"])).toBe(`"'Acme;=1+1","'Acme, -2","'Acme\t=3"\r\n`);
    expect(csvLine(["a", 1, "b,c"])).toBe('"a","1","b,c"\r\n');
    expect(defuse("plain text - with a dash")).toBe("plain text - with a dash");
  });
});
