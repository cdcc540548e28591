import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";
import { API_ROUTES } from "./v1/routes";

/** Every `METHOD path` that a route file under app/api/v1 serves, with its path as OpenAPI writes it. */
function servedRoutes(): string[] {
  const root = path.join(process.cwd(), "app/api/v1");
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const route = "/" + path.relative(root, dir).split(path.sep).join("/");
        if (route === "/openapi.json") continue;
        const apiPath = route.replace(/\[(\w+)\]/g, "{$1}");
        for (const m of readFileSync(full, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g))
          found.push(`${m[1]} ${apiPath}`);
      }
    }
  };
  walk(root);
  return found.sort();
}

describe("the OpenAPI document", () => {
  it("describes every route a file serves, and nothing no file serves", () => {
    const described = API_ROUTES.map((r) => `${r.method} ${r.path}`).sort();
    expect(servedRoutes()).toEqual(described);
    const document = openApiDocument("http://localhost:3000");
    const inDocument = Object.entries(document.paths ?? {})
      .flatMap(([p, item]) => Object.keys(item ?? {}).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    expect(inDocument).toEqual(described);
  });

  it("passes Redocly's lint (OpenAPI 3.1, its recommended rules)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "openapi-"));
    try {
      const file = path.join(dir, "openapi.json");
      // An installation's own address: Redocly rightly warns about a document that names localhost.
      writeFileSync(file, JSON.stringify(openApiDocument("https://partners.northwind-cloud.net")));
      const output = execFileSync(path.join(process.cwd(), "node_modules/.bin/redocly"), ["lint", file, "--format=stylish"], {
        encoding: "utf8",
        // eslint-disable-next-line no-restricted-properties -- the linter's own process needs PATH; it is told to send no telemetry
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      expect(output).not.toMatch(/warning|error/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
