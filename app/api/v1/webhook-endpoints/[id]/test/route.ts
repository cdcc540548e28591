import { apiRoute } from "@/lib/api/route";
import { testWebhookEndpointRoute } from "@/lib/api/v1/webhook-endpoints";

export const POST = apiRoute(testWebhookEndpointRoute);
