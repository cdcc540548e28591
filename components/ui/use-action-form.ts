"use client";

import { startTransition, type FormEvent } from "react";
import { useAction, type ServerAction } from "./use-action";

/**
 * Runs a server action from a form without React's automatic reset, so what the person
 * typed stays in place when the action answers with errors. The `action` prop remains for
 * submits before hydration; once hydrated, onSubmit takes over.
 */
export function useActionForm<T>(serverAction: ServerAction<T>) {
  const [state, dispatch, pending] = useAction(serverAction);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(data));
  };
  return { state, pending, formProps: { action: dispatch, onSubmit } };
}
