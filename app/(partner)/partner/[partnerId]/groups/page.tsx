import { getTranslations } from "next-intl/server";
import { AddGroupMember, RemoveGroupMember } from "@/components/access/group-member-forms";
import { Forbidden } from "@/components/shell/forbidden";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { listGroupsWithMembers } from "@/lib/access/queries";
import { memberForPage } from "@/lib/auth/page-guards";
import { partnerAbilities } from "@/lib/auth/abilities";
import { db } from "@/lib/db";
import { ClientMessages } from "@/components/shell/client-messages";

export default async function GroupsPage({ params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  const member = await memberForPage(partnerId, "partner", `/partner/${partnerId}/groups`);
  const may = partnerAbilities(member);
  if (!may.seeCustomers && !may.manageGroups) return <Forbidden orgName={member.organization.name} />;
  const canWrite = may.manageGroups;
  const t = await getTranslations("groups");
  const { groups, people } = await listGroupsWithMembers(db(), member);
  return (
    <ClientMessages namespaces={["groups"]}>
      <div className="space-y-6">
        <PageHeader title={t("title")} />
        {!canWrite && <Alert tone="info">{t("readOnly")}</Alert>}
        {groups.map((g) => (
          <Section key={g.id} id={`group-${g.id}`} title={g.name}>
            {g.members.length === 0 ? (
              <p className="text-sm text-gray-600">{t("none")}</p>
            ) : (
              <ul className="divide-y divide-gray-100 rounded-md border border-gray-200 bg-white text-sm">
                {g.members.map((m) => (
                  <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
                    <span>{m.email}</span>
                    {canWrite && (
                      <RemoveGroupMember partnerId={partnerId} groupId={g.id} groupName={g.name} userId={m.userId} email={m.email} />
                    )}
                  </li>
                ))}
              </ul>
            )}
            {canWrite && (
              <AddGroupMember
                partnerId={partnerId}
                groupId={g.id}
                groupName={g.name}
                people={people.filter((p) => !g.members.some((m) => m.userId === p.userId))}
              />
            )}
          </Section>
        ))}
      </div>
    </ClientMessages>
  );
}
