/**
 * The framework's own first-load JavaScript: a bare App Router app (a root layout and one
 * page with a paragraph) built with this checkout's Next and React, once per Next version,
 * in data/. Whatever the app's own routes load beyond it is ours.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

type RouteStats = { route: string; firstLoadChunkPaths: string[] }[];

/** First-load JS (gzip, kB) of each route of the build in `dir`, from the build's own per-route chunk lists. */
export function firstLoadJsOf(dir: string): Record<string, number> {
  const stats = JSON.parse(readFileSync(path.join(dir, ".next/diagnostics/route-bundle-stats.json"), "utf8")) as RouteStats;
  const gz = new Map<string, number>();
  const size = (file: string) => gz.get(file) ?? gz.set(file, gzipSync(readFileSync(path.join(dir, file))).length).get(file)!;
  return Object.fromEntries(stats.map((s) => [s.route, s.firstLoadChunkPaths.reduce((sum, f) => sum + size(f), 0) / 1024]));
}

export function frameworkFirstLoadJs(): number {
  const { version } = JSON.parse(readFileSync(require.resolve("next/package.json"), "utf8")) as { version: string };
  const dir = path.resolve(`data/bench-bare-app-${version}`);
  if (!existsSync(path.join(dir, ".next/BUILD_ID"))) {
    mkdirSync(path.join(dir, "app"), { recursive: true });
    writeFileSync(
      path.join(dir, "app/layout.js"),
      'export default function RootLayout({ children }) {\n  return <html lang="en"><body>{children}</body></html>;\n}\n',
    );
    writeFileSync(path.join(dir, "app/page.js"), "export default function Page() {\n  return <p>One paragraph.</p>;\n}\n");
    // The checkout is the workspace root: Next and React resolve from its node_modules.
    writeFileSync(path.join(dir, "next.config.js"), `module.exports = { turbopack: { root: ${JSON.stringify(process.cwd())} } };\n`);
    const r = spawnSync("npx", ["next", "build", dir], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (r.status !== 0) throw new Error("the bare app did not build");
  }
  return firstLoadJsOf(dir)["/"]!;
}
