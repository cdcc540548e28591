import { z } from "zod";
import { isCountryCode } from "@/lib/countries";

/** Fields several forms share, with the message keys (`validation.<key>`) their errors show. */

export const idField = z.string({ error: "required" }).trim().min(1, "required").max(64, "invalid");

/** A DNS name, lower-cased: labels of letters, digits and inner hyphens, at least two of them. */
export const domainField = z
  .string({ error: "required" })
  .trim()
  .toLowerCase()
  .min(1, "required")
  .max(253, "domainInvalid")
  .regex(/^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/, "domainInvalid");

export const countryField = z.string({ error: "required" }).refine(isCountryCode, "countryInvalid");

export const agreementField = z.literal("on", { error: "agreementRequired" });

export const organizationNameField = z.string({ error: "required" }).trim().min(2, "nameTooShort").max(120, "nameTooLong");

/** An optional text field: empty means absent. */
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());
