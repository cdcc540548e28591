import { getTranslations } from "next-intl/server";
import { RoleList } from "@/components/admin-relationships/role-list";
import type { DirectoryRoleId } from "@/db/values/directory-roles";

/** "What can I do here?": the signed-in partner user's roles in this customer's tenant. */
export async function EffectiveRoles({ roles }: { roles: DirectoryRoleId[] }) {
  const t = await getTranslations("effectiveRoles");
  return (
    <div className="space-y-2 rounded-md border border-blue-200 bg-blue-50 p-4">
      <p className="text-sm">{roles.length ? t("intro") : t("none")}</p>
      {roles.length > 0 && <RoleList roles={roles} />}
    </div>
  );
}
