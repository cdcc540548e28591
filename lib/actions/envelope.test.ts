import { describe, expect, it } from "vitest";
import { isPlausibleActionEnvelope } from "./envelope";

describe("server action envelopes", () => {
  it("lets through what React sends for our actions", () => {
    for (const ok of [
      '["$K1"]',
      '[null,"$K1"]',
      '[{"ok":false,"error":"x","fieldErrors":{"email":["Required"]}},"$K1"]',
      '[{"ok":true,"message":"$$5 off"},"$K2"]',
      '["$undefined","$K1"]',
    ]) {
      expect(isPlausibleActionEnvelope(ok), ok).toBe(true);
    }
  });

  it("turns away what Next's decoder would answer with a 500", () => {
    for (const bad of ["[", '"x"', "null", "{}", "", '[null,"$Q1"]', '[null,"$@1"]', '[{"a":"$W2"},"$K1"]', undefined, 5]) {
      expect(isPlausibleActionEnvelope(bad), String(bad)).toBe(false);
    }
  });
});
