/**
 * A round-robin load balancer for `serve.ts --servers N`: each request goes to the next app
 * server in turn, so two requests of one page (a page and its action, a link and its sign-in)
 * land on different servers, as behind a real balancer with no sticky sessions. It plays the
 * one proxy the servers trust (TRUSTED_PROXY_HOPS=1): the client's address is appended to
 * X-Forwarded-For, and each response names the server that answered in X-Served-By.
 * Until `ready` settles (every server answers) it says 503, so whoever waits for the
 * address waits for all the servers.
 */
import { Agent, createServer, request, type Server } from "node:http";

export type Upstream = { host: string; port: number };

export function startBalancer(port: number, host: string, upstreams: Upstream[], ready: Promise<void>): Promise<Server> {
  const agents = upstreams.map(() => new Agent({ keepAlive: true }));
  let next = 0;
  let started = false;
  void ready.then(() => (started = true));
  const server = createServer((req, res) => {
    if (!started) {
      res.writeHead(503, { "content-type": "text/plain", "retry-after": "1" }).end("The app servers are starting.");
      return;
    }
    const index = next++ % upstreams.length;
    const upstream = upstreams[index]!;
    const forwarded = [req.headers["x-forwarded-for"], req.socket.remoteAddress].filter(Boolean).join(", ");
    const proxied = request(
      {
        host: upstream.host,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, "x-forwarded-for": forwarded },
        agent: agents[index],
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, "x-served-by": String(index + 1) });
        answer.pipe(res);
      },
    );
    proxied.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(`App server ${index + 1} did not answer.`);
    });
    req.pipe(proxied);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}
