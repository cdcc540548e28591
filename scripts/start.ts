/**
 * `npm start`: Next's production server, with one step of ours in front of every request:
 * X-Forwarded-For is replaced by the one client address worked out from TRUSTED_PROXY_HOPS
 * and the socket (lib/http/client-address.ts). `next start` cannot do that: Next keeps a
 * client-written header as it is and gives pages no access to the socket.
 *
 * Production refuses to start while its configuration is incomplete (lib/env.ts), before
 * it listens. A port in use is said in one line.
 *
 *   tsx scripts/start.ts [-p PORT] [-H HOSTNAME]     (defaults: $PORT or 3000; $HOST, else loopback
 *                                                      behind a trusted proxy and every interface without one)
 */
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { clientAddress } from "../lib/http/client-address";
import { env, listenHost } from "../lib/env";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);

let hops: number;
let hostname: string | undefined;
try {
  hops = env().TRUSTED_PROXY_HOPS;
  hostname = values.hostname ?? listenHost(env());
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

async function main() {
  // What `next start` sets before loading anything: React and Next pick their production builds by it.
  Object.assign(process.env, { NODE_ENV: "production" });
  const { default: next } = await import("next");
  // Next's own idea of where it is reached from this machine (loopback by name: see the README on 127.0.0.1).
  const app = next({ dev: false, hostname: hostname === undefined || hostname === "127.0.0.1" ? "localhost" : hostname, port });
  const handle = app.getRequestHandler();
  // Listen first, so a port in use stops us before Next starts the outbox and the scheduled job.
  let ready: Promise<void> | undefined;
  const server = createServer((req, res) => {
    req.headers["x-forwarded-for"] = clientAddress(req.headers["x-forwarded-for"], req.socket.remoteAddress, hops);
    delete req.headers["x-real-ip"];
    void ready!.then(() => handle(req, res));
  });
  server.on("error", (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === "EADDRINUSE"
        ? `Port ${port} is already in use: stop what runs there, or choose another with -p or PORT.`
        : error.message,
    );
    process.exit(1);
  });
  server.listen(port, hostname, () => {
    ready = app.prepare();
    void ready.then(() => console.log(`Listening on http://${hostname ?? "0.0.0.0"}:${port}`));
  });
}

void main();
