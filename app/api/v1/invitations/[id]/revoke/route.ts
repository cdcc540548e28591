import { apiRoute } from "@/lib/api/route";
import { postInvitationRevoke } from "@/lib/api/v1/invitations";

export const POST = apiRoute<{ id: string }>(postInvitationRevoke);
