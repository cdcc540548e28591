import { apiRoute } from "@/lib/api/route";
import { deleteAccessAssignmentRoute, getAccessAssignmentRoute, updateAccessAssignmentRoute } from "@/lib/api/v1/admin-relationships";

export const GET = apiRoute(getAccessAssignmentRoute);
export const PATCH = apiRoute(updateAccessAssignmentRoute);
export const DELETE = apiRoute(deleteAccessAssignmentRoute);
