import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { AUDIT_ACTIONS } from "@/db/values/audit";
import { auditValues } from "./actions";

describe("activity sentences", () => {
  it("use only placeholders that auditValues fills, so an event with missing details still reads (in every language)", () => {
    const known = Object.keys(auditValues(null));
    const missing: string[] = [];
    for (const [locale, messages] of Object.entries(MESSAGES)) {
      for (const action of AUDIT_ACTIONS) {
        const [group, name] = action.split(".");
        const text = (messages.audit as Record<string, Record<string, string>>)[group]?.[name] ?? "";
        for (const m of text.matchAll(/\{(\w+)/g)) if (!known.includes(m[1])) missing.push(`${locale} ${action}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
