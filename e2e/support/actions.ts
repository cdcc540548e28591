import type { APIRequestContext } from "@playwright/test";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Calling server actions over HTTP the way React does, for the matrix, the races and the fuzz test. */

export type Fields = Record<string, string | string[]>;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Every exported server action in the source ("use server" modules), by name, with its file. */
export function exportedActions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of [...filesUnder("lib"), ...filesUnder("app")].filter((f) => /\.tsx?$/.test(f))) {
    const text = readFileSync(file, "utf8");
    if (!/^["']use server["']/m.test(text)) continue;
    for (const m of text.matchAll(/export (?:async function (\w+)|const (\w+) = )/g)) found.set(m[1] ?? m[2], file);
  }
  return found;
}

/** Every page route of the app, as the URL pattern it serves ("/partner/[partnerId]"). */
export function pageRoutes(): string[] {
  return filesUnder("app")
    .filter((f) => f.endsWith(`${path.sep}page.tsx`))
    .map(
      (f) =>
        "/" +
        path
          .dirname(path.relative("app", f))
          .split(path.sep)
          .filter((s) => s !== "." && !/^\(.*\)$/.test(s))
          .join("/"),
    )
    .map((r) => (r === "/" ? "/" : r.replace(/\/$/, "")));
}

/** The build's action ids by exported name. */
export function actionIds(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName: string }>;
  };
  return new Map(Object.entries(manifest.node).map(([id, v]) => [v.exportedName, id]));
}

export type ActionResponse = {
  status: number;
  body: string;
  /** Where the action redirected, if it did (success for most actions). */
  redirect: string | null;
  /** The action's return value: `{ ok, code }` for ActionResult actions, null when it returned nothing. */
  result: { ok?: boolean; code?: string } | null;
  /** The flight payload carried an error instead of a value. */
  serverError: boolean;
};

/**
 * The request React sends for a server action: the arguments encoded, the form's fields under
 * `_1_`. Plain form actions take the form alone; useActionState actions take (previous state, form).
 * `envelope` replaces the encoded arguments (the fuzz test sends malformed ones).
 */
export async function postAction(
  request: APIRequestContext,
  id: string,
  fields: Fields,
  opts: { cookie?: string; formOnly?: boolean; envelope?: string; headers?: Record<string, string> } = {},
): Promise<ActionResponse> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) form.append(`_1_${k}`, one);
  form.append("0", opts.envelope ?? (opts.formOnly ? '["$K1"]' : '[null,"$K1"]'));
  const res = await request.post("/", {
    headers: { "next-action": id, ...(opts.cookie ? { cookie: opts.cookie } : {}), ...opts.headers },
    multipart: form,
    maxRedirects: 0,
  });
  const body = await res.text();
  const line = body.split("\n").find((l) => l.startsWith("1:"));
  let result: ActionResponse["result"] = null;
  if (line && !line.startsWith("1:E")) {
    try {
      result = JSON.parse(line.slice(2)) as ActionResponse["result"];
    } catch {
      result = null;
    }
  }
  return {
    status: res.status(),
    body,
    redirect: res.headers()["x-action-redirect"] ?? null,
    result,
    serverError: Boolean(line?.startsWith("1:E")),
  };
}
