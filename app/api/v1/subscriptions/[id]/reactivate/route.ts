import { apiRoute } from "@/lib/api/route";
import { reactivateSubscriptionRoute } from "@/lib/api/v1/subscriptions";

export const POST = apiRoute(reactivateSubscriptionRoute);
