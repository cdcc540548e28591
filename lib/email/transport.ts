import nodemailer from "nodemailer";
import type { SendFn } from "./outbox";

/** An SMTP sender for the outbox. The timeouts keep a slow server from stalling the worker. */
export function smtpSender(smtpUrl: string, from: string, messageIdDomain: string): SendFn {
  const transport = nodemailer.createTransport(smtpUrl, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  } as nodemailer.TransportOptions);
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
