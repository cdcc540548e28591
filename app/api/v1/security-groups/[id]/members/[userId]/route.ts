import { apiRoute } from "@/lib/api/route";
import { removeGroupMemberRoute } from "@/lib/api/v1/groups-activity";

export const DELETE = apiRoute(removeGroupMemberRoute);
