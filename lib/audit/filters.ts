import { z } from "zod";
import { normalizeEmail } from "@/lib/email/normalize";
import { AUDIT_ACTIONS } from "@/db/values/audit";

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)));

/**
 * The activity log's filters, read from the URL. Anything malformed is dropped rather than
 * refused: a hand-edited link still shows a log, only less filtered.
 */
const filtersSchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  actor: z.string().max(254).transform(normalizeEmail).optional().catch(undefined),
  from: date.optional().catch(undefined),
  to: date.optional().catch(undefined),
  customer: z.string().max(64).optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
export type ActivityFilters = z.infer<typeof filtersSchema>;

export function parseActivityFilters(params: Record<string, string | string[] | undefined>): ActivityFilters {
  const flat = Object.fromEntries(
    Object.entries(params)
      .map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])
      .filter(([, v]) => v !== undefined && v !== ""),
  );
  return filtersSchema.parse(flat);
}

/** The filters as URL parameters (without the paging cursor unless given). */
export function filtersToParams(f: ActivityFilters, before?: number): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of ["action", "actor", "from", "to", "customer"] as const) if (f[key]) p.set(key, String(f[key]));
  if (before) p.set("before", String(before));
  return p;
}
