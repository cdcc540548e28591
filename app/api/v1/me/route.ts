import { apiRoute } from "@/lib/api/route";
import { getMe } from "@/lib/api/v1/me";

export const GET = apiRoute(getMe);
