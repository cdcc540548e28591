import { apiRoute } from "@/lib/api/route";
import { getSubscriptionRoute } from "@/lib/api/v1/subscriptions";

export const GET = apiRoute(getSubscriptionRoute);
