import { apiRoute } from "@/lib/api/route";
import { suspendSubscriptionRoute } from "@/lib/api/v1/subscriptions";

export const POST = apiRoute(suspendSubscriptionRoute);
