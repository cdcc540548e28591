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
