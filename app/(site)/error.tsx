"use client";

import { ErrorMessage } from "@/components/shell/error-message";

/** A page's failure, shown inside the shell (header and main area). */
export default function ErrorPage({ reset }: { reset: () => void }) {
  return <ErrorMessage reset={reset} />;
}
