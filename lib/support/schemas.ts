import { z } from "zod";

const id = z.string({ error: "required" }).trim().min(1, "required").max(64, "invalid");

export const assignSupportSchema = z.object({ customerId: id, subscriptionId: id, partnerId: id });
export type AssignSupportInput = z.infer<typeof assignSupportSchema>;

export const endSupportSchema = z.object({ customerId: id, assignmentId: id });
export type EndSupportInput = z.infer<typeof endSupportSchema>;

export const recordSupportActionSchema = z.object({
  partnerId: id,
  assignmentId: id,
  note: z.string({ error: "required" }).trim().min(3, "noteTooShort").max(2000, "messageTooLong"),
});
export type RecordSupportActionInput = z.infer<typeof recordSupportActionSchema>;
