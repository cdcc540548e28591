"use client";

import { startTransition, useEffect, useRef, type FormEvent } from "react";
import { useAction, type ServerAction } from "./use-action";

/**
 * Runs a server action from a form without React's automatic reset, so what the person
 * typed stays in place when the action answers with errors. With `resetOnSuccess` the form
 * is cleared after a success, ready for the next one (invite another, record another). The
 * `action` prop remains for submits before hydration; once hydrated, onSubmit takes over.
 */
export function useActionForm<T>(serverAction: ServerAction<T>, opts: { resetOnSuccess?: boolean } = {}) {
  const [state, dispatch, pending] = useAction(serverAction);
  const ref = useRef<HTMLFormElement>(null);
  const resetOnSuccess = opts.resetOnSuccess ?? false;
  useEffect(() => {
    if (resetOnSuccess && state?.ok) ref.current?.reset();
  }, [state, resetOnSuccess]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(data));
  };
  return { state, pending, formProps: { ref, action: dispatch, onSubmit } };
}
