import type { Actor } from "@/lib/auth/membership";
import type { ServiceContext } from "@/lib/context";
import { submitApplication } from "@/lib/enrollment/service";
import { execute } from "@/lib/operations/execute";
import { CLOUD_RULES } from "@/lib/clouds";
import type { ApplyInput } from "@/lib/enrollment/schemas";

/** A valid application for tailwind.example in the global cloud, with what a test changes. */
export const applicationForm = (over: Partial<ApplyInput & { clientIp: string }> = {}): ApplyInput & { clientIp: string } => ({
  companyName: "Tailwind Cloud",
  primaryDomain: "tailwind.example",
  country: "DE",
  cloud: "global",
  partnerType: "direct",
  corporateDomain: undefined,
  agreement: "on",
  agreementVersion: CLOUD_RULES.global.partnerAgreement.version,
  locale: "de",
  clientIp: "203.0.113.7",
  ...over,
});

/** Applies as the person, from the form's client address (which a page takes from the request, not the form). */
export async function apply(ctx: ServiceContext, actor: Actor, form: ApplyInput & { clientIp: string }) {
  const { clientIp, ...input } = form;
  return await execute(submitApplication, { ...ctx, clientIp }, actor, input);
}
