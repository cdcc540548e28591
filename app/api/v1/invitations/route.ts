import { apiRoute } from "@/lib/api/route";
import { createInvitationRoute, listInvitationsRoute } from "@/lib/api/v1/invitations";

export const GET = apiRoute(listInvitationsRoute);
export const POST = apiRoute(createInvitationRoute);
