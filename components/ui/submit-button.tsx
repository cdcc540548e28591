"use client";

import { useFormStatus } from "react-dom";

type Props = {
  label: string;
  pendingLabel: string;
  variant?: "primary" | "secondary" | "danger";
  name?: string;
  value?: string;
  pending?: boolean;
};

const styles = {
  primary: "bg-blue-700 text-white hover:bg-blue-800 disabled:bg-blue-400",
  secondary: "border border-gray-300 bg-white text-gray-900 hover:bg-gray-50 disabled:text-gray-400",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:bg-red-400",
};

/** A submit button that shows its pending state and cannot be pressed twice. */
export function SubmitButton({ label, pendingLabel, variant = "primary", name, value, pending: explicit }: Props) {
  // Forms run through useActionForm pass their pending state; plain form actions use the form's status.
  const status = useFormStatus();
  const pending = explicit ?? status.pending;
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      aria-disabled={pending}
      className={`inline-flex items-center rounded-md px-4 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 ${styles[variant]}`}
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
