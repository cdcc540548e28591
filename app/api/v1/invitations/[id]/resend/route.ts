import { apiRoute } from "@/lib/api/route";
import { resendInvitationRoute } from "@/lib/api/v1/invitations";

export const POST = apiRoute(resendInvitationRoute);
