import { redirect } from "next/navigation";
import { operatorForPage } from "@/lib/auth/page-guards";

/** /operator opens the applications waiting for a decision. */
export default async function OperatorIndex() {
  await operatorForPage("/operator");
  redirect("/operator/applications");
}
