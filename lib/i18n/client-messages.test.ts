import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pickMessages } from "./client-messages";
import { MESSAGES } from "./messages";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(full) ? [full] : [];
  });
}

const SOURCES = [...files("app"), ...files("components")];
const text = (file: string) => readFileSync(file, "utf8");
const isClient = (file: string) => /^["']use client["']/m.test(text(file));

/** The files a file imports from app/ and components/ ("@/…" and relative), resolved. */
function imports(file: string): string[] {
  return [...text(file).matchAll(/^import (?!type )[^;]*? from "(@\/|\.{1,2}\/)([^"]+)";/gm)].flatMap(([, prefix, rest]) => {
    const base = prefix === "@/" ? rest : path.join(path.dirname(file), prefix + rest);
    return [`${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx")]
      .filter((f) => SOURCES.includes(path.normalize(f)))
      .map(path.normalize);
  });
}

/** Key paths a client file translates, with the client files it imports: useTranslations("ns"), or t("ns.key") under useTranslations(). */
function clientKeys(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const source = text(file);
  const own = [...source.matchAll(/useTranslations\("([\w.]+)"\)/g)].map((m) => m[1]);
  if (/useTranslations\(\)/.test(source)) own.push(...[...source.matchAll(/\bt\("([\w.]+)"/g)].map((m) => m[1]));
  return [
    ...own,
    ...imports(file)
      .filter(isClient)
      .flatMap((f) => clientKeys(f, seen)),
  ];
}

/** Namespaces a server file's <ClientMessages namespaces={[…]}> name. */
function wrapped(file: string): string[] {
  return [...text(file).matchAll(/<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/g)].flatMap((m) =>
    [...m[1].matchAll(/"([\w.]+)"/g)].map((n) => n[1]),
  );
}

const covered = (key: string, namespaces: string[]) => ["common", ...namespaces].some((ns) => key === ns || key.startsWith(`${ns}.`));

/**
 * Whether a server file's output has the key: it wraps it itself, or every server file that
 * renders it does (a component shown once per row is wrapped once, by its page).
 */
function provided(file: string, key: string, seen = new Set<string>()): boolean {
  if (covered(key, wrapped(file))) return true;
  if (seen.has(file)) return false;
  seen.add(file);
  const importers = SOURCES.filter((f) => !isClient(f) && imports(f).includes(file));
  return importers.length > 0 && importers.every((f) => provided(f, key, seen));
}

describe("client messages", () => {
  it("every server file that renders a translating client component gives it its messages", () => {
    const missing = new Set<string>();
    let checked = 0;
    for (const file of SOURCES.filter((f) => !isClient(f))) {
      for (const client of imports(file).filter(isClient)) {
        checked++;
        for (const key of clientKeys(client)) if (!provided(file, key)) missing.add(`${file}: ${client} translates ${key}`);
      }
    }
    expect(checked).toBeGreaterThan(15);
    expect([...missing]).toEqual([]);
  });

  it("every namespace named exists in the catalog", () => {
    const named = SOURCES.filter((f) => !isClient(f)).flatMap(wrapped);
    expect(named.length).toBeGreaterThan(10);
    for (const ns of named) expect(pickMessages(MESSAGES.en, [ns]), ns).not.toEqual({});
  });

  it("picks only the paths asked for, nesting kept", () => {
    const picked = pickMessages(MESSAGES.de, ["common", "partner.invite"]);
    expect(Object.keys(picked).sort()).toEqual(["common", "partner"]);
    expect(Object.keys(picked.partner as object)).toEqual(["invite"]);
    expect(picked).toHaveProperty("partner.invite.email", MESSAGES.de.partner.invite.email);
    expect(pickMessages(MESSAGES.en, ["no.such.path"])).toEqual({});
  });
});

// A component moved or renamed must not make the scan above find nothing.
it("the scan finds the client components", () => {
  expect(existsSync("components/team/member-forms.tsx")).toBe(true);
  expect(clientKeys("components/team/member-forms.tsx")).toEqual(expect.arrayContaining(["team", "common"]));
});
