import type { OrganizationKind } from "@/db/values/organizations";

/** Where an organization's people land: the partner's customers, the customer's dashboard, the operator console. */
export function orgHref(o: { id: string; kind: OrganizationKind }): string {
  if (o.kind === "operator") return "/operator";
  return o.kind === "partner" ? `/partner/${o.id}/customers` : `/customer/${o.id}`;
}
