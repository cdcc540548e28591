import "server-only";
import NextAuth from "next-auth";
import Nodemailer from "next-auth/providers/nodemailer";
import { getLocale } from "next-intl/server";
import { transaction } from "@/db/transaction";
import { db } from "@/lib/db";
import { normalizeEmail } from "@/lib/email/normalize";
import { enqueueEmail } from "@/lib/email/outbox";
import { signInEmail } from "@/lib/email/templates";
import { kickOutbox } from "@/lib/email/worker";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { transactionalAdapter } from "./adapter";
import { usesSecureCookies } from "./session-cookie";
import { signInEmailSchema } from "./sign-in-request";

/**
 * Email magic links through the same outbox and SMTP path as every other email.
 * Database sessions (not JWTs), so removing a session row signs a person out at once.
 * The config is built on first request, so `next build` needs no secret. Pages and actions
 * read the session with getActor (lib/auth/session.ts), not Auth.js's auth().
 */
export const { handlers, signIn, signOut } = NextAuth(() => {
  const e = env();
  return {
    adapter: transactionalAdapter(db()),
    secret: e.AUTH_SECRET,
    trustHost: true,
    useSecureCookies: usesSecureCookies(),
    session: { strategy: "database" },
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin/error" },
    providers: [
      Nodemailer({
        server: e.SMTP_URL,
        from: e.MAIL_FROM,
        maxAge: e.SIGNIN_LINK_TTL_MINUTES * 60,
        // A second line of defence behind admitSignInRequest: nothing but one address reaches nodemailer.
        normalizeIdentifier(raw) {
          const email = normalizeEmail(raw);
          if (!signInEmailSchema.safeParse(email).success) throw new Error("Not one email address");
          return email;
        },
        async sendVerificationRequest({ identifier, url }) {
          // Links are built from the configured public URL, never from the request's Host header.
          // The email points at a page that asks for a press before the single-use callback:
          // a mail scanner fetching the link must not use it up.
          const callback = new URL(url);
          const link = new URL("/signin/continue", e.PUBLIC_BASE_URL);
          link.search = callback.search;
          const locale = await getLocale().catch(() => "en");
          const email = {
            idempotencyKey: newId("signin"),
            kind: "sign_in" as const,
            to: identifier,
            ...signInEmail({ locale, url: link.toString(), minutes: e.SIGNIN_LINK_TTL_MINUTES }),
          };
          await transaction(db(), async (tx) => await enqueueEmail(tx, email, new Date()));
          await kickOutbox();
        },
      }),
    ],
  };
});
