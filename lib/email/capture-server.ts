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

/**
 * A real SMTP server on loopback that keeps what it receives, plus a small JSON API
 * (GET /messages[?to=], GET /messages/:id, DELETE /messages) for the built-in mailbox page
 * and the end-to-end tests. For the demo and tests only: it never runs in production.
 */
export async function startCaptureServer(opts: { smtpPort: number; apiPort: number; host?: string }) {
  const host = opts.host ?? "127.0.0.1";
  const messages: CapturedMessage[] = [];
  let nextId = 1;

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // Senders keep a pooled connection open; closing must not wait for them to hang up.
    closeTimeout: 100,
    // Like a real mail server, it refuses some addresses for good: anything at bounce.example
    // gets a permanent 550, so the demo and the tests can show an email that bounced.
    onRcptTo(address, _session, callback) {
      if (address.address.toLowerCase().endsWith("@bounce.example")) {
        const error = new Error("550 5.1.1 No such mailbox here") as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push({
            id: nextId++,
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
  smtp.on("error", () => {});

  const api: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://${host}`);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method === "DELETE" && url.pathname === "/messages") {
      messages.length = 0;
      return json(200, { ok: true });
    }
    if (req.method === "GET" && url.pathname === "/messages") {
      const to = url.searchParams.get("to")?.toLowerCase();
      return json(200, messages.filter((m) => !to || m.to.includes(to)).slice().reverse());
    }
    const one = /^\/messages\/(\d+)$/.exec(url.pathname);
    if (req.method === "GET" && one) {
      const m = messages.find((x) => x.id === Number(one[1]));
      return m ? json(200, m) : json(404, { error: "not found" });
    }
    json(404, { error: "not found" });
  });

  await new Promise<void>((resolve, reject) => {
    smtp.once("error", reject);
    smtp.listen(opts.smtpPort, host, () => resolve());
  });
  await new Promise<void>((resolve, reject) => {
    api.once("error", reject);
    api.listen(opts.apiPort, host, () => resolve());
  });

  // Port 0 asks the system for a free port (the crash test); report the ones really used.
  const port = (server: { address(): unknown }) => (server.address() as { port: number }).port;
  return {
    smtpUrl: `smtp://${host}:${port(smtp.server)}`,
    apiUrl: `http://${host}:${port(api)}`,
    messages,
    async close() {
      await new Promise<void>((r) => smtp.close(() => r()));
      await new Promise<void>((r) => api.close(() => r()));
    },
  };
}
