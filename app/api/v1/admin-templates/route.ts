import { apiRoute } from "@/lib/api/route";
import { createAdminTemplateRoute, listAdminTemplatesRoute } from "@/lib/api/v1/templates";

export const GET = apiRoute(listAdminTemplatesRoute);
export const POST = apiRoute(createAdminTemplateRoute);
