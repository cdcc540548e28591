import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/format";
import { GLOBAL_ADMINISTRATOR } from "@/db/values/directory-roles";
import type { AdminRelationshipRow } from "@/lib/admin-relationships/queries";
import { DecisionForms } from "./decision-forms";
import { RoleList } from "./role-list";
import { AdminRelationshipStateBadge } from "./state-badge";
import { TerminateForm } from "./terminate-form";

/**
 * `signIn`: who is looking, and whether their sign-in is recent enough to give Global Administrator.
 * `headingLevel`: h3 under the dashboard's section headings, h2 alone under a page's title.
 */
type Props = {
  customerId: string;
  row: AdminRelationshipRow;
  canDecide: boolean;
  signIn: { email: string; recent: boolean };
  headingLevel?: "h2" | "h3";
};

/**
 * One partner's request or relationship as the customer sees it: who, which roles (with
 * what each allows), for how long; and, for a Global administrator, the decision to make.
 */
export async function CustomerRelationshipCard({ customerId, row, canDecide, signIn, headingLevel: Heading = "h3" }: Props) {
  const [t, ts, format] = await Promise.all([getTranslations("customerAdminRelationships"), getTranslations("signIn"), getFormatter()]);
  const pending = row.state === "approvalPending";
  const freshSignIn =
    pending && row.roles.includes(GLOBAL_ADMINISTRATOR) && !signIn.recent
      ? {
          email: signIn.email,
          returnTo: `/customer/${customerId}/admin-relationships/${row.id}`,
          text: { body: t("freshSignInBody"), button: ts("submit"), pending: ts("pending") },
        }
      : null;
  const inForce = row.state === "active" || row.state === "expiring";
  return (
    <article
      className="space-y-3 rounded-md border border-gray-200 bg-white p-4"
      aria-label={t("request", { partner: row.partnerName, name: row.name })}
    >
      <header className="flex flex-wrap items-center justify-between gap-2">
        <Heading className="font-semibold">{t("request", { partner: row.partnerName, name: row.name })}</Heading>
        <AdminRelationshipStateBadge state={row.state} />
      </header>
      <p className="text-sm text-gray-700">
        {[
          pending && row.requestedAt
            ? t("requestedOn", { date: format.dateTime(row.requestedAt, { dateStyle: "long" }), partner: row.partnerName })
            : null,
          pending ? t("duration", { days: row.durationDays }) : null,
          inForce && row.endsAt ? t("until", { date: format.dateTime(row.endsAt, { dateStyle: "long" }) }) : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      {row.autoExtend && <p className="text-sm text-gray-700">{t("autoExtend")}</p>}
      <RoleList roles={row.roles} />
      {canDecide && pending && (
        <DecisionForms
          customerId={customerId}
          relationshipId={row.id}
          name={row.name}
          partnerName={row.partnerName}
          freshSignIn={freshSignIn}
        />
      )}
      {canDecide && inForce && (
        <TerminateForm organizationId={customerId} relationshipId={row.id} name={row.name} partnerName={row.partnerName} side="customer" />
      )}
      {!canDecide && (pending || inForce) && <p className="text-xs text-gray-600">{t("onlyGlobalAdmin")}</p>}
    </article>
  );
}
