import { exportActivity } from "@/lib/audit/export";

export async function GET(request: Request, { params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  return exportActivity(request, partnerId, "partner", "activity.read");
}
