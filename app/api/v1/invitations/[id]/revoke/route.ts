import { apiRoute } from "@/lib/api/route";
import { revokeInvitationRoute } from "@/lib/api/v1/invitations";

export const POST = apiRoute(revokeInvitationRoute);
