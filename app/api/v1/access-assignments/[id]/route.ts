import { apiRoute } from "@/lib/api/route";
import { deleteAccessAssignmentRoute } from "@/lib/api/v1/admin-relationships";

export const DELETE = apiRoute(deleteAccessAssignmentRoute);
