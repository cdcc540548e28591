import { describe, expect, it, onTestFinished, vi } from "vitest";
import { formatterFor } from "./format";

describe("page formatters", () => {
  it("keep one formatter per language, each writing its own language in UTC", () => {
    expect(formatterFor("de")).toBe(formatterFor("de"));
    expect(formatterFor("en")).not.toBe(formatterFor("de"));
    // 23:30 UTC on 1 December, on a server whose own zone is already on 2 December.
    vi.stubEnv("TZ", "Asia/Tokyo");
    onTestFinished(() => void vi.unstubAllEnvs());
    const late = new Date("2026-12-01T23:30:00Z");
    expect(late.getDate()).toBe(2);
    expect(formatterFor("en").dateTime(late, { dateStyle: "medium" })).toBe("Dec 1, 2026");
    expect(formatterFor("de").dateTime(late, { dateStyle: "medium" })).toBe("01.12.2026");
    expect(formatterFor("ru").dateTime(late, { dateStyle: "long" })).toBe("1 декабря 2026 г.");
    expect(formatterFor("en").number(1234567)).toBe("1,234,567");
  });
});
