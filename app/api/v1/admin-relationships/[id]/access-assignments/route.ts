import { apiRoute } from "@/lib/api/route";
import { createAccessAssignmentRoute, listAccessAssignmentsRoute } from "@/lib/api/v1/admin-relationships";

export const GET = apiRoute(listAccessAssignmentsRoute);
export const POST = apiRoute(createAccessAssignmentRoute);
