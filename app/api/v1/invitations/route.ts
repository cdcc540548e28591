import { apiRoute } from "@/lib/api/route";
import { listInvitations, postInvitation } from "@/lib/api/v1/invitations";

export const GET = apiRoute(listInvitations);
export const POST = apiRoute(postInvitation);
