import { apiRoute } from "@/lib/api/route";
import { terminateAdminRelationshipRoute } from "@/lib/api/v1/admin-relationships";

export const POST = apiRoute(terminateAdminRelationshipRoute);
