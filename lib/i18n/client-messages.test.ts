import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, clientMessages } from "./client-messages";
import { MESSAGES } from "./messages";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith(".tsx") ? [full] : [];
  });
}

/** Every key prefix a client component translates: useTranslations("ns") and t("ns.key") under useTranslations(). */
function clientKeyPrefixes(): string[] {
  const found = new Set<string>();
  for (const file of [...files("app"), ...files("components")]) {
    const text = readFileSync(file, "utf8");
    if (!/^["']use client["']/m.test(text)) continue;
    for (const m of text.matchAll(/useTranslations\("([\w.]+)"\)/g)) found.add(m[1]);
    if (/useTranslations\(\)/.test(text)) for (const m of text.matchAll(/\bt\("([\w.]+)"/g)) found.add(m[1]);
  }
  return [...found];
}

describe("client messages", () => {
  it("carry every namespace a client component uses, and no more than those", () => {
    const covered = (key: string) => CLIENT_NAMESPACES.some((ns) => key === ns || key.startsWith(`${ns}.`));
    expect(clientKeyPrefixes().filter((k) => !covered(k))).toEqual([]);
  });

  it("are a fraction of the catalog", () => {
    const all = JSON.stringify(MESSAGES.en).length;
    const client = JSON.stringify(clientMessages(MESSAGES.en)).length;
    expect(client).toBeLessThan(all * 0.6);
    expect(clientMessages(MESSAGES.de)).toHaveProperty("partner.invite.email");
  });
});
