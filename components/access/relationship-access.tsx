import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { DirectoryRoleId } from "@/db/values/directory-roles";
import { AssignForm } from "./assign-form";
import { RemoveAssignment } from "./remove-assignment";
import { EditAssignmentRoles } from "./edit-assignment-roles";
import { assignmentVersion } from "@/lib/access/change-assignment";

type Props = {
  partnerId: string;
  relationship: { id: string; name: string; roles: DirectoryRoleId[] };
  assignments: {
    id: string;
    group: string;
    roles: DirectoryRoleId[];
    state: "pending" | "active" | "deleted";
    createdAt: Date;
    updatedAt: Date | null;
  }[];
  groups: { id: string; name: string }[];
  canManage: boolean;
};

/** Which of the partner's groups hold which of an in-force relationship's roles. */
export async function RelationshipAccess({ partnerId, relationship, assignments, groups, canManage }: Props) {
  const t = await getTranslations();
  const roleOptions = relationship.roles.map((r) => ({ id: r, name: t(`directoryRoles.${r}.name`) }));
  return (
    <article
      className="space-y-3 rounded-md border border-gray-200 bg-white p-4"
      aria-label={`${t("accessAssignments.title")}: ${relationship.name}`}
    >
      <h3 className="font-semibold">
        {t("accessAssignments.title")}: {relationship.name}
      </h3>
      {assignments.length === 0 ? (
        <p className="text-sm text-gray-600">{t("accessAssignments.none")}</p>
      ) : (
        <ul className="divide-y divide-gray-100 text-sm">
          {assignments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
              <span>
                <span className="font-medium">{a.group}</span>{" "}
                <Badge tone={a.state === "active" ? "green" : "blue"}>{t(`accessAssignmentStates.${a.state}`)}</Badge>
                <span className="block text-gray-700">{a.roles.map((r) => t(`directoryRoles.${r}.name`)).join(", ")}</span>
              </span>
              {canManage && (
                <span className="flex flex-wrap items-start gap-2">
                  <EditAssignmentRoles
                    partnerId={partnerId}
                    assignmentId={a.id}
                    version={assignmentVersion(a).getTime()}
                    group={a.group}
                    roles={roleOptions}
                    current={a.roles}
                  />
                  <RemoveAssignment partnerId={partnerId} assignmentId={a.id} group={a.group} relationshipName={relationship.name} />
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <AssignForm
          partnerId={partnerId}
          relationshipId={relationship.id}
          relationshipName={relationship.name}
          groups={groups}
          roles={roleOptions}
        />
      )}
    </article>
  );
}
