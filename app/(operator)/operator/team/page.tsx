import { TeamPage } from "@/components/team/team-page";
import { operatorForPage } from "@/lib/auth/page-guards";

export default async function OperatorTeamPage() {
  const member = await operatorForPage("/operator/team");
  return <TeamPage member={member} />;
}
