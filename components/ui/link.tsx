import type { AnchorHTMLAttributes } from "react";

/**
 * A link inside the app: a plain anchor that <SoftLinks> (components/ui/soft-links.tsx,
 * mounted once in the root layout) navigates client-side. Used instead of `next/link`, whose
 * component the server serializes and the browser hydrates for every link, and which every
 * page's JavaScript then carries (about 4 kB gzip with its helpers; docs/performance.md,
 * 2026-12-03). What is lost is prefetching: a page is fetched when its link is clicked.
 */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return <a data-soft-link {...props} />;
}
