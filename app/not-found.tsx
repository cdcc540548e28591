import { NotFoundMessage } from "@/components/shell/not-found-message";
import { MAIN_CLASS } from "@/components/shell/main-class";

/**
 * Only what is outside app/(site) can end here (unknown addresses go to app/(site)/[...missing]):
 * the message alone, with nothing that reads the database.
 */
export default function NotFound() {
  return (
    <main id="main" className={MAIN_CLASS}>
      <NotFoundMessage />
    </main>
  );
}
