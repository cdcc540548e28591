import { getTranslations } from "next-intl/server";
import type { DirectoryRoleId } from "@/db/values/directory-roles";
import type { GroupRoles } from "@/db/values/templates";

type Props = {
  roles: DirectoryRoleId[];
  durationDays: number;
  autoExtend: boolean;
  groupRoles: GroupRoles;
  groupNames: Map<string, string>;
};

/** What a template version asks for and who receives what, as a definition list. */
export async function TemplateSummary({ roles, durationDays, autoExtend, groupRoles, groupNames }: Props) {
  const t = await getTranslations();
  const roleNames = (ids: DirectoryRoleId[]) => ids.map((r) => t(`directoryRoles.${r}.name`)).join(", ");
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      <dt className="font-medium">{t("templates.roles")}</dt>
      <dd>{roleNames(roles)}</dd>
      <dt className="font-medium">{t("templates.duration")}</dt>
      <dd>{t("templates.days", { days: durationDays })}</dd>
      <dt className="font-medium">{t("templates.autoExtend")}</dt>
      <dd>{autoExtend ? t("templates.yes") : t("templates.no")}</dd>
      <dt className="font-medium">{t("templates.groups")}</dt>
      <dd>
        {groupRoles.length === 0 ? (
          t("templates.groupsNone")
        ) : (
          <ul>
            {groupRoles.map((g) => (
              <li key={g.groupId}>
                {t("templates.groupReceives", { group: groupNames.get(g.groupId) ?? g.groupId })}: {roleNames(g.roles)}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}
