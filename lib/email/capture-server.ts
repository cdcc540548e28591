import { createServer, type Server } from "node:http";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type CapturedMessage = {
  id: number;
  messageId: string | null;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  receivedAt: string;
};

/** A webhook delivery the capture's receiver was sent: the demo's Webhooks tab shows them. */
export type CapturedWebhook = { id: number; webhookId: string; eventType: string; signature: string; body: string; receivedAt: string };

/** The newest deliveries kept; older ones are dropped, the capture lives in memory. */
const WEBHOOKS_KEPT = 500;

/**
 * How the SMTP side behaves, set through the API so the end-to-end tests can stage an
 * outage: "down" stops listening (connections are refused), "tempfail" answers 451 to
 * every message, "slow" waits `delayMs` before accepting each message.
 */
export type SmtpBehaviour = { state: "up" | "down" | "tempfail" } | { state: "slow"; delayMs: number };

const smtpError = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode });

function smtpServer(behaviour: () => SmtpBehaviour, keep: (m: Omit<CapturedMessage, "id">) => void): SMTPServer {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // Senders keep a pooled connection open; closing must not wait for them to hang up.
    closeTimeout: 100,
    onRcptTo(address, _session, callback) {
      // Like a real mail server, it refuses some addresses for good: anything at bounce.example
      // gets a permanent 550, so the demo and the tests can show an email that bounced.
      if (address.address.toLowerCase().endsWith("@bounce.example")) return callback(smtpError("5.1.1 No such mailbox here", 550));
      if (behaviour().state === "tempfail") return callback(smtpError("4.3.0 Mail server temporarily unavailable, try again later", 451));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          const now = behaviour();
          if (now.state === "slow") await new Promise((r) => setTimeout(r, now.delayMs));
          keep({
            messageId: mail.messageId ?? null,
            from: mail.from?.text ?? "",
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : null,
            receivedAt: new Date().toISOString(),
          });
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  // A client that dies mid-conversation (a killed server process) resets its connection;
  // unhandled, that error would take the mailbox down with it.
  server.on("error", () => {});
  return server;
}

/**
 * A real SMTP server on loopback that keeps what it receives, plus a small JSON API
 * (GET /messages[?to=], GET /messages/:id, DELETE /messages, PUT /smtp?state=…) for the
 * built-in mailbox page and the end-to-end tests, and a webhook receiver (POST /webhooks,
 * listed by GET /webhooks) the demo registers for Northwind. For the demo and tests only: it
 * never runs in production.
 */
export async function startCaptureServer(opts: { smtpPort: number; apiPort: number; host?: string }) {
  const host = opts.host ?? "127.0.0.1";
  const messages: CapturedMessage[] = [];
  const webhooks: CapturedWebhook[] = [];
  let nextId = 1;
  let behaviour: SmtpBehaviour = { state: "up" };

  const keep = (m: Omit<CapturedMessage, "id">) => messages.push({ id: nextId++, ...m });
  // A new SMTPServer each time it comes back up: a closed one cannot listen again.
  const newSmtp = () => smtpServer(() => behaviour, keep);
  let smtp = newSmtp();

  const api: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://${host}`);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method === "PUT" && url.pathname === "/smtp") {
      const state = url.searchParams.get("state");
      const delayMs = Number(url.searchParams.get("delayMs") ?? 0);
      if (state !== "up" && state !== "down" && state !== "tempfail" && state !== "slow")
        return json(400, { error: "state must be up, down, tempfail or slow" });
      const wasDown = behaviour.state === "down";
      behaviour = state === "slow" ? { state, delayMs } : { state };
      if (state === "down" && !wasDown) smtp.close();
      if (state !== "down" && wasDown) {
        smtp = newSmtp();
        smtp.listen(smtpPort, host);
      }
      return json(200, behaviour);
    }
    if (req.method === "POST" && url.pathname === "/webhooks") {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        let eventType = "";
        try {
          eventType = String((JSON.parse(body) as { type?: unknown }).type ?? "");
        } catch {
          /* kept as it came */
        }
        webhooks.push({
          id: webhooks.length + 1,
          webhookId: String(req.headers["webhook-id"] ?? ""),
          eventType,
          signature: String(req.headers["webhook-signature"] ?? ""),
          body,
          receivedAt: new Date().toISOString(),
        });
        if (webhooks.length > WEBHOOKS_KEPT) webhooks.splice(0, webhooks.length - WEBHOOKS_KEPT);
        res.writeHead(204).end();
      });
      return;
    }
    if (req.method === "GET" && url.pathname === "/webhooks") return json(200, webhooks.slice().reverse());
    if (req.method === "DELETE" && url.pathname === "/messages") {
      messages.length = 0;
      return json(200, { ok: true });
    }
    if (req.method === "GET" && url.pathname === "/messages") {
      const to = url.searchParams.get("to")?.toLowerCase();
      return json(
        200,
        messages
          .filter((m) => !to || m.to.includes(to))
          .slice()
          .reverse(),
      );
    }
    const one = /^\/messages\/(\d+)$/.exec(url.pathname);
    if (req.method === "GET" && one) {
      const m = messages.find((x) => x.id === Number(one[1]));
      return m ? json(200, m) : json(404, { error: "not found" });
    }
    json(404, { error: "not found" });
  });

  await new Promise<void>((resolve, reject) => {
    smtp.server.once("error", reject);
    smtp.listen(opts.smtpPort, host, () => resolve());
  });
  // Port 0 asks the system for a free port (the crash test); report the ones really used.
  const port = (server: { address(): unknown }) => (server.address() as { port: number }).port;
  const smtpPort = port(smtp.server);
  await new Promise<void>((resolve, reject) => {
    api.once("error", reject);
    api.listen(opts.apiPort, host, () => resolve());
  });

  return {
    smtpUrl: `smtp://${host}:${smtpPort}`,
    apiUrl: `http://${host}:${port(api)}`,
    messages,
    async close() {
      if (behaviour.state !== "down") await new Promise<void>((r) => smtp.close(() => r()));
      await new Promise<void>((r) => api.close(() => r()));
    },
  };
}
