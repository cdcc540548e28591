import { Forbidden } from "@/components/shell/forbidden";
import { TeamPage } from "@/components/team/team-page";
import { serviceContext } from "@/lib/server-context";
import { teamOf } from "@/lib/team/queries";
import { memberForPage } from "@/lib/auth/page-guards";
import { customerAbilities } from "@/lib/auth/abilities";

export default async function CustomerUsersPage({ params }: { params: Promise<{ customerId: string }> }) {
  const { customerId } = await params;
  const member = await memberForPage(customerId, "customer", `/customer/${customerId}/users`);
  const may = customerAbilities(member);
  if (!may.seeDashboard) return <Forbidden orgName={member.organization.name} />;
  return <TeamPage member={member} team={await teamOf(serviceContext(), member)} />;
}
