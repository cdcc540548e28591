import { exportActivity } from "@/lib/audit/export";

export async function GET(request: Request, { params }: { params: Promise<{ customerId: string }> }) {
  const { customerId } = await params;
  return exportActivity(request, customerId, "customer", "customer.activity.read");
}
