import http from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { headers: Record<string, string>; body: string; at: number };

/**
 * A real HTTP receiver on loopback for the tests: it keeps what it was sent and answers
 * with the status the test chooses (a function of the request's number, so a test can make
 * the first attempts fail).
 */
export async function startReceiver(
  answer: (n: number, request: Received) => { status: number; body?: string; location?: string } = () => ({ status: 204 }),
) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const request = { headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() };
      received.push(request);
      const a = answer(received.length, request);
      res.writeHead(a.status, a.location ? { location: a.location } : {});
      res.end(a.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
