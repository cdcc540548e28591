import type { z } from "zod";
import { transaction } from "@/db/transaction";
import { requirePermission, requirePermissionOfKind, type Member } from "@/lib/auth/membership";
import type { ServiceContext } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { operatorOrganization } from "@/lib/operator/bootstrap";
import { assertInGoodStanding } from "@/lib/partners/standing";
import type { Authorization, Operation, OperationContext, Principal, PrincipalFor } from "./define";

/** Who runs it, checked from the membership row read inside the transaction: what the write will see. */
async function authorize<I>(ctx: OperationContext<Principal>, rule: Authorization<I>, input: I): Promise<Member | null> {
  if ("system" in rule) return null;
  // Only the system runs system operations, and the system runs nothing else.
  if (ctx.actor === "system") throw new DomainError("FORBIDDEN");
  // A key acts for an organization, never as the person who made it answering their own links.
  if ("person" in rule) {
    if (ctx.actor.key) throw new DomainError("FORBIDDEN");
    return null;
  }
  if ("operator" in rule) {
    const operator = await operatorOrganization(ctx.tx);
    if (!operator) throw new DomainError("NOT_FOUND");
    return await requirePermission(ctx.tx, ctx.actor, operator.id, rule.operator);
  }
  const organizationId = rule.organization(input);
  const member =
    typeof rule.permission === "string"
      ? await requirePermission(ctx.tx, ctx.actor, organizationId, rule.permission)
      : await requirePermissionOfKind(ctx.tx, ctx.actor, organizationId, rule.permission);
  if (rule.standing) assertInGoodStanding(member.organization);
  return member;
}

/**
 * Runs an operation inside a transaction the caller already holds (bulk work, one operation
 * composed of others): checked again for this input, as if it came alone.
 */
export async function executeWithin<S extends z.ZodType, I, R, A extends Authorization<I>>(
  op: Operation<S, I, R, A>,
  ctx: OperationContext<PrincipalFor<A>>,
  input: NoInfer<I>,
): Promise<R> {
  if ("system" in op.authorize && ctx.actor !== "system") throw new DomainError("FORBIDDEN");
  const member = await authorize(ctx, op.authorize, input);
  return await op.run(ctx, input, member as Parameters<typeof op.run>[2]);
}

/**
 * The one executor every caller goes through (pages, the API, background work): opens the
 * transaction, checks who may run the operation, runs it, commits, and then runs the
 * after-commit work the operation registered (waking the email sender). Domain errors come
 * back as thrown DomainErrors with nothing written; each adapter turns them into its answer.
 */
export async function execute<S extends z.ZodType, I, R, A extends Authorization<I>>(
  op: Operation<S, I, R, A>,
  ctx: ServiceContext,
  actor: PrincipalFor<A>,
  input: NoInfer<I>,
): Promise<R> {
  if (op.admit) await op.admit({ ...ctx, actor }, input);
  return await transaction(ctx.db, (tx) => executeWithin(op, { ...ctx, db: tx, tx, actor }, input));
}
