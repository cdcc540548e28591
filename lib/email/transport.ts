import nodemailer from "nodemailer";
import type { SendFn } from "./outbox";

/**
 * How the outbox talks to SMTP, unless SMTP_URL's query says otherwise (nodemailer reads
 * its options from the URL's query; a second argument would only set message defaults).
 * - One pooled connection carries message after message: a new connection per message waits
 *   for the greeting every time (smtp-server holds it back 100 ms; measured 150 ms a message,
 *   against a few ms pooled), and the worker sends one at a time anyway.
 * - The timeouts keep a slow or silent server from stalling the worker.
 */
const DEFAULTS: Record<string, string> = {
  pool: "true",
  maxConnections: "1",
  connectionTimeout: "10000",
  greetingTimeout: "10000",
  socketTimeout: "20000",
};

export function transportUrl(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  for (const [key, value] of Object.entries(DEFAULTS)) if (!url.searchParams.has(key)) url.searchParams.set(key, value);
  return url.toString();
}

export function smtpSender(smtpUrl: string, from: string, messageIdDomain: string): SendFn {
  const transport = nodemailer.createTransport(transportUrl(smtpUrl));
  return async (m) => {
    await transport.sendMail({
      from,
      to: m.to,
      subject: m.subject,
      text: m.text,
      html: m.html,
      messageId: `<${m.messageId}@${messageIdDomain}>`,
    });
  };
}
