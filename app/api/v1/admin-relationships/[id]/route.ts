import { apiRoute } from "@/lib/api/route";
import { getAdminRelationshipRoute } from "@/lib/api/v1/admin-relationships";

export const GET = apiRoute(getAdminRelationshipRoute);
