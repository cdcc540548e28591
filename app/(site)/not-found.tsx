import { NotFoundMessage } from "@/components/shell/not-found-message";

/** A page's `notFound()` (another tenant's id among them): rendered inside the shell. */
export default function NotFound() {
  return <NotFoundMessage />;
}
