import { notFound } from "next/navigation";

/**
 * Any address no page matches: "not found" inside the shell (app/(site)/not-found.tsx).
 * Left to the root's not-found page, it would have no header, and giving that page the
 * header would put the whole header into every page's payload a second time (Next sends
 * each not-found page's content along with the page, ready to show).
 */
export default function Missing() {
  notFound();
}
