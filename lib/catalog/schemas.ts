import { z } from "zod";
import { CLOUDS } from "@/db/values/organizations";
import { idField } from "@/lib/validation/fields";

const name = z.string({ error: "required" }).trim().min(2, "nameTooShort").max(120, "nameTooLong");
const flag = z.preprocess((v) => v === "on" || v === "true", z.boolean());

export const addProductSchema = z.object({ cloud: z.enum(CLOUDS, { error: "cloudInvalid" }), name, supportable: flag });
export type AddProductInput = z.infer<typeof addProductSchema>;

export const changeProductSchema = z.object({ productId: idField, name, supportable: flag, available: flag });
export type ChangeProductInput = z.infer<typeof changeProductSchema>;

export const productRefSchema = z.object({ productId: idField });
export type ProductRef = z.infer<typeof productRefSchema>;
