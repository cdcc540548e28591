/** `npm run demo`: build the app, then serve it with demo data and the built-in mailbox on http://localhost:3000. */
import { spawnSync } from "node:child_process";

const build = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

const serve = spawnSync(process.execPath, [require.resolve("tsx/cli"), "scripts/serve.ts", "--mode", "demo", ...process.argv.slice(2)], {
  stdio: "inherit",
});
process.exit(serve.status ?? 0);
