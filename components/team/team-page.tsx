import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/format";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { Table, Td } from "@/components/ui/table";
import type { Member } from "@/lib/auth/membership";
import { ROLES_OF_KIND } from "@/db/values/roles";
import type { teamOf } from "@/lib/team/queries";
import { InviteMemberForm, MemberRolesForm, RemoveMemberForm, RevokeMemberInvitationForm } from "./member-forms";
import { RenameOrganizationForm } from "./rename-form";
import { ClientMessages } from "@/components/shell/client-messages";

/** The page's words for each kind of organization. */
const TEXTS = {
  partner: { title: "team.title", readOnly: "team.readOnly", invite: "team.inviteTitle" },
  customer: { title: "team.titleCustomer", readOnly: "team.readOnlyCustomer", invite: "team.inviteTitleCustomer" },
  operator: { title: "team.titleOperator", readOnly: "team.readOnlyOperator", invite: "team.inviteTitleOperator" },
} as const;

/** The people of one organization: partner team, customer users or the program's operators, with their roles. */
export async function TeamPage({ member, team }: { member: Member; team: Awaited<ReturnType<typeof teamOf>> }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const org = member.organization;
  const texts = TEXTS[org.kind];
  const { canWrite, canInvite, canRename, members, pending } = team;
  const roleName = t as unknown as (key: string) => string;
  const roles = ROLES_OF_KIND[org.kind].map((r) => ({ id: r, name: roleName(`roles.${r}`) }));

  return (
    <ClientMessages namespaces={["team"]}>
      <div className="space-y-8">
        <PageHeader title={t(texts.title)} />
        {!canWrite && <Alert tone="info">{t(texts.readOnly)}</Alert>}
        {canRename && (
          <Section id="organization-profile" title={t("team.profileTitle")}>
            <RenameOrganizationForm organizationId={org.id} name={org.name} />
          </Section>
        )}
        <Table
          caption={t("team.members")}
          head={[t("team.email"), t("team.roles"), t("team.since"), canWrite ? t("partner.invitations.actions") : ""].filter(Boolean)}
        >
          {members.map((m) => (
            <tr key={m.userId} data-testid={`member-${m.email}`}>
              <Td>
                {m.email} {m.userId === member.userId ? <span className="text-xs text-gray-500">({t("team.you")})</span> : null}
              </Td>
              <Td>
                {canWrite ? (
                  <MemberRolesForm organizationId={org.id} userId={m.userId} email={m.email} roles={roles} current={m.roles} />
                ) : (
                  m.roles.map((r) => roleName(`roles.${r}`)).join(", ")
                )}
              </Td>
              <Td>{format.dateTime(m.since, { dateStyle: "medium" })}</Td>
              {canWrite && (
                <Td>
                  <RemoveMemberForm organizationId={org.id} organizationName={org.name} userId={m.userId} email={m.email} />
                </Td>
              )}
            </tr>
          ))}
        </Table>
        {canWrite && (
          <>
            {canInvite && <InviteMemberForm organizationId={org.id} roles={roles} title={t(texts.invite)} />}
            <Section id="pending-members" title={t("team.pending")}>
              {pending.length === 0 ? (
                <p className="text-sm text-gray-600">{t("team.pendingNone")}</p>
              ) : (
                <ul className="divide-y divide-gray-100 rounded-md border border-gray-200 bg-white text-sm">
                  {pending.map((p) => (
                    <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
                      <span>
                        {p.email} · {p.roles.map((r) => roleName(`roles.${r}`)).join(", ")}
                      </span>
                      <RevokeMemberInvitationForm organizationId={org.id} invitationId={p.id} email={p.email} />
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          </>
        )}
      </div>
    </ClientMessages>
  );
}
