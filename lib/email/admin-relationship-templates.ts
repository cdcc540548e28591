import type { DirectoryRoleId } from "@/db/values/directory-roles";
import { translatorFor } from "@/lib/i18n/translator";
import { renderEmail } from "./render";
import { formatEmailDate } from "./templates";

export type AdminRelationshipEmailKind = "requested" | "approved" | "rejected" | "terminated" | "expiring" | "expired";

type Params = {
  kind: AdminRelationshipEmailKind;
  locale: string;
  partnerName: string;
  customerName: string;
  relationship: { name: string; roles: DirectoryRoleId[]; durationDays: number; endsAt: Date | null };
  url: string;
  /** For expiry notices: whole days left. */
  daysLeft?: number;
};

/** Request, approval (to both sides), rejection and termination notices. */
export function adminRelationshipEmail(p: Params) {
  const { t, locale } = translatorFor(p.locale);
  const vars = {
    partner: p.partnerName,
    customer: p.customerName,
    name: p.relationship.name,
    days: p.relationship.durationDays,
    daysLeft: p.daysLeft ?? 0,
    date: p.relationship.endsAt ? formatEmailDate(locale, p.relationship.endsAt) : "",
  };
  const k = `email.adminRelationship.${p.kind}` as const;
  return {
    subject: t(`${k}.subject`, vars),
    ...renderEmail({
      lang: locale,
      heading: t(`${k}.heading`, vars),
      paragraphs: [t(`${k}.body`, vars)],
      lists: [{ title: t("email.adminRelationship.rolesTitle"), items: p.relationship.roles.map((r) => t(`directoryRoles.${r}.name`)) }],
      button: { label: t(`${k}.button`), url: p.url },
      footer: t("email.footer"),
    }),
  };
}
