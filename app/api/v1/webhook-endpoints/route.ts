import { apiRoute } from "@/lib/api/route";
import { createWebhookEndpointRoute, listWebhookEndpointsRoute } from "@/lib/api/v1/webhook-endpoints";

export const GET = apiRoute(listWebhookEndpointsRoute);
export const POST = apiRoute(createWebhookEndpointRoute);
