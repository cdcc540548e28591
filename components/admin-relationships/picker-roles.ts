import "server-only";
import { getTranslations } from "next-intl/server";
import { DIRECTORY_ROLES } from "@/db/values/directory-roles";
import type { PickerRole } from "./admin-request-fields";

/** The role catalog in the reader's language, for the role picker. */
export async function pickerRoles(): Promise<PickerRole[]> {
  const t = await getTranslations("directoryRoles");
  return DIRECTORY_ROLES.map((r) => ({
    id: r.id,
    name: t(`${r.id}.name`),
    description: t(`${r.id}.description`),
    mostPrivileged: "mostPrivileged" in r && r.mostPrivileged,
  }));
}
