import { apiRoute } from "@/lib/api/route";
import { deleteWebhookEndpointRoute, getWebhookEndpointRoute, updateWebhookEndpointRoute } from "@/lib/api/v1/webhook-endpoints";

export const GET = apiRoute(getWebhookEndpointRoute);
export const PATCH = apiRoute(updateWebhookEndpointRoute);
export const DELETE = apiRoute(deleteWebhookEndpointRoute);
