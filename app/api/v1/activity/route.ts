import { apiRoute } from "@/lib/api/route";
import { listActivityRoute } from "@/lib/api/v1/groups-activity";

export const GET = apiRoute(listActivityRoute);
