/**
 * `npm run lighthouse`: Lighthouse's four category scores for the pages a partner lives in.
 *
 * Starts the built app on the large seed (as `npm run bench` does, port 3300), signs in as
 * the partner with 5,000 customers, and audits in Debian's Chromium: the sign-in page, the
 * customer list, a customer's page and the expiring view. Desktop settings by default (a
 * partner works in a desktop browser all day); `--mobile` for Lighthouse's own default.
 * Prints a table, and as its last line one JSON object with the scores. Lighthouse runs as its
 * own CLI under plain Node: under tsx, the functions it sends into the page carry esbuild's
 * `__name` helper, which the page does not have.
 *
 *   npm run lighthouse [-- --mobile]
 */
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import type { Result } from "lighthouse";
import { BENCH_ADMIN_EMAIL, BENCH_CUSTOMER_ID, BENCH_PARTNER_ID } from "../lib/seed/large";
import { ensureBuildAndLargeSeed, signIn, startApp } from "./support/app-server";

const { values } = parseArgs({
  options: { mobile: { type: "boolean", default: false }, db: { type: "string", default: "data/large.db" } },
});
const PORT = 3300;
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

/** One Lighthouse run of `url` in a fresh headless Chromium, with the session cookie if given. */
function audit(url: string, cookie: string | null): Result {
  const args = [
    require.resolve("lighthouse/cli/index.js"),
    url,
    "--output=json",
    "--output-path=stdout",
    "--quiet",
    `--only-categories=${CATEGORIES.join(",")}`,
    "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run",
    ...(values.mobile ? [] : ["--preset=desktop"]),
    ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
  ];
  const r = spawnSync(process.execPath, args, {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
  });
  if (r.status !== 0) throw new Error(`lighthouse ${url} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Result;
}

async function main() {
  await ensureBuildAndLargeSeed(values.db!);
  const app = await startApp(values.db!, PORT);
  const session = await signIn(app.db, BENCH_ADMIN_EMAIL);
  const pages: Record<string, { url: string; signedIn: boolean }> = {
    "sign-in": { url: "/signin", signedIn: false },
    customers: { url: `/partner/${BENCH_PARTNER_ID}/customers`, signedIn: true },
    "customer page": { url: `/partner/${BENCH_PARTNER_ID}/customers/${BENCH_CUSTOMER_ID}`, signedIn: true },
    expiring: { url: `/partner/${BENCH_PARTNER_ID}/expiring`, signedIn: true },
  };
  const scores: Record<string, Record<string, number>> = {};
  try {
    for (const [name, page] of Object.entries(pages)) {
      const lhr = audit(app.base + page.url, page.signedIn ? session.cookie : null);
      if (lhr.runtimeError) throw new Error(`${name}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      // A redirect (to sign-in, say) would score the wrong page.
      if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(app.base + page.url).pathname) {
        throw new Error(`${name}: ended on ${lhr.finalDisplayedUrl}`);
      }
      scores[name] = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
      const below = Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative");
      console.error(`${name}: ${CATEGORIES.map((c) => `${c} ${scores[name]![c]}`).join(", ")}`);
      for (const a of below) console.error(`  below 100: ${a.id} (${a.displayValue ?? a.score})`);
    }
  } finally {
    await session.signOut();
    await app.stop();
  }
  console.log(`\nLighthouse ${values.mobile ? "mobile" : "desktop"}, node ${process.version}\n`);
  console.table(scores);
  console.log(JSON.stringify({ form_factor: values.mobile ? "mobile" : "desktop", scores }));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
