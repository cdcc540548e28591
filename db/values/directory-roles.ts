/**
 * The directory roles a partner can ask for in a customer's tenant. `id` is our stable id
 * (used in the database and the catalogs: `directoryRoles.<id>.name/description`);
 * `templateId` is the role's well-known template id in the directory, for interoperability.
 */
export const DIRECTORY_ROLES = [
  { id: "global_administrator", templateId: "62e90394-69f5-4237-9190-012177145e10", mostPrivileged: true },
  { id: "global_reader", templateId: "f2ef992c-3afb-46b9-b7cf-a126ee74c451" },
  { id: "directory_readers", templateId: "88d8e3e3-8f55-4a1e-953a-9b9898b8876b" },
  { id: "directory_writers", templateId: "9360feb5-f418-4baa-8175-e2a00bac4301" },
  { id: "user_administrator", templateId: "fe930be7-5e62-47db-91af-98c3a49a38b1" },
  { id: "helpdesk_administrator", templateId: "729827e3-9c14-49f7-bb1b-9608f156bbb8" },
  { id: "license_administrator", templateId: "4d6ac14f-3453-41d0-bef9-a3e0c569773a" },
  { id: "service_support_administrator", templateId: "f023fd81-a637-4b56-95fd-791ac0226033" },
  { id: "billing_administrator", templateId: "b0f54661-2d74-4c50-afa3-1ec803f12efe" },
  { id: "privileged_role_administrator", templateId: "e8611ab8-c189-46e8-94e1-60213ab1f814" },
  { id: "privileged_authentication_administrator", templateId: "7be44c8a-adaf-4e2a-84d6-ab2649e08a13" },
  { id: "security_reader", templateId: "5d6b6bb7-de71-4623-b4af-96380a352509" },
  { id: "security_administrator", templateId: "194ae4cb-b126-40b2-bd5b-6091b380977d" },
  { id: "exchange_administrator", templateId: "29232cdf-9323-42fd-ade2-1d097af3e4de" },
  { id: "sharepoint_administrator", templateId: "f28a1f50-f6e7-4571-818b-6a12f2af6b6c" },
  { id: "teams_administrator", templateId: "69091246-20e8-4a56-aa4d-066075b2a7a8" },
  { id: "application_administrator", templateId: "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3" },
  { id: "cloud_application_administrator", templateId: "158c047a-c907-4556-b7ef-446551a6b5f7" },
] as const satisfies readonly { id: string; templateId: string; mostPrivileged?: boolean }[];

export type DirectoryRoleId = (typeof DIRECTORY_ROLES)[number]["id"];
export const DIRECTORY_ROLE_IDS = DIRECTORY_ROLES.map((r) => r.id) as DirectoryRoleId[];
export const GLOBAL_ADMINISTRATOR: DirectoryRoleId = "global_administrator";

export function isDirectoryRoleId(value: string): value is DirectoryRoleId {
  return (DIRECTORY_ROLE_IDS as string[]).includes(value);
}
