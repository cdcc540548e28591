import { apiRoute } from "@/lib/api/route";
import { listAdminRelationshipsRoute, requestAdminRelationshipRoute } from "@/lib/api/v1/admin-relationships";

export const GET = apiRoute(listAdminRelationshipsRoute);
export const POST = apiRoute(requestAdminRelationshipRoute);
