import { apiRoute } from "@/lib/api/route";
import { getInvitation } from "@/lib/api/v1/invitations";

export const GET = apiRoute<{ id: string }>(getInvitation);
