"use client";

import { ErrorMessage } from "@/components/shell/error-message";
import { MAIN_CLASS } from "@/components/shell/main-class";

/**
 * A failure of the shell itself (the header reads the session and the memberships): the
 * page has no header then, only the message, in the user's language.
 */
export default function ShellErrorPage({ reset }: { reset: () => void }) {
  return (
    <main id="main" className={MAIN_CLASS}>
      <ErrorMessage reset={reset} />
    </main>
  );
}
