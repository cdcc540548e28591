import { apiRoute } from "@/lib/api/route";
import { addGroupMemberRoute } from "@/lib/api/v1/groups-activity";

export const POST = apiRoute(addGroupMemberRoute);
