import { apiRoute } from "@/lib/api/route";
import { rotateWebhookSecretRoute } from "@/lib/api/v1/webhook-endpoints";

export const POST = apiRoute(rotateWebhookSecretRoute);
