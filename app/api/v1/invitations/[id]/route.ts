import { apiRoute } from "@/lib/api/route";
import { getInvitationRoute } from "@/lib/api/v1/invitations";

export const GET = apiRoute(getInvitationRoute);
