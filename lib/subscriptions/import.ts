import { and, eq } from "drizzle-orm";
import { products, resellerRelationships } from "@/db/schema";
import type { Member } from "@/lib/auth/membership";
import { membersWith } from "@/lib/auth/recipients";
import type { ServiceContext } from "@/lib/context";
import { defineOperation } from "@/lib/operations/define";
import { executeWithin } from "@/lib/operations/execute";
import { normalizeDomain } from "@/lib/email/normalize";
import { productKey } from "@/lib/catalog/service";
import { MAX_SEATS } from "@/db/values/subscriptions";
import { saleProblems, sellIn } from "./service";
import { importRowSchema, importSubscriptionsSchema, type ImportInput, type ImportRow } from "./schemas";
import { enqueueNotices } from "@/lib/email/notices";
import type { ImportFile } from "./import-file";

export type PlannedRow = {
  line: number;
  customerDomain: string;
  customerName: string | null;
  product: string;
  seats: string;
  termEnds: string;
  status: string;
  /** Message keys under `validation.`: empty when the row can be imported. */
  errors: string[];
  /** What would be written, when the row is valid. */
  value?: { customerId: string; productId: string; seats: number; termEndsAt: Date; state: "active" | "suspended" };
};

type Sheet = { rows: PlannedRow[]; fileErrors: string[]; member: Member };

/**
 * The dry run: every row with its own errors, nothing written. A row is importable when its
 * customer is this partner's customer now (by primary domain), its product is in the cloud's
 * catalog, its seats are a whole number from 1 to 100,000, its term ends on a future date,
 * and its status (if given) is active or suspended.
 */
async function planRecords(ctx: ServiceContext, member: Member, csv: ImportFile): Promise<Sheet> {
  const { records, fileErrors } = csv;
  if (fileErrors.length) return { rows: [], fileErrors, member };
  const customers = new Map(
    (
      await ctx.db
        .select({
          id: resellerRelationships.customerId,
          name: resellerRelationships.customerName,
          domain: resellerRelationships.customerDomain,
        })
        .from(resellerRelationships)
        .where(and(eq(resellerRelationships.partnerId, member.organization.id), eq(resellerRelationships.state, "active")))
    ).map((c) => [c.domain, c]),
  );
  const catalog = new Map(
    (await ctx.db.select().from(products).where(eq(products.cloud, member.organization.cloud))).map((p) => [p.nameKey, p]),
  );
  const now = ctx.now();
  const rows = records.map((r, i): PlannedRow => {
    const errors: string[] = [];
    const domain = normalizeDomain(r.customer_domain ?? "");
    const customer = customers.get(domain);
    const product = catalog.get(productKey(r.product ?? ""));
    // The single sale's own rule (lib/subscriptions/service.ts), row by row: a product the
    // operators withdrew is refused here as the sale refuses it.
    for (const problem of saleProblems({ relationship: customer, product, cloud: member.organization.cloud }))
      errors.push(problem === "customer" ? "importCustomerUnknown" : product ? "productUnavailable" : "importProductUnknown");
    const seats = Number(r.seats);
    if (!/^\d+$/.test(r.seats ?? "") || seats < 1 || seats > MAX_SEATS) errors.push("seatsInvalid");
    const termEndsAt = /^\d{4}-\d{2}-\d{2}$/.test(r.term_ends ?? "") ? new Date(`${r.term_ends}T00:00:00Z`) : null;
    if (!termEndsAt || Number.isNaN(termEndsAt.getTime())) errors.push("dateInvalid");
    else if (termEndsAt.getTime() <= now.getTime()) errors.push("dateInPast");
    const status = (r.status ?? "").toLowerCase() || "active";
    if (status !== "active" && status !== "suspended") errors.push("importStatusInvalid");
    const row: PlannedRow = {
      line: i + 2,
      customerDomain: r.customer_domain ?? "",
      customerName: customer?.name ?? null,
      product: r.product ?? "",
      seats: r.seats ?? "",
      termEnds: r.term_ends ?? "",
      status,
      errors,
    };
    if (errors.length === 0)
      row.value = {
        customerId: customer!.id,
        productId: product!.id,
        seats,
        termEndsAt: termEndsAt!,
        state: status as "active" | "suspended",
      };
    return row;
  });
  return { rows, fileErrors: [], member };
}

/** One row of an import: a sale already made elsewhere, written by the single sale's own code (sellIn), which checks its rules again. */
export const importSubscriptionRow = defineOperation({
  name: "subscription.import_row",
  input: importRowSchema,
  authorize: { organization: (row: ImportRow) => row.partnerId, permission: "subscriptions.write", standing: true },
  run: async (ctx, row: ImportRow, member) =>
    await sellIn(ctx, ctx.tx, member, ctx.actor, { ...row, term: null, action: "subscription.imported" }),
});

/**
 * Plans the file (the dry run), and with mode "import" writes its rows in one transaction,
 * all or nothing: a file with any row in error writes none (the dry run shows which). Each row
 * is the single-row operation above, checked again as if it came alone; each customer gets one
 * email naming how many were recorded. The file was read while the form was parsed, before the
 * transaction: on SQLite it holds the only write lock, and parsing 1,000 rows takes 7–15 ms.
 */
export const importSubscriptions = defineOperation({
  name: "subscription.import",
  input: importSubscriptionsSchema,
  authorize: { organization: (input: ImportInput) => input.partnerId, permission: "subscriptions.write", standing: true },
  async run(ctx, input: ImportInput, member): Promise<Sheet & { imported: number }> {
    const { tx } = ctx;
    const sheet = await planRecords(ctx, member, input.file);
    if (input.mode === "dry-run" || sheet.fileErrors.length || sheet.rows.some((r) => r.errors.length)) return { ...sheet, imported: 0 };
    const now = ctx.now();

    const perCustomer = new Map<string, number>();
    for (const row of sheet.rows) {
      const v = row.value!;
      await executeWithin(importSubscriptionRow, ctx, { partnerId: member.organization.id, ...v });
      perCustomer.set(v.customerId, (perCustomer.get(v.customerId) ?? 0) + 1);
    }
    for (const [customerId, n] of perCustomer) {
      await enqueueNotices(tx, await membersWith(tx, [customerId], "customer.dashboard.read"), {
        kind: "subscriptionsImported",
        outboxKind: "subscription.subscriptionsImported",
        key: `subscriptions.import.${member.organization.id}.${now.getTime()}.${customerId}`,
        vars: { partner: member.organization.name, count: String(n) },
        url: `${ctx.config.publicBaseUrl}/customer/${customerId}#subscriptions`,
        relatedId: customerId,
        now,
      });
    }

    return { ...sheet, imported: sheet.rows.length };
  },
});
