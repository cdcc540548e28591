import { partnerAbilities } from "@/lib/auth/abilities";
import { redirect } from "next/navigation";
import { memberForPage } from "@/lib/auth/page-guards";

/** A partner's home: the customer list, or the team for a member who may not see customers (billing, user management). */
export default async function PartnerHome({ params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  const member = await memberForPage(partnerId, "partner", `/partner/${partnerId}`);
  redirect(`/partner/${partnerId}/${partnerAbilities(member).seeCustomers ? "customers" : "team"}`);
}
