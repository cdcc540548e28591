"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { flash } from "./flash";

export type ServerAction<T> = (state: ActionResult<T>, form: FormData) => Promise<ActionResult<T>>;

/**
 * useActionState for our server actions: a success message is announced at page level as
 * soon as the answer arrives, before the re-render that may remove the form that sent it.
 */
export function useAction<T>(serverAction: ServerAction<T>) {
  return useActionState<ActionResult<T>, FormData>(async (previous, form) => {
    const result = await serverAction(previous, form);
    if (result?.ok && result.message) flash(result.message);
    return result;
  }, null);
}
