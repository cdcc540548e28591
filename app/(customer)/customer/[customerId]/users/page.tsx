import { Forbidden } from "@/components/shell/forbidden";
import { TeamPage } from "@/components/team/team-page";
import { serviceContext } from "@/lib/server-context";
import { teamOf } from "@/lib/team/queries";
import { memberForPage } from "@/lib/auth/page-guards";
import { hasPermission } from "@/lib/auth/permissions";

export default async function CustomerUsersPage({ params }: { params: Promise<{ customerId: string }> }) {
  const { customerId } = await params;
  const member = await memberForPage(customerId, "customer", `/customer/${customerId}/users`);
  if (!hasPermission(member.roles, "customer.dashboard.read")) return <Forbidden orgName={member.organization.name} />;
  return <TeamPage member={member} team={await teamOf(serviceContext(), member)} />;
}
