import { firstRow } from "@/db/query";
import { freePort } from "@/db/testing/free-port";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { emailOutbox } from "@/db/schema";
import { transaction } from "@/db/transaction";
import { testContext } from "@/lib/testing/fixtures";
import { startCaptureServer } from "./capture-server";
import { deliverDueEmails, enqueueEmail, wakeOnQueuedEmail } from "./outbox";
import { smtpSender } from "./transport";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

function queue(t: Awaited<ReturnType<typeof testContext>>, key = "k1") {
  const email = { idempotencyKey: key, kind: "test", to: "grace@blueyonder.example", subject: "Hello", text: "Body", html: "<p>Body</p>" };
  return transaction(t.ctx.db, async (tx) => await enqueueEmail(tx, email, t.ctx.now()));
}

describe("email outbox", () => {
  it("wakes the sender after the commit that queued mail, and never for a write that rolled back", async () => {
    const t = await testContext();
    const woken: string[] = [];
    wakeOnQueuedEmail(() => woken.push("woken"));
    closers.push(async () => wakeOnQueuedEmail(undefined));
    const email = {
      idempotencyKey: "k-wake",
      kind: "test",
      to: "grace@blueyonder.example",
      subject: "Hello",
      text: "Body",
      html: "<p>Body</p>",
    };
    await transaction(t.ctx.db, async (tx) => {
      await enqueueEmail(tx, email, t.ctx.now());
      // Inside the transaction nothing is woken: the sender would find nothing committed.
      expect(woken).toEqual([]);
    });
    expect(woken).toEqual(["woken"]);
    await expect(
      transaction(t.ctx.db, async (tx) => {
        await enqueueEmail(tx, { ...email, idempotencyKey: "k-rolled-back" }, t.ctx.now());
        throw new Error("the write fails after queuing");
      }),
    ).rejects.toThrow("the write fails");
    expect(woken).toEqual(["woken"]);
  });

  it("delivers through real SMTP, once, with the idempotency key as Message-ID", async () => {
    const capture = await startCaptureServer({ smtpPort: await freePort(), apiPort: await freePort() });
    closers.push(capture.close);
    const t = await testContext();
    await queue(t);
    await queue(t); // same key again: still one message
    const send = smtpSender(capture.smtpUrl, "PRC <prc@example.com>", "prc.example");
    expect(await deliverDueEmails(t.ctx.db, send, t.ctx.now)).toBe(1);
    expect(await deliverDueEmails(t.ctx.db, send, t.ctx.now)).toBe(0);
    expect(capture.messages).toHaveLength(1);
    expect(capture.messages[0]).toMatchObject({ subject: "Hello", to: ["grace@blueyonder.example"], messageId: "<k1@prc.example>" });
    expect((await firstRow(t.ctx.db.select().from(emailOutbox)))!.state).toBe("sent");
  });

  it("several servers draining one outbox at once send each email once", async () => {
    const capture = await startCaptureServer({ smtpPort: await freePort(), apiPort: await freePort() });
    closers.push(capture.close);
    const t = await testContext();
    for (let i = 0; i < 30; i++) await queue(t, `k${i}`);
    const send = smtpSender(capture.smtpUrl, "PRC <prc@example.com>", "prc.example");
    // Each drains in small batches until it finds nothing more to claim (on PostgreSQL, each on its own connection).
    const drain = async () => {
      let sent = 0;
      for (let n; (n = await deliverDueEmails(t.ctx.db, send, t.ctx.now, 4)) > 0;) sent += n;
      return sent;
    };
    const sent = await Promise.all([drain(), drain(), drain()]);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(30);
    expect(capture.messages).toHaveLength(30);
    expect(new Set(capture.messages.map((m) => m.messageId)).size).toBe(30);
  });

  it("keeps mail while SMTP is down and retries with backoff once it is back", async () => {
    const t = await testContext();
    await queue(t);
    const smtpPort = await freePort();
    const down = smtpSender(`smtp://127.0.0.1:${smtpPort}`, "prc@example.com", "prc.example");
    expect(await deliverDueEmails(t.ctx.db, down, t.ctx.now)).toBe(0);
    let row = (await firstRow(t.ctx.db.select().from(emailOutbox)))!;
    expect(row).toMatchObject({ state: "pending", attempts: 1 });
    expect(row.nextAttemptAt.getTime() - t.ctx.now().getTime()).toBe(5_000);
    // Not due yet: nothing is attempted.
    expect(await deliverDueEmails(t.ctx.db, down, t.ctx.now)).toBe(0);
    expect((await firstRow(t.ctx.db.select().from(emailOutbox)))!.attempts).toBe(1);

    const capture = await startCaptureServer({ smtpPort, apiPort: await freePort() });
    closers.push(capture.close);
    t.advance(5_000);
    expect(await deliverDueEmails(t.ctx.db, down, t.ctx.now)).toBe(1);
    row = (await firstRow(t.ctx.db.select().from(emailOutbox)))!;
    expect(row).toMatchObject({ state: "sent", attempts: 2 });
    expect(capture.messages).toHaveLength(1);
  });

  it("gives up at once on a permanent (5xx) rejection", async () => {
    const smtpPort = await freePort();
    const rejecting = new SMTPServer({
      // The sender's connection may still be open when the test ends: close it rather than wait 30 s for it.
      closeTimeout: 200,
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error("550 mailbox unavailable"), { responseCode: 550 }));
      },
    });
    await new Promise<void>((r) => rejecting.listen(smtpPort, "127.0.0.1", () => r()));
    closers.push(() => new Promise<void>((r) => rejecting.close(() => r())));
    const t = await testContext();
    await queue(t);
    await deliverDueEmails(t.ctx.db, smtpSender(`smtp://127.0.0.1:${smtpPort}`, "prc@example.com", "prc.example"), t.ctx.now);
    const row = (await firstRow(t.ctx.db.select().from(emailOutbox)))!;
    expect(row.state).toBe("failed");
    expect(row.lastError).toMatch(/550/);
  });
});
