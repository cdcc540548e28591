import { apiRoute } from "@/lib/api/route";
import { cancelSubscriptionRoute } from "@/lib/api/v1/subscriptions";

export const POST = apiRoute(cancelSubscriptionRoute);
