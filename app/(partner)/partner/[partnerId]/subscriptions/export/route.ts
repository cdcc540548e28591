import { exportPartnerSubscriptions } from "@/lib/subscriptions/export";

export async function GET(request: Request, { params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  return exportPartnerSubscriptions(request, partnerId);
}
