import { apiRoute } from "@/lib/api/route";
import { requestFromTemplateRoute } from "@/lib/api/v1/templates";

export const POST = apiRoute(requestFromTemplateRoute);
