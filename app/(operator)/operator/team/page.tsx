import { TeamPage } from "@/components/team/team-page";
import { serviceContext } from "@/lib/server-context";
import { teamOf } from "@/lib/team/queries";
import { operatorForPage } from "@/lib/auth/page-guards";

export default async function OperatorTeamPage() {
  const member = await operatorForPage("/operator/team");
  return <TeamPage member={member} team={await teamOf(serviceContext(), member)} />;
}
