import { apiRoute } from "@/lib/api/route";
import { deleteAdminTemplateRoute, getAdminTemplateRoute, updateAdminTemplateRoute } from "@/lib/api/v1/templates";

export const GET = apiRoute(getAdminTemplateRoute);
export const PATCH = apiRoute(updateAdminTemplateRoute);
export const DELETE = apiRoute(deleteAdminTemplateRoute);
