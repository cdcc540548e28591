import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { AnyOperation, Authorization, Operation, PrincipalFor } from "@/lib/operations/define";
import { execute } from "@/lib/operations/execute";
import { requestIp } from "@/lib/rate-limits/request";
import { serviceContext } from "@/lib/server-context";
import type { ActionResult } from "./result";
import { runAction, type Translate } from "./run-action";
import { runTokenAction } from "./run-token-action";

type Revalidate = string | { path: string; type: "layout" | "page" };

export type ActionOptions<I, R, T> = {
  /** Answering an emailed link: an address that fails too many tokens is refused first (runTokenAction). */
  token?: boolean;
  /** What the pages showing the change are: revalidated after commit. */
  revalidate?: (input: I, result: R) => Revalidate | Revalidate[] | null;
  /** What the person is told, in their language. */
  message?: (t: Translate, result: R, input: I) => string | undefined | Promise<string | undefined>;
  /** What the page receives besides the message. */
  data?: (result: R, input: I, t: Translate) => T;
  /** Where the browser goes once it succeeded (redirect() is called outside runAction's try/catch, which would swallow it). */
  redirect?: (result: R, input: I) => string;
};

// On globalThis: Next bundles this module once per entry, and the registry's test reads it.
const adapted = ((globalThis as { __prcAdapted?: Set<AnyOperation> }).__prcAdapted ??= new Set());

/** The operations a server action reaches (lib/operations/registry.test.ts checks that every one is). */
export const operationsWithActions = (): ReadonlySet<AnyOperation> => adapted;

/**
 * The server action adapter: form data in (runAction re-checks the session and reports every
 * field's error), the operation through the one executor, the pages revalidated, and a
 * translated result out. The operation holds every rule; this holds only what a page needs.
 */
export function actionFor<S extends z.ZodType, I, R, A extends Authorization<I>, T = undefined>(
  op: Operation<S, I, R, A>,
  options: ActionOptions<z.output<S>, R, T> = {},
): (previous: ActionResult<T>, form: FormData) => Promise<ActionResult<T>> {
  adapted.add(op as AnyOperation);
  return async (_previous, form) => {
    let done: { result: R; input: z.output<S> } | undefined;
    const answer = await (options.token ? runTokenAction : runAction)(op.input, form, async (input: z.output<S>, actor, t) => {
      const ctx = { ...serviceContext(), clientIp: await requestIp() };
      // A page acts for the person signed in; a system operation refuses them (the executor says so).
      const result = await execute(op, ctx, actor as PrincipalFor<A>, input as I);
      for (const target of [options.revalidate?.(input, result) ?? []].flat()) {
        if (typeof target === "string") revalidatePath(target);
        else revalidatePath(target.path, target.type);
      }
      done = { result, input };
      return { ok: true, message: await options.message?.(t, result, input), data: options.data?.(result, input, t) };
    });
    if (answer?.ok && done && options.redirect) redirect(options.redirect(done.result, done.input));
    return answer;
  };
}
