import { apiRoute } from "@/lib/api/route";
import { listSecurityGroupsRoute } from "@/lib/api/v1/groups-activity";

export const GET = apiRoute(listSecurityGroupsRoute);
