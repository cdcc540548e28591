import { apiRoute } from "@/lib/api/route";
import { postInvitationResend } from "@/lib/api/v1/invitations";

export const POST = apiRoute<{ id: string }>(postInvitationResend);
