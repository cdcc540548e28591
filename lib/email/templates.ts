import type { AdminRequest } from "@/db/values/admin-relationships";
import { translatorFor } from "@/lib/i18n/translator";
import { TIME_ZONE } from "@/lib/i18n/locales";
import { renderEmail } from "./render";

type Mail = { subject: string; html: string; text: string };

// Creating an Intl.DateTimeFormat costs far more than using one: one per language.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date as emails write it ("21 November 2026"), in the recipient's language. */
export function formatEmailDate(locale: string, date: Date): string {
  let f = dateFormats.get(locale);
  if (!f) dateFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: TIME_ZONE })));
  return f.format(date);
}

export function invitationEmail(p: {
  locale: string;
  partnerName: string;
  inviterEmail: string;
  message: string | null;
  url: string;
  expiresAt: Date;
  adminRequest: AdminRequest | null;
  /** Two-tier: the indirect provider that becomes a partner too on acceptance. */
  providerName?: string | null;
}): Mail {
  const { t, locale } = translatorFor(p.locale);
  const vars = { partner: p.partnerName };
  return {
    subject: t("email.invitation.subject", vars),
    ...renderEmail({
      lang: locale,
      heading: t("email.invitation.heading", vars),
      paragraphs: [
        t("email.invitation.intro", { ...vars, inviter: p.inviterEmail }),
        t("email.invitation.grants", vars),
        ...(p.providerName ? [t("email.invitation.withProvider", { ...vars, provider: p.providerName })] : []),
      ],
      quote: p.message ? { title: t("email.invitation.messageFrom", vars), text: p.message } : undefined,
      lists: [
        ...(p.adminRequest
          ? [
              {
                title: t("email.invitation.adminRoles", { partner: p.partnerName, days: p.adminRequest.durationDays }),
                items: p.adminRequest.roles.map((r) => t(`directoryRoles.${r}.name`)),
              },
            ]
          : []),
        {
          title: t("email.invitation.doesNotTitle"),
          items: [t("rule3.subscriptions"), t("rule3.ownership"), t("rule3.terms"), t("rule3.partnerOfRecord"), t("rule3.otherPartners")],
        },
      ],
      button: { label: t("email.invitation.button"), url: p.url },
      footer: t("email.invitation.footer", { date: formatEmailDate(locale, p.expiresAt) }),
    }),
  };
}

export function invitationAnsweredEmail(p: {
  locale: string;
  accepted: boolean;
  customerName: string | null;
  email: string;
  partnerName: string;
  url: string;
}): Mail {
  const { t, locale } = translatorFor(p.locale);
  const key = p.accepted ? ("email.accepted" as const) : ("email.declined" as const);
  const vars = { customer: p.customerName ?? p.email, email: p.email, partner: p.partnerName };
  return {
    subject: t(`${key}.subject` as const, vars),
    ...renderEmail({
      lang: locale,
      heading: t(`${key}.heading` as const, vars),
      paragraphs: [t(`${key}.body` as const, vars)],
      button: { label: t(`${key}.button` as const), url: p.url },
      footer: t("email.footer"),
    }),
  };
}

export function signInEmail(p: { locale: string; url: string; minutes: number }): Mail {
  const { t, locale } = translatorFor(p.locale);
  return {
    subject: t("email.signIn.subject"),
    ...renderEmail({
      lang: locale,
      heading: t("email.signIn.heading"),
      paragraphs: [t("email.signIn.body", { minutes: p.minutes })],
      button: { label: t("email.signIn.button"), url: p.url },
      footer: t("email.signIn.footer"),
    }),
  };
}

export function memberInvitationEmail(p: {
  locale: string;
  organizationName: string;
  inviterEmail: string;
  roles: string[];
  url: string;
  expiresAt: Date;
}): Mail {
  const { t, locale } = translatorFor(p.locale);
  const roleName = t as unknown as (key: string) => string;
  const vars = { organization: p.organizationName, inviter: p.inviterEmail };
  return {
    subject: t("email.memberInvitation.subject", vars),
    ...renderEmail({
      lang: locale,
      heading: t("email.memberInvitation.heading", vars),
      paragraphs: [t("email.memberInvitation.body", vars)],
      lists: [{ title: t("email.memberInvitation.rolesTitle"), items: p.roles.map((r) => roleName(`roles.${r}`)) }],
      button: { label: t("email.memberInvitation.button"), url: p.url },
      footer: t("email.invitation.footer", { date: formatEmailDate(locale, p.expiresAt) }),
    }),
  };
}

export function relationshipEndedEmail(p: { locale: string; partnerName: string; customerName: string; url: string }): Mail {
  const { t, locale } = translatorFor(p.locale);
  const vars = { partner: p.partnerName, customer: p.customerName };
  return {
    subject: t("email.relationshipEnded.subject", vars),
    ...renderEmail({
      lang: locale,
      heading: t("email.relationshipEnded.heading"),
      paragraphs: [t("email.relationshipEnded.body", vars)],
      button: { label: t("email.relationshipEnded.button"), url: p.url },
      footer: t("email.footer"),
    }),
  };
}

/** The short notices (partnerships, support): one heading, one sentence, one button; keys under `email.<kind>`. */
export type NoticeKind =
  | "partnershipInvitation"
  | "partnershipAuthorized"
  | "partnershipDeclined"
  | "partnershipEnded"
  | "supportAssigned"
  | "supportEnded"
  | "customerViaReseller"
  | "applicationReceived"
  | "applicationApproved"
  | "applicationRejected"
  | "partnerSuspended"
  | "partnerReinstated"
  | "partnerOffboarded"
  | "subscriptionCreated"
  | "subscriptionSeats"
  | "subscriptionSuspended"
  | "subscriptionReactivated"
  | "subscriptionCancelled"
  | "subscriptionRecorded"
  | "subscriptionsImported"
  | "rolesGranted"
  | "groupAccessGranted"
  | "webhookGone"
  | "webhookFailing"
  | "apiKeyWeakened"
  | "apiKeyMakerLeft";

export function noticeEmail(p: { locale: string; kind: NoticeKind; vars: Record<string, string>; url: string; expiresAt?: Date }): Mail {
  const { t, locale } = translatorFor(p.locale);
  const key = `email.${p.kind}` as const;
  return {
    subject: t(`${key}.subject`, p.vars),
    ...renderEmail({
      lang: locale,
      heading: t(`${key}.heading`, p.vars),
      paragraphs: [t(`${key}.body`, p.vars)],
      button: { label: t(`${key}.button`), url: p.url },
      footer: p.expiresAt ? t("email.invitation.footer", { date: formatEmailDate(locale, p.expiresAt) }) : t("email.footer"),
    }),
  };
}
