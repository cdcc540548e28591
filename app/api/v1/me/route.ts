import { apiRoute } from "@/lib/api/route";
import { meRoute } from "@/lib/api/v1/me";

export const GET = apiRoute(meRoute);
