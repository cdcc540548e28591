import { apiRoute } from "@/lib/api/route";
import { changeSeatsRoute } from "@/lib/api/v1/subscriptions";

export const POST = apiRoute(changeSeatsRoute);
