import type { z } from "zod";
import type { Tx } from "@/db/transaction";
import type { OrganizationKind } from "@/db/values/organizations";
import type { Actor, Member } from "@/lib/auth/membership";
import type { OperatorPermission, Permission } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";

/**
 * Who may run an operation, checked by the executor inside the operation's transaction
 * before `run` sees anything:
 * - `organization`: a member of the organization the input names who holds the permission
 *   (one permission, or one per kind of organization for work every side does). Another
 *   tenant's id is NOT_FOUND, a member without the permission FORBIDDEN. With `standing`, a
 *   partner out of good standing is refused as well: the operation reaches out.
 * - `operator`: a member of the program's own organization holding the operator permission.
 * - `person`: any signed-in person acting for themselves (answering a link sent to their
 *   address, applying to the program); the operation's own rules decide, from who they are.
 * - `system`: the installation itself (the scheduled job, a link's landing page recording
 *   that it was opened): no person acts, and the audit row names nobody.
 */
export type Authorization<I> =
  | {
      organization: (input: I) => string;
      permission: Permission | Partial<Record<OrganizationKind, Permission>>;
      standing?: boolean;
    }
  | { operator: OperatorPermission }
  | { person: true }
  | { system: true };

/** Who runs an operation: a person (signed in), or the installation itself for `system` operations. */
export type Principal = Actor | "system";
export type PrincipalFor<A> = A extends { system: true } ? "system" : Actor;

/** What `run` works with: the service context whose `db` is the executor's transaction, that transaction, and who acts. */
export type OperationContext<P extends Principal = Actor> = ServiceContext & { tx: Tx; actor: P };

type MemberOf<A> = A extends { person: true } | { system: true } ? null : Member;

/**
 * An operation: `S` is the schema a form is parsed with, `I` what `run` takes (the schema's
 * output, or a wider type that the schema's output fits, for callers that build the input
 * themselves: bulk work, tests), `R` what it answers, `A` who may run it.
 */
export type Operation<S extends z.ZodType = z.ZodType, I = z.output<S>, R = unknown, A extends Authorization<I> = Authorization<I>> = {
  /** Stable and dotted (`invitation.create`): the registry's key, and what the API and the logs call it. */
  name: string;
  /** What a caller sends, as a form gives it: the action adapter parses with it and reports every field's error. */
  input: S;
  authorize: A;
  /**
   * Work before the transaction that commits whatever the answer: counting an attempt against
   * a limit, so that refused attempts count too. Runs outside the operation's transaction.
   */
  admit?(ctx: ServiceContext & { actor: PrincipalFor<A> }, input: I): Promise<void>;
  /**
   * The rule, once: checks, rows, the audit row and outbox rows, all inside the executor's
   * transaction. Never opens a transaction of its own, so another operation (a bulk one) can
   * run it inside its own. Queued email wakes its sender after commit by itself.
   */
  run(ctx: OperationContext<PrincipalFor<A>>, input: I, member: MemberOf<A>): Promise<R>;
};

/** Declares an operation (lib/operations/registry.ts lists every one). The schema's output must fit what `run` takes. */
export function defineOperation<S extends z.ZodType, R, A extends Authorization<I>, I = z.output<S>>(
  op: Operation<S, I, R, A> & { input: z.output<S> extends I ? S : never },
): Operation<S, I, R, A> {
  return op;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds operations of every shape
export type AnyOperation = Operation<z.ZodType, any, unknown, any>;
