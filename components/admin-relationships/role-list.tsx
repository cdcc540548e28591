import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { DIRECTORY_ROLES, type DirectoryRoleId } from "@/db/values/directory-roles";

/** Roles with what each allows; the most privileged is flagged so nobody grants it by accident. */
export async function RoleList({ roles }: { roles: DirectoryRoleId[] }) {
  const t = await getTranslations();
  const ordered = DIRECTORY_ROLES.filter((r) => roles.includes(r.id));
  return (
    <ul className="space-y-1 text-sm">
      {ordered.map((r) => (
        <li key={r.id}>
          <span className="font-medium">{t(`directoryRoles.${r.id}.name`)}</span>{" "}
          {"mostPrivileged" in r && r.mostPrivileged ? <Badge tone="red">{t("adminRelationships.mostPrivileged")}</Badge> : null}
          <span className="block text-gray-600">{t(`directoryRoles.${r.id}.description`)}</span>
        </li>
      ))}
    </ul>
  );
}
