import { partnerAbilities } from "@/lib/auth/abilities";
import { redirect } from "next/navigation";
import { memberForPage } from "@/lib/auth/page-guards";

/** A partner's home: the customer list; the subscriptions for a member who may not see customers (billing); else the team (user management). */
export default async function PartnerHome({ params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  const member = await memberForPage(partnerId, "partner", `/partner/${partnerId}`);
  const may = partnerAbilities(member);
  redirect(`/partner/${partnerId}/${may.seeCustomers ? "customers" : may.seeSubscriptions ? "subscriptions" : "team"}`);
}
