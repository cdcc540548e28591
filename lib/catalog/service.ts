import { firstRow } from "@/db/query";
import { and, eq, ne } from "drizzle-orm";
import { products, subscriptions } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { ServiceContext } from "@/lib/context";
import { defineOperation } from "@/lib/operations/define";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import {
  addProductSchema,
  changeProductSchema,
  productRefSchema,
  type AddProductInput,
  type ChangeProductInput,
  type ProductRef,
} from "./schemas";

type Product = typeof products.$inferSelect;

/** Names are unique per cloud whatever their case or width. */
export function productKey(name: string): string {
  return name.normalize("NFKC").trim().toLocaleLowerCase();
}

async function productOrThrow(ctx: ServiceContext, id: string): Promise<Product> {
  const product = await firstRow(ctx.db.select().from(products).where(eq(products.id, id)));
  if (!product) throw new DomainError("NOT_FOUND");
  return product;
}

async function assertNameFree(ctx: ServiceContext, cloud: Product["cloud"], name: string, except?: string) {
  const clash = await firstRow(
    ctx.db
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.cloud, cloud), eq(products.nameKey, productKey(name)), except ? ne(products.id, except) : undefined)),
  );
  if (clash) throw new DomainError("PRODUCT_TAKEN", { name }, { name: ["productTaken"] });
}

export const addProduct = defineOperation({
  name: "product.add",
  input: addProductSchema,
  authorize: { operator: "operator.catalog.write" },
  async run(ctx, input: AddProductInput, operator): Promise<Product> {
    const { tx, actor } = ctx;
    await assertNameFree(ctx, input.cloud, input.name);
    const now = ctx.now();
    const product: Product = {
      id: newId("prd"),
      cloud: input.cloud,
      name: input.name,
      nameKey: productKey(input.name),
      supportable: input.supportable,
      available: true,
      createdAt: now,
    };

    await tx.insert(products).values(product);
    await recordAudit(tx, {
      organizationId: operator.organization.id,
      actor,
      action: "product.added",
      targetType: "product",
      targetId: product.id,
      details: { product: product.name, cloud: product.cloud },
      at: now,
    });

    return product;
  },
});

/**
 * Renames a product, says whether another partner may support it, or stops offering it.
 * Subscriptions already sold keep the name they were sold under.
 */
export const changeProduct = defineOperation({
  name: "product.change",
  input: changeProductSchema,
  authorize: { operator: "operator.catalog.write" },
  async run(ctx, input: ChangeProductInput, operator): Promise<Product> {
    const { tx, actor } = ctx;
    const product = await productOrThrow(ctx, input.productId);
    await assertNameFree(ctx, product.cloud, input.name, product.id);
    const now = ctx.now();
    const next = {
      ...product,
      name: input.name,
      nameKey: productKey(input.name),
      supportable: input.supportable,
      available: input.available,
    };

    await tx
      .update(products)
      .set({ name: next.name, nameKey: next.nameKey, supportable: next.supportable, available: next.available })
      .where(eq(products.id, product.id));
    await recordAudit(tx, {
      organizationId: operator.organization.id,
      actor,
      action: "product.changed",
      targetType: "product",
      targetId: product.id,
      details: { product: next.name, from: product.name, cloud: product.cloud },
      at: now,
    });

    return next;
  },
});

/** Removes a product no subscription was ever sold from; one in use can only stop being offered. */
export const removeProduct = defineOperation({
  name: "product.remove",
  input: productRefSchema,
  authorize: { operator: "operator.catalog.write" },
  async run(ctx, ref: ProductRef, operator): Promise<Product> {
    const { tx, actor } = ctx;
    const product = await productOrThrow(ctx, ref.productId);
    const now = ctx.now();

    const used = await firstRow(
      tx.select({ id: subscriptions.id }).from(subscriptions).where(eq(subscriptions.productId, product.id)).limit(1),
    );
    if (used) throw new DomainError("PRODUCT_IN_USE", { name: product.name });
    await tx.delete(products).where(eq(products.id, product.id));
    await recordAudit(tx, {
      organizationId: operator.organization.id,
      actor,
      action: "product.removed",
      targetType: "product",
      targetId: product.id,
      details: { product: product.name, cloud: product.cloud },
      at: now,
    });

    return product;
  },
});
