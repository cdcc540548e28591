"use client";

import { useState, type ReactNode } from "react";
import { SubmitButton } from "./submit-button";

type Props = {
  action: (form: FormData) => void;
  trigger: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  pendingLabel: string;
  children?: ReactNode;
};

/** A destructive action asks first: the button reveals a question with an explicit confirm. */
export function ConfirmForm({ action, trigger, question, confirmLabel, cancelLabel, pendingLabel, children }: Props) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        onClick={() => setAsking(true)}
        className="rounded-md border border-red-300 bg-white px-4 py-2 text-sm font-medium text-red-800 hover:bg-red-50"
      >
        {trigger}
      </button>
    );
  }
  return (
    <form action={action} className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3" role="group" aria-label={question}>
      {children}
      <p className="text-sm text-red-900">{question}</p>
      <div className="flex gap-2">
        <SubmitButton label={confirmLabel} pendingLabel={pendingLabel} variant="danger" />
        <button
          type="button"
          autoFocus
          onClick={() => setAsking(false)}
          className="rounded-md border border-gray-300 bg-white px-4 py-2 text-sm font-medium hover:bg-gray-50"
        >
          {cancelLabel}
        </button>
      </div>
    </form>
  );
}
