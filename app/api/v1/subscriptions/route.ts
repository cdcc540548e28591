import { apiRoute } from "@/lib/api/route";
import { createSubscriptionRoute } from "@/lib/api/v1/subscriptions";

export const POST = apiRoute(createSubscriptionRoute);
