import { NotFoundMessage } from "@/components/shell/not-found-message";

/** A page's `notFound()` (another tenant's id among them) and unknown addresses: inside the shell. */
export default function NotFound() {
  return <NotFoundMessage />;
}
