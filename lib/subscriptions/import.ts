import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { products, resellerRelationships } from "@/db/schema";
import { requirePermission, type Actor, type Member } from "@/lib/auth/membership";
import { transaction } from "@/db/transaction";
import { membersWith } from "@/lib/auth/recipients";
import { within, type ServiceContext } from "@/lib/context";
import { normalizeDomain } from "@/lib/email/normalize";
import { assertInGoodStanding } from "@/lib/partners/standing";
import { productKey } from "@/lib/catalog/service";
import { MAX_SEATS } from "@/db/values/subscriptions";
import { saleProblems, sellIn } from "./service";
import { enqueueNotices } from "@/lib/email/notices";

/** The columns an import file has, in its header row (any order; `status` may be left out). */
export const IMPORT_COLUMNS = ["customer_domain", "product", "seats", "term_ends", "status"] as const;
export const MAX_IMPORT_ROWS = 1000;
export const MAX_IMPORT_BYTES = 512 * 1024;

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

function readCsv(csv: string): { records: Record<string, string>[]; fileErrors: string[] } {
  if (Buffer.byteLength(csv, "utf8") > MAX_IMPORT_BYTES) return { records: [], fileErrors: ["csvTooLarge"] };
  let records: Record<string, string>[];
  try {
    // A well-kept parser: quoting, escaped quotes, BOM, CRLF and ragged rows are its business.
    records = parse(csv, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      delimiter: [",", ";"],
    });
  } catch {
    return { records: [], fileErrors: ["csvInvalid"] };
  }
  if (records.length === 0) return { records, fileErrors: ["csvEmpty"] };
  if (records.length > MAX_IMPORT_ROWS) return { records: [], fileErrors: ["csvTooManyRows"] };
  const missing = IMPORT_COLUMNS.filter((c) => c !== "status" && !(c in records[0]));
  return { records, fileErrors: missing.length ? ["csvColumns"] : [] };
}

/**
 * The dry run: every row with its own errors, nothing written. A row is importable when its
 * customer is this partner's customer now (by primary domain), its product is in the cloud's
 * catalog, its seats are a whole number from 1 to 100,000, its term ends on a future date,
 * and its status (if given) is active or suspended.
 */
export async function planImport(ctx: ServiceContext, actor: Actor, input: { partnerId: string; csv: string }): Promise<Sheet> {
  return planRecords(ctx, actor, input.partnerId, readCsv(input.csv));
}

async function planRecords(ctx: ServiceContext, actor: Actor, partnerId: string, csv: ReturnType<typeof readCsv>): Promise<Sheet> {
  const member = await requirePermission(ctx.db, actor, partnerId, "subscriptions.write");
  assertInGoodStanding(member.organization);
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

/**
 * Writes the planned rows in one transaction, all or nothing: a file with any row in error
 * writes none (the dry run shows which). Each subscription is audited on both sides; each
 * customer gets one email naming how many were recorded.
 */
export async function importSubscriptions(
  outer: ServiceContext,
  actor: Actor,
  input: { partnerId: string; csv: string },
): Promise<Sheet & { imported: number }> {
  // Parsed before the transaction: on SQLite it holds the only write lock, and parsing 1,000
  // rows takes 7–15 ms that no other writer should wait for.
  const csv = readCsv(input.csv);
  return transaction(outer.db, async (tx) => {
    const ctx = within(outer, tx);
    const sheet = await planRecords(ctx, actor, input.partnerId, csv);
    if (sheet.fileErrors.length || sheet.rows.some((r) => r.errors.length)) return { ...sheet, imported: 0 };
    const { member } = sheet;
    const now = ctx.now();

    const perCustomer = new Map<string, number>();
    for (const row of sheet.rows) {
      const v = row.value!;
      // Each row is one sale, written by the single sale's own code, which checks its rules again
      // at the moment of writing (still this partner's customer, the product still offered).
      await sellIn(ctx, tx, member, actor, { ...v, term: null, action: "subscription.imported" });
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
  });
}
