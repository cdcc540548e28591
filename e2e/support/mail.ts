import { expect, type Page } from "@playwright/test";
import type { CapturedMessage } from "../../lib/email/capture-server";
import { E2E, type Server } from "./ports";

/** The email helpers for one server's SMTP capture (the seeded test server's by default). */
export function mailbox(server: Server) {
  /** Every message received for this address so far (repeats included). */
  async function messagesTo(to: string): Promise<CapturedMessage[]> {
    return (await (await fetch(`${server.mailboxApi}/messages?to=${encodeURIComponent(to)}`)).json()) as CapturedMessage[];
  }

  /** The id of the newest message so far: wait for mail "after" it to ignore everything older. */
  async function mailCursor(): Promise<number> {
    const list = (await (await fetch(`${server.mailboxApi}/messages`)).json()) as CapturedMessage[];
    return list[0]?.id ?? 0;
  }

  /** Waits for the newest email to this address whose subject matches, with an id above `after`. */
  async function waitForEmail(to: string, subject: RegExp, after = 0): Promise<CapturedMessage> {
    let found: CapturedMessage | undefined;
    await expect
      .poll(
        async () => {
          found = (await messagesTo(to)).find((m) => subject.test(m.subject) && m.id > after);
          return Boolean(found);
        },
        { timeout: 15_000, message: `email to ${to} matching ${subject}` },
      )
      .toBe(true);
    return found!;
  }

  /** The first link in the message's text that starts with the app's base URL and this path. */
  function linkIn(message: CapturedMessage, path: string): string {
    const link = message.text.match(/https?:\/\/[^\s<>"')]+/g)?.find((l) => l.startsWith(`${server.baseUrl}${path}`));
    expect(link, `a ${path} link in "${message.subject}"`).toBeTruthy();
    return link!;
  }

  /** Opens the emailed sign-in link and presses the button it asks for (opening alone signs nobody in). */
  async function followSignInLink(page: Page, message: CapturedMessage) {
    await page.goto(linkIn(message, "/signin/continue"));
    await page.getByRole("button", { name: "Sign in" }).click();
  }

  /** Signs in like a person: asks for a magic link, reads it from SMTP, follows it. */
  async function signIn(page: Page, email: string, redirectTo = "/") {
    const since = await mailCursor();
    await page.goto(`${server.baseUrl}/signin?${new URLSearchParams({ email, redirectTo })}`);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    // Our page's own address, not Auth.js's /api/auth/verify-request on the way to it.
    await expect(page).toHaveURL(`${server.baseUrl}/signin/check-email`);
    const message = await waitForEmail(email, /sign-in link/i, since);
    await followSignInLink(page, message);
    await page.waitForURL((url) => !url.pathname.startsWith("/signin") && !url.pathname.startsWith("/api/auth"));
  }

  /** Stages an SMTP outage in the built-in capture: "down", "tempfail" (451), "slow", or back "up". */
  async function setSmtp(state: "up" | "down" | "tempfail" | "slow", delayMs = 0) {
    const res = await fetch(`${server.mailboxApi}/smtp?${new URLSearchParams({ state, delayMs: String(delayMs) })}`, { method: "PUT" });
    expect(res.ok, `the capture server took state ${state}`).toBe(true);
  }

  return { messagesTo, mailCursor, waitForEmail, linkIn, followSignInLink, signIn, setSmtp };
}

export const { messagesTo, mailCursor, waitForEmail, linkIn, followSignInLink, signIn, setSmtp } = mailbox(E2E);
