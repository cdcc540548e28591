import { z } from "zod";

const id = z.string({ error: "required" }).trim().min(1, "required").max(64, "invalid");

export const removeCustomerSchema = z.object({
  partnerId: id,
  customerId: id,
  // The written attestation the program asks for before a partner ends a relationship.
  attestation: z.string({ error: "attestationRequired" }).trim().min(20, "attestationRequired").max(1000, "messageTooLong"),
});

/** "everything" ends the reseller relationship too; "admin_roles" ends only the admin roles and support. */
export const removePartnerSchema = z.object({
  customerId: id,
  partnerId: id,
  scope: z.enum(["everything", "admin_roles"], { error: "invalid" }),
});
