import { exportActivity } from "@/lib/audit/export";
import { db } from "@/lib/db";
import { operatorOrganization } from "@/lib/operator/bootstrap";

export async function GET(request: Request) {
  return exportActivity(request, (await operatorOrganization(db()))?.id ?? "", "operator", "operator.console.read");
}
