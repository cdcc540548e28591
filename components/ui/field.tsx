import type { ReactNode } from "react";

type Props = {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (aria: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => ReactNode;
};

/** A labelled control with its hint and every error beside it, announced to screen readers. */
export function Field({ id, label, hint, errors, children }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-gray-900">
        {label}
      </label>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": errorId ? true : undefined })}
      {hint && (
        <p id={hintId} className="text-xs text-gray-600">
          {hint}
        </p>
      )}
      <FieldErrors id={`${id}-error`} messages={errors} />
    </div>
  );
}

/** A control's error messages, in a live region the control points at with aria-describedby. */
export function FieldErrors({ id, messages }: { id: string; messages?: string[] }) {
  return (
    <div id={id} aria-live="polite">
      {messages?.map((e) => (
        <p key={e} className="text-sm text-red-700">
          {e}
        </p>
      ))}
    </div>
  );
}

/** A field's look without its width, for fields sized by their row (a list's search box). */
export const fieldLookClass =
  "rounded-md border border-gray-300 px-3 py-2 text-sm shadow-sm focus:border-blue-600 focus:outline-none focus:ring-1 focus:ring-blue-600 aria-[invalid=true]:border-red-600";

/** A form's field: the whole width of its column. */
export const inputClass = `block w-full ${fieldLookClass}`;
