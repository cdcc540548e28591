import { TeamPage } from "@/components/team/team-page";
import { serviceContext } from "@/lib/server-context";
import { teamOf } from "@/lib/team/queries";
import { memberForPage } from "@/lib/auth/page-guards";

export default async function PartnerTeamPage({ params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  const member = await memberForPage(partnerId, "partner", `/partner/${partnerId}/team`);
  return <TeamPage member={member} team={await teamOf(serviceContext(), member)} />;
}
