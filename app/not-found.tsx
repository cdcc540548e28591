import { AppShell } from "@/components/shell/app-shell";
import { NotFoundMessage } from "@/components/shell/not-found-message";

/** An address that matches no page: rendered in the root layout alone, so it brings the shell itself. */
export default function NotFound() {
  return (
    <AppShell>
      <NotFoundMessage />
    </AppShell>
  );
}
