"use client";

import { Alert } from "./alert";

type Result = { ok: boolean; message?: string; error?: string } | null;

/**
 * An action's error, beside the form that caused it. Successes are announced at page level (useAction).
 * The live region is always there (so the error is announced) but takes no room until it holds one.
 */
export function ActionMessage({ result }: { result: Result }) {
  return (
    <div aria-live="polite">
      {result && !result.ok && result.error && (
        <div className="mt-2">
          <Alert tone="error" role="alert">
            {result.error}
          </Alert>
        </div>
      )}
    </div>
  );
}
