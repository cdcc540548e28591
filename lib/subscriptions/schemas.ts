import { z } from "zod";
import { idField } from "@/lib/validation/fields";
import { readCsv } from "./import-file";
import { MAX_SEATS, OUTSIDE_CHANNELS, TERMS } from "@/db/values/subscriptions";

export const seatsField = z.coerce
  .number({ error: "seatsInvalid" })
  .int("seatsInvalid")
  .min(1, "seatsInvalid")
  .max(MAX_SEATS, "seatsInvalid");

/** A calendar day (YYYY-MM-DD), read as midnight UTC. */
export const dayField = z
  .string({ error: "required" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "dateInvalid")
  .transform((v) => new Date(`${v}T00:00:00Z`))
  .refine((d) => !Number.isNaN(d.getTime()), "dateInvalid");

/** A product chosen from the list: nothing chosen reads as "choose one", not "required". */
const productField = z.string({ error: "productUnavailable" }).trim().min(1, "productUnavailable").max(64, "invalid");

export const createSubscriptionSchema = z.object({
  partnerId: idField,
  customerId: idField,
  productId: productField,
  seats: seatsField,
  term: z.enum(TERMS, { error: "termInvalid" }),
});
export type CreateSubscriptionInput = z.infer<typeof createSubscriptionSchema>;

export const recordSubscriptionSchema = z.object({
  customerId: idField,
  productId: productField,
  seats: seatsField,
  channel: z.enum(OUTSIDE_CHANNELS, { error: "channelInvalid" }),
  termEndsAt: dayField,
});
export type RecordSubscriptionInput = z.infer<typeof recordSubscriptionSchema>;

/** Acting on a subscription from either side: `organizationId` is the partner of record, or the customer for what it recorded itself. */
export const subscriptionRefSchema = z.object({ organizationId: idField, subscriptionId: idField });
export type SubscriptionRef = z.infer<typeof subscriptionRefSchema>;

export const changeSeatsSchema = subscriptionRefSchema.extend({
  seats: seatsField,
  // The version the change was made to (the API's If-Match): refused if it changed since.
  version: z.coerce.number().int().optional(),
});
export type ChangeSeatsInput = z.infer<typeof changeSeatsSchema>;

/** An import as the form sends it; the file is read here, before the operation's transaction. */
export const importSubscriptionsSchema = z
  .object({
    partnerId: idField,
    csv: z.string({ error: "required" }).min(1, "required").max(600_000, "csvTooLarge"),
    mode: z.enum(["dry-run", "import"], { error: "invalid" }),
  })
  .transform(({ csv, ...rest }) => ({ ...rest, file: readCsv(csv) }));
export type ImportInput = z.output<typeof importSubscriptionsSchema>;

/** One row of an import, as planned from the file. */
export const importRowSchema = z.object({
  partnerId: idField,
  customerId: idField,
  productId: idField,
  seats: seatsField,
  termEndsAt: z.coerce.date({ error: "dateInvalid" }),
  state: z.enum(["active", "suspended"], { error: "importStatusInvalid" }),
});
export type ImportRow = z.infer<typeof importRowSchema>;
