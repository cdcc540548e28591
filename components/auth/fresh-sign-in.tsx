"use client";

import { ActionMessage } from "@/components/ui/action-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { signInAction } from "@/lib/auth/actions";

type Props = { email: string; returnTo: string; text: { body: string; button: string; pending: string } };

/**
 * In place of a step that needs a recent sign-in (lib/auth/recent-sign-in.ts): emails the
 * signed-in person a new link that brings them back here, where the step is then offered.
 */
export function FreshSignIn({ email, returnTo, text }: Props) {
  const { state, pending, formProps } = useActionForm(signInAction);
  return (
    <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3">
      <p className="text-sm text-gray-900">{text.body}</p>
      <form {...formProps}>
        <input type="hidden" name="email" value={email} />
        <input type="hidden" name="redirectTo" value={returnTo} />
        <SubmitButton label={text.button} pendingLabel={text.pending} pending={pending} />
      </form>
      <ActionMessage result={state && !state.ok ? state : null} />
    </div>
  );
}
