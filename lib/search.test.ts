import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openTestDatabase } from "@/db/client";
import { contains } from "./search";

const db = openTestDatabase();
const VALUES = ["50% off", "50 off", "a_b.example", "axb.example", "back\\slash", "Contoso"];
const matches = (text: string) =>
  db
    .all<{ v: string }>(
      sql`select v from (${sql.raw(VALUES.map((v) => `select '${v.replace(/'/g, "''")}' as v`).join(" union all "))}) where ${contains(sql`v`, text)} order by v`,
    )
    .map((r) => r.v);

describe("contains", () => {
  it("finds the text anywhere, ignoring ASCII case", () => {
    expect(matches("ntos")).toEqual(["Contoso"]);
    expect(matches("CONTOSO")).toEqual(["Contoso"]);
  });

  it("takes % and _ and \\ literally", () => {
    expect(matches("50%")).toEqual(["50% off"]);
    expect(matches("a_b")).toEqual(["a_b.example"]);
    expect(matches("k\\s")).toEqual(["back\\slash"]);
    expect(matches("%")).toEqual(["50% off"]);
  });
});
